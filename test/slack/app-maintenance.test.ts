/**
 * The bot app itself runs the store's hourly clean-up (maintenance.ts) from the moment it is ready,
 * and stops it when it stops: the sweep is not only a function nobody starts.
 */
import { LogLevel } from '@slack/bolt';
import { loadConfig } from '../../src/config';
import { createInlineEngine } from '../../src/conversation/engine';
import { MemoryStore } from '../../src/conversation/store/memory-store';
import { createSlackApp } from '../../src/slack/app';
import { GuardedLogger } from '../../src/slack/logger';
import { MAINTENANCE_INTERVAL_MS } from '../../src/slack/maintenance';
import { freePort } from '../support/local-net';
import { FakeSlack } from '../support/slack/fake-slack';

const fake = new FakeSlack();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
afterEach(() => jest.useRealTimers());

test('a started bot sweeps its store every hour, and no more once stopped', async () => {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.apiUrl,
    PORT: String(await freePort()),
  });
  const store = new MemoryStore();
  const expire = jest.spyOn(store, 'expire');
  // Only intervals run on fake time: the HTTP server, Bolt and the fake Web API keep real time.
  jest.useFakeTimers({ doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout'] });
  const app = createSlackApp({ config, store, engine: createInlineEngine(), logger: new GuardedLogger(LogLevel.ERROR, () => undefined) });
  let running = false;
  try {
    await app.start();
    running = true;
    expect(expire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(MAINTENANCE_INTERVAL_MS);
    expect(expire).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(MAINTENANCE_INTERVAL_MS);
    expect(expire).toHaveBeenCalledTimes(2);
    await app.stop(1000);
    running = false;
    jest.advanceTimersByTime(3 * MAINTENANCE_INTERVAL_MS);
    expect(expire).toHaveBeenCalledTimes(2);
  } finally {
    if (running) await app.stop(1000);
    await store.close();
  }
});
