/**
 * Signs that the app as a whole stopped answering (the resource-exhaustion family): gateway
 * timeouts spread over many URLs at once, Kestrel's slow-heartbeat warning, WAS ping failures.
 * One slow endpoint times out on its own; a starved or blocked app times out everywhere together.
 */
import type { Evidence, EvidenceRef, StatusObservation } from '../../evidence/types';
import { events, signals, statuses } from '../query';

/** Status observations of gateway timeouts: 502.3 with 12002 (ANCM/ARR) and 504 (proxies, CDNs, load balancers). */
function timeoutObservations(evidence: Evidence): StatusObservation[] {
  return [...statuses(evidence, { status: 502, substatus: 3, win32: 12002 }), ...statuses(evidence, { status: 504 })];
}

/** How widely the timeouts spread: distinct URLs, row count, the slowest request. */
interface TimeoutSpread {
  urls: number;
  rows: number;
  slowestUrl?: string;
  slowestMs?: number;
  refs: EvidenceRef[];
}

/** Whether a `status.substatus` key (as the IIS aggregate writes it) is a gateway timeout. */
function isTimeoutKey(key: string): boolean {
  return key.startsWith('504') || key.startsWith('502.3.12002');
}

/**
 * The spread of gateway timeouts across URLs, from the IIS log aggregate (top error URLs whose
 * statuses are 502.3/504) and the sample rows of any source.
 */
export function timeoutSpread(evidence: Evidence): TimeoutSpread | undefined {
  const observations = timeoutObservations(evidence);
  const urls = new Set<string>();
  for (const o of observations) if (o.url) urls.add(o.url);
  const log = evidence.iisLog;
  let rows = 0;
  if (log) {
    for (const [key, summary] of Object.entries(log.timeTaken)) if (isTimeoutKey(key)) rows += summary.count;
    // The per-URL statuses say 502.3 without the Win32 code; only count 502.3 URLs when the log's 502.3s are timeouts.
    const timeouts502 = Number(log.byWin32['12002'] ?? 0) > 0;
    for (const u of log.topErrorUrls) {
      const keys = Object.keys(u.statuses);
      if (keys.some((k) => k.startsWith('504') || (timeouts502 && k.startsWith('502.3')))) urls.add(u.url);
    }
  }
  rows = Math.max(rows, observations.length);
  if (rows === 0) return undefined;
  let slowest: StatusObservation | undefined;
  for (const o of observations) if (o.timeTakenMs !== undefined && (slowest?.timeTakenMs === undefined || o.timeTakenMs > slowest.timeTakenMs)) slowest = o;
  return { urls: urls.size, rows, slowestUrl: slowest?.url, slowestMs: slowest?.timeTakenMs, refs: observations.map((o) => o.ref) };
}

/** Lines that show the app hanging or timing out, whatever the root cause. */
export function hangRefs(evidence: Evidence): EvidenceRef[] {
  return [
    ...signals(evidence, 'kestrel-heartbeat-slow').map((s) => s.ref),
    ...events(evidence, 'was', [5010]).map((e) => e.ref),
    ...timeoutObservations(evidence).map((o) => o.ref),
    ...signals(evidence, 'http-client-timeout').map((s) => s.ref),
  ];
}

/** The longest slow heartbeat reported, in ms, when the lines say. */
export function longestHeartbeatMs(evidence: Evidence): number | undefined {
  let max: number | undefined;
  for (const s of signals(evidence, 'kestrel-heartbeat-slow')) {
    const ms = s.data.durationMs;
    if (ms !== undefined && (max === undefined || ms > max)) max = ms;
  }
  return max;
}
