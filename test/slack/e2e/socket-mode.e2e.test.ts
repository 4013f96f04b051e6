/**
 * Socket Mode, offline: with SLACK_APP_TOKEN set the bot picks Socket Mode, asks the (fake) Web
 * API at SLACK_API_URL for a WebSocket URL with the app token, serves /healthz on PORT, and stops
 * on SIGTERM. No WebSocket server is faked, so no event flows in this mode here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotProcess, buildIfStale, waitFor } from './bot-process';
import { FakeSlack } from './fake-slack';

let fake: FakeSlack;
let dir: string;

beforeAll(async () => {
  buildIfStale();
  dir = mkdtempSync(join(tmpdir(), 'diag502-socket-'));
  fake = new FakeSlack();
  await fake.start();
}, 120_000);

afterAll(async () => {
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('SLACK_APP_TOKEN selects Socket Mode: it opens a connection through SLACK_API_URL and serves /healthz', async () => {
  const bot = new BotProcess({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: `sqlite:${join(dir, 'socket.db')}`,
    LOG_LEVEL: 'error',
  });
  await bot.start();
  try {
    const health = await fetch(`${bot.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    await waitFor('apps.connections.open', () => fake.of('apps.connections.open').length > 0);
    expect(fake.of('apps.connections.open')[0]!.authorization).toBe('Bearer xapp-test');
    // HTTP mode's endpoint is not served in Socket Mode.
    const events = await fetch(`${bot.base}/slack/events`, { method: 'POST', body: '{}' });
    expect(events.status).toBe(404);
  } finally {
    await bot.stop('SIGTERM');
  }
}, 60_000);
