/**
 * Turns a posterior into a confidence that means what it says: fitted on the dev split of the
 * real-case corpus (eval/fit.ts) so that answers given with 0.8 are right about 80% of the time.
 * Platt scaling, two parameters per scale: few enough to fit on a small corpus without learning
 * its noise, and monotone, so it never changes the ranking.
 *
 * Two scales, because they answer two questions: `family` ("is this where to look?": the
 * diagnosis's answer, and each family-level answer, which claims no more) and `cause` ("is this
 * the cause?": each specific cause listed).
 */
import fitted from './calibration.json';

export interface CalibrationParameters {
  a: number;
  b: number;
}

export type CalibrationScale = 'family' | 'cause';

const EPSILON = 1e-6;

export function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The calibrated confidence of a posterior, rounded to two decimals. */
export function calibrate(posterior: number, scale: CalibrationScale, parameters: CalibrationParameters = fitted[scale]): number {
  if (posterior <= 0) return 0;
  return Math.round(sigmoid(parameters.a * logit(posterior) + parameters.b) * 100) / 100;
}
