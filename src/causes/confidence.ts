/**
 * One scale for every matcher, so that confidences mean the same thing across causes.
 * A matcher picks the rung its evidence earns and may add small boosts for corroboration.
 */
export const CONFIDENCE = {
  /** Only a bare status code or an ambiguous hint: one candidate among several. */
  weak: 0.15,
  /** A code or message that fits this cause and a few others. */
  possible: 0.35,
  /** A specific signature of this cause, but not its proof. */
  likely: 0.6,
  /** A specific signature plus corroboration (time, second source, matching config). */
  strong: 0.8,
  /** Signatures that admit no other reading. */
  certain: 0.95,
} as const;

/** Adds corroboration boosts to a rung without ever reaching 1. */
export function boosted(base: number, ...boosts: number[]): number {
  const total = boosts.reduce((sum, b) => sum + b, base);
  return Math.round(Math.min(0.98, Math.max(0, total)) * 100) / 100;
}
