/**
 * The one path every surface shares once it has acked: hand the message(s) to the conversation
 * layer, render the reply through ./blocks and post it in the thread.
 */
import type { webApi } from '@slack/bolt';
import type { IncomingMessage } from '../conversation/conversation';
import type { Reply } from '../conversation/replies';
import { describeError, type SlackDeps } from './deps';
import { readAttachedFiles, type AttachedFile } from './files';
import { postMessage, type Target } from './post';
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
  for (const reply of toPost) await postMessage(client, target, renderReply(reply), deps.logger);
  return toPost;
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
