import cause from '../../src/causes/connection-pool-exhaustion';
import { runCauseTests } from '../helpers/cause-tester';
import { poolTimeout } from './support/app-output';
import { iisLog, iisRow } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a SQL login failure is a startup/config problem, not the pool',
      evidence: {
        'stdout_20261120101501_4242.log': "Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'IIS APPPOOL\\ShopPool'.",
      },
    },
    {
      name: 'a command timeout is a slow query, not an exhausted pool',
      evidence: {
        'stdout_20261120101501_4242.log': [
          'fail: Microsoft.EntityFrameworkCore.Database.Command[20102]',
          '      Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'the pool timeout under Kestrel[13] (dotnet/efcore#15814 message)',
      evidence: { 'stdout_20261120101501_4242.log': poolTimeout('00000001').join('\n') },
      minConfidence: 0.6,
      maxConfidence: 0.7,
      evidenceLines: [3],
      mentions: ['1 "Timeout expired.', 'await using', 'sys.dm_exec_sessions'],
    },
    {
      name: 'repeated pool timeouts while the gateway times out',
      evidence: {
        'stdout_20261120101501_4242.log': [...poolTimeout('00000001'), ...poolTimeout('00000002'), ...poolTimeout('00000003')].join('\n'),
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12002, 120015)]),
      },
      minConfidence: 0.8,
      mentions: ['3 "Timeout expired.', 'timeouts at the gateway'],
    },
  ],
  messy: {
    valid: [
      {
        // SqlClient's command timeout (Strings.resx SQL_Timeout_Execution) in prose: a slow query, not the pool.
        name: 'a command timeout in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'the report endpoint dies with "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding." after 30 s' },
      },
    ],
    invalid: [
      {
        // How people tell a pool at its limit (the MySqlConnector report layout: Max Pool Size in the
        // connection string, the client's "Connect Timeout expired."), the pool never named in an error.
        name: 'a pool at its maximum size told in words, with the connect timeouts it brings',
        form: 'in prose',
        evidence: {
          'message.txt': [
            'When traffic peaks, the MySQL connections climb to maximumpoolsize=100 while the database itself is idle.',
            'Then every request logs:',
            'MySqlConnector.MySqlException (0x80004005): Connect Timeout expired.',
          ].join('\n'),
        },
      },
      {
        // https://github.com/dotnet/efcore/issues/15814 (the "Exception message:" / "Stack trace:" layout of that report, frames shortened)
        name: 'the pool timeout as "Exception message:" without a logger header (real)',
        form: 'header-less',
        evidence: {
          'exception.txt': [
            'Exception message: System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.',
            'Stack trace:',
            '   at System.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, DbConnectionInternal& connection)',
            '   at System.Data.SqlClient.SqlConnection.Open()',
          ].join('\n'),
        },
      },
      {
        // SqlClient's pool timeout text (Strings.resx ADP_PooledOpenTimeout) in Portuguese prose.
        name: 'Portuguese prose around the pool timeout',
        form: 'other language',
        evidence: { 'mensagem.txt': 'Sob carga a API devolve 502 e o log mostra: System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool. Alguém já viu isso?' },
      },
      {
        // The same message wrapped by the console after "obtaining a".
        name: 'the pool timeout wrapped mid-sentence',
        form: 'split over lines',
        evidence: {
          'stdout.txt': [
            'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
            '      System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a',
            'connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.',
          ].join('\n'),
        },
      },
      {
        // The same text retold, the way people summarize it.
        name: 'retold: all pooled connections in use, max pool size reached',
        form: 'paraphrased',
        evidence: { 'message.txt': 'EF says timeout expired prior to obtaining a connection from the pool, because all pooled connections were in use and max pool size was reached. Happens at peak hours, then 502s' },
      },
    ],
  },
});
