/**
 * Posting a rendered message into a Slack thread. Rendering belongs to ./blocks; this file only
 * talks to the Web API: text fallback + blocks + metadata, and the overflow of a long answer.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '@slack/bolt';
import { describeError } from './deps';

type WebClient = webApi.WebClient;

/** What the blocks module returns for any message. */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Content too long for Block Kit: uploaded as a snippet in the thread. */
  overflow?: unknown;
}

/** Where a message goes: a channel, and a thread in it (absent for a new top-level message). */
export interface Target {
  channel: string;
  threadTs?: string;
}

/** Errors about the message's content, not its destination: a text-only retry can succeed. */
const PLAIN_RETRY = new Set(['invalid_blocks', 'msg_too_long']);
/** The text fallback's length on that retry (Slack's advice for `text` is 4,000 characters). */
const PLAIN_MAX = 3900;

/** One log line for a failed Web API call: `{error, channel, method}` as JSON. */
export function postFailure(code: string, channel: string, method: string): string {
  return `post failed ${JSON.stringify({ error: code, channel, method })}`;
}

/** The overflow as a file, whatever shape the blocks module gives it. */
function overflowFile(overflow: unknown): { filename: string; content: string } | undefined {
  if (typeof overflow === 'string') return { filename: 'diag502-report.txt', content: overflow };
  if (overflow && typeof overflow === 'object') {
    const o = overflow as { content?: unknown; filename?: unknown };
    if (typeof o.content === 'string') return { filename: typeof o.filename === 'string' ? o.filename : 'diag502-report.txt', content: o.content };
  }
  return undefined;
}

/**
 * Posts `message`; returns the posted message's ts. Slack refusing the blocks (`invalid_blocks`,
 * `msg_too_long`) gets one retry with the text fallback only. Other errors are thrown (the caller
 * decides whether the user can be told). When the blocks had to be cut, the whole report is uploaded as
 * a snippet in the thread; if that fails too, a note says the answer was cut, so nothing is lost
 * silently.
 */
export async function postMessage(client: WebClient, target: Target, message: SlackMessage, logger: Logger): Promise<string> {
  const args: Record<string, unknown> = { channel: target.channel, text: message.text, blocks: message.blocks };
  if (target.threadTs) args.thread_ts = target.threadTs;
  if (message.metadata) args.metadata = message.metadata;
  let result: webApi.ChatPostMessageResponse;
  try {
    result = await client.chat.postMessage(args as unknown as webApi.ChatPostMessageArguments);
  } catch (error) {
    const code = describeError(error);
    if (!PLAIN_RETRY.has(code)) throw error;
    // Blocks Slack refused: the plain text fallback alone still gets the answer through (once).
    logger.warn(`diag502: ${postFailure(code, target.channel, 'chat.postMessage')}, retrying with the text fallback only`);
    const { blocks: _blocks, ...plain } = args;
    plain.text = message.text.length > PLAIN_MAX ? `${message.text.slice(0, PLAIN_MAX)}…` : message.text;
    result = await client.chat.postMessage(plain as unknown as webApi.ChatPostMessageArguments);
  }
  const ts = result.ts ?? '';
  const file = overflowFile(message.overflow);
  if (file && file.content.length > 0) await uploadOverflow(client, target.channel, target.threadTs ?? ts, file, logger);
  return ts;
}

async function uploadOverflow(client: WebClient, channel: string, threadTs: string, file: { filename: string; content: string }, logger: Logger): Promise<void> {
  try {
    await client.files.uploadV2({ channel_id: channel, thread_ts: threadTs, filename: file.filename, title: 'diag502 full report', content: file.content });
    return;
  } catch (error) {
    logger.warn(`diag502: could not upload the full report: ${describeError(error)}`);
  }
  try {
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      text: `The full report (${file.content.length} characters) did not fit in one Slack message and could not be attached: the answer above was cut. Run diag502 locally (npm start) on the same evidence for the whole report.`,
    });
  } catch (error) {
    logger.warn(`diag502: could not post the truncation note: ${describeError(error)}`);
  }
}
