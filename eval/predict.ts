/**
 * Turns the engine's diagnosis of a case into a prediction to score: the families of the ranked
 * causes (each once, best first), the top cause and its confidence. Nothing recognized is an
 * abstention.
 */
import { diagnose } from '../src/diagnose';
import type { FamilyId } from '../src/vocabulary';
import type { Case } from './corpus';
import { baselineFamilies } from './baseline';
import type { Prediction, Scored } from './metrics';

/**
 * The engine's answer to one case. When "unknown" wins the engine says it recognized no known
 * cause: an abstention, even if it lists weak candidates (they still count for top-3).
 */
export function enginePrediction(evidence: string): Prediction & { candidates: FamilyId[] } {
  const d = diagnose([{ source: 'paste', text: evidence, slack: 'auto' }]);
  const candidates: FamilyId[] = [];
  for (const c of d.causes) if (!candidates.includes(c.family)) candidates.push(c.family);
  if (d.answer.kind === 'unknown') return { families: [], candidates, confidence: 0 };
  const top = d.causes[0];
  return { families: candidates, candidates, ...(top && d.answer.kind === 'cause' ? { cause: top.id } : {}), confidence: d.answer.confidence };
}

export function baselinePrediction(evidence: string): Prediction {
  return { families: baselineFamilies(evidence) };
}

export interface Evaluation {
  engine: Scored[];
  baseline: Scored[];
}

export function evaluate(cases: readonly Case[]): Evaluation {
  return {
    engine: cases.map((c) => ({ case: c, prediction: enginePrediction(c.evidence) })),
    baseline: cases.map((c) => ({ case: c, prediction: baselinePrediction(c.evidence) })),
  };
}
