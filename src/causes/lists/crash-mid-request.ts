/** The crash-mid-request causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const crashMidRequestCauses: readonly CauseDefinition[] = [];
