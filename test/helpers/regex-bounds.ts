/**
 * Finds nested quantifiers in a regular expression's source: a group that repeats and holds a
 * repeat itself, where either repeat is unbounded (`(\w+\s?)+`, `(?:a|b*)*`, `(?:\d+\.){1,20}`).
 * On a line that almost matches, the engine tries every way of splitting the text between the
 * two repeats: exponential time. Repeats bounded on both levels (`(?:\.[^\s.]{1,20}){0,6}`) cost
 * at most their product and are allowed; so is `?`, which does not repeat.
 *
 * A reader of the source text, not a full regex parser: it knows escapes, character classes,
 * group openers (`(?:`, `(?=`, `(?<name>`...) and the quantifiers `* + ? {n} {n,} {n,m}`.
 */

interface Group {
  /** Where the group opens in the source. */
  start: number;
  /** Something inside repeats (more than once), bounded or not. */
  repeats: boolean;
  /** Something inside repeats without bound. */
  unbounded: boolean;
}

interface Quantifier {
  /** Characters taken, lazy `?` included. */
  length: number;
  /** It may repeat its atom more than once. */
  repeats: boolean;
  unbounded: boolean;
}

/** The quantifier at `at`, if there is one. */
function quantifierAt(source: string, at: number): Quantifier | undefined {
  const lazy = (n: number): number => (source[at + n] === '?' ? n + 1 : n);
  const c = source[at];
  if (c === '*' || c === '+') return { length: lazy(1), repeats: true, unbounded: true };
  if (c === '?') return { length: lazy(1), repeats: false, unbounded: false };
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
  if (!braces) return undefined;
  const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
  return { length: lazy(braces[0].length), repeats: max > 1, unbounded: max === Infinity };
}

/** Each nested quantifier in `source`, as the text of the repeated group with its quantifier. */
export function nestedQuantifiers(source: string): string[] {
  const found: string[] = [];
  const stack: Group[] = [{ start: 0, repeats: false, unbounded: false }];
  /** Records the quantifier after an atom that ends at `end`, and returns where reading goes on. */
  const afterAtom = (end: number): number => {
    const q = quantifierAt(source, end);
    if (!q) return end;
    const group = stack[stack.length - 1]!;
    group.repeats ||= q.repeats;
    group.unbounded ||= q.unbounded;
    return end + q.length;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      i = afterAtom(i + 2);
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = afterAtom(j + 1);
      continue;
    }
    if (c === '(') {
      stack.push({ start: i, repeats: false, unbounded: false });
      // Group openers: (?: (?= (?! (?<= (?<! (?<name>
      const opener = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(i));
      i += opener ? opener[0].length : 1;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      const q = quantifierAt(source, i + 1);
      if (q?.repeats && (group.unbounded || (q.unbounded && group.repeats))) found.push(source.slice(group.start, i + 1 + q.length));
      const parent = stack[stack.length - 1]!;
      parent.repeats ||= group.repeats || (q?.repeats ?? false);
      parent.unbounded ||= group.unbounded || (q?.unbounded ?? false);
      i += 1 + (q?.length ?? 0);
      continue;
    }
    i = afterAtom(i + 1);
  }
  return found;
}
