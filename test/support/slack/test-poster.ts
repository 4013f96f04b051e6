/**
 * A Poster against the fake Web API, for tests of what the bot posts: no retries, and warnings
 * collected so a test can check what was logged.
 */
import type { Logger } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import type { Poster } from '../../../src/slack/post';
import { SlackHosts } from '../../../src/slack/slack-hosts';
import { SlackApi, webClientOptions } from '../../../src/slack/web-api';
import { FakeSlack } from './fake-slack';

export function recordingLogger(warnings: string[]): Logger {
  return { debug: () => undefined, info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined } as unknown as Logger;
}

export function testPoster(apiUrl: string, logger: Logger): Poster {
  const web = new webApi.WebClient('xoxb-test', webClientOptions(apiUrl));
  return { api: new SlackApi(web, logger, new SlackHosts(apiUrl), { policy: { retries: 0, timeoutMs: 5000, backoffMs: [10], maxRetryAfterMs: 1000 } }), token: 'xoxb-test', logger };
}

/** A fake Web API for one test file, started before its tests and stopped after them. */
export interface FakePoster {
  /** The running fake (only inside tests: it starts in beforeAll). */
  readonly fake: FakeSlack;
  /** Warnings the posters logged. */
  readonly warnings: string[];
  /** A poster against the fake. */
  client(): Poster;
}

/** Registers beforeAll/afterAll that run a fake Web API, and hands out posters against it. */
export function useFakePoster(): FakePoster {
  const warnings: string[] = [];
  const logger = recordingLogger(warnings);
  let running: FakeSlack | undefined;
  beforeAll(async () => {
    running = new FakeSlack();
    await running.start();
  });
  afterAll(async () => running?.stop());
  const fake = (): FakeSlack => {
    if (!running) throw new Error('the fake Web API starts in beforeAll: use it inside a test');
    return running;
  };
  return {
    get fake() {
      return fake();
    },
    warnings,
    client: () => testPoster(fake().apiUrl, logger),
  };
}
