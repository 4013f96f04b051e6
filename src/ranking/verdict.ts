/**
 * The verdict of a ranking, decided family first (where to look), then the best answer within the
 * family: a family whose mass is spread over several causes still beats "unknown" when it
 * outweighs it. diagnose.ts answers from it and eval/fit.ts calibrates it, so both read the
 * same verdict.
 */
import type { FamilyId } from '../vocabulary';
import type { RankedHypothesis, Ranking } from './rank';
import { STEPS } from './steps';

/** Below this a hypothesis is noise, not a candidate worth showing. */
const MIN_POSTERIOR = 0.02;

export interface Verdict {
  /** The causes worth listing, best first: some clue spoke for them and they are not noise. */
  candidates: RankedHypothesis[];
  /** The family the evidence points at; undefined when "unknown" wins. */
  family?: { family: FamilyId; posterior: number };
  /** The best hypothesis of that family: the answer (a cause, or the family-level answer). */
  lead?: RankedHypothesis;
}

export function verdictOf(ranking: Ranking): Verdict {
  const candidates = ranking.ranked.filter((h) => h.cause && h.votes.some((v) => STEPS[v.step] > 0) && h.posterior >= MIN_POSTERIOR);
  const best = ranking.families[0];
  if (!best || ranking.unknown >= best.posterior) return { candidates };
  const lead = candidates.find((h) => h.family === best.family);
  return lead ? { candidates, family: best, lead } : { candidates };
}
