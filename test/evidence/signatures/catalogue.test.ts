/**
 * The signature catalogue as a whole: every product file is registered, every clue raised is a
 * known one and weighed or read by someone, values come from bounded patterns, and a hostile line
 * costs linear time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SIGNATURES, CATALOGUE, signatureScanner } from '../../../src/evidence/signatures';
import { CLUES, isKnownClue } from '../../../src/evidence/signatures/clues';
import { CAUSES } from '../../../src/causes';
import { FAMILY_CLUES } from '../../../src/causes/family-clues';
import { expectLinearTime } from '../../helpers/linear-time';
import { sourceFiles } from '../../helpers/layers';
import { nestedQuantifiers } from '../../helpers/regex-bounds';

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

/**
 * Clues a signature raises that no weight table weighs and no matcher reads: recognized, quoted
 * nowhere, moving nothing. Each stays only with a reason; a clue someone starts weighing must
 * leave this list (the test says so).
 */
const INFORMATIONAL: Readonly<Record<string, string>> = {
  'iis.cgi-bad-gateway-page': 'the generic IIS/ARR 502 page ("received an invalid response while acting as a gateway"): weighed by nobody yet (issue 8 audit)',
  'was.startup-timeout': "WAS 5012, a worker past its pool's start-up time limit: weighed by nobody yet, though it reads as a startup failure (issue 8 audit)",
  'appservice.container-exited': "App Service's site container exited during site start: weighed by nobody yet, though it reads as a startup failure (issue 8 audit)",
  'frontdoor.page': "Front Door's page or X-Azure-Ref header: says Front Door is in the path, not what failed; its failing twin frontdoor.origin-error is weighed",
};

/** The code that reads clue ids by name: the causes (matchers and causes/support/) and the derived clues. */
function readInCode(): string {
  const SRC = join(__dirname, '..', '..', '..', 'src');
  const readers = [...sourceFiles(join(SRC, 'causes')), join(SRC, 'evidence', 'clues', 'derived.ts')];
  return readers.map((file) => readFileSync(file, 'utf8')).join('\n');
}

test('every clue a signature raises is weighed by a cause or family table, read by a matcher, or listed as informational', () => {
  const weighed = new Set([...Object.values(FAMILY_CLUES), ...CAUSES.map((c) => c.clues ?? {})].flatMap((table) => Object.keys(table)));
  const code = readInCode();
  const used = (clue: string): boolean => weighed.has(clue) || code.includes(`'${clue}'`);
  const raised = [...new Set(ALL_SIGNATURES.map((s) => s.clue))];
  expect(raised.filter((clue) => !used(clue) && !(clue in INFORMATIONAL))).toEqual([]);
  // Listed but weighed or read after all: take it off the list.
  expect(Object.keys(INFORMATIONAL).filter((clue) => used(clue) || !raised.includes(clue))).toEqual([]);
});

test('every clue a weight table names is a known clue (a signature clue, a fact clue or a derived clue)', () => {
  const tables = [...Object.entries(FAMILY_CLUES), ...CAUSES.map((c) => [c.id, c.clues ?? {}] as const)];
  const unknown = tables.flatMap(([owner, table]) => Object.keys(table).filter((clue) => !isKnownClue(clue)).map((clue) => `${owner}: ${clue}`));
  expect(unknown).toEqual([]);
});

test('value patterns are bounded (no unbounded wildcard runs)', () => {
  for (const s of ALL_SIGNATURES) {
    if (!s.value) continue;
    expect({ clue: s.clue, pattern: s.value.source, unbounded: /(?<!\\)\.[*+]|\[\^[^\]]*\][*+]/.test(s.value.source) }).toEqual({ clue: s.clue, pattern: s.value.source, unbounded: false });
  }
});

test('value patterns repeat no group that itself repeats, unless both repeats are bounded', () => {
  const nested = ALL_SIGNATURES.filter((s) => s.value).map((s) => ({ clue: s.clue, pattern: s.value!.source, nested: nestedQuantifiers(s.value!.source) }));
  expect(nested.filter((s) => s.nested.length > 0)).toEqual([]);
});

test.each([
  ['(\\w+\\s?)+x', ['(\\w+\\s?)+']],
  ['(?:a|b*)*c', ['(?:a|b*)*']],
  ['((ab)+c){2,}', ['((ab)+c){2,}']],
  ['(?:\\d+\\.){1,20}', ['(?:\\d+\\.){1,20}']],
  ['(?:[^)]{1,9}\\)){1,3}', []],
  ['(?:\\.[^\\s.]{1,20}){0,6}', []],
  ['(\\w+)?:', []],
  ['[(\\w+)+]', []],
  ['\\((\\d{1,5})\\)+', []],
])('nestedQuantifiers(%s) finds %j', (source, found) => {
  expect(nestedQuantifiers(source)).toEqual(found);
});

test('every value pattern returns on its own examples grown into long hostile lines', () => {
  // A catastrophic pattern would hang here rather than fail: inputs stay at a few KB so that a
  // linear one returns at once. Copies of the example still hold it, so they must still match;
  // an example cut short and repeated, or run on into its last character, is the near miss a
  // backtracking pattern chokes on (no match is expected of those).
  const lost: string[] = [];
  let runs = 0;
  for (const s of ALL_SIGNATURES) {
    if (!s.value) continue;
    const exec = (line: string): RegExpExecArray | null => new RegExp(s.value!.source, s.value!.flags).exec(line);
    for (const example of s.examples.match) {
      const copies = Math.ceil(4000 / Math.max(1, example.length));
      for (const nearMiss of [`${example}${example.slice(-1).repeat(4000)}`, `${example} ${example.slice(0, -1).repeat(copies)}`, example.slice(0, -1).repeat(copies)]) {
        exec(nearMiss);
        runs += 1;
      }
      if (exec(example) !== null && exec(Array<string>(copies).fill(example).join(' ')) === null) lost.push(`${s.clue}: ${example.slice(0, 60)}`);
    }
  }
  expect(runs).toBeGreaterThan(1000);
  expect(lost).toEqual([]);
});

test('scanning stays linear on hostile lines', () => {
  const scanner = signatureScanner();
  const ref = () => ({ source: 'x', line: 1, text: '' });
  expectLinearTime((line) => scanner.scan(line, ref), 'failed to start process with commandline '.repeat(400));
  expectLinearTime((line) => scanner.scan(line, ref), 'a'.repeat(16_000));
  expectLinearTime((line) => scanner.scan(line, ref), 'upstream timed out (110: connection timed out) '.repeat(340));
});
