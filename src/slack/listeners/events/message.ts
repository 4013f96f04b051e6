/**
 * Plain messages: follow-ups in a thread the bot has joined (not addressed: chatter gets nothing)
 * and direct messages (addressed). Everything else is left alone: the bot's own and other bots'
 * messages, edits and other subtypes with no new user text, threads the bot never answered in,
 * and messages that mention the bot (the app_mention listener answers those, so a mention that
 * arrives as both events is answered once).
 */
import type { App, webApi } from '@slack/bolt';
import { answerInThread, textWithFiles } from '../../answer';
import type { AttachedFile } from '../../files';
import { slackKey, type SlackDeps } from '../../deps';

/** Subtypes that still carry a person's new text. */
const USER_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

interface PlainMessage {
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
  files?: AttachedFile[];
}

export function registerMessage(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    const message = event as unknown as PlainMessage;
    if (!isUserMessage(message, context.botUserId)) return;
    if (!(await deps.store.markProcessed(body.event_id))) return;
    deps.inFlight.run('message', () => answerMessage(deps, client, body.team_id, message, context.botToken));
  });
}

/** True for a person's message worth reading (see the file comment). */
export function isUserMessage(message: PlainMessage, botUserId: string | undefined): boolean {
  if (message.bot_id) return false;
  if (message.subtype !== undefined && !USER_SUBTYPES.has(message.subtype)) return false;
  if (!message.user || (botUserId !== undefined && message.user === botUserId)) return false;
  if (botUserId !== undefined && (message.text ?? '').includes(`<@${botUserId}`)) return false;
  return true;
}

async function answerMessage(deps: SlackDeps, client: webApi.WebClient, team: string, message: PlainMessage, token: string | undefined): Promise<void> {
  const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  if (message.channel_type === 'im') {
    // A DM conversation is one thread per DM channel, unless the person replies in a thread.
    const root = inThread ? message.thread_ts! : 'dm';
    const key = slackKey(team, message.channel, root);
    const target = inThread ? { channel: message.channel, threadTs: message.thread_ts! } : { channel: message.channel };
    const text = await textWithFiles(deps, client, target, message.text ?? '', message.files, token);
    await answerInThread(deps, client, target, [{ key, messageId: message.ts, author: message.user!, text, addressed: true, slack: true }]);
    return;
  }
  if (!inThread) return;
  const key = slackKey(team, message.channel, message.thread_ts!);
  // Threads the bot has not joined belong to the people in them.
  if (!(await deps.store.getThread(key))) return;
  const target = { channel: message.channel, threadTs: message.thread_ts! };
  const text = await textWithFiles(deps, client, target, message.text ?? '', message.files, token);
  await answerInThread(deps, client, target, [{ key, messageId: message.ts, author: message.user!, text, addressed: false, slack: true }]);
}
