/**
 * Time to live, shared by both stores so they forget threads at exactly the same moment: a thread
 * (or a processed id) is expired once it is OLDER than the time to live, so at exactly `ttlMs` it
 * is still there and one millisecond later it is gone.
 */
import { DEFAULT_TTL_MS, type StoreOptions } from './store';

export interface ResolvedStoreOptions {
  ttlMs: number;
  now: () => Date;
}

/** Fills in the defaults and refuses a time to live that would expire everything or nothing. */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`The thread store's time to live must be a positive number of milliseconds, not ${String(ttlMs)}.`);
  }
  return { ttlMs, now: options.now ?? (() => new Date()) };
}

/** Anything last updated before this instant (in ms) is expired at `nowMs`. */
export function expiryCutoff(nowMs: number, ttlMs: number): number {
  return nowMs - ttlMs;
}
