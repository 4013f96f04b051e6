/**
 * Queries shared by the startup-failure and config-error causes: where an ANCM status was seen,
 * which ANCM events carry which template, and the values quoted inside those templates.
 *
 * Every function is pure and linear: messages are searched with indexOf, never with open-ended
 * regular expressions, because event messages embed up to 30 KB of captured stdout.
 */
import type { Evidence, EvidenceRef, Signal, SignalId, WebConfigFacts, WindowsEvent } from '../../evidence/types';
import { codes, refsOf, signals } from '../query';
import { configHolding, configLineRef, valueNamed } from '../../evidence/config-facts';

/** Where a status.substatus was seen, most telling source first. */
interface StatusHit {
  refs: EvidenceRef[];
  /** Seen in a page, a trace, a log row or headers, not only in prose. */
  direct: boolean;
  /** Seen only in free text ("we get 502.5"). */
  proseOnly: boolean;
}

/** The order in which sources prove a status: what the server wrote beats what a person typed. */
const ORIGIN_RANK: Record<string, number> = { 'error-page': 0, freb: 1, 'iis-log': 2, headers: 3, 'event-log': 4, 'stdout-log': 5, 'proxy-log': 6, prose: 9 };

/** Every sighting of `status.substatus`: status observations, ANCM/IIS page signals and FREB module errors. */
export function findStatus(evidence: Evidence, status: number, substatus: number): StatusHit {
  const found: { ref: EvidenceRef; rank: number }[] = [];
  for (const s of evidence.statuses) {
    if (s.status === status && s.substatus === substatus) found.push({ ref: s.ref, rank: ORIGIN_RANK[s.origin] ?? 8 });
  }
  for (const id of ['ancm-error-page', 'iis-error-page'] as const) {
    for (const s of signals(evidence, id)) if (s.data.status === status && s.data.substatus === substatus) found.push({ ref: s.ref, rank: 0 });
  }
  for (const s of signals(evidence, 'freb-module-error')) {
    if (s.data.status === status && s.data.substatus === substatus) found.push({ ref: s.ref, rank: 1 });
  }
  found.sort((a, b) => a.rank - b.rank);
  const direct = found.some((f) => f.rank < 9);
  return { refs: refsOf(found, 4), direct, proseOnly: found.length > 0 && !direct };
}

/** True when the hit saw the status at all. */
export function seen(hit: StatusHit): boolean {
  return hit.refs.length > 0;
}

/** ANCM events (V1 or V2, IIS or IIS Express) with one of these ids, optionally only those whose message holds one of the texts. */
export function ancmEvents(evidence: Evidence, ids: number[], texts?: string[]): WindowsEvent[] {
  return evidence.events.filter((e) => e.family === 'ancm' && ids.includes(e.id) && (texts === undefined || includesAny(e.message, texts)));
}

/** Events of any source whose message holds one of the texts (case-insensitive). */
export function eventsWithText(evidence: Evidence, texts: string[]): WindowsEvent[] {
  return evidence.events.filter((e) => includesAny(e.message, texts));
}

/** Case-insensitive substring test against several needles. */
export function includesAny(text: string, needles: string[]): boolean {
  const lower = text.toLowerCase();
  return needles.some((n) => lower.includes(n.toLowerCase()));
}

/**
 * The lines that carry a message: decoded codes, signals and statuses all keep their line. A bare
 * ANCM message pasted as prose (no Event Viewer header) only reaches causes this way.
 */
export function linesWithText(evidence: Evidence, texts: string[]): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const item of [...evidence.codes, ...evidence.signals, ...evidence.statuses]) {
    if (includesAny(item.ref.text, texts)) refs.push(item.ref);
  }
  return refsOf(refs, 6);
}

/** The value between `prefix` and the next single quote: `quoted(m, "commandline '")`. */
export function quoted(message: string, prefix: string): string | undefined {
  const start = message.indexOf(prefix);
  if (start < 0) return undefined;
  const from = start + prefix.length;
  const end = message.indexOf("'", from);
  if (end < 0) return undefined;
  const value = message.slice(from, end).trim();
  return value.length > 0 ? value : undefined;
}

/** The hex code after `ErrorCode` in an ANCM message (`ErrorCode = '0x80070002 : 0.'`, `ErrorCode '0x800700c1'`). */
export function errorCodeOf(message: string): string | undefined {
  const at = message.indexOf('ErrorCode');
  if (at < 0) return undefined;
  const m = /^ErrorCode\s*=?\s*'?(0x[0-9a-fA-F]{1,8})/.exec(message.slice(at, at + 40));
  return m?.[1] ? `0x${m[1].slice(2).toLowerCase()}` : undefined;
}

/** The ANCM application id quoted in a message (`/LM/W3SVC/2/ROOT`). */
export function applicationOf(message: string): string | undefined {
  return quoted(message, "Application '");
}

/** The event whose message contains this signal's line: ANCM 1020/1035/1018 embed the app's stdout. */
export function eventHolding(signal: Signal, events: readonly WindowsEvent[]): WindowsEvent | undefined {
  const text = signal.ref.text.trim();
  if (text.length === 0) return undefined;
  return events.find((e) => {
    if (e.ref.source !== signal.ref.source) return false;
    if (signal.ref.line === e.ref.line || signal.ref.line === e.messageRef.line) return true;
    return signal.ref.line > Math.min(e.ref.line, e.messageRef.line) && e.message.includes(text);
  });
}

/** Signals that report an exception the app threw (as opposed to the host or ANCM). */
const EXCEPTION_SIGNALS: SignalId[] = [
  'unhandled-exception',
  'config-file-missing',
  'di-resolution-failure',
  'sql-connection-failure',
  'sql-login-failed',
  'dll-not-found',
  'assembly-load-failure',
];

/**
 * Signals in which the .NET host or ANCM names why the app did not start. With the exceptions
 * above, they are the specific startup reasons: when one is present, the generic "startup failed"
 * causes step back so the specific one ranks first.
 */
const HOST_STARTUP_SIGNALS: SignalId[] = ['framework-missing', 'port-in-use', 'bad-image-format', 'process-path-not-found', 'dotnet-sdk-command'];

/** Signals of these ids, in input order. */
export function signalsOf(evidence: Evidence, ids: readonly SignalId[]): Signal[] {
  return evidence.signals.filter((s) => ids.includes(s.id));
}

/** ANCM messages that name a specific reason (timeout, bitness, process path, configuration). */
const SPECIFIC_ANCM_TEXTS = [
  "Managed server didn't initialize",
  'bitness mismatch',
  'Executable was not found',
  'Could not find dotnet.exe',
  'Application .dll was not found',
  'Could not load configuration',
  'Unable to locate application dependencies',
  'Could not find the assembly',
  'hostfxr.dll not found',
  'Unable to find hostfxr directory',
  'failed to choose listen port',
  'Did you mean to run dotnet SDK commands',
  'It was not possible to find any compatible framework version',
  'You must install or update .NET',
  // ANCM could not find the executable, or the .NET host rejected the app path / found no framework
  // (V1 messages end in "ErrorCode = '0x80004005 : <host exit code>.").
  "ErrorCode = '0x80070002",
  ': 80008081.',
  ': 80008096.',
];

/** True when the evidence names a more specific startup reason than "it failed". */
export function hasSpecificStartupReason(evidence: Evidence): boolean {
  if (signalsOf(evidence, HOST_STARTUP_SIGNALS).length > 0) return true;
  if (startupExceptions(evidence).length > 0) return true;
  if (ancmEvents(evidence, [1008, 1009, 1027, 1029, 1034]).length > 0) return true;
  if (ancmEvents(evidence, [1000, 1001, 1007, 1010, 1020, 1035], SPECIFIC_ANCM_TEXTS).length > 0) return true;
  return linesWithText(evidence, SPECIFIC_ANCM_TEXTS).length > 0;
}

/** ANCM events that report a start that failed (out-of-process 1000/1020, in-process 1007/1011/1018/1031/1035, shim 1010). */
const START_FAILURE_EVENTS = [1000, 1020, 1007, 1011, 1018, 1031, 1035, 1010];
/** The subset whose message embeds the app's captured stdout (the real exception is inside). */
const STDOUT_CARRYING_EVENTS = [1020, 1035, 1011, 1007, 1031];

/** True when something says the app was starting when it failed: 502.5, 500.30 or an ANCM start-failure event. */
export function startupContext(evidence: Evidence): boolean {
  return seen(findStatus(evidence, 502, 5)) || seen(findStatus(evidence, 500, 30)) || ancmEvents(evidence, START_FAILURE_EVENTS).length > 0;
}

/**
 * Exceptions only a running server throws: Kestrel's (and ASP.NET Core's) rejection of one bad or
 * slow request. Seen alone, they say the app was up and serving.
 */
const REQUEST_TIME_EXCEPTIONS = ['Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException', 'Microsoft.AspNetCore.Http.BadHttpRequestException'];

/**
 * Exception signals thrown while the app was starting. An exception counts when ANCM captured it in
 * a start-failure event, or when it sits in a stdout/console log whose process never reported
 * "Application started" (a log where the host started shows a crash later, not a startup failure).
 * Bind failures and bad images belong to their own causes and are left out.
 */
export function startupExceptions(evidence: Evidence): Signal[] {
  const owned = new Set(signalsOf(evidence, ['port-in-use', 'bad-image-format']).map((s) => `${s.ref.source}\u0000${s.ref.line}`));
  const started = new Set(signalsOf(evidence, ['host-started', 'host-listening']).map((s) => s.ref.source));
  // Kestrel[13] prints the exception it caught on the next line: a request failed, the app was up.
  const servedRequests = new Set(signalsOf(evidence, ['kestrel-app-error', 'kestrel-request-aborted']).map((s) => s.ref.source));
  const context = startupContext(evidence);
  const inProcessStartFailure = seen(findStatus(evidence, 500, 30)) || ancmEvents(evidence, [1007, 1010]).length > 0;
  return signalsOf(evidence, EXCEPTION_SIGNALS).filter((s) => {
    if (owned.has(`${s.ref.source}\u0000${s.ref.line}`)) return false;
    if (s.id === 'unhandled-exception') {
      const { fatal, type } = (s as Signal<'unhandled-exception'>).data;
      if ((fatal === false && servedRequests.has(s.ref.source)) || REQUEST_TIME_EXCEPTIONS.includes(type)) return false;
    }
    const holder = eventHolding(s, evidence.events);
    if (holder) {
      if (holder.family === 'ancm' && STDOUT_CARRYING_EVENTS.includes(holder.id)) return true;
      // 1018 is also written for crashes mid-request; only a start failure beside it makes it startup.
      if (holder.family === 'ancm' && holder.id === 1018) return inProcessStartFailure;
      return context && !started.has(s.ref.source);
    }
    return !started.has(s.ref.source);
  });
}

/** The DLL an `arguments` value or a command line names (`.\Shop.Web.dll` → `Shop.Web.dll`). */
export function dllNameOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  const end = lower.indexOf('.dll');
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && !' \\/"\''.includes(text.charAt(start - 1))) start -= 1;
  const name = text.slice(start, end + 4);
  return name.length > 4 ? name : undefined;
}

/** The first value of an `<aspNetCore>` environment variable in any pasted web.config (name case-insensitive). */
export function environmentVariable(evidence: Evidence, name: string): { value: string; line: number; source: string } | undefined {
  for (const config of evidence.webConfigs) {
    const found = valueNamed(config.aspNetCore?.environmentVariables, name);
    if (found) return { value: found.value, line: found.line, source: config.source };
  }
  return undefined;
}

/** A ref to a line of a pasted web.config (the text is that line of the config). */
export function configRef(evidence: Evidence, source: string, line: number): EvidenceRef | undefined {
  const config = configHolding(evidence.webConfigs, source, line);
  return config ? configLineRef(config, line) : undefined;
}

/** The app pool name from a pasted applicationHost fragment, a WAS event, or a `IIS APPPOOL\x` login. */
export function appPoolName(evidence: Evidence): string | undefined {
  const fromPool = evidence.appPools.find((p) => p.name !== undefined)?.name;
  if (fromPool) return fromPool;
  const fromEvent = evidence.events.find((e) => e.appPool !== undefined)?.appPool;
  if (fromEvent) return fromEvent;
  for (const s of signals(evidence, 'sql-login-failed')) {
    const user = s.data.user ?? '';
    const at = user.toUpperCase().indexOf('IIS APPPOOL\\');
    if (at >= 0) return user.slice(at + 'IIS APPPOOL\\'.length);
  }
  return undefined;
}

/** Texts that say the worker and the app were built for different CPU architectures. */
const BITNESS_TEXTS = ['bitness mismatch', 'published for a different bitness', 'incorrect format'];

/**
 * True when the evidence points at a 32/64-bit mismatch: 500.32, ERROR_BAD_EXE_FORMAT (0x800700C1),
 * a BadImageFormatException, ANCM's bitness text, or the documented x86 in-process signature with
 * a 32-bit hint.
 */
export function bitnessSuspected(evidence: Evidence): boolean {
  if (seen(findStatus(evidence, 500, 32))) return true;
  if (codes(evidence, 193).length > 0) return true;
  if (signals(evidence, 'bad-image-format').length > 0) return true;
  if (eventsWithText(evidence, BITNESS_TEXTS).length > 0 || linesWithText(evidence, BITNESS_TEXTS).length > 0) return true;
  return x86Signature(evidence).hinted;
}

/**
 * The documented x86 in-process signature: 0x8007023E (ERROR_UNHANDLED_EXCEPTION, in the debug log or
 * a 1010) with "CLR worker thread exited prematurely". `hinted` when something also says the process
 * is 32-bit or the pool's bitness is set (isX64=0, an x86 runtime path, enable32BitAppOnWin64).
 */
export function x86Signature(evidence: Evidence): { refs: EvidenceRef[]; hinted: boolean } {
  const none = { refs: [], hinted: false };
  const unhandled = codes(evidence, 574);
  if (unhandled.length === 0) return none;
  const prematureExit = eventsWithText(evidence, ['CLR worker thread exited prematurely']);
  if (prematureExit.length === 0) return none;
  const hint = [...eventsWithText(evidence, ['isX64=0', '(x86)', '.x86']).map((e) => e.messageRef), ...linesWithText(evidence, ['isX64=0', '(x86)', '.x86'])];
  const pool = evidence.appPools.some((p) => p.enable32BitAppOnWin64 !== undefined);
  return { refs: refsOf([...unhandled.map((c) => c.ref), ...prematureExit.map((e) => e.messageRef), ...hint], 6), hinted: hint.length > 0 || pool };
}

/**
 * Pasted configuration that does not parse for a reason of its own: a whole document, or a fragment
 * whose defect is not just that the paste starts or stops inside an element (`cutOff`).
 */
export function brokenConfigs(configs: readonly WebConfigFacts[]): WebConfigFacts[] {
  return configs.filter((c) => !c.wellFormed && !(c.fragment && c.cutOff === true));
}

/** A message quoted inside a sentence: trimmed, without its own final period (the sentence adds one). */
export function quoteMessage(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, '');
  return `"${trimmed}"`;
}
