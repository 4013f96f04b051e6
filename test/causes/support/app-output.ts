/** Kestrel console / stdout log lines as ASP.NET Core writes them, for the resource-exhaustion tests. */

/** `warn: Microsoft.AspNetCore.Server.Kestrel[22]` with the .NET 5+ heartbeat template. */
export function heartbeat(now: string, duration: string): string[] {
  return [
    'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
    `      As of "${now}", the heartbeat has been running for "${duration}" which is longer than "00:00:01". This could be caused by thread pool starvation.`,
  ];
}

/** A Kestrel[13] error whose exception stack blocks on a Task (sync over async). */
export function blockingStack(requestId: string): string[] {
  return [
    'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
    `      Connection id "0HN8B6M6V5T1K", Request id "0HN8B6M6V5T1K:${requestId}": An unhandled exception was thrown by the application.`,
    '      System.AggregateException: One or more errors occurred. (A task was canceled.)',
    '       ---> System.Threading.Tasks.TaskCanceledException: A task was canceled.',
    '         --- End of inner exception stack trace ---',
    '         at System.Threading.Tasks.Task`1.GetResultCore(Boolean waitCompletionNotification)',
    '         at System.Threading.Tasks.Task`1.get_Result()',
    '         at Shop.Services.PriceService.GetPrices() in C:\\src\\Shop\\Services\\PriceService.cs:line 31',
  ];
}

/** The SqlClient pool timeout, as logged by EF Core under Kestrel[13]. */
export function poolTimeout(requestId: string): string[] {
  return [
    'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
    `      Connection id "0HN8B6M6V5T1L", Request id "0HN8B6M6V5T1L:${requestId}": An unhandled exception was thrown by the application.`,
    '      System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.',
    '         at Microsoft.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, DbConnectionInternal& connection)',
    '         at Microsoft.Data.SqlClient.SqlConnection.Open()',
  ];
}

/** HttpClient failing to connect with WSAENOBUFS, logged by the app. */
export function socketExhausted(): string[] {
  return [
    'fail: Shop.Services.CatalogClient[0]',
    '      Catalog call failed',
    '      System.Net.Http.HttpRequestException: An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full. (catalog.example.com:443)',
    '       ---> System.Net.Sockets.SocketException (10055): An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full.',
    '         at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)',
  ];
}
