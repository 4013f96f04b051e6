/**
 * What every answer looks like, whatever the question: plain text in the agreed shape, real links,
 * facts from the same tables the diagnosis uses, and the same collection instructions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion, TOPICS } from '../../../src/advice/knowledge';
import { ENTRIES } from '../../../src/advice/knowledge/entries';
import { HOW_TO_COLLECT } from '../../../src/advice/collect';
import { searchTerms } from '../../../src/advice/knowledge/terms';
import { decodeWin32, describeStatus } from '../../../src/evidence/codes';
import { diagnose } from '../../../src/diagnose';
import type { Diagnosis } from '../../../src/contract';

const dir = join(__dirname, '..', '..', 'fixtures', 'cases', 'ancm-request-timeout-default-120s');
const diagnosed: Diagnosis = diagnose(
  readdirSync(dir)
    .filter((f) => f !== 'README.md' && f !== 'expected.json')
    .map((f) => ({ source: f, text: readFileSync(join(dir, f), 'utf8') })),
);

/** Checks the plain-text contract of Answer.text. */
function expectPlainText(text: string): void {
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).toBe(text.trim());
  expect(text).not.toMatch(/\n{3,}/);
  for (const paragraph of text.split('\n\n')) {
    const lines = paragraph.split('\n');
    const isCode = lines.every((l) => l.startsWith('    '));
    if (isCode) continue;
    for (const line of lines) {
      // No Markdown: no fences, headings, emphasis, inline code or links; no HTML markup.
      expect(line).not.toMatch(/^#{1,6} |```|\*\*|__|`|\[[^\]]+\]\(http/);
      expect(line).not.toMatch(/<\/?(?:a|b|i|p|br|div|span|code|pre|strong|em)\b[^>]*>/i);
      // A list item is "- " or "1. ", nothing else ("* ", "+ ").
      expect(line).not.toMatch(/^\s*[*+] /);
    }
  }
}

describe('every entry', () => {
  it.each(ENTRIES.map((e) => [e.id]))('%s answers in plain text with https references, with and without a diagnosis', (id) => {
    const entry = ENTRIES.find((e) => e.id === id)!;
    for (const diagnosis of [null, diagnosed]) {
      const { text, references } = entry.answer({ diagnosis });
      expectPlainText(text);
      expect(references.length).toBeGreaterThan(0);
      for (const r of references) expect(r).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('has a unique kebab-case id, a title and phrasings', () => {
    const ids = ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of ENTRIES) {
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.phrasings.length).toBeGreaterThan(0);
    }
  });

  it('uses keywords only for terms its phrasings lack, once each', () => {
    // A keyword that repeats a phrasing term would let the longer keyword document outrank the
    // phrasing for one-word questions, and a repeated term would weigh twice.
    for (const e of ENTRIES) {
      const phrased = new Set(e.phrasings.flatMap(searchTerms));
      const keywordTerms = (e.keywords ?? []).flatMap(searchTerms);
      expect({ id: e.id, repeated: keywordTerms.filter((t) => phrased.has(t)) }).toEqual({ id: e.id, repeated: [] });
      expect(new Set(keywordTerms).size).toBe(keywordTerms.length);
    }
  });
});

describe('facts come from the shared tables', () => {
  it('reads the meaning of 502.3 and its Win32 codes from the code table', () => {
    const text = answerQuestion('what does 502.3 mean', { diagnosis: null })!.text;
    expect(text).toContain(describeStatus(502, 3));
    for (const code of [12002, 12029, 12030]) expect(text).toContain(decodeWin32(code).meaning);
  });

  it('reads 502.5, 500.30 and its siblings, and 500.19 from the code table', () => {
    expect(answerQuestion('what does 502.5 mean', { diagnosis: null })!.text).toContain(describeStatus(502, 5));
    const text50030 = answerQuestion('what is 500.30', { diagnosis: null })!.text;
    for (const sub of [30, 31, 37, 38]) expect(text50030).toContain(describeStatus(500, sub));
    expect(answerQuestion('what is 500.19', { diagnosis: null })!.text).toContain(describeStatus(500, 19));
  });

  it('gives every spelling of 12002 and 12030', () => {
    const text = answerQuestion('what is 12002', { diagnosis: null })!.text;
    for (const spelling of ['0x80072EE2', '2147954402', '-2147012894']) expect(text).toContain(spelling);
    expect(text).toContain(decodeWin32(12002).name);
    const text12030 = answerQuestion('what does 12030 mean', { diagnosis: null })!.text;
    expect(text12030).toContain('0x80072EFE');
    expect(text12030).toContain(decodeWin32(12030).meaning);
  });

  it('gives the same collection instructions as the diagnosis', () => {
    const ask = (q: string): string => answerQuestion(q, { diagnosis: null })!.text;
    expect(ask('how do I enable stdout logging')).toContain(HOW_TO_COLLECT['stdout-log'].how);
    expect(ask('where are the IIS logs')).toContain(HOW_TO_COLLECT['iis-log'].how);
    expect(ask('how do I enable FREB')).toContain(HOW_TO_COLLECT.freb.how);
    expect(ask('how do I check event viewer')).toContain(HOW_TO_COLLECT['event-log'].how);
  });

  it('tells how to turn stdout logging off, and why', () => {
    const text = answerQuestion('how do I turn off stdout logging', { diagnosis: null })!.text;
    expect(text).toContain('stdoutLogEnabled="false"');
    expect(text).toMatch(/never rotates/);
  });

  it('shows the production web.config element and app pool settings of the seed', () => {
    const text = answerQuestion('what are the production settings', { diagnosis: null })!.text;
    for (const attribute of ['stdoutLogEnabled="false"', 'requestTimeout="00:02:00"', 'startupTimeLimit="120"', 'shutdownTimeLimit="20"']) expect(text).toContain(attribute);
    expect(text).toMatch(/Idle Time-out: 0/);
    expect(text).toMatch(/No Managed Code/);
  });

  it('says UseHsts does not prevent 502s', () => {
    expect(answerQuestion('does UseHsts help', { diagnosis: null })!.text.startsWith('No.')).toBe(true);
  });

  it('captures dumps with procdump for crashes and hangs', () => {
    const text = answerQuestion('how do I capture a memory dump', { diagnosis: null })!.text;
    expect(text).toMatch(/procdump -accepteula -ma -e <PID>/);
    expect(text).toMatch(/dotnet-dump/);
  });
});

describe('TOPICS', () => {
  it('is a short list of short phrases for the "I don\'t know" reply', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(5);
    for (const topic of TOPICS) {
      expect(topic.length).toBeLessThanOrEqual(90);
      expect(topic).not.toMatch(/\n/);
    }
  });
});
