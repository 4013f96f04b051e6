/**
 * One error page inside an error-page segment, as the page readers see it: the visible text of
 * each line (markup stripped), the `<title>`, and lowercase copies for plain substring checks.
 */
import type { EvidenceRef, Segment } from '../types';
import { pageText, type TextLine } from './html-text';
import { lineRef } from './line-refs';

export class Page {
  /** Visible text per line; `index` is the segment line index. */
  readonly lines: TextLine[];
  readonly title: { text: string; index: number } | undefined;
  readonly html: boolean;
  /** All visible text, lowercase, one line per source line (for "does the page say X"). */
  readonly textLower: string;
  /** The raw lines, lowercase (markup included: ids, class names, style sheet paths). */
  readonly rawLower: string;

  constructor(
    readonly segment: Segment,
    readonly start: number,
    readonly end: number,
  ) {
    const raw = segment.lines.slice(start, end);
    const text = pageText(raw);
    this.html = text.html;
    this.lines = text.lines.map((l) => ({ ...l, index: l.index + start }));
    this.title = text.title ? { text: text.title.text, index: text.title.index + start } : undefined;
    this.textLower = this.lines.map((l) => l.text.toLowerCase()).join('\n');
    this.rawLower = raw.join('\n').toLowerCase();
  }

  ref(index: number): EvidenceRef {
    return lineRef(this.segment, index);
  }

  /** The first line whose visible text contains `needle` (case-insensitive). */
  lineContaining(needle: string): TextLine | undefined {
    const n = needle.toLowerCase();
    return this.lines.find((l) => l.text.toLowerCase().includes(n));
  }

  /** The first chunk (text between tags) that `test` accepts, with its line. */
  findChunk<T>(test: (chunk: string) => T | undefined): { value: T; line: TextLine } | undefined {
    for (const line of this.lines) {
      for (const chunk of line.chunks) {
        const value = test(chunk);
        if (value !== undefined) return { value, line };
      }
    }
    return undefined;
  }

  /** The line right after `line` in the page's visible text. */
  nextLine(line: TextLine): TextLine | undefined {
    const at = this.lines.indexOf(line);
    return at >= 0 ? this.lines[at + 1] : undefined;
  }
}

/** Where the pages of a segment start and end: a new page begins after a `</html>`. */
export function splitPages(lines: readonly string[]): { start: number; end: number }[] {
  const pages: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (!(lines[i] ?? '').toLowerCase().includes('</html>')) continue;
    let next = i + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next += 1;
    if (next < lines.length) {
      pages.push({ start, end: i + 1 });
      start = next;
      i = next - 1;
    }
  }
  if (start < lines.length) pages.push({ start, end: lines.length });
  return pages;
}
