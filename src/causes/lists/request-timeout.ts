/** The request-timeout causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const requestTimeoutCauses: readonly CauseDefinition[] = [];
