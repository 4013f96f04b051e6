/**
 * A store that is down when a request arrives: the request was acked already, so it waits in
 * memory and is stored (and answered) once the store is back, or the asker is told privately
 * that it could not be taken.
 */
import { webApi, type Logger } from '@slack/bolt';
import { Conversation } from '../../../src/conversation/conversation';
import { inlineEngine } from '../../../src/conversation/engine';
import { MemoryStore } from '../../../src/conversation/store/memory-store';
import type { Store } from '../../../src/conversation/store/store';
import { guardValue } from '../../../src/evidence/guard';
import { Intake } from '../../../src/slack/delivery/intake';
import { Recovery } from '../../../src/slack/delivery/recovery';
import { Runner } from '../../../src/slack/delivery/runner';
import { Scheduler } from '../../../src/slack/delivery/scheduler';
import { SlackHosts } from '../../../src/slack/slack-hosts';
import { SlackApi, webClientOptions } from '../../../src/slack/web-api';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from '../../support/slack/fake-slack';

const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';
const lines: string[] = [];
const logger = { debug: () => undefined, info: () => undefined, warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } as unknown as Logger;
let fake: FakeSlack;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterAll(async () => fake.stop());

/** A memory store whose every call fails while `down` is set, as a Redis that went away. */
function flakyStore(): { store: Store; setDown: (down: boolean) => void } {
  const real = new MemoryStore();
  let down = false;
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (down ? Promise.reject(new Error('Redis at redis://cache:6379 is unreachable: connect ECONNREFUSED')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store, setDown: (d) => (down = d) };
}

function setup(storeWaitMs: number) {
  const { store, setDown } = flakyStore();
  const api = new SlackApi(new webApi.WebClient('xoxb-test', webClientOptions(fake.apiUrl)), logger, new SlackHosts(fake.apiUrl));
  const owner = 'test-host:1:intake';
  const runner = new Runner({ store, conversation: new Conversation(store, { engine: inlineEngine }), engine: inlineEngine, api, logger, owner, token: 'xoxb-test', botUserId: BOT_USER_ID, leaseMs: 30_000, retryDelaysMs: [10], guard: guardValue });
  const scheduler = new Scheduler(logger);
  const recovery = new Recovery({ store, scheduler, runner, owner, leaseMs: 30_000, logger });
  const intake = new Intake(scheduler, runner, store, recovery, { logger, storeWaitMs });
  return { intake, setDown };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

test('a request that arrives while the store is down waits in memory and is answered once the store is back', async () => {
  const { intake, setDown } = setup(60_000);
  setDown(true);
  intake.submit({ kind: 'mention', id: 'event:EvDown1', team: TEAM_ID, channel: 'CSTOREDOWN', ts: '80.0001', user: 'U1', text: EVIDENCE });
  await sleep(1200);
  expect(intake.unstored).toBe(1);
  expect(fake.delivered('CSTOREDOWN')).toHaveLength(0);
  expect(lines.some((l) => /event:EvDown1 was acked but cannot be stored yet \(Redis at redis:\/\/cache:6379 is unreachable/.test(l))).toBe(true);
  setDown(false);
  await until(() => fake.delivered('CSTOREDOWN').length === 1);
  await sleep(300);
  expect(fake.delivered('CSTOREDOWN')).toHaveLength(1);
  expect(intake.unstored).toBe(0);
});

test('a store that stays down past the wait: the asker is told privately, once', async () => {
  const { intake, setDown } = setup(1500);
  setDown(true);
  intake.submit({ kind: 'mention', id: 'event:EvDown2', team: TEAM_ID, channel: 'CSTOREGONE', ts: '81.0001', user: 'U1', text: EVIDENCE });
  const told = () => fake.of('chat.postEphemeral').filter((c) => c.params.channel === 'CSTOREGONE');
  await until(() => told().length === 1);
  await sleep(1500);
  expect(told()).toHaveLength(1);
  expect(told()[0]!.params).toMatchObject({ user: 'U1', thread_ts: '81.0001' });
  expect(String(told()[0]!.params.text)).toContain('could not take your request');
  expect(fake.delivered('CSTOREGONE')).toHaveLength(0);
  expect(intake.unstored).toBe(0);
});
