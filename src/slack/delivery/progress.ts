/**
 * Visible progress for work that takes a while: a large paste (over about 1 MB) or any attached
 * file. Reading them can take seconds, and silence after a paste makes people paste again. So the
 * thread gets a short "Reading u_ex261207.log, 20,000 lines…" at once, which the diagnosis then
 * replaces in place (chat.update): the channel sees one message, not two.
 *
 * In an assistant thread (the app's own DM container), Slack's thread status
 * (assistant.threads.setStatus) says the same without a message; it clears itself when the
 * answer is posted. Where it is not allowed (not an assistant thread, no assistant:write scope),
 * the message above is the fallback, and the workspace is not asked again.
 */
import type { Logger } from '@slack/bolt';
import { fileLabel, lineCount } from '../files';
import { SlackCallError, type SlackApi } from '../web-api';
import type { SlackRequest } from './requests';

/** Pastes at least this long are read with a progress message first. */
export const LARGE_PASTE_CHARS = 1_000_000;


function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/**
 * The progress line for a request, or undefined when it is small enough to answer directly.
 * `read` is the text once files are downloaded: then the line counts lines instead of bytes.
 * Safe as mrkdwn: file names are user text, escaped like a paste (fileLabel).
 */
export function progressLine(request: SlackRequest, read?: { lines: number }): string | undefined {
  const files = 'files' in request ? (request.files ?? []) : [];
  if (files.length === 0 && request.text.length < LARGE_PASTE_CHARS) return undefined;
  const named = files.slice(0, 3).map((f) => fileLabel(f).slice(1, -1));
  const what = named.length === 0 ? 'your paste' : `${named.join(', ')}${files.length > named.length ? ` and ${files.length - named.length} more` : ''}`;
  if (read) return `Reading ${what}, ${read.lines.toLocaleString('en-US')} line${read.lines === 1 ? '' : 's'}…`;
  if (files.length === 0) return `Reading ${what}, ${lineCount(request.text).toLocaleString('en-US')} lines…`;
  const bytes = files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  return `Reading ${what}${bytes > 0 ? ` (${sizeText(bytes)})` : ''}…`;
}

/** How the progress is shown: a message to replace with the answer, or the thread's status. */
export type Shown = { via: 'message'; ts: string } | { via: 'status' };

/** Slack errors that mean "thread status is not for this thread or this app": use a message. */
const NO_STATUS = new Set(['not_allowed', 'not_allowed_token_type', 'missing_scope', 'invalid_thread', 'channel_not_found', 'thread_not_found', 'method_not_supported_for_channel_type', 'unknown_method', 'feature_not_enabled', 'not_implemented']);

export class ProgressNotes {
  /** Workspaces where the thread status was refused: not asked again by this process. */
  private readonly noStatus = new Set<string>();

  constructor(
    private readonly api: SlackApi,
    private readonly logger: Logger,
  ) {}

  /**
   * Shows `line` for the request: as its thread's status when it is an assistant thread that
   * allows it, else as a message (returned, to be replaced by the answer). Undefined when neither
   * worked: the answer then simply arrives as a new message, as for a small paste.
   */
  async show(request: SlackRequest, target: { channel: string; threadTs?: string }, line: string, metadata: unknown): Promise<Shown | undefined> {
    if (request.kind === 'message' && request.im && target.threadTs && !this.noStatus.has(request.team)) {
      try {
        await this.api.call('assistant.threads.setStatus', { channel_id: target.channel, thread_ts: target.threadTs, status: line });
        return { via: 'status' };
      } catch (error) {
        if (error instanceof SlackCallError && NO_STATUS.has(error.code)) this.noStatus.add(request.team);
        else this.logger.warn(`diag502: could not set the thread status: ${(error as Error).message}`);
      }
    }
    try {
      const result = await this.api.call<{ ts?: string }>('chat.postMessage', {
        channel: target.channel,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: line,
        blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:hourglass_flowing_sand: ${line}` }] }],
        metadata,
      });
      return result.ts ? { via: 'message', ts: result.ts } : undefined;
    } catch (error) {
      this.logger.warn(`diag502: could not post the progress message: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Rewrites a progress message (the line count once files are read). Best effort. */
  async update(channel: string, ts: string, line: string): Promise<void> {
    try {
      await this.api.call('chat.update', { channel, ts, text: line, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:hourglass_flowing_sand: ${line}` }] }] });
    } catch (error) {
      this.logger.warn(`diag502: could not update the progress message: ${(error as Error).message}`);
    }
  }

  /** Removes a progress message that no answer replaced (nothing needed saying). Best effort. */
  async remove(channel: string, ts: string): Promise<void> {
    try {
      await this.api.call('chat.delete', { channel, ts });
    } catch (error) {
      this.logger.warn(`diag502: could not remove the progress message: ${(error as Error).message}`);
    }
  }
}
