/**
 * Whether one input of a collection told anything about a 502: a thread is read as a whole, and
 * this says whether the newest message added evidence or was only talk between people.
 */
import type { Evidence } from './types';

/** True when the input named `source` produced at least one fact. */
export function hasFactsFrom(evidence: Evidence, source: string): boolean {
  const from = (ref: { source: string }): boolean => ref.source === source;
  return (
    evidence.statuses.some((s) => from(s.ref)) ||
    evidence.codes.some((c) => from(c.ref)) ||
    evidence.events.some((e) => from(e.ref)) ||
    evidence.signals.some((s) => from(s.ref)) ||
    evidence.webConfigs.some(from) ||
    evidence.appPools.some(from) ||
    evidence.headers.some(from) ||
    evidence.freb.some(from) ||
    evidence.inputs.some((i) => from(i) && i.kinds.includes('iis-log')) ||
    // A line a team's house rule recognized is evidence by their say-so, even in a format
    // (their load balancer's log) that no built-in parser reads.
    evidence.clues.some((c) => c.ref.house !== undefined && from(c.ref))
  );
}
