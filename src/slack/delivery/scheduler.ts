/**
 * Runs the work that follows an ack. Acks come first: a task starts from `setImmediate`, after the
 * event loop has handled pending I/O (the next requests and their acks), never as a microtask
 * right behind the ack; one task starts per turn of the loop, and at most `concurrency` run at
 * once. Tasks of one lane (one Slack thread) run one at a time in arrival order, so a follow-up
 * always sees the evidence of the message before it.
 */
import type { Logger } from '@slack/bolt';

interface Entry {
  label: string;
  task: () => Promise<void>;
}

/** Resolves on the next turn of the event loop, after pending I/O: a place for acks to go out. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class Scheduler {
  /** Per lane, the tasks not finished yet; the first one runs (or waits its turn in `ready`). */
  private readonly lanes = new Map<string, Entry[]>();
  /** Lanes whose first task may start, oldest first. */
  private readonly ready: string[] = [];
  private running = 0;
  private pumping = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly concurrency = 4,
  ) {}

  /** Queues `task` behind the earlier tasks of `lane`. A failure is logged, never thrown. */
  enqueue(lane: string, label: string, task: () => Promise<void>): void {
    const queue = this.lanes.get(lane);
    if (queue) {
      queue.push({ label, task });
      return;
    }
    this.lanes.set(lane, [{ label, task }]);
    this.ready.push(lane);
    this.pump();
  }

  /** Tasks queued or running. */
  get size(): number {
    let n = 0;
    for (const queue of this.lanes.values()) n += queue.length;
    return n;
  }

  /** Resolves when nothing is queued or running, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      const lane = this.running < this.concurrency ? this.ready.shift() : undefined;
      if (lane !== undefined) this.start(lane);
      if (this.ready.length > 0 && this.running < this.concurrency) this.pump();
    });
  }

  private start(lane: string): void {
    const queue = this.lanes.get(lane)!;
    const entry = queue[0]!;
    this.running += 1;
    void Promise.resolve()
      .then(entry.task)
      .catch((error: unknown) => this.logger.error(`diag502: ${entry.label} failed: ${(error as Error)?.message ?? String(error)}`))
      .finally(() => {
        this.running -= 1;
        queue.shift();
        if (queue.length > 0) this.ready.push(lane);
        else this.lanes.delete(lane);
        if (this.size === 0) this.idle.splice(0).forEach((resolve) => resolve());
        this.pump();
      });
  }
}
