/**
 * A fixed-size log-bucket histogram of time-taken values (milliseconds).
 *
 * A million-row log cannot keep every time-taken to sort it, so each value only increments a
 * bucket. Values below 128 ms get a bucket each (exact); above that every power of two is cut in
 * 64 buckets, so a bucket is at most 1/64 (1.6 %) as wide as the values it holds and the
 * reported midpoint is within 0.8 % of any value in it. Memory is the same 1,728 counters whether
 * the log has ten rows or ten million.
 */
import type { TimingSummary } from '../../types';

/** Buckets per power of two above the exact range (6 bits of mantissa). */
const SUB_BUCKETS = 64;
/** Values below this have a bucket of their own. */
const EXACT_LIMIT = 2 * SUB_BUCKETS;
/** Largest value a bucket can hold; anything larger is clamped (49 days in milliseconds). */
export const HISTOGRAM_MAX_VALUE = 0xffffffff;
/** Bucket count: 128 exact + 25 octaves (2^7 .. 2^32) of 64 buckets. */
const BUCKETS = SUB_BUCKETS * 27;

/** The bucket of a non-negative integer value. */
export function bucketOf(value: number): number {
  const v = value >= HISTOGRAM_MAX_VALUE ? HISTOGRAM_MAX_VALUE : value >>> 0;
  if (v < EXACT_LIMIT) return v;
  // The highest set bit tells the octave; keep the top 7 bits (64..127) as the position in it.
  const shift = 31 - Math.clz32(v) - 6;
  return SUB_BUCKETS * shift + (v >>> shift);
}

/** The smallest and largest value that fall in a bucket. */
export function bucketRange(bucket: number): { low: number; high: number } {
  if (bucket < EXACT_LIMIT) return { low: bucket, high: bucket };
  const shift = Math.floor(bucket / SUB_BUCKETS) - 1;
  const top = bucket - SUB_BUCKETS * shift;
  const width = 2 ** shift;
  const low = top * width;
  return { low, high: low + width - 1 };
}

/** Time-taken distribution of one group of rows, in constant memory. */
export class LogHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private total = 0;
  private min = Infinity;
  private max = 0;

  /** Records one value (milliseconds); negative or non-finite values are ignored. */
  record(value: number): void {
    if (!(value >= 0)) return;
    const bucket = bucketOf(value);
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.total += 1;
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
  }

  get count(): number {
    return this.total;
  }

  /**
   * The value at quantile `q` (0..1): the midpoint of the bucket holding the ceil(q * count)-th
   * smallest value, kept within the exact minimum and maximum seen. 0 when empty.
   */
  percentile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.min(this.total, Math.max(1, Math.ceil(q * this.total)));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b += 1) {
      seen += this.counts[b] ?? 0;
      if (seen >= rank) {
        const { low, high } = bucketRange(b);
        const mid = Math.round((low + high) / 2);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  /** count, p50, p95, p99 and the exact max. */
  summary(): TimingSummary {
    return {
      count: this.total,
      p50: this.percentile(0.5),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      max: this.max,
    };
  }
}
