/**
 * How long a dead replica's pending answer waits (issue 10): two bot replicas (HTTP mode) on one
 * Redis against the fake Web API; replica A is SIGKILLed while its post is held, `rounds` times
 * (a new process of A takes its place after each kill), and each time this times the SIGKILL to
 * replica B's delivery of A's answer. The same round as test/slack/e2e/replicas.e2e.test.ts
 * (test/support/slack/replicas.ts). Needs a Redis: DIAG502_TEST_REDIS_URL, or a redis-server on
 * PATH started here on a free loopback port; with neither, the section says it was skipped.
 */
import { spawnSync } from 'node:child_process';
import { BotProcess, sleep } from '../test/support/slack/bot-process';
import { FakeSlack } from '../test/support/slack/fake-slack';
import { killWhilePosting, replicaEnv } from '../test/support/slack/replicas';
import { flushPrefix, REDIS_URL, startRedisServer, uniquePrefix } from '../test/support/redis/redis-test';
import { median } from './measure';

export const FAILOVER_ROUNDS = 5;
export const FAILOVER_LEASE_SECONDS = 5;

export interface FailoverResult {
  /** Milliseconds from each SIGKILL to the other replica's post; empty when skipped. */
  times: number[];
  lines: string[];
}

function redisServerOnPath(): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return !found.error && found.status === 0;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export async function runReplicaFailoverBench(rounds = FAILOVER_ROUNDS, leaseSeconds = FAILOVER_LEASE_SECONDS): Promise<FailoverResult> {
  if (!REDIS_URL && !redisServerOnPath()) {
    return { times: [], lines: ['skipped: no Redis (set DIAG502_TEST_REDIS_URL, or put redis-server on PATH: apt-get install redis-server)'] };
  }
  const own = REDIS_URL ? undefined : await startRedisServer();
  const redisUrl = REDIS_URL ?? own!.url;
  const prefix = uniquePrefix('bench-failover');
  const fake = new FakeSlack();
  await fake.start();
  const env = (replica: string) => replicaEnv({ apiUrl: fake.apiUrl, redisUrl, prefix, replica, leaseSeconds });
  const a = new BotProcess(env('replica-a'));
  const b = new BotProcess(env('replica-b'));
  const times: number[] = [];
  const channels: string[] = [];
  try {
    await Promise.all([a.start(), b.start()]);
    for (let i = 0; i < rounds; i += 1) {
      if (!a.alive) await a.start();
      const channel = `CFAILOVER${i}`;
      channels.push(channel);
      const { tookMs } = await killWhilePosting(fake, a, { channel, ts: `9100.${String(i + 1).padStart(4, '0')}`, eventId: `EvFailover${i}`, timeoutMs: leaseSeconds * 1000 + 30_000 });
      times.push(tookMs);
    }
    // Anything posted twice would have landed by now.
    await sleep(2000);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await fake.stop();
    if (own) await own.stop();
    else await flushPrefix(prefix);
  }
  const once = channels.filter((c) => fake.delivered(c).length === 1).length;
  const sorted = [...times].sort((x, y) => x - y);
  const lines = [
    `replica A killed (SIGKILL) while its post was held, ${rounds} times, JOB_LEASE_SECONDS=${leaseSeconds}, on ${own ? `a redis-server started here (${redisUrl})` : redisUrl}:`,
    `SIGKILL -> replica B's delivery of A's answer: min ${seconds(sorted[0]!)}, median ${seconds(median(sorted))}, max ${seconds(sorted[sorted.length - 1]!)}`,
    `each answer delivered exactly once: ${once} of ${rounds}`,
  ];
  return { times, lines };
}
