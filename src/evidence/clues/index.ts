/**
 * Every clue of a piece of evidence in one place: what the signatures saw on its lines, what the
 * parsed facts stand for (from-facts.ts), and what follows from both (derived.ts), grouped by clue
 * id with the first lines that show each. The scoring module and the causes read clues from here.
 */
import type { Evidence, EvidenceRef } from '../types';
import type { ClueHit } from '../signatures/types';
import { derivedClues } from './derived';
import { factClues } from './from-facts';

export interface ClueSeen {
  refs: EvidenceRef[];
  narrative: boolean;
  values: string[];
}

/** Lines kept per clue, as proof. */
const REFS_PER_CLUE = 3;

/** Evidence is immutable once collected: its clues are worked out once, whoever asks first. */
const CACHE = new WeakMap<Evidence, ReadonlyMap<string, ClueSeen>>();

/**
 * Every clue of the evidence (signatures, facts, derived), grouped by id with its first lines.
 * The scoring module and any cause's matcher may ask; the work is done once per evidence.
 */
export function cluesOf(evidence: Evidence): ReadonlyMap<string, ClueSeen> {
  let clues = CACHE.get(evidence);
  if (!clues) {
    clues = collectClues(evidence);
    CACHE.set(evidence, clues);
  }
  return clues;
}

function collectClues(evidence: Evidence): Map<string, ClueSeen> {
  const hits: ClueHit[] = [...evidence.clues, ...factClues(evidence)];
  hits.push(...derivedClues(hits));
  const seen = new Map<string, ClueSeen>();
  for (const hit of hits) {
    let entry = seen.get(hit.clue);
    if (!entry) {
      entry = { refs: [], narrative: hit.narrative === true, values: [] };
      seen.set(hit.clue, entry);
    }
    if (entry.refs.length < REFS_PER_CLUE && !entry.refs.some((r) => r.source === hit.ref.source && r.line === hit.ref.line)) entry.refs.push(hit.ref);
    if (hit.value !== undefined && entry.values.length < 20 && !entry.values.includes(hit.value)) entry.values.push(hit.value);
  }
  return seen;
}

