/**
 * Timing helpers for the benchmark: in-process medians, and wall time + peak RSS of a child
 * process through GNU time (`/usr/bin/time -f '%e %M'`), best of N runs.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** The median of a list of numbers (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns each run in milliseconds. */
export function timeRuns(fn: () => unknown, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

export interface CommandTiming {
  seconds: number;
  peakMb: number;
  exitCode: number | null;
}

export const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args` under GNU time with stdout discarded, `runs` times; returns the fastest
 * run (and its peak RSS), or an error text when the command cannot be timed.
 */
export function timeCommand(command: string, args: readonly string[], runs: number, cwd: string): CommandTiming | { error: string } {
  let best: CommandTiming | undefined;
  for (let i = 0; i < runs; i += 1) {
    const child = spawnSync(GNU_TIME, ['-f', '%e %M', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.error) return { error: `${GNU_TIME} could not run: ${child.error.message}` };
    // GNU time prints its line last; "Command exited with non-zero status N" may come before it.
    const lines = child.stderr.trim().split('\n');
    const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec(lines[lines.length - 1] ?? '');
    if (!match) return { error: `unexpected output of ${command}: ${child.stderr.slice(-500)}` };
    const timing = { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, exitCode: child.status };
    if (!best || timing.seconds < best.seconds) best = timing;
  }
  return best ?? { error: 'no run' };
}
