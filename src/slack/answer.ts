/**
 * The one path every surface shares once it has acked: hand the message(s) to the conversation
 * layer, render the reply through ./blocks and post it in the thread.
 */
import type { webApi } from '@slack/bolt';
import type { IncomingMessage } from '../conversation/conversation';
import type { Reply } from '../conversation/replies';
import { describeError, type SlackDeps } from './deps';
import { readAttachedFiles, type AttachedFile } from './files';
import { postFailure, postMessage, type SlackMessage, type Target } from './post';
import { renderReply } from './render';

/**
 * Feeds `messages` in order (parent evidence first, then the message itself) and posts each
 * reply, except a bare "no evidence" once a diagnosis is posted (a mention saying "look at this"
 * under a parent paste). Returns the replies posted; empty when the conversation stayed quiet.
 */
export async function answerInThread(
  deps: SlackDeps,
  client: webApi.WebClient,
  target: Target,
  messages: IncomingMessage[],
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const message of messages) {
    const reply = await deps.conversation.handle(message);
    if (reply) replies.push(reply);
  }
  const diagnosed = replies.some((r) => r.type === 'diagnosis');
  const toPost = replies.filter((r) => !(diagnosed && r.type === 'no-evidence'));
  const asker = [...messages].reverse().find((m) => m.author !== 'unknown')?.author;
  for (const reply of toPost) await postOrTell(deps, client, target, renderReply(reply), asker);
  return toPost;
}

/** Short reasons for the Slack errors a person can do something about. */
const REASONS: Record<string, string> = {
  channel_not_found: 'I cannot see this channel. Invite me with `/invite @diag502` and ask again.',
  not_in_channel: 'I am not a member of this channel. Invite me with `/invite @diag502` and ask again.',
  is_archived: 'This channel is archived, so I cannot post my answer here.',
  invalid_blocks: 'Slack refused the formatting of my answer.',
  msg_too_long: 'My answer was too long for one Slack message.',
};

/**
 * Posts `message`; when Slack refuses it, logs one line `{error, channel, method}` and tells the
 * asker privately (chat.postEphemeral) when there is one and Slack lets us. Never throws: a
 * failed post must not take the rest of the answer (or the bot) down with it.
 */
async function postOrTell(deps: SlackDeps, client: webApi.WebClient, target: Target, message: SlackMessage, asker: string | undefined): Promise<void> {
  try {
    await postMessage(client, target, message, deps.logger);
    return;
  } catch (error) {
    const code = describeError(error);
    deps.logger.error(`diag502: ${postFailure(code, target.channel, 'chat.postMessage')}`);
    if (!asker) return;
    const reason = REASONS[code] ?? `Slack refused my answer (${code}).`;
    try {
      await client.chat.postEphemeral({
        channel: target.channel,
        user: asker,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: `diag502 could not post its answer: ${reason}`,
      });
    } catch (ephemeralError) {
      deps.logger.warn(`diag502: ${postFailure(describeError(ephemeralError), target.channel, 'chat.postEphemeral')}`);
    }
  }
}

/**
 * The message's text plus the text of its attached files. Files that were cut or skipped are
 * named in one short note in the thread, so the person knows what was (not) read.
 */
export async function textWithFiles(
  deps: SlackDeps,
  client: webApi.WebClient,
  target: Target,
  text: string,
  files: AttachedFile[] | undefined,
  token: string | undefined,
): Promise<string> {
  if (!files || files.length === 0 || !token) return text;
  const read = await readAttachedFiles(files, token);
  if (read.notes.length > 0) {
    try {
      await client.chat.postMessage({ channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}), text: read.notes.join('\n') });
    } catch (error) {
      deps.logger.warn(`diag502: could not post the file note: ${describeError(error)}`);
    }
  }
  return read.text === '' ? text : `${text}\n${read.text}`;
}
