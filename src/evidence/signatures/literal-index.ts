/**
 * Finds which of many literal strings occur in a line, in one pass over the line whatever the
 * number of literals (Aho-Corasick). Signatures are checked with literal fragments first, so a
 * hostile line costs time linear in its length, never a regex backtracking over it.
 */

/** No state: a missing transition. */
const NONE = -1;

/**
 * The trie is held in flat arrays, not one object and one Map per state: the catalogue's literals
 * make about 26,000 states, and building that many Maps was a good part of the CLI's start-up
 * (allocation and the garbage collections it caused). Most states have one child, kept in two
 * typed arrays; a state with more keeps the others in a Map.
 */
export class LiteralIndex {
  /** The character of each state's first child edge, or NONE. */
  private readonly firstChar: Int32Array;
  /** The state that edge leads to. */
  private readonly firstNext: Int32Array;
  /** The other children of states that have more than one, by character. */
  private readonly more: (Map<number, number> | undefined)[];
  private readonly fail: Int32Array;
  /** Literal ids that end at each state (its own and those reached by failure links); undefined for none. */
  private readonly out: (number[] | undefined)[];
  private size = 1;

  /** @param literals the strings to find; their position in this array is their id. */
  constructor(literals: readonly string[]) {
    let capacity = 1;
    for (const literal of literals) capacity += literal.length;
    this.firstChar = new Int32Array(capacity).fill(NONE);
    this.firstNext = new Int32Array(capacity);
    this.fail = new Int32Array(capacity);
    // Filled, not holey: a sparse array would fall back to slow dictionary elements.
    this.more = new Array<Map<number, number> | undefined>(capacity).fill(undefined);
    this.out = new Array<number[] | undefined>(capacity).fill(undefined);
    literals.forEach((literal, id) => this.add(literal, id));
    this.link();
  }

  private next(state: number, c: number): number {
    if (this.firstChar[state] === c) return this.firstNext[state]!;
    return this.more[state]?.get(c) ?? NONE;
  }

  private add(literal: string, id: number): void {
    if (literal.length === 0) throw new Error('a literal must not be empty');
    let state = 0;
    for (let i = 0; i < literal.length; i += 1) {
      const c = literal.charCodeAt(i);
      let next = this.next(state, c);
      if (next === NONE) {
        next = this.size;
        this.size += 1;
        if (this.firstChar[state] === NONE) {
          this.firstChar[state] = c;
          this.firstNext[state] = next;
        } else {
          let more = this.more[state];
          if (more === undefined) {
            more = new Map();
            this.more[state] = more;
          }
          more.set(c, next);
        }
      }
      state = next;
    }
    const out = this.out[state];
    if (out === undefined) this.out[state] = [id];
    else out.push(id);
  }

  /** Breadth-first failure links, each state's output extended with its failure state's. */
  private link(): void {
    const queue = new Int32Array(this.size);
    let tail = 0;
    for (let head = -1; head < tail; head += 1) {
      const state = head < 0 ? 0 : queue[head]!;
      const first = this.firstChar[state]!;
      if (first === NONE) continue;
      const child = this.firstNext[state]!;
      if (state !== 0) this.linkChild(state, first, child);
      queue[tail] = child;
      tail += 1;
      const more = this.more[state];
      if (more === undefined) continue;
      for (const [c, other] of more) {
        if (state !== 0) this.linkChild(state, c, other);
        queue[tail] = other;
        tail += 1;
      }
    }
  }

  /** Links `child`, reached from `state` by `c`; the failure state is shallower, so its output is final. */
  private linkChild(state: number, c: number, child: number): void {
    let fail = this.fail[state]!;
    while (fail !== 0 && this.next(fail, c) === NONE) fail = this.fail[fail]!;
    const target = this.next(fail, c);
    const childFail = target !== NONE && target !== child ? target : 0;
    this.fail[child] = childFail;
    const inherited = this.out[childFail];
    if (inherited !== undefined) {
      const own = this.out[child];
      // Shared when the child adds nothing of its own.
      this.out[child] = own === undefined ? inherited : [...own, ...inherited];
    }
  }

  /** The ids of the literals found in `text` (each once). `text` must be lower-cased like the literals. */
  find(text: string, found: Set<number> = new Set()): Set<number> {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      let next = this.next(state, c);
      while (next === NONE && state !== 0) {
        state = this.fail[state]!;
        next = this.next(state, c);
      }
      state = next === NONE ? 0 : next;
      const out = this.out[state];
      if (out !== undefined) for (let k = 0; k < out.length; k += 1) found.add(out[k]!);
    }
    return found;
  }
}
