/**
 * Plain messages: follow-ups in a thread the bot has joined (not addressed: chatter gets nothing)
 * and direct messages (addressed). Everything else is left alone: the bot's own and other bots'
 * messages, edits and other subtypes with no new user text, threads the bot never answered in,
 * and messages that mention the bot (the app_mention listener answers those, so a mention that
 * arrives as both events is answered once).
 */
import type { App } from '@slack/bolt';
import type { AttachedFile } from '../../files';
import type { SlackDeps } from '../../deps';

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
  app.event('message', async ({ event, body, context }) => {
    const message = event as unknown as PlainMessage;
    if (!isUserMessage(message, context.botUserId)) return;
    const im = message.channel_type === 'im';
    const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    // Outside DMs only thread replies can be follow-ups; a channel's other talk is not ours.
    if (!im && !inThread) return;
    deps.intake.submit({
      kind: 'message',
      id: `event:${body.event_id}`,
      team: body.team_id,
      channel: message.channel,
      ts: message.ts,
      ...(inThread ? { threadTs: message.thread_ts! } : {}),
      im,
      user: message.user!,
      text: message.text ?? '',
      ...(message.files ? { files: message.files } : {}),
    });
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
