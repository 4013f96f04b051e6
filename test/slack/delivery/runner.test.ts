/**
 * The runner against the fake Web API: each paste is cleaned and read once per event (the slash
 * command's first answer is adopted by its thread, not worked out again), an answer that fits
 * Block Kit is one post with nothing uploaded, and every answer carries its job tag.
 */
import { webApi, type Logger } from '@slack/bolt';
import { Conversation } from '../../../src/conversation/conversation';
import { inlineEngine, type Engine } from '../../../src/conversation/engine';
import { MemoryStore } from '../../../src/conversation/store/memory-store';
import { RedisStore } from '../../../src/conversation/store/redis-store';
import type { Store } from '../../../src/conversation/store/store';
import { guardValue } from '../../../src/evidence/guard';
import { Runner } from '../../../src/slack/delivery/runner';
import { slackKey } from '../../../src/slack/deps';
import { SlackHosts } from '../../../src/slack/slack-hosts';
import { SlackApi, webClientOptions } from '../../../src/slack/web-api';
import { mixedPaste } from '../../../bench/mixed-paste';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from '../../support/slack/fake-slack';
import { flushPrefix, REDIS_URL, uniquePrefix } from '../../support/redis/redis-test';
import { describeRedis } from '../../helpers/describe-redis';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
let fake: FakeSlack;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterAll(async () => fake.stop());

/** The inline engine, counting how often each step runs. */
function countingEngine(): Engine & { counts: Record<string, number> } {
  const counts: Record<string, number> = { clean: 0, analyze: 0, diagnose: 0 };
  return {
    counts,
    clean: async (text, slack) => {
      counts.clean! += 1;
      return inlineEngine.clean(text, slack);
    },
    analyze: async (request) => {
      counts.analyze! += 1;
      return inlineEngine.analyze(request);
    },
    diagnose: async (inputs) => {
      counts.diagnose! += 1;
      return inlineEngine.diagnose(inputs);
    },
    close: async () => undefined,
  };
}

function setup<S extends Store = MemoryStore>(options: { store?: S; leaseMs?: number; owner?: string; logger?: Logger } = {}) {
  const store = options.store ?? (new MemoryStore() as Store as S);
  const engine = countingEngine();
  const log = options.logger ?? logger;
  const api = new SlackApi(new webApi.WebClient('xoxb-test', webClientOptions(fake.apiUrl)), log, new SlackHosts(fake.apiUrl));
  const runner = new Runner({
    store,
    conversation: new Conversation(store, { engine }),
    engine,
    api,
    logger: log,
    owner: options.owner ?? 'test-host:1:runner',
    token: 'xoxb-test',
    botUserId: BOT_USER_ID,
    leaseMs: options.leaseMs ?? 30_000,
    retryDelaysMs: [10],
    guard: guardValue,
  });
  return { store, engine, runner };
}

const paste5k = mixedPaste().slice(0, 5 * 1024);

test('a slash command is cleaned once and read once; its thread adopts the answer without reading it again', async () => {
  const { store, engine, runner } = setup();
  const reports = (): number => fake.of('files.getUploadURLExternal').filter((c) => c.params.filename !== 'diag502-timeline.png').length;
  const uploads = reports();
  expect(await runner.accept({ kind: 'command', id: 'trigger:once', team: TEAM_ID, channel: 'CONCE', user: 'U1', text: paste5k, private: false, responseUrl: fake.responseUrl('once') })).toBe(true);
  expect(engine.counts).toEqual({ clean: 1, analyze: 1, diagnose: 0 });
  const posted = fake.delivered('CONCE');
  expect(posted).toHaveLength(1);
  // The whole answer fits Block Kit: no report is uploaded for it (the dated log's timeline chart is).
  expect(reports()).toBe(uploads);
  expect(fake.of('files.getUploadURLExternal').some((c) => c.params.filename === 'diag502-timeline.png')).toBe(true);
  const thread = await store.getThread(slackKey(TEAM_ID, 'CONCE', posted[0]!.ts));
  expect(thread?.messages).toHaveLength(1);
  expect(thread?.snapshot?.causes.length).toBeGreaterThan(0);
  expect((await store.getJob('trigger:once'))?.state).toBe('done');
  expect((posted[0]!.metadata as { event_payload: { request: string } }).event_payload.request).toBe('trigger:once#0');
});

test('a mention is cleaned once and read once (its parent, a different message, once too)', async () => {
  const { engine, runner } = setup();
  fake.setReplies('50.0001', [{ type: 'message', user: 'U2', ts: '50.0001', text: paste5k }]);
  await runner.accept({ kind: 'mention', id: 'event:EvOnce', team: TEAM_ID, channel: 'CMONCE', ts: '50.0009', threadTs: '50.0001', user: 'U1', text: 'what is wrong here?' });
  expect(engine.counts.clean).toBe(1);
  expect(engine.counts.analyze).toBe(2);
  expect(fake.delivered('CMONCE').length).toBeGreaterThanOrEqual(1);
});

test('the same request accepted twice is answered once', async () => {
  const { runner } = setup();
  const request = { kind: 'mention' as const, id: 'event:EvTwice', team: TEAM_ID, channel: 'CTWICE1', ts: '60.0001', user: 'U1', text: 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure' };
  expect(await runner.accept(request)).toBe(true);
  expect(await runner.accept(request)).toBe(false);
  expect(fake.delivered('CTWICE1')).toHaveLength(1);
});

describe('the thread lease (one process at a time on a thread)', () => {
  const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('a job waits while another process holds its thread, and goes on once that one lets go', async () => {
    const { store, runner } = setup();
    const lane = `${TEAM_ID}:CLEASE1:70.0001`;
    // Another replica (another owner) is working on this thread.
    expect(await store.acquireThread(lane, 'other-host:2:replica', 30_000)).toBe(true);
    const done = runner.accept({ kind: 'mention', id: 'event:EvLease1', team: TEAM_ID, channel: 'CLEASE1', ts: '70.0001', user: 'U1', text: EVIDENCE });
    await sleep(600);
    expect(fake.delivered('CLEASE1')).toHaveLength(0);
    await store.releaseThread(lane, 'other-host:2:replica');
    expect(await done).toBe(true);
    expect(fake.delivered('CLEASE1')).toHaveLength(1);
    // Released when the job is done: the next one in the thread may go.
    expect(await store.acquireThread(lane, 'other-host:2:replica', 30_000)).toBe(true);
  });

  test('while it works, the runner holds the thread: another process is refused it', async () => {
    const { store, runner } = setup();
    const lane = `${TEAM_ID}:CLEASE2:71.0001`;
    fake.hold('chat.postMessage');
    const done = runner.accept({ kind: 'mention', id: 'event:EvLease2', team: TEAM_ID, channel: 'CLEASE2', ts: '71.0001', user: 'U1', text: EVIDENCE });
    const deadline = Date.now() + 10_000;
    while (fake.waiting('chat.postMessage') === 0 && Date.now() < deadline) await sleep(20);
    expect(await store.acquireThread(lane, 'other-host:2:replica', 30_000)).toBe(false);
    fake.release('chat.postMessage');
    await done;
    expect(await store.acquireThread(lane, 'other-host:2:replica', 30_000)).toBe(true);
  });

  test('a thread held for longer than a lease: the job goes back to the store, to be claimed again shortly', async () => {
    const { store, runner } = setup({ leaseMs: 1500 });
    const lane = `${TEAM_ID}:CLEASE3:72.0001`;
    expect(await store.acquireThread(lane, 'other-host:2:replica', 60_000)).toBe(true);
    await runner.accept({ kind: 'mention', id: 'event:EvLease3', team: TEAM_ID, channel: 'CLEASE3', ts: '72.0001', user: 'U1', text: EVIDENCE });
    const job = await store.getJob('event:EvLease3');
    expect(job).toMatchObject({ state: 'pending' });
    expect(job!.owner).toBeUndefined();
    expect(job!.notBefore).toBeDefined();
    expect(fake.delivered('CLEASE3')).toHaveLength(0);
  });
});

/**
 * Work that outlasts several lease terms (here a post Slack sits on): the runner renews the job's
 * lease and its thread's, so no other process takes either meanwhile, and the answer is posted once.
 */
function leaseRenewalTest(channel: string, ts: string, open: () => Store): void {
  test('renews its job and thread leases while a post takes longer than the lease: nobody else gets either, one delivery, no lost lease', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const warnings: string[] = [];
    const log = { ...logger, warn: (line: string) => warnings.push(line) } as unknown as Logger;
    const { store, runner } = setup({ store: open(), leaseMs: 1500, logger: log });
    const lane = `${TEAM_ID}:${channel}:${ts}`;
    const other = 'other-host:2:replica';
    fake.hold('chat.postMessage');
    const done = runner.accept({ kind: 'mention', id: `event:Ev${channel}`, team: TEAM_ID, channel, ts, user: 'U1', text: 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure' });
    const deadline = Date.now() + 10_000;
    while (fake.waiting('chat.postMessage') === 0 && Date.now() < deadline) await sleep(20);
    const heldAt = Date.now();
    // Past one term, and past two: without renewal both leases would have run out by then.
    for (const at of [2000, 3500]) {
      await sleep(at - (Date.now() - heldAt));
      expect(await store.acquireThread(lane, other, 1500)).toBe(false);
      expect(await store.claimJobs(other, 1500)).toEqual([]);
    }
    await sleep(4000 - (Date.now() - heldAt));
    fake.release('chat.postMessage');
    expect(await done).toBe(true);
    expect(fake.delivered(channel)).toHaveLength(1);
    expect((await store.getJob(`event:Ev${channel}`))?.state).toBe('done');
    expect(warnings.filter((w) => /lost the lease/.test(w))).toEqual([]);
  }, 20_000);
}

describe('lease renewal on the memory store', () => {
  leaseRenewalTest('CRENEW1', '73.0001', () => new MemoryStore());
});

describeRedis('lease renewal on Redis (real time, real expiry)', () => {
  const prefix = uniquePrefix('runner');
  const stores: RedisStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await flushPrefix(prefix);
  });
  leaseRenewalTest('CRENEW2', '74.0001', () => {
    const store = new RedisStore(REDIS_URL!, { keyPrefix: prefix });
    stores.push(store);
    return store;
  });
});
