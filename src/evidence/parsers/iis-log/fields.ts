/**
 * The column map of the input being read: which layout its rows follow. A `#Fields:` header
 * declares it; without one the default field order holds until a row does not fit, and then the
 * known headerless layouts (layouts.ts) or a guess from the row itself take over.
 */
import { DEFAULT_LAYOUT, guessLayout, layoutFromFields, type RowLayout } from './layouts';
import type { RowFields } from './row';

/** How many field counts keep a cached guess (a hostile paste must not grow the cache). */
const MAX_GUESSES = 64;

/** The field names of a `#Fields:` directive; undefined for any other directive. */
export function fieldNames(directive: string): string[] | undefined {
  if (!/^#fields:/i.test(directive)) return undefined;
  return directive.slice('#Fields:'.length).split(' ').filter((n) => n.length > 0);
}

export class ColumnMap {
  layout: RowLayout = DEFAULT_LAYOUT;
  /** A `#Fields:` line named the columns: a row that does not fit is then malformed, not guessed at. */
  declared = false;
  /** Headerless layouts found so far, by field count (null: none fits). */
  private readonly guessed = new Map<number, RowLayout | null>();

  /**
   * A new input starts: back to the default field order. (A later segment of the same input keeps
   * the `#Fields:` it had, because IIS writes the directive once per file, not before every run of
   * rows; the caller only resets on a new input.)
   */
  reset(): void {
    this.layout = DEFAULT_LAYOUT;
    this.declared = false;
    this.guessed.clear();
  }

  /** A `#Fields:` line: its names are the layout from here on. */
  declare(names: readonly string[], lineNo: number): void {
    this.layout = layoutFromFields(names, 'fields', lineNo);
    this.declared = true;
    this.guessed.clear();
  }

  /**
   * A layout for a row that does not fit the current one when no `#Fields:` was declared: the
   * known headerless layouts and the guess, cached per field count. Leaves `fields` scanned with
   * the cached layout when that one fits.
   */
  refit(fields: RowFields, line: string, start: number, end: number, count: number): RowLayout | undefined {
    const cached = this.guessed.get(count);
    if (cached !== undefined && cached !== null) {
      fields.scan(line, start, end, cached.roles);
      if (fields.status(line, cached) !== -1) return cached;
    }
    const guess = guessLayout(line.slice(start, end).split(' '));
    if (this.guessed.size < MAX_GUESSES || this.guessed.has(count)) this.guessed.set(count, guess ?? null);
    return guess;
  }
}
