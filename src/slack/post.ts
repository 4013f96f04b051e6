/**
 * Putting a rendered message in front of people: chat.postMessage into a channel or thread, or a
 * POST to a command's response_url. Rendering belongs to ./blocks; this file only delivers. When
 * Slack refuses the blocks, the text fallback alone still gets the answer through; when the
 * message had to be cut to fit Block Kit, the full report follows as a file in the thread.
 */
import type { Logger } from '@slack/bolt';
import type { Timeline } from '../contract';
import { timelinePngOffThread } from '../chart/off-thread';
import { timelineAltText } from '../chart/alt';
import { guardText } from '../evidence/guard';
import { uploadFile } from './upload';
import { SlackCallError, type SlackApi } from './web-api';

/** What the blocks module returns for any message. */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
  metadata?: unknown;
  /** Content too long for Block Kit: uploaded as a file in the thread. */
  overflow?: unknown;
  /** A diagnosis's timeline: drawn as a PNG and uploaded in the thread after the message. */
  chart?: unknown;
}

/** Where a message goes: a channel, and a thread in it (absent for a new top-level message). */
export interface Target {
  channel: string;
  threadTs?: string;
}

/** Errors about the message's content, not its destination: a text-only retry can succeed. */
const PLAIN_RETRY = new Set(['invalid_blocks', 'msg_too_long', 'invalid_metadata_format', 'invalid_metadata_schema']);
/** The text fallback's length on that retry (Slack's advice for `text` is 4,000 characters). */
const PLAIN_MAX = 3900;
const RESPOND_TIMEOUT_MS = 10_000;

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

export interface Poster {
  api: SlackApi;
  token: string;
  logger: Logger;
}

/**
 * Posts `message`; returns the posted message's ts. Slack refusing the blocks gets one retry with
 * the text fallback only; other failures are thrown as SlackCallError (the caller decides whether
 * to retry later or tell the asker).
 */
export async function postMessage(poster: Poster, target: Target, message: SlackMessage): Promise<string> {
  const args: Record<string, unknown> = { channel: target.channel, text: message.text, blocks: message.blocks };
  if (target.threadTs) args.thread_ts = target.threadTs;
  if (message.metadata) args.metadata = message.metadata;
  let result: { ts?: string };
  try {
    result = await poster.api.call<{ ts?: string }>('chat.postMessage', args);
  } catch (error) {
    if (!(error instanceof SlackCallError) || !PLAIN_RETRY.has(error.code)) throw error;
    poster.logger.warn(`diag502: ${postFailure(error.code, target.channel, 'chat.postMessage')}, retrying with the text fallback only`);
    const { blocks: _blocks, ...plain } = args;
    plain.text = message.text.length > PLAIN_MAX ? `${message.text.slice(0, PLAIN_MAX)}…` : message.text;
    if (error.code.startsWith('invalid_metadata')) delete plain.metadata;
    result = await poster.api.call<{ ts?: string }>('chat.postMessage', plain);
  }
  const ts = result.ts ?? '';
  const file = overflowFile(message.overflow);
  if (file && file.content.length > 0) await uploadOverflow(poster, target.channel, target.threadTs ?? ts, file);
  if (isTimeline(message.chart)) await uploadChart(poster, target.channel, target.threadTs ?? ts, message.chart);
  return ts;
}

/**
 * Replaces the message at `at` (a progress note) with `message`, in place: what people see becomes
 * the answer, and repeating it after a crash changes nothing. Same fallbacks as postMessage.
 * Returns the message's ts (unchanged by an update).
 */
export async function updateMessage(poster: Poster, at: { channel: string; threadTs?: string; ts: string }, message: SlackMessage): Promise<string> {
  const args: Record<string, unknown> = { channel: at.channel, ts: at.ts, text: message.text, blocks: message.blocks };
  if (message.metadata) args.metadata = message.metadata;
  try {
    await poster.api.call('chat.update', args);
  } catch (error) {
    if (!(error instanceof SlackCallError) || !PLAIN_RETRY.has(error.code)) throw error;
    poster.logger.warn(`diag502: ${postFailure(error.code, at.channel, 'chat.update')}, retrying with the text fallback only`);
    const plain: Record<string, unknown> = { channel: at.channel, ts: at.ts, blocks: [], text: message.text.length > PLAIN_MAX ? `${message.text.slice(0, PLAIN_MAX)}…` : message.text };
    if (message.metadata && !error.code.startsWith('invalid_metadata')) plain.metadata = message.metadata;
    await poster.api.call('chat.update', plain);
  }
  const file = overflowFile(message.overflow);
  if (file && file.content.length > 0) await uploadOverflow(poster, at.channel, at.threadTs ?? at.ts, file);
  if (isTimeline(message.chart)) await uploadChart(poster, at.channel, at.threadTs ?? at.ts, message.chart);
  return at.ts;
}

/** A stored answer comes back as JSON: only a timeline with its lists is drawn. */
function isTimeline(value: unknown): value is Timeline {
  const t = value as Partial<Timeline> | undefined;
  return typeof t === 'object' && t !== null && Array.isArray(t.buckets) && Array.isArray(t.markers) && Array.isArray(t.series) && typeof t.bucketMinutes === 'number';
}

/**
 * The timeline as a PNG in the thread, with its alt text (the chart in words; guarded like every
 * text that leaves, although the timeline was guarded with the message). The chart adds to
 * the answer already posted: when it cannot be drawn or uploaded, that is logged, not retried.
 */
async function uploadChart(poster: Poster, channel: string, threadTs: string, timeline: Timeline): Promise<void> {
  try {
    // Drawn in a worker thread: Vega and resvg would otherwise hold the acks of other requests.
    const png = await timelinePngOffThread(timeline);
    await uploadFile(poster.api, poster.token, { channel, threadTs, filename: 'diag502-timeline.png', title: 'diag502 timeline', content: png, altText: guardText(timelineAltText(timeline)) });
  } catch (error) {
    poster.logger.warn(`diag502: could not upload the timeline chart: ${(error as Error).message}`);
  }
}

async function uploadOverflow(poster: Poster, channel: string, threadTs: string, file: { filename: string; content: string }): Promise<void> {
  try {
    await uploadFile(poster.api, poster.token, { channel, threadTs, filename: file.filename, title: 'diag502 full report', content: file.content });
    return;
  } catch (error) {
    poster.logger.warn(`diag502: could not upload the full report: ${(error as Error).message}`);
  }
  try {
    await poster.api.call('chat.postMessage', {
      channel,
      thread_ts: threadTs,
      text: `The full report (${file.content.length} characters) did not fit in one Slack message and could not be attached: the answer above was cut. Run diag502 locally (npm start) on the same evidence for the whole report.`,
    });
  } catch (error) {
    poster.logger.warn(`diag502: could not post the truncation note: ${(error as Error).message}`);
  }
}

/**
 * POSTs `body` to a command's or shortcut's response_url, which must be on Slack's hosts (the
 * URL came in the request). Throws a SlackCallError; a 404 means the URL expired (30 minutes).
 */
export async function respondTo(poster: Poster, url: string, body: Record<string, unknown>): Promise<void> {
  if (!poster.api.hosts.allows(url)) throw new SlackCallError('response_url', 'response_url_refused', false, 'response_url is not on a Slack host; not sent');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SlackCallError('response_url', 'unreachable', true, `response_url failed (${(error as Error).message})`);
  }
  await response.arrayBuffer();
  if (response.status >= 500 || response.status === 429) throw new SlackCallError('response_url', `http_${response.status}`, true, `response_url answered HTTP ${response.status}`);
  if (response.status !== 200) throw new SlackCallError('response_url', `http_${response.status}`, false, `response_url answered HTTP ${response.status}`);
}
