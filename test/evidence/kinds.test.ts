/**
 * Every evidence kind is complete: a label, a parser (or a streamed reader), a line the detector
 * classifies as it, a parser test, how to collect it, and its row in the README. Each check
 * says what is missing, for which kind, so adding a kind is a matter of following the failures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_KINDS, FALLBACK_KIND, KINDS, isCollectable, type EvidenceKind } from '../../src/evidence/kinds';
import { classifyLine } from '../../src/evidence/detect';
import { EvidenceCollector } from '../../src/evidence/collector';
import { HOW_TO_COLLECT } from '../../src/advice/collect';
import { importsOf, resolveImport } from '../helpers/layers';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Runs a check over every kind; each returns what is missing (or nothing). */
function missing(check: (kind: EvidenceKind) => string | undefined): string[] {
  return EVIDENCE_KINDS.flatMap((kind) => {
    const problem = check(kind);
    return problem === undefined ? [] : [`${kind}: ${problem}`];
  });
}

describe('evidence kinds', () => {
  it('each has a label', () => {
    expect(missing((kind) => (KINDS[kind].label.trim().length > 0 ? undefined : 'no label in KINDS'))).toEqual([]);
  });

  it('each has a parser, or is streamed row by row', () => {
    expect(
      missing((kind) => {
        const { parse, streamed } = KINDS[kind];
        if (parse === undefined && streamed !== true) return 'no parser: give its KINDS entry a parse function, or mark it streamed';
        if (parse !== undefined && streamed === true) return 'both a parser and streamed: a segment is read one way';
        return undefined;
      }),
    ).toEqual([]);
  });

  it('each is announced by its sample line, except free text, which no detector claims', () => {
    expect(
      missing((kind) => {
        const found = classifyLine(KINDS[kind].sample)?.kind;
        if (kind === FALLBACK_KIND) return found === undefined ? undefined : `its sample is detected as ${found}: the fallback kind must be what nothing claims`;
        return found === kind ? undefined : `detect.ts classifies its sample line as ${found ?? 'nothing'}: teach classifyLine the lines that announce it`;
      }),
    ).toEqual([]);
  });

  it('each is read as itself when its sample line is pasted alone', () => {
    expect(
      missing((kind) => {
        const collector = new EvidenceCollector();
        collector.addText('paste', KINDS[kind].sample, { slack: false });
        const read = collector.finish().inputs[0]?.kinds ?? [];
        return read.length === 1 && read[0] === kind ? undefined : `its sample line is read as [${read.join(', ')}]`;
      }),
    ).toEqual([]);
  });

  it('each has a parser test', () => {
    expect(
      missing((kind) => {
        const candidates = [join(ROOT, 'test', 'evidence', 'parsers', `${kind}.test.ts`), join(ROOT, 'test', 'evidence', 'parsers', kind, 'index.test.ts')];
        return candidates.some((f) => existsSync(f)) ? undefined : `no test/evidence/parsers/${kind}.test.ts (or ${kind}/index.test.ts)`;
      }),
    ).toEqual([]);
  });

  it('each that can be collected says how, and only free text cannot', () => {
    expect(
      missing((kind) => {
        if (!isCollectable(kind)) return kind === FALLBACK_KIND ? undefined : 'is not collectable but is not the fallback kind';
        return HOW_TO_COLLECT[kind]?.kind === kind ? undefined : 'no entry in HOW_TO_COLLECT (src/advice/collect.ts)';
      }),
    ).toEqual([]);
  });

  it('each has its row in the README table of what diag502 reads', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(missing((kind) => (readme.includes(`| \`${kind}\` |`) ? undefined : 'no row in the README "What it reads" table'))).toEqual([]);
  });

  it('binds parsers that never import the table back (it would bind them half-loaded)', () => {
    const table = join(SRC, 'evidence', 'kinds.ts');
    const parsers = importsOf(table)
      .map((i) => resolveImport(SRC, table, i.spec))
      .filter((p): p is string => p !== undefined && p.startsWith('evidence/parsers/'));
    expect(parsers.length).toBeGreaterThan(0);
    const cycles: string[] = [];
    for (const parser of parsers) {
      const seen = new Set<string>();
      const queue = [parser];
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        if (file === 'evidence/kinds.ts') cycles.push(`${parser} imports evidence/kinds.ts`);
        for (const { spec, typeOnly } of importsOf(join(SRC, file))) {
          const next = typeOnly ? undefined : resolveImport(SRC, join(SRC, file), spec);
          if (next) queue.push(next);
        }
      }
    }
    expect(cycles).toEqual([]);
  });
});
