/** The literal index finds every literal in one pass, overlapping and nested ones included. */
import fc from 'fast-check';
import { LiteralIndex } from '../../../src/evidence/signatures/literal-index';

test('finds overlapping, nested and repeated literals', () => {
  const index = new LiteralIndex(['he', 'she', 'his', 'hers', 'upstream timed out', 'timed']);
  expect([...index.find('ushers')].sort()).toEqual([0, 1, 3]);
  expect([...index.find('nginx: upstream timed out (110)')].sort()).toEqual([4, 5]);
  expect([...index.find('no match at all')]).toEqual([]);
});

test('agrees with indexOf on random literals and texts', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[ab]{1,4}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[abc]{0,40}$/), (literals, text) => {
      const index = new LiteralIndex(literals);
      const expected = literals.map((l, i) => (text.includes(l) ? i : -1)).filter((i) => i >= 0);
      const found = [...index.find(text)];
      // Duplicate literals: every id of a literal that occurs is found.
      expect(found.sort((a, b) => a - b)).toEqual(expected);
    }),
  );
});

test('refuses an empty literal', () => {
  expect(() => new LiteralIndex([''])).toThrow(/must not be empty/);
});

test('agrees with indexOf on many longer literals, read lazily over several texts', () => {
  // One index answers several texts: states built for one text must serve the next unchanged.
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[abcd]{1,8}$/), { minLength: 1, maxLength: 30 }), fc.array(fc.stringMatching(/^[abcde]{0,80}$/), { minLength: 1, maxLength: 4 }), (literals, texts) => {
      const index = new LiteralIndex(literals);
      for (const text of texts) {
        const expected = literals.map((l, i) => (text.includes(l) ? i : -1)).filter((i) => i >= 0);
        expect([...index.find(text)].sort((a, b) => a - b)).toEqual(expected);
      }
    }),
  );
});
