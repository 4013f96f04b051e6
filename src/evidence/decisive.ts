/**
 * The line that decides, not the header above it. Matchers and clue votes point at the line where
 * a thing was recognized, which for some evidence is a header: an event's `Event ID:` line, an IIS
 * page's title. A person wants the line that says what happened: the event's message, the
 * `Error Code` line of a 500.19 page, the first frame of their own code under an exception, the
 * frame a stack overflow repeats. This swaps or adds those lines, keeping each one's clue.
 */
import type { Evidence, EvidenceRef, Signal } from './types';

const key = (ref: EvidenceRef): string => `${ref.source}\u0000${ref.line}`;

/** For each header line, the lines to quote instead (first) or beside it. */
interface Decisive {
  /** Quote these instead of the header. */
  instead: Map<string, EvidenceRef>;
  /** Quote these just before the header line. */
  before: Map<string, EvidenceRef>;
  /** Quote these just after the line. */
  after: Map<string, EvidenceRef>;
}

const cache = new WeakMap<Evidence, Decisive>();

function decisiveOf(evidence: Evidence): Decisive {
  const known = cache.get(evidence);
  if (known) return known;
  const found: Decisive = { instead: new Map(), before: new Map(), after: new Map() };
  for (const event of evidence.events) {
    if (key(event.messageRef) !== key(event.ref) && event.messageRef.text.trim().length > 0) found.instead.set(key(event.ref), event.messageRef);
  }
  for (const signal of evidence.signals) {
    if (signal.id === 'iis-error-page') {
      const code = (signal as Signal<'iis-error-page'>).data.errorCodeRef;
      if (code) found.before.set(key(signal.ref), code);
    }
    if (signal.id === 'exception-frame') found.after.set(key((signal as Signal<'exception-frame'>).data.exceptionRef), signal.ref);
  }
  cache.set(evidence, found);
  return found;
}

/** The refs with headers swapped for the lines that decide, each line once, order kept. */
export function decisiveRefs<R extends EvidenceRef>(refs: readonly R[], evidence: Evidence): R[] {
  const d = decisiveOf(evidence);
  if (d.instead.size === 0 && d.before.size === 0 && d.after.size === 0) return [...refs];
  const out: R[] = [];
  const seen = new Set<string>();
  const push = (ref: R): void => {
    if (seen.has(key(ref))) return;
    seen.add(key(ref));
    out.push(ref);
  };
  for (const ref of refs) {
    const k = key(ref);
    const before = d.before.get(k);
    if (before) push({ ...ref, ...before });
    const instead = d.instead.get(k);
    push(instead ? { ...ref, ...instead } : ref);
    const after = d.after.get(k);
    if (after) push({ ...ref, ...after });
  }
  return out;
}
