/**
 * Time to live, shared by both stores so they forget threads at exactly the same moment: a thread
 * (or a processed id) is expired once it is OLDER than the time to live, so at exactly `ttlMs` it
 * is still there and one millisecond later it is gone.
 */
import { DEFAULT_MEMORY_TTL_MS } from './team-memory';
import { DEFAULT_JOB_MAX_AGE_MS, DEFAULT_PROCESSED_TTL_MS, DEFAULT_TTL_MS, type StoreOptions } from './store';

export interface ResolvedStoreOptions {
  ttlMs: number;
  processedTtlMs: number;
  jobMaxAgeMs: number;
  now: () => Date;
  memoryTtlMs: number;
}

/** Fills in the defaults and refuses a time to live that would expire everything or nothing. */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  const ttlMs = positive('time to live', options.ttlMs ?? DEFAULT_TTL_MS);
  const processedTtlMs = positive('processed-id time to live', options.processedTtlMs ?? DEFAULT_PROCESSED_TTL_MS);
  const jobMaxAgeMs = positive('longest job age', options.jobMaxAgeMs ?? DEFAULT_JOB_MAX_AGE_MS);
  const memoryTtlMs = positive('team memory time to live', options.memoryTtlMs ?? DEFAULT_MEMORY_TTL_MS);
  return { ttlMs, processedTtlMs, jobMaxAgeMs, now: options.now ?? (() => new Date()), memoryTtlMs };
}

function positive(what: string, ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new RangeError(`The thread store's ${what} must be a positive number of milliseconds, not ${String(ms)}.`);
  }
  return ms;
}

/** Anything last updated before this instant (in ms) is expired at `nowMs`. */
export function expiryCutoff(nowMs: number, ttlMs: number): number {
  return nowMs - ttlMs;
}
