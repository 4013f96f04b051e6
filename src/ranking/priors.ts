/**
 * How likely each answer is before any clue: the seed article's order of frequency, checked
 * against the dev split of the corpus (eval). "Unknown" is a hypothesis too: with weak evidence
 * it wins, and the answer says so instead of guessing.
 */
import type { FamilyId } from '../causes/families';

export const FAMILY_PRIORS: Readonly<Record<FamilyId, number>> = {
  'startup-failure': 0.2,
  'crash-mid-request': 0.12,
  'request-timeout': 0.14,
  'proxy-origin': 0.16,
  'worker-recycle': 0.08,
  'tls-handshake': 0.1,
  'config-error': 0.12,
  'resource-exhaustion': 0.08,
};

/** The prior weight of "no known cause" against all families together (which sum to 1). */
export const UNKNOWN_PRIOR = 0.6;

/** The share of a family's prior its family-level answer keeps; its specific causes split the rest. */
export const GENERIC_SHARE = 0.5;
