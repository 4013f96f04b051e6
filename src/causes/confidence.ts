/**
 * The matchers' side of the confidence scale: the rungs are shared vocabulary (vocabulary.ts, read
 * by the layer decision and the answers too); re-exported here so every cause file takes both the
 * rungs and `boosted` from one place of its own.
 */
export { CONFIDENCE } from '../vocabulary';

/** Adds corroboration boosts to a rung without ever reaching 1. */
export function boosted(base: number, ...boosts: number[]): number {
  const total = boosts.reduce((sum, b) => sum + b, base);
  return Math.round(Math.min(0.98, Math.max(0, total)) * 100) / 100;
}
