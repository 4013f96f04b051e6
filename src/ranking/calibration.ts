/**
 * Turns a posterior into a confidence that means what it says: fitted on the dev split of the
 * real-case corpus (eval/fit.ts) so that answers given with 0.8 are right about 80% of the time.
 * Platt scaling (a logistic curve of the posterior's log-odds), two parameters per scale: few
 * enough to fit on a small corpus without learning its noise, stable when the corpus grows by a
 * few cases, and monotone, so it never changes the ranking. (Isotonic regression was tried: it
 * follows the dev split closer and moves by whole steps whenever a case is added.)
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

/** Never 1: the corpus is small, and pasted evidence never proves beyond doubt. */
const CEILING = 0.99;

/** The calibrated confidence of the answer's posterior, rounded to two decimals. */
export function calibrate(posterior: number, scale: CalibrationScale, parameters: CalibrationParameters = fitted[scale]): number {
  if (posterior <= 0) return 0;
  return Math.round(Math.min(CEILING, sigmoid(parameters.a * logit(posterior) + parameters.b)) * 100) / 100;
}

/** Minimizes the log loss of sigmoid(a·logit(p) + b) by Newton's method (2×2, a few iterations). For eval/fit.ts. */
export function fitPlatt(samples: readonly { x: number; y: number }[]): CalibrationParameters {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (const s of samples) {
      const x = logit(s.x);
      const p = sigmoid(a * x + b);
      const w = p * (1 - p);
      ga += (p - s.y) * x;
      gb += p - s.y;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
}

/**
 * The confidences of everything listed beside the answer: the answer is calibrated, and the rest
 * share what it leaves in proportion to their posteriors, so that mutually exclusive answers never
 * add up to more than certainty (before each is rounded to 0.01, which can add a point or two).
 * Never above the answer's own.
 */
export function besideAnswer(posterior: number, answerPosterior: number, answerConfidence: number): number {
  if (answerPosterior >= 1) return 0;
  const share = (posterior * (1 - answerConfidence)) / (1 - answerPosterior);
  return Math.round(Math.min(answerConfidence, Math.max(0, share)) * 100) / 100;
}
