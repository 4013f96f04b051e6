/**
 * How much one clue moves a hypothesis, as a fixed likelihood-ratio step (in natural-log units):
 * a clue that `proves` a cause makes it 100 times likelier, one that `hints` at it 1.5 times, one
 * that speaks `against` it a third as likely. Fixed steps keep the weights readable in the cause
 * files ("this page proves it, that word hints at it"), and calibration (calibration.ts) turns the
 * resulting odds into confidences that mean what they say.
 */
export const STEPS = {
  proves: Math.log(100),
  strong: Math.log(10),
  supports: Math.log(3),
  hints: Math.log(1.5),
  against: -Math.log(3),
  excludes: -Math.log(100),
} as const;

export type Step = keyof typeof STEPS;

/** The weights a cause (or a family) gives the clues that bear on it. */
export type ClueWeights = Readonly<Partial<Record<string, Step>>>;

/** One weight for every clue of a group (the ids of one fact), to spread into a weight table. */
export function weighAll(clues: readonly string[], step: Step): ClueWeights {
  return Object.fromEntries(clues.map((clue) => [clue, step]));
}

/**
 * Narrative cues together move a hypothesis by one step per weight table (the family's and the
 * cause's own), their strongest, and never more than this per table: a sentence can point
 * somewhere, it cannot prove anything.
 */
export const NARRATIVE_CAP = STEPS.strong;
