/** The config-error causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const configErrorCauses: readonly CauseDefinition[] = [];
