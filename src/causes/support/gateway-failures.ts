/**
 * What the 502.3 causes share: finding "ANCM (or ARR) returned 502.3 because WinHTTP failed with
 * code X", whichever way the evidence spells it (an IIS row `502 3 12002 120015`, a FREB
 * `ErrorCode="2147954402"`, an error page `0x80072ee2`, prose `502.3.12002`), plus the time the
 * failing requests ran. Pure functions over Evidence; no cause logic.
 */
import type { CodeObservation, Evidence, EvidenceRef, StatusObservation } from '../../evidence/types';
import { codes, signals, statuses } from '../query';
import { WIN32_CODES } from '../../evidence/code-table';

/** One 502.3 failure mode, seen through every source that can show it. */
export interface GatewayFailure {
  /** 502.3 observations that carry a wanted code themselves (IIS rows, `502.3.12030` prose). */
  rows: StatusObservation[];
  /** Wanted codes in any spelling (HRESULT, decimal, Win32 in prose), from any source. */
  codes: CodeObservation[];
  /** Lines that show a 502.3 at all (status, FREB module error, error page), code or not. */
  context: EvidenceRef[];
  /** True when a wanted code sits next to a 502.3 (same row, or a 502.3 is in the evidence). */
  paired: boolean;
  /** True when a wanted code is on the very line that shows the 502.3 (an IIS row, a FREB module error, an error page line). */
  exact: boolean;
  /** The wanted Win32 code seen most often. */
  win32: number;
  /** Failing rows in the IIS log aggregate for the wanted codes (0 without a log). */
  logCount: number;
  /** Distinct URLs among the sample rows with a wanted code. */
  urls: string[];
}

/** Lines that show a 502.3 at all, most specific sources first. */
function contextOf502_3(evidence: Evidence): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const s of signals(evidence, 'freb-module-error')) if (s.data.status === 502 && s.data.substatus === 3) refs.push(s.ref);
  for (const s of signals(evidence, 'iis-error-page')) if (s.data.status === 502 && s.data.substatus === 3) refs.push(s.ref);
  for (const s of statuses(evidence, { status: 502, substatus: 3 })) refs.push(s.ref);
  return refs;
}

/**
 * The 502.3 failures whose WinHTTP/Win32 code is one of `wanted`, or undefined when no wanted
 * code appears anywhere. A code with no 502.3 anywhere still counts (unpaired): a pasted
 * `0x80072EFE` alone is suggestive, but the caller should weigh it lower.
 */
export function gatewayFailure(evidence: Evidence, wanted: readonly number[]): GatewayFailure | undefined {
  const rows = statuses(evidence, { status: 502, substatus: 3, win32: [...wanted] });
  const found = codes(evidence, ...wanted);
  if (rows.length === 0 && found.length === 0) return undefined;
  const context = contextOf502_3(evidence);

  const tally = new Map<number, number>();
  const add = (w: number | undefined, n = 1): void => {
    if (w !== undefined && wanted.includes(w)) tally.set(w, (tally.get(w) ?? 0) + n);
  };
  let logCount = 0;
  for (const [key, summary] of Object.entries(evidence.iisLog?.timeTaken ?? {})) {
    const w = groupWin32(key);
    if (w !== undefined && wanted.includes(w)) {
      logCount += summary.count;
      add(w, summary.count);
    }
  }
  for (const r of rows) add(r.win32);
  for (const c of found) add(c.win32);
  let win32 = wanted[0] ?? 0;
  let best = -1;
  for (const [w, n] of tally) if (n > best) [win32, best] = [w, n];

  const urls = [...new Set(rows.map((r) => r.url).filter((u): u is string => u !== undefined && u.length > 0))];
  const contextLines = new Set(context.map((r) => `${r.source}\u0000${r.line}`));
  const exact = rows.length > 0 || found.some((c) => contextLines.has(`${c.ref.source}\u0000${c.ref.line}`));
  return { rows, codes: found, context, paired: rows.length > 0 || context.length > 0, exact, win32, logCount, urls };
}

/** `502.3.12002` → 12002; other group keys → undefined. */
function groupWin32(key: string): number | undefined {
  if (!key.startsWith('502.3.')) return undefined;
  const n = Number(key.slice(6));
  return Number.isInteger(n) ? n : undefined;
}

/**
 * How many failing requests IIS itself recorded (log aggregate, log/trace/page lines), 0 when only
 * free text mentions the code: prose says someone saw it, not how many requests failed.
 */
export function recordedCount(evidence: Evidence, failure: GatewayFailure): number {
  const byTool = (source: string): boolean => evidence.inputs.some((i) => i.source === source && i.kinds.some((k) => k !== 'prose' && k !== 'web-config'));
  return failure.logCount || failure.rows.filter((r) => r.origin !== 'prose').length || failure.codes.filter((c) => byTool(c.ref.source)).length;
}

/** The proving lines of a failure: rows first (they carry the code), then the codes, then 502.3 context. */
export function failureRefs(failure: GatewayFailure): EvidenceRef[] {
  return [...failure.rows.map((r) => r.ref), ...failure.codes.map((c) => c.ref), ...failure.context];
}

/** How long the failing requests ran, from the IIS log aggregate, sample rows and FREB traces. */
interface FailureTiming {
  /** The typical duration in ms (median of the log group when there is one). */
  typicalMs: number;
  /** The longest duration seen in ms. */
  maxMs: number;
  /** How many durations this is based on. */
  count: number;
  /** A line that shows the duration (the slowest sample row or the FREB trace). */
  ref?: EvidenceRef;
}

/** Durations of the 502.3 requests with one of the wanted codes. Undefined when nothing says how long they ran. */
export function failureTiming(evidence: Evidence, failure: GatewayFailure, wanted: readonly number[]): FailureTiming | undefined {
  let typical: number | undefined;
  let max = 0;
  let count = 0;
  let ref: EvidenceRef | undefined;
  let bestGroup = 0;
  for (const [key, summary] of Object.entries(evidence.iisLog?.timeTaken ?? {})) {
    const w = groupWin32(key);
    if (w === undefined || !wanted.includes(w) || summary.count === 0) continue;
    // The biggest group speaks for the typical duration.
    if (summary.count > bestGroup) {
      bestGroup = summary.count;
      typical = summary.p50;
    }
    max = Math.max(max, summary.max);
    count += summary.count;
  }
  const observed: { ms: number; ref: EvidenceRef }[] = [];
  for (const r of failure.rows) if (r.timeTakenMs !== undefined && r.timeTakenMs > 0) observed.push({ ms: r.timeTakenMs, ref: r.ref });
  for (const f of evidence.freb) {
    if (f.statusCode === 502 && f.substatus === 3 && f.timeTakenMs !== undefined && f.timeTakenMs > 0) observed.push({ ms: f.timeTakenMs, ref: f.ref });
  }
  for (const o of observed) {
    if (o.ms >= max) {
      max = o.ms;
      ref = o.ref;
    }
  }
  if (typical === undefined) {
    if (observed.length === 0) return undefined;
    const sorted = observed.map((o) => o.ms).sort((a, b) => a - b);
    typical = sorted[Math.floor((sorted.length - 1) / 2)] ?? max;
    count = observed.length;
  }
  return { typicalMs: typical, maxMs: max, count, ref };
}

/**
 * True when a duration sits at a timeout: a timed-out request runs the timeout plus a little
 * (IIS adds its own work), or finishes a hair early when clocks are coarse (ARR's doc example:
 * 29,889 ms against 30 s).
 */
export function nearTimeout(ms: number, timeoutSeconds: number): boolean {
  const t = timeoutSeconds * 1000;
  const below = Math.max(1500, t * 0.02);
  const above = Math.max(5000, t * 0.05);
  return ms >= t - below && ms <= t + above;
}

/** Whole seconds for people: 120015 ms → "120 s". */
export function secondsText(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/** Seconds → an IIS timespan (`00:04:00`, `1.02:00:00`). */
export function toTimespan(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const days = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${days > 0 ? `${days}.` : ''}${hh}:${mm}:${ss}`;
}

/**
 * Lines that show ARR in the path: `X-Powered-By: ARR`, FREB `ARR_SERVER_ROUTED`, ARR as the module
 * that set 502 (in FREB, or in the "Module" row of IIS's detailed error page).
 */
export function arrEvidence(evidence: Evidence): EvidenceRef[] {
  return [
    ...signals(evidence, 'freb-arr-routed').map((s) => s.ref),
    ...signals(evidence, 'freb-module-error').filter((s) => /^ApplicationRequestRouting/i.test(s.data.module)).map((s) => s.ref),
    ...signals(evidence, 'iis-error-page').filter((s) => /^ApplicationRequestRouting/i.test(s.data.module ?? '')).map((s) => s.ref),
    ...signals(evidence, 'arr-proxy').map((s) => s.ref),
  ];
}

/** Lines that show ANCM itself answered: FREB module AspNetCoreModule(V2), ANCM or IIS error page naming it, or events. */
export function ancmEvidence(evidence: Evidence): EvidenceRef[] {
  return [
    ...signals(evidence, 'freb-module-error').filter((s) => /^AspNetCoreModule/i.test(s.data.module)).map((s) => s.ref),
    ...signals(evidence, 'freb-forward-fail').map((s) => s.ref),
    ...signals(evidence, 'ancm-error-page').map((s) => s.ref),
    ...signals(evidence, 'iis-error-page').filter((s) => /^AspNetCoreModule/i.test(s.data.module ?? '')).map((s) => s.ref),
    ...evidence.events.filter((e) => e.family === 'ancm').map((e) => e.ref),
  ];
}

/**
 * "in a log covering 2026-11-20 10:15:01 to 10:17:40 UTC", or '' without an IIS log. It is the
 * window of the whole pasted log (the aggregate keeps no per-row times), so it says so.
 */
export function windowText(evidence: Evidence): string {
  const w = evidence.iisLog?.window;
  if (!w) return '';
  return w.first === w.last ? `at ${w.first} UTC` : `in a log covering ${w.first} to ${w.last} UTC`;
}

/** "12030 (ERROR_WINHTTP_CONNECTION_ERROR, HRESULT 0x80072EFE)" for steps and summaries; the name comes from the code table. */
export function win32Label(win32: number): string {
  const name = WIN32_CODES.get(win32)?.name;
  const hresult = `0x8007${win32.toString(16).toUpperCase().padStart(4, '0')}`;
  return name ? `${win32} (${name}, HRESULT ${hresult})` : `${win32} (HRESULT ${hresult})`;
}
