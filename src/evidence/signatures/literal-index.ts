/**
 * Finds which of many literal strings occur in a line, in one pass over the line whatever the
 * number of literals (Aho-Corasick). Signatures are checked with literal fragments first, so a
 * hostile line costs time linear in its length, never a regex backtracking over it.
 */

/** No state: a missing transition. */
const NONE = -1;
/** A failure link not computed yet. */
const UNKNOWN = -2;

/**
 * The automaton is built lazily, as lines walk it: a state is a run of the literals sorted by text
 * (those sharing its prefix), expanded into its children the first time a line reaches it; its
 * failure link and output are computed the first time they are needed. The catalogue's literals
 * make about 26,000 states; building them all up front was a good part of the CLI's start-up, and
 * a short paste visits a few hundred. A long log soon visits the states that matter, and each is
 * built once.
 *
 * States are held in flat arrays: most have one child, kept in two typed arrays; a state with more
 * keeps the others in a Map.
 */
export class LiteralIndex {
  private readonly literals: readonly string[];
  /** Literal ids sorted by text: the literals under a state are the run sorted[lo, hi). */
  private readonly sorted: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly depth: Int32Array;
  private readonly expanded: Uint8Array;
  /** The character of each state's first child edge, or NONE. */
  private readonly firstChar: Int32Array;
  /** The state that edge leads to. */
  private readonly firstNext: Int32Array;
  /** The other children of states that have more than one, by character. */
  private readonly more: (Map<number, number> | undefined)[];
  private readonly parent: Int32Array;
  /** The character of the edge from the parent. */
  private readonly via: Int32Array;
  private readonly fail: Int32Array;
  /** Literal ids that end exactly at each state. */
  private readonly own: (number[] | undefined)[];
  /** Literal ids that end at each state, its own and those reached by failure links, once computed. */
  private readonly out: (number[] | undefined)[];
  private readonly outDone: Uint8Array;
  private size = 1;

  /** @param literals the strings to find; their position in this array is their id. */
  constructor(literals: readonly string[]) {
    let capacity = 1;
    for (const literal of literals) {
      if (literal.length === 0) throw new Error('a literal must not be empty');
      capacity += literal.length;
    }
    this.literals = literals;
    const ids = literals.map((_l, id) => id);
    ids.sort((a, b) => (literals[a]! < literals[b]! ? -1 : literals[a]! > literals[b]! ? 1 : a - b));
    this.sorted = Int32Array.from(ids);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
    this.expanded = new Uint8Array(capacity);
    this.firstChar = new Int32Array(capacity).fill(NONE);
    this.firstNext = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.via = new Int32Array(capacity);
    this.fail = new Int32Array(capacity).fill(UNKNOWN);
    this.outDone = new Uint8Array(capacity);
    // Filled, not holey: a sparse array would fall back to slow dictionary elements.
    this.more = new Array<Map<number, number> | undefined>(capacity).fill(undefined);
    this.own = new Array<number[] | undefined>(capacity).fill(undefined);
    this.out = new Array<number[] | undefined>(capacity).fill(undefined);
    this.hi[0] = literals.length;
    this.fail[0] = 0;
  }

  /** Creates the children of `state`: one per next character among its literals. */
  private expand(state: number): void {
    this.expanded[state] = 1;
    const d = this.depth[state]!;
    const end = this.hi[state]!;
    let i = this.lo[state]!;
    // A literal that is the state's whole prefix sorts before the longer ones.
    while (i < end && this.literals[this.sorted[i]!]!.length === d) {
      const ended = this.own[state];
      if (ended === undefined) this.own[state] = [this.sorted[i]!];
      else ended.push(this.sorted[i]!);
      i += 1;
    }
    while (i < end) {
      const c = this.literals[this.sorted[i]!]!.charCodeAt(d);
      let j = i + 1;
      while (j < end && this.literals[this.sorted[j]!]!.charCodeAt(d) === c) j += 1;
      const child = this.size;
      this.size += 1;
      this.lo[child] = i;
      this.hi[child] = j;
      this.depth[child] = d + 1;
      this.parent[child] = state;
      this.via[child] = c;
      if (this.firstChar[state] === NONE) {
        this.firstChar[state] = c;
        this.firstNext[state] = child;
      } else {
        let more = this.more[state];
        if (more === undefined) {
          more = new Map();
          this.more[state] = more;
        }
        more.set(c, child);
      }
      i = j;
    }
  }

  private next(state: number, c: number): number {
    if (this.expanded[state] === 0) this.expand(state);
    if (this.firstChar[state] === c) return this.firstNext[state]!;
    return this.more[state]?.get(c) ?? NONE;
  }

  /** The longest proper suffix of the state's prefix that is a state too. */
  private failOf(state: number): number {
    const known = this.fail[state]!;
    if (known !== UNKNOWN) return known;
    const c = this.via[state]!;
    let fail = this.parent[state]!;
    let target = NONE;
    while (fail !== 0) {
      fail = this.failOf(fail);
      target = this.next(fail, c);
      if (target !== NONE) break;
    }
    const link = target === NONE ? 0 : target;
    this.fail[state] = link;
    return link;
  }

  private outOf(state: number): number[] | undefined {
    if (this.outDone[state] === 1) return this.out[state];
    if (this.expanded[state] === 0) this.expand(state);
    const own = this.own[state];
    const inherited = state === 0 ? undefined : this.outOf(this.failOf(state));
    const out = own === undefined ? inherited : inherited === undefined ? own : [...own, ...inherited];
    this.out[state] = out;
    this.outDone[state] = 1;
    return out;
  }

  /** The ids of the literals found in `text` (each once). `text` must be lower-cased like the literals. */
  find(text: string, found: Set<number> = new Set()): Set<number> {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      let next = this.next(state, c);
      while (next === NONE && state !== 0) {
        state = this.failOf(state);
        next = this.next(state, c);
      }
      state = next === NONE ? 0 : next;
      const out = this.outDone[state] === 1 ? this.out[state] : this.outOf(state);
      if (out !== undefined) for (let k = 0; k < out.length; k += 1) found.add(out[k]!);
    }
    return found;
  }
}
