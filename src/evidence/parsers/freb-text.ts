/**
 * Reads the rendered FREB view as people copy it from a browser or paste it into an issue:
 *
 *   148. | MODULE_SET_RESPONSE_ERROR_STATUS Warning | ModuleName="AspNetCoreModule", ..., HttpSubStatus="5", ... | 14:33:42.541
 *   93. | MODULE_SET_RESPONSE_ERROR_STATUSWarning | ModuleName="AspNetCoreModule", ... ErrorCode="2147954402" ... | 21:08:55.104
 *   MODULE_SET_RESPONSE_ERROR_STATUS
 *   ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", ...
 *
 * An event starts at a line naming an opcode (UPPER_SNAKE before any `key="value"`); its data are
 * the `key="value"` pairs up to the next opcode, values may run over lines. A line of pairs with no
 * opcode (the data column alone) starts an event of its own when it repeats a key.
 */
import type { Segment } from '../types';
import { setField, field, type FrebEvent, type FrebTrace } from './freb-trace';

const OPCODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+/;
/** Level words the browser view glues to the opcode when a table is copied (`..._STATUSWarning`). */
const LEVELS = ['Warning', 'Error', 'Information', 'Verbose', 'Critical'];
const CLOCK = /\b(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\b/;
/** How many tokens before the data an opcode may sit behind (`148.`, `|`). */
const OPCODE_TOKENS = 4;

/** The opcode a rendered row names, or undefined. */
function opcodeOf(line: string): string | undefined {
  const eq = line.indexOf('="');
  const head = eq < 0 ? line : line.slice(0, eq);
  const tokens = head.split(/[\s|]+/).filter((t) => t.length > 0 && !/^\d+\.?$/.test(t));
  for (const token of tokens.slice(0, OPCODE_TOKENS)) {
    const match = OPCODE.exec(token);
    if (!match) continue;
    const rest = token.slice(match[0].length);
    if (rest === '' || !/^[A-Za-z0-9]/.test(rest)) return match[0];
    const level = LEVELS.find((l) => token.endsWith(l));
    if (level) {
      const bare = token.slice(0, -level.length);
      if (OPCODE.exec(bare)?.[0] === bare) return bare;
    }
  }
  return undefined;
}

/** The `key="` names on one line (for deciding where an event without an opcode starts). */
function keysOf(line: string): string[] {
  return pairs(line).map((p) => p.key);
}

interface Pair {
  key: string;
  value: string;
  /** Offset of the key in the scanned text. */
  at: number;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

/** Every `key="value"` in `text`, found with indexOf so a long run of letters costs linear time. */
function pairs(text: string): Pair[] {
  const out: Pair[] = [];
  let from = 0;
  for (;;) {
    const eq = text.indexOf('="', from);
    if (eq < 0) return out;
    let k = eq;
    while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k -= 1;
    const close = text.indexOf('"', eq + 2);
    const end = close < 0 ? text.length : close;
    if (k < eq && isLetter(text.charCodeAt(k))) out.push({ key: text.slice(k, eq), value: text.slice(eq + 2, end), at: k });
    from = end + 1;
  }
}

/** The clock time of a row (`21:08:55.104`), outside quoted values, as ms since midnight. */
function clockOf(line: string): number | undefined {
  const bare = line.replace(/"[^"]*"/g, '""');
  const m = CLOCK.exec(bare);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59 || s > 59) return undefined;
  return ((h * 60 + min) * 60 + s) * 1000 + Number((m[4] ?? '0').padEnd(3, '0'));
}

interface Row {
  name: string;
  first: number;
  last: number;
  keys: Set<string>;
}

/** Reads the rendered form. Never throws. */
export function readFrebText(segment: Segment): FrebTrace {
  const rows: Row[] = [];
  let current: Row | undefined;
  segment.lines.forEach((line, i) => {
    const name = opcodeOf(line);
    const keys = keysOf(line);
    if (name !== undefined || (keys.length > 0 && (current === undefined || keys.some((k) => current?.keys.has(k))))) {
      current = { name: name ?? '', first: i, last: i, keys: new Set(keys) };
      rows.push(current);
      return;
    }
    if (current) {
      current.last = i;
      for (const k of keys) current.keys.add(k);
    }
  });
  return { events: rows.map((row) => toEvent(row, segment)) };
}

function toEvent(row: Row, segment: Segment): FrebEvent {
  const lines = segment.lines.slice(row.first, row.last + 1);
  const text = lines.join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    lineStarts.push(offset);
    offset += l.length + 1;
  }
  const lineAt = (at: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? Infinity) <= at) lo = mid;
      else hi = mid - 1;
    }
    return segment.firstLine + row.first + lo;
  };
  const event: FrebEvent = { name: row.name, fields: {}, descriptions: {}, fieldLines: {}, line: segment.firstLine + row.first };
  for (const pair of pairs(text)) {
    setField(event.fields, pair.key, pair.value.trim());
    setField(event.fieldLines, pair.key, lineAt(pair.at));
  }
  // The data column alone: an error status row is recognizable by its fields.
  if (event.name === '' && field(event.fields, 'HttpStatus') !== undefined && field(event.fields, 'ModuleName') !== undefined) {
    event.name = 'MODULE_SET_RESPONSE_ERROR_STATUS';
  }
  for (const l of lines) {
    const time = clockOf(l);
    if (time !== undefined) {
      event.time = time;
      event.clock = true;
      break;
    }
  }
  return event;
}
