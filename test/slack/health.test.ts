/** /healthz: 503 with the reason when the store cannot write or Slack rejected the token, else 200. */
import { MemoryStore } from '../../src/conversation/store/memory-store';
import { Health } from '../../src/slack/health';

test('ok while the store writes and Slack takes the token', async () => {
  expect(await new Health(new MemoryStore()).report()).toEqual({ status: 'ok' });
});

test('unavailable, with the reason, when the store refuses writes', async () => {
  const store = new MemoryStore();
  jest.spyOn(store, 'ping').mockRejectedValue(new Error('SQLITE_READONLY: attempt to write a readonly database'));
  expect(await new Health(store).report()).toEqual({ status: 'unavailable', reason: 'the store cannot write: SQLITE_READONLY: attempt to write a readonly database' });
});

test('unavailable when the store does not answer within 2 s', async () => {
  const store = new MemoryStore();
  jest.spyOn(store, 'ping').mockReturnValue(new Promise(() => undefined));
  const started = Date.now();
  expect(await new Health(store).report()).toEqual({ status: 'unavailable', reason: 'the store cannot write: no answer within 2000 ms' });
  expect(Date.now() - started).toBeLessThan(3000);
});

test('unavailable while Slack rejects the token; a later answer from Slack clears it', async () => {
  const health = new Health(new MemoryStore());
  health.tokenRejected('invalid_auth');
  expect(await health.report()).toEqual({ status: 'unavailable', reason: 'Slack rejected the bot token (invalid_auth): check SLACK_BOT_TOKEN' });
  health.slackAnswered();
  expect(await health.report()).toEqual({ status: 'ok' });
});

test('a store check is reused for a second, so frequent probes do not queue behind the store', async () => {
  const store = new MemoryStore();
  const ping = jest.spyOn(store, 'ping');
  const health = new Health(store);
  await Promise.all([health.report(), health.report(), health.report()]);
  expect(ping).toHaveBeenCalledTimes(1);
});
