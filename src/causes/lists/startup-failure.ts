/** The startup-failure causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const startupFailureCauses: readonly CauseDefinition[] = [];
