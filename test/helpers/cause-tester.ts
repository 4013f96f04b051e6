/**
 * RuleTester for causes: a table of evidence that must match and near-misses that must not.
 * Evidence goes through the real pipeline (normalize, redact, detect, parse), so a cause test
 * also proves that its signatures are recognized in the formats IIS, Windows and proxies write.
 */
import { EvidenceCollector } from '../../src/evidence/collector';
import type { Evidence } from '../../src/evidence/types';
import type { CauseDefinition } from '../../src/causes/define-cause';

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
  /** Confidence bounds the match must respect. */
  minConfidence?: number;
  maxConfidence?: number;
  /** Lines (in `source:line` form, or just the line when there is one source) that must be among the evidence refs. */
  evidenceLines?: (string | number)[];
  /** Substrings that must appear in the tailored steps or fix (proves tailoring). */
  mentions?: string[];
}

export function collect(evidence: CaseEvidence, slack = false): Evidence {
  const collector = new EvidenceCollector();
  for (const [source, text] of Object.entries(evidence)) collector.addText(source, text, { slack });
  return collector.finish();
}

export function runCauseTests(cause: CauseDefinition, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`cause ${cause.id}`, () => {
    it('has at least one valid and one invalid case, with unique names', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });

    for (const c of cases.valid) {
      it(`does not match: ${c.name}`, () => {
        expect(cause.match(collect(c.evidence))).toBeUndefined();
      });
    }

    for (const c of cases.invalid) {
      it(`matches: ${c.name}`, () => {
        const evidence = collect(c.evidence);
        const match = cause.match(evidence);
        expect(match).toBeDefined();
        if (!match) return;
        expect(match.confidence).toBeGreaterThan(0);
        expect(match.confidence).toBeLessThanOrEqual(1);
        if (c.minConfidence !== undefined) expect(match.confidence).toBeGreaterThanOrEqual(c.minConfidence);
        if (c.maxConfidence !== undefined) expect(match.confidence).toBeLessThanOrEqual(c.maxConfidence);
        expect(match.evidence.length).toBeGreaterThan(0);
        const sources = Object.keys(c.evidence);
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
        const steps = cause.steps(context);
        const fix = cause.fix(context);
        expect(steps.length).toBeGreaterThan(0);
        expect(fix.summary.length).toBeGreaterThan(0);
        const text = [...steps, fix.summary, fix.snippet ?? ''].join('\n');
        expect(text).not.toMatch(/\{\{|\bundefined\b|\bNaN\b|\[object Object\]/);
        for (const m of c.mentions ?? []) expect(text).toContain(m);
      });
    }
  });
}

/** Steps and fix must read as sentences when a matcher found no facts (a partial paste, a prose-only match). */
export function expectReadsWithoutFacts(cause: CauseDefinition): void {
  it(`${cause.id}: steps and fix read well with no facts`, () => {
    const context = { evidence: collect({ 'empty.txt': '' }), match: { confidence: 0.5, evidence: [{ source: 'empty.txt', line: 1, text: '' }] }, facts: {} };
    const fix = cause.fix(context);
    const text = [...cause.steps(context), fix.summary, fix.snippet ?? ''].join('\n');
    expect(text).not.toMatch(/\{\{|\bundefined\b|\bNaN\b|\[object Object\]/);
    for (const step of cause.steps(context)) expect(step[0]).toBe(step[0]!.toUpperCase());
  });
}
