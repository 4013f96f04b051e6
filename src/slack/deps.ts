/**
 * What every listener needs, passed in once by createSlackApp: the conversation layer, the store
 * and a tracker of answers in flight (so a shutdown can wait for them).
 */
import type { Logger } from '@slack/bolt';
import type { Conversation } from '../conversation/conversation';
import type { Store } from '../conversation/store/store';
import type { ThreadKey } from '../conversation/types';

export interface SlackDeps {
  conversation: Conversation;
  store: Store;
  logger: Logger;
  inFlight: InFlight;
}

/**
 * Work started after an ack. Listeners return as soon as they have acked; the answer runs here,
 * so a slow diagnosis never delays the HTTP response, and `drain` lets shutdown finish it.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` in the background; a failure is logged, never thrown into Bolt. */
  run(label: string, work: () => Promise<void>): void {
    const promise = Promise.resolve()
      .then(work)
      .catch((error: unknown) => this.logger.error(`diag502: ${label} failed: ${describeError(error)}`))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when every answer in flight has finished, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]).then(() => undefined), timeout]);
    clearTimeout(timer);
  }
}

/** A Slack thread's key in the store. */
export function slackKey(team: string, channel: string, thread: string): ThreadKey {
  return { surface: 'slack', team, channel, thread };
}

/** The Slack error code of a Web API failure (`not_in_channel`, `ratelimited`…), else the message. */
export function describeError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (data && typeof data.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}

/** `<@U123>` mentions removed, so "@diag502 why?" reads as "why?". */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, '').trim();
}
