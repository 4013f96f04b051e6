/**
 * Single-line detectors for what the .NET host, Kestrel, ANCM and the app write to stdout/stderr:
 * missing frameworks, unhandled exceptions, bind failures, slow heartbeats, SQL failures and so on.
 *
 * `detectLineSignals` looks at ONE line and knows nothing of its neighbours; the stdout and event
 * parsers add what needs context (an exception chain, the `Framework:` line under "You must install
 * or update .NET") in `stdout-context.ts`. The prose parser calls it as is.
 *
 * Linear time: every detector is a plain substring search, optionally followed by a regex anchored
 * on a short slice with bounded quantifiers, so a 16 KB hostile line costs a few passes at most.
 */
import type { EvidenceRef, Signal, SignalData, SignalId } from '../types';

/** A signal before it gets its ref. */
type SignalDraft = { [K in SignalId]: { id: K; data: SignalData[K] } }[SignalId];

/** Longest value kept from a line (a path, a message, a stack frame). */
const MAX_VALUE = 300;

/** `System.X.YException (0x80131904): message` or `...Exception: message` at the start of the text. */
const EXCEPTION_HEAD =
  /^((?:[A-Za-z_][A-Za-z0-9_`]{0,120}\.){1,20}[A-Za-z_][A-Za-z0-9_`]{0,120})(?: \((?:0x[0-9A-Fa-f]{1,8}|-?\d{1,10})\))?(:(?: (.*))?)?$/;
/** The prefixes under which the runtime reports an exception that ended the process. */
const FATAL_PREFIXES = ['Unhandled exception. ', 'Unhandled Exception: ', 'Exception Info: '];
/** A .NET TimeSpan as Kestrel prints it: `00:00:04.7981284`, `1.02:03:04`. */
const TIMESPAN = /^(?:(\d{1,7})\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
/** Stack frames that prove a thread was blocked waiting on a task (sync over async). */
const BLOCKING_FRAMES = [
  'System.Threading.Tasks.Task.InternalWait',
  'System.Threading.Tasks.Task.WaitAllCore',
  'System.Threading.Tasks.Task.WaitAll(',
  'System.Threading.Tasks.Task.SpinThenBlockingWait',
  'System.Threading.ManualResetEventSlim.Wait',
];
/** `Task.Wait` as a frame: followed by its arguments, an offset, a space or the line end (not `Task.WaitAsync`). */
const TASK_WAIT = /System\.Threading\.Tasks\.Task\.Wait(?:$|[(+ [])/;
/** SqlClient messages that mean the server could not be reached at all. */
const SQL_UNREACHABLE = [
  'No such host is known',
  'A connection attempt failed',
  'The server was not found or was not accessible',
  'Connection Timeout Expired',
  'Could not open a connection to SQL Server',
];

/**
 * Every signal one line carries, each with `ref` as given (the caller builds the ref from the
 * source line). At most one signal per id per line. Never throws.
 */
export function detectLineSignals(line: string, ref: EvidenceRef): Signal[] {
  const text = line.trim();
  if (text.length < 6) return [];
  const drafts = detectDrafts(text);
  const seen = new Set<SignalId>();
  const out: Signal[] = [];
  for (const draft of drafts) {
    if (seen.has(draft.id)) continue;
    seen.add(draft.id);
    out.push({ ...draft, ref } as Signal);
  }
  return out;
}

/** The drafts for one trimmed line, in a fixed order. */
function detectDrafts(text: string): SignalDraft[] {
  // Stack frames are most of any crash log, and a frame can only be a blocking wait.
  if (text.startsWith('at ')) {
    const wait = blockingWait(text);
    return wait ? [wait] : [];
  }
  const out: SignalDraft[] = [];
  const add = (draft: SignalDraft | undefined): void => {
    if (draft) out.push(draft);
  };
  add(frameworkMissing(text));
  add(unhandledException(text));
  add(stackOverflow(text));
  if (text.includes('OutOfMemoryException') || text.includes('Insufficient memory to continue the execution of the program')) {
    out.push({ id: 'out-of-memory', data: {} });
  }
  out.push(...assemblyProblems(text));
  add(configFileMissing(text));
  out.push(...sqlProblems(text));
  add(diResolution(text));
  out.push(...socketProblems(text));
  add(heartbeatSlow(text));
  out.push(...kestrelErrors(text));
  out.push(...hostLifetime(text));
  add(blockingWait(text));
  add(httpClientTimeout(text));
  add(stdoutRedirect(text));
  add(ancmDebugHresult(text));
  add(processPathNotFound(text));
  if (text.includes('Did you mean to run dotnet SDK commands?')) out.push({ id: 'dotnet-sdk-command', data: {} });
  return out;
}

/** The text between `prefix` and the next `'` (or undefined when either is missing). */
function quotedAfter(text: string, prefix: string, close = "'"): string | undefined {
  const at = text.indexOf(prefix);
  if (at < 0) return undefined;
  const from = at + prefix.length;
  const end = text.indexOf(close, from);
  if (end < 0) return undefined;
  return cut(text.slice(from, end));
}

function cut(value: string): string {
  return value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
}

/**
 * `framework 'Microsoft.NETCore.App', version '9.0.0'` as the hostfxr messages and the .NET 6+
 * `Framework: '...', version '...' (x64)` line write it. Exported for the multi-line enrichment.
 */
export function frameworkAndVersion(text: string): { framework: string; version: string } | undefined {
  if (!text.includes('ramework')) return undefined;
  const m = /[Ff]ramework:? '([^']{1,200})', version '([^']{1,100})'/.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { framework: m[1], version: m[2] };
}

function frameworkMissing(text: string): SignalDraft | undefined {
  if (text.startsWith('You must install or update .NET') || text.includes('It was not possible to find any compatible framework version')) {
    return { id: 'framework-missing', data: {} };
  }
  // hostfxr: "The framework 'X', version 'Y' (x64) was not found." / "The specified framework 'X', version 'Y' was not found."
  if (text.includes('was not found') && (text.includes("The framework '") || text.includes("The specified framework '"))) {
    const found = frameworkAndVersion(text);
    return { id: 'framework-missing', data: found ?? {} };
  }
  return undefined;
}

/** Reads `Type: message` (or `Type (code): message`, or a bare `Type`) at the start of `rest`. */
function exceptionAt(rest: string): { type: string; message: string; colon: boolean } | undefined {
  const m = EXCEPTION_HEAD.exec(rest.length > 2000 ? rest.slice(0, 2000) : rest);
  if (!m || m[1] === undefined) return undefined;
  return { type: m[1], message: cut((m[3] ?? '').trim()), colon: m[2] !== undefined };
}

function unhandledException(text: string): SignalDraft | undefined {
  for (const prefix of FATAL_PREFIXES) {
    const at = text.indexOf(prefix);
    if (at < 0) continue;
    const found = exceptionAt(text.slice(at + prefix.length));
    if (found) return { id: 'unhandled-exception', data: { type: found.type, message: found.message, fatal: true } };
  }
  // Kestrel[13] (and any logger) prints a caught exception on its own line, `System.X: message`:
  // it did not end the process, hence fatal: false. Inner exceptions (`---> System.X`) are skipped.
  if (text.includes('Exception')) {
    const found = exceptionAt(text);
    if (found && found.colon && found.type.endsWith('Exception')) {
      return { id: 'unhandled-exception', data: { type: found.type, message: found.message, fatal: false } };
    }
  }
  return undefined;
}

function stackOverflow(text: string): SignalDraft | undefined {
  if (
    text.startsWith('Stack overflow.') ||
    text.includes('Process is terminated due to StackOverflowException') ||
    text.includes('The process was terminated due to stack overflow') ||
    text.includes('System.StackOverflowException')
  ) {
    return { id: 'stack-overflow', data: {} };
  }
  return undefined;
}

/** The assembly name of `Could not load file or assembly 'Name, Version=...'`. */
function assemblyName(text: string): string | undefined {
  const full = quotedAfter(text, "Could not load file or assembly '");
  if (full === undefined) return undefined;
  const comma = full.indexOf(',');
  return (comma >= 0 ? full.slice(0, comma) : full).trim() || undefined;
}

function assemblyProblems(text: string): SignalDraft[] {
  const out: SignalDraft[] = [];
  const badImage = text.includes('BadImageFormatException') || text.includes('An attempt was made to load a program with an incorrect format');
  if (badImage) out.push({ id: 'bad-image-format', data: optional({ assembly: assemblyName(text) }) });
  if (text.includes('DllNotFoundException') || text.includes("Unable to load DLL '") || text.includes("Unable to load shared library '")) {
    const name = quotedAfter(text, "Unable to load DLL '") ?? quotedAfter(text, "Unable to load shared library '");
    out.push({ id: 'dll-not-found', data: optional({ name }) });
  }
  if (!badImage && text.includes('Could not load file or assembly')) {
    out.push({ id: 'assembly-load-failure', data: optional({ assembly: assemblyName(text) }) });
  }
  return out;
}

function configFileMissing(text: string): SignalDraft | undefined {
  if (!text.includes('was not found and is not optional')) return undefined;
  return { id: 'config-file-missing', data: optional({ file: quotedAfter(text, "The configuration file '") }) };
}

function sqlProblems(text: string): SignalDraft[] {
  const out: SignalDraft[] = [];
  if (text.includes("Login failed for user '")) {
    out.push({ id: 'sql-login-failed', data: optional({ user: quotedAfter(text, "Login failed for user '") }) });
  } else if (text.includes('Cannot open database "') && text.includes('requested by the login')) {
    out.push({ id: 'sql-login-failed', data: {} });
  }
  if (text.includes('prior to obtaining a connection from the pool')) out.push({ id: 'sql-pool-timeout', data: {} });
  const provider = text.indexOf('(provider: ');
  const networkRelated = text.includes('A network-related or instance-specific error occurred while establishing a connection to SQL Server');
  const sqlContext = text.includes('SqlException') || provider >= 0;
  if (networkRelated || (provider >= 0 && text.includes(', error: ')) || (sqlContext && SQL_UNREACHABLE.some((s) => text.includes(s)))) {
    let detail = text;
    if (provider >= 0) {
      const close = text.indexOf(')', provider);
      detail = text.slice(provider + 1, close > provider ? close : undefined);
    }
    out.push({ id: 'sql-connection-failure', data: { detail: cut(detail) } });
  }
  return out;
}

function diResolution(text: string): SignalDraft | undefined {
  if (!text.includes('Unable to resolve service for type')) return undefined;
  return { id: 'di-resolution-failure', data: optional({ service: quotedAfter(text, "Unable to resolve service for type '") }) };
}

/** True when the line itself shows an outbound HTTP call: HttpRequestException or a trailing `(host:port)`. */
function outboundOnLine(text: string): boolean {
  if (text.includes('HttpRequestException') || text.includes('System.Net.Http.')) return true;
  if (!text.endsWith(')')) return false;
  const open = text.lastIndexOf('(');
  const inside = open >= 0 ? text.slice(open + 1, -1) : '';
  return /^[A-Za-z0-9.-]{1,253}:\d{1,5}$/.test(inside);
}

/**
 * Bind failures and socket exhaustion. WSAEADDRINUSE (10048) is ambiguous: Kestrel failing to
 * bind its port, or an outbound connect that found no free ephemeral port. On one line it counts
 * as a bind failure unless the line itself is an HTTP client error; the stdout and event parsers
 * re-read it as socket exhaustion when the rest of its exception chain is outbound HTTP.
 */
function socketProblems(text: string): SignalDraft[] {
  const out: SignalDraft[] = [];
  const bind = text.indexOf('Failed to bind to address ');
  const inUse = text.indexOf(': address already in use');
  if (bind >= 0 && inUse > bind) {
    out.push({ id: 'port-in-use', data: { address: cut(text.slice(bind + 'Failed to bind to address '.length, inUse)) } });
  } else if (text.includes('AddressInUseException') || (text.includes('SocketException') && text.includes('Address already in use'))) {
    out.push({ id: 'port-in-use', data: {} });
  } else if (text.includes('SocketException (10048)') || text.includes('Only one usage of each socket address')) {
    if (outboundOnLine(text)) out.push({ id: 'socket-exhaustion', data: { detail: cut(text) } });
    else out.push({ id: 'port-in-use', data: {} });
  }
  if (text.includes('SocketException (10055)') || text.includes('lacked sufficient buffer space or because a queue was full')) {
    out.push({ id: 'socket-exhaustion', data: { detail: cut(text) } });
  }
  return out;
}

/** A .NET TimeSpan string in milliseconds, or undefined. */
export function timespanMs(value: string): number | undefined {
  const m = TIMESPAN.exec(value.trim());
  if (!m) return undefined;
  const days = Number(m[1] ?? 0);
  const seconds = days * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  const fraction = m[5] === undefined ? 0 : Number(`0.${m[5]}`);
  return Math.round((seconds + fraction) * 1000);
}

function heartbeatSlow(text: string): SignalDraft | undefined {
  // New template: As of "{now}", the heartbeat has been running for "{duration}" which is longer than "{interval}".
  const running = quotedAfter(text, 'heartbeat has been running for "', '"');
  if (running !== undefined) return { id: 'kestrel-heartbeat-slow', data: optional({ durationMs: timespanMs(running) }) };
  // Old template: Heartbeat took longer than "{interval}" at "{now}". (the interval is a bound, not the duration)
  if (text.includes('Heartbeat took longer than "')) return { id: 'kestrel-heartbeat-slow', data: {} };
  return undefined;
}

function kestrelErrors(text: string): SignalDraft[] {
  const out: SignalDraft[] = [];
  if (text.includes('An unhandled exception was thrown by the application.')) out.push({ id: 'kestrel-app-error', data: {} });
  if (text.includes('The response has been aborted due to an unhandled application exception') || text.includes('Connection processing ended abnormally')) {
    out.push({ id: 'kestrel-request-aborted', data: {} });
  }
  return out;
}

/** The first whitespace-delimited token after `prefix`. */
function tokenAfter(text: string, prefix: string): string | undefined {
  const at = text.indexOf(prefix);
  if (at < 0) return undefined;
  const rest = text.slice(at + prefix.length).trimStart();
  const space = rest.search(/\s/);
  const token = space < 0 ? rest : rest.slice(0, space);
  return token.length > 0 ? cut(token) : undefined;
}

function hostLifetime(text: string): SignalDraft[] {
  const out: SignalDraft[] = [];
  if (text.includes('Now listening on:')) out.push({ id: 'host-listening', data: optional({ address: tokenAfter(text, 'Now listening on:') }) });
  if (text.includes('Application started. ') || text.endsWith('Application started.')) out.push({ id: 'host-started', data: {} });
  const environment = tokenAfter(text, 'Hosting environment:');
  if (environment !== undefined) out.push({ id: 'host-environment', data: { environment: environment.replace(/[.;]$/, '') } });
  if (text.includes('Application is shutting down...')) out.push({ id: 'host-stopping', data: {} });
  return out;
}

/**
 * A frame of a thread blocked on a task: Task.Wait, .Result (Task`1.get_Result / GetResultCore),
 * WaitAll, the spin-then-block helpers. The ordinary async frames (TaskAwaiter.GetResult,
 * ThrowForNonSuccess) are deliberately not here: every awaited exception passes through them.
 */
function blockingWait(text: string): SignalDraft | undefined {
  let hit = BLOCKING_FRAMES.some((f) => text.includes(f)) || TASK_WAIT.test(text);
  // Task`1.get_Result / Task`1.GetResultCore, also as `Task`1[System.__Canon].GetResultCore` in dotnet-stack output.
  if (!hit && text.includes('System.Threading.Tasks.Task`1') && (text.includes('.get_Result(') || text.includes('.GetResultCore('))) hit = true;
  if (!hit) return undefined;
  const frame = text.startsWith('at ') ? text.slice(3) : text;
  return { id: 'blocking-wait-in-stack', data: { frame: cut(frame) } };
}

function httpClientTimeout(text: string): SignalDraft | undefined {
  const at = text.indexOf('due to the configured HttpClient.Timeout of');
  if (at >= 0) {
    const start = text.lastIndexOf('The request was canceled', at);
    return { id: 'http-client-timeout', data: { detail: cut(text.slice(start >= 0 ? start : 0)) } };
  }
  if (text.includes('TaskCanceledException') && text.includes('HttpClient')) return { id: 'http-client-timeout', data: { detail: cut(text) } };
  return undefined;
}

function stdoutRedirect(text: string): SignalDraft | undefined {
  if (text.includes('Could not start stdout redirection in')) {
    const m = /HRESULT (0x[0-9A-Fa-f]{8})/.exec(text);
    return { id: 'stdout-redirect-failed', data: optional({ hresult: m?.[1] }) };
  }
  if (text.includes('Could not create stdoutLogFile')) {
    return { id: 'stdout-redirect-failed', data: optional({ hresult: quotedAfter(text, "ErrorCode = '") }) };
  }
  return undefined;
}

function ancmDebugHresult(text: string): SignalDraft | undefined {
  const prefix = 'Failed HRESULT returned: ';
  const at = text.indexOf(prefix);
  if (at < 0) return undefined;
  const m = /^(0x[0-9A-Fa-f]{1,8})(?: at (\S{1,1000}))?/.exec(text.slice(at + prefix.length, at + prefix.length + 1100));
  if (!m || m[1] === undefined) return undefined;
  let location: string | undefined;
  if (m[2] !== undefined) {
    const slash = Math.max(m[2].lastIndexOf('\\'), m[2].lastIndexOf('/'));
    location = m[2].slice(slash + 1);
  }
  return { id: 'ancm-debug-hresult', data: optional({ hresult: m[1], location }) };
}

function processPathNotFound(text: string): SignalDraft | undefined {
  const path = quotedAfter(text, "Executable was not found at '") ?? quotedAfter(text, "Could not find dotnet.exe at '");
  if (path !== undefined) return { id: 'process-path-not-found', data: { path } };
  // ANCM V1: failed to start process with commandline '"dotnet" .\App.dll', ErrorCode = '0x80070002 : 0.
  if (text.includes("ErrorCode = '0x80070002") && text.includes('failed to start process with commandline')) {
    return { id: 'process-path-not-found', data: optional({ path: quotedAfter(text, "commandline '") }) };
  }
  return undefined;
}

/** Drops undefined values so signal data never carries `key: undefined`. */
function optional<T extends Record<string, unknown>>(data: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
  return out as T;
}
