/**
 * The signature catalogue as a whole: every product file is registered, every clue raised is a
 * known one, values come from bounded patterns, and a hostile line costs linear time.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SIGNATURES, CATALOGUE, signatureScanner } from '../../../src/evidence/signatures';
import { CLUES } from '../../../src/evidence/signatures/clues';
import { expectLinearTime } from '../../helpers/linear-time';

const DIR = join(__dirname, '..', '..', '..', 'src', 'evidence', 'signatures');
const INFRA = new Set(['index', 'types', 'scanner', 'literal-index', 'clues']);

test('every product file in src/evidence/signatures is registered, and has its test', () => {
  const products = readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((f) => !INFRA.has(f));
  expect(Object.keys(CATALOGUE).sort()).toEqual(products.sort());
  const tests = readdirSync(__dirname).map((f) => f.replace(/\.test\.ts$/, ''));
  for (const product of products) expect({ product, tested: tests.includes(product) }).toEqual({ product, tested: true });
});

test('every signature raises a clue of clues.ts', () => {
  const unknown = ALL_SIGNATURES.filter((s) => !(s.clue in CLUES)).map((s) => s.clue);
  expect(unknown).toEqual([]);
});

test('a signature is narration or names a product, never both; every signature of a clue agrees', () => {
  expect(ALL_SIGNATURES.filter((s) => s.narrative && s.names).map((s) => s.clue)).toEqual([]);
  const naming = new Map<string, Set<boolean>>();
  for (const s of ALL_SIGNATURES) naming.set(s.clue, (naming.get(s.clue) ?? new Set<boolean>()).add(s.names === true));
  expect([...naming].filter(([, kinds]) => kinds.size > 1).map(([clue]) => clue)).toEqual([]);
});

test('value patterns are bounded (no unbounded wildcard runs)', () => {
  for (const s of ALL_SIGNATURES) {
    if (!s.value) continue;
    expect({ clue: s.clue, pattern: s.value.source, unbounded: /(?<!\\)\.[*+]|\[\^[^\]]*\][*+]/.test(s.value.source) }).toEqual({ clue: s.clue, pattern: s.value.source, unbounded: false });
  }
});

test('scanning stays linear on hostile lines', () => {
  const scanner = signatureScanner();
  const ref = () => ({ source: 'x', line: 1, text: '' });
  expectLinearTime((line) => scanner.scan(line, ref), 'failed to start process with commandline '.repeat(400));
  expectLinearTime((line) => scanner.scan(line, ref), 'a'.repeat(16_000));
  expectLinearTime((line) => scanner.scan(line, ref), 'upstream timed out (110: connection timed out) '.repeat(340));
});
