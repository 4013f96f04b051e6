/**
 * The real-case corpus (eval/corpus/cases/*.case): evidence as people pasted it in public threads,
 * with the label the thread settled. Each file is a front matter of `key: value` lines between
 * `---` lines, then the evidence. See eval/corpus/README.md for the format and the sources.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { FAMILY_IDS, type FamilyId } from '../src/vocabulary';

export const EVIDENCE_KINDS = ['iis-log', 'stdout-log', 'event-log', 'freb', 'headers', 'error-page', 'web-config', 'proxy-log', 'prose', 'narrative'] as const;
export type CorpusKind = (typeof EVIDENCE_KINDS)[number];
export type Split = 'dev' | 'test';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export const caseSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  source: z.url(),
  title: z.string().min(1),
  family: z.enum(FAMILY_IDS as [FamilyId, ...FamilyId[]]),
  cause: z.string().regex(/^[a-z0-9-]+$/).optional(),
  label: z.enum(['confirmed', 'maintainer', 'hypothesis']),
  kinds: z.string().transform(list).pipe(z.array(z.enum(EVIDENCE_KINDS)).min(1)),
  language: z.string().regex(/^[a-z]{2}$/),
  split: z.enum(['dev', 'test']),
  notes: z.string().min(1),
});

export type Case = z.infer<typeof caseSchema> & { evidence: string; file: string };

/** The repository root: the nearest folder above this file with a package.json (works from dist/ too). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    // At the file system's root: not inside the repository (a copy of the file elsewhere).
    if (dirname(dir) === dir) throw new Error(`eval/corpus: no package.json above ${__dirname}`);
    dir = dirname(dir);
  }
  return dir;
}

export const CORPUS_DIR = join(repoRoot(), 'eval', 'corpus', 'cases');

/**
 * The split a case belongs to, decided once from its id alone (a salted hash: as good as a coin
 * flip, and stable, so adding cases never moves old ones between splits).
 */
export function splitOf(id: string): Split {
  const first = createHash('sha256').update(`diag502 corpus split 2026-12-07:${id}`).digest()[0]!;
  return first < 128 ? 'dev' : 'test';
}

/** Splits a case file into its front matter fields and its evidence; throws with the line at fault. */
export function parseCaseFile(text: string, file: string): { fields: Record<string, string>; evidence: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== '---') throw new Error(`${file}:1: a case starts with a --- line`);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new Error(`${file}: the front matter has no closing --- line`);
  const fields: Record<string, string> = {};
  for (let i = 1; i < end; i += 1) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`${file}:${i + 1}: expected "key: value", got ${JSON.stringify(line.slice(0, 60))}`);
    const key = line.slice(0, colon).trim();
    if (key in fields) throw new Error(`${file}:${i + 1}: ${key} appears twice`);
    fields[key] = line.slice(colon + 1).trim();
  }
  return { fields, evidence: lines.slice(end + 1).join('\n').replace(/\n+$/, '') };
}

export function loadCase(file: string): Case {
  const { fields, evidence } = parseCaseFile(readFileSync(file, 'utf8'), file);
  const parsed = caseSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || 'front matter'}: ${issue.message}`);
  }
  if (`${parsed.data.id}.case` !== file.split('/').pop()) throw new Error(`${file}: the id ${parsed.data.id} must match the file name`);
  if (parsed.data.split !== splitOf(parsed.data.id)) throw new Error(`${file}: split must be ${splitOf(parsed.data.id)} (eval/split.ts decides it from the id)`);
  if (evidence.trim().length === 0) throw new Error(`${file}: the case has no evidence`);
  return { ...parsed.data, evidence, file };
}

export function loadCorpus(dir: string = CORPUS_DIR): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.case'))
    .sort()
    .map((f) => loadCase(join(dir, f)));
}
