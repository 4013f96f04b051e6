/** The tls-handshake causes, most common first. */
import type { CauseDefinition } from '../define-cause';

export const tlsHandshakeCauses: readonly CauseDefinition[] = [];
