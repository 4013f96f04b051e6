/**
 * Two real bot processes (replicas A and B, HTTP mode) on one Redis, against the fake Web API:
 * whatever reaches which replica, every request is answered exactly once, a follow-up on B builds
 * on what A stored, a thread A is working on waits for A, and when A dies in the middle of a post,
 * B delivers that answer once its lease runs out (and does not post it again when Slack had
 * already taken it). Each replica has its own REPLICA_ID, as on two machines: a dead replica's
 * work is then taken over through the lease alone (on one host it would be at once, see owner.ts).
 */
import { RedisStore } from '../../../src/conversation/store/redis-store';
import { slackKey } from '../../../src/slack/deps';
import { BotProcess, buildIfStale, sleep, waitFor } from '../../support/slack/bot-process';
import { FakeSlack, TEAM_ID, type RecordedCall, type StoredMessage } from '../../support/slack/fake-slack';
import { EVIDENCE, killWhilePosting, mention, replicaEnv } from '../../support/slack/replicas';
import { flushPrefix, REDIS_URL, uniquePrefix } from '../../support/redis/redis-test';
import { describeRedis } from '../../helpers/describe-redis';
import { eventCallback } from '../../support/slack/envelopes';

const MORE_EVIDENCE =
  "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\app\\' failed to start process with commandline '\"dotnet\" .\\App.dll', ErrorCode = '0x80004005 : 80008083.";
const LEASE_SECONDS = 5;
/** Each replica posts with a token of its own: the fake's records then say which replica made a call. */
const TOKENS = { a: 'xoxb-test-replica-a', b: 'xoxb-test-replica-b' };

let fake: FakeSlack;
let a: BotProcess;
let b: BotProcess;
const prefix = uniquePrefix('replicas');

function env(replica: 'a' | 'b'): Record<string, string> {
  return replicaEnv({ apiUrl: fake.apiUrl, redisUrl: REDIS_URL!, prefix, replica: `replica-${replica}`, leaseSeconds: LEASE_SECONDS, token: TOKENS[replica] });
}

function envelope(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return eventCallback(eventId, event);
}

/** A message in a thread, not addressed to the bot (answered when it holds evidence). */
function followUp(channel: string, threadTs: string, ts: string, text: string): Record<string, unknown> {
  return { type: 'message', channel_type: 'channel', user: 'U2BOB', channel, ts, thread_ts: threadTs, text };
}

function posts(channel: string): RecordedCall[] {
  return fake.of('chat.postMessage').filter((c) => c.params.channel === channel);
}

/** The job a delivered answer belongs to (its tag in the message metadata: `event:<id>#<n>`). */
function jobTag(message: StoredMessage | undefined): string | undefined {
  return (message?.metadata as { event_payload?: { request?: string } } | undefined)?.event_payload?.request;
}

describeRedis('two replicas on one Redis (HTTP mode)', () => {
  beforeAll(async () => {
    buildIfStale();
    fake = new FakeSlack();
    await fake.start();
    a = new BotProcess(env('a'));
    b = new BotProcess(env('b'));
    await Promise.all([a.start(), b.start()]);
  }, 120_000);

  afterAll(async () => {
    if (process.env.E2E_DEBUG) process.stderr.write(`--- A\n${a?.output}\n--- B\n${b?.output}\n`);
    await Promise.all([a?.stop(), b?.stop()]);
    await fake?.stop();
    await flushPrefix(prefix);
  });

  test('the same event delivered to both replicas at once is answered once', async () => {
    const event = envelope(mention('CBOTH', '1000.0001'), 'EvBoth');
    const [ra, rb] = await Promise.all([a.event(event), b.event(event, { retryNum: 1 })]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await waitFor('the answer', () => fake.delivered('CBOTH').length >= 1, 15_000);
    await sleep(1500);
    expect(fake.delivered('CBOTH')).toHaveLength(1);
  }, 30_000);

  test("a mention answered by A and a follow-up sent to B: B's answer builds on the thread A stored", async () => {
    await a.event(envelope(mention('CFOLLOW', '1100.0001'), 'EvFollow1'));
    await waitFor("A's answer", () => posts('CFOLLOW').length === 1, 15_000);
    expect(String(posts('CFOLLOW')[0]!.params.text)).not.toContain('Updated 502 diagnosis');
    const followUp = { type: 'message', channel_type: 'channel', user: 'U2BOB', channel: 'CFOLLOW', ts: '1100.0002', thread_ts: '1100.0001', text: MORE_EVIDENCE };
    await b.event(envelope(followUp, 'EvFollow2'));
    await waitFor("B's answer", () => posts('CFOLLOW').length === 2, 15_000);
    const second = posts('CFOLLOW')[1]!;
    expect(second.params.thread_ts).toBe('1100.0001');
    // "Updated": B compared its diagnosis with the one A posted, which it could only read from the shared store.
    expect(String(second.params.text)).toContain('Updated 502 diagnosis');
    await sleep(500);
    expect(posts('CFOLLOW')).toHaveLength(2);
  }, 40_000);

  test('two follow-ups in one thread sent to both replicas at once are answered one after the other, the second seeing the first', async () => {
    await a.event(envelope(mention('CORDER', '1200.0001'), 'EvOrder1'));
    await waitFor('the first answer', () => posts('CORDER').length === 1, 15_000);
    const followUp = (ts: string, text: string) => ({ type: 'message', channel_type: 'channel', user: 'U2BOB', channel: 'CORDER', ts, thread_ts: '1200.0001', text });
    await Promise.all([a.event(envelope(followUp('1200.0002', MORE_EVIDENCE), 'EvOrder2')), b.event(envelope(followUp('1200.0003', 'what does 502.5 mean?'), 'EvOrder3'))]);
    await waitFor('both follow-up answers', () => posts('CORDER').length >= 3, 20_000);
    await sleep(1000);
    expect(posts('CORDER')).toHaveLength(3);
    // Neither follow-up's evidence was lost to the other: the shared thread holds all three messages.
    const store = new RedisStore(REDIS_URL!, { keyPrefix: prefix });
    try {
      const thread = await store.getThread(slackKey(TEAM_ID, 'CORDER', '1200.0001'));
      expect(thread!.messages.map((m) => m.messageId).sort()).toEqual(['1200.0001', '1200.0002', '1200.0003']);
    } finally {
      await store.close();
    }
    expect(a.stderr + b.stderr).not.toMatch(/lost the lease/);
  }, 40_000);

  test("a follow-up sent to B while A is posting in the thread waits for A: A's answer lands first and B's reads A's evidence", async () => {
    await a.event(envelope(mention('CLEASE', '1250.0001'), 'EvLease1'));
    await waitFor('the first answer', () => posts('CLEASE').length === 1, 15_000);
    fake.hold('chat.postMessage');
    await a.event(envelope(followUp('CLEASE', '1250.0001', '1250.0002', MORE_EVIDENCE), 'EvLease2'));
    await waitFor("A's held post: A is on the thread", () => fake.waiting('chat.postMessage') === 1, 15_000);
    expect((await b.event(envelope(followUp('CLEASE', '1250.0001', '1250.0003', EVIDENCE), 'EvLease3'))).status).toBe(200);
    // B has stored its job, but A holds the thread (its lease is renewed while the post hangs): B posts nothing meanwhile.
    await sleep(1500);
    expect(posts('CLEASE')).toHaveLength(2);
    expect(fake.waiting('chat.postMessage')).toBe(1);
    fake.release('chat.postMessage');
    await waitFor('both follow-up answers', () => fake.delivered('CLEASE').length === 3, 20_000);
    const [, first, second] = fake.delivered('CLEASE');
    expect([jobTag(first), jobTag(second)]).toEqual(['event:EvLease2#0', 'event:EvLease3#0']);
    const answerOfB = posts('CLEASE')[2]!;
    expect(answerOfB.authorization).toBe(`Bearer ${TOKENS.b}`);
    // B's diagnosis was worked out on the thread with A's follow-up in it: A's is message 2, B's message 3.
    expect(String(answerOfB.params.text)).toContain('Updated 502 diagnosis');
    expect(JSON.stringify(answerOfB.params.blocks)).toMatch(/Read message 1 \(.*message 2 \(.* and message 3 \(/);
    await sleep(500);
    expect(fake.delivered('CLEASE')).toHaveLength(3);
    expect(a.stderr + b.stderr).not.toMatch(/lost the lease/);
  }, 60_000);

  test('50 events spread over both replicas (a fifth of them redelivered to the other one) are each answered exactly once', async () => {
    const sends: Promise<Response>[] = [];
    for (let i = 0; i < 50; i += 1) {
      const event = envelope(mention(`CMANY${i}`, `1300.${String(i).padStart(4, '0')}`), `EvMany${i}`);
      const [first, other] = i % 2 === 0 ? [a, b] : [b, a];
      sends.push(first.event(event));
      if (i % 5 === 0) sends.push(other.event(event, { retryNum: 1 }));
    }
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const answered = () => Array.from({ length: 50 }, (_, i) => fake.delivered(`CMANY${i}`).length);
    await waitFor('all 50 answers', () => answered().every((n) => n >= 1), 90_000);
    await sleep(2000);
    expect(answered()).toEqual(Array.from({ length: 50 }, () => 1));
    // Both replicas did some of the work: each accepts the events only it was sent, and posts their answers.
    const posters = new Set(fake.of('chat.postMessage').filter((c) => String(c.params.channel).startsWith('CMANY')).map((c) => c.authorization));
    expect(posters).toEqual(new Set([`Bearer ${TOKENS.a}`, `Bearer ${TOKENS.b}`]));
    expect(a.stderr + b.stderr).not.toMatch(/failed:/);
  }, 120_000);

  test('replica A killed (SIGKILL) while its post is held: B delivers that answer once, after the lease', async () => {
    const { tookMs, exitCode } = await killWhilePosting(fake, a, { channel: 'CDEATH', ts: '1400.0001', eventId: 'EvDeath', timeoutMs: 30_000 });
    expect(exitCode).toBeNull();
    process.stderr.write(`\nreplica death -> other replica delivered the pending answer: ${tookMs} ms (JOB_LEASE_SECONDS=${LEASE_SECONDS})\n`);
    expect(b.stderr).toMatch(/resuming job event:EvDeath/);
    // Not before the lease ran out (it was renewed up to the kill), and not long after.
    expect(tookMs).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000 * (2 / 3) - 500);
    expect(tookMs).toBeLessThan(LEASE_SECONDS * 1000 + 5000);
    await sleep(2000);
    expect(fake.delivered('CDEATH')).toHaveLength(1);
    expect(fake.delivered('CDEATH')[0]!.thread_ts).toBe('1400.0001');
  }, 60_000);

  test('replica A killed after Slack took its post, before A heard back: B resumes the job, finds the answer in the thread and posts nothing', async () => {
    // The test before killed A: a new process of replica A (same REPLICA_ID) takes its place.
    if (!a.alive) await a.start();
    fake.hold('chat.postMessage', { after: true });
    await a.event(envelope(mention('CTAKEN', '1500.0001'), 'EvTaken'));
    await waitFor("A's post, in the channel but not answered", () => fake.waiting('chat.postMessage') === 1, 15_000);
    expect(fake.delivered('CTAKEN')).toHaveLength(1);
    expect(await a.stop('SIGKILL')).toBeNull();
    fake.release('chat.postMessage');
    await waitFor('B resuming the job once its lease ran out', () => /resuming job event:EvTaken/.test(b.stderr), LEASE_SECONDS * 1000 + 10_000);
    await waitFor('B asking Slack whether the answer landed', () => fake.of('conversations.replies').some((c) => c.params.channel === 'CTAKEN'), 10_000);
    await sleep(2000);
    expect(posts('CTAKEN')).toHaveLength(1);
    expect(fake.delivered('CTAKEN')).toHaveLength(1);
    const store = new RedisStore(REDIS_URL!, { keyPrefix: prefix });
    try {
      expect((await store.getJob('event:EvTaken'))?.state).toBe('done');
    } finally {
      await store.close();
    }
  }, 60_000);
});
