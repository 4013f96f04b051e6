/**
 * Start-up figures (issue 9): the CLI on a one-line input against a bare `node -e 0`, where the
 * CLI's time goes (the phases bin/diag502.js marks with DIAG502_TIMING=1), and how long `npm start`
 * takes to say its first word in console mode and to show its prompt in a terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn as spawnPty } from 'node-pty';
import { PROMPT } from '../src/console/terminal-session';
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

/** What npm prints before running a script unless told to be silent: `> diag502@0.1.0 start`. */
const NPM_BANNER = /^> \S+@\S+ start$/m;

export interface PromptTiming {
  ms: number;
  /** Whether npm's banner was on the screen before the prompt. */
  banner: boolean;
}

/**
 * Milliseconds from spawning `command args` in a pseudo-terminal (100 x 50, like a person's) to the
 * console's prompt on its screen; then types `exit` and waits for the end.
 */
export function timeToPrompt(command: string, args: readonly string[], cwd: string): Promise<PromptTiming> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawnPty(command, [...args], { name: 'xterm-256color', cols: 100, rows: 50, cwd, env: consoleEnv() as Record<string, string> });
    let screen = '';
    let shown: PromptTiming | undefined;
    pty.onData((data) => {
      screen += data;
      const at = shown === undefined ? screen.indexOf(PROMPT) : -1;
      if (at < 0) return;
      shown = { ms: performance.now() - start, banner: NPM_BANNER.test(screen.slice(0, at).replace(/\r/g, '')) };
      pty.write('exit\r');
    });
    const giveUp = setTimeout(() => pty.kill(), 60_000);
    pty.onExit(() => {
      clearTimeout(giveUp);
      if (shown) resolve(shown);
      else reject(new Error(`${command} ${args.join(' ')} showed no prompt:\n${screen}`));
    });
  });
}

async function medianToPrompt(command: string, args: readonly string[], runs: number, cwd: string): Promise<PromptTiming> {
  await timeToPrompt(command, args, cwd);
  const times: PromptTiming[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timeToPrompt(command, args, cwd));
  return { ms: median(times.map((t) => t.ms)), banner: times.some((t) => t.banner) };
}

/** A phase of the CLI's start as bin/diag502.js marks it, and how long it took (from the mark before). */
export interface StartPhase {
  name: string;
  ms: number;
  detail?: { codeCache?: string };
}

const TIMING_LINE = /^diag502 timing: (.*)$/m;

/**
 * The phases in the line bin/diag502.js prints on stderr with DIAG502_TIMING=1: each mark's time
 * since the mark before it (the first since Node started). Empty when the line is missing.
 */
export function startPhases(stderr: string): StartPhase[] {
  const line = TIMING_LINE.exec(stderr)?.[1];
  if (line === undefined) return [];
  const marks = JSON.parse(line) as [string, number, StartPhase['detail'] | null][];
  return marks.map(([name, at, detail], i) => ({ name, ms: at - (marks[i - 1]?.[1] ?? 0), ...(detail ? { detail } : {}) }));
}

/** What each mark of bin/diag502.js ends, in words. */
const PHASE_WORDS: Record<string, string> = {
  launcher: "Node's own start, to bin/diag502.js",
  'bundle read': 'read the bundle and its code cache',
  'bundle compiled': 'compile the bundle',
  'modules initialised': "run the modules' top-level code",
  'modules loaded': 'load the separate modules of dist/src',
  diagnosed: 'first diagnosis: read the file, diagnose, print',
  exit: 'to the exit event',
};

/**
 * The median of each phase over `runs` runs of the CLI with DIAG502_TIMING=1 (after one unmeasured
 * run), and the median wall time of those runs seen from outside (spawn to end).
 */
function cliPhases(cli: Command, runs: number, cwd: string): { phases: StartPhase[]; wallMs: number } {
  const env = { ...process.env, DIAG502_TIMING: '1' };
  const runOnce = (): { phases: StartPhase[]; wallMs: number } => {
    const start = performance.now();
    const r = spawnSync(cli.command, cli.args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    return { phases: startPhases(r.stderr ?? ''), wallMs: performance.now() - start };
  };
  runOnce();
  const all = Array.from({ length: runs }, runOnce);
  const first = all[0]?.phases ?? [];
  const phases = first.map((phase, i) => ({ ...phase, ms: median(all.map((run) => run.phases[i]?.ms ?? Number.NaN)) }));
  return { phases, wallMs: median(all.map((run) => run.wallMs)) };
}

/** The breakdown as lines: one per phase, then what the process spent after its exit event. */
export function phaseLines(phases: readonly StartPhase[], wallMs: number, nodeMs: number, runs: number): string[] {
  if (phases.length === 0) return ["where the CLI's time goes: bin/diag502.js printed no timing line (DIAG502_TIMING=1)"];
  const sum = phases.reduce((total, phase) => total + phase.ms, 0);
  const width = Math.max(...Object.values(PHASE_WORDS).map((w) => w.length));
  const cache = phases.find((p) => p.detail?.codeCache)?.detail?.codeCache;
  return [
    `where the CLI's time goes (median of each phase over ${runs} runs with DIAG502_TIMING=1${cache ? `, V8 code cache ${cache}` : ''}):`,
    ...phases.map((phase) => `  ${(PHASE_WORDS[phase.name] ?? phase.name).padEnd(width)}  ${phase.ms.toFixed(1).padStart(6)} ms`),
    `  ${'process exit, as seen from outside'.padEnd(width)}  ${(wallMs - sum).toFixed(1).padStart(6)} ms  (wall ${wallMs.toFixed(0)} ms; node -e 0 whole: ${nodeMs.toFixed(0)} ms)`,
  ];
}

export interface ColdStart {
  nodeMs: number;
  cliMs: number;
  ratio: number;
  promptMs: number;
  launcherMs: number;
  /** `npm start` in a terminal, to the `diag502> ` prompt. */
  terminalPrompt: PromptTiming;
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
  const phaseRuns = 15;
  const { phases, wallMs: phasedWallMs } = cliPhases(cli, phaseRuns, root);
  const promptRuns = 5;
  const promptMs = await medianFirstOutput('npm', ['start', '--silent'], promptRuns, root);
  const launcherMs = await medianFirstOutput(process.execPath, [join(root, 'bin', 'start.js')], promptRuns, root);
  const terminalPrompt = await medianToPrompt('npm', ['start'], promptRuns, root);
  const terminalLauncher = await medianToPrompt(process.execPath, [join(root, 'bin', 'start.js')], promptRuns, root);
  const lines = [
    `node -e 0:                          median ${nodeMs.toFixed(0)} ms over ${RUNS} runs, taken in turns with the CLI's`,
    `node bin/diag502.js <one-line file>: median ${cliMs.toFixed(0)} ms over ${RUNS} runs (${bundleInUse(root) ? 'bundled' : 'NOT bundled: dist/cli.bundle.js is missing or older than the last tsc run; npm run build makes it'})`,
    `ratio CLI / node: ${ratio.toFixed(2)} (CPU time, user + system: node ${nodeCpu.toFixed(0)} ms, CLI ${cliCpu.toFixed(0)} ms, ratio ${(cliCpu / nodeCpu).toFixed(2)})`,
    ...phaseLines(phases, phasedWallMs, nodeMs, phaseRuns),
    `npm start (console, stdin "exit"), time to first output: median ${promptMs.toFixed(0)} ms over ${promptRuns} runs (node bin/start.js alone: ${launcherMs.toFixed(0)} ms)`,
    `npm start in a terminal (pseudo-terminal, 100x50), time to the "${PROMPT}" prompt: median ${terminalPrompt.ms.toFixed(0)} ms over ${promptRuns} runs (node bin/start.js alone: ${terminalLauncher.ms.toFixed(0)} ms)`,
    terminalPrompt.banner
      ? `  npm printed its banner ("> diag502@… start", "> node bin/start.js") before the prompt; \`npm start --silent\` or \`node bin/start.js\` does not`
      : '  npm printed no banner before the prompt',
  ];
  return { nodeMs, cliMs, ratio, promptMs, launcherMs, terminalPrompt, lines };
}
