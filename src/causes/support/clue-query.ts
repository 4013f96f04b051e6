/**
 * Queries over the evidence's clues (evidence/clues), for matchers that decide from what the
 * signatures and facts already recognized instead of re-reading the text. `cluesOf` is computed
 * once per evidence, so these are cheap to call from several causes.
 */
import type { Evidence, EvidenceRef } from '../../evidence/types';
import { cluesOf, type ClueSeen } from '../../evidence/clues';

/** One clue as seen in the evidence, or undefined. */
export function clue(evidence: Evidence, id: string): ClueSeen | undefined {
  return cluesOf(evidence).get(id);
}

/** The ids among `ids` that the evidence shows, in the order given. */
export function present(evidence: Evidence, ids: readonly string[]): string[] {
  const clues = cluesOf(evidence);
  return ids.filter((id) => clues.has(id));
}

/** True when the evidence shows any of these clues. */
export function anyOf(evidence: Evidence, ids: readonly string[]): boolean {
  return present(evidence, ids).length > 0;
}

/** The lines of these clues, in the order given, each line once. */
export function clueRefs(evidence: Evidence, ids: readonly string[]): EvidenceRef[] {
  const clues = cluesOf(evidence);
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const id of ids) {
    for (const ref of clues.get(id)?.refs ?? []) {
      const key = `${ref.source}\u0000${ref.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ref);
    }
  }
  return out;
}

/** The values these clues pulled out of their lines, in the order given, each once. */
export function clueValues(evidence: Evidence, ids: readonly string[]): string[] {
  const clues = cluesOf(evidence);
  return [...new Set(ids.flatMap((id) => clues.get(id)?.values ?? []))];
}

/** True when one of the lines contains one of the fragments (lower-case fragments; linear scans). */
export function linesSay(refs: readonly EvidenceRef[], fragments: readonly string[]): boolean {
  return refs.some((r) => {
    const text = r.text.toLowerCase();
    return fragments.some((f) => text.includes(f));
  });
}
