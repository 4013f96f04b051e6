/**
 * Runs every signature on a line in one pass: the literal fragments of all signatures are found
 * together (literal-index.ts), then only signatures whose fragments all appeared are checked
 * further, and only those with a value pattern run it, on a line already known to be relevant.
 */
import type { EvidenceRef } from '../types';
import { LiteralIndex } from './literal-index';
import type { ClueHit, Signature } from './types';
import { houseRef, type HouseOrigin } from '../house';

/** Longest value kept from a line (an exception message, an address). */
const MAX_VALUE = 200;

interface Compiled {
  signature: Signature;
  all: number[];
  any: number[];
  none: number[];
}

export class SignatureScanner {
  private readonly index: LiteralIndex;
  /** Signatures by the id of their first required fragment: only these are looked at when it is found. */
  private readonly byFirst = new Map<number, Compiled[]>();

  constructor(signatures: readonly Signature[]) {
    const ids = new Map<string, number>();
    const literal = (text: string): number => {
      const key = text.toLowerCase();
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      return id;
    };
    for (const signature of signatures) {
      if (signature.all.length === 0) throw new Error(`signature for ${signature.clue} has no required fragment`);
      const compiled: Compiled = { signature, all: signature.all.map(literal), any: (signature.any ?? []).map(literal), none: (signature.none ?? []).map(literal) };
      const first = compiled.all[0]!;
      const list = this.byFirst.get(first) ?? [];
      list.push(compiled);
      this.byFirst.set(first, list);
    }
    this.index = new LiteralIndex([...ids.keys()]);
  }

  /** The clues `line` shows. `ref` is built only when something matched. */
  scan(line: string, ref: () => EvidenceRef): ClueHit[] {
    const found = this.index.find(line.toLowerCase());
    if (found.size === 0) return [];
    // One hit per clue per line, however many of its signatures match; one that pulls out a value wins.
    const hits = new Map<string, ClueHit>();
    let at: EvidenceRef | undefined;
    for (const id of found) {
      for (const c of this.byFirst.get(id) ?? []) {
        const clue = c.signature.clue;
        const already = hits.get(clue);
        if (already && (already.value !== undefined || !c.signature.value)) continue;
        if (!c.all.every((l) => found.has(l))) continue;
        if (c.any.length > 0 && !c.any.some((l) => found.has(l))) continue;
        if (c.none.some((l) => found.has(l))) continue;
        at ??= ref();
        // A house rule's line says whose rule it was, next to whatever clue it raised.
        const house = (c.signature as { house?: HouseOrigin }).house;
        const hit: ClueHit = { clue, ref: house ? houseRef(at, house) : at };
        if (c.signature.value) {
          const value = c.signature.value.exec(line)?.[1];
          if (value !== undefined) hit.value = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
        }
        if (c.signature.narrative) hit.narrative = true;
        if (!already || hit.value !== undefined) hits.set(clue, hit);
      }
    }
    const all = [...hits.values()];
    // Narrative cues are how people tell it. A line that a product wrote (it raised a product
    // clue) or markup (a web.config element) is not telling: "recycle" inside WAS's own event
    // text, or "requestTimeout" in an attribute, must not count a second time as narration.
    if (all.some((h) => h.narrative) && (all.some((h) => !h.narrative) || line.trimStart().startsWith('<'))) return all.filter((h) => !h.narrative);
    return all;
  }
}
