/**
 * Turns a posterior into a confidence that means what it says: fitted on the dev split of the
 * real-case corpus (eval/fit.ts) so that answers given with 0.8 are right about 80% of the time.
 *
 * Isotonic regression (pool adjacent violators), kept as a few knots and read by linear
 * interpolation between them: monotone, so it never changes the ranking, and free of the shape a
 * two-parameter curve would impose (on dev, answers below a 0.3 posterior are right a third of
 * the time, above 0.5 nine times in ten: a logistic curve cannot bend like that).
 *
 * Two scales, because they answer two questions: `family` ("is this where to look?": the
 * diagnosis's answer, and each family-level answer, which claims no more) and `cause` ("is this
 * the cause?": each specific cause listed).
 */
import fitted from './calibration.json';

/** Points (posterior, how often right) the curve passes through, posterior ascending. */
export type Knots = readonly (readonly [number, number])[];

export type CalibrationScale = 'family' | 'cause';

const SCALES = fitted as unknown as Record<CalibrationScale, Knots>;

/** Never 0 or 1: the corpus is small, and pasted evidence never proves beyond doubt. */
const FLOOR = 0.02;
const CEILING = 0.98;

/** The calibrated confidence of the answer's posterior, rounded to two decimals. */
export function calibrate(posterior: number, scale: CalibrationScale, knots: Knots = SCALES[scale]): number {
  if (posterior <= 0) return 0;
  let value: number;
  if (knots.length === 0) value = posterior;
  else if (posterior <= knots[0]![0]) value = knots[0]![1] * (posterior / knots[0]![0]);
  else if (posterior >= knots[knots.length - 1]![0]) {
    const [x, y] = knots[knots.length - 1]!;
    value = x >= 1 ? y : y + ((CEILING - y) * (posterior - x)) / (1 - x);
  } else {
    let i = 1;
    while (knots[i]![0] < posterior) i += 1;
    const [x0, y0] = knots[i - 1]!;
    const [x1, y1] = knots[i]!;
    value = y0 + ((y1 - y0) * (posterior - x0)) / (x1 - x0);
  }
  return Math.round(Math.min(CEILING, Math.max(FLOOR, value)) * 100) / 100;
}

/**
 * The confidences of everything listed beside the answer: the answer is calibrated, and the rest
 * share what it leaves in proportion to their posteriors, so that mutually exclusive answers never
 * add up to more than certainty. Never above the answer's own.
 */
export function besideAnswer(posterior: number, answerPosterior: number, answerConfidence: number): number {
  if (answerPosterior >= 1) return 0;
  const share = (posterior * (1 - answerConfidence)) / (1 - answerPosterior);
  return Math.round(Math.min(answerConfidence, Math.max(0, share)) * 100) / 100;
}

/**
 * Pool adjacent violators: the non-decreasing step function closest (least squares) to the
 * samples, returned as knots at the middle of each block. For eval/fit.ts.
 */
export function fitIsotonic(samples: readonly { x: number; y: number }[], minBlock = 5): [number, number][] {
  const sorted = [...samples].sort((a, b) => a.x - b.x);
  const blocks: { sumX: number; sumY: number; n: number }[] = [];
  for (const s of sorted) {
    blocks.push({ sumX: s.x, sumY: s.y, n: 1 });
    // Merge while the last block breaks monotonicity or is too small to trust.
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sumY / prev.n < last.sumY / last.n && prev.n >= minBlock) break;
      blocks.pop();
      prev.sumX += last.sumX;
      prev.sumY += last.sumY;
      prev.n += last.n;
    }
  }
  // A small last block joins the one before it.
  while (blocks.length > 1 && blocks[blocks.length - 1]!.n < minBlock) {
    const last = blocks.pop()!;
    const prev = blocks[blocks.length - 1]!;
    prev.sumX += last.sumX;
    prev.sumY += last.sumY;
    prev.n += last.n;
  }
  return blocks.map((b) => [Math.round((b.sumX / b.n) * 1e4) / 1e4, Math.round((b.sumY / b.n) * 1e4) / 1e4]);
}
