/**
 * How fast the Slack bot acknowledges under a burst, and whether every request is still answered
 * exactly once. The real bot (`dist/src/main.js`, HTTP mode, SQLite store) runs as a child
 * process; the fake Slack Web API (keep-alive, as Slack's is) runs in another; this process only
 * sends Slack-signed requests over loopback and times them.
 *
 * Scenarios (issue 7): 10 waves of 50 concurrent slash commands with 5 KB pastes, the same with
 * mentions, then 30 concurrent 1 MB pastes while /healthz and `/diag502 help` are probed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BotProcess, sleep } from '../test/support/slack/bot-process';
import type { FakeStats } from './fake-slack-process';
import { mixedPaste } from './mixed-paste';

const TEAM = 'T0TEAM';
const BOT_USER = 'U0BOT';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

export function describeLatency(s: LatencySummary): string {
  return `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${s.count} requests)`;
}

class FakeSlackProcess {
  private child: ChildProcess | undefined;
  apiUrl = '';
  port = 0;

  async start(): Promise<void> {
    const child = fork(join(__dirname, 'fake-slack-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (m: { type?: string; apiUrl?: string; port?: number }) => {
        if (m.type === 'ready') {
          this.apiUrl = m.apiUrl ?? '';
          this.port = m.port ?? 0;
          resolve();
        }
      });
    });
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  stats(): Promise<FakeStats> {
    return new Promise((resolve) => {
      const onMessage = (m: { type?: string; stats?: FakeStats }): void => {
        if (m.type !== 'stats' || !m.stats) return;
        this.child?.off('message', onMessage);
        resolve(m.stats);
      };
      this.child?.on('message', onMessage);
      this.child?.send({ type: 'stats' });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.send({ type: 'stop' });
    await Promise.race([exited, sleep(3000).then(() => child.kill('SIGKILL'))]);
  }
}

function commandFields(fake: FakeSlackProcess, channel: string, text: string, id: string): Record<string, string> {
  return {
    token: 'legacy',
    team_id: TEAM,
    channel_id: channel,
    user_id: 'U1ALICE',
    user_name: 'alice',
    command: '/diag502',
    text,
    response_url: fake.responseUrl(id),
    trigger_id: `trig.${id}`,
    api_app_id: 'A0APP',
  };
}

let eventCounter = 0;
function eventEnvelope(event: Record<string, unknown>): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `EvBench${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    event: { event_ts: event.ts, ...event },
  };
}

/** Times one request until its response status arrives (the ack), and checks it was a 200. */
async function timed(send: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const res = await send();
  const elapsed = performance.now() - start;
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`ack was HTTP ${res.status}`);
  return elapsed;
}

/** Waits until `expected` channels (or response ids) have their answer; returns when the last one came. */
async function waitForAnswers(fake: FakeSlackProcess, expected: readonly string[], pick: (s: FakeStats) => Record<string, number>, timeoutMs: number): Promise<{ at: number; stats: FakeStats; missing: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const stats = await fake.stats();
    const seen = pick(stats);
    const missing = expected.filter((id) => (seen[id] ?? 0) === 0).length;
    if (missing === 0 || performance.now() > deadline) return { at: performance.now(), stats, missing };
    await sleep(50);
  }
}

interface ScenarioResult {
  name: string;
  acks: LatencySummary;
  answersPerSecond: number;
  answered: number;
  expected: number;
  duplicates: number;
}

function exactlyOnce(expected: readonly string[], seen: Record<string, number>): { answered: number; duplicates: number } {
  let answered = 0;
  let duplicates = 0;
  for (const id of expected) {
    const n = seen[id] ?? 0;
    if (n >= 1) answered += 1;
    if (n > 1) duplicates += n - 1;
  }
  return { answered, duplicates };
}

async function waves(name: string, fake: FakeSlackProcess, count: number, size: number, send: (wave: number, i: number) => { channel: string; request: () => Promise<Response> }): Promise<ScenarioResult> {
  const acks: number[] = [];
  const channels: string[] = [];
  const start = performance.now();
  for (let wave = 0; wave < count; wave += 1) {
    const requests = Array.from({ length: size }, (_, i) => send(wave, i));
    channels.push(...requests.map((r) => r.channel));
    acks.push(...(await Promise.all(requests.map((r) => timed(r.request)))));
  }
  const done = await waitForAnswers(fake, channels, (s) => s.posts, 180_000);
  const once = exactlyOnce(channels, done.stats.posts);
  return { name, acks: summarize(acks), answersPerSecond: (once.answered / (done.at - start)) * 1000, expected: channels.length, ...once };
}

export interface AckBenchReport {
  lines: string[];
}

/** Runs every scenario against a fresh bot; returns printable lines. */
export async function runAckLatencyBench(): Promise<AckBenchReport> {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'diag502-ackbench-'));
  const fake = new FakeSlackProcess();
  await fake.start();
  const bot = new BotProcess({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: `sqlite:${join(dir, 'bench.db')}`,
    LOG_LEVEL: 'error',
    // BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot (to find what delays acks).
  }, (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean));
  try {
    await bot.start();
    const paste5k = mixedPaste().slice(0, 5 * 1024);
    const row = '2026-11-20 10:15:02 10.0.0.4 GET /api/orders - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120012\n';
    const paste1m = `HTTP Error 502.3 - Bad Gateway\n${row.repeat(Math.ceil((1024 * 1024) / row.length))}`;

    // The first burst after start opens the connections and runs code not compiled yet: reported
    // on its own, not mixed into the steady state.
    const cold = await waves('first burst after start (cold: new connections, code not yet compiled), 50 concurrent slash commands', fake, 1, 50, (w, i) => ({ channel: `CWARM${w}x${i}`, request: () => bot.command(commandFields(fake, `CWARM${w}x${i}`, paste5k, `warm${w}x${i}`)) }));
    // The floor: Bolt acking a request that needs no work (`/diag502 help` is answered in the ack).
    const floor: number[] = [];
    for (let wave = 0; wave < 10; wave += 1) {
      floor.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => timed(() => bot.command(commandFields(fake, 'CFLOOR', 'help', `floor${wave}x${i}`)))))));
    }

    const results: ScenarioResult[] = [cold];
    results.push(
      await waves('slash commands, 10 waves x 50 concurrent, 5 KB', fake, 10, 50, (w, i) => {
        const channel = `CCMD${w}x${i}`;
        return { channel, request: () => bot.command(commandFields(fake, channel, paste5k, `cmd${w}x${i}`)) };
      }),
    );
    results.push(
      await waves('mentions, 10 waves x 50 concurrent, 5 KB', fake, 10, 50, (w, i) => {
        const channel = `CMEN${w}x${i}`;
        return { channel, request: () => bot.event(eventEnvelope({ type: 'app_mention', user: 'U1ALICE', channel, ts: `1700000${w}.${String(i).padStart(6, '0')}`, text: `<@${BOT_USER}> ${paste5k}` })) };
      }),
    );

    // Big pastes, with /healthz and /diag502 help probed meanwhile.
    let probing = true;
    const health: number[] = [];
    const help: number[] = [];
    let helpCount = 0;
    const probe = (async () => {
      while (probing) {
        health.push(await timed(() => fetch(`${bot.base}/healthz`)));
        helpCount += 1;
        help.push(await timed(() => bot.command(commandFields(fake, 'CHELP', 'help', `help${helpCount}`))));
        await sleep(20);
      }
    })();
    results.push(
      await waves('direct messages, 30 concurrent, 1 MB', fake, 1, 30, (_w, i) => {
        const channel = `DBIG${i}`;
        return { channel, request: () => bot.event(eventEnvelope({ type: 'message', channel_type: 'im', user: 'U1ALICE', channel, ts: `1800000.${String(i).padStart(6, '0')}`, text: paste1m })) };
      }),
    );
    probing = false;
    await probe;

    lines.push(`floor, 10 waves x 50 concurrent /diag502 help (acked with no work): acks ${describeLatency(summarize(floor))}`);
    for (const r of results) {
      lines.push(`${r.name}:`);
      lines.push(`   acks ${describeLatency(r.acks)}`);
      lines.push(`   answered ${r.answered}/${r.expected}, duplicates ${r.duplicates}, ${r.answersPerSecond.toFixed(1)} answers/s`);
    }
    lines.push(`   meanwhile GET /healthz ${describeLatency(summarize(health))}`);
    lines.push(`   meanwhile /diag502 help ack ${describeLatency(summarize(help))}`);
    const small = results.slice(1, 3);
    const big = results[3]!;
    lines.push(verdictLine(small.every((r) => r.acks.p99 < 100), `ack p99 < 100 ms with 50 concurrent 5 KB requests (${small.map((r) => ms(r.acks.p99)).join(', ')})`));
    lines.push(verdictLine(big.acks.max < 1000, `every ack < 1 s with 30 concurrent 1 MB pastes (max ${ms(big.acks.max)})`));
    lines.push(verdictLine(results.every((r) => r.answered === r.expected && r.duplicates === 0), 'every request answered exactly once'));
  } finally {
    await bot.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { lines };
}

function verdictLine(ok: boolean, text: string): string {
  return `${ok ? 'PASS' : 'FAIL'}  ${text}`;
}

if (require.main === module) {
  runAckLatencyBench().then(
    (report) => console.log(report.lines.join('\n')),
    (error: unknown) => {
      console.error(`ack-latency bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
