/**
 * Keeps the catalogue honest, the way ESLint's checkRuleFiles keeps its rules honest: every cause
 * file is registered, named after its id, tested, documented with steps, a fix and references,
 * and belongs to a known family. Also checks that data flows one way: the engine imports
 * nothing from Slack or from the faces above it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CAUSES } from '../src/causes';
import { FAMILY_IDS } from '../src/causes/families';
import { LAYER_TITLES } from '../src/causes/families';

const ROOT = join(__dirname, '..');
const CAUSES_DIR = join(ROOT, 'src', 'causes');
const HELPER_FILES = new Set(['define-cause.ts', 'confidence.ts', 'query.ts', 'families.ts', 'index.ts', 'family-answer.ts', 'family-clues.ts']);

function causeFiles(): string[] {
  return readdirSync(CAUSES_DIR)
    .filter((f) => f.endsWith('.ts') && !HELPER_FILES.has(f) && statSync(join(CAUSES_DIR, f)).isFile())
    .map((f) => f.replace(/\.ts$/, ''));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

describe('cause catalogue', () => {
  it('has causes in every family', () => {
    for (const family of FAMILY_IDS) expect(CAUSES.filter((c) => c.family === family).length).toBeGreaterThan(0);
  });

  it('registers every cause file exactly once, and nothing else', () => {
    const ids = CAUSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(causeFiles().sort());
  });

  describe.each(CAUSES.map((c) => [c.id, c] as const))('%s', (id, cause) => {
    it('is named after its file and has a kebab-case id', () => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const text = readFileSync(join(CAUSES_DIR, `${id}.ts`), 'utf8');
      // A family-level answer is named after its family (family-answer.ts builds the id).
      if (cause.generic) expect([`${cause.family}-unexplained`, text]).toEqual([id, expect.stringContaining(`family: '${cause.family}'`)]);
      else expect(text).toContain(`id: '${id}'`);
    });

    it('has a known family and layer', () => {
      expect(FAMILY_IDS).toContain(cause.family);
      expect(Object.keys(LAYER_TITLES)).toContain(cause.layer);
    });

    it('has a sentence-case title without a final period, and a description', () => {
      expect(cause.title[0]).toBe(cause.title[0]!.toUpperCase());
      expect(cause.title).not.toMatch(/\.$/);
      expect(cause.description.length).toBeGreaterThan(20);
    });

    it('names the evidence that would confirm it', () => {
      expect(cause.wants.length).toBeGreaterThan(0);
    });

    it('cites https references', () => {
      expect(cause.references.length).toBeGreaterThan(0);
      for (const r of cause.references) expect(r).toMatch(/^https:\/\/\S+$/);
    });

    it('has a table test with valid and invalid cases', () => {
      const testFile = join(ROOT, 'test', 'causes', `${id}.test.ts`);
      expect(existsSync(testFile)).toBe(true);
      const text = readFileSync(testFile, 'utf8');
      expect(text).toContain('runCauseTests(');
      expect(text).toMatch(/valid:\s*\[/);
      expect(text).toMatch(/invalid:\s*\[/);
    });
  });
});

describe('one-way data flow', () => {
  const engineDirs = ['evidence', 'causes', 'advice', 'render'].map((d) => join(ROOT, 'src', d));
  const engineFiles = [
    ...engineDirs.flatMap((d) => (existsSync(d) ? sourceFiles(d) : [])),
    join(ROOT, 'src', 'diagnose.ts'),
    join(ROOT, 'src', 'diagnosis.ts'),
    join(ROOT, 'src', 'layer.ts'),
  ];

  it('finds the engine files', () => {
    expect(engineFiles.length).toBeGreaterThan(20);
  });

  it.each(engineFiles.map((f) => [relative(ROOT, f), f]))('%s imports nothing from Slack or the faces', (_name, file) => {
    for (const spec of importsOf(file)) {
      expect(spec).not.toMatch(/^@slack\//);
      expect(spec).not.toMatch(/(^|\/)(slack|conversation|console|cli|main)(\/|$)/);
    }
  });

  it('keeps evidence/ free of causes, advice and rendering', () => {
    for (const file of sourceFiles(join(ROOT, 'src', 'evidence'))) {
      for (const spec of importsOf(file)) expect(spec).not.toMatch(/(^|\/)(causes|advice|render|diagnose)(\/|$)/);
    }
  });
});
