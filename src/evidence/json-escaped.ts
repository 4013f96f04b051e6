/**
 * Text that travelled inside a JSON string: a structured log's "Exception" field (the .NET JSON
 * console formatter, Serilog's compact JSON, Application Insights and Log Analytics exports, a
 * ticket's API dump). Its line breaks are the two characters `\n`, so a stack trace, an event
 * message or a whole error page arrives as one line that no signature sees the way it was written.
 * This turns such a line back into the lines it holds.
 *
 * The test is deliberately narrow: a Windows path (`C:\new\app`) also holds a backslash and an n,
 * so a line counts as JSON-escaped only when it also shows JSON's own marks (a `":` key separator
 * or an escaped quote) and holds at least two escaped line breaks.
 */

/** Escaped line breaks a line needs before it is read as a JSON string's content. */
const MIN_BREAKS = 2;

/** Counts the escaped line breaks (`\n`, not `\\n`) in a line, stopping at `enough`. */
function escapedBreaks(line: string, enough: number): number {
  let count = 0;
  for (let i = line.indexOf('\\'); i >= 0 && i < line.length - 1; i = line.indexOf('\\', i + 2)) {
    if (line[i + 1] === 'n') {
      count += 1;
      if (count >= enough) return count;
    }
  }
  return count;
}

/** True when `line` reads as the content of a JSON string with line breaks in it. */
export function looksJsonEscaped(line: string): boolean {
  if (line.indexOf('\\n') < 0) return false;
  if (!line.includes('":') && !line.includes('\\"')) return false;
  return escapedBreaks(line, MIN_BREAKS) >= MIN_BREAKS;
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', t: ' ', b: '', f: '' };

/**
 * The lines a JSON-escaped line holds, its escapes undone (`\"`, `\\`, `\t`, `\u003c`), in one
 * pass. Anything that is not a known escape is kept as it was.
 */
export function unescapedLines(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c !== '\\' || i === line.length - 1) {
      current += c;
      i += 1;
      continue;
    }
    const next = line[i + 1]!;
    if (next === 'n') {
      lines.push(current);
      current = '';
      i += 2;
    } else if (next === 'r') {
      // \r\n is one break; a lone \r is one too.
      lines.push(current);
      current = '';
      i += line[i + 2] === '\\' && line[i + 3] === 'n' ? 4 : 2;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(line.slice(i + 2, i + 6))) {
      current += String.fromCharCode(Number.parseInt(line.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (SIMPLE[next] !== undefined) {
      current += SIMPLE[next];
      i += 2;
    } else {
      current += c;
      i += 1;
    }
  }
  lines.push(current);
  return lines;
}
