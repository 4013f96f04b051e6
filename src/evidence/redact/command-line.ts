/**
 * Command-line options whose value follows as the next word, or after a colon: .NET configuration
 * (`--ApiKey abc`, `--Jwt:Key abc`, `/ApiKey:abc`), PowerShell (`-Password 'abc'`, `-Token:abc`)
 * and curl (`-u user:password`), as they appear in an ANCM event's command line, an `arguments`
 * attribute or a pasted shell command. `--name=value` is a `key=value` pair and is read by that rule.
 *
 * An option starts a word (`-` or `--` or `/` after a blank, a quote or a parenthesis), so dates,
 * paths and URLs never read as options.
 */
import { isSettled, type Edit } from './edits';
import { isPersonalName, isSecretName } from './names';
import { masksSetting } from './settings';

/** Longest option name read. */
const MAX_NAME = 128;
/** Blanks allowed between an option and its value. */
const MAX_GAP = 8;
/** curl options whose value is `user:password`: the part after the first colon is the password. */
const USER_PASSWORD_OPTIONS = new Set(['u', 'user', 'U', 'proxy-user']);

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isNameChar(c: string, colon: boolean): boolean {
  return isLetter(c) || (c >= '0' && c <= '9') || c === '_' || c === '-' || c === '.' || (colon && c === ':');
}

function startsWord(c: string): boolean {
  return c === '' || c === ' ' || c === '\t' || c === '"' || c === "'" || c === '(';
}

function endsWord(c: string): boolean {
  return c === '' || c === ' ' || c === '\t' || c === '"' || c === "'" || c === '`' || c === '<' || c === '>';
}

/** The value starting at `from`: the inside of a quoted word, or the word. */
function valueAt(line: string, from: number): Edit {
  const quote = line.charAt(from);
  if (quote === '"' || quote === "'") {
    const close = line.indexOf(quote, from + 1);
    return { start: from + 1, end: close < 0 ? line.length : close };
  }
  let end = from;
  while (!endsWord(line.charAt(end))) end += 1;
  return { start: from, end };
}

export function commandLineEdits(line: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charAt(i);
    if ((c !== '-' && c !== '/') || !startsWord(line.charAt(i - 1))) continue;
    const long = c === '-' && line.charAt(i + 1) === '-';
    const nameStart = long ? i + 2 : i + 1;
    if (!isLetter(line.charAt(nameStart))) continue;
    // `--Section:Key value` names a configuration path; `/name:value` and `-Name:value` put the value after the colon.
    let nameEnd = nameStart;
    while (nameEnd - nameStart < MAX_NAME && isNameChar(line.charAt(nameEnd), long)) nameEnd += 1;
    const name = line.slice(nameStart, nameEnd);
    i = nameEnd - 1;
    let from = nameEnd;
    const colon = !long && line.charAt(from) === ':';
    if (colon) {
      from += 1;
    } else if (c === '/') {
      continue;
    } else {
      while (from - nameEnd < MAX_GAP && (line.charAt(from) === ' ' || line.charAt(from) === '\t')) from += 1;
      // No blank: `--name=value` (the key=value rule) or the end of the line; a dash: the next option.
      if (from === nameEnd || from >= line.length || line.charAt(from) === '-') continue;
    }
    let span = valueAt(line, from);
    if (span.end === span.start) continue;
    let value = line.slice(span.start, span.end);
    if (!colon && USER_PASSWORD_OPTIONS.has(name) && value.includes(':')) {
      span = { start: span.start + value.indexOf(':') + 1, end: span.end };
      value = line.slice(span.start, span.end);
      if (!isSettled(value)) edits.push(span);
    } else if (isSecretName(name) || isPersonalName(name) ? !isSettled(value) : masksSetting(name, value)) {
      edits.push(span);
    } else {
      continue;
    }
    i = span.end - 1;
  }
  return edits;
}
