/**
 * Delivery and faults, end to end (issue 7): the real bot in HTTP mode against the fake Web API.
 * Work is done at least once and posted exactly once across a SIGKILL; Slack down for a while
 * delays the answer instead of losing it; SIGTERM always ends the process within 10 s; tokens are
 * checked at start; /healthz says what is wrong; replayed and future-dated requests are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotProcess, buildIfStale, sleep, waitFor } from '../../support/slack/bot-process';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from '../../support/slack/fake-slack';
import { eventCallback } from '../../support/slack/envelopes';

const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';
let fake: FakeSlack;
let dir: string;
let counter = 0;

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: `sqlite:${join(dir, `bot-${++counter}.db`)}`,
    LOG_LEVEL: 'info',
    JOB_LEASE_SECONDS: '5',
    DELIVERY_RETRY_SECONDS: '1,1',
    ...overrides,
  };
}

function envelope(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return eventCallback(eventId, event);
}

function mention(channel: string, ts: string, text = EVIDENCE): Record<string, unknown> {
  return { type: 'app_mention', user: 'U1ALICE', channel, ts, text: `<@${BOT_USER_ID}> ${text}` };
}

function command(channel: string, text: string, trigger: string): Record<string, string> {
  return {
    token: 'legacy',
    team_id: TEAM_ID,
    channel_id: channel,
    user_id: 'U1ALICE',
    user_name: 'alice',
    command: '/diag502',
    text,
    response_url: fake.responseUrl(trigger),
    trigger_id: trigger,
    api_app_id: 'A0APP',
  };
}

beforeAll(async () => {
  buildIfStale();
  dir = mkdtempSync(join(tmpdir(), 'diag502-delivery-'));
  fake = new FakeSlack();
  await fake.start();
}, 120_000);

afterAll(async () => {
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts a bot; the caller stops it (stop is idempotent). */
async function started(overrides: Record<string, string> = {}): Promise<BotProcess> {
  const bot = new BotProcess(env(overrides));
  await bot.start();
  return bot;
}

describe('work at least once, post exactly once', () => {
  test('killed (SIGKILL) after the ack and before its post got through: answered once after a restart', async () => {
    const e = env();
    const bot = new BotProcess(e);
    await bot.start();
    fake.hold('chat.postMessage');
    expect((await bot.event(envelope(mention('CKILL1', '100.0001'), 'EvKill1'))).status).toBe(200);
    await waitFor('the held post', () => fake.waiting('chat.postMessage') === 1);
    expect(await bot.stop('SIGKILL')).toBeNull();
    // Let the dead process's connection close before the fake looks at the held call.
    await sleep(300);
    fake.release('chat.postMessage');
    await sleep(100);
    expect(fake.delivered('CKILL1')).toHaveLength(0);

    const again = new BotProcess(e);
    await again.start();
    try {
      await waitFor('the answer after the restart', () => fake.delivered('CKILL1').length === 1, 15_000);
      await sleep(1500);
      expect(fake.delivered('CKILL1')).toHaveLength(1);
      expect(fake.delivered('CKILL1')[0]!.thread_ts).toBe('100.0001');
      expect(again.stderr).toMatch(/resuming job event:EvKill1/);
    } finally {
      await again.stop();
    }
  }, 60_000);

  test('killed after Slack took the post but before the bot heard back: not posted again after a restart', async () => {
    const e = env();
    const bot = new BotProcess(e);
    await bot.start();
    fake.hold('chat.postMessage', { after: true });
    await bot.event(envelope(mention('CKILL2', '200.0001'), 'EvKill2'));
    await waitFor('the held answer', () => fake.waiting('chat.postMessage') === 1);
    expect(fake.delivered('CKILL2')).toHaveLength(1);
    await bot.stop('SIGKILL');
    fake.release('chat.postMessage');

    const again = new BotProcess(e);
    await again.start();
    try {
      await waitFor('the resumed job to check Slack', () => fake.of('conversations.replies').some((c) => c.params.channel === 'CKILL2'), 15_000);
      await sleep(1500);
      expect(fake.delivered('CKILL2')).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 60_000);

  test("Slack's retry of an event whose job is stored finds the job: one answer, whichever process holds it", async () => {
    const e = env();
    const bot = new BotProcess(e);
    await bot.start();
    fake.hold('chat.postMessage');
    const first = envelope(mention('CKILL3', '300.0001'), 'EvKill3');
    await bot.event(first);
    await waitFor('the held post', () => fake.waiting('chat.postMessage') === 1);
    await bot.stop('SIGKILL');
    await sleep(300);
    fake.release('chat.postMessage');

    const again = new BotProcess(e);
    await again.start();
    try {
      // The retry arrives right after the restart: answered once, not twice.
      await again.event(first, { retryNum: 1 });
      await waitFor('the answer', () => fake.delivered('CKILL3').length >= 1, 15_000);
      await sleep(1500);
      expect(fake.delivered('CKILL3')).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 60_000);

  test('a slash command killed (SIGKILL) after its ack and before its post got through: posted once to the channel after a restart', async () => {
    const e = env();
    const bot = new BotProcess(e);
    await bot.start();
    fake.hold('chat.postMessage');
    expect((await bot.command(command('CKILLCMD', EVIDENCE, 'trig.killcmd'))).status).toBe(200);
    await waitFor('the held post', () => fake.waiting('chat.postMessage') === 1);
    expect(await bot.stop('SIGKILL')).toBeNull();
    await sleep(300);
    fake.release('chat.postMessage');
    await sleep(100);
    expect(fake.delivered('CKILLCMD')).toHaveLength(0);

    const again = new BotProcess(e);
    await again.start();
    try {
      await waitFor('the answer after the restart', () => fake.delivered('CKILLCMD').length === 1, 15_000);
      await sleep(1500);
      expect(fake.delivered('CKILLCMD')).toHaveLength(1);
      expect(fake.delivered('CKILLCMD')[0]!.thread_ts).toBeUndefined();
      expect(again.stderr).toMatch(/resuming job trigger:trig\.killcmd/);
    } finally {
      await again.stop();
    }
  }, 60_000);

  test('a `private` slash command killed after its ack and before its response_url call got through: one response_url call after a restart', async () => {
    const e = env();
    const bot = new BotProcess(e);
    await bot.start();
    const calls = () => fake.of('response_url').filter((c) => c.path === '/response/trig.killprivate');
    fake.hold('response_url');
    expect((await bot.command(command('CKILLPRIV', `private ${EVIDENCE}`, 'trig.killprivate'))).status).toBe(200);
    await waitFor('the held response_url call', () => fake.waiting('response_url') === 1);
    expect(await bot.stop('SIGKILL')).toBeNull();
    await sleep(300);
    fake.release('response_url');
    // The dead process's call never got its answer: it is the one call made before the restart.
    expect(calls()).toHaveLength(1);

    const again = new BotProcess(e);
    await again.start();
    try {
      await waitFor('the answer after the restart', () => calls().length === 2, 15_000);
      await sleep(1500);
      expect(calls()).toHaveLength(2);
      expect(String(calls()[1]!.params.response_type)).toBe('ephemeral');
      // Private: nothing in the channel.
      expect(fake.delivered('CKILLPRIV')).toHaveLength(0);
      expect(again.stderr).toMatch(/resuming job trigger:trig\.killprivate/);
    } finally {
      await again.stop();
    }
  }, 60_000);

  test('a slash command replayed with the same trigger_id is answered once', async () => {
    const bot = await started();
    try {
      await bot.command(command('CREPLAY', EVIDENCE, 'trig.replay'));
      await bot.command(command('CREPLAY', EVIDENCE, 'trig.replay'));
      await waitFor('the answer', () => fake.delivered('CREPLAY').length >= 1);
      await bot.command(command('CREPLAY2', EVIDENCE, 'trig.barrier'));
      await waitFor('the barrier', () => fake.delivered('CREPLAY2').length === 1);
      await sleep(300);
      expect(fake.delivered('CREPLAY')).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});

describe('Slack down', () => {
  test('Web API calls are retried a bounded number of times, each retry logged in one line', async () => {
    const bot = await started();
    try {
      for (let i = 0; i < 2; i += 1) fake.queue('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } });
      await bot.event(envelope(mention('CRETRY503', '400.0001'), 'Ev503'));
      await waitFor('the answer after two failures', () => fake.delivered('CRETRY503').length === 1, 20_000);
      const lines = bot.stderr.split('\n').filter((l) => l.includes('chat.postMessage try'));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/chat\.postMessage try 1 of 4 failed \(http_503\), retrying in 1\.0 s/);
    } finally {
      await bot.stop();
    }
  }, 30_000);

  test('when Slack stays down past the retries, the answer is kept and delivered once Slack is back', async () => {
    const bot = await started();
    try {
      // Four tries fail (the call's retries), then the job waits and tries again.
      for (let i = 0; i < 4; i += 1) fake.queue('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } });
      await bot.event(envelope(mention('CDOWN', '500.0001'), 'EvDown'));
      await waitFor('the answer once Slack is back', () => fake.delivered('CDOWN').length === 1, 30_000);
      expect(bot.stderr).toMatch(/job event:EvDown: chat\.postMessage failed \(http_503\) after 4 tries; its answer is kept and will be tried again in 1 s \(attempt 1 of 2\)/);
      await sleep(1500);
      expect(fake.delivered('CDOWN')).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  }, 45_000);

  test('when Slack never comes back, the answer is given up with one clear log line, not retried for half an hour', async () => {
    const bot = await started();
    try {
      for (let i = 0; i < 12; i += 1) fake.queue('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } });
      await bot.event(envelope(mention('CGONE', '600.0001'), 'EvGone'));
      await waitFor('the give-up line', () => /gave up after 3 attempts/.test(bot.stderr), 40_000);
      expect(bot.stderr).toMatch(/job event:EvGone: gave up after 3 attempts: chat\.postMessage failed \(http_503\) after 4 tries; the answer for mention in CGONE was not delivered/);
      expect(fake.of('chat.postMessage').filter((c) => c.params.channel === 'CGONE')).toHaveLength(12);
      expect(bot.stderr).not.toMatch(/^\s+at .*\(/m);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});

describe('stopping and starting', () => {
  test('SIGTERM ends the process within 10 s even while a post hangs (Slack unresponsive)', async () => {
    const bot = await started();
    fake.hold('chat.postMessage');
    await bot.event(envelope(mention('CHANG', '700.0001'), 'EvHang'));
    await waitFor('the hanging post', () => fake.waiting('chat.postMessage') === 1);
    const start = Date.now();
    const code = await bot.stop('SIGTERM');
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(code).toBe(0);
    fake.release('chat.postMessage');
  }, 30_000);

  test('SIGTERM ends the process within 10 s while it is still starting against an unreachable API', async () => {
    const bot = new BotProcess(env({ SLACK_API_URL: 'http://127.0.0.1:9/api/' }));
    const exited = bot.spawnOnly();
    await sleep(800);
    const start = Date.now();
    const code = await bot.stop('SIGTERM');
    expect(Date.now() - start).toBeLessThan(10_000);
    expect([0, 2]).toContain(code);
    await exited;
  }, 30_000);

  test.each(['invalid_auth', 'account_inactive', 'token_revoked'])('a bot token Slack rejects with %s gives one line naming SLACK_BOT_TOKEN and exit code 2', async (error) => {
    fake.queue('auth.test', { body: { ok: false, error } });
    const bot = new BotProcess(env());
    const { code, output } = await bot.runToExit(20_000);
    expect(code).toBe(2);
    expect(output.trim().split('\n').filter((l) => l.startsWith('diag502:'))).toEqual([
      `diag502: Slack rejected SLACK_BOT_TOKEN (${error}): copy a valid token from OAuth & Permissions > Bot User OAuth Token (reinstall the app if it was revoked).`,
    ]);
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('the bot asks Slack (auth.test) before it says it is ready: no /healthz and no ready line until Slack answers', async () => {
    fake.hold('auth.test');
    const bot = new BotProcess(env());
    const exited = bot.spawnOnly();
    try {
      await waitFor('the held auth.test', () => fake.waiting('auth.test') === 1, 15_000);
      // Time enough to open a port and log, were it not waiting for Slack.
      await sleep(1000);
      await expect(fetch(`${bot.base}/healthz`)).rejects.toThrow();
      expect(bot.output).not.toMatch(/started as/);
      fake.release('auth.test');
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i += 1) {
        status = await fetch(`${bot.base}/healthz`).then((r) => r.status, () => 0);
        if (status !== 200) await sleep(100);
      }
      expect(status).toBe(200);
      expect(bot.output).toMatch(/started as <@U0BOT>/);
    } finally {
      fake.release('auth.test');
      await bot.stop();
      await exited;
    }
  }, 40_000);

  test('an unreachable Web API gives one line naming SLACK_API_URL and exit code 2', async () => {
    const bot = new BotProcess(env({ SLACK_API_URL: 'http://127.0.0.1:9/api/' }));
    const { code, output } = await bot.runToExit(30_000);
    expect(code).toBe(2);
    expect(output).toMatch(/^diag502: could not reach SLACK_API_URL \(http:\/\/127\.0\.0\.1:9\/api\/\) \(unreachable\): check SLACK_API_URL and the network or proxy, then start again\.$/m);
    expect(output).not.toMatch(/^\s+at /m);
  }, 40_000);

  test('with only some Slack variables set, the message names the missing partner', async () => {
    const onlyBot = new BotProcess({ SLACK_BOT_TOKEN: 'xoxb-test', STORE_URL: 'memory:' });
    const a = await onlyBot.runToExit(10_000);
    expect(a.code).toBe(2);
    expect(a.output).toContain('SLACK_BOT_TOKEN is set, but it needs a partner: SLACK_APP_TOKEN');
    expect(a.output).toContain('or SLACK_SIGNING_SECRET');
    expect(a.output).not.toContain('no Slack credentials found');
    const onlySecret = new BotProcess({ SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', STORE_URL: 'memory:' });
    const b = await onlySecret.runToExit(10_000);
    expect(b.code).toBe(2);
    expect(b.output).toContain('SLACK_SIGNING_SECRET is set, but SLACK_BOT_TOKEN');
  });
});

describe('health and refused requests', () => {
  test('/healthz answers 503 with the reason once Slack rejects the token, 200 before', async () => {
    const bot = await started();
    try {
      expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
      // The token is revoked while the bot runs: every call is refused from now on.
      fake.failAll('token_revoked');
      await bot.event(envelope(mention('CREVOKED', '800.0001'), 'EvRevoked'));
      await waitFor('the failed post', () => fake.of('chat.postMessage').some((c) => c.params.channel === 'CREVOKED'));
      let health = await fetch(`${bot.base}/healthz`);
      for (let i = 0; i < 40 && health.status === 200; i += 1) {
        await sleep(50);
        health = await fetch(`${bot.base}/healthz`);
      }
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', reason: 'Slack rejected the bot token (token_revoked): check SLACK_BOT_TOKEN' });
    } finally {
      fake.failAll(undefined);
      await bot.stop();
    }
  });

  test('a signed request dated more than 5 minutes in the future is refused like a stale one', async () => {
    const bot = await started();
    try {
      const body = JSON.stringify(envelope(mention('CFUTURE', '900.0001'), 'EvFuture'));
      const future = await bot.send('/slack/events', body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
      const stale = await bot.send('/slack/events', body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(future.status).toBe(401);
      expect(stale.status).toBe(401);
      const near = await bot.send('/slack/events', JSON.stringify(envelope(mention('CNEAR', '900.0002'), 'EvNear')), 'application/json', { timestamp: Math.floor(Date.now() / 1000) + 60 });
      expect(near.status).toBe(200);
      await waitFor('the in-window answer', () => fake.delivered('CNEAR').length === 1);
      expect(fake.delivered('CFUTURE')).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  });
});
