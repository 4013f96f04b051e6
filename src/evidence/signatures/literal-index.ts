/**
 * Finds which of many literal strings occur in a line, in one pass over the line whatever the
 * number of literals (Aho-Corasick). Signatures are checked with literal fragments first, so a
 * hostile line costs time linear in its length, never a regex backtracking over it.
 */

/** No state: a missing transition. */
const NONE = -1;
/** A failure link not computed yet. */
const UNKNOWN = -2;
/** Room for this many states at first; a short paste rarely needs more. */
const INITIAL_STATES = 1024;

/**
 * The automaton is built lazily, as lines walk it: a state is a run of the literals sorted by text
 * (those sharing its prefix), expanded into its children the first time a line reaches it; its
 * failure link and output are computed the first time they are needed. The catalogue's literals
 * make about 26,000 states; building them all up front was a good part of the CLI's start-up, and
 * a short paste visits a few hundred. A long log soon visits the states that matter, and each is
 * built once.
 *
 * States are held in flat arrays: most have one child, kept in two typed arrays; a state with more
 * keeps the others in a Map. The arrays start small and double as states are made: sizing them for
 * every possible state (the literals' total length, about 45,000) cost a CLI run more than the
 * few hundred states a short paste visits.
 */
export class LiteralIndex {
  private readonly literals: readonly string[];
  /** Literal ids sorted by text: the literals under a state are the run sorted[lo, hi). */
  private readonly sorted: Int32Array;
  private lo = new Int32Array(INITIAL_STATES);
  private hi = new Int32Array(INITIAL_STATES);
  private depth = new Int32Array(INITIAL_STATES);
  private expanded = new Uint8Array(INITIAL_STATES);
  /** The character of each state's first child edge, or NONE. */
  private firstChar = new Int32Array(INITIAL_STATES).fill(NONE);
  /** The state that edge leads to. */
  private firstNext = new Int32Array(INITIAL_STATES);
  private parent = new Int32Array(INITIAL_STATES);
  /** The character of the edge from the parent. */
  private via = new Int32Array(INITIAL_STATES);
  private fail = new Int32Array(INITIAL_STATES).fill(UNKNOWN);
  private outDone = new Uint8Array(INITIAL_STATES);
  // Plain arrays grown by push, never holey: a sparse array falls back to slow dictionary elements.
  /** The other children of states that have more than one, by character. */
  private readonly more: (Map<number, number> | undefined)[] = [undefined];
  /** Literal ids that end exactly at each state. */
  private readonly own: (number[] | undefined)[] = [undefined];
  /** Literal ids that end at each state, its own and those reached by failure links, once computed. */
  private readonly out: (number[] | undefined)[] = [undefined];
  private size = 1;

  /**
   * @param literals the strings to find; their position in this array is their id.
   * @param options.sorted the literals are already in order (distinct, sorted by code unit), so
   *   the sort at construction can be skipped.
   */
  constructor(literals: readonly string[], options: { sorted?: boolean } = {}) {
    for (const literal of literals) if (literal.length === 0) throw new Error('a literal must not be empty');
    this.literals = literals;
    this.sorted = options.sorted === true ? identity(literals) : sortedIds(literals);
    this.hi[0] = literals.length;
    this.fail[0] = 0;
  }

  /** A new state, its arrays grown when full. */
  private newState(): number {
    const state = this.size;
    if (state === this.lo.length) {
      const capacity = state * 2;
      this.lo = grown(this.lo, capacity, 0);
      this.hi = grown(this.hi, capacity, 0);
      this.depth = grown(this.depth, capacity, 0);
      this.firstChar = grown(this.firstChar, capacity, NONE);
      this.firstNext = grown(this.firstNext, capacity, 0);
      this.parent = grown(this.parent, capacity, 0);
      this.via = grown(this.via, capacity, 0);
      this.fail = grown(this.fail, capacity, UNKNOWN);
      this.expanded = grown(this.expanded, capacity, 0);
      this.outDone = grown(this.outDone, capacity, 0);
    }
    this.more.push(undefined);
    this.own.push(undefined);
    this.out.push(undefined);
    this.size += 1;
    return state;
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
      const child = this.newState();
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

/** A copy of `array` with room for `capacity` entries, the new ones set to `empty`. */
function grown<T extends Int32Array | Uint8Array>(array: T, capacity: number, empty: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  if (empty !== 0) bigger.fill(empty, array.length);
  return bigger;
}

/**
 * Literal ids ordered by text (then by id, for equal texts). Sorting the texts with the engine's
 * own comparison is several times faster than a comparator over ids.
 */
function sortedIds(literals: readonly string[]): Int32Array {
  const byText = new Map<string, number[]>();
  for (let id = 0; id < literals.length; id += 1) {
    const same = byText.get(literals[id]!);
    if (same === undefined) byText.set(literals[id]!, [id]);
    else same.push(id);
  }
  const sorted = new Int32Array(literals.length);
  let at = 0;
  for (const text of [...byText.keys()].sort()) for (const id of byText.get(text)!) sorted[at++] = id;
  return sorted;
}

/** Ids 0..n-1 for literals that are already sorted; checked, since a wrong order loses matches. */
function identity(literals: readonly string[]): Int32Array {
  const ids = new Int32Array(literals.length);
  for (let id = 0; id < literals.length; id += 1) {
    if (id > 0 && !(literals[id - 1]! < literals[id]!)) throw new Error(`literals are not sorted and distinct at ${id}`);
    ids[id] = id;
  }
  return ids;
}
