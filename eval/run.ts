/**
 * `npm run eval`: the engine against the real-case corpus, beside the status-code + keyword
 * baseline, for the dev and the test split: top-1 and top-3 family, cause accuracy where labelled,
 * abstentions, precision at confidence >= 0.8, Brier score and a reliability table, per family
 * and per evidence kind.
 *
 *   --split dev|test   one split only
 *   --misses           the dev cases the engine gets wrong (never the test split: tune on dev only)
 *   --json FILE        the summaries as JSON
 *   --readme           rewrites the figures under "How sure it is" in README.md
 *   --corpus DIR       the cases of another folder (a snapshot taken before cases were added, so a
 *                      change is measured before and after on the same cases)
 *   --variants         top-1 on every case reshaped as pastes get reshaped (eval/variants.ts)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAUSES } from '../src/causes';
import { FAMILY_IDS } from '../src/vocabulary';
import { CORPUS_DIR, EVIDENCE_KINDS, loadCorpus, type Case, type Split } from './corpus';
import { pct, right, rightIn3, summarize, type Scored, type Summary } from './metrics';
import { evaluate } from './predict';
import { figuresBlock, withFigures } from './readme-figures';
import { variantScores } from './variants';

const KNOWN = new Set(CAUSES.map((c) => c.id));

interface Options {
  split?: Split;
  misses: boolean;
  json?: string;
  readme: boolean;
  corpus?: string;
  variants: boolean;
}

export function args(argv: readonly string[] = process.argv.slice(2)): Options {
  const out: Options = { misses: false, readme: false, variants: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--split') out.split = argv[++i] as Split;
    else if (a === '--misses') out.misses = true;
    else if (a === '--json') out.json = argv[++i]!;
    else if (a === '--readme') out.readme = true;
    else if (a === '--corpus') out.corpus = argv[++i]!;
    else if (a === '--variants') out.variants = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (out.readme && out.corpus) throw new Error("--readme describes the repository's corpus: leave out --corpus");
  return out;
}

function row(label: string, e: Summary, b: Summary): string {
  const high = e.high.n === 0 ? '   -   ' : `${pct(e.high.correct, e.high.n)} of ${String(e.high.n).padStart(3)}`;
  return [
    label.padEnd(22),
    String(e.n).padStart(4),
    `${pct(e.top1, e.n)} ${pct(b.top1, b.n)}`,
    `${pct(e.top3, e.n)} ${pct(b.top3, b.n)}`,
    `${pct(e.abstained, e.n)} ${pct(b.abstained, b.n)}`,
    e.cause.n === 0 ? '        -       ' : `${pct(e.cause.correct, e.cause.n)}/${pct(e.cause.covered, e.cause.n)} of ${String(e.cause.n).padStart(3)}`,
    high,
    e.brier === undefined ? '  -  ' : e.brier.toFixed(3),
  ].join('  ');
}

const HEADER = `${'cases'.padEnd(22)}     n  top-1 (base)  top-3 (base)  no answer (base)  cause exact/covered  >=0.8 right  Brier`;

export function report(split: Split, cases: readonly Case[]): { lines: string[]; overall: Summary } {
  const { engine, baseline } = evaluate(cases);
  const lines: string[] = [];
  const sum = (pick: (s: Scored) => boolean): [Summary, Summary] => [summarize(engine.filter(pick), KNOWN), summarize(baseline.filter(pick), KNOWN)];
  const [overall, base] = sum(() => true);
  lines.push(`== ${split} split: ${cases.length} cases ==`, HEADER, row('all', overall, base));
  lines.push('-- per family');
  for (const f of FAMILY_IDS) {
    const [e, b] = sum((s) => s.case.family === f);
    if (e.n > 0) lines.push(row(f, e, b));
  }
  lines.push('-- per evidence kind (a case counts under each kind it holds)');
  for (const k of EVIDENCE_KINDS) {
    const [e, b] = sum((s) => s.case.kinds.includes(k));
    if (e.n > 0) lines.push(row(k, e, b));
  }
  lines.push('-- reliability (engine): stated confidence against how often it was right');
  for (const bin of overall.reliability) {
    lines.push(`   ${bin.from.toFixed(1)}-${bin.to.toFixed(1)}  ${String(bin.count).padStart(4)} answers  mean confidence ${bin.count ? bin.meanConfidence.toFixed(2) : ' -  '}  right ${bin.count ? pct(Math.round(bin.accuracy * bin.count), bin.count) : '  -  '}`);
  }
  return { lines, overall };
}

function misses(cases: readonly Case[]): string[] {
  const { engine } = evaluate(cases);
  return engine
    .filter((s) => !right(s))
    .map((s) => `${s.case.id.padEnd(44)} ${s.case.family.padEnd(20)} got ${(s.prediction.families[0] ?? '(no answer)').padEnd(20)} ${s.prediction.cause ?? ''} ${s.prediction.confidence?.toFixed(2) ?? ''}${rightIn3(s) ? '  (in top 3)' : ''}`);
}

/** What `npm run eval` prints for these options and cases (one string per line), and the summaries for --json. */
export function printed(options: Options, all: readonly Case[]): { lines: string[]; json: Record<string, Summary> } {
  const splits: Split[] = options.split ? [options.split] : ['dev', 'test'];
  const json: Record<string, Summary> = {};
  const out: string[] = [];
  for (const split of splits) {
    const { lines, overall } = report(split, all.filter((c) => c.split === split));
    json[split] = overall;
    out.push(...lines, '');
    if (options.variants) {
      out.push(`-- ${split}: top-1 on the same cases reshaped`);
      for (const v of variantScores(all.filter((c) => c.split === split))) out.push(`   ${v.variant.padEnd(14)} ${pct(v.top1, v.n)}   ${v.how}`);
      out.push('');
    }
  }
  if (options.misses) {
    out.push('== dev cases the engine gets wrong (the test split is never listed) ==');
    out.push(misses(all.filter((c) => c.split === 'dev')).join('\n'));
  }
  return { lines: out, json };
}

function main(): void {
  const options = args();
  const all = loadCorpus(options.corpus);
  const { lines, json } = printed(options, all);
  console.log(lines.join('\n'));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
  if (options.readme) {
    const file = join(CORPUS_DIR, '..', '..', '..', 'README.md');
    writeFileSync(file, withFigures(readFileSync(file, 'utf8'), figuresBlock(all)));
    console.log('README.md: figures under "How sure it is" rewritten');
  }
}

if (require.main === module) main();
