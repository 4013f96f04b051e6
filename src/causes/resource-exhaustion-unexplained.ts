/** The app ran out of a resource and hung; which one is not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'resource-exhaustion',
  title: 'The app ran out of threads, sockets or connections and stopped answering',
  description: 'The evidence points at the app hanging under load rather than failing outright: the thread pool starved, the database connection pool ran dry, or outbound sockets ran out. Which one is not shown yet.',
  layer: 'app',
  steps: [
    'While it happens, run "dotnet-counters monitor --process-id <PID> System.Runtime": a growing "ThreadPool Queue Length" is starvation; watch also "Number of Active Timers" and connection counts.',
    'Take a dump during the stall ("dotnet-dump collect -p <PID>", then "dotnet-dump analyze": "threadpool", "clrstack -all", "dumpasync") and look for many threads blocked in .Result/.Wait(), SqlConnection.Open or HttpClient.',
    'Check "netstat -ano | find /c \\"TIME_WAIT\\"" for socket exhaustion (HttpClient created per request), and the database\'s connection count for leaked connections.',
  ],
  fix: { summary: 'Remove the blocking (async all the way down), reuse HttpClient (IHttpClientFactory), dispose database connections promptly; raise limits only after that.' },
  wants: ['stdout-log', 'event-log', 'iis-log'],
  references: ['https://learn.microsoft.com/dotnet/core/diagnostics/debug-threadpool-starvation', 'https://learn.microsoft.com/aspnet/core/fundamentals/best-practices'],
});
