/** The resource-exhaustion causes, most common first. */
import type { CauseDefinition } from '../define-cause';
import threadPoolStarvation from '../thread-pool-starvation';
import syncOverAsync from '../sync-over-async';
import socketExhaustion from '../socket-exhaustion';
import connectionPoolExhaustion from '../connection-pool-exhaustion';
import workerPingFailure from '../worker-ping-failure';
import resourceExhaustionUnexplained from '../resource-exhaustion-unexplained';

export const resourceExhaustionCauses: readonly CauseDefinition[] = [
  threadPoolStarvation,
  syncOverAsync,
  socketExhaustion,
  connectionPoolExhaustion,
  workerPingFailure,
  resourceExhaustionUnexplained,
];
