/**
 * Where listeners hand a request right after their ack. Nothing is done on the spot: the request
 * joins its thread's lane in the scheduler, and the work (clean, store, answer, post) starts once
 * the event loop has sent the pending acks.
 */
import type { Store } from '../../conversation/store/store';
import { slackKey } from '../deps';
import type { Recovery } from './recovery';
import { laneOf, type SlackRequest } from './requests';
import type { Runner } from './runner';
import type { Scheduler } from './scheduler';

export class Intake {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly runner: Runner,
    private readonly store: Store,
    private readonly recovery: Recovery,
  ) {}

  submit(request: SlackRequest): void {
    this.scheduler.enqueue(laneOf(request), `${request.kind} ${request.id}`, async () => {
      // A followed thread's messages are read only where the bot was invited: in a thread it has
      // not joined, nothing of the people's talk is stored.
      if (request.kind === 'message' && !request.im) {
        if (!request.threadTs || !(await this.store.getThread(slackKey(request.team, request.channel, request.threadTs)))) return;
      }
      // Already stored: a redelivery. Its job runs (or, if its process died, is resumed) once.
      if (!(await this.runner.accept(request))) this.recovery.kick();
    });
  }
}
