import fc from 'fast-check';
import { detectLineSignals, frameworkAndVersion, timespanMs } from '../../../src/evidence/parsers/stdout-signals';
import type { EvidenceRef, Signal, SignalId } from '../../../src/evidence/types';
import { expectLinearTime } from '../../helpers/linear-time';

const ref: EvidenceRef = { source: 'stdout.log', line: 7, text: 'x' };

function ids(line: string): SignalId[] {
  return detectLineSignals(line, ref).map((s) => s.id);
}

function only<K extends SignalId>(line: string, id: K): Signal<K> {
  const found = detectLineSignals(line, ref).filter((s): s is Signal<K> => s.id === id);
  expect(found).toHaveLength(1);
  return found[0] as Signal<K>;
}

describe('detectLineSignals: one line, the templates .NET, Kestrel and ANCM write', () => {
  it.each<[string, string, SignalId]>([
    ['.NET 6+ host', 'You must install or update .NET to run this application.', 'framework-missing'],
    ['.NET Core 2/3 host', 'It was not possible to find any compatible framework version', 'framework-missing'],
    ['unhandled exception (.NET 5+)', 'Unhandled exception. System.InvalidOperationException: boom', 'unhandled-exception'],
    ['unhandled exception (.NET Core 2/3)', 'Unhandled Exception: System.InvalidOperationException: boom', 'unhandled-exception'],
    ['.NET Runtime 1026 Exception Info', 'Exception Info: System.NullReferenceException', 'unhandled-exception'],
    ['stack overflow (.NET 5+)', 'Stack overflow.', 'stack-overflow'],
    ['stack overflow (older runtime)', 'Process is terminated due to StackOverflowException.', 'stack-overflow'],
    ['out of memory', "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", 'out-of-memory'],
    ['bad image format', "Unhandled Exception: System.BadImageFormatException: Could not load file or assembly 'Shop.dll'. An attempt was made to load a program with an incorrect format.", 'bad-image-format'],
    ['dll not found', "System.DllNotFoundException: Unable to load DLL 'Microsoft.Data.SqlClient.SNI.x64.dll' or one of its dependencies: The specified module could not be found. (0x8007007E)", 'dll-not-found'],
    ['assembly load failure', "System.IO.FileNotFoundException: Could not load file or assembly 'Polly, Version=7.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc'. The system cannot find the file specified.", 'assembly-load-failure'],
    ['config file missing', "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional. The expected physical path was 'C:\\inetpub\\shop\\appsettings.json'.", 'config-file-missing'],
    ['SQL unreachable', 'Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 0 - No such host is known.)', 'sql-connection-failure'],
    ['SQL login', "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'IIS APPPOOL\\ShopPool'.", 'sql-login-failed'],
    ['SQL 4060', 'Cannot open database "Shop" requested by the login. The login failed.', 'sql-login-failed'],
    ['SQL pool', 'System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.', 'sql-pool-timeout'],
    ['DI', "System.InvalidOperationException: Unable to resolve service for type 'Shop.IClock' while attempting to activate 'Shop.Home'.", 'di-resolution-failure'],
    ['Kestrel bind', 'Failed to bind to address http://127.0.0.1:5000: address already in use.', 'port-in-use'],
    ['Kestrel heartbeat (new)', 'As of "11/20/2026 10:15:04 +00:00", the heartbeat has been running for "00:00:04.7981284" which is longer than "00:00:01". This could be caused by thread pool starvation.', 'kestrel-heartbeat-slow'],
    ['Kestrel heartbeat (old)', 'Heartbeat took longer than "00:00:01" at "11/22/2019 04:09:11 +00:00". This could be caused by thread pool starvation.', 'kestrel-heartbeat-slow'],
    ['Kestrel[13]', 'Connection id "0HN8Q3V1K2M4R", Request id "0HN8Q3V1K2M4R:00000002": An unhandled exception was thrown by the application.', 'kestrel-app-error'],
    ['Kestrel abort', 'The response has been aborted due to an unhandled application exception.', 'kestrel-request-aborted'],
    ['Kestrel connection', 'Connection processing ended abnormally.', 'kestrel-request-aborted'],
    ['listening', 'Now listening on: http://127.0.0.1:21456', 'host-listening'],
    ['started', 'Application started. Press Ctrl+C to shut down.', 'host-started'],
    ['environment', 'Hosting environment: Production', 'host-environment'],
    ['stopping', 'Application is shutting down...', 'host-stopping'],
    ['WSAENOBUFS', 'System.Net.Sockets.SocketException (10055): An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full.', 'socket-exhaustion'],
    ['outbound 10048', 'System.Net.Http.HttpRequestException: Only one usage of each socket address (protocol/network address/port) is normally permitted. (api.contoso.com:443)', 'socket-exhaustion'],
    ['Task.Wait frame', '   at System.Threading.Tasks.Task.Wait(Int32 millisecondsTimeout, CancellationToken cancellationToken)', 'blocking-wait-in-stack'],
    ['.Result frame', '   at System.Threading.Tasks.Task`1.get_Result()', 'blocking-wait-in-stack'],
    ['dotnet-stack frame', '  System.Private.CoreLib!System.Threading.Tasks.Task`1[System.__Canon].GetResultCore(bool)', 'blocking-wait-in-stack'],
    ['HttpClient.Timeout', 'System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.', 'http-client-timeout'],
    ['stdout redirection', "Could not start stdout redirection in 'C:\\inetpub\\shop\\logs\\stdout'. Exception message: HRESULT 0x80070005 returned at C:\\a\\fileoutputmanager.cpp:84", 'stdout-redirect-failed'],
    ['ANCM 1004', "Could not create stdoutLogFile C:\\inetpub\\shop\\logs\\stdout_2026.log, ErrorCode = '0x80070003'.", 'stdout-redirect-failed'],
    ['ANCM debug log', '[2026-11-20T10:15:01.123Z, PID: 4242] [aspnetcorev2.dll] Failed HRESULT returned: 0x8007023e at D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\CommonLib\\HostFxrResolver.cpp:255', 'ancm-debug-hresult'],
    ['processPath', "Executable was not found at 'C:\\inetpub\\shop\\Shop.exe'", 'process-path-not-found'],
    ['dotnet.exe', "Could not find dotnet.exe at 'C:\\Program Files\\dotnet\\dotnet.exe' or using the system PATH environment variable.", 'process-path-not-found'],
    ['ANCM V1', "Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll', ErrorCode = '0x80070002 : 0.", 'process-path-not-found'],
    ['SDK command', 'Did you mean to run dotnet SDK commands? Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409', 'dotnet-sdk-command'],
  ])('%s', (_name, line, id) => {
    expect(ids(line)).toContain(id);
    for (const s of detectLineSignals(line, ref)) expect(s.ref).toBe(ref);
  });

  it('reads the data the causes quote', () => {
    expect(only("The framework 'Microsoft.AspNetCore.App', version '3.1.0' (x64) was not found.", 'framework-missing').data).toEqual({ framework: 'Microsoft.AspNetCore.App', version: '3.1.0' });
    expect(only("The specified framework 'Microsoft.NETCore.App', version '2.2.0' was not found.", 'framework-missing').data).toEqual({ framework: 'Microsoft.NETCore.App', version: '2.2.0' });
    expect(only('Unhandled exception. System.InvalidOperationException: boom', 'unhandled-exception').data).toEqual({ type: 'System.InvalidOperationException', message: 'boom', fatal: true });
    expect(only('Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed', 'unhandled-exception').data.type).toBe('Microsoft.Data.SqlClient.SqlException');
    expect(only("Could not load file or assembly 'Polly, Version=7.0.0.0'.", 'assembly-load-failure').data).toEqual({ assembly: 'Polly' });
    expect(only("Unable to load DLL 'SNI.dll' or one of its dependencies", 'dll-not-found').data).toEqual({ name: 'SNI.dll' });
    expect(only("Login failed for user 'IIS APPPOOL\\ShopPool'.", 'sql-login-failed').data).toEqual({ user: 'IIS APPPOOL\\ShopPool' });
    expect(only('(provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)', 'sql-connection-failure').data.detail).toBe('provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server');
    expect(only('Failed to bind to address http://127.0.0.1:5000: address already in use.', 'port-in-use').data).toEqual({ address: 'http://127.0.0.1:5000' });
    expect(only('Now listening on: http://[::]:80', 'host-listening').data).toEqual({ address: 'http://[::]:80' });
    expect(only('Hosting environment: Staging', 'host-environment').data).toEqual({ environment: 'Staging' });
    expect(only('[ANCM] Failed HRESULT returned: 0x8007023e at D:\\a\\src\\HostFxrResolver.cpp:255', 'ancm-debug-hresult').data).toEqual({ hresult: '0x8007023e', location: 'HostFxrResolver.cpp:255' });
    expect(only("Could not start stdout redirection in 'x'. Exception message: HRESULT 0x80070005 returned at y", 'stdout-redirect-failed').data).toEqual({ hresult: '0x80070005' });
    expect(only('the heartbeat has been running for "00:00:26.6776915" which is longer than "00:00:01"', 'kestrel-heartbeat-slow').data).toEqual({ durationMs: 26678 });
  });

  it('marks exceptions a logger printed after catching them as not fatal', () => {
    expect(only('System.InvalidOperationException: The order 42 has no lines.', 'unhandled-exception').data.fatal).toBe(false);
    expect(only('      System.InvalidOperationException: indented by the console logger', 'unhandled-exception').data.fatal).toBe(false);
    expect(only('Exception Info: System.NullReferenceException', 'unhandled-exception').data).toEqual({ type: 'System.NullReferenceException', message: '', fatal: true });
  });

  it('finds the exception inside a flattened .NET Runtime message', () => {
    const line = 'Application: w3wp.exe CoreCLR Version: 9.0.24.52809 Description: The process was terminated due to an unhandled exception. Exception Info: System.AggregateException: One or more errors occurred.';
    expect(only(line, 'unhandled-exception').data.type).toBe('System.AggregateException');
  });

  it('reads a localized WSAEADDRINUSE by its code', () => {
    expect(ids('System.Net.Sockets.SocketException (10048): 通常每个套接字地址(协议/网络地址/端口)只允许使用一次。')).toEqual(expect.arrayContaining(['port-in-use']));
  });

  describe('near misses that must stay silent', () => {
    it.each<[string, string, SignalId]>([
      ['awaited exception frame', '   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)', 'blocking-wait-in-stack'],
      ['awaiter GetResult frame', '   at System.Runtime.CompilerServices.TaskAwaiter`1.GetResult()', 'blocking-wait-in-stack'],
      ['WaitAsync is not a blocking wait', '   at System.Threading.Tasks.Task.WaitAsync(TimeSpan timeout)', 'blocking-wait-in-stack'],
      ['inner exception line', ' ---> System.TimeoutException: The operation was canceled.', 'unhandled-exception'],
      ['prose naming a type', 'we think System.Net.Http is involved', 'unhandled-exception'],
      ['ANCM started process', "Application '/LM/W3SVC/2/ROOT' started process '5120' successfully and process '5120' is listening on port '21456'.", 'host-started'],
      ['bind failure of another kind', 'Failed to bind to address http://[::]:80.', 'port-in-use'],
      ['HttpClient with a task cancel of its own', 'System.Threading.Tasks.TaskCanceledException: A task was canceled.', 'http-client-timeout'],
      ['framework listed as found', '  7.0.5 at [/usr/share/dotnet/shared/Microsoft.NETCore.App]', 'framework-missing'],
      ['a version, not a failure', "Framework: 'Microsoft.NETCore.App', version '9.0.0' (x64)", 'framework-missing'],
    ])('%s', (_name, line, id) => {
      expect(ids(line)).not.toContain(id);
    });
  });

  it('gives at most one signal per id per line', () => {
    const line = "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.";
    const found = ids(line);
    expect(found.filter((id) => id === 'out-of-memory')).toHaveLength(1);
  });

  it('ignores blank and very short lines', () => {
    expect(detectLineSignals('', ref)).toEqual([]);
    expect(detectLineSignals('   at', ref)).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads .NET TimeSpans into milliseconds', () => {
    expect(timespanMs('00:00:01')).toBe(1000);
    expect(timespanMs('00:00:04.7981284')).toBe(4798);
    expect(timespanMs('1.02:03:04')).toBe(((26 * 60 + 3) * 60 + 4) * 1000);
    expect(timespanMs('soon')).toBeUndefined();
  });

  it('reads the framework and version of the .NET 6+ host message', () => {
    expect(frameworkAndVersion("Framework: 'Microsoft.NETCore.App', version '9.0.0' (x64)")).toEqual({ framework: 'Microsoft.NETCore.App', version: '9.0.0' });
    expect(frameworkAndVersion('Architecture: x64')).toBeUndefined();
  });
});

describe('robustness', () => {
  it('never throws and stays fast on arbitrary lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (line) => {
        expect(Array.isArray(detectLineSignals(line, ref))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles 16 KB hostile lines in linear time', () => {
    const hostile = [
      'System.' + 'A.'.repeat(8000),
      'Unhandled exception. ' + 'a'.repeat(16000),
      "Failed to bind to address " + ':'.repeat(16000),
      'the heartbeat has been running for "' + '0'.repeat(16000),
      ("framework '" + 'x'.repeat(100) + "', version '").repeat(100),
      'Exception'.repeat(1800) + ':',
    ];
    for (const line of hostile) expectLinearTime((l) => detectLineSignals(l, ref), line);
  });
});
