/**
 * Every Web API call: bounded retries (3 after the first try), a timeout on each try, Retry-After
 * honoured, one log line per retry, a token Slack rejects reported to /healthz, and no method name
 * that could send the token to another host.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi, type Logger } from '@slack/bolt';
import { SlackHosts } from '../../src/slack/slack-hosts';
import { SlackApi, SlackCallError, webClientOptions, type RetryPolicy } from '../../src/slack/web-api';
import { FakeSlack } from '../support/slack/fake-slack';

let fake: FakeSlack;
let attacker: Server;
let attackerHits = 0;
const warnings: string[] = [];
const logger = { debug: () => undefined, info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined } as unknown as Logger;
const FAST: RetryPolicy = { retries: 3, timeoutMs: 2000, backoffMs: [20, 40, 80], maxRetryAfterMs: 5000 };

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  attacker = createServer((_req, res) => {
    attackerHits += 1;
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await fake.stop();
  attacker.close();
});
beforeEach(() => {
  warnings.length = 0;
});

function api(policy: RetryPolicy = FAST, health?: { slackAnswered: () => void; tokenRejected: (code: string) => void }): SlackApi {
  const client = new webApi.WebClient('xoxb-test', webClientOptions(fake.apiUrl, policy));
  return new SlackApi(client, logger, new SlackHosts(fake.apiUrl), { policy, ...(health ? { health } : {}) });
}

const calls = (method: string): number => fake.of(method).length;

test('a transient failure is retried; each retry is one log line; the answer comes back', async () => {
  const before = calls('chat.postMessage');
  fake.queue('chat.postMessage', { status: 503, body: { ok: false } });
  fake.queue('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
  const result = await api().call<{ ok: boolean; ts: string }>('chat.postMessage', { channel: 'C1', text: 'x' });
  expect(result.ok).toBe(true);
  expect(calls('chat.postMessage') - before).toBe(3);
  expect(warnings).toEqual([
    'diag502: chat.postMessage try 1 of 4 failed (http_503), retrying in 0.0 s',
    'diag502: chat.postMessage try 2 of 4 failed (internal_error), retrying in 0.0 s',
  ]);
});

test('Retry-After is honoured', async () => {
  fake.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
  const started = Date.now();
  await api().call('chat.postMessage', { channel: 'C2', text: 'x' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  expect(warnings).toEqual(['diag502: chat.postMessage try 1 of 4 failed (ratelimited), retrying in 1.0 s']);
});

test('a Retry-After longer than the policy allows fails the call as retryable later, without waiting', async () => {
  fake.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '600' }, body: { ok: false, error: 'ratelimited' } });
  const started = Date.now();
  await expect(api().call('chat.postMessage', { channel: 'C3', text: 'x' })).rejects.toMatchObject({ code: 'ratelimited', retryable: true });
  expect(Date.now() - started).toBeLessThan(2000);
});

test('after the last retry the call fails, retryable, having tried exactly 4 times', async () => {
  const before = calls('chat.update');
  for (let i = 0; i < 4; i += 1) fake.queue('chat.update', { status: 502, body: { ok: false } });
  await expect(api().call('chat.update', { channel: 'C4', ts: '1.1', text: 'x' })).rejects.toEqual(expect.objectContaining({ name: 'SlackCallError', code: 'http_502', retryable: true }));
  expect(calls('chat.update') - before).toBe(4);
  expect(warnings).toHaveLength(3);
});

test('each try has its own timeout', async () => {
  fake.hold('reactions.add');
  const started = Date.now();
  const failure = api({ retries: 1, timeoutMs: 300, backoffMs: [10], maxRetryAfterMs: 1000 }).call('reactions.add', { channel: 'C5', name: 'x', timestamp: '1.1' });
  await expect(failure).rejects.toMatchObject({ code: 'timeout', retryable: true });
  expect(Date.now() - started).toBeLessThan(2000);
  expect(warnings).toEqual(['diag502: reactions.add try 1 of 2 failed (timeout), retrying in 0.0 s']);
  fake.release('reactions.add');
});

test('errors about the request itself are not retried', async () => {
  const before = calls('chat.postMessage');
  fake.queue('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
  const failure = await api().call('chat.postMessage', { channel: 'C6', text: 'x' }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(SlackCallError);
  expect(failure).toMatchObject({ code: 'not_in_channel', retryable: false });
  expect(calls('chat.postMessage') - before).toBe(1);
  expect(warnings).toEqual([]);
});

test('a rejected token is reported for /healthz; a later answer clears it', async () => {
  const seen: string[] = [];
  const health = { slackAnswered: () => seen.push('ok'), tokenRejected: (code: string) => seen.push(code) };
  fake.queue('chat.postMessage', { body: { ok: false, error: 'token_revoked' } });
  await expect(api(FAST, health).call('chat.postMessage', { channel: 'C7', text: 'x' })).rejects.toMatchObject({ code: 'token_revoked', retryable: false });
  await api(FAST, health).call('auth.test');
  expect(seen).toEqual(['token_revoked', 'ok']);
});

test('a method name that is a URL never sends the token to that host', async () => {
  const target = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/steal`;
  await api({ retries: 0, timeoutMs: 1000, backoffMs: [10], maxRetryAfterMs: 1000 }).call(target).catch(() => undefined);
  expect(attackerHits).toBe(0);
});

test('stop() ends a wait between retries at once and refuses new calls', async () => {
  fake.queue('chat.postMessage', { status: 503, body: { ok: false } });
  const slow = api({ retries: 3, timeoutMs: 2000, backoffMs: [60_000], maxRetryAfterMs: 1000 });
  const started = Date.now();
  const pending = slow.call('chat.postMessage', { channel: 'C8', text: 'x' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  slow.stop();
  await expect(pending).rejects.toMatchObject({ code: 'stopping' });
  expect(Date.now() - started).toBeLessThan(3000);
});
