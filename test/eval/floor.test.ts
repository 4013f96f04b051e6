/**
 * The floor under the engine: its figures on the corpus's dev split may not drop below those
 * recorded in eval/floor.json. The test split is never read here, so the floor cannot be tuned on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CAUSES } from '../../src/causes';
import { loadCorpus } from '../../eval/corpus';
import { summarize } from '../../eval/metrics';
import { enginePrediction } from '../../eval/predict';

const floorSchema = z.object({
  $comment: z.string(),
  split: z.literal('dev'),
  top1: z.number().min(0).max(1),
  top3: z.number().min(0).max(1),
  maxNoAnswer: z.number().min(0).max(1),
  precisionAt08: z.number().min(0).max(1),
  maxBrier: z.number().min(0).max(1),
});

const floor = floorSchema.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'eval', 'floor.json'), 'utf8')));
const dev = loadCorpus().filter((c) => c.split === 'dev');
const summary = summarize(
  dev.map((c) => ({ case: c, prediction: enginePrediction(c.evidence) })),
  new Set(CAUSES.map((c) => c.id)),
);
const share = (part: number): number => part / summary.n;

describe('the engine on the dev split stays above the recorded floor', () => {
  it('reads the whole dev split', () => {
    expect(summary.n).toBe(dev.length);
    expect(summary.n).toBeGreaterThanOrEqual(150);
  });
  it(`puts the right family first in at least ${floor.top1 * 100}% of cases`, () => {
    expect(share(summary.top1)).toBeGreaterThanOrEqual(floor.top1);
  });
  it(`has the right family in its top three in at least ${floor.top3 * 100}% of cases`, () => {
    expect(share(summary.top3)).toBeGreaterThanOrEqual(floor.top3);
  });
  it(`says "no known cause" on at most ${floor.maxNoAnswer * 100}% of cases that have one`, () => {
    expect(share(summary.abstained)).toBeLessThanOrEqual(floor.maxNoAnswer);
  });
  it(`is right at least ${floor.precisionAt08 * 100}% of the time when it says 0.8 or more`, () => {
    expect(summary.high.n).toBeGreaterThan(0);
    expect(summary.high.correct / summary.high.n).toBeGreaterThanOrEqual(floor.precisionAt08);
  });
  it(`keeps its Brier score at or under ${floor.maxBrier}`, () => {
    expect(summary.brier).toBeDefined();
    expect(summary.brier!).toBeLessThanOrEqual(floor.maxBrier);
  });
});
