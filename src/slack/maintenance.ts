/**
 * Housekeeping on a timer: expired threads, processed ids and finished jobs are deleted every hour
 * while the bot runs, not only when it starts (a bot that runs for weeks would otherwise keep
 * every thread it ever saw).
 */
import type { Logger } from '@slack/bolt';
import type { Store } from '../conversation/store/store';

export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

/** Starts the hourly sweep; returns a function that stops it. */
export function startMaintenance(store: Store, logger: Logger, everyMs = MAINTENANCE_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    store.expire().then(
      (removed) => {
        if (removed > 0) logger.info(`diag502: forgot ${removed} expired thread${removed === 1 ? '' : 's'}`);
      },
      (error: unknown) => logger.warn(`diag502: the hourly clean-up of the store failed: ${(error as Error).message}`),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
