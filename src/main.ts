/**
 * `npm start`: loads the configuration, opens the thread store, then runs the mode the
 * environment asks for. With no Slack credentials that is the local console.
 */
// First, before the slower imports: a stop during start-up is a clean exit (see early-stop.ts).
import { takeOverStopping } from './early-stop';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, modeOf, storeOptionsOf } from './config';
import type { HouseRule } from './evidence/house';
import { openServiceStore, openStore } from './conversation/store/open-store';
import { StoreOpenError } from './conversation/store/store-error';
import { runConsole } from './console/console';
import { FileMemory, MemoryFileError } from './conversation/store/file-memory';
import { LOCAL_TEAM } from './conversation/memory';
import type { Store } from './conversation/store/store';
import type { Config } from './config';
import type * as RulesLoader from './rules/load';

/**
 * The house rule loader (zod, a YAML parser) is loaded only when DIAG502_RULES_DIR is set. A plain
 * require, not import(): the console runs from a bundle in a vm.Script, where import() has no loader.
 */
function rulesLoader(): typeof RulesLoader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./rules/load') as typeof RulesLoader;
}

/** After SIGTERM/SIGINT the process is gone within this (Kubernetes and systemd wait 10 s), whatever it is doing. */
const HARD_STOP_MS = 9000;
/** Answers in flight get this long to finish; what is left stays stored and is resumed at the next start. */
const GRACE_MS = 7000;

/**
 * Runs Socket Mode or HTTP mode until SIGTERM/SIGINT, then stops the receiver, gives answers in
 * flight a grace period and returns (the caller closes the store). Work not finished stays in the
 * store and is resumed at the next start.
 */
async function runSlack(config: Config, store: Store, rules: readonly HouseRule[] | undefined): Promise<number> {
  let stopping: NodeJS.Signals | undefined;
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = signal;
      process.stderr.write(`diag502: ${signal} received, finishing answers in flight\n`);
      // Whatever hangs (a start-up still retrying, a post to an unreachable Slack), the process ends.
      setTimeout(() => process.exit(0), HARD_STOP_MS).unref();
      resolve(signal);
    };
    process.once('SIGTERM', on);
    process.once('SIGINT', on);
    takeOverStopping();
  });
  // Loaded only for Slack modes: the console does not need Bolt at all.
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp({ config, store, ...(rules ? { rules } : {}) });
  const started = slack.start().then(() => 'started' as const);
  const first = await Promise.race([started, signalled]);
  if (first !== 'started') {
    await Promise.race([started.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500))]);
  } else {
    await signalled;
  }
  await slack.stop(GRACE_MS);
  return 0;
}

/**
 * `npm start -- --memory PATH` (or MEMORY_FILE): the console keeps the team's memory in that file,
 * shared with `diag502 --memory PATH`. Other arguments are left alone, as before.
 */
function memoryFileOf(argv: readonly string[], config: Config): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith('--memory=')) return nonEmpty(arg.slice('--memory='.length));
    if (arg === '--memory') return nonEmpty(argv[i + 1] ?? '');
  }
  return config.MEMORY_FILE;
}

function nonEmpty(path: string): string {
  if (path.trim() === '' || path.startsWith('--')) throw new ConfigError('diag502: --memory needs the path of a memory file (npm start -- --memory team-memory.json).');
  return path;
}

async function main(): Promise<number> {
  // quiet: dotenv 17+ otherwise prints a banner on every start.
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const mode = modeOf(config);
  // Checked before anything starts: a rule set with a bad file or a failing sample is refused whole.
  // The loader (and its YAML parser) is loaded only for a team that has rules.
  const rules = config.DIAG502_RULES_DIR === undefined ? undefined : rulesLoader().loadRules(config.DIAG502_RULES_DIR);
  if (rules) process.stderr.write(`diag502: using ${rules.length} house rule${rules.length === 1 ? '' : 's'} from ${config.DIAG502_RULES_DIR}\n`);
  const memoryFile = memoryFileOf(process.argv.slice(2), config);
  if (memoryFile && mode !== 'console') {
    throw new ConfigError('diag502: --memory and MEMORY_FILE are for the local console; the bot keeps the team\'s memory in STORE_URL.');
  }
  const options = storeOptionsOf(config);
  const memory = memoryFile ? new FileMemory(memoryFile, { memoryTtlMs: options.memoryTtlMs }) : undefined;
  // Read once now, so a file it cannot use is said first and alone, not in the middle of an incident.
  await memory?.listMemory(LOCAL_TEAM);
  // The bot keeps SQLite's commits off its event loop; the console has no acks to protect.
  const store = mode === 'console' ? openStore(config.STORE_URL, options) : await openServiceStore(config.STORE_URL, options);
  try {
    if (mode !== 'console') return await runSlack(config, store, rules);
    // The console handles Ctrl-C itself (terminal-session.ts); a piped run keeps Node's default.
    takeOverStopping();
    process.stderr.write('diag502: no Slack credentials found, so this is the local console. To connect Slack, put SLACK_BOT_TOKEN and SLACK_APP_TOKEN in .env (see .env.example and the README).\n');
    return await runConsole({ stdin: process.stdin, stdout: process.stdout }, store, { ...(rules ? { rules } : {}), ...(memory ? { memory } : {}) });
  } finally {
    await store.close();
  }
}

/** Errors written for people: one line, no stack. */
function isForPeople(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof StoreOpenError || error instanceof MemoryFileError || ['RulesError', 'StartupError'].includes((error as Error)?.name);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Anything not written for people is a bug, but it still gets one line, never a stack.
    const message = isForPeople(error) ? error.message : `diag502: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${message.startsWith('diag502') || error instanceof ConfigError ? message : `diag502: ${message}`}\n`);
    process.exitCode = 2;
  },
);
