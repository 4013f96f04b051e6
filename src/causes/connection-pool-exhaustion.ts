/**
 * Database connection pool exhaustion: every pooled connection is in use (leaked, or held across
 * slow work) and new requests wait for one until "Timeout expired ... obtaining a connection from
 * the pool". Requests pile up behind the pool and the gateway times out.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { hangRefs } from './support/hang-signs';

interface ConnectionPoolExhaustionFacts {
  /** "Timeout expired ... obtaining a connection from the pool" errors. */
  count: number;
  /** The evidence also shows gateway timeouts. */
  hang: boolean;
  /** Stacks show blocking waits (.Result/.Wait()). */
  blocking: boolean;
}

export default defineCause<ConnectionPoolExhaustionFacts>({
  id: 'connection-pool-exhaustion',
  title: 'Database connection pool exhausted (connections leaked or held too long)',
  family: 'resource-exhaustion',
  layer: 'app',
  clues: {
    'sql.pool-timeout': 'proves',
    'narrative.pool-limit': 'supports',
  },
  description:
    "All connections in the ADO.NET pool (Max Pool Size, 100 by default) were in use, so requests waited for one until the connect timeout and failed. Connections that are never disposed, or held across slow work, are the usual reason; blocking waits make it worse because requests stack up behind the pool.",
  match(evidence) {
    const found = signals(evidence, 'sql-pool-timeout');
    if (found.length === 0) return undefined;
    const hang = hangRefs(evidence);
    const boosts: number[] = [];
    if (hang.length > 0) boosts.push(CONFIDENCE.strong - (CONFIDENCE.likely + 0.05));
    if (found.length >= 3) boosts.push(0.05);
    return {
      confidence: boosted(CONFIDENCE.likely + 0.05, ...boosts),
      evidence: refsOf([...found.map((s) => s.ref), ...hang]),
      facts: {
        count: found.length,
        hang: hang.length > 0,
        blocking: signals(evidence, 'blocking-wait-in-stack').length > 0,
      },
    };
  },
  steps({ facts }) {
    const { count } = facts;
    const steps = [
      `The app logged ${count !== undefined ? `${count} ` : ''}"Timeout expired. The timeout period elapsed prior to obtaining a connection from the pool" error${count === 1 ? '' : 's'}: every connection of the pool was checked out and none came back in time.`,
      'Watch the pool while it happens: "dotnet-counters monitor --process-id <PID> --counters Microsoft.Data.SqlClient.EventSource" (active-hard-connections, number-of-active-connection-pool-groups; Microsoft.Data.SqlClient 3+), and on the server "SELECT program_name, status, COUNT(*) FROM sys.dm_exec_sessions WHERE is_user_process = 1 GROUP BY program_name, status" (many sleeping sessions from the app = leaked connections).',
      'Look for connections that are not disposed: SqlConnection/DbContext created without using/await using, a DbContext registered as singleton or captured in a background task, data readers left open, connections held across awaits on slow external calls or across a transaction that waits for user input.',
    ];
    if (facts.hang) steps.push('The evidence also shows timeouts at the gateway: requests queued behind the pool until ANCM/the proxy gave up.');
    if (facts.blocking) steps.push('Blocking waits (.Result/.Wait()) are also present: threads blocked while holding a connection keep it out of the pool longer, and starve the thread pool at the same time.');
    steps.push('Raising Max Pool Size only helps when the load is legitimate and the database can take it; with a leak, it only delays the next outage.');
    return steps;
  },
  fix() {
    return {
      summary: 'Dispose every connection and DbContext as soon as the work is done (using/await using, scoped DbContext via DI), use async database calls, and only then size the pool (Max Pool Size in the connection string) to the real concurrency.',
      language: 'csharp',
      snippet: [
        '// Connection returned to the pool at the end of the block, even on exceptions',
        'await using var connection = new SqlConnection(connectionString);',
        'await connection.OpenAsync(ct);',
        'await using var command = new SqlCommand("SELECT Id, Name FROM dbo.Customers WHERE Region = @r", connection);',
        'command.Parameters.AddWithValue("@r", region);',
        'await using var reader = await command.ExecuteReaderAsync(ct);',
        '',
        '// EF Core: scoped DbContext (one per request), never a singleton or captured by background work',
        'builder.Services.AddDbContext<AppDb>(o => o.UseSqlServer(',
        '    builder.Configuration.GetConnectionString("Default"))); // "...;Max Pool Size=200" only if the load needs it',
      ].join('\n'),
    };
  },
  wants: ['stdout-log', 'iis-log', 'event-log'],
  references: [
    'https://learn.microsoft.com/dotnet/framework/data/adonet/sql-server-connection-pooling',
    'https://learn.microsoft.com/sql/connect/ado-net/sql-server-connection-pooling',
    'https://github.com/dotnet/efcore/issues/15814',
  ],
});
