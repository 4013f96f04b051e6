/**
 * Signatures of ANCM (the ASP.NET Core Module, AspNetCoreModuleV2 and the older V1 / pre-2.2
 * handlers): its Application event log messages, its status pages, its debug log and its FREB
 * events. See types.ts for what a signature is and how it is matched.
 *
 * Each message gets several short fragments (its start, its middle, its key phrase), so a paste
 * of any piece of it, or a paraphrase that keeps the key phrase, still matches.
 */
import type { Signature } from './types';

const raw = String.raw;

/** Where ANCM V2 keeps its sources, under dotnet/aspnetcore. */
const V2 = 'dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/';
const RES = `${V2}CommonLib/resources.h`;
const RESOLVER = `${V2}AspNetCore/HandlerResolver.cpp`;
const FXR = `${V2}CommonLib/HostFxrResolver.cpp`;
const IPAPP = `${V2}InProcessRequestHandler/inprocessapplication.cpp`;
const IPDLL = `${V2}InProcessRequestHandler/dllmain.cpp`;
const FWD = `${V2}OutOfProcessRequestHandler/forwardinghandler.cpp`;
const OLD = 'dotnet/aspnetcore src/Servers/IIS/IIS/test/Common.FunctionalTests/Infrastructure/EventLogHelpers.cs (old shim/handler wording)';
const LEARN_ERRORS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference';
const LEARN_TS = 'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis';
const MOF = `${V2}AspNetCore/ancm.mof (FREB provider events) and kb-facts 4 (real FREB samples)`;

/** `ErrorCode = '0x8007023e'`, `ErrorCode '0x800700c1'`, `ErrorCode = '0x80004005 : ff.` */
const ERROR_CODE = /errorcode\s{0,3}=?\s{0,3}'?(0x[0-9a-f]{1,8})/i;
/** A FREB ErrorCode: decimal (`"2147954402"`), or rendered text ending in `(0x80072ee2)`. */
const FREB_ERROR_CODE = /errorcode\W{0,3}(?:[^"(<]{0,160}\()?(0x[0-9a-f]{1,8}|\d{9,10})/i;
/** The path a message names: `at 'C:\app\App.exe'`. */
const AT_PATH = /\bat\s{1,3}'([^']{1,200})'/i;
/** Any HRESULT on the line. */
const HRESULT = /\b(0x[0-9a-f]{8})\b/i;

export const SIGNATURES: readonly Signature[] = [
  // ── Out-of-process start failures: events 1000, 1020, V1 texts, the 502.5 page ──────────────
  {
    clue: 'ancm.oop-start-failed',
    all: ['failed to start process with commandline'],
    value: ERROR_CODE,
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_ERROR_MSG, _START_FAILURE_MSG, _START_STATUS_ERROR_MSG); V1 wording in ${LEARN_ERRORS}`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/2/ROOT' with physical root 'C:\inetpub\wwwroot\shop\' failed to start process with commandline '"C:\Program Files\dotnet\dotnet.exe" .\Shop.Api.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 18962, retryCounter '1'.`,
        raw`Application '/LM/W3SVC/2/ROOT' with physical root 'C:\inetpub\wwwroot\shop\' failed to start process with commandline '"dotnet" .\Shop.Api.dll' with multiple retries. Failed to bind to port '18962'. First 30KB characters of captured stdout and stderr logs from multiple retries:`,
        raw`Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\sites\shop\' failed to start process with commandline '"C:\sites\shop\Shop.exe" ', ErrorCode = '0x80004005 : ff.`,
        raw`Failed to start process with commandline '"dotnet" .\Portal.dll', ErrorCode = '0x80070002'.`,
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'D:\web\' failed to start process with commandline 'D:\web\Api.exe ', ErrorCode = '0x80070005', processId '0', processStatus '0'.`,
      ],
      noMatch: [
        raw`Application '/LM/W3SVC/2/ROOT' started process '4312' successfully and process '4312' is listening on port '18962'.`,
        raw`Application '/LM/W3SVC/2/ROOT' with physical root 'C:\inetpub\wwwroot\shop\' shut down process with Id '4312' listening on port '18962'`,
        'Failed to start process: the system cannot find the file specified',
      ],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['with multiple retries'],
    any: ['failed to bind to port', 'the last try of listening port', 'see previous warnings for details'],
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_FAILURE_MSG, event 1020); oldest wording in ${OLD}`,
    examples: {
      match: [
        "with multiple retries. Failed to bind to port '28017'. See previous warnings for details.",
        "with multiple retries. The last try of listening port is '28017'. See previous warnings for details.",
      ],
      noMatch: ['HttpClient failed with multiple retries: connection refused'],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['the last try of listening port is'],
    source: `${OLD} (OutOfProcessFailedToStart, old shim)`,
    examples: { match: ["The last try of listening port is '28017'. See previous warnings for details."] },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['captured stdout and stderr logs from multiple retries'],
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_FAILURE_MSG, newer builds); ${OLD}`,
    examples: { match: ['First 30KB characters of captured stdout and stderr logs from multiple retries:'] },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['created process with commandline'],
    value: ERROR_CODE,
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_WRONGPORT_ERROR_MSG, _NOTREADY_ERROR_MSG, event 1000)`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/3/ROOT' with physical root 'C:\apps\orders\' created process with commandline '"dotnet" .\Orders.dll' but failed to listen on the given port '31544'`,
        raw`Application '/LM/W3SVC/3/ROOT' with physical root 'C:\apps\orders\' created process with commandline '"dotnet" .\Orders.dll' but either crashed, did not respond, or did not listen on the given port '31544', ErrorCode = '0x800705b4'`,
      ],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['on the given port'],
    any: ['failed to listen', 'did not listen', 'either crashed, did not respond'],
    value: ERROR_CODE,
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_WRONGPORT_ERROR_MSG, _NOTREADY_ERROR_MSG)`,
    examples: {
      match: ["but failed to listen on the given port '31544'", "but either crashed, did not respond, or did not listen on the given port '31544', ErrorCode = '0x800705b4'"],
      noMatch: ['the app did listen on the given port after a while'],
    },
  },
  // The process started but never listened where ANCM told it to (ASPNETCORE_PORT ignored or
  // taken). Only the event says so: the 502.5 page lists "failed to listen on the configured
  // port" among its three generic bullets whatever happened.
  {
    clue: 'ancm.wrong-port',
    all: ['failed to listen on the given port'],
    value: /port '(\d{1,5})'/,
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_WRONGPORT_ERROR_MSG, event 1000)`,
    examples: {
      match: [raw`Application '/LM/W3SVC/3/ROOT' with physical root 'C:\apps\orders\' created process with commandline '"dotnet" .\Orders.dll' but failed to listen on the given port '31544'`],
      noMatch: [
        "but either crashed, did not respond, or did not listen on the given port '31544', ErrorCode = '0x800705b4'",
        'The application process started but failed to listen on the configured port',
      ],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['out-of-process startup failure'],
    source: `${FWD} (502.5 page title "ANCM Out-Of-Process Startup Failure")`,
    examples: {
      match: ['HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure', '<title> HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure </title>'],
      noMatch: ['HTTP Error 500.30 - ANCM In-Process Start Failure'],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['502.5', 'process failure'],
    source: `${LEARN_ERRORS} ("HTTP Error 502.5 - Process Failure", pre-2.2 page); ${LEARN_TS} ("502.5 Process Failure")`,
    examples: {
      match: ['HTTP Error 502.5 - Process Failure', 'HTTP Error 502.5 – Process Failure', '502.5 Process Failure'],
      noMatch: ['we get a 502 from the process sometimes', 'HTTP Error 502.3 - Bad Gateway'],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['the application process'],
    any: ['process failed to start', 'started but then stopped', 'started but failed to listen on the configured port'],
    source: `${FWD} (502.5 page reasons)`,
    examples: {
      match: [
        'The application process failed to start',
        'The application process started but then stopped',
        'The application process started but failed to listen on the configured port',
        '<ul><li> The application process failed to start </li><li> The application process started but then stopped </li></ul>',
      ],
      noMatch: ['The application started but then stopped', 'The app failed to start'],
    },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['failed to listen on the configured port'],
    source: `${FWD} (502.5 page reason, paraphrased pastes keep this phrase)`,
    examples: { match: ['process started but failed to listen on the configured port'] },
  },

  // ── In-process start failures: events 1007 / 1031, the 500.30 page ─────────────────────────
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['failed to load coreclr'],
    source: `${RES} (ASPNETCORE_EVENT_LOAD_CLR_FAILURE_MSG, event 1007)`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' failed to load coreclr. Exception message: CLR worker thread exited prematurely`,
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' failed to load coreclr. Exception message:`,
      ],
    },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['failed to load clr and managed application'],
    source: `${OLD} (InProcessFailedToStart, ASP.NET Core 2.2 handler); ${LEARN_ERRORS}`,
    examples: { match: [raw`Application '/LM/W3SVC/5/ROOT' with physical root 'C:\sites\app\' failed to load clr and managed application. CLR worker thread exited prematurely`] },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['clr worker thread exited prematurely'],
    source: `${IPAPP} (LoadManagedApplication)`,
    examples: { match: ['CLR worker thread exited prematurely'] },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['error occurred when initializing in-process application'],
    value: /return code:?\s{0,3}(0x[0-9a-f]{1,8})/i,
    source: `${IPAPP} (ExecuteApplication, hostfxr initialize failure, logged with event 1007)`,
    examples: { match: ['Error occurred when initializing in-process application, Return code: 0x80008096, Error logs: The library hostpolicy.dll was not found.'] },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['failed to start', 'exception message'],
    any: ['application'],
    none: ['failed to start process', 'stdout redirection'],
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_START_ERROR_MSG, event 1031)`,
    examples: {
      match: [raw`Application 'C:\inetpub\api\' failed to start. Exception message:`],
      noMatch: [raw`Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.`],
    },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ["wasn't able to start"],
    any: ['exception message', 'executable was not found', 'could not find dotnet.exe', 'hostfxr', '.dll was not found', "' wasn't able to start"],
    source: `${OLD} (UnableToStart, old shim: "Application '%s' wasn't able to start. %s"); ${LEARN_ERRORS}`,
    examples: {
      match: [raw`Application 'C:\inetpub\api\' wasn't able to start. Executable was not found at 'C:\inetpub\api\%LAUNCHER_PATH%.exe'`],
      noMatch: ["the new hire wasn't able to start on Monday"],
    },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['in-process start failure'],
    source: `${LEARN_TS} ("500.30 In-Process Start Failure"); old static page "HTTP Error 500.30 - ANCM In-Process Start Failure"`,
    examples: { match: ['HTTP Error 500.30 - ANCM In-Process Start Failure', '500.30 In-Process Start Failure'] },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['asp.net core app failed to start'],
    any: ['500.30', 'http error', 'ancm'],
    none: ['startup time limit', 'failed to start after'],
    source: `${IPDLL} (500.30 generalErrorType "ASP.NET Core app failed to start")`,
    examples: {
      match: ['HTTP Error 500.30 - ASP.NET Core app failed to start', '<h1> HTTP Error 500.30 - ASP.NET Core app failed to start </h1>'],
      noMatch: ['HTTP Error 500.37 - ASP.NET Core app failed to start within startup time limit'],
    },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['500.30'],
    any: ['app failed to start', 'application failed to start', 'start failure'],
    source: `${IPDLL} and ${LEARN_TS} (500.30 page and its docs name)`,
    examples: { match: ['500.30 app failed to start', 'HTTP 500.30 - the application failed to start'], noMatch: ['HTTP 500.31 - app failed to start'] },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['threw an exception during startup'],
    source: `${IPDLL} (500.30 reason "The app started but threw an exception during startup"; old page "The application started but threw an exception during startup")`,
    examples: { match: ['The app started but threw an exception during startup', 'The application started but threw an exception during startup'] },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['started but then stopped'],
    any: ['the app started', 'the application started'],
    none: ['application process started', 'stopped responding', 'stopped working', 'stopped serving'],
    source: `${IPDLL} (500.30 reasons "The app started but then stopped"; old page "The application started but then stopped")`,
    examples: {
      match: ['<ul><li>The app failed to start</li><li>The app started but then stopped</li></ul>', 'The application started but then stopped'],
      noMatch: ['The application process started but then stopped', 'the app started but then stopped responding after an hour'],
    },
  },
  {
    clue: 'ancm.inprocess-start-failed',
    all: ['aspnetcoremodule', 'httpstatus="500"', 'httpsubstatus="30"'],
    value: FREB_ERROR_CODE,
    source: MOF,
    examples: {
      match: ['MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="500", HttpReason="Internal Server Error", HttpSubStatus="30", ErrorCode="2147942974", ConfigExceptionInfo=""'],
    },
  },

  // ── Event 1010, the generic companion of every shim-level start failure ────────────────────
  {
    clue: 'ancm.start-application-failed',
    all: ['failed to start application'],
    any: ['errorcode', '/lm/w3svc', 'machine/webroot/apphost'],
    none: ['failed to start application pool'],
    value: ERROR_CODE,
    source: `${RES} (ASPNETCORE_EVENT_ADD_APPLICATION_ERROR_MSG, event 1010)`,
    examples: {
      match: [
        "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.",
        "Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x800700c1'.",
        "Failed to start application '/LM/W3SVC/1416782824/ROOT', ErrorCode '0x8000ffff'.",
      ],
      noMatch: ['Failed to start application pool DefaultAppPool, ErrorCode 5', 'the application failed to start'],
    },
  },
  {
    clue: 'ancm.start-application-failed',
    all: ['ancm_start_application_fail'],
    source: MOF,
    examples: { match: ['ANCM_START_APPLICATION_FAIL Error FailureDescription="Failed to start application"'], noMatch: ['ANCM_START_APPLICATION_SUCCESS Informational'] },
  },

  // ── Events 1011 / 1035: the in-process app returned from Main ──────────────────────────────
  {
    clue: 'ancm.main-exited',
    all: ['exited from program.main'],
    value: /exit code\s{0,3}=\s{0,3}'?(-?\d{1,10})/i,
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_THREAD_EXIT_MSG, _THREAD_EXIT_STDOUT_MSG, events 1011/1035)`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' has exited from Program.Main with exit code = '1'. Please check the stderr logs for more information.`,
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' has exited from Program.Main with exit code = '-532462766'. First 30KB characters of captured stdout and stderr logs:`,
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' has exited from Program.Main with exit code = '0'. Last 30KB characters of captured stdout and stderr logs:`,
      ],
    },
  },
  {
    clue: 'ancm.main-exited',
    all: ['unexpected managed background thread exit'],
    value: /exit code\s{0,3}=\s{0,3}'?(-?\d{1,10})/i,
    source: `${OLD} (InProcessThreadExit / InProcessThreadExitStdOut, old handler)`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' hit unexpected managed background thread exit, exit code = '2'.`,
        raw`hit unexpected managed background thread exit, exit code = '1'. Last 4KB characters of captured stdout and stderr logs:`,
      ],
    },
  },

  // ── Event 1018: an unexpected managed exception in the in-process app ──────────────────────
  {
    clue: 'ancm.managed-exception',
    all: ['hit unexpected managed exception'],
    value: /exception code\s{0,3}=\s{0,3}'?(0x[0-9a-f]{1,8})/i,
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_THREAD_EXCEPTION_MSG, _THREAD_EXCEPTION_STDOUT_MSG, event 1018)`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/5/ROOT' with physical root 'C:\sites\app\' hit unexpected managed exception, exception code = '0xe0434352'. Please check the stderr logs for more information.`,
        raw`Application '/LM/W3SVC/5/ROOT' with physical root 'C:\sites\app\' hit unexpected managed exception, exception code = '0xc00000fd'. First 30KB characters of captured stdout and stderr logs:`,
      ],
    },
  },
  {
    clue: 'ancm.managed-exception',
    all: ['unexpected managed exception, exception code'],
    value: /exception code\s{0,3}=\s{0,3}'?(0x[0-9a-f]{1,8})/i,
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_THREAD_EXCEPTION_MSG)`,
    examples: { match: ["unexpected managed exception, exception code = '0xe0434352'"] },
  },

  // ── 500.31 / event 1027: the shared framework was not found ────────────────────────────────
  {
    clue: 'ancm.framework-missing',
    all: ['unable to locate application dependencies'],
    source: `${RES} (ASPNETCORE_EVENT_HOSTFXR_FAILURE_MSG, event 1027)`,
    examples: {
      match: [
        'Unable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.',
      ],
    },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['targeted by the application are installed'],
    source: `${RES} (ASPNETCORE_EVENT_HOSTFXR_FAILURE_MSG, second sentence)`,
    examples: { match: ['Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.'] },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['failed to find native dependencies'],
    source: `${RESOLVER} (500.31 title "ANCM Failed to Find Native Dependencies")`,
    examples: { match: ['HTTP Error 500.31 - ANCM Failed to Find Native Dependencies', '500.31 ANCM Failed to Find Native Dependencies'] },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['microsoft.netcore.app or microsoft.aspnetcore.app was not found'],
    source: `${RESOLVER} (500.31 errorReason)`,
    examples: { match: ['The specified version of Microsoft.NetCore.App or Microsoft.AspNetCore.App was not found.'] },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['without finding any native dependencies'],
    none: ['did you mean to run dotnet sdk commands'],
    source: `${OLD} (InProcessFailedToFindNativeDependencies, old shim); ${LEARN_ERRORS}`,
    examples: {
      match: [
        'Invoking hostfxr to find the inprocess request handler failed without finding any native dependencies. This most likely means the app is misconfigured, please check the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App that are targeted by the application and are installed on the machine.',
      ],
      noMatch: [
        'Invoking hostfxr to find the inprocess request handler failed without finding any native dependencies. Could not find inprocess request handler. Captured output from invoking hostfxr: Did you mean to run dotnet SDK commands? Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409',
      ],
    },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['are targeted by the application and are installed on the machine'],
    none: ['did you mean to run dotnet sdk commands'],
    source: `${OLD} (InProcessFailedToFindNativeDependencies, old shim, second sentence)`,
    examples: {
      match: ['please check the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App that are targeted by the application and are installed on the machine.'],
    },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['hostfxr_get_native_search_directories'],
    any: ['does not support', 'update the version of hostfxr'],
    source: `${RES} (ASPNETCORE_EVENT_HOSTFXR_DLL_INVALID_VERSION_MSG)`,
    examples: {
      match: [raw`Hostfxr version used does not support 'hostfxr_get_native_search_directories', update the version of hostfxr to a higher version. Path to hostfxr: 'C:\Program Files\dotnet\host\fxr\2.0.9\hostfxr.dll'.`],
    },
  },
  {
    clue: 'ancm.framework-missing',
    all: ['hostfxr'],
    any: ['unable to find hostfxr directory', 'hostfxr.dll not found at', "doesn't contain any version subdirectories"],
    source: `${FXR} (GetAbsolutePathToHostFxr: no .NET runtime under the dotnet folder)`,
    examples: {
      match: [
        raw`Unable to find hostfxr directory at C:\Program Files\dotnet\host\fxr`,
        raw`hostfxr.dll not found at 'C:\Program Files\dotnet\host\fxr\8.0.11\hostfxr.dll'`,
        raw`Hostfxr directory 'C:\Program Files\dotnet\host\fxr' doesn't contain any version subdirectories`,
      ],
    },
  },

  // ── 500.32: a dll of another bitness ───────────────────────────────────────────────────────
  {
    clue: 'ancm.bitness',
    all: ['ancm failed to load dll'],
    source: `${RESOLVER} (500.32 title "ANCM Failed to Load dll")`,
    examples: { match: ['HTTP Error 500.32 - ANCM Failed to Load dll'] },
  },
  {
    clue: 'ancm.bitness',
    all: ['published for a different bitness'],
    source: `${RESOLVER} (500.32 errorReason)`,
    examples: { match: ['The application was likely published for a different bitness than w3wp.exe/iisexpress.exe is running as.'] },
  },
  {
    clue: 'ancm.bitness',
    all: ['bitness mismatch between iis application pool and published application'],
    source: `${RES} (ASPNETCORE_EVENT_HOSTFXR_DLL_UNABLE_TO_LOAD_MSG)`,
    examples: {
      match: [raw`Unable to load 'C:\Program Files (x86)\dotnet\host\fxr\8.0.11\hostfxr.dll'. This might be caused by a bitness mismatch between IIS application pool and published application.`],
    },
  },
  {
    clue: 'ancm.bitness',
    all: ['could not load hostfxr.dll'],
    source: `${RESOLVER} (500.32 detailedErrorContent)`,
    examples: { match: ['Could not load hostfxr.dll.'] },
  },
  {
    clue: 'ancm.bitness',
    all: ['0x800700c1'],
    any: ['failed to start application', 'errorcode', 'failed hresult returned'],
    value: ERROR_CODE,
    source: `${LEARN_TS} (EventID 1010 ErrorCode '0x800700c1' = ERROR_BAD_EXE_FORMAT: app and w3wp bitness differ)`,
    examples: {
      match: ["Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x800700c1'."],
      noMatch: ["Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x8007023e'."],
    },
  },

  // ── 500.33: the app does not reference Microsoft.AspNetCore.App ────────────────────────────
  {
    clue: 'ancm.request-handler-missing',
    all: ['ancm request handler load failure'],
    source: `${RESOLVER} (500.33 title)`,
    examples: { match: ['HTTP Error 500.33 - ANCM Request Handler Load Failure'] },
  },
  {
    clue: 'ancm.request-handler-missing',
    all: ['referenced for the in-process application'],
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_RH_REFERENCE_MSG, event 1027); old wording in ${OLD}`,
    examples: {
      match: [
        "Could not find the assembly 'aspnetcorev2_inprocess.dll' referenced for the in-process application. Please confirm the Microsoft.AspNetCore.Server.IIS or Microsoft.AspNetCore.App is referenced in your application.",
        "Could not find the assembly 'aspnetcorev2_inprocess.dll' referenced for the in-process application. Please confirm the Microsoft.AspNetCore.Server.IIS package is referenced in your application.",
      ],
    },
  },
  {
    clue: 'ancm.request-handler-missing',
    all: ['please confirm the microsoft.aspnetcore.server.iis'],
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_RH_REFERENCE_MSG, second sentence)`,
    examples: { match: ['Please confirm the Microsoft.AspNetCore.Server.IIS or Microsoft.AspNetCore.App is referenced in your application.'] },
  },
  {
    clue: 'ancm.request-handler-missing',
    all: ['make sure microsoft.aspnetcore.app is referenced by your application'],
    source: `${RESOLVER} (500.33 errorReason)`,
    examples: { match: ['Make sure Microsoft.AspNetCore.App is referenced by your application.'] },
  },

  // ── 500.34 / event 1009: mixed hosting models in one pool ──────────────────────────────────
  {
    clue: 'ancm.mixed-hosting',
    all: ['mixed hosting model'],
    any: ['is not supported', 'models not supported'],
    source: `${RES} (ASPNETCORE_EVENT_MIXED_HOSTING_MODEL_ERROR_MSG, event 1009); ${RESOLVER} (500.34 title)`,
    examples: {
      match: [
        "Mixed hosting model is not supported. Application '/LM/W3SVC/4/ROOT/admin' configured with different hostingModel value '1' other than the one of running application(s).",
        'HTTP Error 500.34 - ANCM Mixed Hosting Models Not Supported',
      ],
    },
  },
  {
    clue: 'ancm.mixed-hosting',
    all: ['configured with different hostingmodel value'],
    source: `${RES} (ASPNETCORE_EVENT_MIXED_HOSTING_MODEL_ERROR_MSG)`,
    examples: { match: ["configured with different hostingModel value '2' other than the one of running application(s)."] },
  },
  {
    clue: 'ancm.mixed-hosting',
    all: ['select a different application pool to create another application'],
    source: `${RESOLVER} (500.34 errorReason)`,
    examples: {
      match: ['Select a different application pool to create another application.'],
      noMatch: ['Select a different application pool to create another in-process application.'],
    },
  },

  // ── 500.35 / event 1008: two in-process apps in one pool ───────────────────────────────────
  {
    clue: 'ancm.multiple-inprocess',
    all: ['application is allowed per iis application pool'],
    source: `${RES} (ASPNETCORE_EVENT_DUPLICATED_INPROCESS_APP_MSG, event 1008); old "inprocess" wording in ${OLD}`,
    examples: {
      match: [
        "Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/1/ROOT/api' to a different IIS application pool.",
        'Only one inprocess application is allowed per IIS application pool',
      ],
    },
  },
  {
    clue: 'ancm.multiple-inprocess',
    all: ['to a different iis application pool'],
    any: ['please assign the application'],
    source: `${RES} (ASPNETCORE_EVENT_DUPLICATED_INPROCESS_APP_MSG, second sentence)`,
    examples: { match: ["Please assign the application '/LM/W3SVC/1/ROOT/api' to a different IIS application pool."] },
  },
  {
    clue: 'ancm.multiple-inprocess',
    all: ['multiple in-process applications in same process'],
    source: `${RESOLVER} (500.35 title)`,
    examples: { match: ['HTTP Error 500.35 - ANCM Multiple In-Process Applications in same Process'] },
  },
  {
    clue: 'ancm.multiple-inprocess',
    all: ['to create another in-process application'],
    source: `${RESOLVER} (500.35 errorReason)`,
    examples: { match: ['Select a different application pool to create another in-process application.'] },
  },

  // ── 500.36 / event 1029: the out-of-process handler is missing ─────────────────────────────
  {
    clue: 'ancm.oop-handler-missing',
    all: ['out-of-process handler load failure'],
    source: `${RESOLVER} (500.36 / 500.0 title "ANCM Out-Of-Process Handler Load Failure")`,
    examples: { match: ['HTTP Error 500.36 - ANCM Out-Of-Process Handler Load Failure', 'HTTP Error 500.0 - ANCM Out-Of-Process Handler Load Failure'] },
  },
  {
    clue: 'ancm.oop-handler-missing',
    all: ['for out-of-process application'],
    any: ['could not find the assembly', 'installed correctly for iis'],
    source: `${RES} (ASPNETCORE_EVENT_OUT_OF_PROCESS_RH_MISSING_MSG, event 1029)`,
    examples: {
      match: [
        raw`Could not find the assembly 'C:\Program Files\IIS\Asp.Net Core Module\V2\18.0.24201.0\aspnetcorev2_outofprocess.dll' for out-of-process application. Please confirm the assembly is installed correctly for IIS or IISExpress.`,
      ],
    },
  },
  {
    clue: 'ancm.oop-handler-missing',
    all: ['aspnetcorev2_outofprocess.dll'],
    any: ['could not be found', 'could not find'],
    source: `${RESOLVER} (500.36 errorReason)`,
    examples: { match: ['The out of process request handler, aspnetcorev2_outofprocess.dll, could not be found next to the aspnetcorev2.dll.'] },
  },

  // ── 500.37: the in-process app did not start within startupTimeLimit ───────────────────────
  {
    clue: 'ancm.startup-time-limit',
    all: ['failed to start within startup time limit'],
    source: `${IPAPP} (500.37 title "ASP.NET Core app failed to start within startup time limit")`,
    examples: { match: ['HTTP Error 500.37 - ASP.NET Core app failed to start within startup time limit', '500.37 ANCM Failed to Start Within Startup Time Limit'] },
  },
  {
    clue: 'ancm.startup-time-limit',
    all: ['app failed to start after', 'milliseconds'],
    value: /failed to start after\s{1,3}(\d{1,9})/i,
    source: `${IPAPP} (500.37 errorReason)`,
    examples: { match: ['ASP.NET Core app failed to start after 120000 milliseconds'] },
  },
  {
    clue: 'ancm.startup-time-limit',
    all: ['managed server', 'initialize after'],
    value: /initialize after\s{1,3}(\d{1,9})/i,
    source: `${IPAPP} (LoadManagedApplication: "Managed server didn't initialize after %u ms.", logged with event 1007)`,
    examples: {
      match: [raw`Application '/LM/W3SVC/1/ROOT' with physical root 'C:\inetpub\api\' failed to load coreclr. Exception message: Managed server didn't initialize after 120000 ms.`],
    },
  },

  // ── 500.38: the app dll is missing (single-file publish, wrong processPath) ────────────────
  {
    clue: 'ancm.app-dll-missing',
    all: ['application dll not found'],
    source: `${FXR} (500.38 title "ANCM Application Dll Not Found" and errorReason)`,
    examples: {
      match: [
        'HTTP Error 500.38 - ANCM Application Dll Not Found',
        'Application dll not found. Confirm the application dll is present. Single-file deployments are not supported in IIS.',
      ],
    },
  },
  {
    clue: 'ancm.app-dll-missing',
    all: ['single file deployment', 'not supported'],
    source: 'A paraphrase of the 500.38 reason (dotnet/aspnetcore HostFxrResolver.cpp): "Single-file deployments are not supported in IIS."',
    examples: { match: ['When I tried to start the site, it then noted that Single File Deployments are not supported by IIS.'] },
  },
  {
    clue: 'ancm.app-dll-missing',
    all: ['publishsinglefile', 'iis'],
    source: 'The MSBuild property behind a single-file publish, named next to IIS',
    examples: { match: ['I set PublishSingleFile=true and deployed to IIS in-process'] },
  },
  {
    clue: 'ancm.app-dll-missing',
    all: ['single-file deployments are not supported in iis'],
    source: `${FXR} (500.38 errorReason)`,
    examples: { match: ['Single-file deployments are not supported in IIS.'] },
  },
  {
    clue: 'ancm.app-dll-missing',
    all: ['application .dll was not found at'],
    value: /was not found at\s{1,3}([^\s]{1,200}\.dll)/i,
    source: `${FXR} (GetHostFxrParameters, logged with event 1007)`,
    examples: {
      match: [raw`Application .dll was not found at C:\inetpub\api\Api.dll. Confirm the application dll is present and is not published as a single executable.`],
    },
  },
  {
    clue: 'ancm.app-dll-missing',
    all: ['is not published as a single executable'],
    source: `${FXR} (GetHostFxrParameters)`,
    examples: { match: ['Confirm the application dll is present and is not published as a single executable.'] },
  },
  {
    clue: 'ancm.app-dll-missing',
    all: ['provided application path does not exist'],
    source: `${OLD} (InProcessFailedToFindApplication)`,
    examples: { match: ["Provided application path does not exist, or isn't a .dll or .exe."] },
  },

  // ── 500.0 In-Process Handler Load Failure ──────────────────────────────────────────────────
  {
    clue: 'ancm.inprocess-handler-load',
    all: ['in-process handler load failure'],
    source: `${RESOLVER} (500.0 generalErrorType "ANCM In-Process Handler Load Failure")`,
    examples: {
      match: ['HTTP Error 500.0 - ANCM In-Process Handler Load Failure', '500.0 In-Process Handler Load Failure'],
      noMatch: ['HTTP Error 500.0 - ANCM Out-Of-Process Handler Load Failure'],
    },
  },
  {
    clue: 'ancm.inprocess-handler-load',
    all: ['aspnetcorev2_inprocess.dll', 'could not find'],
    none: ['referenced for the in-process application'],
    source: `${RES} (ASPNETCORE_EVENT_INPROCESS_RH_ERROR_MSG, event 1027); old wording in ${OLD} (CouldNotFindHandler)`,
    examples: {
      match: ["Could not find 'aspnetcorev2_inprocess.dll'. Exception message:", "Could not find the assembly 'aspnetcorev2_inprocess.dll'"],
      noMatch: ["Could not find the assembly 'aspnetcorev2_inprocess.dll' referenced for the in-process application."],
    },
  },
  {
    clue: 'ancm.inprocess-handler-load',
    all: ['could not find inprocess request handler'],
    source: `${LEARN_ERRORS} (pre-2.2 shim text)`,
    examples: { match: ['Could not find inprocess request handler. Captured output from invoking hostfxr: It was not possible to find any compatible framework version.'] },
  },
  {
    clue: 'ancm.inprocess-handler-load',
    all: ['to find the inprocess request handler failed'],
    source: `${LEARN_ERRORS} and ${OLD} (pre-2.2 shim text "Invoking hostfxr to find the inprocess request handler failed ...")`,
    examples: { match: ['Invoking hostfxr to find the inprocess request handler failed without finding any native dependencies.'] },
  },
  {
    clue: 'ancm.inprocess-handler-load',
    all: ['captured output from invoking hostfxr'],
    source: `${LEARN_ERRORS} (pre-2.2 shim text)`,
    examples: { match: ["Captured output from invoking hostfxr: It was not possible to find any compatible framework version. The specified framework 'Microsoft.AspNetCore.App', version '2.2.0' was not found."] },
  },

  // ── Event 1034: the <aspNetCore> configuration could not be loaded ─────────────────────────
  {
    clue: 'ancm.config-load-error',
    all: ['could not load configuration'],
    any: ['exception message', 'hosting model', 'hostingmodel', 'aspnetcore', 'web.config'],
    source: `${RES} (ASPNETCORE_CONFIGURATION_LOAD_ERROR_MSG, event 1034); old single-line wording in ${OLD}`,
    examples: {
      match: [
        'Could not load configuration. Exception message:',
        "Could not load configuration. Exception message: Unknown hosting model 'inproc'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file.",
      ],
      noMatch: ['Could not load configuration from appsettings.json'],
    },
  },
  {
    clue: 'ancm.config-load-error',
    all: ['unknown hosting model'],
    value: /unknown hosting model\s{1,3}'([^']{0,60})'/i,
    source: `${V2}AspNetCore/ShimOptions.cpp (Unknown hosting model)`,
    examples: { match: ["Unknown hosting model 'inproc'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file."] },
  },
  {
    clue: 'ancm.config-load-error',
    all: ['please specify either hostingmodel'],
    source: `${V2}AspNetCore/ShimOptions.cpp (Unknown hosting model, second sentence)`,
    examples: { match: ['Please specify either hostingModel="inprocess" or hostingModel="outofprocess" in the web.config file.'] },
  },

  // ── stdout log: event 1004, "Could not start stdout redirection" ──────────────────────────
  {
    clue: 'ancm.stdout-log-failed',
    all: ['could not create stdoutlogfile'],
    value: ERROR_CODE,
    source: `${RES} (ASPNETCORE_EVENT_INVALID_STDOUT_LOG_FILE_MSG, event 1004)`,
    examples: { match: [raw`Could not create stdoutLogFile C:\inetpub\api\logs\stdout_20260112101502_4312.log, ErrorCode = '0x80070003'.`] },
  },
  {
    clue: 'ancm.stdout-log-failed',
    all: ['stdout redirection'],
    any: ['could not start stdout redirection', 'could not stop stdout redirection'],
    value: HRESULT,
    source: `${LEARN_ERRORS} ("stdout log path incorrect")`,
    examples: {
      match: [
        raw`Could not start stdout redirection in C:\Program Files\IIS\Asp.Net Core Module\V2\aspnetcorev2.dll. Exception message: HRESULT 0x80070005 returned at D:\a\_work\1\s\src\Servers\IIS\AspNetCoreModuleV2\CommonLib\fileoutputmanager.cpp:84.`,
        raw`Could not stop stdout redirection in C:\Program Files\IIS\Asp.Net Core Module\V2\aspnetcorev2.dll. Exception message: HRESULT 0x80070002 returned at fileoutputmanager.cpp:140.`,
      ],
    },
  },
  {
    clue: 'ancm.stdout-log-failed',
    all: ['could not start stdout file redirection to'],
    source: `${OLD} (CouldNotStartStdoutFileRedirection)`,
    examples: { match: [raw`Could not start stdout file redirection to 'C:\inetpub\api\logs\stdout' with application base 'C:\inetpub\api\'.`] },
  },
  {
    clue: 'ancm.stdout-log-failed',
    all: ['fileoutputmanager.cpp'],
    any: ['returned at', 'hresult'],
    value: HRESULT,
    source: `${V2}CommonLib/FileOutputManager.cpp (ResultException location, quoted in ${LEARN_ERRORS})`,
    examples: { match: [raw`HRESULT 0x80070005 returned at D:\a\_work\1\s\src\Servers\IIS\AspNetCoreModuleV2\CommonLib\fileoutputmanager.cpp:84.`] },
  },

  // ── processPath points at nothing ──────────────────────────────────────────────────────────
  {
    clue: 'ancm.executable-not-found',
    all: ['executable was not found at'],
    value: AT_PATH,
    source: `${FXR} (GetHostFxrParameters); ${LEARN_ERRORS}`,
    examples: {
      match: [raw`Executable was not found at 'C:\inetpub\api\Api.exe'`, raw`Event Log: 'Application 'C:\inetpub\api\' wasn't able to start. Executable was not found at 'C:\inetpub\api\Api.exe'`],
      noMatch: ['Application .dll was not found at C:\\inetpub\\api\\Api.dll.'],
    },
  },
  {
    clue: 'ancm.executable-not-found',
    all: ['could not find dotnet.exe at'],
    value: AT_PATH,
    source: `${FXR} (GetAbsolutePathToDotnet)`,
    examples: {
      match: [
        raw`Could not find dotnet.exe at 'C:\inetpub\api\dotnet.exe' or using the system PATH environment variable. Check that a valid path to dotnet is on the PATH and the bitness of dotnet matches the bitness of the IIS worker process.`,
        raw`Could not find dotnet.exe at 'D:\dotnet\dotnet.exe'`,
      ],
    },
  },
  {
    // The command line ANCM ran was empty: processPath resolved to nothing (an empty attribute, or
    // a site whose web.config ANCM never got, such as an app added as a virtual directory).
    clue: 'ancm.empty-commandline',
    all: ["with commandline '"],
    any: ["commandline '\"\" '", "commandline '\"\"'", "commandline ''", "commandline ' '"],
    source: `${OLD} (ANCM V1 event 1000: "failed to start process with commandline '%s', ErrorCode = '0x%x'", %s empty)`,
    examples: {
      match: [`Failed to start process with commandline '"" ', ErrorCode = '0x80070057'`, "Application 'MACHINE/WEBROOT/APPHOST/API' with physical root 'C:\\inetpub\\api\\' failed to start process with commandline '', ErrorCode = '0x80070057 : 0."],
      noMatch: [`failed to start process with commandline '"dotnet" .\\Api.dll', ErrorCode = '0x80004005 : 80008083.`],
    },
  },
  {
    clue: 'ancm.executable-not-found',
    all: ['valid path to dotnet is on the path'],
    source: `${FXR} (GetAbsolutePathToDotnet, second sentence)`,
    examples: { match: ['Check that a valid path to dotnet is on the PATH and the bitness of dotnet matches the bitness of the IIS worker process.'] },
  },
  {
    clue: 'ancm.executable-not-found',
    all: ['absolute path to dotnet.exe was not found'],
    value: AT_PATH,
    source: `${FXR} (debug log line)`,
    examples: { match: [raw`[2026-01-12T10:15:02.123Z, PID: 4312] [aspnetcorev2.dll] Absolute path to dotnet.exe was not found at 'D:\dotnet\dotnet.exe'`] },
  },
  {
    clue: 'ancm.executable-not-found',
    all: ['process path', "doesn't have '.exe' extension"],
    source: `${FXR} (GetHostFxrParameters)`,
    examples: { match: [raw`Process path 'C:\inetpub\api\run.cmd' doesn't have '.exe' extension.`] },
  },
  {
    clue: 'ancm.executable-not-found',
    all: ['failed to start process with commandline', '0x80070002'],
    source: `${LEARN_ERRORS} (ErrorCode '0x80070002 : 0' = file not found: wrong processPath, dotnet not on PATH)`,
    examples: {
      match: [raw`Application 'MACHINE/WEBROOT/APPHOST/API' with physical root 'C:\sites\api\' failed to start process with commandline '"dotnet" .\Api.dll', ErrorCode = '0x80070002 : 0.`],
      noMatch: [raw`Application 'MACHINE/WEBROOT/APPHOST/API' with physical root 'C:\sites\api\' failed to start process with commandline '"dotnet" .\Api.dll', ErrorCode = '0x80004005 : ff.`],
    },
  },

  // ── %LAUNCHER_PATH% / %LAUNCHER_ARGS% left in web.config ───────────────────────────────────
  {
    clue: 'ancm.launcher-placeholder',
    all: ['%launcher_'],
    any: ['%launcher_path%', '%launcher_args%'],
    source: `${LEARN_ERRORS} (Executable was not found at '...%LAUNCHER_PATH%.exe'); ${V2}AspNetCore/ShimOptions.cpp`,
    examples: {
      match: [
        raw`Executable was not found at 'C:\inetpub\api\%LAUNCHER_PATH%.exe'`,
        '<aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" stdoutLogEnabled="false" />',
        raw`failed to start process with commandline '%LAUNCHER_PATH% %LAUNCHER_ARGS%', ErrorCode = '0x80070002 : 0.`,
      ],
    },
  },
  {
    clue: 'ancm.launcher-placeholder',
    all: ['launcher_path'],
    any: ['processpath', 'executable was not found', 'commandline', 'web.config'],
    none: ['ancm_launcher_path'],
    source: `${LEARN_ERRORS}; ${V2}AspNetCore/ShimOptions.cpp`,
    examples: {
      match: ['processPath is still LAUNCHER_PATH in the published web.config'],
      noMatch: ['set ANCM_LAUNCHER_PATH to dotnet.exe when debugging, processPath is ignored then'],
    },
  },

  // ── dotnet run with arguments that are not an app dll ──────────────────────────────────────
  {
    clue: 'ancm.dotnet-sdk-command',
    all: ['did you mean to run dotnet sdk commands'],
    source: `${LEARN_ERRORS} ("Incorrect arguments of <aspNetCore> element")`,
    examples: {
      match: [
        'Did you mean to run dotnet SDK commands? Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409',
        'Captured output from invoking hostfxr: Did you mean to run dotnet SDK commands? Please install dotnet SDK from:',
      ],
    },
  },
  {
    clue: 'ancm.dotnet-sdk-command',
    all: ['please install dotnet sdk from'],
    source: `${LEARN_ERRORS} (second sentence of the same message)`,
    examples: { match: ['Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409'] },
  },
  {
    clue: 'ancm.dotnet-sdk-command',
    all: ['the application was not found or a compatible .net sdk'],
    source: 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp (muxer: the app dll argument does not exist, .NET 3+ wording)',
    examples: { match: ['Could not execute because the application was not found or a compatible .NET SDK is not installed.'] },
  },
  {
    clue: 'ancm.dotnet-sdk-command',
    all: ['you intended to execute a .net'],
    any: ['.net program', '.net application', '.net sdk command'],
    source: 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp (muxer: "You intended to execute a .NET program / .NET SDK command")',
    examples: {
      match: ['  * You intended to execute a .NET program:', '  * You intended to execute a .NET application:', '  * You intended to execute a .NET SDK command:'],
    },
  },
  {
    clue: 'ancm.dotnet-sdk-command',
    all: ['the command could not be loaded, possibly because'],
    source: 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp (muxer, .NET 8+ wording)',
    examples: { match: ['The command could not be loaded, possibly because:'] },
  },

  // ── Out-of-process lifecycle events ────────────────────────────────────────────────────────
  {
    clue: 'ancm.rapid-fail-count',
    all: ['rapid fail count per minute'],
    value: /per minute of\s{0,3}'?(\d{1,4})/i,
    source: `${RES} (ASPNETCORE_EVENT_RAPID_FAIL_COUNT_EXCEEDED_MSG, event 1003)`,
    examples: { match: ["Maximum rapid fail count per minute of '10' exceeded."], noMatch: ["Application pool 'Api' is being automatically disabled due to a series of failures"] },
  },
  {
    clue: 'ancm.rapid-fail-count',
    all: ['rapid fail count', 'exceeded'],
    value: /per minute of\s{0,3}'?(\d{1,4})/i,
    source: `${RES} (ASPNETCORE_EVENT_RAPID_FAIL_COUNT_EXCEEDED_MSG, event 1003), paraphrased`,
    examples: { match: ['ANCM event 1003: rapid fail count exceeded'], noMatch: ['rapid fail count is 10 by default'] },
  },
  {
    clue: 'ancm.graceful-shutdown-failed',
    all: ['gracefully shutdown process with id'],
    source: `${RES} (ASPNETCORE_EVENT_GRACEFUL_SHUTDOWN_FAILURE_MSG, out-of-process)`,
    examples: { match: ["gracefully shutdown process with Id '4312'."] },
  },
  {
    clue: 'ancm.graceful-shutdown-failed',
    all: ['failed to gracefully shut down'],
    any: ['application', 'process'],
    source: `${RES} (ASPNETCORE_EVENT_APP_SHUTDOWN_FAILURE_MSG, event 1005), paraphrased`,
    examples: { match: ['ANCM logged 1005, failed to gracefully shut down the application'] },
  },
  {
    clue: 'ancm.graceful-shutdown-failed',
    all: ['failed to gracefully shutdown'],
    any: ['application', 'process with id'],
    source: `${RES} (ASPNETCORE_EVENT_APP_SHUTDOWN_FAILURE_MSG, ASPNETCORE_EVENT_GRACEFUL_SHUTDOWN_FAILURE_MSG, event 1005)`,
    examples: {
      match: ["Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/API'.", "Failed to gracefully shutdown process with Id '4312'."],
    },
  },
  {
    clue: 'ancm.recycled-app-offline',
    all: ['was recycled after detecting app_offline'],
    source: `${RES} (ASPNETCORE_EVENT_RECYCLE_APPOFFLINE_MSG, event 1012)`,
    examples: { match: ["Application 'MACHINE/WEBROOT/APPHOST/API' was recycled after detecting app_offline.htm."] },
  },
  {
    clue: 'ancm.recycled-app-offline',
    all: ['app_offline.htm', 'was recycled'],
    source: `${RES} (ASPNETCORE_EVENT_RECYCLE_APPOFFLINE_MSG, event 1012), paraphrased`,
    examples: { match: ['the app was recycled because of app_offline.htm (event 1012)'] },
  },
  {
    clue: 'ancm.recycled-config-change',
    all: ['was recycled due to configuration change'],
    source: `${RES} (ASPNETCORE_EVENT_RECYCLE_CONFIGURATION_MSG, event 1021)`,
    examples: { match: ["Application 'MACHINE/WEBROOT/APPHOST/API' was recycled due to configuration change"] },
  },
  {
    clue: 'ancm.recycled-config-change',
    all: ['failed to recycle application after a configuration change'],
    source: `${RES} (ASPNETCORE_EVENT_RECYCLE_FAILURE_CONFIGURATION_MSG, event 1022)`,
    examples: { match: ["Failed to recycle application after a configuration change at 'MACHINE/WEBROOT/APPHOST/API'. Recycling worker process."] },
  },
  {
    clue: 'ancm.recycled-config-change',
    all: ['was recycled after detecting file change in application directory'],
    source: `${OLD} (ShutdownFileChange, shadow copy)`,
    examples: { match: [raw`Application 'C:\inetpub\api\' was recycled after detecting file change in application directory.`] },
  },
  {
    clue: 'ancm.port-setup-failed',
    all: ['failed to choose listen port'],
    value: /given port range\s{0,3}'?(\d{1,5}\s{0,3}-\s{0,3}\d{1,5})/i,
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_PORTSETUP_ERROR_MSG, event 1001 at Error level)`,
    examples: {
      match: [
        raw`Application '/LM/W3SVC/2/ROOT' with physical root 'C:\inetpub\api\' failed to choose listen port '5000' given port range '1025 - 48000', ErrorCode = '0x80070057'. If environment variable 'ASPNETCORE_PORT' was set, try removing it such that a random port is selected instead.`,
      ],
    },
  },
  {
    clue: 'ancm.port-setup-failed',
    all: ['such that a random port is selected instead'],
    source: `${RES} (ASPNETCORE_EVENT_PROCESS_START_PORTSETUP_ERROR_MSG, second sentence)`,
    examples: { match: ["If environment variable 'ASPNETCORE_PORT' was set, try removing it such that a random port is selected instead."] },
  },

  // ── IIS could not load the module dll itself ───────────────────────────────────────────────
  {
    clue: 'ancm.module-load-failed',
    all: ['module dll', 'aspnetcore'],
    any: ['failed to load', 'could not be loaded'],
    value: /(aspnetcore(?:v2)?(?:_inprocess|_outofprocess)?\.dll)/i,
    source: `${LEARN_ERRORS} ("The Module DLL ... aspnetcore.dll failed to load. The data is the error."); IIS W3SVC-WP "The Module DLL %1 could not be loaded due to a configuration problem."`,
    examples: {
      match: [
        raw`The Module DLL C:\WINDOWS\system32\inetsrv\aspnetcore.dll failed to load. The data is the error.`,
        raw`The Module DLL 'C:\Program Files\IIS\Asp.Net Core Module\V2\aspnetcorev2.dll' could not be loaded due to a configuration problem.`,
      ],
      noMatch: [raw`The Module DLL C:\Windows\System32\inetsrv\rewrite.dll failed to load. The data is the error.`],
    },
  },

  {
    clue: 'ancm.module-load-failed',
    all: ['the data is the error', 'aspnetcore'],
    value: /(aspnetcore(?:v2)?(?:_inprocess|_outofprocess)?\.dll)/i,
    source: `${LEARN_ERRORS} ("OS upgrade removed the 32-bit ASP.NET Core Module")`,
    examples: { match: [raw`C:\WINDOWS\system32\inetsrv\aspnetcore.dll failed to load. The data is the error.`] },
  },

  // ── Out-of-process forwarding (502.3) and FREB ─────────────────────────────────────────────
  {
    clue: 'ancm.forward-failed',
    all: ['ancm_request_forward_fail'],
    value: FREB_ERROR_CODE,
    source: MOF,
    examples: {
      match: ['ANCM_REQUEST_FORWARD_FAIL Error ErrorCode="The operation timed out. (0x80072ee2)"', '<Opcode>ANCM_REQUEST_FORWARD_FAIL</Opcode>'],
      noMatch: ['ANCM_REQUEST_FORWARD_START Verbose', 'ANCM_REQUEST_FORWARD_END Verbose'],
    },
  },
  {
    clue: 'ancm.forward-failed',
    all: ['aspnetcoremodule', 'httpstatus="502"', 'httpsubstatus="3"'],
    value: FREB_ERROR_CODE,
    source: MOF,
    examples: {
      match: ['MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo=""'],
      noMatch: ['ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="5"'],
    },
  },
  {
    clue: 'ancm.forward-failed',
    all: ['there was a connection error while trying to route the request'],
    source: `${V2}OutOfProcessRequestHandler/outofprocessrequesthandler.rc (502.3 description when WinHTTP has no text)`,
    examples: { match: ['There was a connection error while trying to route the request.'] },
  },
  {
    clue: 'ancm.oop-start-failed',
    all: ['aspnetcoremodule', 'httpstatus="502"', 'httpsubstatus="5"'],
    value: FREB_ERROR_CODE,
    source: MOF,
    examples: {
      match: ['MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="5", ErrorCode="The operation completed successfully. (0x0)", ConfigExceptionInfo=""'],
    },
  },

  // ── 503 while the app shuts down ───────────────────────────────────────────────────────────
  {
    clue: 'ancm.shutting-down',
    all: ['application shutting down'],
    any: ['503', 'httpreason', 'service unavailable'],
    none: ['application is shutting down'],
    source: `${V2}AspNetCore/applicationinfo.cpp (503 "Application Shutting Down" during app_offline shutdown)`,
    examples: {
      match: ['HTTP/1.1 503 Application Shutting Down', 'HttpStatus="503", HttpReason="Application Shutting Down", HttpSubStatus="0"'],
      noMatch: ['info: Microsoft.Hosting.Lifetime[0] Application is shutting down... then 503'],
    },
  },
  {
    clue: 'ancm.shutting-down',
    all: ['server has been shutdown'],
    any: ['503', 'httpreason', 'service unavailable', '0x8007045b'],
    source: `${V2}InProcessRequestHandler/ShuttingDownApplication.h (503 "Server has been shutdown", ERROR_SHUTDOWN_IN_PROGRESS)`,
    examples: {
      match: ['HTTP/1.1 503 Server has been shutdown', 'HttpStatus="503", HttpReason="Server has been shutdown", HttpSubStatus="0", ErrorCode="0x8007045b"'],
      noMatch: ['the build server has been shutdown for maintenance'],
    },
  },

  // ── app_offline.htm ────────────────────────────────────────────────────────────────────────
  {
    clue: 'app-offline',
    all: ['detected app_offline file'],
    source: `${V2}AspNetCore/applicationinfo.cpp (debug log "Detected app_offline file, creating polling application")`,
    examples: { match: ['[2026-01-12T10:15:02.123Z, PID: 4312] [aspnetcorev2.dll] Detected app_offline file, creating polling application'] },
  },
  {
    clue: 'app-offline',
    all: ['was recycled after detecting app_offline'],
    source: `${RES} (ASPNETCORE_EVENT_RECYCLE_APPOFFLINE_MSG, event 1012)`,
    examples: { match: ["Application 'MACHINE/WEBROOT/APPHOST/API' was recycled after detecting app_offline.htm."] },
  },
  {
    clue: 'app-offline',
    all: ['app_offline.htm'],
    none: ['failed to monitor app_offline', 'no app_offline', 'without app_offline', 'not using app_offline', "don't use app_offline", 'removed app_offline', 'deleted app_offline'],
    source: `${V2}AspNetCore/AppOfflineHandler.cpp (503 with the body of app_offline.htm); ${LEARN_TS}`,
    examples: {
      match: [raw`there is an app_offline.htm in C:\inetpub\api left over by the deploy`, 'Web Deploy dropped app_offline.htm and never removed it'],
      noMatch: ["we don't use app_offline.htm at all", 'Failed to monitor app_offline.htm for application \'MACHINE/WEBROOT/APPHOST/API\', ErrorCode \'0x80070003\'. '],
    },
  },
  {
    clue: 'ancm.module-load-failed',
    all: ['aspnetcore.dll'],
    any: ["can't load", 'cannot load', 'could not load', 'failed to load', 'not being put', 'missing', 'not found', 'is not present'],
    source: 'Learn error reference: "The Module DLL ... aspnetcore.dll failed to load" (repair the hosting bundle)',
    examples: { match: ["Installing 3.1.0 results in aspnetcore.dll not being put into c:\\windows\\system32\\inetsrv causing IIS to crash as it can't load this dll."] },
  },
];
