/**
 * The data behind code decoding: Win32 errors (including WinHTTP, WinINet and Winsock), HRESULTs,
 * Windows exception codes and HTTP status/substatus meanings.
 *
 * Each entry says what the code means in a few words and, where it matters, what it usually means
 * when it shows up next to a 502 (or a 500.3x/503 on the same path). The values come from
 * winerror.h, winhttp.h, ntstatus.h, the .NET host's error_codes.h and the ANCM sources, as
 * summarized in shared/reference/kb-facts.md; the wording is ours.
 */

/** One known code. */
export interface CodeInfo {
  /** Symbolic name as the Windows or .NET headers spell it. */
  name: string;
  /** What the code says, in a few words, without a final period. */
  meaning: string;
  /** What it usually points at behind a 502 (a full sentence). */
  in502?: string;
  /** Other symbolic names for the same value (the WinINet twin of a WinHTTP code), recognized in prose. */
  aliases?: readonly string[];
}

type Entry = readonly [number, CodeInfo];

/** Win32 error codes (also what IIS writes in sc-win32-status). */
const WIN32_ENTRIES: readonly Entry[] = [
  [0, { name: 'ERROR_SUCCESS', meaning: 'No error' }],
  [1, { name: 'ERROR_INVALID_FUNCTION', meaning: 'The function is not valid for this object' }],
  [2, { name: 'ERROR_FILE_NOT_FOUND', meaning: 'A file the operation needed does not exist', in502: 'ANCM could not find what processPath or arguments name (dotnet.exe, the app .exe or .dll); check the paths in web.config against the published folder.' }],
  [3, { name: 'ERROR_PATH_NOT_FOUND', meaning: 'A folder in the path does not exist', in502: 'Often the stdoutLogFile folder or a processPath directory that was never deployed.' }],
  [5, { name: 'ERROR_ACCESS_DENIED', meaning: 'Access denied', in502: 'The application pool identity may not read the app folder, run dotnet.exe or write the stdout log.' }],
  [6, { name: 'ERROR_INVALID_HANDLE', meaning: 'A handle was invalid or already closed' }],
  [8, { name: 'ERROR_NOT_ENOUGH_MEMORY', meaning: 'Not enough memory to complete the operation' }],
  [11, { name: 'ERROR_BAD_FORMAT', meaning: 'A program was loaded in an incorrect format', in502: 'Usually a 32/64-bit or runtime-identifier mismatch between the app and the process loading it (BadImageFormatException).' }],
  [13, { name: 'ERROR_INVALID_DATA', meaning: 'The data is invalid', in502: 'IIS could not read the configuration (500.19): malformed web.config, or an <aspNetCore> section IIS does not know because the Hosting Bundle is missing.' }],
  [14, { name: 'ERROR_OUTOFMEMORY', meaning: 'Not enough storage to complete the operation' }],
  [32, { name: 'ERROR_SHARING_VIOLATION', meaning: 'The file is in use by another process', in502: 'Typical of a deployment that copies over files the running app still holds.' }],
  [50, { name: 'ERROR_NOT_SUPPORTED', meaning: 'The request is not supported' }],
  [64, { name: 'ERROR_NETNAME_DELETED', meaning: 'The network connection went away mid-operation', in502: 'The backend (Kestrel or the upstream server) dropped the connection while the proxy still waited: a crash, a recycle or a keep-alive race.' }],
  [87, { name: 'ERROR_INVALID_PARAMETER', meaning: 'A parameter is incorrect', in502: 'Seen with intermittent ANCM 502.3 responses when the forwarded connection was no longer usable.' }],
  [109, { name: 'ERROR_BROKEN_PIPE', meaning: 'The pipe was closed by the other end', in502: 'The child process went away while its output was being read.' }],
  [121, { name: 'ERROR_SEM_TIMEOUT', meaning: 'A semaphore or network wait timed out' }],
  [126, { name: 'ERROR_MOD_NOT_FOUND', meaning: 'A DLL or one of its dependencies was not found', in502: 'A native dependency is missing: the Visual C++ runtime, hostfxr.dll, or a runtimes\\<rid> folder left out of the publish.' }],
  [183, { name: 'ERROR_ALREADY_EXISTS', meaning: 'The object already exists' }],
  [193, { name: 'ERROR_BAD_EXE_FORMAT', meaning: 'Not a valid program for this platform', in502: 'The app and the worker process disagree on bitness: check "Enable 32-Bit Applications" on the application pool against how the app was published.' }],
  [258, { name: 'WAIT_TIMEOUT', meaning: 'The wait operation timed out' }],
  [433, { name: 'ERROR_NO_SUCH_DEVICE', meaning: 'A device that does not exist was specified', in502: 'On IIS this has come from the "null" Windows service being stopped; "sc.exe start null" brings it back.' }],
  [574, { name: 'ERROR_UNHANDLED_EXCEPTION', meaning: 'An unhandled exception was raised in the process', in502: 'The app threw during startup or the in-process handler failed to load; the stdout log or the event log holds the exception.' }],
  [995, { name: 'ERROR_OPERATION_ABORTED', meaning: 'The I/O was aborted because a thread exited or the application asked for it' }],
  [1001, { name: 'ERROR_STACK_OVERFLOW', meaning: 'Recursion too deep; the stack overflowed', in502: 'A stack overflow kills the process outright; look for endless recursion in the last frames of the crash.' }],
  [1114, { name: 'ERROR_DLL_INIT_FAILED', meaning: 'A DLL failed to initialize' }],
  [1115, { name: 'ERROR_SHUTDOWN_IN_PROGRESS', meaning: 'A shutdown is in progress', in502: 'In-process hosting answered 503 because the app was shutting down (recycle, app_offline.htm, configuration change) when the request came.' }],
  [1157, { name: 'ERROR_DLL_NOT_FOUND', meaning: 'A library the application needs was not found', in502: 'ANCM could not load its request handler (500.33 or 500.36): the app does not reference Microsoft.AspNetCore.App, or the Hosting Bundle is incomplete.' }],
  [1225, { name: 'ERROR_CONNECTION_REFUSED', meaning: 'The remote computer refused the connection', in502: 'Nothing was listening on the backend port.' }],
  [1229, { name: 'ERROR_CONNECTION_INVALID', meaning: 'An operation was attempted on a connection that no longer exists', in502: 'ANCM tried to use a connection to the backend that had already been closed (502.3).' }],
  [1236, { name: 'ERROR_CONNECTION_ABORTED', meaning: 'The local system aborted the connection', in502: 'ANCM saw the connection to the backend close before the response was complete (502.3).' }],
  [1341, { name: 'ERROR_SERVER_DISABLED', meaning: 'The server is disabled', in502: "ANCM stopped starting the app after too many crashes in a minute (rapidFailsPerMinute); the real failure is in the earlier start attempts' events." }],
  [1460, { name: 'ERROR_TIMEOUT', meaning: 'The operation did not finish within its time limit', in502: 'The out-of-process app did not start listening within startupTimeLimit.' }],
  [1631, { name: 'ERROR_CREATE_FAILED', meaning: 'The data could not be created or the process failed to start', in502: 'ANCM could not get the backend process up (502.5).' }],
  [10013, { name: 'WSAEACCES', meaning: 'Socket access forbidden', in502: 'The port is reserved (excluded port range) or blocked for this identity.' }],
  [10048, { name: 'WSAEADDRINUSE', meaning: 'The address and port are already in use', in502: 'Another process holds the port the app tries to bind (a fixed ASPNETCORE_PORT or URLs setting).' }],
  [10053, { name: 'WSAECONNABORTED', meaning: 'The connection was aborted by software on this machine' }],
  [10054, { name: 'WSAECONNRESET', meaning: 'The remote side forcibly closed the connection', in502: 'A reset from the other end: the backend crashed or closed an idle keep-alive connection, or (ANCM 400) the client went away first.' }],
  [10060, { name: 'WSAETIMEDOUT', meaning: 'The connection attempt timed out', in502: 'The backend host did not answer in time: firewall, wrong address or an overloaded server.' }],
  [10061, { name: 'WSAECONNREFUSED', meaning: 'The target machine actively refused the connection', in502: 'Nothing listens on the backend port: the app is down, crashed or bound to another port.' }],
  [11001, { name: 'WSAHOST_NOT_FOUND', meaning: 'The host name could not be resolved' }],
  // WinHTTP (what ANCM out-of-process and ARR use to talk to the backend) and WinINet twins.
  [12001, { name: 'ERROR_WINHTTP_OUT_OF_HANDLES', meaning: 'No more WinHTTP handles could be created' }],
  [12002, { name: 'ERROR_WINHTTP_TIMEOUT', aliases: ['ERROR_INTERNET_TIMEOUT'], meaning: 'The request to the backend timed out', in502: "The backend took longer than the proxy waits: ANCM's requestTimeout (2 minutes by default) or ARR's proxy timeout; compare time-taken with those limits." }],
  [12004, { name: 'ERROR_WINHTTP_INTERNAL_ERROR', meaning: 'WinHTTP hit an internal error' }],
  [12005, { name: 'ERROR_WINHTTP_INVALID_URL', meaning: 'The URL is invalid' }],
  [12006, { name: 'ERROR_WINHTTP_UNRECOGNIZED_SCHEME', meaning: 'The URL scheme is not recognized' }],
  [12007, { name: 'ERROR_WINHTTP_NAME_NOT_RESOLVED', aliases: ['ERROR_INTERNET_NAME_NOT_RESOLVED'], meaning: 'The server name could not be resolved', in502: 'The proxy could not resolve the backend host name (DNS).' }],
  [12009, { name: 'ERROR_WINHTTP_INVALID_OPTION', meaning: 'An invalid option was set' }],
  [12011, { name: 'ERROR_WINHTTP_OPTION_NOT_SETTABLE', meaning: 'The option can be read but not set' }],
  [12012, { name: 'ERROR_WINHTTP_SHUTDOWN', meaning: 'WinHTTP support is shutting down' }],
  [12015, { name: 'ERROR_WINHTTP_LOGIN_FAILURE', meaning: 'Logging in to the server failed' }],
  [12017, { name: 'ERROR_WINHTTP_OPERATION_CANCELLED', aliases: ['ERROR_INTERNET_OPERATION_CANCELLED'], meaning: 'The request was cancelled, usually because its handle was closed', in502: 'The client went away or the worker was shutting down while the request was in flight.' }],
  [12018, { name: 'ERROR_WINHTTP_INCORRECT_HANDLE_TYPE', meaning: 'The handle is of the wrong type' }],
  [12019, { name: 'ERROR_WINHTTP_INCORRECT_HANDLE_STATE', meaning: 'The handle is in the wrong state for the operation' }],
  [12029, { name: 'ERROR_WINHTTP_CANNOT_CONNECT', aliases: ['ERROR_INTERNET_CANNOT_CONNECT'], meaning: 'The connection to the backend could not be made', in502: 'Nothing accepted the connection: the backend is down or crashed, listens on another port, or a firewall blocks it.' }],
  [12030, { name: 'ERROR_WINHTTP_CONNECTION_ERROR', aliases: ['ERROR_INTERNET_CONNECTION_ABORTED'], meaning: 'The connection with the backend was terminated or reset', in502: 'The backend closed or reset the connection mid-request: a crash, a recycle, or a keep-alive connection closed by the backend first.' }],
  [12031, { name: 'ERROR_INTERNET_CONNECTION_RESET', meaning: 'The connection with the server was reset', in502: 'The backend reset the connection mid-request (crash, recycle, idle keep-alive closed on its side).' }],
  [12032, { name: 'ERROR_WINHTTP_RESEND_REQUEST', meaning: 'The request must be sent again' }],
  [12037, { name: 'ERROR_WINHTTP_SECURE_CERT_DATE_INVALID', meaning: "The backend's certificate is expired or not yet valid", in502: 'TLS to the backend failed on the certificate dates.' }],
  [12038, { name: 'ERROR_WINHTTP_SECURE_CERT_CN_INVALID', meaning: "The backend's certificate name does not match the host", in502: 'TLS to the backend failed because the certificate is for another name.' }],
  [12044, { name: 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED', meaning: 'The server asked for a client certificate' }],
  [12045, { name: 'ERROR_WINHTTP_SECURE_INVALID_CA', aliases: ['ERROR_INTERNET_INVALID_CA'], meaning: "The backend's certificate chains to an untrusted root", in502: 'TLS to the backend failed: its certificate authority is not trusted on the proxy.' }],
  [12057, { name: 'ERROR_WINHTTP_SECURE_CERT_REV_FAILED', meaning: 'Certificate revocation could not be checked' }],
  [12100, { name: 'ERROR_WINHTTP_CANNOT_CALL_BEFORE_OPEN', meaning: 'WinHTTP call made before the request was opened' }],
  [12101, { name: 'ERROR_WINHTTP_CANNOT_CALL_BEFORE_SEND', meaning: 'WinHTTP call made before the request was sent' }],
  [12102, { name: 'ERROR_WINHTTP_CANNOT_CALL_AFTER_SEND', meaning: 'WinHTTP call made after the request was sent' }],
  [12103, { name: 'ERROR_WINHTTP_CANNOT_CALL_AFTER_OPEN', meaning: 'WinHTTP call made after the request was opened' }],
  [12150, { name: 'ERROR_WINHTTP_HEADER_NOT_FOUND', meaning: 'The requested header was not found' }],
  [12152, { name: 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE', aliases: ['ERROR_HTTP_INVALID_SERVER_RESPONSE'], meaning: 'The backend sent a response that could not be parsed', in502: 'The backend answered with something that is not valid HTTP (an empty reply, a crash mid-headers, or a non-HTTP listener on that port).' }],
  [12153, { name: 'ERROR_WINHTTP_INVALID_HEADER', meaning: 'A header is invalid' }],
  [12154, { name: 'ERROR_WINHTTP_INVALID_QUERY_REQUEST', meaning: 'The header query is invalid' }],
  [12155, { name: 'ERROR_WINHTTP_HEADER_ALREADY_EXISTS', meaning: 'The header already exists' }],
  [12156, { name: 'ERROR_WINHTTP_REDIRECT_FAILED', meaning: 'A redirect failed (scheme change or too many redirects)' }],
  [12157, { name: 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR', aliases: ['ERROR_INTERNET_SECURITY_CHANNEL_ERROR'], meaning: 'The TLS channel to the backend could not be set up', in502: 'TLS to the backend failed: no shared protocol version or cipher suite.' }],
  [12166, { name: 'ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT', meaning: 'The proxy auto-config script has an error' }],
  [12167, { name: 'ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT', meaning: 'The proxy auto-config script could not be downloaded' }],
  [12169, { name: 'ERROR_WINHTTP_SECURE_INVALID_CERT', meaning: "The backend's certificate is invalid", in502: 'TLS to the backend failed on its certificate.' }],
  [12170, { name: 'ERROR_WINHTTP_SECURE_CERT_REVOKED', meaning: "The backend's certificate was revoked" }],
  [12172, { name: 'ERROR_WINHTTP_NOT_INITIALIZED', meaning: 'WinHTTP was not initialized' }],
  [12175, { name: 'ERROR_WINHTTP_SECURE_FAILURE', meaning: 'A TLS certificate check on the backend failed', in502: "TLS to the backend failed: the certificate is untrusted, expired or for another name." }],
  [12176, { name: 'ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE', meaning: 'The proxy script type is not supported' }],
  [12177, { name: 'ERROR_WINHTTP_SCRIPT_EXECUTION_ERROR', meaning: 'The proxy script failed to run' }],
  [12178, { name: 'ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR', meaning: 'The proxy auto-discovery service failed' }],
  [12179, { name: 'ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE', meaning: 'The certificate is not valid for server authentication' }],
  [12180, { name: 'ERROR_WINHTTP_AUTODETECTION_FAILED', meaning: 'Proxy auto-detection failed' }],
  [12181, { name: 'ERROR_WINHTTP_HEADER_COUNT_EXCEEDED', meaning: 'The response carried more headers than allowed', in502: 'The backend sent too many response headers.' }],
  [12182, { name: 'ERROR_WINHTTP_HEADER_SIZE_OVERFLOW', meaning: 'The response headers are larger than allowed', in502: 'The backend sent response headers that are too big (often large Set-Cookie values from authentication).' }],
  [12183, { name: 'ERROR_WINHTTP_CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW', meaning: 'A chunk header of the response is too large' }],
  [12184, { name: 'ERROR_WINHTTP_RESPONSE_DRAIN_OVERFLOW', meaning: 'The response was larger than the drain buffer allows' }],
  [12185, { name: 'ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY', meaning: 'The client certificate has no private key' }],
  [12186, { name: 'ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY', meaning: "The client certificate's private key cannot be read by this identity" }],
  [12187, { name: 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED_PROXY', meaning: 'The proxy asked for a client certificate' }],
  [12188, { name: 'ERROR_WINHTTP_SECURE_FAILURE_PROXY', meaning: 'A TLS certificate check on the proxy failed' }],
  [12190, { name: 'ERROR_WINHTTP_HTTP_PROTOCOL_MISMATCH', meaning: 'The server answered with an HTTP version the client did not expect' }],
];

/**
 * HRESULTs that are not simply HRESULT_FROM_WIN32 of a table entry, plus facility-7 values that
 * have a name of their own (E_ACCESSDENIED). Keys are unsigned 32-bit values.
 */
const HRESULT_ENTRIES: readonly Entry[] = [
  [0x80004001, { name: 'E_NOTIMPL', meaning: 'Not implemented' }],
  [0x80004002, { name: 'E_NOINTERFACE', meaning: 'The interface is not supported' }],
  [0x80004003, { name: 'E_POINTER', meaning: 'An invalid pointer was used' }],
  [0x80004004, { name: 'E_ABORT', meaning: 'The operation was aborted' }],
  [0x80004005, { name: 'E_FAIL', meaning: 'Unspecified failure', in502: "With ANCM's \"failed to start process ... ErrorCode = '0x80004005 : ff.'\" the process started and exited at once (exit code after the colon): read the stdout log or the event that follows; with disableStartUpErrorPage it is the generic startup failure." }],
  [0x8000001a, { name: 'E_APPLICATION_EXITING', meaning: 'The application is exiting', in502: 'ANCM answered 503 because the out-of-process app was being stopped.' }],
  [0x8000ffff, { name: 'E_UNEXPECTED', meaning: 'Catastrophic or unexpected failure', in502: 'ANCM returns this when hostfxr cannot run the app, most often because the required ASP.NET Core or .NET runtime is not installed (500.0/500.31).' }],
  [0x80070005, { name: 'E_ACCESSDENIED', meaning: 'Access denied', in502: 'The application pool identity may not read the app folder, run dotnet.exe or write the stdout log.' }],
  [0x80070006, { name: 'E_HANDLE', meaning: 'An invalid handle was used' }],
  [0x8007000e, { name: 'E_OUTOFMEMORY', meaning: 'Out of memory' }],
  [0x80070057, { name: 'E_INVALIDARG', meaning: 'One or more arguments are invalid', in502: 'Seen with intermittent ANCM 502.3 responses when the forwarded connection was no longer usable.' }],
  [0x8027025a, { name: 'E_APPLICATION_ACTIVATION_TIMED_OUT', meaning: 'The application did not activate in time', in502: 'The backend process did not come up within startupTimeLimit.' }],
  [0x8027025b, { name: 'E_APPLICATION_ACTIVATION_EXEC_FAILURE', meaning: 'The application process exited while starting', in502: 'The out-of-process app died during ANCM\'s start check (502.5); its own output says why.' }],
  // WinINet HRESULT names for the WinHTTP codes that matter behind a 502.
  [0x80072ee2, { name: 'ERROR_WINHTTP_TIMEOUT', aliases: ['WININET_E_TIMEOUT'], meaning: 'The request to the backend timed out', in502: "The backend took longer than the proxy waits: ANCM's requestTimeout (2 minutes by default) or ARR's proxy timeout; compare time-taken with those limits." }],
  [0x80072ee7, { name: 'ERROR_WINHTTP_NAME_NOT_RESOLVED', aliases: ['WININET_E_NAME_NOT_RESOLVED'], meaning: 'The server name could not be resolved', in502: 'The proxy could not resolve the backend host name (DNS).' }],
  [0x80072ef1, { name: 'ERROR_WINHTTP_OPERATION_CANCELLED', aliases: ['WININET_E_OPERATION_CANCELLED'], meaning: 'The request was cancelled, usually because its handle was closed', in502: 'The client went away or the worker was shutting down while the request was in flight.' }],
  [0x80072efd, { name: 'ERROR_WINHTTP_CANNOT_CONNECT', aliases: ['WININET_E_CANNOT_CONNECT'], meaning: 'The connection to the backend could not be made', in502: 'Nothing accepted the connection: the backend is down or crashed, listens on another port, or a firewall blocks it.' }],
  [0x80072efe, { name: 'ERROR_WINHTTP_CONNECTION_ERROR', aliases: ['WININET_E_CONNECTION_ABORTED'], meaning: 'The connection with the backend was terminated or reset', in502: 'The backend closed or reset the connection mid-request: a crash, a recycle, or a keep-alive connection closed by the backend first.' }],
  [0x80072eff, { name: 'WININET_E_CONNECTION_RESET', meaning: 'The connection with the server was reset', in502: 'The backend reset the connection mid-request (crash, recycle, idle keep-alive closed on its side).' }],
  [0x80072f78, { name: 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE', aliases: ['WININET_E_INVALID_SERVER_RESPONSE'], meaning: 'The backend sent a response that could not be parsed', in502: 'The backend answered with something that is not valid HTTP (an empty reply, a crash mid-headers, or a non-HTTP listener on that port).' }],
  [0x80072f7d, { name: 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR', aliases: ['WININET_E_SECURITY_CHANNEL_ERROR'], meaning: 'The TLS channel to the backend could not be set up', in502: 'TLS to the backend failed: no shared protocol version or cipher suite.' }],
  // .NET host (hostfxr/hostpolicy) status codes, seen in ANCM "Return code: 0x%x" and exit codes.
  [0x80008081, { name: 'InvalidArgFailure', meaning: '.NET host: invalid arguments' }],
  [0x80008082, { name: 'CoreHostLibLoadFailure', meaning: '.NET host: hostpolicy could not be loaded' }],
  [0x80008083, { name: 'CoreHostLibMissingFailure', meaning: '.NET host: hostpolicy was not found', in502: 'The app folder or the runtime install is incomplete; republish or repair the .NET runtime.' }],
  [0x80008084, { name: 'CoreHostEntryPointFailure', meaning: '.NET host: an entry point was missing in hostpolicy' }],
  [0x80008085, { name: 'CoreHostCurHostFindFailure', meaning: ".NET host: could not find the running host's path" }],
  [0x80008087, { name: 'CoreClrResolveFailure', meaning: '.NET host: coreclr could not be located' }],
  [0x80008088, { name: 'CoreClrBindFailure', meaning: '.NET host: coreclr could not be loaded or bound' }],
  [0x80008089, { name: 'CoreClrInitFailure', meaning: '.NET host: the runtime failed to initialize', in502: 'The runtime could not start (often a bad runtimeconfig or GC settings); the event log has the runtime message.' }],
  [0x8000808a, { name: 'CoreClrExeFailure', meaning: '.NET host: running the app failed' }],
  [0x8000808b, { name: 'ResolverInitFailure', meaning: '.NET host: the dependency resolver failed to initialize' }],
  [0x8000808c, { name: 'ResolverResolveFailure', meaning: '.NET host: an app dependency could not be resolved', in502: 'An assembly listed in the .deps.json file is missing from the publish folder.' }],
  [0x8000808e, { name: 'LibHostInitFailure', meaning: '.NET host: host initialization failed' }],
  [0x80008091, { name: 'LibHostSdkFindFailure', meaning: '.NET host: no .NET SDK was found', in502: 'The app was started with an SDK command (wrong "arguments" in web.config) on a server that only has the runtime.' }],
  [0x80008092, { name: 'LibHostInvalidArgs', meaning: '.NET host: invalid arguments for the host' }],
  [0x80008093, { name: 'InvalidConfigFile', meaning: '.NET host: runtimeconfig.json or deps.json is invalid' }],
  [0x80008094, { name: 'AppArgNotRunnable', meaning: '.NET host: the argument is not a runnable app', in502: 'The "arguments" in web.config do not point at the app .dll.' }],
  [0x80008095, { name: 'AppHostExeNotBoundFailure', meaning: '.NET host: the apphost executable is not bound to an app' }],
  [0x80008096, { name: 'FrameworkMissingFailure', meaning: '.NET host: a required framework version is not installed', in502: 'Install the ASP.NET Core Hosting Bundle of the version the app targets (500.31 in-process, 502.5 out-of-process).' }],
  [0x80008097, { name: 'HostApiFailed', meaning: '.NET host: a host API call failed' }],
  [0x80008098, { name: 'HostApiBufferTooSmall', meaning: '.NET host: a buffer was too small' }],
  [0x8000809a, { name: 'LibHostAppRootFindFailure', meaning: '.NET host: the app root folder was not found' }],
  [0x8000809b, { name: 'SdkResolverResolveFailure', meaning: '.NET host: the SDK could not be resolved' }],
  [0x8000809c, { name: 'FrameworkCompatFailure', meaning: '.NET host: two framework references are incompatible' }],
  [0x8000809f, { name: 'BundleExtractionFailure', meaning: '.NET host: a single-file bundle could not be extracted' }],
  [0x800080a0, { name: 'BundleExtractionIOError', meaning: '.NET host: I/O error while extracting a single-file bundle' }],
  [0x800080a5, { name: 'CoreHostIncompatibleConfig', meaning: '.NET host: the runtime configuration is incompatible with the running host' }],
  // CLR HRESULTs carried by common exceptions.
  [0x80131040, { name: 'FUSION_E_REF_DEF_MISMATCH', meaning: "A loaded assembly's version does not match the reference", in502: 'Stale or mixed assembly versions in the publish folder; redeploy clean.' }],
  [0x80131500, { name: 'COR_E_EXCEPTION', meaning: 'A managed exception (System.Exception)' }],
  [0x80131509, { name: 'COR_E_INVALIDOPERATION', meaning: 'A managed InvalidOperationException' }],
  [0x80131534, { name: 'COR_E_TYPEINITIALIZATION', meaning: 'A static constructor threw (TypeInitializationException)' }],
  [0x80131620, { name: 'COR_E_IO', meaning: 'A managed IOException' }],
  [0x80131621, { name: 'COR_E_FILELOAD', meaning: 'An assembly or file could not be loaded (FileLoadException)' }],
  [0x80131623, { name: 'COR_E_FAILFAST', meaning: 'The process was ended by Environment.FailFast', in502: 'The app or the runtime chose to kill the process; the event log has the fail-fast message.' }],
  [0x80131904, { name: 'SqlException', meaning: 'A SQL Server error (the HRESULT every SqlException carries)', in502: 'The app could not reach or log in to its database; at startup this stops the app (500.30/502.5), per request it ends in 500s or slow requests.' }],
];

/** Windows exception codes (NTSTATUS and SEH codes) of crashed processes. */
const EXCEPTION_ENTRIES: readonly Entry[] = [
  [0x80000003, { name: 'STATUS_BREAKPOINT', meaning: 'A breakpoint was hit with no debugger attached' }],
  [0x80131506, { name: 'COR_E_EXECUTIONENGINE', meaning: 'Fatal error inside the .NET runtime (ExecutionEngineException)', in502: 'The runtime itself failed (heap corruption, a broken native interop call, or a runtime bug); the process is gone.' }],
  [0xc0000005, { name: 'STATUS_ACCESS_VIOLATION', meaning: 'Access violation: native code read or wrote memory it does not own', in502: 'A native crash: look at the faulting module (a native library, an IIS module, or the runtime) in the Application Error event.' }],
  [0xc0000006, { name: 'STATUS_IN_PAGE_ERROR', meaning: 'A page of code or data could not be read from disk or network' }],
  [0xc0000008, { name: 'STATUS_INVALID_HANDLE', meaning: 'An invalid handle was used' }],
  [0xc0000017, { name: 'STATUS_NO_MEMORY', meaning: 'Not enough virtual memory' }],
  [0xc000001d, { name: 'STATUS_ILLEGAL_INSTRUCTION', meaning: 'The CPU met an instruction it cannot run' }],
  [0xc0000094, { name: 'STATUS_INTEGER_DIVIDE_BY_ZERO', meaning: 'Native integer division by zero' }],
  [0xc00000fd, { name: 'STATUS_STACK_OVERFLOW', meaning: 'Stack overflow', in502: 'Managed code cannot catch a stack overflow, so the process dies and in-flight requests fail (502.3 out-of-process, 503 or reset in-process); look for endless recursion.' }],
  [0xc0000135, { name: 'STATUS_DLL_NOT_FOUND', meaning: 'A DLL the program needs was not found at load time', in502: 'A native dependency is missing, such as the Visual C++ runtime.' }],
  [0xc0000142, { name: 'STATUS_DLL_INIT_FAILED', meaning: 'A DLL failed to initialize', in502: 'Often a desktop-heap or session limit on a busy server, or a broken native dependency.' }],
  [0xc000013a, { name: 'STATUS_CONTROL_C_EXIT', meaning: 'The process was ended by Ctrl+C or its console closing' }],
  [0xc0000374, { name: 'STATUS_HEAP_CORRUPTION', meaning: 'The native heap is corrupt', in502: 'Native code (interop, a native library) corrupted memory and the process was killed.' }],
  [0xc0000409, { name: 'STATUS_STACK_BUFFER_OVERRUN', meaning: 'Fail-fast: a security check or an explicit fail-fast ended the process', in502: 'The process was killed on purpose by a native check or a fail-fast call (ucrtbase.dll is the usual faulting module); the crash dump shows who.' }],
  [0xc0000420, { name: 'STATUS_ASSERTION_FAILURE', meaning: 'An assertion failed in native code' }],
  [0xc0000602, { name: 'STATUS_FAIL_FAST_EXCEPTION', meaning: 'A fail-fast exception ended the process' }],
  [0xc000070a, { name: 'STATUS_THREADPOOL_HANDLE_EXCEPTION', meaning: 'A thread-pool callback misused a handle' }],
  [0xe0434352, { name: 'CLR exception', meaning: 'An unhandled managed (.NET) exception', in502: 'The app threw an exception nothing caught; the .NET Runtime event (id 1026) or the stdout log names it.' }],
  [0xe0434f4d, { name: 'CLR exception (.NET Framework 1.x/2.0)', meaning: 'An unhandled managed exception in an old .NET Framework process' }],
];

function toMap(entries: readonly Entry[]): ReadonlyMap<number, CodeInfo> {
  return new Map(entries);
}

/** Win32 codes by number. */
export const WIN32_CODES: ReadonlyMap<number, CodeInfo> = toMap(WIN32_ENTRIES);
/** HRESULTs with their own meaning, by unsigned 32-bit value. */
export const HRESULT_CODES: ReadonlyMap<number, CodeInfo> = toMap(HRESULT_ENTRIES);
/** Exception codes of crashed processes, by unsigned 32-bit value. */
export const EXCEPTION_CODES: ReadonlyMap<number, CodeInfo> = toMap(EXCEPTION_ENTRIES);

/** How a symbolic name written in prose maps back to a code. */
interface SymbolicCode {
  kind: 'win32' | 'code32';
  value: number;
}

/** Every symbolic name and alias (ERROR_WINHTTP_TIMEOUT, WININET_E_TIMEOUT, STATUS_STACK_OVERFLOW). */
export const SYMBOLIC_NAMES: ReadonlyMap<string, SymbolicCode> = (() => {
  const names = new Map<string, SymbolicCode>();
  const add = (name: string, code: SymbolicCode): void => {
    // Only constant-style names: "CLR exception" or "SqlException" are labels, not identifiers people paste.
    if (/^[A-Z][A-Z0-9_]+$/.test(name) && !names.has(name)) names.set(name, code);
  };
  // Exception and HRESULT names first: WININET_E_TIMEOUT must map to the HRESULT, not the Win32 code.
  for (const [value, info] of EXCEPTION_ENTRIES) add(info.name, { kind: 'code32', value });
  for (const [value, info] of HRESULT_ENTRIES) {
    for (const alias of info.aliases ?? []) add(alias, { kind: 'code32', value });
    // A facility-7 entry that shares its name with the Win32 entry reads better as the Win32 code.
    const sameAsWin32 = value >>> 16 === 0x8007 && WIN32_CODES.get(value & 0xffff)?.name === info.name;
    if (!sameAsWin32) add(info.name, { kind: 'code32', value });
  }
  for (const [value, info] of WIN32_ENTRIES) {
    if (value === 0) continue;
    add(info.name, { kind: 'win32', value });
    for (const alias of info.aliases ?? []) add(alias, { kind: 'win32', value });
  }
  return names;
})();

/**
 * HTTP status and IIS/ANCM/proxy substatus meanings, keyed `"502"` or `"502.3"`.
 * A one-line reading for the "codes" part of a diagnosis.
 */
export const STATUS_MEANINGS: Readonly<Record<string, string>> = {
  '400': 'Bad Request',
  '400.0': 'Bad Request: with ANCM out-of-process, the client disconnected before the response started (WSAECONNRESET)',
  '401': 'Unauthorized: authentication is required or failed',
  '403': 'Forbidden',
  '403.14': 'Forbidden: directory listing denied, usually because the app or its web.config is not at the site path',
  '404': 'Not Found',
  '408': 'Request Timeout: the client was too slow to send the request',
  '413': 'Payload Too Large: the request body is over the server limit',
  '460': 'AWS ALB: the client closed the connection before the load balancer idle timeout',
  '463': 'AWS ALB: X-Forwarded-For carried more than 30 addresses',
  '499': 'nginx: the client closed the connection before the response (nginx-specific code)',
  '500': 'Internal Server Error',
  '500.0': 'Internal Server Error: ANCM could not load its handler (In-Process or Out-Of-Process Handler Load Failure) or could not read its configuration',
  '500.19': 'Configuration data is invalid: malformed web.config, or a section (such as <aspNetCore>) IIS does not know because the Hosting Bundle is missing',
  '500.21': 'Handler has a bad module: the ASP.NET Core Module is not installed (install or repair the Hosting Bundle)',
  '500.30': 'ANCM In-Process Start Failure: the app failed to start in the IIS worker',
  '500.31': 'ANCM Failed to Find Native Dependencies: the required .NET / ASP.NET Core runtime is not installed',
  '500.32': 'ANCM Failed to Load dll: the app was published for a different bitness than the worker process',
  '500.33': 'ANCM Request Handler Load Failure: the app does not reference Microsoft.AspNetCore.App',
  '500.34': 'ANCM Mixed Hosting Models Not Supported: in-process and out-of-process apps share one application pool',
  '500.35': 'ANCM Multiple In-Process Applications in same Process: two in-process apps share one application pool',
  '500.36': 'ANCM Out-Of-Process Handler Load Failure: aspnetcorev2_outofprocess.dll is missing (Hosting Bundle damaged)',
  '500.37': 'ANCM Failed to Start Within Startup Time Limit: the in-process app did not start within startupTimeLimit',
  '500.38': 'ANCM Application DLL Not Found: processPath points at an .exe without its app .dll (single-file publish is not supported in IIS)',
  '502': 'Bad Gateway: a proxy or gateway got no valid answer from the server behind it',
  '502.1': 'Bad Gateway: CGI application timeout',
  '502.2': 'Bad Gateway: the CGI application exited early',
  '502.3': 'Bad Gateway: ARR or ANCM out-of-process could not complete the call to the backend (connection error, reset or timeout; the win32 code tells which)',
  '502.4': 'Bad Gateway: ARR found no healthy server in the farm',
  '502.5': 'ANCM Out-Of-Process Startup Failure: the app process failed to start, exited, or never listened on its port',
  '503': 'Service Unavailable',
  '503.0': 'Service Unavailable: the application pool is stopped, app_offline.htm is present, or the app is shutting down',
  '503.1': 'Service Unavailable: CPU limit reached',
  '503.2': 'Service Unavailable: concurrent request limit reached',
  '503.3': 'Service Unavailable: ASP.NET request queue is full',
  '503.4': 'Service Unavailable: FastCGI queue is full',
  '503.5': 'Service Unavailable: site connection limit reached',
  '504': 'Gateway Timeout: the proxy or gateway gave up waiting for the server behind it',
  '520': 'Cloudflare: the origin returned an empty, unknown or unexpected response',
  '521': 'Cloudflare: the origin refused the connection (web server down or Cloudflare addresses blocked)',
  '522': 'Cloudflare: connection to the origin timed out',
  '523': 'Cloudflare: the origin is unreachable (no route to its address)',
  '524': 'Cloudflare: the origin accepted the connection but sent no response within the proxy read timeout',
  '525': 'Cloudflare: the TLS handshake with the origin failed',
  '526': 'Cloudflare: the origin certificate is invalid (Full strict mode)',
  '527': 'Cloudflare: Railgun listener to origin error (Railgun is retired)',
  '530': 'Cloudflare: the origin could not be resolved or reached; the page carries a 1xxx error',
  '561': 'AWS ALB: the identity provider returned an error during authentication',
};
