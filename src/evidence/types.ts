/**
 * The typed facts that the evidence layer extracts from pasted text or files.
 *
 * This file is the contract between the parsers (which produce these facts) and the cause
 * catalogue (which reads them). Nothing here knows about causes, Slack or rendering.
 */
import type { ClueHit } from './signatures/types';
import type { EvidenceKind } from './kinds';
import type { Timeline } from './timeline';

/** The kinds and what each one means to the pipeline live in kinds.ts. */
export type { EvidenceKind } from './kinds';

/** Where a fact came from: the input's name, its 1-based line, and the (redacted) line text. */
export interface EvidenceRef {
  source: string;
  line: number;
  text: string;
  /** In a diagnosis: the clue this line counted as (`kestrel.bind-failed`, `status.502.3`). */
  clue?: string;
  /** The house rule that recognized this line (a team's own signature, not the built-in catalogue). */
  house?: { rule: string; file: string };
}

/** Something a parser could not understand. Parsers report problems instead of throwing. */
export interface Problem {
  source: string;
  line?: number;
  column?: number;
  message: string;
}

/** An HTTP status seen anywhere: an IIS log row, a FREB trace, an error page, a header block or prose. */
export interface StatusObservation {
  status: number;
  substatus?: number;
  /** IIS sc-win32-status (a Win32 code, not an HRESULT). */
  win32?: number;
  timeTakenMs?: number;
  url?: string;
  /** The kind of segment that showed it. */
  origin: EvidenceKind;
  ref: EvidenceRef;
}

/** A Win32 code, HRESULT or exception code seen in any spelling, decoded. */
export interface CodeObservation {
  /** Canonical spelling: `0x80072EE2` for HRESULTs and exception codes, decimal for Win32 codes. */
  code: string;
  /** The Win32 code behind it, when there is one (12002 for 0x80072EE2). */
  win32?: number;
  /** Symbolic name, such as ERROR_WINHTTP_TIMEOUT. Empty when unknown. */
  name: string;
  meaning: string;
  /** How it was written in the evidence (`2147954402`, `-2147012894`, `sc-win32-status 12002`). */
  raw: string;
  ref: EvidenceRef;
}

/** The event sources that matter for 502s, recognized by their provider name. */
export type EventFamily = 'ancm' | 'dotnet-runtime' | 'application-error' | 'was' | 'w3svc-wp' | 'wer' | 'other';

/** One Windows event, from "Copy details as text", `Get-WinEvent | Format-List` or the event XML. */
export interface WindowsEvent {
  family: EventFamily;
  /** The provider as written: `IIS AspNetCore Module V2`, `.NET Runtime`, `WAS`, `Application Error`. */
  provider: string;
  id: number;
  level?: string;
  logName?: string;
  time?: string;
  /** The whole message, lines joined with `\n`, redacted. */
  message: string;
  /** The line that carries the event id (or the first line of the block). */
  ref: EvidenceRef;
  /** Where the message starts, for evidence that points into it. */
  messageRef: EvidenceRef;
  /** Application Error / .NET Runtime: the exception code (`0xc00000fd`), faulting app and module. */
  exceptionCode?: string;
  faultingApplication?: string;
  faultingModule?: string;
  /** WAS: the application pool and process id named in the message. */
  appPool?: string;
  processId?: number;
}

/**
 * Named patterns the parsers recognize, with the data each one carries.
 * Adding a signal means adding a line here; causes get type-checked access to its data.
 */
export interface SignalData {
  // .NET host, Kestrel and app output (stdout logs, event messages that embed stdout)
  'framework-missing': { framework?: string; version?: string };
  /**
   * `fatal` is true when the runtime reports the exception as the end of the process ("Unhandled
   * exception.", .NET Runtime "Exception Info:"), false for an exception a logger printed after it
   * was caught (Kestrel[13] follow-up lines), undefined when unknown.
   */
  'unhandled-exception': { type: string; message: string; fatal?: boolean };
  'stack-overflow': Record<string, never>;
  /** The decisive frame under an exception line: the first in the user's code, or the one a stack overflow repeats. */
  'exception-frame': { exceptionRef: EvidenceRef; method: string };
  'out-of-memory': Record<string, never>;
  'bad-image-format': { assembly?: string };
  'dll-not-found': { name?: string };
  'assembly-load-failure': { assembly?: string };
  'config-file-missing': { file?: string };
  'sql-connection-failure': { detail: string };
  'sql-login-failed': { user?: string };
  'sql-pool-timeout': Record<string, never>;
  'di-resolution-failure': { service?: string };
  'port-in-use': { address?: string };
  'kestrel-heartbeat-slow': { durationMs?: number };
  'kestrel-app-error': Record<string, never>;
  'kestrel-request-aborted': Record<string, never>;
  'host-listening': { address?: string };
  'host-started': Record<string, never>;
  'host-environment': { environment: string };
  'host-stopping': Record<string, never>;
  'socket-exhaustion': { detail: string };
  'blocking-wait-in-stack': { frame: string };
  'http-client-timeout': { detail: string };
  'stdout-redirect-failed': { hresult?: string };
  'ancm-debug-hresult': { hresult: string; location?: string };
  'process-path-not-found': { path?: string };
  'dotnet-sdk-command': Record<string, never>;
  // Error pages and response headers
  'ancm-error-page': { status: number; substatus: number; title: string };
  'iis-error-page': { status: number; substatus: number; title: string; module?: string; errorCode?: string; errorCodeRef?: EvidenceRef; configFile?: string; configLine?: number };
  'cloudflare': { status?: number; branded?: boolean; rayId?: string };
  'aws-alb': { status?: number };
  'app-gateway': { status?: number; errorInfo?: string };
  /** `page`: Front Door's own error page said so (not only a header that it passed through). */
  'front-door': { status?: number; errorInfo?: string; ref?: string; page?: boolean };
  'nginx-server': { status?: number };
  'iis-server': { version?: string };
  'kestrel-server': Record<string, never>;
  'arr-proxy': { version?: string };
  'app-offline-page': Record<string, never>;
  // Proxy logs
  'nginx-upstream': {
    condition: 'refused' | 'connect-timeout' | 'read-timeout' | 'send-timeout' | 'premature-close' | 'reset' | 'no-live' | 'header-too-big' | 'invalid-header' | 'ssl-handshake';
    status: number;
    upstream?: string;
  };
  'alb-log': {
    elbStatus: number;
    targetStatus?: number;
    requestSeconds: number;
    targetSeconds: number;
    responseSeconds: number;
    target?: string;
    errorReason?: string;
    /** Seconds from request_creation_time to timestamp (arrival to answer), when the line has both. */
    elapsedSeconds?: number;
  };
  // Failed Request Tracing
  'freb-module-error': { module: string; status: number; substatus: number; errorCode?: string; notification?: string };
  'freb-forward-fail': { errorCode?: string };
  'freb-arr-routed': { server?: string };
  // HTTP.sys error log (HTTPERR): the s-reason of rows, grouped by reason, status and queue
  'httperr-reason': { reason: string; status?: number; queue?: string; count?: number };
}
export type SignalId = keyof SignalData;
export interface Signal<K extends SignalId = SignalId> {
  id: K;
  data: SignalData[K];
  ref: EvidenceRef;
}

/** A `<key attr="value">` read from XML, with the line it sits on. */
export interface LocatedValue {
  value: string;
  line: number;
}

/** The `<aspNetCore>` element and its surroundings, from a web.config (full file or fragment). */
export interface AspNetCoreElement {
  /** Every attribute as written, keyed by its exact name (`requestTimeout`). */
  attributes: Record<string, LocatedValue>;
  handlerSettings: Record<string, LocatedValue>;
  environmentVariables: Record<string, LocatedValue>;
  /** The element's first and last line in the source, for patching. */
  startLine: number;
  endLine: number;
}

export interface HandlerEntry {
  name?: string;
  modules?: string;
  path?: string;
  line: number;
}

export interface WebConfigFacts {
  source: string;
  /** False when the XML did not parse; `error` then says where. */
  wellFormed: boolean;
  error?: { line: number; column: number; message: string };
  /**
   * True when the text is not a whole document: an `<aspNetCore>` element, a `<system.webServer>` or
   * `<applicationPools>` block, or a document that stops before its root is closed.
   */
  fragment: boolean;
  /**
   * True when a fragment's only defect is that it starts or ends inside an element (a partial paste):
   * `wellFormed` is then false, but the user's file is probably fine.
   */
  cutOff?: boolean;
  aspNetCore?: AspNetCoreElement;
  handlers: HandlerEntry[];
  /** `<location ... inheritInChildApplications="false">` present. */
  inheritInChildApplications?: boolean;
  /** The redacted text, split in lines, so advice can show a patch of the user's own element. */
  lines: string[];
  /** Line offset of this segment inside its source (line N of `lines` is source line N + firstLine - 1). */
  firstLine: number;
}

/** An `<add name=...>` application pool from applicationHost.config (or a fragment of it). */
export interface AppPoolFacts {
  source: string;
  name?: string;
  line: number;
  managedRuntimeVersion?: LocatedValue;
  enable32BitAppOnWin64?: LocatedValue;
  /** processModel idleTimeout (a timespan such as `00:20:00`). */
  idleTimeout?: LocatedValue;
  /** recycling/periodicRestart time, requests, memory (KB), privateMemory (KB). */
  periodicRestartTime?: LocatedValue;
  periodicRestartMemoryKb?: LocatedValue;
  periodicRestartPrivateMemoryKb?: LocatedValue;
  periodicRestartRequests?: LocatedValue;
  rapidFailProtection?: LocatedValue;
  rapidFailProtectionMaxCrashes?: LocatedValue;
  startMode?: LocatedValue;
}

export interface FrebFacts {
  source: string;
  url?: string;
  statusCode?: number;
  substatus?: number;
  timeTakenMs?: number;
  failureReason?: string;
  /** The names of the trace events in order (`MODULE_SET_RESPONSE_ERROR_STATUS`, `ANCM_REQUEST_FORWARD_FAIL`). */
  eventNames: string[];
  ref: EvidenceRef;
}

/** One response header block: the status line if present, headers by lower-case name. */
export interface HeaderSet {
  source: string;
  status?: number;
  statusRef?: EvidenceRef;
  headers: Record<string, { value: string; ref: EvidenceRef }[]>;
}

/** Time-taken distribution of one group of IIS log rows (milliseconds). */
export interface TimingSummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One IIS W3C log row kept as an example (the aggregate keeps a bounded number of them). */
export interface IisLogRow {
  status: number;
  substatus?: number;
  win32?: number;
  timeTakenMs?: number;
  method?: string;
  url?: string;
  time?: string;
  ref: EvidenceRef;
}

/** The aggregate over every IIS log line read; bounded in size whatever the log's length. */
export interface IisLogStats {
  /** Data lines read (not counting `#` directives). */
  rows: number;
  /** Lines that could not be read as a row. */
  badRows: number;
  /** Counts per `status.substatus` (`"502.3"`, `"200.0"`). */
  byStatus: Record<string, number>;
  /** Counts per sc-win32-status among 4xx/5xx rows (`"12002"`). */
  byWin32: Record<string, number>;
  /** The URLs that carry the most 5xx rows, most first (at most 20). */
  topErrorUrls: { url: string; count: number; statuses: Record<string, number> }[];
  /** Distinct URLs among the 5xx rows (capped count). */
  distinctErrorUrls: number;
  /** Time-taken per `status.substatus.win32` group of 5xx rows, plus `"all"` over every row. */
  timeTaken: Record<string, TimingSummary>;
  /** First and last `date time` seen (UTC as IIS writes it). */
  window?: { first: string; last: string };
  /** Example rows: the first few and the slowest of each 5xx group. */
  samples: IisLogRow[];
  /** Every `#Fields:` line met, in order. */
  fieldSets: string[][];
  /** HTTPERR rows per s-reason (`"AppOffline"`), when an HTTP.sys error log was read. */
  byReason?: Record<string, number>;
}

/** A summary of one input: how it was read. */
export interface InputSummary {
  source: string;
  kinds: EvidenceKind[];
  lines: number;
  truncated: boolean;
}

/** Everything the evidence layer extracted from all inputs. Causes read only this. */
export interface Evidence {
  inputs: InputSummary[];
  /**
   * What the signature catalogue recognized on every line, whatever its kind, and the durations
   * said anywhere (clue `duration`, value in ms). At most a few hits are kept per clue; `clueCounts`
   * has them all.
   */
  clues: ClueHit[];
  clueCounts: Record<string, number>;
  statuses: StatusObservation[];
  codes: CodeObservation[];
  events: WindowsEvent[];
  signals: Signal[];
  iisLog?: IisLogStats;
  /** Rows per minute and dated events, for the timeline chart; absent when nothing is dated. */
  timeline?: Timeline;
  webConfigs: WebConfigFacts[];
  appPools: AppPoolFacts[];
  headers: HeaderSet[];
  freb: FrebFacts[];
  problems: Problem[];
  /** How many secret values were masked across all inputs. */
  redactions: number;
}

/** An empty Evidence, the starting point of every collector. */
export function emptyEvidence(): Evidence {
  return {
    inputs: [],
    clues: [],
    clueCounts: {},
    statuses: [],
    codes: [],
    events: [],
    signals: [],
    webConfigs: [],
    appPools: [],
    headers: [],
    freb: [],
    problems: [],
    redactions: 0,
  };
}

/**
 * What a parser of one segment returns. A parser never throws on user input: what it could not
 * read goes into `problems`, with lines.
 */
export interface SegmentFacts {
  statuses?: StatusObservation[];
  codes?: CodeObservation[];
  events?: WindowsEvent[];
  signals?: Signal[];
  webConfigs?: WebConfigFacts[];
  appPools?: AppPoolFacts[];
  headers?: HeaderSet[];
  freb?: FrebFacts[];
  problems?: Problem[];
}

/** A run of consecutive lines of one kind, cut out of a paste by the detector. */
export interface Segment {
  kind: EvidenceKind;
  source: string;
  /** 1-based source line number of `lines[0]`. */
  firstLine: number;
  /** Normalized and redacted lines. */
  lines: string[];
}

/** Parses one buffered segment (every kind but `iis-log`, which is streamed). */
export type SegmentParser = (segment: Segment) => SegmentFacts;
