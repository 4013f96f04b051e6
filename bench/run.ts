/**
 * `npm run bench`: how fast diag502 is where it matters.
 *  1. diagnose() on a 40 KB mixed paste (the Slack path): median of 300 runs, target < 5 ms.
 *  2. a 1,000,000-row W3C log (about 130 MB) is generated once under bench/.out/.
 *  3. the CLI on that log (wall time and peak RSS, best of 3),
 *  4. against a one-pass mawk aggregate of the same log (bench/aggregate.awk), best of 3;
 *  5. the ratio, with PASS/FAIL against: CLI <= 1.5x awk, CLI peak RSS < 200 MB.
 *  6. the Slack bot's ack latency under bursts of signed requests (bench/ack-latency.ts).
 *  7. cold start (bench/cold-start.ts): the CLI on a one-line file against `node -e 0` (median of
 *     25 runs each, target <= 1.5x) and where its time goes (phase by phase), `npm start`'s time to
 *     first output in console mode, and its time to the prompt in a pseudo-terminal (both < 1 s).
 *  8. the CLI with --chart on the big log (the timeline drawn to a PNG): wall time and peak RSS
 *     against the plain CLI of section 3, targets: at most 1 s more, peak RSS still < 200 MB.
 *  9. replica failover (bench/replica-failover.ts): two bot replicas on one Redis, replica A
 *     SIGKILLed mid-post 5 times with a 5 s lease: min, median and max time from the kill to the
 *     other replica delivering A's answer. Needs a Redis (DIAG502_TEST_REDIS_URL or redis-server
 *     on PATH); skipped, saying so, without one.
 * Prints plain text and always exits 0: it reports, it does not gate.
 * BENCH_ROWS=100000 npm run bench runs a smaller log; `npm run bench -- cold` runs section 7 alone;
 * `npm run bench -- chart` runs sections 2, 3 and 8; `npm run bench -- failover` runs section 9 alone.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import os from 'node:os';
import { diagnose } from '../src/diagnose';
import { ensureLog } from './generate-log';
import { median, timeCommand, timeRuns, type CommandTiming } from './measure';
import { mixedPaste } from './mixed-paste';
import { runAckLatencyBench } from './ack-latency';
import { COLD_START_TARGETS, runColdStartBench } from './cold-start';
import { runReplicaFailoverBench } from './replica-failover';

const TARGETS = { pasteMs: 5, cliOverAwk: 1.5, cliPeakMb: 200, chartExtraSeconds: 1 };
const PASTE_RUNS = 300;
const PASTE_WARMUP = 50;
const COMMAND_RUNS = 3;

/** The repository root: the nearest folder above this file with a package.json (works from dist/ too). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the bench script');
    dir = up;
  }
  return dir;
}

function verdict(ok: boolean, text: string): string {
  return `${ok ? 'PASS' : 'FAIL'}  ${text}`;
}

function describe(t: CommandTiming | { error: string }): string {
  if ('error' in t) return `could not be measured: ${t.error}`;
  const exit = t.exitCode === 0 || t.exitCode === 1 ? '' : ` (exit code ${t.exitCode})`;
  return `best of ${COMMAND_RUNS}: ${t.seconds.toFixed(2)} s, peak RSS ${t.peakMb.toFixed(1)} MB${exit}`;
}

async function main(): Promise<void> {
  const root = repoRoot();
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const out: string[] = [];
  const say = (line = ''): void => {
    out.push(line);
    console.log(line);
  };
  say(`diag502 benchmark: node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}, load average ${os.loadavg()[0]!.toFixed(1)}`);
  say();
  if (process.argv.includes('cold')) {
    await coldStart(root, say);
    return;
  }
  if (process.argv.includes('failover')) {
    await failover(say);
    return;
  }

  // 1. The paste path.
  const paste = mixedPaste();
  const times = timeRuns(() => diagnose([{ source: 'paste', text: paste, slack: false }]), PASTE_RUNS, PASTE_WARMUP);
  const pasteMs = median(times);
  const p90 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)] ?? Number.NaN;
  say(`1. diagnose() on a ${(paste.length / 1024).toFixed(1)} KB mixed paste: median ${pasteMs.toFixed(2)} ms over ${PASTE_RUNS} runs (p90 ${p90.toFixed(2)} ms)`);

  // 2. The big log.
  const outDir = join(root, 'bench', '.out');
  mkdirSync(outDir, { recursive: true });
  const logName = rows === 1_000_000 ? 'u_ex-1m.log' : `u_ex-${rows}.log`;
  const logPath = join(outDir, logName);
  const log = await ensureLog(logPath, rows);
  say(`2. ${relative(root, logPath)}: ${rows.toLocaleString('en-US')} rows, ${(log.bytes / 1024 / 1024).toFixed(1)} MB (${log.reused ? 'reused' : 'generated'})`);

  // 3. The CLI.
  const cliBuilt = existsSync(join(root, 'dist', 'src', 'cli.js'));
  const cli = cliBuilt
    ? timeCommand(process.execPath, [join(root, 'bin', 'diag502.js'), '--json', logPath], COMMAND_RUNS, root)
    : { error: 'dist/src/cli.js is missing (src/cli.ts not built)' };
  say(`3. CLI  node bin/diag502.js --json: ${describe(cli)}`);

  if (process.argv.includes('chart')) {
    await chart(root, logPath, cli, say);
    return;
  }

  // 4. The awk yardstick.
  const awk = timeCommand('awk', ['-f', join(root, 'bench', 'aggregate.awk'), logPath], COMMAND_RUNS, root);
  say(`4. awk  -f bench/aggregate.awk (mawk here): ${describe(awk)}`);

  // 5. Ratio and verdicts.
  const ratio = 'error' in cli || 'error' in awk ? Number.NaN : cli.seconds / awk.seconds;
  say(`5. ratio CLI/awk: ${Number.isNaN(ratio) ? 'n/a' : ratio.toFixed(2)}`);
  say();
  say(verdict(pasteMs < TARGETS.pasteMs, `paste median ${pasteMs.toFixed(2)} ms < ${TARGETS.pasteMs} ms`));
  say(verdict(ratio <= TARGETS.cliOverAwk, `CLI ${Number.isNaN(ratio) ? 'n/a' : `${ratio.toFixed(2)}x`} awk <= ${TARGETS.cliOverAwk}x`));
  const peak = 'error' in cli ? Number.NaN : cli.peakMb;
  say(verdict(peak < TARGETS.cliPeakMb, `CLI peak RSS ${Number.isNaN(peak) ? 'n/a' : `${peak.toFixed(1)} MB`} < ${TARGETS.cliPeakMb} MB`));

  // 6. The Slack bot's acks under a burst (issue 7).
  say();
  say('6. Slack bot (HTTP mode, SQLite store) under concurrent signed requests over loopback, fake Web API with keep-alive:');
  const acks = await runAckLatencyBench();
  for (const line of acks.lines) say(`   ${line}`);

  say();
  await coldStart(root, say);
  say();
  await chart(root, logPath, cli, say);
  say();
  await failover(say);
}

/** 9. Replica failover on Redis (issue 10). */
async function failover(say: (line?: string) => void): Promise<void> {
  say('9. Replica failover (two bot replicas on one Redis):');
  const result = await runReplicaFailoverBench();
  for (const line of result.lines) say(`   ${line}`);
}

/** 8. The timeline chart of the big log (issue 11): what drawing it adds to the plain CLI. */
async function chart(root: string, logPath: string, plain: CommandTiming | { error: string }, say: (line?: string) => void): Promise<void> {
  const png = join(root, 'bench', '.out', 'timeline.png');
  const timed = 'error' in plain ? plain : timeCommand(process.execPath, [join(root, 'bin', 'diag502.js'), '--json', '--chart', png, logPath], COMMAND_RUNS, root);
  say(`8. CLI  node bin/diag502.js --json --chart ${relative(root, png)}: ${describe(timed)}${existsSync(png) ? `, PNG ${(statSync(png).size / 1024).toFixed(0)} KB` : ''}`);
  if ('error' in timed || 'error' in plain) return;
  const extra = timed.seconds - plain.seconds;
  say(verdict(extra <= TARGETS.chartExtraSeconds, `--chart adds ${extra.toFixed(2)} s <= ${TARGETS.chartExtraSeconds} s`));
  say(verdict(timed.peakMb < TARGETS.cliPeakMb, `CLI --chart peak RSS ${timed.peakMb.toFixed(1)} MB < ${TARGETS.cliPeakMb} MB`));
}

/** 7. Cold start (issue 9). */
async function coldStart(root: string, say: (line?: string) => void): Promise<void> {
  say('7. Cold start:');
  const cold = await runColdStartBench(root);
  for (const line of cold.lines) say(`   ${line}`);
  say();
  say(verdict(cold.ratio <= COLD_START_TARGETS.cliOverNode, `CLI cold start ${cold.ratio.toFixed(2)}x node -e 0 <= ${COLD_START_TARGETS.cliOverNode}x`));
  say(verdict(cold.promptMs < COLD_START_TARGETS.promptMs, `npm start first output ${cold.promptMs.toFixed(0)} ms < ${COLD_START_TARGETS.promptMs} ms`));
  say(verdict(cold.terminalPrompt.ms < COLD_START_TARGETS.promptMs, `npm start prompt in a terminal ${cold.terminalPrompt.ms.toFixed(0)} ms < ${COLD_START_TARGETS.promptMs} ms${cold.terminalPrompt.banner ? " (npm's banner shown first)" : ''}`));
}

main().catch((error: unknown) => {
  // A missed target still exits 0; a benchmark that could not run at all does not.
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
