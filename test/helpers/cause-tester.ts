/**
 * RuleTester for causes: a table of evidence that must match and near-misses that must not.
 * Evidence goes through the real pipeline (normalize, redact, detect, parse), so a cause test
 * also proves that its signatures are recognized in the formats IIS, Windows and proxies write.
 */
import { EvidenceCollector } from '../../src/evidence/collector';
import type { Evidence } from '../../src/evidence/types';
import type { CauseDefinition } from '../../src/causes/define-cause';
import { diagnose } from '../../src/diagnose';
import { rank } from '../../src/ranking/rank';
import { CAUSES } from '../../src/causes';
import type { Diagnosis } from '../../src/contract';

/** Evidence files of one case: name → text (as pasted). */
export type CaseEvidence = Record<string, string>;

export interface ValidCase {
  /** Why this evidence must NOT point at the cause. */
  name: string;
  evidence: CaseEvidence;
}

export interface InvalidCase {
  /** Why this evidence MUST point at the cause. */
  name: string;
  evidence: CaseEvidence;
  /** Confidence bounds the matcher's own match must respect. */
  minConfidence?: number;
  maxConfidence?: number;
  /** Lines (in `source:line` form, or just the line when there is one source) that must be among the evidence refs. */
  evidenceLines?: (string | number)[];
  /** Substrings that must appear in the tailored steps or fix (proves tailoring). */
  mentions?: string[];
  /**
   * The whole engine must rank the cause first, unless this says why another cause rightly leads
   * (partial evidence that fits several causes, or a more specific cause that explains it): the
   * matcher must still recognize it, and its steps still read well.
   */
  trails?: string;
  /** With `trails`: the cause the engine must answer instead. */
  behind?: string;
}

/** The ways people really paste, which a cause must survive (issue 8's list). */
export const MESSY_FORMS = ['header-less', 'paraphrased', 'mid-line', 'split over lines', 'slack-escaped', 'fenced', 'in prose', 'other language'] as const;
export type MessyForm = (typeof MESSY_FORMS)[number];

export interface MessyCase {
  name: string;
  form: MessyForm;
  /** Pasted as one Slack message when `slack` is true (escaped &lt; &gt; &amp;). */
  evidence: CaseEvidence;
  slack?: boolean;
}

export interface CauseTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /**
   * Hand-written messy pastes, judged by the whole engine: `invalid` ones must rank the cause
   * first, `valid` ones (messy near misses) must not.
   */
  messy?: { valid: MessyCase[]; invalid: MessyCase[] };
}

export function collect(evidence: CaseEvidence, slack = false): Evidence {
  const collector = new EvidenceCollector();
  for (const [source, text] of Object.entries(evidence)) collector.addText(source, text, { slack });
  return collector.finish();
}

/** The whole engine's diagnosis of some evidence, as a face would ask for it. */
export function diagnosed(evidence: CaseEvidence, slack = false): Diagnosis {
  return diagnose(Object.entries(evidence).map(([source, text]) => ({ source, text, slack })));
}

const eachFile = (dress: (text: string) => string) => (evidence: CaseEvidence): CaseEvidence =>
  Object.fromEntries(Object.entries(evidence).map(([source, text]) => [source, dress(text)]));

const slackEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every must-match case is pasted these ways too, and the engine must still rank the cause
 * first: what people do to evidence on its way into Slack.
 */
export const DRESSINGS: readonly { name: string; dress: (evidence: CaseEvidence) => CaseEvidence; slack?: boolean }[] = [
  { name: 'every file in one paste', dress: (e) => ({ paste: Object.values(e).join('\n\n') }) },
  { name: 'in a code fence inside prose', dress: eachFile((t) => `prod is down since this morning, this is what we see:\n\`\`\`\n${t}\n\`\`\`\nany idea what is going on?`) },
  { name: 'Slack-escaped', dress: eachFile(slackEscape), slack: true },
  { name: 'quoted in Markdown', dress: eachFile((t) => t.split('\n').map((l) => `> ${l}`).join('\n')) },
  { name: 'with Windows line endings', dress: eachFile((t) => t.replace(/\n/g, '\r\n')) },
];

/**
 * DIAG502_EXPLAIN=<part of a case name> prints how the ranking weighed that case: a tuning aid,
 * silent otherwise.
 */
function explain(name: string, evidence: CaseEvidence, id: string, slack = false): void {
  const wanted = process.env.DIAG502_EXPLAIN;
  if (!wanted || !name.includes(wanted)) return;
  const ranking = rank(collect(evidence, slack), CAUSES);
  const show = ranking.ranked.slice(0, 4);
  const own = ranking.ranked.find((h) => h.id === id);
  if (own && !show.includes(own)) show.push(own);
  const lines = [`${name}\n  clues: ${[...ranking.clues.keys()].join(' ')}`, `  unknown ${ranking.unknown.toFixed(3)}`];
  for (const h of show) lines.push(`  ${h.id} ${h.posterior.toFixed(3)} ${h.votes.map((v) => `${v.scope[0]}:${v.clue}:${v.step}`).join(' ')}`);
  console.log(lines.join('\n'));
}

/**
 * The place the engine gives the cause: 0 when it is the answer, -1 when it is not a candidate
 * at all. When "no known cause" wins, nothing is the answer, even the first candidate listed.
 */
function placeOf(id: string, d: Diagnosis): number {
  const place = d.causes.findIndex((c) => c.id === id);
  return place === 0 && d.answer.kind === 'unknown' ? 1 : place;
}

function leadsOn(cause: CauseDefinition, evidence: CaseEvidence, slack = false): { top: string[]; place: number } {
  const d = diagnosed(evidence, slack);
  return { top: d.causes.slice(0, 3).map((c) => `${c.id} ${c.confidence}`), place: placeOf(cause.id, d) };
}

/** What steps and fix say must read as prose: no unfilled template, no "undefined". */
function expectReadable(steps: readonly string[], fix: { summary: string; snippet?: string }): string {
  expect(steps.length).toBeGreaterThan(0);
  expect(fix.summary.length).toBeGreaterThan(0);
  const text = [...steps, fix.summary, fix.snippet ?? ''].join('\n');
  expect(text).not.toMatch(/\{\{|\bundefined\b|\bNaN\b|\[object Object\]/);
  return text;
}

export function runCauseTests(cause: CauseDefinition, cases: CauseTable): void {
  describe(`cause ${cause.id}`, () => {
    it('has at least one valid and one invalid case, with unique names', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      const names = [...cases.valid, ...cases.invalid, ...(cases.messy?.valid ?? []), ...(cases.messy?.invalid ?? [])].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });

    it('has messy variants: three must-match pastes in three forms, and a messy near miss', () => {
      expect(cases.messy).toBeDefined();
      expect(cases.messy!.invalid.length).toBeGreaterThanOrEqual(3);
      expect(new Set(cases.messy!.invalid.map((c) => c.form)).size).toBeGreaterThanOrEqual(3);
      expect(cases.messy!.valid.length).toBeGreaterThanOrEqual(1);
    });

    it('says its steps and fix in plain words even when nothing was extracted', () => {
      const context = { evidence: collect({}), match: { confidence: 0.5, evidence: [], facts: {} }, facts: {} };
      expectReadable(cause.steps(context), cause.fix(context));
    });

    for (const c of cases.valid) {
      it(`does not match: ${c.name}`, () => {
        explain(c.name, c.evidence, cause.id);
        expect(cause.match(collect(c.evidence))).toBeUndefined();
        const { place, top } = leadsOn(cause, c.evidence);
        expect({ place: place === 0 ? 'first' : 'not first', top }).toEqual({ place: 'not first', top });
      });
    }

    for (const c of cases.invalid) {
      it(`matches: ${c.name}`, () => {
        explain(c.name, c.evidence, cause.id);
        const evidence = collect(c.evidence);
        const d = diagnosed(c.evidence);
        const place = placeOf(cause.id, d);
        const top = d.causes.slice(0, 3).map((k) => `${k.id} ${k.confidence}`);
        // The top three are in both sides so that a failure shows who leads instead.
        if (c.trails === undefined) expect({ place, top }).toEqual({ place: 0, top });
        if (c.behind !== undefined) expect({ answer: d.answer.kind === 'unknown' ? 'unknown' : d.causes[0]?.id, top }).toEqual({ answer: c.behind, top });
        const sources = Object.keys(c.evidence);
        // Family-level answers have no matcher: the engine's ranking is all there is to check.
        const diagnosedCause = d.causes[place];
        const match = cause.generic ? diagnosedCause && { confidence: diagnosedCause.confidence, evidence: diagnosedCause.evidence, facts: {} } : cause.match(evidence);
        expect(match).toBeDefined();
        if (!match) return;
        expect(match.confidence).toBeGreaterThan(0);
        expect(match.confidence).toBeLessThanOrEqual(1);
        if (c.minConfidence !== undefined) expect(match.confidence).toBeGreaterThanOrEqual(c.minConfidence);
        if (c.maxConfidence !== undefined) expect(match.confidence).toBeLessThanOrEqual(c.maxConfidence);
        expect(match.evidence.length).toBeGreaterThan(0);
        for (const ref of match.evidence) {
          // Every ref points at a real line of a real input.
          expect(sources).toContain(ref.source);
          const total = (c.evidence[ref.source] ?? '').split('\n').length;
          expect(ref.line).toBeGreaterThanOrEqual(1);
          expect(ref.line).toBeLessThanOrEqual(total);
        }
        for (const wanted of c.evidenceLines ?? []) {
          const [source, line] = typeof wanted === 'number' ? [sources[0], wanted] : [wanted.slice(0, wanted.lastIndexOf(':')), Number(wanted.slice(wanted.lastIndexOf(':') + 1))];
          expect(match.evidence.map((r) => `${r.source}:${r.line}`)).toContain(`${source}:${line}`);
        }
        const context = { evidence, match, facts: match.facts ?? {} };
        const text = expectReadable(cause.steps(context), cause.fix(context));
        for (const m of c.mentions ?? []) expect(text).toContain(m);
      });

      if (c.trails !== undefined) continue;
      for (const dressing of DRESSINGS) {
        if (dressing.name === 'every file in one paste' && Object.keys(c.evidence).length < 2) continue;
        it(`still leads when pasted ${dressing.name}: ${c.name}`, () => {
          const { place, top } = leadsOn(cause, dressing.dress(c.evidence), dressing.slack);
          expect({ place, top }).toEqual({ place: 0, top });
        });
      }
    }

    for (const c of cases.messy?.invalid ?? []) {
      it(`leads on a messy paste (${c.form}): ${c.name}`, () => {
        explain(c.name, c.evidence, cause.id, c.slack);
        const { place, top } = leadsOn(cause, c.evidence, c.slack);
        expect({ place, top }).toEqual({ place: 0, top });
      });
    }

    for (const c of cases.messy?.valid ?? []) {
      it(`does not lead on a messy near miss (${c.form}): ${c.name}`, () => {
        explain(c.name, c.evidence, cause.id, c.slack);
        const { place, top } = leadsOn(cause, c.evidence, c.slack);
        expect({ place: place === 0 ? 'first' : 'not first', top }).toEqual({ place: 'not first', top });
      });
    }
  });
}
