/**
 * The corpus as issue 8 asks for it: at least 300 real cases, every family with 20 or more, every
 * evidence kind and narrative present, each case citing its source, and a README that lists them all.
 */
import { readFileSync } from 'node:fs';
import { FAMILY_IDS } from '../../src/vocabulary';
import { CORPUS_README, corpusReadme } from '../../eval/corpus-readme';
import { EVIDENCE_KINDS, loadCorpus, parseCaseFile, splitOf } from '../../eval/corpus';
import { EVIDENCE_KINDS as ENGINE_KINDS } from '../../src/evidence/kinds';

const cases = loadCorpus();

describe('the real-case corpus', () => {
  it('holds at least 300 cases with unique ids and sources', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.source).toMatch(/^https:\/\//);
  });

  it.each(FAMILY_IDS)('has at least 20 cases of %s', (family) => {
    expect(cases.filter((c) => c.family === family).length).toBeGreaterThanOrEqual(20);
  });

  it("labels cases with the engine's evidence kinds, plus narrative", () => {
    // A kind the engine learns to read must get corpus cases too; the engine calls free text 'prose'.
    expect([...EVIDENCE_KINDS]).toEqual([...ENGINE_KINDS, 'narrative']);
  });

  it.each(EVIDENCE_KINDS)('has cases holding %s evidence', (kind) => {
    expect(cases.filter((c) => c.kinds.includes(kind)).length).toBeGreaterThan(0);
  });

  it('splits by a hash of the id, roughly half and half', () => {
    for (const c of cases) expect(c.split).toBe(splitOf(c.id));
    const dev = cases.filter((c) => c.split === 'dev').length;
    expect(dev / cases.length).toBeGreaterThan(0.4);
    expect(dev / cases.length).toBeLessThan(0.6);
  });

  it('rejects a case file with a located message', () => {
    expect(() => parseCaseFile('id: x\n', 'bad.case')).toThrow('bad.case:1: a case starts with a --- line');
    expect(() => parseCaseFile('---\nid x\n---\nevidence', 'bad.case')).toThrow('bad.case:2: expected "key: value"');
    expect(() => parseCaseFile('---\nid: x\n', 'bad.case')).toThrow('no closing --- line');
  });

  it('is described by an up-to-date README that cites every source (npm run corpus:readme)', () => {
    const readme = readFileSync(CORPUS_README, 'utf8');
    expect(readme).toBe(corpusReadme(cases));
    for (const c of cases) expect(readme).toContain(`<${c.source}>`);
  });
});
