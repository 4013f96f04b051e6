/**
 * Finds which of many literal strings occur in a line, in one pass over the line whatever the
 * number of literals (Aho-Corasick). Signatures are checked with literal fragments first, so a
 * hostile line costs time linear in its length, never a regex backtracking over it.
 */

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Literal ids that end at this node (its own and those reached by failure links). */
  out: number[];
}

export class LiteralIndex {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];

  /** @param literals the strings to find; their position in this array is their id. */
  constructor(literals: readonly string[]) {
    literals.forEach((literal, id) => this.add(literal, id));
    this.link();
  }

  private add(literal: string, id: number): void {
    if (literal.length === 0) throw new Error('a literal must not be empty');
    let state = 0;
    for (let i = 0; i < literal.length; i += 1) {
      const c = literal.charCodeAt(i);
      let next = this.nodes[state]!.next.get(c);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [] });
        this.nodes[state]!.next.set(c, next);
      }
      state = next;
    }
    this.nodes[state]!.out.push(id);
  }

  /** Breadth-first failure links, each node's output extended with its failure node's. */
  private link(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      const node = this.nodes[state]!;
      for (const [c, child] of node.next) {
        let fail = node.fail;
        while (fail !== 0 && !this.nodes[fail]!.next.has(c)) fail = this.nodes[fail]!.fail;
        const target = this.nodes[fail]!.next.get(c);
        const childNode = this.nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.out = [...childNode.out, ...this.nodes[childNode.fail]!.out];
        queue.push(child);
      }
    }
  }

  /** The ids of the literals found in `text` (each once). `text` must be lower-cased like the literals. */
  find(text: string, found: Set<number> = new Set()): Set<number> {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      let next = this.nodes[state]!.next.get(c);
      while (next === undefined && state !== 0) {
        state = this.nodes[state]!.fail;
        next = this.nodes[state]!.next.get(c);
      }
      state = next ?? 0;
      const out = this.nodes[state]!.out;
      for (let k = 0; k < out.length; k += 1) found.add(out[k]!);
    }
    return found;
  }
}
