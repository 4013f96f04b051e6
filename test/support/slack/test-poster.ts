/**
 * A Poster against the fake Web API, for tests of what the bot posts: no retries, and warnings
 * collected so a test can check what was logged.
 */
import type { Logger } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import type { Poster } from '../../../src/slack/post';
import { SlackHosts } from '../../../src/slack/slack-hosts';
import { SlackApi, webClientOptions } from '../../../src/slack/web-api';

export function recordingLogger(warnings: string[]): Logger {
  return { debug: () => undefined, info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined } as unknown as Logger;
}

export function testPoster(apiUrl: string, logger: Logger): Poster {
  const web = new webApi.WebClient('xoxb-test', webClientOptions(apiUrl));
  return { api: new SlackApi(web, logger, new SlackHosts(apiUrl), { policy: { retries: 0, timeoutMs: 5000, backoffMs: [10], maxRetryAfterMs: 1000 } }), token: 'xoxb-test', logger };
}
