/**
 * What every listener needs, passed in once by createSlackApp: where to hand a request after its
 * ack (intake), the scheduler for light follow-up work (buttons), the conversation layer and
 * store, the Web API, and the log.
 */
import type { Logger } from '@slack/bolt';
import type { Conversation } from '../conversation/conversation';
import type { Store } from '../conversation/store/store';
import type { ThreadKey } from '../conversation/types';
import type { Intake } from './delivery/intake';
import type { Scheduler } from './delivery/scheduler';
import type { Poster } from './post';
import type { SlackApi } from './web-api';

export interface SlackDeps {
  conversation: Conversation;
  store: Store;
  logger: Logger;
  intake: Intake;
  scheduler: Scheduler;
  api: SlackApi;
  poster: Poster;
}

/** A Slack thread's key in the store. */
export function slackKey(team: string, channel: string, thread: string): ThreadKey {
  return { surface: 'slack', team, channel, thread };
}

/** `<@U123>` mentions removed, so "@diag502 why?" reads as "why?". */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, '').trim();
}
