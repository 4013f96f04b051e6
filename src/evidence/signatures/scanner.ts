/**
 * Runs every signature on a line in one pass: the literal fragments of all signatures are found
 * together (literal-index.ts), then only signatures whose fragments all appeared are checked
 * further, and only those with a value pattern run it, on a line already known to be relevant.
 */
import type { EvidenceRef } from '../types';
import { LiteralIndex } from './literal-index';
import type { ClueHit, Signature } from './types';
import { houseRef, type HouseOrigin } from '../house';

/**
 * Whether `fragment` starts a word somewhere in `lower` (the line, lower-cased). People's words
 * must start where a word starts: the narrative cue "ssl" is not in "ApplicationGatewayAccessLog",
 * nor "tls" in "settlsomething". The end is left open, so "recycle" still finds "recycled".
 * Fragments that do not start with a Latin letter or digit (CJK, Cyrillic) are taken as found.
 */
export function startsWord(lower: string, fragment: string): boolean {
  if (!/^[a-z0-9]/.test(fragment)) return true;
  for (let at = lower.indexOf(fragment); at >= 0; at = lower.indexOf(fragment, at + 1)) {
    if (at === 0 || !/[a-z0-9]/.test(lower.charAt(at - 1))) return true;
  }
  return false;
}

/** Longest value kept from a line (an exception message, an address). */
const MAX_VALUE = 200;

interface Compiled {
  signature: Signature;
  all: number[];
  any: number[];
  none: number[];
  /** A narrative cue's required fragments, lower-cased: each must start a word (startsWord). */
  words?: readonly string[];
}

/**
 * The catalogue's fragments as the scanner uses them: every distinct fragment once, lower-cased and
 * sorted (a fragment's id is its place here), and each signature's fragments as ids. Plain data,
 * so the CLI bundle can carry it ready-made (scripts/bundle.js): working it out from about 1,250
 * signatures was a good part of a one-line run.
 */
export interface ScannerTable {
  literals: string[];
  /** Per signature, in catalogue order: its `all`, `any` and `none` fragments as ids. */
  fragments: [all: number[], any: number[], none: number[]][];
}

export function scannerTable(signatures: readonly Signature[]): ScannerTable {
  const texts = new Set<string>();
  for (const signature of signatures) {
    if (signature.all.length === 0) throw new Error(`signature for ${signature.clue} has no required fragment`);
    for (const list of [signature.all, signature.any ?? [], signature.none ?? []]) for (const text of list) texts.add(text.toLowerCase());
  }
  const literals = [...texts].sort();
  const ids = new Map(literals.map((text, id) => [text, id]));
  const idsOf = (list: readonly string[] = []): number[] => list.map((text) => ids.get(text.toLowerCase())!);
  return { literals, fragments: signatures.map((s) => [idsOf(s.all), idsOf(s.any), idsOf(s.none)]) };
}

export class SignatureScanner {
  private readonly index: LiteralIndex;
  /** Signatures by the id of their first required fragment: only these are looked at when it is found. */
  private readonly byFirst = new Map<number, Compiled[]>();

  /** @param table `scannerTable(signatures)`, when it was made ahead of time. */
  constructor(signatures: readonly Signature[], table: ScannerTable = scannerTable(signatures)) {
    if (table.fragments.length !== signatures.length) throw new Error('the scanner table was made for another catalogue');
    for (let i = 0; i < signatures.length; i += 1) {
      const [all, any, none] = table.fragments[i]!;
      const compiled: Compiled = { signature: signatures[i]!, all, any, none };
      if (compiled.signature.narrative) compiled.words = all.map((id) => table.literals[id]!);
      const list = this.byFirst.get(all[0]!);
      if (list === undefined) this.byFirst.set(all[0]!, [compiled]);
      else list.push(compiled);
    }
    this.index = new LiteralIndex(table.literals, { sorted: true });
  }

  /** The clues `line` shows. `ref` is built only when something matched. */
  scan(line: string, ref: () => EvidenceRef): ClueHit[] {
    const lower = line.toLowerCase();
    const found = this.index.find(lower);
    if (found.size === 0) return [];
    // One hit per clue per line, however many of its signatures match; one that pulls out a value wins.
    const hits = new Map<string, ClueHit>();
    let at: EvidenceRef | undefined;
    // A signature of a product's own text matched (not narration, not a product merely named).
    let written = false;
    for (const id of found) {
      for (const c of this.byFirst.get(id) ?? []) {
        const clue = c.signature.clue;
        const already = hits.get(clue);
        if (already && (already.value !== undefined || !c.signature.value)) continue;
        if (!c.all.every((l) => found.has(l))) continue;
        if (c.any.length > 0 && !c.any.some((l) => found.has(l))) continue;
        if (c.none.some((l) => found.has(l))) continue;
        if (c.words && !c.words.every((word) => startsWord(lower, word))) continue;
        at ??= ref();
        // A house rule's line says whose rule it was, next to whatever clue it raised.
        const house = (c.signature as { house?: HouseOrigin }).house;
        const hit: ClueHit = { clue, ref: house ? houseRef(at, house) : at };
        if (c.signature.value) {
          const value = c.signature.value.exec(line)?.[1];
          if (value !== undefined) hit.value = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
        }
        if (c.signature.narrative) hit.narrative = true;
        else if (!c.signature.names) written = true;
        if (!already || hit.value !== undefined) hits.set(clue, hit);
      }
    }
    const all = [...hits.values()];
    // Narrative cues are how people tell it. A line that a product wrote (it raised a product
    // clue) or markup (a web.config element) is not telling: "recycle" inside WAS's own event
    // text, or "requestTimeout" in an attribute, must not count a second time as narration.
    if (all.some((h) => h.narrative) && (written || line.trimStart().startsWith('<') || isKeyValueRecord(line))) return all.filter((h) => !h.narrative);
    return all;
  }
}

/**
 * A line of `name="value"` pairs (a FREB event's data, XML attributes, structured log fields) is
 * written by a program, not told by a person: "SSL" in `HeaderName="X-ARR-SSL"` is no narration.
 */
function isKeyValueRecord(line: string): boolean {
  const first = line.indexOf('="');
  return first >= 0 && line.indexOf('="', first + 2) >= 0;
}
