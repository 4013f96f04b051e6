/**
 * Where listeners hand a request right after their ack. Nothing is done on the spot: the request
 * joins its thread's lane in the scheduler, and the work (clean, store, answer, post) starts once
 * the event loop has sent the pending acks.
 *
 * When the store cannot take the request (Redis down, a disk that refuses writes), the request
 * was still acked: it waits here, in memory, and is offered to the store again with growing
 * pauses. Once the store takes it, it is answered as usual; if the store stays away for
 * `storeWaitMs`, the asker is told privately that the request could not be taken. A process that
 * stops meanwhile loses those waiting requests (they never reached the store); that is the one
 * gap, and the log says so.
 */
import type { Logger } from '@slack/bolt';
import type { Store } from '../../conversation/store/store';
import { slackKey } from '../deps';
import type { Recovery } from './recovery';
import { laneOf, type SlackRequest } from './requests';
import { NotStoredError, type Runner } from './runner';
import type { Scheduler } from './scheduler';

/** Pauses between offers to a store that refused a request: quick at first, then every 10 s. */
const STORE_RETRY_MS = [500, 1000, 2000, 4000, 8000, 10_000];
/** Default for how long a request may wait for the store before the asker is told. */
export const DEFAULT_STORE_WAIT_MS = 120_000;

interface IntakeOptions {
  logger: Logger;
  /** How long a request waits in memory for the store before giving up. */
  storeWaitMs?: number;
}

export class Intake {
  /** Requests waiting for the store, by id (the timers are unref'd: they never keep the process up). */
  private readonly waiting = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly runner: Runner,
    private readonly store: Store,
    private readonly recovery: Recovery,
    private readonly options: IntakeOptions = { logger: console as unknown as Logger },
  ) {}

  submit(request: SlackRequest): void {
    this.offer(request, Date.now(), 0);
  }

  /** Requests acked but not stored yet (the store was unavailable). */
  get unstored(): number {
    return this.waiting.size;
  }

  /** Forgets the waiting requests (at shutdown), saying how many were never stored. */
  stop(): void {
    if (this.waiting.size > 0) this.options.logger.warn(`diag502: ${this.waiting.size} request(s) could not be stored before the stop and were not answered`);
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  private offer(request: SlackRequest, firstMs: number, tries: number): void {
    this.scheduler.enqueue(laneOf(request), `${request.kind} ${request.id}`, async () => {
      try {
        // A followed thread's messages are read only where the bot was invited: in a thread it has
        // not joined, nothing of the people's talk is stored.
        if (request.kind === 'message' && !request.im) {
          if (!request.threadTs || !(await this.joined(request.team, request.channel, request.threadTs))) return;
        }
        // Already stored: a redelivery. Its job runs (or, if its process died, is resumed) once.
        if (!(await this.runner.accept(request))) this.recovery.kick();
      } catch (error) {
        if (!(error instanceof NotStoredError)) throw error;
        this.retryLater(request, firstMs, tries, error.message);
      }
    });
  }

  private async joined(team: string, channel: string, threadTs: string): Promise<boolean> {
    try {
      return (await this.store.getThread(slackKey(team, channel, threadTs))) !== undefined;
    } catch (error) {
      throw new NotStoredError((error as Error)?.message ?? String(error), { cause: error });
    }
  }

  private retryLater(request: SlackRequest, firstMs: number, tries: number, reason: string): void {
    const { logger } = this.options;
    const waitMs = this.options.storeWaitMs ?? DEFAULT_STORE_WAIT_MS;
    const delay = STORE_RETRY_MS[Math.min(tries, STORE_RETRY_MS.length - 1)]!;
    if (Date.now() + delay - firstMs > waitMs) {
      this.waiting.delete(request.id);
      logger.error(`diag502: ${request.kind} ${request.id} could not be stored within ${Math.round(waitMs / 1000)} s (${reason}); the asker is told`);
      void this.runner.tellNotStored(request);
      return;
    }
    if (tries === 0) logger.warn(`diag502: ${request.kind} ${request.id} was acked but cannot be stored yet (${reason}); it waits in memory and is tried again`);
    const timer = setTimeout(() => {
      this.waiting.delete(request.id);
      this.offer(request, firstMs, tries + 1);
    }, delay);
    timer.unref();
    this.waiting.set(request.id, timer);
  }
}
