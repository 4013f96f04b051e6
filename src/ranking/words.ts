/**
 * The words said beside a calibrated confidence. They follow what the numbers mean on the corpus
 * (calibration.ts: 0.8 is right about 80% of the time), not the matchers' rungs: "near certain"
 * is right nine times in ten or more.
 */
export const CONFIDENCE_WORDS = {
  nearCertain: 0.9,
  strong: 0.75,
  likely: 0.55,
  possible: 0.3,
} as const;

export type ConfidenceWord = 'near certain' | 'strong' | 'likely' | 'possible' | 'weak';

export function confidenceWord(confidence: number): ConfidenceWord {
  if (confidence >= CONFIDENCE_WORDS.nearCertain) return 'near certain';
  if (confidence >= CONFIDENCE_WORDS.strong) return 'strong';
  if (confidence >= CONFIDENCE_WORDS.likely) return 'likely';
  if (confidence >= CONFIDENCE_WORDS.possible) return 'possible';
  return 'weak';
}
