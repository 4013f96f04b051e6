/**
 * After a crash in the middle of a post, the only one who knows whether the answer landed is
 * Slack. Every answer carries its job tag in its message metadata; this looks for the bot's
 * message with that tag in the thread (or channel) since the job was accepted. When Slack cannot
 * be asked, the answer is posted again: better twice than never, and the log says why.
 */
import type { Logger } from '@slack/bolt';
import type { SlackApi } from '../web-api';

interface HistoryMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: { request?: unknown } };
}

export async function findPosted(
  api: SlackApi,
  logger: Logger,
  target: { channel: string; threadTs?: string | undefined },
  tag: string,
  botUserId: string,
  acceptedAt: string,
): Promise<string | undefined> {
  const oldest = (Math.floor(Date.parse(acceptedAt) / 1000) - 60).toString();
  const args = { channel: target.channel, oldest, include_all_metadata: true, limit: 200 };
  try {
    const result = target.threadTs
      ? await api.call<{ messages?: HistoryMessage[] }>('conversations.replies', { ...args, ts: target.threadTs })
      : await api.call<{ messages?: HistoryMessage[] }>('conversations.history', args);
    const found = (result.messages ?? []).find((m) => m.metadata?.event_payload?.request === tag && (m.user === undefined || m.user === botUserId));
    return found?.ts;
  } catch (error) {
    logger.warn(`diag502: could not check whether answer ${tag} was posted before the restart (${(error as Error).message}); posting it`);
    return undefined;
  }
}
