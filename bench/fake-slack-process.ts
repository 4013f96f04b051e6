/**
 * The fake Slack Web API in a process of its own, for the ack-latency benchmark: the load
 * generator and the fake must not share an event loop with each other (or with the bot), or the
 * figures would measure the benchmark instead of the bot. Started with `fork`; answers "stats"
 * over IPC with what it has recorded.
 */
import { FakeSlack } from '../test/support/slack/fake-slack';

export interface FakeStats {
  /** chat.postMessage calls per channel. */
  posts: Record<string, number>;
  /** response_url posts per response id. */
  responses: Record<string, number>;
  calls: number;
}

async function main(): Promise<void> {
  const fake = new FakeSlack();
  await fake.start();
  process.send?.({ type: 'ready', apiUrl: fake.apiUrl, port: fake.port });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stats') {
      const stats: FakeStats = { posts: {}, responses: {}, calls: fake.calls.length };
      for (const call of fake.calls) {
        if (call.method === 'chat.postMessage') {
          const channel = String(call.params.channel);
          stats.posts[channel] = (stats.posts[channel] ?? 0) + 1;
        } else if (call.method === 'response_url') {
          const id = call.path.slice('/response/'.length);
          stats.responses[id] = (stats.responses[id] ?? 0) + 1;
        }
      }
      process.send?.({ type: 'stats', stats });
    } else if (message.type === 'stop') {
      void fake.stop().then(() => process.exit(0));
    }
  });
}

void main();
