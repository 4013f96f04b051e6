/**
 * Keeps the findings catalogue honest, like test/catalogue.test.ts keeps the causes: every finding
 * file is registered once, named after its id, says what it checks and what it quotes, and has a
 * table test with findings that must be raised and near misses that must not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDINGS } from '../../../src/advice/findings';

const ROOT = join(__dirname, '..', '..', '..');
const DIR = join(ROOT, 'src', 'advice', 'findings');
const HELPER_FILES = new Set(['index.ts', 'define-finding.ts', 'support.ts']);

const findingFiles = (): string[] =>
  readdirSync(DIR)
    .filter((f) => f.endsWith('.ts') && !HELPER_FILES.has(f))
    .map((f) => f.replace(/\.ts$/, ''));

describe('findings catalogue', () => {
  it('registers every finding file exactly once, and nothing else', () => {
    const ids = FINDINGS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(findingFiles().sort());
  });

  describe.each(FINDINGS.map((f) => [f.id, f] as const))('%s', (id, finding) => {
    it('is named after its file and has a kebab-case id', () => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(readFileSync(join(DIR, `${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
    });

    it('says what it checks and which line it quotes', () => {
      expect(finding.checks.length).toBeGreaterThan(20);
      expect(finding.quotes.length).toBeGreaterThan(5);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
    });

    it('has a table test with valid and invalid cases', () => {
      const testFile = join(ROOT, 'test', 'advice', 'findings', `${id}.test.ts`);
      expect(existsSync(testFile)).toBe(true);
      const text = readFileSync(testFile, 'utf8');
      expect(text).toContain('runFindingTests(');
      expect(text).toMatch(/valid:\s*\[/);
      expect(text).toMatch(/invalid:\s*\[/);
    });
  });
});
