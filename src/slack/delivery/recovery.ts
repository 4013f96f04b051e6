/**
 * Picks up work that is owed but nobody is doing: jobs of a process that died (after a restart, or
 * on another replica once the lease ran out) and answers waiting for Slack to come back. Runs at
 * start, every few seconds after, and at once when a redelivered event finds its job already
 * stored.
 */
import type { Logger } from '@slack/bolt';
import type { Store } from '../../conversation/store/store';
import type { Runner } from './runner';
import type { Scheduler } from './scheduler';

interface RecoveryOptions {
  store: Store;
  scheduler: Scheduler;
  runner: Runner;
  owner: string;
  leaseMs: number;
  logger: Logger;
  intervalMs?: number;
}

/** Jobs claimed at a time: more would wait in the scheduler while their leases run. */
const CLAIM_LIMIT = 16;

export class Recovery {
  private timer: NodeJS.Timeout | undefined;
  private claiming = false;
  private again = false;
  private stopped = false;
  /** The reason the last look failed, while the store keeps failing. */
  private failing: string | undefined;

  constructor(private readonly o: RecoveryOptions) {}

  start(): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), this.o.intervalMs ?? 5000);
    this.timer.unref();
  }

  /** Claims what can be claimed now (a claim already running is followed by one more). */
  kick(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    void this.o.store
      .claimJobs(this.o.owner, this.o.leaseMs, { limit: CLAIM_LIMIT })
      .then((jobs) => {
        if (this.failing) this.o.logger.info('diag502: the store answers again; looking for unfinished jobs as usual');
        this.failing = undefined;
        for (const job of jobs) {
          this.o.logger.info(`diag502: resuming job ${job.id} (${job.state}${job.attempts > 0 ? `, attempt ${job.attempts + 1}` : ''})`);
          this.o.scheduler.enqueue(job.lane, `resumed job ${job.id}`, () => this.o.runner.run(job));
        }
      })
      .catch((error: unknown) => {
        // Once per outage (and again if the reason changes), not every few seconds while it lasts.
        const reason = (error as Error).message;
        if (reason !== this.failing) this.o.logger.warn(`diag502: could not look for unfinished jobs: ${reason}`);
        this.failing = reason;
      })
      .finally(() => {
        this.claiming = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }
}
