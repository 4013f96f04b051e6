/**
 * Start-up figures (issue 9): the CLI on a one-line input against a bare `node -e 0`, and how long
 * `npm start` takes to say its first word in console mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GNU_TIME, median } from './measure';

export const COLD_START_TARGETS = { cliOverNode: 1.5, promptMs: 1000 };
const RUNS = 25;

interface Command {
  command: string;
  args: readonly string[];
}

/** Wall time of one run of `command args` in milliseconds, output discarded. */
function wallMs({ command, args }: Command, cwd: string): number {
  const start = performance.now();
  spawnSync(command, args, { cwd, stdio: 'ignore' });
  return performance.now() - start;
}

/** CPU time (user + system, through GNU time) of one run in milliseconds, or NaN when it cannot be measured. */
function cpuMs({ command, args }: Command, cwd: string): number {
  const r = spawnSync(GNU_TIME, ['-f', '%U %S', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const match = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(r.stderr ?? '');
  if (r.error || !match) return Number.NaN;
  return (Number(match[1]) + Number(match[2])) * 1000;
}

export interface PairedMedians {
  base: number;
  subject: number;
}

/**
 * Medians of `measure` over `runs` runs of a base command and a subject command, run in turns
 * (base, subject, base, ...) after one unmeasured run of each. Run in two blocks, one command's
 * runs would meet other neighbours on a shared machine than the other's; in turns, both meet the
 * same ones, so their ratio says something about the commands and not about the moment.
 */
export function pairedMedians(measure: (c: Command, cwd: string) => number, base: Command, subject: Command, runs: number, cwd: string): PairedMedians {
  measure(base, cwd);
  measure(subject, cwd);
  const baseTimes: number[] = [];
  const subjectTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    baseTimes.push(measure(base, cwd));
    subjectTimes.push(measure(subject, cwd));
  }
  return { base: median(baseTimes), subject: median(subjectTimes) };
}

/** The environment of a fresh machine: no Slack credentials, a store of its own. */
function consoleEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STORE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'diag502-bench-')), 'threads.db')}` };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete env[name];
  return env;
}

/** Milliseconds from spawning `command args` (stdin: "exit") to its first byte on stdout or stderr. */
export function timeToFirstOutput(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: consoleEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let first: number | undefined;
    const seen = (): void => {
      first ??= performance.now() - start;
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('error', reject);
    child.on('close', () => (first === undefined ? reject(new Error(`${command} ${args.join(' ')} printed nothing`)) : resolve(first)));
    child.stdin.end('exit\n');
  });
}

async function medianFirstOutput(command: string, args: readonly string[], runs: number, cwd: string): Promise<number> {
  await timeToFirstOutput(command, args, cwd);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timeToFirstOutput(command, args, cwd));
  return median(times);
}

export interface ColdStart {
  nodeMs: number;
  cliMs: number;
  ratio: number;
  promptMs: number;
  launcherMs: number;
  lines: string[];
}

/** Whether bin/diag502.js will run the bundle (it is as new as the last tsc emit), as it decides. */
function bundleInUse(root: string): boolean {
  try {
    return statSync(join(root, 'dist', 'cli.bundle.js')).mtimeMs >= statSync(join(root, 'dist', '.tsbuildinfo')).mtimeMs;
  } catch {
    return false;
  }
}

export async function runColdStartBench(root: string): Promise<ColdStart> {
  const input = join(mkdtempSync(join(tmpdir(), 'diag502-bench-')), 'one-line.txt');
  writeFileSync(input, 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n');
  const bareNode = { command: process.execPath, args: ['-e', '0'] };
  const cli = { command: process.execPath, args: [join(root, 'bin', 'diag502.js'), input] };
  const { base: nodeMs, subject: cliMs } = pairedMedians(wallMs, bareNode, cli, RUNS, root);
  const ratio = cliMs / nodeMs;
  const { base: nodeCpu, subject: cliCpu } = pairedMedians(cpuMs, bareNode, cli, RUNS, root);
  const promptRuns = 5;
  const promptMs = await medianFirstOutput('npm', ['start', '--silent'], promptRuns, root);
  const launcherMs = await medianFirstOutput(process.execPath, [join(root, 'bin', 'start.js')], promptRuns, root);
  const lines = [
    `node -e 0:                          median ${nodeMs.toFixed(0)} ms over ${RUNS} runs, taken in turns with the CLI's`,
    `node bin/diag502.js <one-line file>: median ${cliMs.toFixed(0)} ms over ${RUNS} runs (${bundleInUse(root) ? 'bundled' : 'NOT bundled: dist/cli.bundle.js is missing or older than the last tsc run; npm run build makes it'})`,
    `ratio CLI / node: ${ratio.toFixed(2)} (CPU time, user + system: node ${nodeCpu.toFixed(0)} ms, CLI ${cliCpu.toFixed(0)} ms, ratio ${(cliCpu / nodeCpu).toFixed(2)})`,
    `npm start (console, stdin "exit"), time to first output: median ${promptMs.toFixed(0)} ms over ${promptRuns} runs (node bin/start.js alone: ${launcherMs.toFixed(0)} ms)`,
  ];
  return { nodeMs, cliMs, ratio, promptMs, launcherMs, lines };
}
