/** Recovery while the store is down: one warning per outage, not one every few seconds. */
import type { Logger } from '@slack/bolt';
import { MemoryStore } from '../../../src/conversation/store/memory-store';
import { Recovery } from '../../../src/slack/delivery/recovery';
import type { Runner } from '../../../src/slack/delivery/runner';
import { Scheduler } from '../../../src/slack/delivery/scheduler';

test('a store that keeps failing is warned about once, and its return is noted', async () => {
  const lines: string[] = [];
  const logger = { debug: () => undefined, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: () => undefined } as unknown as Logger;
  const store = new MemoryStore();
  let down = true;
  const claim = store.claimJobs.bind(store);
  store.claimJobs = (...args) => (down ? Promise.reject(new Error('Redis at redis://cache:6379 is unreachable: connect ECONNREFUSED')) : claim(...args));
  const recovery = new Recovery({ store, scheduler: new Scheduler(logger), runner: {} as Runner, owner: 'h:1:x', leaseMs: 5000, logger });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  for (let i = 0; i < 4; i += 1) {
    recovery.kick();
    await settle();
  }
  expect(lines).toEqual(['warn diag502: could not look for unfinished jobs: Redis at redis://cache:6379 is unreachable: connect ECONNREFUSED']);
  down = false;
  recovery.kick();
  await settle();
  expect(lines[1]).toBe('info diag502: the store answers again; looking for unfinished jobs as usual');
  recovery.kick();
  await settle();
  expect(lines).toHaveLength(2);
  recovery.stop();
  await store.close();
});
