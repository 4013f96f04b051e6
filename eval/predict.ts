/**
 * Turns the engine's diagnosis of a case into a prediction to score: the families of the ranked
 * causes (each once, best first), the top cause and its confidence. Nothing recognized is an
 * abstention.
 */
import { diagnose } from '../src/diagnose';
import type { FamilyId } from '../src/causes/families';
import type { Case } from './corpus';
import { baselineFamilies } from './baseline';
import type { Prediction, Scored } from './metrics';

export function enginePrediction(evidence: string): Prediction {
  const d = diagnose([{ source: 'paste', text: evidence, slack: 'auto' }]);
  const families: FamilyId[] = [];
  for (const c of d.causes) if (!families.includes(c.family)) families.push(c.family);
  const top = d.causes[0];
  return { families, ...(top ? { cause: top.id } : {}), confidence: top?.confidence ?? 0 };
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
