/**
 * `key=value`: connection strings, query strings, environment variables and env files,
 * `--Section:Key=value` options, `Password="…"` attributes.
 *
 * Found from each `=` backwards, which is much cheaper on long log lines than a pattern tried at
 * every position: the key is the run of name characters just before it. A secret name masks its
 * value anywhere; a connection string is masked whole only when none of its parts was masked (its
 * server and database stay readable when they can); and a value that looks random is masked only
 * where it is a setting (an env file line, a command-line option, a connection-string part), not
 * in a log line or a URL, where request ids and hashes carry the diagnosis.
 */
import { MASK, isSettled, type Edit } from './edits';
import { isConnectionStringName, isPersonalName, isSecretName } from './names';
import { masksSetting } from './settings';

/** Longest key read before a `=`; a longer run is judged by its end, where the last segment is. */
const MAX_KEY = 128;
/** Words a space-separated value may have when a `;` ends it (`Password=my pass phrase;`). */
const MAX_VALUE_WORDS = 8;
/** How far from the start of the line a key still starts a setting line (`    export KEY=`). */
const MAX_SETTING_INDENT = 80;
/** What may come before the key of a setting line: indentation, `export `, `set `, `ENV `, a YAML list dash, `$env:`. */
const SETTING_LINE_PREFIX = /^\s{0,64}(?:(?:export|set|ENV)\s{1,8}|- {1,8}["']?|\$|["'])?$/i;

interface Key {
  name: string;
  start: number;
}

function isKeyChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 46 || // .
    code === 45 || // -
    code === 58 // : (`Section:Key`)
  );
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * The key written just before the `=` at `eq` (up to two spaces between them): a run of name
 * characters, from its first letter (`--client-secret` → `client-secret`), or `User ID` /
 * `User Name`. Undefined when there is none (`==`, ` =`).
 */
function keyBefore(line: string, eq: number): Key | undefined {
  if (line.charAt(eq + 1) === '=') return undefined;
  let end = eq;
  for (let n = 0; n < 2 && line.charAt(end - 1) === ' '; n += 1) end -= 1;
  let start = end;
  while (start > 0 && end - start < MAX_KEY && isKeyChar(line.charCodeAt(start - 1))) start -= 1;
  while (start < end && !isLetter(line.charCodeAt(start))) start += 1;
  if (start === end) return undefined;
  const name = line.slice(start, end);
  // "User ID" and "User Name" are the only keys with a space in them.
  if (/^(?:id|name)$/i.test(name) && /^user $/i.test(line.slice(start - 5, start)) && !isKeyChar(line.charCodeAt(start - 6))) {
    return { name: line.slice(start - 5, end), start: start - 5 };
  }
  return { name, start };
}

/** Characters that end an unquoted value in `key=value` text. */
function endsValue(c: string): boolean {
  return c === '' || ';&,"\'<>)]}'.includes(c) || c === ' ' || c === '\t';
}

/**
 * The end of an unquoted value starting at `from`: one token, extended over further
 * space-separated words only when a `;` closes them (`Password=two words;` in a connection string).
 */
function unquotedEnd(line: string, from: number): number {
  // An already masked value is one token, even though `]` would end an ordinary one.
  if (line.startsWith(MASK, from)) return from + MASK.length;
  let end = from;
  while (end < line.length && !endsValue(line.charAt(end))) end += 1;
  if (end === from) return end;
  let probe = end;
  for (let n = 0; n < MAX_VALUE_WORDS && line.charAt(probe) === ' '; n += 1) {
    let k = probe + 1;
    while (k < line.length && !endsValue(line.charAt(k)) && line.charAt(k) !== '=') k += 1;
    if (k === probe + 1) break;
    if (line.charAt(k) === ';') return k;
    probe = k;
  }
  return end;
}

/** The inside of the quoted value whose opening quote is at `from` (to the end of the line if it is not closed). */
function quotedSpan(line: string, from: number): Edit {
  const close = line.indexOf(line.charAt(from), from + 1);
  return { start: from + 1, end: close < 0 ? line.length : close };
}

/** The end of an unquoted connection string: the line, a quote or a tag, or the next ` -option`. */
function connectionStringEnd(line: string, from: number): number {
  let end = from;
  while (end < line.length && !'"\'<>'.includes(line.charAt(end)) && !(line.charAt(end) === ' ' && line.charAt(end + 1) === '-')) end += 1;
  return end;
}

/**
 * Whether the pair whose key starts at `keyStart` is a setting: a connection-string part
 * (`;Key=`), a command-line option (`--Key=`, `-Key=`, `/p:Key=`), or a line that is just the
 * setting (`KEY=`, `export KEY=`, `- KEY=` in docker-compose, `$env:KEY =`).
 */
function isSetting(line: string, keyStart: number): boolean {
  const before = line.charAt(keyStart - 1);
  if (before === ';') return true;
  if (before === '-' || before === '/') {
    let dash = keyStart - 1;
    if (before === '-' && line.charAt(dash - 1) === '-') dash -= 1;
    return dash === 0 || /[\s"'(]/.test(line.charAt(dash - 1));
  }
  return keyStart <= MAX_SETTING_INDENT && SETTING_LINE_PREFIX.test(line.slice(0, keyStart));
}

interface ConnectionString extends Edit {
  /** A part of it (`Password=`, `User ID=`) was masked, so the rest stays readable. */
  hasMaskedPart: boolean;
}

export function keyValueEdits(line: string): Edit[] {
  const edits: Edit[] = [];
  const connectionStrings: ConnectionString[] = [];
  let current: ConnectionString | undefined;
  for (let eq = line.indexOf('='); eq >= 0; ) {
    const key = keyBefore(line, eq);
    let next = eq + 1;
    if (key === undefined) {
      eq = line.indexOf('=', next);
      continue;
    }
    let from = eq + 1;
    for (let n = 0; n < 2 && line.charAt(from) === ' '; n += 1) from += 1;
    const quoted = line.charAt(from) === '"' || line.charAt(from) === "'";

    if (isConnectionStringName(key.name) && (current === undefined || eq >= current.end)) {
      // Read on into its parts; the whole string is judged once they are known.
      current = quoted ? { ...quotedSpan(line, from), hasMaskedPart: false } : { start: from, end: connectionStringEnd(line, from), hasMaskedPart: false };
      connectionStrings.push(current);
      eq = line.indexOf('=', next);
      continue;
    }

    const secret = isSecretName(key.name) || isPersonalName(key.name);
    if (!secret && !isSetting(line, key.start)) {
      eq = line.indexOf('=', next);
      continue;
    }
    const span = quoted ? quotedSpan(line, from) : { start: from, end: unquotedEnd(line, from) };
    const resume = quoted ? Math.min(line.length, span.end + 1) : span.end;
    const value = line.slice(span.start, span.end);
    const masked = secret ? !isSettled(value) : masksSetting(key.name, value);
    if (masked) {
      edits.push(span);
      if (current !== undefined && span.start < current.end) current.hasMaskedPart = true;
    }
    // Skip a secret's value either way, so a second pass over masked text scans exactly what the first did.
    if (secret || masked) next = Math.max(resume, next);
    eq = line.indexOf('=', next);
  }
  for (const cs of connectionStrings) {
    if (!cs.hasMaskedPart && !isSettled(line.slice(cs.start, cs.end))) edits.push({ start: cs.start, end: cs.end });
  }
  return edits;
}

