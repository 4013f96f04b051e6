/**
 * How a prediction is scored against the corpus label: top-1 and top-3 family, cause accuracy
 * where the thread settled a cause the catalogue knows, abstentions, precision at high
 * confidence, Brier score and a reliability table (does 0.8 mean right 80% of the time?).
 */
import type { FamilyId } from '../src/vocabulary';
import type { Case } from './corpus';
import { COVERS, coversLabel } from './covers';

export interface Prediction {
  /** Families, best first, each once. Empty when nothing was recognized (an abstention). */
  families: FamilyId[];
  /** The top cause id, when a specific cause was named. */
  cause?: string;
  /** The stated confidence of the top answer, 0 when abstaining; undefined when the predictor states none. */
  confidence?: number;
  /** Families named as weak candidates even when abstaining (for top-3). */
  candidates?: FamilyId[];
}

export interface Scored {
  case: Case;
  prediction: Prediction;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface Summary {
  n: number;
  top1: number;
  top3: number;
  /** Share of cases with a known family where the predictor said nothing. */
  abstained: number;
  /** Cases whose thread settled a cause the catalogue holds or covers (covers.ts): named exactly, or covered. */
  cause: { n: number; correct: number; covered: number };
  /** Among answers stated with confidence >= 0.8: how many, how many right. */
  high: { n: number; correct: number };
  /** Mean squared error of the stated confidence against being right, over the answers given. */
  brier?: number;
  reliability: ReliabilityBin[];
}

const BINS = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];

export const right = (s: Scored): boolean => s.prediction.families[0] === s.case.family;
/** Right within the first three families named, weak candidates of an abstention included. */
export const rightIn3 = (s: Scored): boolean => (s.prediction.candidates ?? s.prediction.families).slice(0, 3).includes(s.case.family);

export function summarize(scored: readonly Scored[], knownCauses: ReadonlySet<string>): Summary {
  const n = scored.length;
  const answered = scored.filter((s) => s.prediction.families.length > 0);
  const stated = answered.filter((s) => s.prediction.confidence !== undefined);
  const judgeable = (label: string): boolean => knownCauses.has(label) || (COVERS[label] ?? []).some((id) => knownCauses.has(id));
  const withCause = scored.filter((s) => s.case.cause !== undefined && judgeable(s.case.cause));
  const high = stated.filter((s) => s.prediction.confidence! >= 0.8);
  const summary: Summary = {
    n,
    top1: scored.filter(right).length,
    top3: scored.filter(rightIn3).length,
    abstained: n - answered.length,
    cause: {
      n: withCause.length,
      correct: withCause.filter((s) => s.prediction.cause === s.case.cause).length,
      covered: withCause.filter((s) => coversLabel(s.case.cause, s.prediction.cause)).length,
    },
    high: { n: high.length, correct: high.filter(right).length },
    reliability: [],
  };
  if (stated.length > 0) {
    summary.brier = stated.reduce((sum, s) => sum + (s.prediction.confidence! - (right(s) ? 1 : 0)) ** 2, 0) / stated.length;
    for (let i = 0; i < BINS.length - 1; i += 1) {
      const inBin = stated.filter((s) => s.prediction.confidence! >= BINS[i]! && s.prediction.confidence! < BINS[i + 1]!);
      summary.reliability.push({
        from: BINS[i]!,
        to: Math.min(1, BINS[i + 1]!),
        count: inBin.length,
        meanConfidence: inBin.length === 0 ? 0 : inBin.reduce((sum, s) => sum + s.prediction.confidence!, 0) / inBin.length,
        accuracy: inBin.length === 0 ? 0 : inBin.filter(right).length / inBin.length,
      });
    }
  }
  return summary;
}

export function pct(part: number, whole: number): string {
  return whole === 0 ? '  -  ' : `${((100 * part) / whole).toFixed(0).padStart(3)}%`;
}
