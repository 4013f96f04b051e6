/** The resource-exhaustion causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const resourceExhaustionCauses: readonly CauseDefinition[] = [];
