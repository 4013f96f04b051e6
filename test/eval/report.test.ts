/**
 * What `npm run eval` prints (eval/run.ts), on a tiny corpus of its own: both splits, the columns
 * with the keyword baseline beside top-1, top-3 and no-answer, the per-family and per-kind
 * sections, and the reliability table. The baseline states no confidence and names no cause, so
 * cause accuracy, precision at >= 0.8 and Brier have no baseline figure to stand beside.
 */
import type { Case, CorpusKind, Split } from '../../eval/corpus';
import { pct } from '../../eval/metrics';
import { baselinePrediction, enginePrediction } from '../../eval/predict';
import { args, printed } from '../../eval/run';
import type { FamilyId } from '../../src/vocabulary';

function fixture(id: string, split: Split, family: FamilyId, kinds: CorpusKind[], evidence: string, cause?: string): Case {
  return {
    id,
    source: `https://example.org/threads/${id}`,
    title: id,
    family,
    ...(cause ? { cause } : {}),
    label: 'confirmed',
    kinds,
    language: 'en',
    split,
    notes: 'A synthetic case for the report test.',
    evidence,
    file: `${id}.case`,
  };
}

const CASES: Case[] = [
  fixture('dev-startup', 'dev', 'startup-failure', ['error-page'], 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure', 'oop-startup-failure'),
  // The keyword table reads "502.3" as a crash first (a tie with 12002, broken by frequency): the two columns differ.
  fixture(
    'dev-timeout',
    'dev',
    'request-timeout',
    ['prose', 'iis-log'],
    [
      'IIS answers 502.3 on /api/report:',
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip sc-status sc-substatus sc-win32-status time-taken',
      '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 502 3 12002 120015',
    ].join('\n'),
    'ancm-request-timeout',
  ),
  fixture('dev-proxy', 'dev', 'proxy-origin', ['proxy-log'], '2026/11/20 10:15:01 [error] 1234#1234: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, upstream: "http://127.0.0.1:5000/api"'),
  // Said in words only.
  fixture('dev-narrative', 'dev', 'worker-recycle', ['narrative'], 'Every time the app pool recycles we get a burst of 502s, worse under load.'),
  fixture('test-tls', 'test', 'tls-handshake', ['proxy-log', 'narrative'], '2026/11/20 10:15:01 [crit] 12#12: *7 SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream'),
  fixture('test-nothing', 'test', 'crash-mid-request', ['prose'], 'Our site is broken, please help.'),
];

/** The report's lines for one split, from its `== split` line to the blank line that ends it. */
function section(lines: readonly string[], split: Split): string[] {
  const start = lines.findIndex((l) => l.startsWith(`== ${split} split:`));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

/** A figure: a percentage, or "-" when there is nothing to count. */
const PCT = String.raw`(?: {0,2}\d{1,3}%|  -  )`;
/** label, n, then engine and baseline side by side for top-1, top-3 and no answer; then cause, >= 0.8, Brier. */
const ROW = new RegExp(String.raw`^(\S.{21})  ([ \d]{4})  (${PCT}) (${PCT})  (${PCT}) (${PCT})  (${PCT}) (${PCT})  (.{16})  (.{11}|   -   )  (\d\.\d{3}|  -  )$`);

function rowOf(lines: readonly string[], label: string): RegExpExecArray {
  const line = lines.find((l) => l.startsWith(`${label} `));
  expect({ label, line }).toEqual({ label, line: expect.stringMatching(ROW) });
  return ROW.exec(line!)!;
}

describe('npm run eval', () => {
  const { lines, json } = printed(args([]), CASES);

  it('prints both splits, each with its case count, and summarizes both for --json', () => {
    expect(section(lines, 'dev')[0]).toBe('== dev split: 4 cases ==');
    expect(section(lines, 'test')[0]).toBe('== test split: 2 cases ==');
    expect(Object.keys(json)).toEqual(['dev', 'test']);
    expect(printed(args(['--split', 'test']), CASES).lines.filter((l) => l.startsWith('== '))).toEqual(['== test split: 2 cases ==']);
  });

  it('names the columns, with the baseline beside top-1, top-3 and no answer', () => {
    const header = section(lines, 'dev')[1]!;
    for (const column of ['n', 'top-1 (base)', 'top-3 (base)', 'no answer (base)', 'cause exact/covered', '>=0.8 right', 'Brier']) expect(header).toContain(column);
  });

  it.each(['dev', 'test'] as const)('puts the engine’s figures and the baseline’s side by side in the %s "all" row', (split) => {
    const cases = CASES.filter((c) => c.split === split);
    const [, , n, top1, baseTop1, , , noAnswer, baseNoAnswer] = rowOf(section(lines, split), 'all');
    const engine = cases.map((c) => ({ c, p: enginePrediction(c.evidence) }));
    const baseline = cases.map((c) => ({ c, p: baselinePrediction(c.evidence) }));
    expect(Number(n)).toBe(cases.length);
    expect([top1, baseTop1]).toEqual([pct(engine.filter(({ c, p }) => p.families[0] === c.family).length, cases.length), pct(baseline.filter(({ c, p }) => p.families[0] === c.family).length, cases.length)]);
    expect([noAnswer, baseNoAnswer]).toEqual([pct(engine.filter(({ p }) => p.families.length === 0).length, cases.length), pct(baseline.filter(({ p }) => p.families.length === 0).length, cases.length)]);
  });

  it('gives the two columns their own figures (the keyword table misreads the timeout case)', () => {
    const [, , , top1, baseTop1] = rowOf(section(lines, 'dev'), 'all');
    expect(top1).not.toBe(baseTop1);
  });

  it('has a per-family section with a row for each family the split holds, and no other', () => {
    const dev = section(lines, 'dev');
    const from = dev.indexOf('-- per family');
    const to = dev.findIndex((l) => l.startsWith('-- per evidence kind'));
    expect(from).toBeGreaterThan(0);
    const rows = dev.slice(from + 1, to).map((l) => ROW.exec(l)?.[1]?.trim());
    expect(rows).toEqual(['startup-failure', 'request-timeout', 'proxy-origin', 'worker-recycle']);
  });

  it('has a per-kind section with a row for each kind the split holds, narrative included', () => {
    const test = section(lines, 'test');
    const from = test.findIndex((l) => l.startsWith('-- per evidence kind'));
    const to = test.findIndex((l) => l.startsWith('-- reliability'));
    expect(from).toBeGreaterThan(0);
    const rows = test.slice(from + 1, to).map((l) => [ROW.exec(l)?.[1]?.trim(), Number(ROW.exec(l)?.[2])]);
    expect(rows).toEqual([
      ['proxy-log', 1],
      ['prose', 1],
      ['narrative', 1],
    ]);
  });

  it('ends each split with a reliability table of five bins covering every answer given', () => {
    for (const split of ['dev', 'test'] as const) {
      const part = section(lines, split);
      const bins = part.slice(part.findIndex((l) => l.startsWith('-- reliability')) + 1);
      expect(bins.map((l) => /^ {3}(\d\.\d-\d\.\d) /.exec(l)?.[1])).toEqual(['0.0-0.2', '0.2-0.4', '0.4-0.6', '0.6-0.8', '0.8-1.0']);
      const answered = CASES.filter((c) => c.split === split && enginePrediction(c.evidence).families.length > 0).length;
      expect(bins.reduce((sum, l) => sum + Number(/(\d+) answers/.exec(l)![1]), 0)).toBe(answered);
    }
  });

  it('lists only dev cases under --misses: the test split is never tuned on', () => {
    const out = printed(args(['--misses']), CASES).lines;
    const misses = out.slice(out.indexOf('== dev cases the engine gets wrong (the test split is never listed) ==') + 1).join('\n');
    for (const c of CASES.filter((x) => x.split === 'test')) expect(misses).not.toContain(c.id);
  });
});
