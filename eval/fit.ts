/**
 * `node dist/eval/fit.js`: fits the calibration (ranking/calibration.ts) on the DEV split only,
 * by Newton's method on the log loss, for both scales: the best family's posterior against
 * whether the family was right (`family`), and a specific cause's posterior against whether it
 * was the cause the thread settled (`cause`; family-level answers are stated on the family scale). Writes src/ranking/calibration.json; run `npm run eval` after it to see both splits'
 * reliability tables.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rank } from '../src/ranking/rank';
import { logit, type CalibrationScale } from '../src/ranking/calibration';
import { verdictOf } from '../src/ranking/verdict';
import { CAUSES } from '../src/causes';
import { EvidenceCollector } from '../src/evidence/collector';
import { CORPUS_DIR, loadCorpus } from './corpus';

type Sample = { x: number; y: number };

/** (logit of the posterior, 1 if it was right) on both scales, for every dev case the engine answered. */
function samples(): Record<CalibrationScale, Sample[]> {
  const out: Record<CalibrationScale, Sample[]> = { family: [], cause: [] };
  for (const c of loadCorpus().filter((k) => k.split === 'dev')) {
    const collector = new EvidenceCollector();
    collector.addText('paste', c.evidence, { slack: 'auto' });
    const { family, lead } = verdictOf(rank(collector.finish(), CAUSES));
    if (!family || !lead) continue;
    out.family.push({ x: logit(family.posterior), y: family.family === c.family ? 1 : 0 });
    // A family-level answer claims the family only: it is stated on the family scale.
    if (!lead.cause!.generic) out.cause.push({ x: logit(lead.posterior), y: lead.id === c.cause ? 1 : 0 });
  }
  return out;
}

/** Minimizes the log loss of sigmoid(a·x + b) by Newton's method (2×2, a few iterations). */
export function fitPlatt(data: readonly Sample[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const w = p * (1 - p);
      ga += (p - y) * x;
      gb += p - y;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

if (require.main === module) {
  const data = samples();
  const family = fitPlatt(data.family);
  const cause = fitPlatt(data.cause);
  const file = join(CORPUS_DIR, '..', '..', '..', 'src', 'ranking', 'calibration.json');
  const body = {
    comment: 'Platt scaling of posteriors, fitted on the dev split of eval/corpus by eval/fit.ts. Do not edit by hand.',
    family: { a: round(family.a), b: round(family.b) },
    cause: { a: round(cause.a), b: round(cause.b) },
    fittedOn: `${data.family.length} answered dev cases, ${data.cause.length} of them with a specific cause`,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`calibration: family a=${body.family.a} b=${body.family.b}, cause a=${body.cause.a} b=${body.cause.b} (${body.fittedOn})`);
}
