import fc from 'fast-check';
import { HISTOGRAM_MAX_VALUE, LogHistogram, bucketOf, bucketRange } from '../../../../src/evidence/parsers/iis-log/histogram';

describe('LogHistogram buckets', () => {
  it('gives every value below 128 a bucket of its own', () => {
    for (let v = 0; v < 128; v += 1) expect(bucketRange(bucketOf(v))).toEqual({ low: v, high: v });
  });

  it('puts every value inside its bucket, buckets in order, none wider than 1/64 of its low end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: HISTOGRAM_MAX_VALUE }), (v) => {
        const b = bucketOf(v);
        const { low, high } = bucketRange(b);
        expect(low).toBeLessThanOrEqual(v);
        expect(high).toBeGreaterThanOrEqual(v);
        if (low >= 128) expect((high - low + 1) / low).toBeLessThanOrEqual(1 / 64);
        if (v > 0) expect(bucketOf(v - 1)).toBeLessThanOrEqual(b);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no gap between consecutive buckets', () => {
    for (let b = 1; b < bucketOf(HISTOGRAM_MAX_VALUE); b += 1) expect(bucketRange(b).low).toBe(bucketRange(b - 1).high + 1);
  });

  it('clamps values above the range instead of overflowing', () => {
    expect(bucketOf(1e15)).toBe(bucketOf(HISTOGRAM_MAX_VALUE));
  });
});

describe('LogHistogram percentiles', () => {
  it('is exact for small values and keeps the exact max', () => {
    const h = new LogHistogram();
    for (const v of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) h.record(v);
    expect(h.summary()).toEqual({ count: 10, p50: 5, p95: 10, p99: 10, max: 10 });
  });

  it('stays within 1 % of the true percentile for large values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 128, max: 10_000_000 }), { minLength: 1, maxLength: 500 }), fc.constantFrom(0.5, 0.95, 0.99), (values, q) => {
        const h = new LogHistogram();
        values.forEach((v) => h.record(v));
        const sorted = [...values].sort((a, b) => a - b);
        const truth = sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1] ?? 0;
        expect(Math.abs(h.percentile(q) - truth) / truth).toBeLessThanOrEqual(0.01);
      }),
    );
  });

  it('ignores negative and non-numeric values and reports 0 when empty', () => {
    const h = new LogHistogram();
    h.record(-1);
    h.record(Number.NaN);
    expect(h.summary()).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
