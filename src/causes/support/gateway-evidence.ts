/**
 * Queries shared by the CDN, load balancer and reverse proxy causes: which edge answered with
 * which status, how sure we are that it was that edge, and how long the origin took. Pure and
 * linear; they read only the Evidence contract.
 */
import type { Evidence, EvidenceRef, Signal, SignalData, StatusObservation } from '../../evidence/types';
import { formatSeconds, refsOf, signals, statuses } from '../query';

/** Where a status was seen: a gateway signal, another page/header/log, or only free text. */
interface StatusHits {
  /** Proving lines: the gateway's own signals first, then the other observations. */
  refs: EvidenceRef[];
  /** The wanted statuses seen, most frequent first (ties keep the wanted order). */
  codes: number[];
  /** How many failing responses the evidence shows (not lines). */
  count: number;
  /** A page, header block or log identified the gateway (not only prose). */
  identified: boolean;
  /** Every observation came from free text ("we get error 524"). */
  proseOnly: boolean;
}

/** Counts per status, most frequent first, ties in the order of `wanted`. */
function rankCodes(seen: number[], wanted: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const code of seen) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || wanted.indexOf(a) - wanted.indexOf(b));
}

/**
 * Cloudflare's own 52x/530 codes (and, with `requireSignal`, 502/504 only when a Cloudflare page
 * or header said so). The 52x codes are Cloudflare's alone, so a status observation anywhere
 * counts; a 502 does not, because every proxy returns one.
 */
export function cloudflareStatusHits(evidence: Evidence, wanted: readonly number[], requireSignal = false): StatusHits | undefined {
  const fromSignals = signals(evidence, 'cloudflare').filter((s) => s.data.status !== undefined && wanted.includes(s.data.status));
  const others = requireSignal ? [] : statuses(evidence, { status: [...wanted] });
  if (fromSignals.length === 0 && others.length === 0) return undefined;
  const seen = [...fromSignals.map((s) => s.data.status as number), ...others.map((o) => o.status)];
  return {
    refs: refsOf([...fromSignals, ...others]),
    codes: rankCodes(seen, wanted),
    // A page or header block shows one failure on two lines (status line and server line).
    count: Math.max(fromSignals.length, others.length),
    identified: fromSignals.length > 0 || others.some((o) => o.origin !== 'prose'),
    proseOnly: fromSignals.length === 0 && others.every((o) => o.origin === 'prose'),
  };
}

/** The first Cloudflare Ray ID in the evidence, to quote in steps. */
export function cloudflareRayId(evidence: Evidence): string | undefined {
  return signals(evidence, 'cloudflare').find((s) => s.data.rayId !== undefined)?.data.rayId;
}

/** The slowest origin request in a pasted IIS log, in seconds, with its line when one was kept. */
export function slowestIisRequest(evidence: Evidence): { seconds: number; ref?: EvidenceRef } | undefined {
  const rows = statuses(evidence, { origin: 'iis-log' }).filter((r) => r.timeTakenMs !== undefined);
  let best: StatusObservation | undefined;
  for (const row of rows) if (best === undefined || (row.timeTakenMs ?? 0) > (best.timeTakenMs ?? 0)) best = row;
  // The aggregate sees every row; the samples only some. Prefer the larger of the two.
  const maxAll = evidence.iisLog?.timeTaken['all']?.max;
  const bestMs = best?.timeTakenMs ?? 0;
  if (maxAll !== undefined && maxAll > bestMs * 1.02) return { seconds: maxAll / 1000 };
  if (best === undefined || best.timeTakenMs === undefined) return maxAll === undefined ? undefined : { seconds: maxAll / 1000 };
  return { seconds: best.timeTakenMs / 1000, ref: best.ref };
}

/**
 * How many IIS log rows had this `status.substatus` (the aggregate counts every row; the status
 * observations are only samples). Falls back to the sampled rows when no aggregate exists.
 */
export function iisRowCount(evidence: Evidence, status: number, substatus: number, sampled: number): number {
  return Math.max(evidence.iisLog?.byStatus[`${status}.${substatus}`] ?? 0, sampled);
}

/** How many 4xx/5xx IIS log rows carried one of these sc-win32-status values. */
export function iisWin32Count(evidence: Evidence, win32: readonly number[], sampled: number): number {
  const counted = win32.reduce((n, w) => n + (evidence.iisLog?.byWin32[String(w)] ?? 0), 0);
  return Math.max(counted, sampled);
}

/** True when anything shows an edge or proxy (so a bare 504 is not "unidentified"). */
function hasIdentifiedGateway(evidence: Evidence): boolean {
  return evidence.signals.some((s) =>
    ['cloudflare', 'aws-alb', 'alb-log', 'app-gateway', 'front-door', 'nginx-server', 'nginx-upstream', 'arr-proxy', 'freb-arr-routed'].includes(s.id),
  );
}

/**
 * 504s that nothing identifies: no gateway signal anywhere. A 504 is never produced by IIS or
 * ANCM, so such a status points at some proxy in front, but not at which one.
 */
export function unidentified504s(evidence: Evidence): StatusObservation[] {
  if (hasIdentifiedGateway(evidence)) return [];
  return statuses(evidence, { status: 504 });
}

/** Signals of one id whose `status` is one of these. */
export function signalsWithStatus<K extends 'aws-alb' | 'app-gateway' | 'front-door' | 'nginx-server'>(
  evidence: Evidence,
  id: K,
  wanted: readonly number[],
): Signal<K>[] {
  return signals(evidence, id).filter((s) => {
    const status = (s.data as SignalData[K] & { status?: number }).status;
    return status !== undefined && wanted.includes(status);
  });
}

/** "1 request" / "3 requests". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "line 12 of u_ex261120.log", for steps that point back at the evidence. */
export function where(ref: EvidenceRef): string {
  return `line ${ref.line} of ${ref.source}`;
}

/** Seconds for people, with one decimal below two minutes ("59.9 s", "2 min"). */
export function seconds(value: number): string {
  return formatSeconds(value);
}

/** The port of an upstream URL such as `http://127.0.0.1:5000/api` (undefined without one). */
export function upstreamPort(upstream: string | undefined): string | undefined {
  if (upstream === undefined) return undefined;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:\[[^\]]*\]|[^/:]*):(\d{1,5})/i.exec(upstream);
  return m?.[1];
}

/** The scheme, host and port of an upstream URL, without the path ("http://127.0.0.1:5000"). */
export function upstreamOrigin(upstream: string | undefined): string | undefined {
  if (upstream === undefined) return undefined;
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\s"]+)/i.exec(upstream);
  return m?.[1];
}

/**
 * The `error_info` an Application Gateway access-log line carries (`ERRORINFO_UPSTREAM_NO_LIVE`),
 * read from the line itself because the signal does not carry it. Linear scan.
 */
export function appGatewayErrorInfo(text: string): string | undefined {
  const at = text.indexOf('ERRORINFO_');
  if (at < 0) return undefined;
  let end = at + 'ERRORINFO_'.length;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    const upperOrUnderscore = (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
    if (!upperOrUnderscore) break;
    end += 1;
  }
  return text.slice(at, end);
}

/** The error_info of an Application Gateway signal: from its data, else read from its line. */
export function agwInfo(signal: Signal<'app-gateway'>): string | undefined {
  return signal.data.errorInfo ?? appGatewayErrorInfo(signal.ref.text);
}

/** True when this line sits in a pasted response-header block (so it says nothing about an error page). */
export function isHeaderLine(evidence: Evidence, ref: EvidenceRef): boolean {
  return evidence.headers.some(
    (set) => set.source === ref.source && Object.values(set.headers).some((values) => values.some((v) => v.ref.line === ref.line)),
  );
}

/** The time-taken a proxy log recorded on the same line as this ref, in seconds. */
export function secondsOnLine(evidence: Evidence, ref: EvidenceRef): number | undefined {
  const row = evidence.statuses.find((s) => s.ref.source === ref.source && s.ref.line === ref.line && s.timeTakenMs !== undefined);
  return row?.timeTakenMs === undefined ? undefined : row.timeTakenMs / 1000;
}
