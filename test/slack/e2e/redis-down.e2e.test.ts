/**
 * The bot on a Redis that goes away or refuses writes: /healthz says 503 with the reason, Slack's
 * requests are still acked, and the answer comes once Redis is back, or the asker is told
 * privately that the request could not be taken.
 */
import { createClient } from 'redis';
import { BotProcess, buildIfStale, sleep, waitFor } from '../../support/slack/bot-process';
import { BOT_USER_ID, FakeSlack } from '../../support/slack/fake-slack';
import { startRedisServer } from '../../support/redis/redis-test';
import { describeRedis } from '../../helpers/describe-redis';
import { eventCallback } from '../../support/slack/envelopes';

const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';
let fake: FakeSlack;

function envelope(channel: string, ts: string, eventId: string): Record<string, unknown> {
  return eventCallback(eventId, { type: 'app_mention', user: 'U1ALICE', channel, ts, text: `<@${BOT_USER_ID}> ${EVIDENCE}` });
}

function bot(url: string, extra: Record<string, string> = {}): BotProcess {
  return new BotProcess({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: url,
    LOG_LEVEL: 'info',
    JOB_LEASE_SECONDS: '5',
    ...extra,
  });
}

async function health(b: BotProcess): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const res = await fetch(`${b.base}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

/** Polls /healthz (for up to 6 s) until `done` says its answer is the one awaited; returns that answer. */
async function healthUntil(b: BotProcess, done: (status: number) => boolean): Promise<Awaited<ReturnType<typeof health>>> {
  let h = await health(b);
  for (let i = 0; i < 60 && !done(h.status); i += 1) {
    await sleep(100);
    h = await health(b);
  }
  return h;
}

describeRedis('Redis down', () => {
  beforeAll(async () => {
    buildIfStale();
    fake = new FakeSlack();
    await fake.start();
  }, 120_000);
  afterAll(async () => fake?.stop());

  test('/healthz is 503 with the reason, the event is acked, and it is answered once Redis is back', async () => {
    const redis = await startRedisServer();
    const b = bot(redis.url);
    await b.start();
    let again: Awaited<ReturnType<typeof startRedisServer>> | undefined;
    try {
      expect((await health(b)).status).toBe(200);
      await redis.stop();
      const h = await healthUntil(b, (status) => status !== 200);
      expect(h.status).toBe(503);
      expect(h.body.reason).toMatch(new RegExp(`^the store cannot write: Redis at redis://127\\.0\\.0\\.1:${redis.port} is unreachable`));

      expect((await b.event(envelope('CREDISDOWN', '3000.0001', 'EvRedisDown'))).status).toBe(200);
      await sleep(1500);
      expect(fake.delivered('CREDISDOWN')).toHaveLength(0);
      expect(b.stderr).toMatch(/event:EvRedisDown was acked but cannot be stored yet/);

      again = await startRedisServer(redis.port);
      await waitFor('the answer once Redis is back', () => fake.delivered('CREDISDOWN').length === 1, 30_000);
      expect(await healthUntil(b, (status) => status === 200)).toEqual({ status: 200, body: { status: 'ok' } });
      await sleep(1000);
      expect(fake.delivered('CREDISDOWN')).toHaveLength(1);
    } finally {
      await b.stop();
      await redis.stop();
      await again?.stop();
    }
  }, 90_000);

  test('a Redis that answers but refuses writes: /healthz is 503 with its reason, the event is acked, and it is answered once writes are taken again', async () => {
    const redis = await startRedisServer();
    const admin = createClient({ url: redis.url });
    await admin.connect();
    const b = bot(redis.url);
    await b.start();
    try {
      // A primary that needs a replica to write (there is none) refuses every write, as a read-only replica would.
      await admin.configSet('min-replicas-to-write', '1');
      const h = await healthUntil(b, (status) => status !== 200);
      expect(h.status).toBe(503);
      expect(h.body.reason).toMatch(new RegExp(`^the store cannot write: Redis at redis://127\\.0\\.0\\.1:${redis.port} refused the command: NOREPLICAS`));

      expect((await b.event(envelope('CREDISRO', '3200.0001', 'EvRedisReadOnly'))).status).toBe(200);
      await sleep(1500);
      expect(fake.delivered('CREDISRO')).toHaveLength(0);
      expect(b.stderr).toMatch(/event:EvRedisReadOnly was acked but cannot be stored yet \(Redis at .* refused the command: NOREPLICAS/);

      await admin.configSet('min-replicas-to-write', '0');
      await waitFor('the answer once Redis takes writes again', () => fake.delivered('CREDISRO').length === 1, 30_000);
      expect(await healthUntil(b, (status) => status === 200)).toEqual({ status: 200, body: { status: 'ok' } });
      await sleep(1000);
      expect(fake.delivered('CREDISRO')).toHaveLength(1);
    } finally {
      await b.stop();
      await admin.close();
      await redis.stop();
    }
  }, 60_000);

  test('Redis that stays down past STORE_WAIT_SECONDS: the asker is told privately, once', async () => {
    const redis = await startRedisServer();
    const b = bot(redis.url, { STORE_WAIT_SECONDS: '2' });
    await b.start();
    try {
      await redis.stop();
      expect((await b.event(envelope('CREDISGONE', '3100.0001', 'EvRedisGone'))).status).toBe(200);
      const told = () => fake.of('chat.postEphemeral').filter((c) => c.params.channel === 'CREDISGONE');
      await waitFor('the private note', () => told().length === 1, 20_000);
      expect(told()[0]!.params).toMatchObject({ user: 'U1ALICE', thread_ts: '3100.0001' });
      expect(String(told()[0]!.params.text)).toContain('could not take your request');
      await sleep(1500);
      expect(told()).toHaveLength(1);
      expect(fake.delivered('CREDISGONE')).toHaveLength(0);
    } finally {
      await b.stop();
      await redis.stop();
    }
  }, 60_000);
});
