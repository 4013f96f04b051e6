/**
 * Work after an ack waits for the acks: it starts from setImmediate (after pending I/O), never as a
 * microtask right behind the ack; a lane runs its tasks in order, one at a time; concurrency is
 * bounded; drain waits for the work, up to a limit.
 */
import type { Logger } from '@slack/bolt';
import { Scheduler } from '../../../src/slack/delivery/scheduler';

const errors: string[] = [];
const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m: string) => errors.push(m) } as unknown as Logger;
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a task does not start synchronously nor in the microtasks after it was queued', async () => {
  const scheduler = new Scheduler(logger);
  let started = false;
  scheduler.enqueue('lane', 'work', async () => {
    started = true;
  });
  expect(started).toBe(false);
  await Promise.resolve();
  await Promise.resolve();
  expect(started).toBe(false);
  await tick();
  await tick();
  expect(started).toBe(true);
});

test('one task starts per turn of the event loop, so I/O (the next acks) gets a turn between tasks', async () => {
  const scheduler = new Scheduler(logger, 4);
  let turn = 0;
  let counting = true;
  const count = (): void => {
    turn += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  const startedAt: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    scheduler.enqueue(`lane${i}`, 'work', async () => {
      startedAt.push(turn);
    });
  }
  await scheduler.drain(1000);
  counting = false;
  expect(new Set(startedAt).size).toBe(3);
});

test('tasks of one lane run one at a time, in order; other lanes run alongside', async () => {
  const scheduler = new Scheduler(logger, 4);
  const log: string[] = [];
  const task = (name: string, ms: number) => async () => {
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`end ${name}`);
  };
  scheduler.enqueue('a', 'a1', task('a1', 30));
  scheduler.enqueue('a', 'a2', task('a2', 1));
  scheduler.enqueue('b', 'b1', task('b1', 5));
  await scheduler.drain(2000);
  expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
  expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
});

test('no more than `concurrency` tasks run at once', async () => {
  const scheduler = new Scheduler(logger, 2);
  let running = 0;
  let most = 0;
  for (let i = 0; i < 8; i += 1) {
    scheduler.enqueue(`lane${i}`, 'work', async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
    });
  }
  await scheduler.drain(2000);
  expect(most).toBe(2);
  expect(scheduler.size).toBe(0);
});

test('a failing task is logged and does not stop its lane', async () => {
  const scheduler = new Scheduler(logger);
  let after = false;
  scheduler.enqueue('lane', 'boom', async () => {
    throw new Error('kaput');
  });
  scheduler.enqueue('lane', 'next', async () => {
    after = true;
  });
  await scheduler.drain(1000);
  expect(after).toBe(true);
  expect(errors).toContain('diag502: boom failed: kaput');
});

test('drain gives up after its timeout when work hangs', async () => {
  const scheduler = new Scheduler(logger);
  scheduler.enqueue('lane', 'hang', () => new Promise(() => undefined));
  const started = Date.now();
  await scheduler.drain(100);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(scheduler.size).toBe(1);
});
