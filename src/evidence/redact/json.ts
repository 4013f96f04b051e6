/**
 * JSON (appsettings.json, App Service's advanced edit, HAR files, az CLI output), read line by
 * line with the nesting carried over: a value is judged by its key and the section around it, so
 * `"Jwt": { "Key": "…" }` reads as `Jwt:Key` and every value under `"ConnectionStrings"` is a
 * connection string. `{"name": "Jwt__Key", "value": "…"}` (App Service settings, HAR headers)
 * judges the value by the name. Single-quoted strings are read too, for JavaScript and Python dumps.
 *
 * The scanner is forgiving: text that is not JSON only pushes and pops sections, which at worst
 * makes a later `"Key"` read as nested.
 */
import type { Edit } from './edits';
import { masksSetting } from './settings';

/** Deepest nesting tracked; deeper sections forget their outermost parents. */
const MAX_DEPTH = 32;
/** Longest key read as a name; longer strings before a colon are judged by their end. */
const MAX_KEY = 128;

/** An open object or array. */
interface JsonSection {
  /** Its key in the section around it, if it had one. */
  readonly name: string | undefined;
  readonly array: boolean;
  /** The value of this object's `"name"` member, which names its `"value"` member. */
  readonly settingName?: string;
}

/** The sections open at the end of a line, innermost last. */
export type JsonState = readonly JsonSection[];

interface JsonResult {
  edits: Edit[];
  state: JsonState;
}

/** A quote starts a string at the start of a token only, so the apostrophe in "don't" does not. */
function startsString(line: string, i: number): boolean {
  const c = line.charAt(i);
  if (c === '"') return true;
  return c === "'" && (i === 0 || ' \t{[,:'.includes(line.charAt(i - 1)));
}

/** The index of the quote closing the string opened at `open`, or the line's length. */
function stringEnd(line: string, open: number): number {
  const quote = line.charAt(open);
  let end = open + 1;
  while (end < line.length && line.charAt(end) !== quote) end += line.charAt(end) === '\\' ? 2 : 1;
  return Math.min(end, line.length);
}

export function jsonEdits(line: string, state: JsonState): JsonResult {
  if (state.length === 0 && !line.includes('"') && !line.includes("'") && !line.includes('{') && !line.includes('[')) {
    return { edits: [], state };
  }
  const edits: Edit[] = [];
  const sections = [...state];
  /** A key whose colon was read: the next value is its value. */
  let key: string | undefined;
  /** A string just read, which is a key if a colon follows. */
  let lastString: string | undefined;
  const value = (start: number, end: number, name: string | undefined): void => {
    if (masksSetting(name, line.slice(start, end))) edits.push({ start, end });
  };
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charAt(i);
    if (startsString(line, i)) {
      const end = stringEnd(line, i);
      const top = sections[sections.length - 1];
      if (key !== undefined) {
        value(i + 1, end, memberValue(sections, key, line.slice(i + 1, end)));
        key = undefined;
      } else if (top?.array) {
        value(i + 1, end, top.name);
      } else {
        lastString = line.slice(Math.max(i + 1, end - MAX_KEY), end);
      }
      i = end;
      continue;
    }
    if (c === ':' && lastString !== undefined) {
      key = lastString;
    } else if (c === '{' || c === '[') {
      if (sections.length >= MAX_DEPTH) sections.shift();
      sections.push({ name: key, array: c === '[' });
      key = undefined;
    } else if (c === '}' || c === ']') {
      sections.pop();
      key = undefined;
    } else if (c !== ' ' && c !== '\t') {
      // A comma, or a number, true, false or null: no string value for the key read.
      key = undefined;
    }
    if (c !== ' ' && c !== '\t') lastString = undefined;
  }
  return { edits, state: sections };
}

/**
 * The name a member's value is judged by: `Section:Key` from the section it is in, or the object's
 * `"name"` for its `"value"`. Reading a `"name"` member remembers it in the innermost section.
 */
function memberValue(sections: JsonSection[], key: string, text: string): string {
  const top = sections[sections.length - 1];
  const lower = key.toLowerCase();
  if (top !== undefined && !top.array) {
    if (lower === 'name') sections[sections.length - 1] = { ...top, settingName: text };
    if (lower === 'value' && top.settingName !== undefined) return top.settingName;
  }
  return top?.name === undefined ? key : `${top.name}:${key}`;
}
