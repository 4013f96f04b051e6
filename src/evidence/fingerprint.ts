/**
 * The key clues of an incident, so the team's memory can tell "this is the 502 we had in
 * November" from "another 502": the dominant 5xx status, the Win32 code behind it, the Windows
 * events that matter, the first .NET exception type, and where it happened (URL, app pool). Pure:
 * evidence in, plain values out; the cause that won is added by diagnose.ts, which knows it.
 */
import type { Evidence, EventFamily } from './types';

export interface FingerprintClues {
  /** `502.3`, or `502` when no substatus was seen. */
  status?: string;
  /** Decimal Win32 code (`12002`). */
  win32?: string;
  /** Sorted, distinct `family:id` of the events that explain 502s (`ancm:1011`, `was:5011`). */
  events?: string[];
  /** The first .NET exception type named (`System.IO.IOException`). */
  exception?: string;
  /** The most common URL among the 5xx statuses. */
  url?: string;
}

/** Only what a 502 hangs on: noise such as W3SVC-WP or WER events would split one incident into many. */
const EVENT_FAMILIES: ReadonlySet<EventFamily> = new Set(['ancm', 'was', 'dotnet-runtime', 'application-error']);
const EXCEPTION_CLUES = ['dotnet.unhandled-exception', 'dotnet.exception', 'ancm.managed-exception'];
const EXCEPTION_TYPE = /\b((?:[A-Z][A-Za-z0-9_]*\.)+[A-Z][A-Za-z0-9_]*Exception)\b/;

/** The value seen most often (ties: the one seen first). */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

export function fingerprintClues(evidence: Evidence): FingerprintClues {
  const out: FingerprintClues = {};
  const failed = evidence.statuses.filter((s) => s.status >= 500 && s.status <= 599);
  const status = mostCommon(failed.map((s) => (s.substatus === undefined ? String(s.status) : `${s.status}.${s.substatus}`)));
  if (status) out.status = status;
  // The Win32 code of the dominant status's rows first: it is what IIS said about those 502s.
  const win32 =
    mostCommon(failed.filter((s) => s.win32 !== undefined && s.win32 !== 0).map((s) => String(s.win32))) ??
    mostCommon(evidence.codes.filter((c) => c.win32 !== undefined && c.win32 !== 0).map((c) => String(c.win32)));
  if (win32) out.win32 = win32;
  const events = [...new Set(evidence.events.filter((e) => EVENT_FAMILIES.has(e.family)).map((e) => `${e.family}:${e.id}`))].sort();
  if (events.length > 0) out.events = events;
  const exception = firstException(evidence);
  if (exception) out.exception = exception;
  const url = mostCommon(failed.flatMap((s) => (s.url ? [s.url.toLowerCase()] : [])));
  if (url) out.url = url;
  return out;
}

function firstException(evidence: Evidence): string | undefined {
  for (const hit of evidence.clues) {
    if (!EXCEPTION_CLUES.includes(hit.clue) || hit.narrative) continue;
    const type = (hit.value && EXCEPTION_TYPE.exec(hit.value)?.[1]) ?? EXCEPTION_TYPE.exec(hit.ref.text)?.[1];
    if (type) return type;
  }
  return undefined;
}

/** The parts of a fingerprint two incidents are compared on. */
export interface Comparable {
  key: string;
  pool?: string;
  url?: string;
}

/** One canonical string: the same clues always give the same key, whatever order they were seen in. */
export function fingerprintKey(cause: string, clues: FingerprintClues): string {
  return [cause, clues.status ?? '-', clues.win32 ?? '-', (clues.events ?? []).join(',') || '-', clues.exception ?? '-'].join('|');
}

/**
 * Same incident: the same cause and key clues, and no known place that differs. An app pool or a
 * URL seen only once of the two says nothing against the match; two different ones do.
 */
export function sameIncident(a: Comparable, b: Comparable): boolean {
  if (a.key !== b.key) return false;
  if (a.pool && b.pool && a.pool.toLowerCase() !== b.pool.toLowerCase()) return false;
  if (a.url && b.url && a.url !== b.url) return false;
  return true;
}
