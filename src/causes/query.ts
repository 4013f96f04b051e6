/**
 * Small, pure queries over Evidence shared by the cause matchers, so each cause file reads as
 * "which facts prove me" rather than as loops.
 */
import type {
  CodeObservation,
  EventFamily,
  Evidence,
  EvidenceKind,
  EvidenceRef,
  Signal,
  SignalData,
  SignalId,
  StatusObservation,
  WindowsEvent,
} from '../evidence/types';
import { valueNamed } from '../evidence/config-facts';

/** Every signal with this id, in input order. */
export function signals<K extends SignalId>(evidence: Evidence, id: K): Signal<K>[] {
  return evidence.signals.filter((s): s is Signal<K> => s.id === id);
}

/** Signals with this id whose data passes the predicate. */
export function signalsWhere<K extends SignalId>(
  evidence: Evidence,
  id: K,
  predicate: (data: SignalData[K]) => boolean,
): Signal<K>[] {
  return signals(evidence, id).filter((s) => predicate(s.data));
}

interface StatusFilter {
  status?: number | number[];
  substatus?: number | number[];
  win32?: number | number[];
  origin?: EvidenceKind | EvidenceKind[];
}

function matchesOne(value: number | undefined, wanted: number | number[] | undefined): boolean {
  if (wanted === undefined) return true;
  if (value === undefined) return false;
  return Array.isArray(wanted) ? wanted.includes(value) : value === wanted;
}

/** Status observations (IIS rows, FREB, pages, headers, prose) that fit the filter. */
export function statuses(evidence: Evidence, filter: StatusFilter = {}): StatusObservation[] {
  const origins = filter.origin === undefined ? undefined : ([] as EvidenceKind[]).concat(filter.origin);
  return evidence.statuses.filter(
    (s) =>
      matchesOne(s.status, filter.status) &&
      matchesOne(s.substatus, filter.substatus) &&
      matchesOne(s.win32, filter.win32) &&
      (origins === undefined || origins.includes(s.origin)),
  );
}

/** Decoded codes whose Win32 value (or canonical spelling, for exception codes) is one of these. */
export function codes(evidence: Evidence, ...wanted: (number | string)[]): CodeObservation[] {
  return evidence.codes.filter((c) =>
    wanted.some((w) => (typeof w === 'number' ? c.win32 === w : c.code.toLowerCase() === w.toLowerCase())),
  );
}

/** Windows events from this family, optionally only these ids. */
export function events(evidence: Evidence, family: EventFamily, ids?: number[]): WindowsEvent[] {
  return evidence.events.filter((e) => e.family === family && (ids === undefined || ids.includes(e.id)));
}

/** True when any input segment was of this kind. */
export function hasKind(evidence: Evidence, kind: EvidenceKind): boolean {
  return evidence.inputs.some((i) => i.kinds.includes(kind));
}

/** The refs of a list of facts, deduplicated by source and line, in order, at most `limit`. */
export function refsOf(items: readonly ({ ref: EvidenceRef } | EvidenceRef)[], limit = 8): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const item of items) {
    const ref = 'ref' in item ? item.ref : item;
    const key = `${ref.source}\u0000${ref.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
    if (out.length >= limit) break;
  }
  return out;
}

/** The IIS sample rows that fit the filter (the aggregate keeps examples of each 5xx group). */
export function iisRows(evidence: Evidence, filter: StatusFilter = {}): StatusObservation[] {
  return statuses(evidence, { ...filter, origin: 'iis-log' });
}

/** "120 s", "2 min", "1 h 30 min": a duration for people. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds * 10) / 10} s`;
  const minutes = seconds / 60;
  if (minutes < 120) return `${Math.round(minutes * 10) / 10} min`;
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

/** The `<aspNetCore>` attribute as written in the first pasted web.config that has the element. */
export function aspNetCoreAttribute(evidence: Evidence, name: string): { value: string; line: number; source: string } | undefined {
  for (const config of evidence.webConfigs) {
    const found = valueNamed(config.aspNetCore?.attributes, name);
    if (found) return { value: found.value, line: found.line, source: config.source };
  }
  return undefined;
}

/** The hosting model from a pasted web.config: `inprocess`, `outofprocess` (the default) or undefined without one. */
export function hostingModel(evidence: Evidence): 'inprocess' | 'outofprocess' | undefined {
  const config = evidence.webConfigs.find((c) => c.aspNetCore !== undefined);
  if (!config) return undefined;
  const value = aspNetCoreAttribute(evidence, 'hostingModel')?.value.toLowerCase();
  return value === 'inprocess' ? 'inprocess' : 'outofprocess';
}
