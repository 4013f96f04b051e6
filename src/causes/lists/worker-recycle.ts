/** The worker-recycle causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const workerRecycleCauses: readonly CauseDefinition[] = [];
