/**
 * How much of a terminal a text takes: columns per line and rows once the terminal wraps it. A
 * short answer is cut to fit a screen, and a screen is counted in rows, not lines: a 130-column
 * evidence line is two rows of an 80-column terminal. CJK and other wide characters take two
 * columns (a Chinese event message or paste is common), combining marks none.
 */

/** Columns a code point takes: 0, 1 or 2 (the East Asian Wide and Fullwidth ranges). */
function widthOf(code: number): number {
  if (code < 0x300) return 1;
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** The columns one line takes on a terminal (tabs to the next multiple of 8). */
export function columns(line: string): number {
  let col = 0;
  for (const ch of line) col = ch === '\t' ? col + 8 - (col % 8) : col + widthOf(ch.codePointAt(0)!);
  return col;
}

/**
 * The rows a text takes on a terminal `width` columns wide: each line at least one, a long line
 * as many as the terminal wraps it into (a wide character that does not fit moves to the next row).
 */
export function terminalRows(text: string, width: number): number {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  let rows = 0;
  for (const line of lines) {
    let row = 1;
    let col = 0;
    for (const ch of line) {
      const w = ch === '\t' ? 8 - (col % 8) : widthOf(ch.codePointAt(0)!);
      if (col + w > width) {
        row += 1;
        col = 0;
      }
      col += w;
    }
    rows += row;
  }
  return rows;
}

/** The line cut to `width` columns, ending in `…` when cut. */
export function cutToColumns(line: string, width: number): string {
  if (columns(line) <= width) return line;
  let out = '';
  let col = 0;
  for (const ch of line) {
    const w = widthOf(ch.codePointAt(0)!);
    if (col + w > width - 1) break;
    out += ch;
    col += w;
  }
  return `${out}…`;
}
