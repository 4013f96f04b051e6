/**
 * RuleTester for signatures: each signature's own examples must raise its clue and its near misses
 * must not; then the same examples are pasted the messy ways people paste them (inside prose,
 * behind a log prefix, quoted, Slack-escaped, in a code fence, in upper case) and must still be
 * recognized. Lines are scanned by the whole catalogue, as the collector scans them.
 */
import { SignatureScanner } from '../../src/evidence/signatures/scanner';
import type { Signature } from '../../src/evidence/signatures/types';
import { ALL_SIGNATURES } from '../../src/evidence/signatures';
import { LineNormalizer } from '../../src/evidence/normalize';

const scanner = new SignatureScanner(ALL_SIGNATURES);
const ref = () => ({ source: 'paste', line: 1, text: '' });

/** The clues the whole catalogue raises on one line, as the collector would see it. */
export function cluesOf(line: string, slack = false): string[] {
  const normalized = new LineNormalizer(slack).normalize(line) ?? '';
  return scanner.scan(normalized, ref).map((h) => h.clue);
}

/** The ways a line arrives in a real paste, each still to be recognized. */
export const MESSY: readonly { name: string; dress: (line: string) => string; slack?: boolean }[] = [
  { name: 'inside a sentence', dress: (l) => `hi all, since this morning we get ${l} on prod, any idea?` },
  { name: 'behind a log prefix', dress: (l) => `2026-11-20T10:15:02.123Z [ERR] app.web[0]: ${l}` },
  { name: 'quoted in Markdown', dress: (l) => `> ${l}` },
  { name: 'Slack-escaped', dress: (l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), slack: true },
  { name: 'in upper case', dress: (l) => l.toUpperCase() },
  { name: 'among Chinese prose', dress: (l) => `部署后报错：${l} 请帮忙看看` },
];

export function runSignatureTests(product: string, signatures: readonly Signature[]): void {
  describe(`signatures: ${product}`, () => {
    it('has signatures, each with a source and at least one example', () => {
      expect(signatures.length).toBeGreaterThan(0);
      for (const s of signatures) {
        expect(s.source.length).toBeGreaterThan(5);
        expect(s.examples.match.length).toBeGreaterThan(0);
      }
    });
    for (const s of signatures) {
      for (const example of s.examples.match) {
        it(`${s.clue}: ${example.slice(0, 80)}`, () => {
          expect(cluesOf(example)).toContain(s.clue);
          for (const messy of MESSY) expect({ messy: messy.name, clues: cluesOf(messy.dress(example), messy.slack) }).toEqual({ messy: messy.name, clues: expect.arrayContaining([s.clue]) });
        });
      }
      for (const miss of s.examples.noMatch ?? []) {
        it(`${s.clue} not on: ${miss.slice(0, 80)}`, () => {
          expect(cluesOf(miss)).not.toContain(s.clue);
        });
      }
    }
  });
}
