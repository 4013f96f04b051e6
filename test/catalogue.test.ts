/**
 * Keeps the catalogue honest, the way ESLint's checkRuleFiles keeps its rules honest: every cause
 * file is registered, named after its id, tested, documented with steps, a fix and references,
 * and belongs to a known family. Also checks that data flows one way (test/helpers/layers.ts):
 * each file's layer comes from its path, and no import points up or sideways.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CAUSES } from '../src/causes';
import { FAMILY_IDS, LAYER_TITLES } from '../src/vocabulary';
import { EVIDENCE_KINDS, isCollectable } from '../src/evidence/kinds';
import { importsOf, layerOf, resolveImport, sourceFiles, violation } from './helpers/layers';
import { MESSY_FORMS } from './helpers/cause-tester';

const ROOT = join(__dirname, '..');
const CAUSES_DIR = join(ROOT, 'src', 'causes');
const HELPER_FILES = new Set(['define-cause.ts', 'confidence.ts', 'query.ts', 'index.ts', 'family-answer.ts', 'family-clues.ts']);

function causeFiles(): string[] {
  return readdirSync(CAUSES_DIR)
    .filter((f) => f.endsWith('.ts') && !HELPER_FILES.has(f) && statSync(join(CAUSES_DIR, f)).isFile())
    .map((f) => f.replace(/\.ts$/, ''));
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

    it('names the evidence that would confirm it, of kinds someone can collect', () => {
      expect(cause.wants.length).toBeGreaterThan(0);
      expect(cause.wants.filter((kind) => !EVIDENCE_KINDS.includes(kind) || !isCollectable(kind))).toEqual([]);
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
      // Messy variants (issue 8): at least three must-match pastes in three forms, and a near miss.
      expect(text).toMatch(/messy:\s*\{/);
    });
  });

  describe.each(causeFiles().map((id) => [id]))('%s.ts', (id) => {
    const file = join(CAUSES_DIR, `${id}.ts`);

    it('is typed: defineCause<SomeFacts> or the family-answer helper', () => {
      // Typed facts per cause (issue 8): no untyped bag, no default type argument.
      expect(readFileSync(file, 'utf8')).toMatch(/export default (defineCause<\w+Facts>|defineFamilyAnswer)\(/);
    });

    it('imports no other cause file (shared code lives in causes/support/)', () => {
      const others = new Set(causeFiles().map((c) => `causes/${c}.ts`));
      const imported = importsOf(file)
        .map(({ spec }) => resolveImport(join(ROOT, 'src'), file, spec))
        .filter((target) => target !== undefined && others.has(target));
      expect(imported).toEqual([]);
    });
  });

  it.each(FAMILY_IDS)('has messy pastes of every form for the %s family', (family) => {
    const forms = new Set<string>();
    for (const cause of CAUSES.filter((c) => c.family === family)) {
      const text = readFileSync(join(ROOT, 'test', 'causes', `${cause.id}.test.ts`), 'utf8');
      for (const m of text.matchAll(/form:\s*'([a-z -]+)'/g)) forms.add(m[1]!);
    }
    expect([...forms].sort()).toEqual([...MESSY_FORMS].sort());
  });
});

describe('one-way data flow', () => {
  const SRC = join(ROOT, 'src');
  const files = sourceFiles(SRC);
  const inSrc = (file: string): string => relative(SRC, file).split(sep).join('/');

  it('gives every source file a layer', () => {
    const unplaced = files.map(inSrc).filter((f) => layerOf(f) === undefined);
    // A new top-level file or folder needs a place in test/helpers/layers.ts.
    expect(unplaced).toEqual([]);
  });

  it.each(files.map((f) => [inSrc(f), f]))('%s imports only what sits below it', (name, file) => {
    const broken: string[] = [];
    for (const { spec, typeOnly } of importsOf(file)) {
      if (spec.startsWith('@slack/') && !['slack', 'main'].includes(layerOf(name)?.unit ?? '')) broken.push(`${name} imports ${spec}: only the Slack face talks to Slack`);
      const target = resolveImport(SRC, file, spec);
      const why = target === undefined ? undefined : violation(name, target, typeOnly);
      if (why) broken.push(why);
    }
    expect(broken).toEqual([]);
  });

  describe('the rule', () => {
    it('lets main.ts, the composition root, import a face', () => {
      expect(violation('main.ts', 'console/console.ts', false)).toBeUndefined();
    });

    it.each([
      ['slack/blocks/reply-message.ts', 'console/reply-text.ts'],
      ['console/console.ts', 'slack/app.ts'],
      ['cli.ts', 'console/console.ts'],
      ['slack/app.ts', 'cli.ts'],
    ])('fails a face (%s) importing another face (%s)', (from, to) => {
      expect(violation(from, to, false)).toMatch(/only main\.ts may import a face/);
    });

    it.each([['conversation/conversation.ts', 'console/console.ts'], ['conversation/replies.ts', 'slack/post.ts'], ['conversation/engine.ts', 'cli.ts']])(
      'fails the conversation (%s) importing a face (%s)',
      (from, to) => {
        expect(violation(from, to, true)).toBeDefined();
      },
    );

    it.each([['render/text.ts', 'slack/blocks/mrkdwn.ts'], ['render/reply-text.ts', 'console/console.ts'], ['render/shared.ts', 'cli.ts']])(
      'fails render/ (%s) importing a face (%s)',
      (from, to) => {
        expect(violation(from, to, true)).toBeDefined();
      },
    );

    it('lets render/ read the conversation types, and nothing more of it', () => {
      expect(violation('render/reply-text.ts', 'conversation/replies.ts', true)).toBeUndefined();
      expect(violation('render/reply-text.ts', 'conversation/conversation.ts', false)).toBeDefined();
      expect(violation('render/text.ts', 'diagnose.ts', false)).toBeDefined();
    });

    it.each([['causes/families.ts'], ['causes/define-cause.ts'], ['causes/index.ts'], ['causes/query.ts']])('fails the contract importing the catalogue (%s)', (to) => {
      expect(violation('contract.ts', to, true)).toBeDefined();
    });

    it('fails layer.ts and advice/ importing the catalogue, and the catalogue importing advice/', () => {
      expect(violation('layer.ts', 'causes/confidence.ts', false)).toBeDefined();
      expect(violation('advice/findings/index.ts', 'causes/query.ts', false)).toBeDefined();
      expect(violation('causes/ancm-request-timeout.ts', 'advice/patch.ts', false)).toBeDefined();
    });

    it('fails evidence/ importing anything above it', () => {
      for (const to of ['causes/query.ts', 'advice/patch.ts', 'render/text.ts', 'diagnose.ts', 'contract.ts']) {
        expect(violation('evidence/collector.ts', to, true)).toBeDefined();
      }
      expect(violation('evidence/collector.ts', 'vocabulary.ts', false)).toBeUndefined();
    });

    it.each([
      ['conversation/engine.ts', 'ranking/rank.ts'],
      ['slack/app.ts', 'ranking/verdict.ts'],
      ['render/reply-text.ts', 'ranking/rank.ts'],
      ['causes/thread-pool-starvation.ts', 'ranking/rank.ts'],
      ['advice/knowledge/index.ts', 'ranking/verdict.ts'],
      ['main.ts', 'ranking/rank.ts'],
    ])('fails %s ranking or deciding on its own (%s): only diagnose.ts may', (from, to) => {
      // Type-only imports too: a face that reads RankedHypothesis is one step from ranking itself.
      expect(violation(from, to, true)).toMatch(/only diagnose\.ts may rank and decide/);
    });

    it('lets diagnose.ts import the scoring and the verdict, and the verdict read the scoring', () => {
      expect(violation('diagnose.ts', 'ranking/rank.ts', false)).toBeUndefined();
      expect(violation('diagnose.ts', 'ranking/verdict.ts', false)).toBeUndefined();
      expect(violation('ranking/verdict.ts', 'ranking/rank.ts', false)).toBeUndefined();
      // The rest of ranking/ (steps, calibration) stays the catalogue's to read.
      expect(violation('causes/thread-pool-starvation.ts', 'ranking/steps.ts', false)).toBeUndefined();
    });

    it('places a new file by its folder', () => {
      expect(layerOf('slack/listeners/new-surface.ts')?.unit).toBe('slack');
      expect(layerOf('render/new-format.ts')?.unit).toBe('render');
      expect(layerOf('nowhere.ts')).toBeUndefined();
    });
  });
});
