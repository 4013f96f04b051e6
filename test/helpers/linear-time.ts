/**
 * A load-proof guard against super-linear (quadratic, exponential) running time, for unit tests.
 *
 * Speed targets belong in benchmarks (bench/). A unit test may only check that the cost grows
 * linearly with the input, and must not fail because the machine is busy. So instead of a fixed
 * wall-clock bound, this compares the time taken on the whole input with the time taken on an
 * input `ratio` (8) times smaller:
 *
 *   fail when  whole > maxRatio × small + floorMs       (defaults: maxRatio 24, floorMs 30)
 *
 * Linear code shows ≈ 8×, quadratic ≈ 64×, exponential far more. A uniformly slow machine scales
 * both sides, so the ratio holds. The absolute floor keeps timer granularity, a scheduler tick
 * or a GC pause from failing small inputs (where both sides take a few milliseconds at most).
 *
 * Measurement, chosen to stay stable under load (CI runs two jest workers next to child-process
 * tests on a two-core box):
 * - warm-up: the small input runs twice first (JIT, lazily compiled regular expressions);
 * - then samples alternate, small then whole, so a change in load hits both sides;
 * - a small sample runs the small input `ratio` times back to back, divided by `ratio`: it spans
 *   about as much wall-clock time as one whole run and sees the same share of preemption;
 * - best of N on each side: at least 3 pairs, then stop at the first time the best whole run is
 *   within the bound, or after `runs` (5) pairs, or at a whole run so far over the bound (10×)
 *   that no load could explain it.
 */

export interface LinearTimeOptions {
  /** How many times smaller the reference input is. Default 8. */
  ratio?: number;
  /** The largest whole/small time ratio accepted; must be well above `ratio`. Default 24 (3 × 8). */
  maxRatio?: number;
  /** Milliseconds always allowed on top, so timer granularity cannot fail tiny inputs. Default 30. */
  floorMs?: number;
  /** At most this many samples of each size (best of N; at least 3 are always taken). Default 5. */
  runs?: number;
}

const DEFAULTS: Required<LinearTimeOptions> = { ratio: 8, maxRatio: 24, floorMs: 30, runs: 5 };
/** Pairs always measured before passing, so one lucky or unlucky sample cannot decide. */
const MIN_RUNS = 3;
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs `run` on `make(size)` and on `make(size / ratio)` and fails when the whole takes more
 * than `maxRatio` times the small one plus `floorMs`. Use it when the input is not a string, or
 * when a prefix would not keep the input's shape (e.g. nested elements that must close):
 * `make` builds the test's own input at `size`, and the same shape at the smaller size.
 * Returns what `run` returned for the whole input, so a test can go on to check the result.
 */
export function expectLinearTimeOf<T, R>(run: (input: T) => R, make: (size: number) => T, size: number, options: LinearTimeOptions = {}): R {
  const { ratio, maxRatio, floorMs, runs } = { ...DEFAULTS, ...options };
  if (!(maxRatio > ratio)) throw new Error(`expectLinearTimeOf: maxRatio (${maxRatio}) must exceed ratio (${ratio})`);
  const whole = make(size);
  const small = make(Math.max(1, Math.floor(size / ratio)));

  run(small);
  run(small);

  // Small batches and whole runs alternate, so a change in machine load hits both sides.
  let smallMs = Infinity;
  let wholeMs = Infinity;
  let boundMs = Infinity;
  let result!: R;
  for (let i = 0; i < runs; i += 1) {
    let start = nowMs();
    for (let j = 0; j < ratio; j += 1) run(small);
    smallMs = Math.min(smallMs, (nowMs() - start) / ratio);
    boundMs = maxRatio * smallMs + floorMs;

    start = nowMs();
    result = run(whole);
    const elapsed = nowMs() - start;
    wholeMs = Math.min(wholeMs, elapsed);
    if ((i + 1 >= MIN_RUNS && wholeMs <= boundMs) || elapsed > 10 * boundMs) break;
  }

  if (wholeMs > boundMs) {
    throw new Error(
      `super-linear running time: the whole input (size ${size}) took ${wholeMs.toFixed(1)} ms, ` +
        `${(wholeMs / Math.max(smallMs, 1e-3)).toFixed(0)}× the ${smallMs.toFixed(2)} ms of an input ${ratio}× smaller; ` +
        `linear time allows at most ${maxRatio}× + ${floorMs} ms = ${boundMs.toFixed(1)} ms (best of up to ${runs} after a warm-up)`,
    );
  }
  return result;
}

/**
 * Runs `run` on `input` and on its first 1/`ratio` and fails unless the time grows linearly;
 * see expectLinearTimeOf. Returns what `run` returned for the whole input.
 */
export function expectLinearTime<R>(run: (input: string) => R, input: string, options: LinearTimeOptions = {}): R {
  return expectLinearTimeOf(run, (n) => input.slice(0, n), input.length, options);
}
