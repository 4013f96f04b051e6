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
});
