/**
 * Socket Mode, offline: with SLACK_APP_TOKEN set the bot picks Socket Mode, asks the (fake) Web
 * API at SLACK_API_URL for a WebSocket URL with the app token, serves /healthz on PORT, and stops
 * on SIGTERM. Events flow over the fake's WebSocket (./fake-socket.ts): a `hello`, then
 * `events_api` and `slash_commands` envelopes that the bot acks by envelope_id before answering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotProcess, buildIfStale, sleep, waitFor } from '../../support/slack/bot-process';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from '../../support/slack/fake-slack';
import { eventsApi } from '../../support/slack/envelopes';

const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';

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


test('Socket Mode end to end: hello, then an app_mention and a /diag502 envelope are acked by envelope_id and answered; a redelivered event is answered once', async () => {
  const bot = new BotProcess({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: `sqlite:${join(dir, 'socket-events.db')}`,
    LOG_LEVEL: process.env.E2E_DEBUG ? 'debug' : 'warn',
  });
  const openedBefore = fake.socket.opened;
  await bot.start();
  let stopped = false;
  try {
    await waitFor('the WebSocket connection', () => fake.socket.opened > openedBefore, 15_000);
    fake.socket.send({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'fake', approximate_connection_time: 3600 } });
    await sleep(200);

    const mention = { type: 'app_mention', user: 'U1ALICE', channel: 'CSOCK', ts: '7000.0001', text: `<@${BOT_USER_ID}> ${EVIDENCE}` };
    fake.socket.send(eventsApi('env-mention-1', 'EvSock1', mention));
    await waitFor('the mention ack', () => fake.socket.acked().includes('env-mention-1'));
    const mentionPosts = () => fake.of('chat.postMessage').filter((c) => c.params.channel === 'CSOCK');
    await waitFor('the mention answer', () => mentionPosts().length === 1, 15_000);
    expect(mentionPosts()[0]!.params.thread_ts).toBe('7000.0001');
    expect((mentionPosts()[0]!.params.metadata as { event_type?: string }).event_type).toBe('diag502_diagnosis');

    // Slack redelivers the same event (same event_id) in a new envelope: acked, not answered again.
    fake.socket.send(eventsApi('env-mention-2', 'EvSock1', mention, 1));
    await waitFor('the redelivery ack', () => fake.socket.acked().includes('env-mention-2'));
    await sleep(500);
    expect(mentionPosts()).toHaveLength(1);

    fake.socket.send({
      envelope_id: 'env-command-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: TEAM_ID,
        channel_id: 'CSOCKCMD',
        user_id: 'U1ALICE',
        user_name: 'alice',
        command: '/diag502',
        text: EVIDENCE,
        response_url: fake.responseUrl('sock1'),
        trigger_id: 'trig.sock1',
        api_app_id: 'A0APP',
      },
    });
    await waitFor('the command ack', () => fake.socket.acked().includes('env-command-1'));
    const commandPosts = () => fake.of('chat.postMessage').filter((c) => c.params.channel === 'CSOCKCMD');
    await waitFor('the command answer', () => commandPosts().length === 1, 15_000);
    expect(commandPosts()[0]!.raw).toContain('U1ALICE');
    expect((commandPosts()[0]!.params.metadata as { event_type?: string }).event_type).toBe('diag502_diagnosis');

    // Each envelope acked exactly once.
    const acks = fake.socket.acked();
    for (const id of ['env-mention-1', 'env-mention-2', 'env-command-1']) expect(acks.filter((a) => a === id)).toHaveLength(1);
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
    // SIGTERM closes the socket and exits cleanly.
    stopped = true;
    expect(await bot.stop('SIGTERM')).toBe(0);
  } finally {
    if (process.env.E2E_DEBUG) process.stderr.write(`${bot.output}\nconnections=${fake.socket.connections} received=${JSON.stringify(fake.socket.received)}\n`);
    if (!stopped) await bot.stop('SIGTERM');
  }
}, 60_000);

test('a rejected app token gives one line naming SLACK_APP_TOKEN and exit code 2, before any socket opens', async () => {
  fake.queue('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
  const bot = new BotProcess({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-revoked',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: `sqlite:${join(dir, 'socket-rejected.db')}`,
    LOG_LEVEL: 'error',
  });
  const opened = fake.socket.opened;
  const { code, output } = await bot.runToExit(20_000);
  expect(code).toBe(2);
  expect(output.trim().split('\n').filter((l) => l.startsWith('diag502:'))).toEqual([
    'diag502: Slack rejected SLACK_APP_TOKEN (invalid_auth): copy a valid token from Basic Information > App-Level Tokens (with the connections:write scope).',
  ]);
  expect(fake.socket.opened).toBe(opened);
}, 30_000);
