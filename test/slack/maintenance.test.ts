/** Expired threads, processed ids and finished jobs are swept every hour while the bot runs. */
import type { Logger } from '@slack/bolt';
import { MemoryStore } from '../../src/conversation/store/memory-store';
import { MAINTENANCE_INTERVAL_MS, startMaintenance } from '../../src/slack/maintenance';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

afterEach(() => jest.useRealTimers());

test('runs expire() every hour, not only at start, until stopped', async () => {
  jest.useFakeTimers();
  const store = new MemoryStore();
  const expire = jest.spyOn(store, 'expire');
  const stop = startMaintenance(store, logger);
  expect(MAINTENANCE_INTERVAL_MS).toBe(60 * 60 * 1000);
  expect(expire).not.toHaveBeenCalled();
  jest.advanceTimersByTime(MAINTENANCE_INTERVAL_MS);
  expect(expire).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(2 * MAINTENANCE_INTERVAL_MS);
  expect(expire).toHaveBeenCalledTimes(3);
  stop();
  jest.advanceTimersByTime(5 * MAINTENANCE_INTERVAL_MS);
  expect(expire).toHaveBeenCalledTimes(3);
});

test('a failing sweep is logged and the timer goes on', async () => {
  jest.useFakeTimers();
  const warnings: string[] = [];
  const store = new MemoryStore();
  jest.spyOn(store, 'expire').mockRejectedValue(new Error('disk full'));
  const stop = startMaintenance(store, { ...logger, warn: (m: string) => warnings.push(m) } as unknown as Logger);
  jest.advanceTimersByTime(MAINTENANCE_INTERVAL_MS);
  await Promise.resolve();
  await Promise.resolve();
  expect(warnings).toEqual(['diag502: the hourly clean-up of the store failed: disk full']);
  stop();
});
