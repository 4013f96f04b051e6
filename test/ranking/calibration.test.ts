/**
 * Calibration turns posteriors into confidences that mean what they say (ranking/calibration.ts).
 * These pin the fit and the curve, not calibration.json's numbers: the fit must find parameters
 * that are there to find, and any fitted curve must keep the ranking, stay below certainty and
 * leave room for the answers listed beside the answer.
 */
import fc from 'fast-check';
import fitted from '../../src/ranking/calibration.json';
import { besideAnswer, calibrate, fitPlatt, logit, sigmoid, type CalibrationParameters } from '../../src/ranking/calibration';

/**
 * Answered cases whose outcome follows sigmoid(a·logit(x) + b) exactly: at each posterior, 200
 * cases of which the right share (rounded) are right, as a corpus would be if the curve were true.
 */
function samplesOf({ a, b }: CalibrationParameters): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let x = 0.05; x < 0.999; x += 0.05) {
    const right = Math.round(200 * sigmoid(a * logit(x) + b));
    for (let i = 0; i < 200; i += 1) out.push({ x, y: i < right ? 1 : 0 });
  }
  return out;
}

const SCALES = ['family', 'cause'] as const;
/** Posteriors from 0 to 1 in steps of 0.001. */
const GRID = Array.from({ length: 1001 }, (_, i) => i / 1000);

describe('fitPlatt', () => {
  it.each([
    { a: 1, b: 0 },
    { a: 0.6473, b: 1.0697 },
    { a: 0.5785, b: 0.2731 },
    { a: 1.8, b: -0.9 },
  ])('recovers a = $a, b = $b from the outcomes that curve produces', (truth) => {
    const fit = fitPlatt(samplesOf(truth));
    expect(Math.abs(fit.a - truth.a)).toBeLessThan(0.03);
    expect(Math.abs(fit.b - truth.b)).toBeLessThan(0.03);
  });

  it('finds an overconfident engine out: right half the time whatever it says gives a ≈ 0, b ≈ 0', () => {
    const samples = GRID.filter((_, i) => i >= 50 && i <= 950 && i % 50 === 0).flatMap((x) => [
      { x, y: 1 },
      { x, y: 0 },
    ]);
    const fit = fitPlatt(samples);
    expect(Math.abs(fit.a)).toBeLessThan(0.01);
    expect(Math.abs(fit.b)).toBeLessThan(0.01);
  });
});

describe('calibrate', () => {
  it.each(SCALES)('never lowers a better posterior, on the fitted %s scale', (scale) => {
    const curve = GRID.map((p) => calibrate(p, scale));
    for (let i = 1; i < curve.length; i += 1) expect({ p: GRID[i], drop: curve[i]! < curve[i - 1]! }).toEqual({ p: GRID[i], drop: false });
  });

  it.each(SCALES)('stays at or below 0.99, even for a posterior of 1, on the fitted %s scale', (scale) => {
    expect(Math.max(...GRID.map((p) => calibrate(p, scale)))).toBeLessThanOrEqual(0.99);
    expect(calibrate(1, scale)).toBe(0.99);
  });

  it.each(SCALES)('says 0 for a posterior of 0 (and below), on the fitted %s scale', (scale) => {
    expect(calibrate(0, scale)).toBe(0);
    expect(calibrate(-0.1, scale)).toBe(0);
  });

  it('is monotone, at most 0.99 and 0 at 0 for any increasing curve a refit could produce', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const c = (x: number): number => calibrate(x, 'cause', { a, b });
        return c(lo) <= c(hi) && c(hi) <= 0.99 && c(0) === 0;
      }),
    );
  });

  it('reads calibration.json as fitted, for each scale', () => {
    expect(calibrate(0.5, 'family')).toBe(Math.round(sigmoid(fitted.family.b) * 100) / 100);
    expect(calibrate(0.5, 'cause')).toBe(Math.round(sigmoid(fitted.cause.b) * 100) / 100);
  });
});

describe('besideAnswer', () => {
  /** A ranking's posteriors: the answer's first, best first, all together at most 1. */
  const rankings = fc
    .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 9 })
    .chain((weights) => fc.tuple(fc.constant(weights), fc.double({ min: 0, max: 1, noNaN: true })))
    .map(([weights, unknownWeight]) => {
      const total = weights.reduce((s, w) => s + w, 0) + unknownWeight;
      return weights.map((w) => w / total).sort((x, y) => y - x);
    });

  it("never gives a cause listed beside the answer more than the answer's own confidence", () => {
    fc.assert(
      fc.property(rankings, fc.constantFrom(...SCALES), (posteriors, scale) => {
        const [answer, ...others] = posteriors as [number, ...number[]];
        const confidence = calibrate(answer, scale);
        return others.every((p) => besideAnswer(p, answer, confidence) <= confidence);
      }),
    );
  });

  it('shares what the answer leaves, so the listed confidences add up to at most 1 (before rounding each to 0.01)', () => {
    fc.assert(
      fc.property(rankings, fc.constantFrom(...SCALES), (posteriors, scale) => {
        const [answer, ...others] = posteriors as [number, ...number[]];
        const confidence = calibrate(answer, scale);
        const beside = others.map((p) => besideAnswer(p, answer, confidence));
        // Each number is rounded to two decimals on its own, so each may carry half a point up.
        return confidence + beside.reduce((s, c) => s + c, 0) <= 1 + 0.005 * beside.length + 1e-9;
      }),
    );
  });

  it('gives nothing beside an answer the posterior is certain of', () => {
    expect(besideAnswer(0, 1, 0.99)).toBe(0);
  });

  it('gives an answer of equal posterior no more than the answer', () => {
    // Two causes at 0.45 each: the second cannot be stated above the first.
    expect(besideAnswer(0.45, 0.45, 0.3)).toBe(0.3);
  });
});
