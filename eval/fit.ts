/**
 * `node dist/eval/fit.js`: fits the calibration (ranking/calibration.ts) on the DEV split only:
 * Platt scaling of the top answer's posterior against whether its family was right, by Newton's
 * method on the log loss. Writes src/ranking/calibration.json; run `npm run eval` after it to see
 * both splits' reliability tables.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rank } from '../src/ranking/rank';
import { logit } from '../src/ranking/calibration';
import { CAUSES } from '../src/causes';
import { EvidenceCollector } from '../src/evidence/collector';
import { CORPUS_DIR, loadCorpus } from './corpus';

/** (logit of the best family's posterior, 1 if it was right) for every dev case the engine answered. */
function samples(): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const c of loadCorpus().filter((k) => k.split === 'dev')) {
    const collector = new EvidenceCollector();
    collector.addText('paste', c.evidence, { slack: 'auto' });
    const ranking = rank(collector.finish(), CAUSES);
    const best = ranking.families[0];
    if (!best || ranking.unknown >= best.posterior) continue;
    out.push({ x: logit(best.posterior), y: best.family === c.family ? 1 : 0 });
  }
  return out;
}

/** Minimizes the log loss of sigmoid(a·x + b) by Newton's method (2×2, a few iterations). */
export function fitPlatt(data: readonly { x: number; y: number }[]): { a: number; b: number } {
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

if (require.main === module) {
  const data = samples();
  const { a, b } = fitPlatt(data);
  const file = join(CORPUS_DIR, '..', '..', '..', 'src', 'ranking', 'calibration.json');
  const body = {
    comment: 'Platt scaling of the top answer\'s posterior, fitted on the dev split of eval/corpus by eval/fit.ts. Do not edit by hand.',
    a: Math.round(a * 1e4) / 1e4,
    b: Math.round(b * 1e4) / 1e4,
    fittedOn: `${data.length} answered dev cases, ${new Date().toISOString().slice(0, 10)}`,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`calibration: a=${body.a} b=${body.b} (${body.fittedOn})`);
}
