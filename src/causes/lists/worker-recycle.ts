/** The worker-recycle causes, most common first. */
import type { CauseDefinition } from '../define-cause';
import rapidFailProtection from '../rapid-fail-protection';
import appOffline from '../app-offline';
import appShuttingDown from '../app-shutting-down';
import appPoolRecycle from '../app-pool-recycle';
import appPoolIdleShutdown from '../app-pool-idle-shutdown';
import workerRecycleUnexplained from '../worker-recycle-unexplained';

export const workerRecycleCauses: readonly CauseDefinition[] = [appPoolRecycle, appPoolIdleShutdown, rapidFailProtection, appOffline, appShuttingDown, workerRecycleUnexplained];
