/**
 * Production-readiness findings on pasted configuration, against the seed's recommended settings.
 * STUB: replaced by the full implementation.
 */
import type { Evidence } from '../evidence/types';
import type { Finding } from '../diagnosis';

export function productionFindings(_evidence: Evidence): Finding[] {
  return [];
}
