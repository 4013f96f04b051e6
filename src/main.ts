/**
 * `npm start`: loads the configuration, opens the thread store, then runs the mode the
 * environment asks for. With no Slack credentials that is the local console.
 */
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, modeOf } from './config';
import { openStore } from './conversation/store/open-store';
import { runConsole } from './console/console';

async function main(): Promise<number> {
  // quiet: dotenv 17+ otherwise prints a banner on every start.
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const mode = modeOf(config);
  const store = openStore(config.STORE_URL, { ttlMs: config.THREAD_TTL_DAYS * 24 * 60 * 60 * 1000 });
  try {
    if (mode !== 'console') {
      process.stderr.write(`diag502: Slack ${mode === 'socket' ? 'Socket Mode' : 'HTTP mode'} is not part of this build yet; running the local console.\n`);
    } else {
      process.stderr.write('diag502: no Slack credentials found, so this is the local console. To connect Slack, put SLACK_BOT_TOKEN and SLACK_APP_TOKEN in .env (see .env.example and the README).\n');
    }
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
