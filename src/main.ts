/**
 * `npm start`. Slack modes arrive with the Slack issue; until then, and whenever no Slack
 * credentials are set, the product runs as the local console.
 */
import { config as loadDotenv } from 'dotenv';
import { runConsole } from './console/console';

async function main(): Promise<number> {
  // quiet: dotenv 17+ otherwise prints a banner on every start.
  loadDotenv({ quiet: true });
  const hasSlack = Boolean(process.env.SLACK_BOT_TOKEN && (process.env.SLACK_APP_TOKEN || process.env.SLACK_SIGNING_SECRET));
  process.stderr.write(
    hasSlack
      ? 'diag502: Slack credentials found, but this build has no Slack mode yet; running the local console.\n'
      : 'diag502: no Slack credentials found (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN in .env to connect Slack); running the local console.\n',
  );
  return runConsole({ stdin: process.stdin, stdout: process.stdout });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`diag502: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
