/**
 * Socket Mode with several replicas: each bot process opens its own connection (Slack allows up
 * to 10 per app and gives each envelope to one of them). With one Redis behind them, an event
 * redelivered onto the other connection is acked there and answered once.
 */
import { BotProcess, buildIfStale, sleep, waitFor } from '../../support/slack/bot-process';
import { BOT_USER_ID, FakeSlack } from '../../support/slack/fake-slack';
import { flushPrefix, REDIS_URL, uniquePrefix } from '../../support/redis/redis-test';
import { describeRedis } from '../../helpers/describe-redis';
import { eventsApi } from '../../support/slack/envelopes';

const EVIDENCE = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';
const prefix = uniquePrefix('socket-replicas');
let fake: FakeSlack;


describeRedis('Socket Mode, two replicas on one Redis', () => {
  beforeAll(async () => {
    buildIfStale();
    fake = new FakeSlack();
    await fake.start();
  }, 120_000);

  afterAll(async () => {
    await fake?.stop();
    await flushPrefix(prefix);
  });

  test('each replica opens its own connection; a redelivery onto the other connection is acked there and answered once', async () => {
    const replica = (name: string) =>
      new BotProcess({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_APP_TOKEN: 'xapp-test',
        SLACK_API_URL: fake.apiUrl,
        STORE_URL: REDIS_URL!,
        STORE_KEY_PREFIX: prefix,
        REPLICA_ID: name,
        LOG_LEVEL: 'warn',
      });
    const a = replica('socket-a');
    await a.start();
    await waitFor("A's connection", () => fake.socket.connections === 1, 15_000);
    const b = replica('socket-b');
    await b.start();
    try {
      await waitFor("B's connection", () => fake.socket.connections === 2, 15_000);
      expect(fake.of('apps.connections.open').length).toBeGreaterThanOrEqual(2);
      const hello = { type: 'hello', num_connections: 2, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'fake', approximate_connection_time: 3600 } };
      fake.socket.sendTo(0, hello);
      fake.socket.sendTo(1, hello);
      await sleep(200);

      const mention = { type: 'app_mention', user: 'U1ALICE', channel: 'CSOCKREP', ts: '7100.0001', text: `<@${BOT_USER_ID}> ${EVIDENCE}` };
      // Slack gives the envelope to A's connection; no ack reaches it in time, so it redelivers on B's.
      fake.socket.sendTo(0, eventsApi('env-rep-1', 'EvSockRep1', mention));
      fake.socket.sendTo(1, eventsApi('env-rep-2', 'EvSockRep1', mention, 1));
      await waitFor('both acks', () => fake.socket.acked().includes('env-rep-1') && fake.socket.acked().includes('env-rep-2'));
      const answers = () => fake.delivered('CSOCKREP');
      await waitFor('the answer', () => answers().length >= 1, 15_000);
      await sleep(1500);
      expect(answers()).toHaveLength(1);

      // A different event on B's connection alone is answered by B.
      const other = { type: 'app_mention', user: 'U1ALICE', channel: 'CSOCKREP2', ts: '7100.0002', text: `<@${BOT_USER_ID}> ${EVIDENCE}` };
      fake.socket.sendTo(1, eventsApi('env-rep-3', 'EvSockRep2', other));
      await waitFor('the answer on B', () => fake.delivered('CSOCKREP2').length === 1, 15_000);
      for (const id of ['env-rep-1', 'env-rep-2', 'env-rep-3']) expect(fake.socket.acked().filter((x) => x === id)).toHaveLength(1);
    } finally {
      await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    }
  }, 90_000);
});
