/**
 * Estimates how many distinct strings went by, in 4 KB whatever their number (HyperLogLog with
 * 4,096 registers, about 1.6 % standard error; below ~10,000 items linear counting is used, which
 * is nearly exact). The IIS aggregate uses it for "how many different URLs failed" once there are
 * too many URLs to remember them all.
 */

const PRECISION = 12;
const REGISTERS = 1 << PRECISION;
/** Bias correction constant of HyperLogLog for m >= 128. */
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

/** FNV-1a over UTF-16 code units, then a finalizer so that similar URLs spread over all bits. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3 fmix32
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** HyperLogLog counter of distinct strings (add, then estimate). */
export class DistinctEstimator {
  private readonly registers = new Uint8Array(REGISTERS);

  add(text: string): void {
    const h = hashString(text);
    const index = h >>> (32 - PRECISION);
    // Rank = position of the first 1 bit in the remaining 20 bits (1-based); all zero → 21.
    const rest = (h << PRECISION) >>> 0;
    const rank = rest === 0 ? 32 - PRECISION + 1 : Math.clz32(rest) + 1;
    if (rank > (this.registers[index] ?? 0)) this.registers[index] = rank;
  }

  /** The estimated number of distinct strings added. */
  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < REGISTERS; i += 1) {
      const r = this.registers[i] ?? 0;
      sum += 2 ** -r;
      if (r === 0) zeros += 1;
    }
    const raw = (ALPHA * REGISTERS * REGISTERS) / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0) return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
    return Math.round(raw);
  }
}
