/**
 * `node dist/eval/fit.js`: fits the calibration (ranking/calibration.ts) on the DEV split only,
 * by Platt scaling (Newton's method on the log loss), for both scales: the best family's posterior against
 * whether the family was right (`family`), and a specific cause's posterior against whether it
 * was the cause the thread settled (`cause`; family-level answers are stated on the family scale). Writes src/ranking/calibration.json; run `npm run eval` after it to see both splits'
 * reliability tables.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rank } from '../src/ranking/rank';
import { fitPlatt, type CalibrationScale } from '../src/ranking/calibration';
import { verdictOf } from '../src/ranking/verdict';
import { CAUSES } from '../src/causes';
import { EvidenceCollector } from '../src/evidence/collector';
import { CORPUS_DIR, loadCorpus } from './corpus';
import { coversLabel } from './covers';

type Sample = { x: number; y: number };

/** (the posterior, 1 if it was right) on both scales, for every dev case the engine answered. */
function samples(): Record<CalibrationScale, Sample[]> {
  const out: Record<CalibrationScale, Sample[]> = { family: [], cause: [] };
  for (const c of loadCorpus().filter((k) => k.split === 'dev')) {
    const collector = new EvidenceCollector();
    collector.addText('paste', c.evidence, { slack: 'auto' });
    const { family, lead } = verdictOf(rank(collector.finish(), CAUSES));
    if (!family || !lead) continue;
    out.family.push({ x: family.posterior, y: family.family === c.family ? 1 : 0 });
    // A family-level answer claims the family only: it is stated on the family scale.
    if (!lead.cause!.generic) out.cause.push({ x: lead.posterior, y: coversLabel(c.cause, lead.id) ? 1 : 0 });
  }
  return out;
}

if (require.main === module) {
  const data = samples();
  const body = {
    comment: 'Platt scaling of posteriors (sigmoid(a * logit(p) + b)), fitted on the dev split of eval/corpus by eval/fit.ts. Do not edit by hand.',
    fittedOn: `${data.family.length} answered dev cases, ${data.cause.length} of them with a specific cause`,
    family: fitPlatt(data.family),
    cause: fitPlatt(data.cause),
  };
  const file = join(CORPUS_DIR, '..', '..', '..', 'src', 'ranking', 'calibration.json');
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`calibration (${body.fittedOn}):\n  family ${JSON.stringify(body.family)}\n  cause  ${JSON.stringify(body.cause)}`);
}
