/** The proxy-origin causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const proxyOriginCauses: readonly CauseDefinition[] = [];
