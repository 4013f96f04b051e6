/**
 * House rules at the evidence level: a team's own signatures, already validated by the loader at
 * the edge (src/rules/), turned into catalogue signatures so the one scanner runs built-in and
 * house text alike. Kept free of file access: the engine only ever sees plain, checked data.
 */
import type { FamilyId, LayerId } from '../vocabulary';
import type { EvidenceRef } from './types';
import type { Signature } from './signatures/types';

/** How much a rule's clue moves a cause: the steps of ranking/steps.ts, by name. */
export const HOUSE_WEIGHTS = ['proves', 'strong', 'supports', 'hints', 'against', 'excludes'] as const;
export type HouseWeight = (typeof HOUSE_WEIGHTS)[number];

/** Where a house rule was written, shown next to what it raised so nobody mistakes it for the built-in catalogue. */
export interface HouseOrigin {
  rule: string;
  /** The file as the team named it (relative to the rules folder's parent when possible). */
  file: string;
}

/** A cause a team defines for itself; it competes in the ranking like a built-in one. */
export interface HouseCause {
  id: string;
  title: string;
  family: FamilyId;
  layer: LayerId;
  /** How much the rule's own clue weighs for it. */
  weight: HouseWeight;
  steps: string[];
  fix: string;
}

/** One validated house rule: the text it matches and what that text stands for. */
export interface HouseRule extends HouseOrigin {
  /** Fragments, case-insensitive, as in built-in signatures. */
  all: string[];
  any?: string[];
  none?: string[];
  /** The bounded capture syntax (see `compileValue`), never a free regex. */
  value?: string;
  /** A built-in clue id to raise instead of the rule's own (`house.<rule>`): built-in causes weigh it as usual. */
  clue?: string;
  /** Built-in (or house) causes that weigh the rule's own clue, and how much. */
  weigh?: { cause: string; weight: HouseWeight }[];
  /** A new cause the rule's own clue raises. */
  cause?: HouseCause;
  /** Team steps and fix added to the causes in `weigh` when the rule fired. */
  steps?: string[];
  fix?: string;
  samples: { match: string[]; noMatch?: string[] };
}

/** The clue a rule raises: a built-in one it names, or its own. */
export function houseClue(rule: Pick<HouseRule, 'rule' | 'clue'>): string {
  return rule.clue ?? `house.${rule.rule}`;
}

/**
 * The placeholders a value may hold, each a bounded character class: the only non-literal syntax
 * a house rule gets, so no team pattern can backtrack over a hostile line.
 */
export const VALUE_PLACEHOLDERS: Readonly<Record<string, string>> = {
  number: '(\\d{1,12}(?:\\.\\d{1,6})?)',
  word: '([\\w.-]{1,100})',
  host: '([\\w.-]{1,253}(?::\\d{1,5})?)',
  text: '([^\\r\\n]{1,200})',
};

/** Characters that would make a value a regular expression; refused so the syntax stays literal. */
const REGEX_SYNTAX = /[\\*+?[\]|^$]/;

/**
 * `"idle timeout of {number} s"` → a case-insensitive RegExp whose one capture is the number. A
 * string is returned instead when the value is not literal text with exactly one known placeholder.
 */
export function compileValue(value: string): RegExp | string {
  const parts = value.split(/(\{[a-z]+\})/);
  let captures = 0;
  let source = '';
  for (const part of parts) {
    const name = /^\{([a-z]+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      const pattern = VALUE_PLACEHOLDERS[name];
      if (pattern === undefined) return `unknown placeholder {${name}}; use one of ${Object.keys(VALUE_PLACEHOLDERS).map((p) => `{${p}}`).join(', ')}`;
      captures += 1;
      source += pattern;
      continue;
    }
    if (REGEX_SYNTAX.test(part) || /[{}]/.test(part)) return 'must be literal text with one {placeholder}, not a regular expression (no \\ * + ? [ ] | ^ $ or braces)';
    source += part.replace(/[().]/g, '\\$&');
  }
  if (captures !== 1) return `must hold exactly one placeholder such as {number} (found ${captures})`;
  return new RegExp(source, 'i');
}

/** The origin of a house signature, kept on the signature so the scanner can mark its hits. */
export interface HouseSignature extends Signature {
  house: HouseOrigin;
}

const SIGNATURES = new WeakMap<readonly HouseRule[], readonly HouseSignature[]>();

/**
 * The rules' signatures, in the catalogue's shape, built once per rule set (the scanner built over
 * them is cached by this array). Rules were validated, so every value compiles.
 */
export function houseSignatures(rules: readonly HouseRule[]): readonly HouseSignature[] {
  let built = SIGNATURES.get(rules);
  if (!built) {
    built = rules.map(signatureOf);
    SIGNATURES.set(rules, built);
  }
  return built;
}

function signatureOf(r: HouseRule): HouseSignature {
  {
    const value = r.value === undefined ? undefined : compileValue(r.value);
    if (typeof value === 'string') throw new Error(`house rule ${r.rule} (${r.file}): value ${value}`);
    const signature: HouseSignature = {
      clue: houseClue(r),
      all: r.all,
      source: `house rule ${r.rule} (${r.file})`,
      examples: { match: r.samples.match, noMatch: r.samples.noMatch ?? [] },
      house: { rule: r.rule, file: r.file },
    };
    if (r.any && r.any.length > 0) signature.any = r.any;
    if (r.none && r.none.length > 0) signature.none = r.none;
    if (value) signature.value = value;
    return signature;
  }
}

/** A line a house rule raised, marked as such. */
export function houseRef(ref: EvidenceRef, origin: HouseOrigin): EvidenceRef {
  return { ...ref, house: { rule: origin.rule, file: origin.file } };
}
