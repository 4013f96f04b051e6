/**
 * Reads a folder of house rule files (YAML or JSON), validates them with one zod schema, and
 * checks every rule against its own sample lines. This is the edge: files are read here, and the
 * engine receives only rules that passed (`HouseRule`, plain data). Every problem names the file
 * and line it is on, and the field, so a team fixes its file without reading diag502's source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { FAMILY_IDS, LAYER_TITLES, type FamilyId, type LayerId } from '../vocabulary';
import { compileValue, houseClue, houseSignatures, HOUSE_WEIGHTS, type HouseRule } from '../evidence/house';
import { ALL_SIGNATURES } from '../evidence/signatures';
import { SignatureScanner } from '../evidence/signatures/scanner';
import { LineNormalizer } from '../evidence/normalize';
import { Redactor } from '../evidence/redact';
import { CAUSES } from '../causes';
import { FAMILY_CLUES } from '../causes/family-clues';

/** The extensions read from a rules folder; anything else there (a README) is left alone. */
export const RULE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** One thing wrong with a rule file, located as precisely as the file allows. */
export interface RuleProblem {
  file: string;
  line?: number;
  /** The field, as `rules[0].weight`. */
  path?: string;
  message: string;
}

/** `rules/lb.yaml:12: rules[0].weight: expected one of ...`. */
export function formatProblem(p: RuleProblem): string {
  return `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** How one sample of one rule fared. */
export interface SampleResult {
  rule: string;
  file: string;
  line?: number;
  /** `match`: the rule must recognize it; `noMatch`: a near miss it must not. */
  expect: 'match' | 'noMatch';
  sample: string;
  passed: boolean;
}

export interface RulesRead {
  /** Rules whose files are valid; their samples may still fail (see `samples`). */
  rules: HouseRule[];
  files: string[];
  /** Files or fields that are wrong: nothing of such a set may be loaded. */
  problems: RuleProblem[];
  samples: SampleResult[];
}

/** What `loadRules` throws: every problem, one per line, for a person to read. */
export class RulesError extends Error {
  override name = 'RulesError';
}

const WEIGHT_MESSAGE = `expected one of ${HOUSE_WEIGHTS.join('|')}`;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Shorter fragments would match half of any log. */
const MIN_FRAGMENT = 3;

const fragment = z.string().trim().min(MIN_FRAGMENT, `a fragment needs at least ${MIN_FRAGMENT} characters, or it matches nearly every line`).max(200);
const fragments = z.array(fragment).max(20);
const weight = z.enum(HOUSE_WEIGHTS, { error: WEIGHT_MESSAGE });
const prose = z.string().trim().min(1).max(2000);

const ruleSchema = z
  .strictObject({
    id: z.string().regex(KEBAB, 'must be kebab-case, such as lb-idle-timeout'),
    match: z.strictObject({
      all: fragments.min(1, 'name at least one fragment the line must contain'),
      any: fragments.optional(),
      none: fragments.optional(),
      value: z
        .string()
        .optional()
        .superRefine((v, ctx) => {
          if (v === undefined) return;
          const compiled = compileValue(v);
          if (typeof compiled === 'string') ctx.addIssue({ code: 'custom', message: compiled });
        }),
    }),
    clue: z.string().optional(),
    cause: z.string().optional(),
    houseCause: z
      .strictObject({
        id: z.string().regex(KEBAB, 'must be kebab-case, such as f5-idle-timeout'),
        title: z.string().trim().min(3).max(200),
        family: z.enum(FAMILY_IDS as [FamilyId, ...FamilyId[]], { error: `expected one of ${FAMILY_IDS.join('|')}` }),
        layer: z.enum(Object.keys(LAYER_TITLES) as [LayerId, ...LayerId[]], { error: `expected one of ${Object.keys(LAYER_TITLES).join('|')}` }),
      })
      .optional(),
    weight: weight.optional(),
    steps: z.array(prose).max(20).optional(),
    fix: prose.optional(),
    samples: z.strictObject({
      match: z.array(z.string().min(1)).min(1, 'give at least one line the rule must match'),
      noMatch: z.array(z.string().min(1)).optional(),
    }),
  })
  .superRefine((r, ctx) => {
    const raised = (['clue', 'cause', 'houseCause'] as const).filter((k) => r[k] !== undefined);
    if (raised.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `a rule raises exactly one of clue (a built-in clue), cause (a built-in cause) or houseCause (its own cause); found ${raised.length === 0 ? 'none' : raised.join(' and ')}` });
      return;
    }
    if (r.clue !== undefined) {
      if (!knownClues().has(r.clue)) ctx.addIssue({ code: 'custom', path: ['clue'], message: `"${r.clue}" is not a built-in clue id (such as app-offline or alb.target-timeout)` });
      for (const k of ['weight', 'steps', 'fix'] as const) {
        if (r[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'a rule that raises a built-in clue leaves weights and advice to the causes that weigh it; use cause or houseCause instead' });
      }
      return;
    }
    if (r.weight === undefined) ctx.addIssue({ code: 'custom', path: ['weight'], message: `${WEIGHT_MESSAGE} (how much this rule weighs for its cause)` });
    if (r.cause !== undefined && !CAUSES.some((c) => c.id === r.cause)) ctx.addIssue({ code: 'custom', path: ['cause'], message: `"${r.cause}" is not a built-in cause id; to define your own cause use houseCause` });
    if (r.houseCause !== undefined) {
      if (CAUSES.some((c) => c.id === r.houseCause!.id)) ctx.addIssue({ code: 'custom', path: ['houseCause', 'id'], message: `"${r.houseCause.id}" is a built-in cause; give your cause its own id` });
      if (!r.steps || r.steps.length === 0) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'a house cause needs its steps, in your words' });
      if (r.fix === undefined) ctx.addIssue({ code: 'custom', path: ['fix'], message: 'a house cause needs its fix, in your words' });
    }
  });

const fileSchema = z.strictObject({ rules: z.array(ruleSchema).min(1, 'a rule file holds at least one rule') });

type RuleInput = z.infer<typeof ruleSchema>;

/** The fields a rule may have, for the README test: every one of them must be documented. */
export const RULE_FIELDS: readonly string[] = Object.keys(ruleSchema.shape);

let clueIds: Set<string> | undefined;

/** Every clue id the built-in catalogue raises or weighs. */
function knownClues(): Set<string> {
  if (!clueIds) {
    clueIds = new Set(ALL_SIGNATURES.map((s) => s.clue));
    for (const table of [...Object.values(FAMILY_CLUES), ...CAUSES.map((c) => c.clues ?? {})]) for (const clue of Object.keys(table)) clueIds.add(clue);
  }
  return clueIds;
}

/** A parsed file with what it takes to turn a data path into a line. */
interface Located {
  data: unknown;
  lineOf(path: readonly PropertyKey[], key?: string): number | undefined;
}

/**
 * Parses YAML, or JSON (JSON.parse decides what is valid JSON; JSON is also YAML 1.2, so the same
 * document API gives the line of any path in it). Returns the problems when it does not parse.
 */
function parse(file: string, text: string, json: boolean): Located | RuleProblem[] {
  let data: unknown;
  if (json) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message)?.[1];
      const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
      return [{ file, line, message: `not valid JSON: ${(error as Error).message}` }];
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (!json && doc.errors.length > 0) {
    return doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` }));
  }
  if (!json) data = doc.toJS();
  const lineAt = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  return {
    data,
    lineOf(path, key) {
      // The deepest part of the path the file has: a missing field is reported at its parent.
      // A map entry is located by its key, which is where a person looks for the field.
      const full = key === undefined ? [...path] : [...path, key];
      for (let k = full.length; k > 0; k -= 1) {
        const parent: unknown = k === 1 ? doc.contents : doc.getIn(full.slice(0, k - 1) as unknown[], true);
        const last = full[k - 1];
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
          const line = lineAt((pair?.key as Node | undefined)?.range?.[0]);
          if (line !== undefined) return line;
        } else if (isSeq(parent) && typeof last === 'number') {
          const line = lineAt((parent.items[last] as Node | undefined)?.range?.[0]);
          if (line !== undefined) return line;
        }
      }
      return lineAt((doc.contents as Node | null)?.range?.[0]);
    },
  };
}

/** `['rules', 0, 'weight']` → `rules[0].weight`. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function toRule(input: RuleInput, file: string): HouseRule {
  const rule: HouseRule = { rule: input.id, file, all: input.match.all, samples: { match: input.samples.match, noMatch: input.samples.noMatch ?? [] } };
  if (input.match.any) rule.any = input.match.any;
  if (input.match.none) rule.none = input.match.none;
  if (input.match.value !== undefined) rule.value = input.match.value;
  if (input.clue !== undefined) rule.clue = input.clue;
  if (input.cause !== undefined) {
    rule.weigh = [{ cause: input.cause, weight: input.weight! }];
    if (input.steps) rule.steps = input.steps;
    if (input.fix !== undefined) rule.fix = input.fix;
  }
  if (input.houseCause) rule.cause = { ...input.houseCause, weight: input.weight!, steps: input.steps ?? [], fix: input.fix ?? '' };
  return rule;
}

/** Validates one file's text. `file` is the name problems cite. */
export function parseRuleFile(file: string, text: string): { rules: HouseRule[]; problems: RuleProblem[]; lines: Map<HouseRule, { rule?: number; match: (number | undefined)[]; noMatch: (number | undefined)[] }> } {
  const lines = new Map<HouseRule, { rule?: number; match: (number | undefined)[]; noMatch: (number | undefined)[] }>();
  const parsed = parse(file, text, extname(file).toLowerCase() === '.json');
  if (Array.isArray(parsed)) return { rules: [], problems: parsed, lines };
  const result = fileSchema.safeParse(parsed.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue): RuleProblem => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const message = issue.code === 'unrecognized_keys' ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      const path = issue.path.length > 0 ? pathText(issue.path) : undefined;
      return { file, line: parsed.lineOf(issue.path, keys[0]), ...(path ? { path } : {}), message };
    });
    return { rules: [], problems, lines };
  }
  const rules = result.data.rules.map((input, i) => {
    const rule = toRule(input, file);
    lines.set(rule, {
      rule: parsed.lineOf(['rules', i, 'id']),
      match: input.samples.match.map((_s, j) => parsed.lineOf(['rules', i, 'samples', 'match', j])),
      noMatch: (input.samples.noMatch ?? []).map((_s, j) => parsed.lineOf(['rules', i, 'samples', 'noMatch', j])),
    });
    return rule;
  });
  return { rules, problems: [], lines };
}

/**
 * Runs each rule on its samples the way evidence lines are read (normalized, redacted, scanned),
 * with the rule's signature alone, so a built-in signature cannot pass a sample for it.
 */
function checkSamples(rule: HouseRule, at: { match: (number | undefined)[]; noMatch: (number | undefined)[] } | undefined): SampleResult[] {
  const [signature] = houseSignatures([rule]);
  const scanner = new SignatureScanner([signature!]);
  const clue = houseClue(rule);
  const raises = (sample: string): boolean => {
    const normalized = new LineNormalizer(false).normalize(sample) ?? '';
    const line = new Redactor().redact(normalized);
    return scanner.scan(line, () => ({ source: 'sample', line: 1, text: line })).some((h) => h.clue === clue);
  };
  const out: SampleResult[] = [];
  rule.samples.match.forEach((sample, i) => out.push({ rule: rule.rule, file: rule.file, line: at?.match[i], expect: 'match', sample, passed: raises(sample) }));
  (rule.samples.noMatch ?? []).forEach((sample, i) => out.push({ rule: rule.rule, file: rule.file, line: at?.noMatch[i], expect: 'noMatch', sample, passed: !raises(sample) }));
  return out;
}

/** What a failed sample means, in one sentence. */
export function describeSample(s: SampleResult): string {
  const quoted = JSON.stringify(s.sample.length > 120 ? `${s.sample.slice(0, 119)}…` : s.sample);
  return s.expect === 'match' ? `sample ${quoted} should match, but the rule does not recognize it` : `near miss ${quoted} must not match, but the rule recognizes it`;
}

/**
 * Reads every rule file of `dir`. Never throws for a problem of the files: they are all in
 * `problems` (and failed samples in `samples`), so a report can show everything at once.
 */
export function readRules(dir: string): RulesRead {
  const read: RulesRead = { rules: [], files: [], problems: [], samples: [] };
  const shown = basename(dir.replace(/[\\/]+$/, '')) || dir;
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    names = readdirSync(dir)
      .filter((n) => (RULE_EXTENSIONS as readonly string[]).includes(extname(n).toLowerCase()))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message;
    read.problems.push({ file: dir, message: `cannot read the rules folder: ${why}` });
    return read;
  }
  if (names.length === 0) read.problems.push({ file: dir, message: `no rule files (${RULE_EXTENSIONS.join(', ')}) in this folder` });
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = `${shown}/${name}`;
    read.files.push(file);
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      read.problems.push({ file, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseRuleFile(file, text);
    read.problems.push(...parsed.problems);
    for (const rule of parsed.rules) {
      const at = parsed.lines.get(rule);
      // Ids name a rule (and a house cause) in answers: two of one name would be ambiguous.
      for (const [id, kind] of [[rule.rule, 'rule'], ...(rule.cause ? [[rule.cause.id, 'house cause']] : [])] as const) {
        const before = seen.get(`${kind}:${id}`);
        if (before) read.problems.push({ file, line: at?.rule, message: `${kind} id "${id}" is already used in ${before}` });
        seen.set(`${kind}:${id}`, file);
      }
      read.rules.push(rule);
      read.samples.push(...checkSamples(rule, at));
    }
  }
  return read;
}

/**
 * The rules of `dir`, ready for the engine; throws a RulesError listing every problem and every
 * failed sample when anything is wrong, because a half-loaded rule set would answer differently
 * from what the team wrote.
 */
export function loadRules(dir: string): HouseRule[] {
  const read = readRules(dir);
  const failed = read.samples.filter((s) => !s.passed);
  if (read.problems.length === 0 && failed.length === 0) return read.rules;
  const lines = [...read.problems.map(formatProblem), ...failed.map((s) => formatProblem({ file: s.file, line: s.line, message: `rule ${s.rule}: ${describeSample(s)}` }))];
  throw new RulesError(`diag502: house rules in ${dir} were refused:\n${lines.map((l) => `  ${l}`).join('\n')}\nRun "diag502 rules check ${dir}" for the full report.`);
}
