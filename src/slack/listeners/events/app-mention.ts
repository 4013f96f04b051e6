/**
 * `@diag502` in a channel or thread: the answer goes into the thread (the thread's root, or the
 * message's own ts). A mention inside a thread whose parent holds the evidence diagnoses the
 * parent too: the parent is fetched once and fed before the mention.
 */
import type { App, webApi } from '@slack/bolt';
import type { IncomingMessage } from '../../../conversation/conversation';
import { answerInThread, textWithFiles } from '../../answer';
import type { AttachedFile } from '../../files';
import { describeError, slackKey, stripMentions, type SlackDeps } from '../../deps';

interface MentionEvent {
  ts: string;
  thread_ts?: string;
  channel: string;
  user?: string;
  text?: string;
  team?: string;
  files?: AttachedFile[];
}

export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    // Events are acked by Bolt before listeners run; dedupe first, then work in the background.
    if (!(await deps.store.markProcessed(body.event_id))) return;
    const mention = event as unknown as MentionEvent;
    deps.inFlight.run('app_mention', () => answerMention(deps, client, body.team_id, mention, context.botToken));
  });
}

async function answerMention(deps: SlackDeps, client: webApi.WebClient, team: string, event: MentionEvent, token: string | undefined): Promise<void> {
  const root = event.thread_ts ?? event.ts;
  const key = slackKey(team, event.channel, root);
  const messages: IncomingMessage[] = [];
  if (event.thread_ts && event.thread_ts !== event.ts && !(await deps.store.getThread(key))) {
    const parent = await parentMessage(deps, client, event.channel, event.thread_ts);
    if (parent) messages.push({ key, messageId: parent.ts, author: parent.user ?? 'unknown', text: parent.text, addressed: true, slack: true });
  }
  const target = { channel: event.channel, threadTs: root };
  const text = await textWithFiles(deps, client, target, stripMentions(event.text ?? ''), event.files, token);
  messages.push({ key, messageId: event.ts, author: event.user ?? 'unknown', text, addressed: true, slack: true });
  await answerInThread(deps, client, target, messages);
}

/** The thread's first message, or undefined (no history scope, deleted, or a bot's own post). */
async function parentMessage(deps: SlackDeps, client: webApi.WebClient, channel: string, ts: string): Promise<{ ts: string; text: string; user?: string } | undefined> {
  try {
    const result = await client.conversations.replies({ channel, ts, limit: 1 });
    const first = result.messages?.[0];
    if (!first || first.bot_id || typeof first.text !== 'string' || first.text.trim() === '') return undefined;
    return { ts: first.ts ?? ts, text: stripMentions(first.text), ...(first.user ? { user: first.user } : {}) };
  } catch (error) {
    deps.logger.warn(`diag502: could not read the thread's parent message: ${describeError(error)}`);
    return undefined;
  }
}
