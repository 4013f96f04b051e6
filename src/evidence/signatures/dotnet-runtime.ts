/** Signatures of the .NET runtime, host and CLR, and Windows crash events. See types.ts for what a signature is and how it is matched. */
import type { Signature } from './types';

const KB_EVENTS = 'kb-facts 5.2 (.NET Runtime 1026, Application Error 1000)';
const KB_CODES = 'kb-facts 5.2 (exception codes)';
const KB_STARTUP = 'kb-facts 7 (.NET startup failures)';
const FX_RESOLVER = 'dotnet/runtime src/native/corehost/fxr/fx_resolver.messages.cpp';
const HOST_MESSAGES = 'dotnet/runtime src/native/corehost (hostfxr / apphost error messages, .NET 6+)';
const EVENT_REPORTER = 'dotnet/runtime src/coreclr/vm/eventreporter.cpp (.NET Runtime event 1026 description)';
const DI = 'dotnet/runtime src/libraries/Microsoft.Extensions.DependencyInjection/src/Resources/Strings.resx';
const AZURE_IDENTITY = 'Azure/azure-sdk-for-net sdk/identity/Azure.Identity (credential error messages)';

/** A dotted .NET type name: `System.IO.IOException`, `Microsoft.Data.SqlClient.SqlException`. */
const TYPE = String.raw`(?:[A-Za-z_][\w\`]{0,120}\.){1,20}[A-Za-z_][\w\`]{0,120}`;
/** An exception type of the framework or a common library, as the generic exception signature reports it. */
const FRAMEWORK_EXCEPTION = /\b((?:System|Microsoft|Azure|Npgsql|MySqlConnector|MySql|Grpc|Polly|Oracle)\.[\w.`]{0,150}?Exception)\b/i;
/** Namespaces that say a line names a framework exception type. */
const FRAMEWORK_NAMESPACES = ['System.', 'Microsoft.', 'Azure.', 'Npgsql.', 'MySqlConnector.', 'MySql.', 'Grpc.', 'Polly.', 'Oracle.'];
/** The assembly of `Could not load file or assembly 'Name, Version=...'`. */
const ASSEMBLY = /could not load file or assembly '([^',]{1,200})/i;
/** Prose that mentions the web site, not the crash. */
const STACK_OVERFLOW_SITE = ['on stack overflow', 'stackoverflow.com', 'stack overflow post', 'stack overflow answer', 'stack overflow question', 'stack overflow thread', 'from stack overflow'];

export const SIGNATURES: readonly Signature[] = [
  // ── Unhandled exceptions that end the process ───────────────────────────────────────────────
  {
    clue: 'dotnet.unhandled-exception',
    all: ['Unhandled exception. '],
    any: ['Exception:', 'Exception ('],
    value: new RegExp(String.raw`unhandled exception\.\s{1,3}(${TYPE})`, 'i'),
    source: 'dotnet/runtime src/coreclr/vm/excep.cpp (DefaultCatchHandler: "Unhandled exception. " + the exception, .NET Core 3.0+)',
    examples: {
      match: [
        'Unhandled exception. System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.',
        'Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.',
        'Unhandled exception. Contoso.Billing.BillingConfigurationException: Billing:ApiKey is required.',
      ],
      noMatch: ['we get an unhandled exception. it says something about the database'],
    },
  },
  {
    clue: 'dotnet.unhandled-exception',
    all: ['Unhandled Exception: '],
    any: ['Unhandled Exception: System.', 'Unhandled Exception: Microsoft.'],
    value: new RegExp(String.raw`unhandled exception:\s{1,3}(${TYPE})`, 'i'),
    source: 'dotnet/runtime src/coreclr/vm/excep.cpp (the .NET Core 2.x and .NET Framework console wording "Unhandled Exception: ")',
    examples: {
      match: ['Unhandled Exception: System.AggregateException: One or more errors occurred. ---> System.Net.Http.HttpRequestException: Connection refused'],
      noMatch: ['Unhandled exception: the site crashed when I clicked save'],
    },
  },
  {
    clue: 'dotnet.unhandled-exception',
    all: ['Exception Info: '],
    any: ['Exception Info: System.', 'Exception Info: Microsoft.'],
    value: new RegExp(String.raw`exception info:\s{1,3}(${TYPE})`, 'i'),
    source: `${KB_EVENTS}: "Exception Info: System.X" names the managed exception that ended the process`,
    examples: { match: ['Exception Info: System.NullReferenceException', 'Exception Info: System.InvalidOperationException: Unable to resolve service for type'] },
  },
  {
    clue: 'dotnet.unhandled-exception',
    all: ['e0434352'],
    source: `${KB_CODES}: 0xe0434352 is the code Windows reports for a managed exception`,
    examples: { match: ['Exception code: 0xe0434352', 'Sig[7].Value=e0434352'] },
  },

  // ── Any framework exception, by type ────────────────────────────────────────────────────────
  {
    clue: 'dotnet.exception',
    all: ['Exception:'],
    any: FRAMEWORK_NAMESPACES,
    none: ['ExceptionDispatchInfo'],
    value: FRAMEWORK_EXCEPTION,
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Exception.cs (ToString: "Type: message")',
    examples: {
      match: [
        'System.InvalidOperationException: The order 42 has no lines.',
        ' ---> System.Net.Http.HttpRequestException: Connection refused (orders:80)',
        'Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes.',
      ],
      noMatch: ['at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()', 'at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.Invoke(HttpContext context)'],
    },
  },
  {
    clue: 'dotnet.exception',
    all: ['Exception ('],
    any: FRAMEWORK_NAMESPACES,
    value: FRAMEWORK_EXCEPTION,
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Exception.cs (ToString with an HResult or error code: "Type (0x80131904): message")',
    examples: {
      match: [
        'Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user.',
        ' ---> System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it.',
        ' ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.',
      ],
    },
  },
  {
    clue: 'dotnet.exception',
    all: ["Exception of type '"],
    any: FRAMEWORK_NAMESPACES,
    value: FRAMEWORK_EXCEPTION,
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (Exception_WasThrown)',
    examples: { match: ["Exception of type 'System.OutOfMemoryException' was thrown."] },
  },
  {
    clue: 'dotnet.exception',
    all: ['Exception Info: '],
    any: FRAMEWORK_NAMESPACES,
    value: FRAMEWORK_EXCEPTION,
    source: `${KB_EVENTS} (Exception Info: line)`,
    examples: { match: ['Exception Info: System.NullReferenceException'] },
  },

  // ── Stack overflow ──────────────────────────────────────────────────────────────────────────
  {
    clue: 'dotnet.stack-overflow',
    all: ['Stack overflow.'],
    none: STACK_OVERFLOW_SITE,
    source: 'dotnet/runtime src/coreclr/vm/eepolicy.cpp (HandleFatalStackOverflow prints "Stack overflow." then the repeated frames, .NET 5+)',
    examples: {
      match: ['Stack overflow.', 'Stack overflow. Repeat 19134 times: -------------------------------- at Shop.Catalog.CategoryTree.Depth(Shop.Catalog.Category)'],
      noMatch: ['I found an answer on Stack Overflow.', 'see stackoverflow.com/questions/123'],
    },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['stack overflow'],
    none: ['stackoverflow.com', 'on stack overflow', 'stack overflow question', 'stack overflow answer', 'stack overflow post'],
    source: 'How people name the crash in prose (kb-facts 7: "Stack overflow." kills the process)',
    examples: { match: ['There are no exception messages, just `stack overflow` and the pod restarts.'], noMatch: ['I searched on Stack Overflow for this error.'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['stackoverflow'],
    any: ['exception', 'error', 'crash', 'got', 'threw'],
    none: ['stackoverflow.com', 'on stackoverflow', 'stackoverflow question', 'stackoverflow answer', 'stackoverflow post'],
    source: 'How people name the crash in prose',
    examples: { match: ['I got exception error from Microsoft.AspNetCore.Server.IISIntegration.dll, stackoverflow.'], noMatch: ['see https://stackoverflow.com/questions/1 for the error'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['堆栈溢出'],
    source: 'The Chinese name of a stack overflow, as Chinese-speaking posters write it',
    examples: { match: ['点击生成首页之后，控制台就报堆栈溢出的错误'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['переполнение стека'],
    source: 'The Russian name of a stack overflow',
    examples: { match: ['процесс падает: переполнение стека'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['StackOverflowException'],
    source: 'dotnet/runtime System.StackOverflowException; "Process is terminated due to StackOverflowException." (.NET Framework, .NET Core 2.x-3.x)',
    examples: { match: ['Process is terminated due to StackOverflowException.', 'Exception Info: System.StackOverflowException'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['terminated due to stack overflow'],
    source: `${EVENT_REPORTER} ("The process was terminated due to stack overflow.")`,
    examples: { match: ['Description: The process was terminated due to stack overflow.'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['c00000fd'],
    source: `${KB_CODES}: 0xc00000fd STATUS_STACK_OVERFLOW`,
    examples: { match: ['Exception code: 0xc00000fd', 'Exception Info: exception code c00000fd, exception address 00007FFB1C2D3E4F', '<Data>c00000fd</Data>'] },
  },
  {
    clue: 'dotnet.stack-overflow',
    all: ['STATUS_STACK_OVERFLOW'],
    source: `${KB_CODES} (the NTSTATUS name of 0xc00000fd)`,
    examples: { match: ['The process exited with STATUS_STACK_OVERFLOW'] },
  },

  // ── Out of memory ───────────────────────────────────────────────────────────────────────────
  {
    clue: 'dotnet.out-of-memory',
    all: ['OutOfMemoryException'],
    source: `dotnet/runtime System.OutOfMemoryException (${KB_STARTUP})`,
    examples: { match: ["System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", 'Exception Info: System.OutOfMemoryException'] },
  },
  {
    clue: 'dotnet.out-of-memory',
    all: ['Insufficient memory to continue the execution of the program'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (InsufficientMemory_...: OutOfMemoryException message)',
    examples: { match: ['System.InsufficientMemoryException: Insufficient memory to continue the execution of the program.'] },
  },
  {
    clue: 'dotnet.out-of-memory',
    all: ['Out of memory: Kill'],
    source: 'Linux kernel OOM killer (mm/oom_kill.c: "Out of memory: Killed process %d (%s)")',
    examples: { match: ['kernel: Out of memory: Killed process 2417 (dotnet) total-vm:4315188kB, anon-rss:2011204kB', 'Out of memory: Kill process 2417 (dotnet) score 912 or sacrifice child'] },
  },
  {
    clue: 'dotnet.out-of-memory',
    all: ['GC heap initialization failed'],
    source: 'dotnet/runtime src/coreclr/gc (GC heap initialization failed with error 0x8007000E: E_OUTOFMEMORY, often a GCHeapHardLimit below need)',
    examples: { match: ['GC heap initialization failed with error 0x8007000E', 'Failed to create CoreCLR, HRESULT: 0x8007000E GC heap initialization failed with error 0x8007000E'] },
  },

  // ── Native crashes ──────────────────────────────────────────────────────────────────────────
  {
    clue: 'dotnet.access-violation',
    all: ['c0000005'],
    source: `${KB_CODES}: 0xc0000005 access violation`,
    examples: {
      match: ['Exception code: 0xc0000005', 'Exception Info: exception code c0000005, exception address 00007FFD4F3B1A2C', 'Fatal error. 0xC0000005'],
    },
  },
  {
    clue: 'dotnet.access-violation',
    all: ['AccessViolationException'],
    source: 'dotnet/runtime System.AccessViolationException',
    examples: { match: ['System.AccessViolationException: Attempted to read or write protected memory. This is often an indication that other memory is corrupt.'] },
  },
  {
    clue: 'dotnet.access-violation',
    all: ['Attempted to read or write protected memory'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (Arg_AccessViolationException)',
    examples: { match: ['Attempted to read or write protected memory. This is often an indication that other memory is corrupt.'] },
  },
  {
    clue: 'dotnet.access-violation',
    all: ['STATUS_ACCESS_VIOLATION'],
    source: `${KB_CODES} (the NTSTATUS name of 0xc0000005)`,
    examples: { match: ['The worker exited with STATUS_ACCESS_VIOLATION'] },
  },
  {
    clue: 'dotnet.access-violation',
    all: ['Segmentation fault'],
    source: 'Linux SIGSEGV as the shell reports it (exit code 139): the Linux form of an access violation',
    examples: { match: ['Segmentation fault (core dumped)', '/entrypoint.sh: line 3:    7 Segmentation fault      dotnet Shop.dll'] },
  },
  {
    clue: 'dotnet.fail-fast',
    all: ['c0000409'],
    source: `${KB_CODES}: 0xc0000409 STATUS_STACK_BUFFER_OVERRUN / fail-fast`,
    examples: { match: ['Exception code: 0xc0000409', 'Faulting module name: ucrtbase.dll, version: 10.0.20348.1, time stamp: 0x2bd748bf Exception code: 0xc0000409'] },
  },
  {
    clue: 'dotnet.fail-fast',
    all: ['STACK_BUFFER_OVERRUN'],
    source: `${KB_CODES} (the NTSTATUS name of 0xc0000409)`,
    examples: { match: ['Process exited with STATUS_STACK_BUFFER_OVERRUN'] },
  },
  {
    clue: 'dotnet.fail-fast',
    all: ['BEX64'],
    source: 'kb-facts 5.2 (Windows Error Reporting EventType BEX64: buffer overrun / fail-fast)',
    examples: { match: ['Fault bucket , type 0 Event Name: BEX64 Response: Not available'] },
  },
  {
    clue: 'dotnet.fail-fast',
    all: ['Environment.FailFast'],
    source: `${EVENT_REPORTER} ("The application requested process termination through System.Environment.FailFast")`,
    examples: {
      match: [
        'Description: The application requested process termination through System.Environment.FailFast(string message).',
        'at System.Environment.FailFast(System.String, System.Exception)',
      ],
    },
  },
  {
    clue: 'dotnet.fail-fast',
    all: ["Couldn't find a valid ICU package installed on the system"],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Globalization/GlobalizationMode.Unix.cs (fail-fast when libicu is missing)',
    examples: { match: ["Process terminated. Couldn't find a valid ICU package installed on the system. Set the configuration flag System.Globalization.Invariant to true"] },
  },
  {
    clue: 'dotnet.heap-corruption',
    all: ['c0000374'],
    source: `${KB_CODES}: 0xc0000374 heap corruption`,
    examples: { match: ['Exception code: 0xc0000374', 'Faulting module name: ntdll.dll, version: 10.0.17763.5122 Exception code: 0xc0000374'] },
  },
  {
    clue: 'dotnet.heap-corruption',
    all: ['STATUS_HEAP_CORRUPTION'],
    source: `${KB_CODES} (the NTSTATUS name of 0xc0000374)`,
    examples: { match: ['exited with code STATUS_HEAP_CORRUPTION'] },
  },
  {
    clue: 'dotnet.runtime-internal-error',
    all: ['internal error in the .NET Runtime'],
    value: /with exit code ([0-9a-f]{8})/i,
    source: `${EVENT_REPORTER} ("The process was terminated due to an internal error in the .NET Runtime at IP ... with exit code ...")`,
    examples: {
      match: ['Description: The process was terminated due to an internal error in the .NET Runtime at IP 00007FFB9B5E3B5C (00007FFB9B4B0000) with exit code 80131506.'],
    },
  },
  {
    clue: 'dotnet.runtime-internal-error',
    all: ['Internal CLR error'],
    source: 'dotnet/runtime src/coreclr/vm/eepolicy.cpp ("Fatal error. Internal CLR error. (0x80131506)")',
    examples: { match: ['Fatal error. Internal CLR error. (0x80131506)'] },
  },
  {
    clue: 'dotnet.runtime-internal-error',
    all: ['ExecutionEngineException'],
    source: `${KB_CODES}: 0x80131506 ExecutionEngineException`,
    examples: { match: ['Exception Info: System.ExecutionEngineException'] },
  },
  {
    clue: 'dotnet.runtime-internal-error',
    all: ['80131506'],
    source: `${KB_CODES}: 0x80131506 COR_E_EXECUTIONENGINE`,
    examples: { match: ['Exception code: 0x80131506'] },
  },

  // ── .NET Runtime 1026 and Application Error 1000 ────────────────────────────────────────────
  {
    clue: 'dotnet.crash-event',
    // Event 1026 says "unhandled exception" for native faults too (Exception Info: exception code c0000005),
    // so this line alone is a crash, not evidence of a managed exception.
    all: ['terminated due to an unhandled exception'],
    value: /Application:\s{0,3}([\w.-]{1,120})/i,
    source: `${EVENT_REPORTER} ("Description: The process was terminated due to an unhandled exception.")`,
    examples: {
      match: [
        'Description: The process was terminated due to an unhandled exception.',
        'Application: w3wp.exe CoreCLR Version: 8.0.324.11423 .NET Version: 8.0.3 Description: The process was terminated due to an unhandled exception.',
      ],
    },
  },
  {
    clue: 'dotnet.crash-event',
    all: ['CoreCLR Version:'],
    value: /Application:\s{0,3}([\w.-]{1,120})/i,
    source: `${KB_EVENTS} (the CoreCLR Version: line of event 1026)`,
    examples: { match: ['CoreCLR Version: 9.0.24.52809', 'Application: dotnet.exe CoreCLR Version: 6.0.2523.51912 .NET Version: 6.0.25'] },
  },
  {
    clue: 'dotnet.crash-event',
    all: ['Exception Info: '],
    value: new RegExp(String.raw`exception info:\s{1,3}(exception code [0-9a-f]{8}|${TYPE})`, 'i'),
    source: `${KB_EVENTS} (the Exception Info: line of event 1026)`,
    examples: { match: ['Exception Info: System.NullReferenceException', 'Exception Info: exception code c0000005, exception address 00007FFD4F3B1A2C'] },
  },
  {
    clue: 'dotnet.crash-event',
    all: ['Framework Version: v4.0.30319'],
    value: /Application:\s{0,3}([\w.-]{1,120})/i,
    source: `${KB_EVENTS} (the .NET Framework layout of event 1026)`,
    examples: { match: ['Application: w3wp.exe Framework Version: v4.0.30319 Description: The process was terminated due to an unhandled exception.'] },
  },
  {
    clue: 'dotnet.crash-event',
    all: ['requested process termination through System.Environment.FailFast'],
    source: `${EVENT_REPORTER} (event 1026 for a fail-fast)`,
    examples: { match: ['Description: The application requested process termination through System.Environment.FailFast.'] },
  },
  {
    clue: 'dotnet.crash-event',
    all: ['terminated due to an internal error in the .NET Runtime'],
    source: `${EVENT_REPORTER} (event 1026 for an internal runtime error)`,
    examples: { match: ['Description: The process was terminated due to an internal error in the .NET Runtime at IP 00007FFB9B5E3B5C (00007FFB9B4B0000) with exit code c0000005.'] },
  },
  {
    clue: 'dotnet.crash-event',
    all: ['terminated due to stack overflow'],
    source: `${EVENT_REPORTER} (event 1026 for a stack overflow)`,
    examples: { match: ['Description: The process was terminated due to stack overflow.'] },
  },
  {
    clue: 'dotnet.faulting-app',
    all: ['Faulting application name:'],
    value: /faulting application name:\s{0,3}([^,\s]{1,120})/i,
    source: `${KB_EVENTS} (Application Error 1000: Faulting application name)`,
    examples: {
      match: [
        'Faulting application name: w3wp.exe, version: 10.0.20348.1, time stamp: 0x405e4c14',
        'Faulting application name: dotnet.exe, version: 8.0.324.11423, time stamp: 0x65cd500d Faulting module name: coreclr.dll, version: 8.0.324.11423',
      ],
    },
  },
  {
    clue: 'dotnet.faulting-app',
    all: ['Faulting module name:'],
    value: /faulting module name:\s{0,3}([^,\s]{1,120})/i,
    source: `${KB_EVENTS} (Application Error 1000: Faulting module name)`,
    examples: { match: ['Faulting module name: coreclr.dll, version: 8.0.324.11423, time stamp: 0x65cd500d', 'Faulting module name: KERNELBASE.dll, version: 10.0.17763.5122'] },
  },
  {
    // The faulting module is ANCM itself: the module failed while loading the app or its handler
    // (a handler or bitness mismatch, a process that exited at once under an old ANCM), not the app
    // mid-request.
    clue: 'ancm.module-faulted',
    all: ['Faulting module name:'],
    any: ['aspnetcore.dll', 'aspnetcorev2.dll', 'aspnetcorev2_inprocess.dll', 'aspnetcorev2_outofprocess.dll'],
    value: /faulting module name:\s{0,3}([^,\s]{1,120})/i,
    source: `${KB_EVENTS} (Application Error 1000: Faulting module name), with ANCM's module names (aspnetcore.dll, aspnetcorev2*.dll)`,
    examples: {
      match: ['Faulting module name: aspnetcorev2_inprocess.dll, version: 8.1.18158.0, time stamp: 0x5b1985c7', 'Faulting module name: aspnetcore.dll, version: 7.1.1962.0'],
      noMatch: ['Faulting module name: coreclr.dll, version: 8.0.324.11423, time stamp: 0x65cd500d'],
    },
  },
  {
    clue: 'dotnet.faulting-app',
    all: ['Faulting application path:'],
    value: /faulting application path:\s{0,3}(\S{1,260})/i,
    source: `${KB_EVENTS} (Application Error 1000: Faulting application path)`,
    examples: { match: ['Faulting application path: c:\\windows\\system32\\inetsrv\\w3wp.exe'] },
  },
  {
    clue: 'dotnet.faulting-app',
    all: ['APPCRASH'],
    value: /(?:Sig\[0\]\.Value=|P1:\s{0,3})([\w.-]{1,120})/i,
    source: 'kb-facts 5.2 (Windows Error Reporting EventType APPCRASH, event 1001)',
    examples: { match: ['Fault bucket 1418281226384921, type 4 Event Name: APPCRASH Response: Not available Cab Id: 0 Problem signature: P1: w3wp.exe'] },
  },

  // ── The .NET host cannot find the framework ─────────────────────────────────────────────────
  {
    clue: 'dotnet.framework-missing',
    all: ['install or update .NET to run this application'],
    source: `${HOST_MESSAGES}: "You must install or update .NET to run this application." (kb-facts 7)`,
    examples: { match: ['You must install or update .NET to run this application.'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['You must install .NET to run this application'],
    source: `${HOST_MESSAGES}: the apphost when no .NET is found at all ("You must install .NET to run this application.")`,
    examples: { match: ['You must install .NET to run this application. App: /home/app/helloworld Architecture: x64 App host version: 6.0.22 .NET location: Not found'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['You must install .NET Core to run this application'],
    source: 'dotnet/runtime src/native/corehost (apphost, .NET Core 3.x wording)',
    examples: { match: ['You must install .NET Core to run this application.'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ["framework '", 'was not found'],
    any: ["version '", 'Microsoft.NETCore.App', 'Microsoft.AspNetCore.App', 'Microsoft.WindowsDesktop.App'],
    value: /framework '([\w.]{1,100})'/i,
    source: `${FX_RESOLVER} ("The framework '%s', version '%s' (%s) was not found."; 2.x-3.x "The specified framework '%s', version '%s' was not found.")`,
    examples: {
      match: [
        "The framework 'Microsoft.AspNetCore.App', version '3.1.0' (x64) was not found.",
        "The specified framework 'Microsoft.AspNetCore.App', version '2.2.0' was not found.",
        "The framework 'Microsoft.NETCore.App' (x64) was not found.",
      ],
      noMatch: ["The configuration file 'appsettings.json' was not found and is not optional."],
    },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ["Framework: '"],
    any: ["', version '"],
    value: /framework: '([\w.]{1,100})'/i,
    source: `${HOST_MESSAGES}: the "Framework: 'X', version 'Y' (x64)" line under "You must install or update .NET" (kb-facts 7)`,
    examples: { match: ["Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)"] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['It was not possible to find any compatible framework version'],
    source: `dotnet/runtime src/native/corehost/fxr (.NET Core 2.x-3.x wording; ${KB_STARTUP})`,
    examples: { match: ['It was not possible to find any compatible framework version'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['No frameworks were found'],
    source: `${FX_RESOLVER} ("  - No frameworks were found.")`,
    examples: { match: ['  - No frameworks were found.'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['The following frameworks were found:'],
    source: `${FX_RESOLVER} ("  - The following frameworks were found:")`,
    examples: { match: ['  - The following frameworks were found:'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['installing the specified framework and/or SDK'],
    source: `${FX_RESOLVER} ("You can resolve the problem by installing the specified framework and/or SDK.")`,
    examples: { match: ['You can resolve the problem by installing the specified framework and/or SDK.'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['To install missing framework'],
    source: `${HOST_MESSAGES}: "To install missing framework, download:" (kb-facts 7)`,
    examples: { match: ['To install missing framework, download:'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['aka.ms/dotnet-core-applaunch'],
    value: /[?&]framework=([\w.]{1,100})/i,
    source: `${FX_RESOLVER} (get_download_url: the link every missing-framework message ends with)`,
    examples: { match: ['https://aka.ms/dotnet-core-applaunch?framework=Microsoft.AspNetCore.App&framework_version=8.0.0&arch=x64&rid=win-x64'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['aka.ms/dotnet/app-launch-failed'],
    source: `${HOST_MESSAGES}: "Learn about framework resolution: https://aka.ms/dotnet/app-launch-failed"`,
    examples: { match: ['Learn more: https://aka.ms/dotnet/app-launch-failed'] },
  },
  {
    clue: 'dotnet.framework-missing',
    all: ['hostfxr'],
    any: ['could not be found', 'was not found'],
    source: 'dotnet/runtime src/native/corehost/fxr_resolver.cpp (apphost: "The required library hostfxr.dll could not be found." / "The library libhostfxr.so was not found")',
    examples: {
      match: [
        'A fatal error occurred. The required library hostfxr.dll could not be found.',
        "A fatal error occurred, the folder [/usr/share/dotnet/host/fxr] does not contain any version-numbered child folders. The library 'libhostfxr.so' required to execute the application was not found",
      ],
    },
  },

  // ── Assemblies and native dlls ──────────────────────────────────────────────────────────────
  {
    clue: 'dotnet.bad-image-format',
    all: ['BadImageFormatException'],
    value: ASSEMBLY,
    source: `dotnet/runtime System.BadImageFormatException (${KB_STARTUP})`,
    examples: { match: ["System.BadImageFormatException: Could not load file or assembly 'Contoso.Native.dll'. An attempt was made to load a program with an incorrect format."] },
  },
  {
    clue: 'dotnet.bad-image-format',
    all: ['load a program with an incorrect format'],
    source: `Windows ERROR_BAD_EXE_FORMAT (0x8007000B) text (${KB_STARTUP})`,
    examples: { match: ['An attempt was made to load a program with an incorrect format. (0x8007000B)'] },
  },
  {
    clue: 'dotnet.bad-image-format',
    all: ['0x8007000B'],
    source: `${KB_STARTUP} (ERROR_BAD_EXE_FORMAT as an HRESULT)`,
    examples: { match: ["Could not load file or assembly 'Contoso.Native' (Exception from HRESULT: 0x8007000B)"] },
  },
  {
    clue: 'dotnet.bad-image-format',
    all: ['.so'],
    any: ['invalid ELF header', 'wrong ELF class'],
    source: 'glibc dlopen errors for a native library built for another platform or bitness',
    examples: { match: ["Unable to load shared library 'libSkiaSharp' : libSkiaSharp.so: invalid ELF header", 'libe_sqlite3.so: wrong ELF class: ELFCLASS32'] },
  },
  {
    clue: 'dotnet.dll-not-found',
    all: ['DllNotFoundException'],
    value: /unable to load (?:dll|shared library) '([^']{1,200})'/i,
    source: `dotnet/runtime System.DllNotFoundException (${KB_STARTUP})`,
    examples: { match: ["System.DllNotFoundException: Unable to load DLL 'SNI.dll' or one of its dependencies: The specified module could not be found. (0x8007007E)"] },
  },
  {
    clue: 'dotnet.dll-not-found',
    all: ['Unable to load DLL'],
    value: /unable to load dll '([^']{1,200})'/i,
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (Arg_DllNotFoundExceptionParameterized)',
    examples: { match: ["Unable to load DLL 'e_sqlite3' or one of its dependencies: The specified module could not be found."] },
  },
  {
    clue: 'dotnet.dll-not-found',
    all: ['Unable to load shared library'],
    value: /unable to load shared library '([^']{1,200})'/i,
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (DllNotFound on Linux/macOS)',
    examples: { match: ["Unable to load shared library 'libgdiplus' or one of its dependencies."] },
  },
  {
    clue: 'dotnet.dll-not-found',
    all: ['c0000135'],
    source: `${KB_CODES}: 0xc0000135 STATUS_DLL_NOT_FOUND (e.g. the VC++ runtime missing)`,
    examples: { match: ['Exception code: 0xc0000135', 'The process exited with code -1073741515 (0xc0000135)'] },
  },
  {
    clue: 'dotnet.assembly-load-failed',
    all: ['Could not load file or assembly'],
    none: ['incorrect format', 'BadImageFormatException', '0x8007000B'],
    value: ASSEMBLY,
    source: `dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (IO_FileLoad, FileNotFound_ResolveAssembly; ${KB_STARTUP})`,
    examples: {
      match: [
        "System.IO.FileNotFoundException: Could not load file or assembly 'Microsoft.Extensions.Logging.Abstractions, Version=8.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60'. The system cannot find the file specified.",
        "System.IO.FileLoadException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'. The located assembly's manifest definition does not match the assembly reference.",
      ],
      noMatch: ["System.BadImageFormatException: Could not load file or assembly 'Contoso.Native.dll'. An attempt was made to load a program with an incorrect format."],
    },
  },
  {
    clue: 'dotnet.assembly-load-failed',
    all: ["manifest definition does not match the assembly reference"],
    source: 'Windows FUSION_E_REF_DEF_MISMATCH (0x80131040) text',
    examples: { match: ["The located assembly's manifest definition does not match the assembly reference. (0x80131040)"] },
  },
  {
    clue: 'dotnet.assembly-load-failed',
    all: ['specified in the application dependencies manifest'],
    value: /package: '([^']{1,200})'/i,
    source: 'dotnet/runtime src/native/corehost/hostpolicy/deps_resolver.cpp ("An assembly specified in the application dependencies manifest (%s) was not found")',
    examples: {
      match: ["An assembly specified in the application dependencies manifest (Shop.deps.json) was not found: package: 'Microsoft.AspNetCore.Antiforgery', version: '2.0.1' path: 'lib/netstandard2.0/Microsoft.AspNetCore.Antiforgery.dll'"],
    },
  },
  {
    clue: 'dotnet.assembly-load-failed',
    all: ['TypeLoadException'],
    value: /could not load type '([^']{1,200})'/i,
    source: 'dotnet/runtime System.TypeLoadException (a type missing from the loaded version of an assembly)',
    examples: { match: ["System.TypeLoadException: Could not load type 'Microsoft.AspNetCore.Mvc.Internal.IHttpResponseStreamWriterFactory' from assembly 'Microsoft.AspNetCore.Mvc.Core, Version=8.0.0.0'."] },
  },

  // ── Configuration at startup ────────────────────────────────────────────────────────────────
  {
    clue: 'dotnet.config-file-missing',
    all: ['was not found and is not optional'],
    value: /configuration file '([^']{1,200})'/i,
    source: `dotnet/runtime src/libraries/Microsoft.Extensions.Configuration.FileExtensions/src/Resources/Strings.resx (Error_FileNotFound; ${KB_STARTUP})`,
    examples: {
      match: ["Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional. The expected physical path was 'C:\\inetpub\\shop\\appsettings.json'."],
    },
  },
  {
    clue: 'dotnet.di-failure',
    all: ['Unable to resolve service for type'],
    value: /unable to resolve service for type '([^']{1,200})'/i,
    source: `${DI} (CannotResolveService; kb-facts 7)`,
    examples: {
      match: ["Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Shop.Data.IOrderRepository' while attempting to activate 'Shop.Controllers.OrdersController'."],
    },
  },
  {
    clue: 'dotnet.di-failure',
    all: ['Some services are not able to be constructed'],
    source: `${DI} (AggregateException of ValidateOnBuild)`,
    examples: { match: ["System.AggregateException: Some services are not able to be constructed (Error while validating the service descriptor 'ServiceType: Shop.IMailer Lifetime: Scoped ImplementationType: Shop.SmtpMailer'"] },
  },
  {
    clue: 'dotnet.di-failure',
    all: ['Cannot consume scoped service'],
    source: `${DI} (ScopedInSingletonException)`,
    examples: { match: ["System.InvalidOperationException: Cannot consume scoped service 'Shop.Data.ShopDbContext' from singleton 'Shop.Services.PriceCache'."] },
  },
  {
    clue: 'dotnet.di-failure',
    all: ['Cannot resolve scoped service'],
    source: `${DI} (ScopedResolvedFromRootException)`,
    examples: { match: ["System.InvalidOperationException: Cannot resolve scoped service 'Shop.Data.ShopDbContext' from root provider."] },
  },
  {
    clue: 'dotnet.di-failure',
    all: ['No service for type', 'has been registered'],
    value: /no service for type '([^']{1,200})'/i,
    source: `${DI} (NoServiceRegistered)`,
    examples: { match: ["System.InvalidOperationException: No service for type 'Shop.Services.IClock' has been registered."] },
  },
  {
    clue: 'dotnet.di-failure',
    all: ['A circular dependency was detected for the service of type'],
    source: `${DI} (CircularDependencyException)`,
    examples: { match: ["System.InvalidOperationException: A circular dependency was detected for the service of type 'Shop.Services.IOrders'."] },
  },
  {
    clue: 'dotnet.config-error',
    all: ['Failed to convert configuration value'],
    value: /failed to convert configuration value (?:'[^']{0,200}' )?at '([^']{1,200})'/i,
    source: 'dotnet/runtime src/libraries/Microsoft.Extensions.Configuration.Binder/src/Resources/Strings.resx (Error_FailedBinding)',
    examples: {
      match: [
        "System.InvalidOperationException: Failed to convert configuration value at 'Smtp:Port' to type 'System.Int32'.",
        "Failed to convert configuration value 'ten' at 'Cache:Minutes' to type 'System.Int32'.",
      ],
    },
  },
  {
    clue: 'dotnet.config-error',
    all: ['Invalid URI: The format of the URI could not be determined'],
    source: 'dotnet/runtime src/libraries/System.Private.Uri/src/Resources/Strings.resx (net_uri_BadFormat)',
    examples: { match: ['System.UriFormatException: Invalid URI: The format of the URI could not be determined.'] },
  },
  {
    clue: 'dotnet.config-error',
    all: ['initialization string does not conform to specification'],
    source: 'dotnet/SqlClient src/Microsoft.Data.SqlClient/src/Resources/Strings.resx (ADP_ConnectionStringSyntax)',
    examples: { match: ['System.ArgumentException: Format of the initialization string does not conform to specification starting at index 0.'] },
  },
  {
    clue: 'dotnet.config-error',
    any: ["(Parameter 'connectionString')", 'Parameter name: connectionString'],
    all: ['Value cannot be null'],
    source: "dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (ArgumentNull_Generic with the parameter name; a missing ConnectionStrings entry)",
    examples: { match: ["System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')", 'Value cannot be null. Parameter name: connectionString'] },
  },
  {
    clue: 'dotnet.config-error',
    all: ['The ConnectionString property has not been initialized'],
    source: 'dotnet/SqlClient src/Microsoft.Data.SqlClient/src/Resources/Strings.resx (ADP_NoConnectionString)',
    examples: { match: ['System.InvalidOperationException: The ConnectionString property has not been initialized.'] },
  },
  {
    clue: 'dotnet.config-error',
    all: ["Keyword not supported: '"],
    value: /keyword not supported: '([^']{1,100})'/i,
    source: 'dotnet/SqlClient src/Microsoft.Data.SqlClient/src/Resources/Strings.resx (ADP_KeywordNotSupported); Npgsql and MySqlConnector use the same words',
    examples: { match: ["System.ArgumentException: Keyword not supported: 'trustservercertificate '."] },
  },
  {
    clue: 'dotnet.config-error',
    all: ['OptionsValidationException'],
    source: 'dotnet/runtime src/libraries/Microsoft.Extensions.Options/src/OptionsValidationException.cs',
    examples: { match: ['Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for \'SmtpOptions\' members: \'Host\' with the error: \'The Host field is required.\'.'] },
  },
  {
    clue: 'dotnet.config-error',
    all: ['Could not parse the JSON file'],
    source: 'dotnet/runtime src/libraries/Microsoft.Extensions.Configuration.Json/src/Resources/Strings.resx (Error_JSONParseError)',
    examples: { match: ["System.FormatException: Could not parse the JSON file. ---> System.Text.Json.JsonReaderException: ',' is invalid after a value."] },
  },

  // ── Azure Key Vault and managed identity ────────────────────────────────────────────────────
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['CredentialUnavailableException'],
    source: `${AZURE_IDENTITY} (CredentialUnavailableException)`,
    examples: { match: ['Azure.Identity.CredentialUnavailableException: DefaultAzureCredential failed to retrieve a token from the included credentials.'] },
  },
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['credential authentication'],
    any: [
      'ManagedIdentityCredential',
      'DefaultAzureCredential',
      'EnvironmentCredential',
      'WorkloadIdentityCredential',
      'ClientSecretCredential',
      'ClientCertificateCredential',
      'AzureCliCredential',
      'VisualStudioCredential',
      'ChainedTokenCredential',
    ],
    source: `${AZURE_IDENTITY} ("ManagedIdentityCredential authentication failed", "... authentication unavailable. No Managed Identity endpoint found.")`,
    examples: {
      match: [
        'Azure.Identity.AuthenticationFailedException: ManagedIdentityCredential authentication failed: Service request failed. Status: 400 (Bad Request)',
        '- ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint found.',
        '- EnvironmentCredential authentication unavailable. Environment variables are not fully configured.',
      ],
    },
  },
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['DefaultAzureCredential failed to retrieve a token'],
    source: `${AZURE_IDENTITY} (DefaultAzureCredential)`,
    examples: { match: ['DefaultAzureCredential failed to retrieve a token from the included credentials.'] },
  },
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['Azure.Identity.AuthenticationFailedException'],
    source: `${AZURE_IDENTITY} (AuthenticationFailedException)`,
    examples: { match: ['Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.'] },
  },
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['RequestFailedException'],
    any: ['vault'],
    source: 'Azure/azure-sdk-for-net sdk/core/Azure.Core (RequestFailedException) from Azure.Security.KeyVault.Secrets',
    examples: {
      match: ["Azure.RequestFailedException: The user, group or application 'appid=2d8b1f0e;oid=7c1d' does not have secrets list permission on key vault 'kv-shop-prod;location=westeurope'."],
      noMatch: ['Azure.RequestFailedException: The specified blob does not exist. Status: 404 (The specified blob does not exist.)'],
    },
  },
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['permission on key vault'],
    source: 'Azure Key Vault access-policy 403 message (as Azure.RequestFailedException prints it)',
    examples: { match: ["does not have secrets get permission on key vault 'kv-shop-prod;location=westeurope'"] },
  },
  {
    clue: 'dotnet.key-vault-or-identity',
    all: ['AzureKeyVaultConfigurationProvider'],
    source: 'Azure/azure-sdk-for-net sdk/extensions/Azure.Extensions.AspNetCore.Configuration.Secrets (the provider that loads Key Vault at startup)',
    examples: { match: ['at Azure.Extensions.AspNetCore.Configuration.Secrets.AzureKeyVaultConfigurationProvider.LoadAsync()'] },
  },

  // ── Blocking on tasks (sync over async) ─────────────────────────────────────────────────────
  {
    clue: 'dotnet.blocking-wait',
    all: ['Threading.Tasks.Task.InternalWait'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/Tasks/Task.cs (InternalWait, InternalWaitCore: under .Wait(), .Result, GetAwaiter().GetResult())',
    examples: { match: ['at System.Threading.Tasks.Task.InternalWaitCore(Int32 millisecondsTimeout, CancellationToken cancellationToken)', 'System.Threading.Tasks.Task.InternalWait'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['Task.SpinThenBlockingWait'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/Tasks/Task.cs (SpinThenBlockingWait)',
    examples: { match: ['System.Threading.Tasks.Task.SpinThenBlockingWait'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['Threading.Tasks.Task.Wait'],
    none: ['WaitAsync'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/Tasks/Task.cs (Wait, WaitAll, WaitAny)',
    examples: {
      match: ['at System.Threading.Tasks.Task.Wait(Int32 millisecondsTimeout, CancellationToken cancellationToken)', 'System.Threading.Tasks.Task.Wait', 'at System.Threading.Tasks.Task.WaitAllCore(Task[] tasks, Int32 millisecondsTimeout)'],
      noMatch: ['at System.Threading.Tasks.Task.WaitAsync(TimeSpan timeout)'],
    },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['Tasks.Task`1', 'get_Result'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/Tasks/Future.cs (Task<T>.Result)',
    examples: { match: ['at System.Threading.Tasks.Task`1.get_Result()', 'System.Private.CoreLib!System.Threading.Tasks.Task`1[System.__Canon].get_Result()'] },
  },
  {
    // The same frame as a dump or a sentence names it, without the generic arity: "blocked in Task.get_Result()".
    clue: 'dotnet.blocking-wait',
    all: ['Task.get_Result'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/Tasks/Future.cs (Task<T>.Result getter)',
    examples: { match: ['the dump shows 200 threads blocked in Task.get_Result() inside PriceService'], noMatch: ['at System.Threading.Tasks.Task.get_IsCompleted()'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['GetResultCore'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/Tasks/Future.cs (GetResultCore: the blocking part of Task<T>.Result)',
    examples: { match: ['at System.Threading.Tasks.Task`1.GetResultCore(Boolean waitCompletionNotification)'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['ManualResetEventSlim.Wait'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/ManualResetEventSlim.cs (what a blocked Task.Wait waits on)',
    examples: { match: ['at System.Threading.ManualResetEventSlim.Wait(Int32 millisecondsTimeout, CancellationToken cancellationToken)'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['SemaphoreSlim.Wait'],
    none: ['WaitAsync', 'TimeoutAsync'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/SemaphoreSlim.cs (the synchronous Wait)',
    examples: {
      match: ['at System.Threading.SemaphoreSlim.Wait(Int32 millisecondsTimeout, CancellationToken cancellationToken)'],
      noMatch: ['at System.Threading.SemaphoreSlim.WaitAsync(Int32 millisecondsTimeout, CancellationToken cancellationToken)'],
    },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['WaitHandle.WaitOne'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/Threading/WaitHandle.cs (WaitOne, WaitOneNoCheck)',
    examples: { match: ['at System.Threading.WaitHandle.WaitOneNoCheck(Int32 millisecondsTimeout)', 'System.Threading.WaitHandle.WaitOne'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['.GetAwaiter().GetResult()'],
    source: 'learn.microsoft.com dotnet/core/diagnostics/debug-threadpool-starvation (sync over async in code)',
    examples: {
      match: ['var order = _client.GetOrderAsync(id).GetAwaiter().GetResult();'],
      // An awaited exception passes through TaskAwaiter.GetResult too, so the frame alone proves nothing.
      noMatch: ['at System.Runtime.CompilerServices.TaskAwaiter`1.GetResult()', 'at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)'],
    },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: [').Result'],
    none: [').ResultType', ').Results'],
    source: 'learn.microsoft.com dotnet/core/diagnostics/debug-threadpool-starvation (Task.Result on a call in code)',
    examples: { match: ['var json = httpClient.GetStringAsync(url).Result;', 'var stock = GetStockAsync(id).Result.Quantity;'] },
  },
  {
    clue: 'dotnet.blocking-wait',
    all: ['.Wait()'],
    source: 'learn.microsoft.com dotnet/core/diagnostics/debug-threadpool-starvation (Task.Wait() in code)',
    examples: { match: ['SaveAsync(order).Wait();'], noMatch: ['await Task.WhenAll(tasks);'] },
  },

  // ── Thread pool starvation and cancellation ─────────────────────────────────────────────────
  {
    clue: 'dotnet.threadpool-starvation',
    all: ['pool starvation'],
    any: ['thread pool starvation', 'threadpool starvation', 'thread-pool starvation'],
    source: 'learn.microsoft.com dotnet/core/diagnostics/debug-threadpool-starvation; Kestrel HeartbeatSlow ("This could be caused by thread pool starvation.")',
    examples: {
      match: ['This could be caused by thread pool starvation.', 'we think it is ThreadPool starvation under load', 'classic thread-pool starvation'],
      noMatch: ['connection pool starvation in the SQL pool'],
    },
  },
  {
    clue: 'dotnet.threadpool-starvation',
    all: ['thread starvation'],
    source: 'learn.microsoft.com dotnet/core/diagnostics/debug-threadpool-starvation (the short name people use)',
    examples: { match: ['looks like thread starvation to me'] },
  },
  {
    clue: 'dotnet.threadpool-starvation',
    all: ['the thread'],
    any: ['starving the thread pool', 'starving the threadpool', 'starved the thread pool', 'starves the thread pool'],
    source: 'learn.microsoft.com dotnet/core/diagnostics/debug-threadpool-starvation (the verb form)',
    examples: { match: ['the .Result calls are starving the thread pool', 'blocking I/O starves the thread pool'] },
  },
  {
    clue: 'dotnet.threadpool-starvation',
    all: ['线程池饥饿'],
    source: 'learn.microsoft.com/zh-cn dotnet/core/diagnostics/debug-threadpool-starvation (the Chinese name)',
    examples: { match: ['怀疑是线程池饥饿'] },
  },
  {
    clue: 'dotnet.task-canceled',
    all: ['TaskCanceledException'],
    source: 'dotnet/runtime System.Threading.Tasks.TaskCanceledException',
    examples: { match: ['System.Threading.Tasks.TaskCanceledException: A task was canceled.'] },
  },
  {
    clue: 'dotnet.task-canceled',
    all: ['OperationCanceledException'],
    source: 'dotnet/runtime System.OperationCanceledException',
    examples: { match: ['System.OperationCanceledException: The operation was canceled.'] },
  },
  {
    clue: 'dotnet.task-canceled',
    all: ['A task was canceled'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (TaskCanceledException_ctor_DefaultMessage)',
    examples: { match: [' ---> System.TimeoutException: A task was canceled.'] },
  },
  {
    clue: 'dotnet.task-canceled',
    all: ['The operation was canceled.'],
    source: 'dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx (OperationCanceled)',
    examples: { match: ['The operation was canceled.'], noMatch: ['The operation was canceled by the user.'] },
  },
  {
    clue: 'dotnet.threadpool-starvation',
    all: ['threadpool', 'starv'],
    source: 'How people name thread pool starvation (learn.microsoft.com/dotnet/core/diagnostics/debug-threadpool-starvation)',
    examples: { match: ['Threadpool seems to be starved I guess...?'] },
  },
  {
    clue: 'dotnet.threadpool-starvation',
    all: ['worker thread: total:', 'idle: 0'],
    source: 'dotnet-dump / SOS "threadpool" command output: every worker thread busy, none idle',
    examples: { match: ['Worker Thread: Total: 610 Running: 610 Idle: 0 MaxLimit: 32767 MinLimit: 8'], noMatch: ['Worker Thread: Total: 12 Running: 2 Idle: 10 MaxLimit: 32767 MinLimit: 8'] },
  },
  {
    // `dotnet X.dll` where X.dll is not there: arguments name a DLL the folder does not hold.
    clue: 'dotnet.app-to-execute-missing',
    all: ['the application to execute does not exist'],
    value: /does not exist:\s{0,2}'([^'\r\n]{1,260})'/i,
    source: 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp ("The application to execute does not exist: \'%s\'.")',
    examples: {
      match: ["The application to execute does not exist: 'C:\\inetpub\\shop\\Shop.Web.dll'.", 'ASP.NET Core Module stdout Log: The application to execute does not exist: \'PATH\\Api.dll\''],
      noMatch: ['The application to execute was found and started.'],
    },
  },
];
