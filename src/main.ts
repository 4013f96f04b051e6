/**
 * `npm start`: loads the configuration, opens the thread store, then runs the mode the
 * environment asks for. With no Slack credentials that is the local console.
 */
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, modeOf } from './config';
import { openStore } from './conversation/store/open-store';
import { runConsole } from './console/console';
import type { Store } from './conversation/store/store';
import type { Config } from './config';

/** Shutdown budget: Slack modes stop taking events and finish answers in flight within this. */
const SHUTDOWN_MS = 10_000;

/**
 * Runs Socket Mode or HTTP mode until SIGTERM/SIGINT, then stops the receiver, waits for the
 * answers in flight and returns (the caller closes the store).
 */
async function runSlack(config: Config, store: Store): Promise<number> {
  // Loaded only for Slack modes: the console does not need Bolt at all.
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp({ config, store });
  await slack.start();
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  process.stderr.write(`diag502: ${signal} received, finishing answers in flight\n`);
  // A stop that hangs must not keep the process alive past the budget (a second signal kills at once).
  const hardStop = setTimeout(() => process.exit(1), SHUTDOWN_MS).unref();
  await slack.stop(SHUTDOWN_MS - 1500);
  clearTimeout(hardStop);
  return 0;
}

async function main(): Promise<number> {
  // quiet: dotenv 17+ otherwise prints a banner on every start.
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const mode = modeOf(config);
  const store = openStore(config.STORE_URL, { ttlMs: config.THREAD_TTL_DAYS * 24 * 60 * 60 * 1000 });
  try {
    if (mode !== 'console') return await runSlack(config, store);
    process.stderr.write('diag502: no Slack credentials found, so this is the local console. To connect Slack, put SLACK_BOT_TOKEN and SLACK_APP_TOKEN in .env (see .env.example and the README).\n');
    return await runConsole({ stdin: process.stdin, stdout: process.stdout }, store);
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Configuration and store errors are written for people; anything else is a bug, but still one line.
    const message = error instanceof ConfigError ? error.message : `diag502: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exitCode = 2;
  },
);
