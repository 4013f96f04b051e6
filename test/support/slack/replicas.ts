/**
 * Bot replicas (HTTP mode) on one Redis against the fake Web API: the environment each replica
 * runs with, the mentions they are sent, and one failover round (a replica killed while its post
 * is held; another one delivers that answer once its lease runs out). Shared by
 * test/slack/e2e/replicas.e2e.test.ts and bench/replica-failover.ts, so the benchmark measures
 * exactly what the test checks.
 */
import { sleep, SIGNING_SECRET, waitFor, type BotProcess } from './bot-process';
import { eventCallback } from './envelopes';
import { BOT_USER_ID, type FakeSlack } from './fake-slack';

export const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';

/**
 * One replica's environment. Each replica has its own REPLICA_ID, as on two machines: a dead
 * replica's work is then taken over through the lease alone (on one host it would be at once,
 * see owner.ts). `token` lets a test tell from the fake's records which replica made a call.
 */
export function replicaEnv(o: { apiUrl: string; redisUrl: string; prefix: string; replica: string; leaseSeconds: number; token?: string }): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: o.token ?? 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: o.apiUrl,
    STORE_URL: o.redisUrl,
    STORE_KEY_PREFIX: o.prefix,
    REPLICA_ID: o.replica,
    LOG_LEVEL: 'info',
    JOB_LEASE_SECONDS: String(o.leaseSeconds),
    DELIVERY_RETRY_SECONDS: '1,1',
  };
}

/** An app_mention event (the bot answers it in its thread). */
export function mention(channel: string, ts: string, text = EVIDENCE): Record<string, unknown> {
  return { type: 'app_mention', user: 'U1ALICE', channel, ts, text: `<@${BOT_USER_ID}> ${text}` };
}

export interface Failover {
  /** From the SIGKILL to the fake Web API recording the other replica's post. */
  tookMs: number;
  /** The killed process's exit code: null when the signal killed it. */
  exitCode: number | null;
}

/**
 * Sends a mention to `dying`, holds its answer's chat.postMessage (the call never reaches
 * "Slack"), SIGKILLs it, lets posts through again and waits until some other replica has
 * delivered that answer in `channel`. Leaves the kill to be judged by the caller.
 */
export async function killWhilePosting(fake: FakeSlack, dying: BotProcess, o: { channel: string; ts: string; eventId: string; timeoutMs: number }): Promise<Failover> {
  fake.hold('chat.postMessage');
  await dying.event(eventCallback(o.eventId, mention(o.channel, o.ts)));
  await waitFor(`the held post in ${o.channel}`, () => fake.waiting('chat.postMessage') === 1, 15_000);
  const diedAt = Date.now();
  const exitCode = await dying.stop('SIGKILL');
  // The dead process's call never reached Slack.
  await sleep(300);
  fake.release('chat.postMessage');
  await waitFor(`the other replica's delivery in ${o.channel}`, () => fake.delivered(o.channel).length === 1, o.timeoutMs);
  return { tookMs: Date.now() - diedAt, exitCode };
}
