/** Numbers in rendered text read as en-US whole numbers, without loading ICU's locale data. */
import fc from 'fast-check';
import { groupDigits } from '../../src/render/shared';

test('groups digits like toLocaleString("en-US") for every safe integer', () => {
  for (const n of [0, 1, 12, 999, 1000, 20000, 123456, 1234567, -1234, Number.MAX_SAFE_INTEGER]) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
  fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupDigits(n) === n.toLocaleString('en-US')));
});

test('leaves fractions to toLocaleString', () => {
  expect(groupDigits(1234.5)).toBe((1234.5).toLocaleString('en-US'));
});
