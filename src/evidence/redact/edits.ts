/**
 * Spans of a line to mask, and how they are merged and applied. Every rule reports the spans it
 * would mask; the Redactor merges them and writes MASK over each.
 */

/** What every masked value becomes. */
export const MASK = '[REDACTED]';

/** A span [start, end) of a line to replace with MASK. */
export interface Edit {
  start: number;
  end: number;
}

/** Replaces each span with MASK; spans are in order and do not overlap. */
export function applyEdits(line: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return line;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += line.slice(at, e.start) + MASK;
    at = e.end;
  }
  return out + line.slice(at);
}

/** Merges edit lists, keeping the first of any overlapping spans, in line order. */
export function mergeEdits(edits: Edit[]): Edit[] {
  edits.sort((a, b) => a.start - b.start);
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

/** Shrinks [start, end) to leave out surrounding blanks, so masking keeps the spacing. */
export function trimSpan(line: string, start: number, end: number): Edit {
  let s = start;
  let e = end;
  while (s < e && line.charCodeAt(s) === 32) s += 1;
  while (e > s && line.charCodeAt(e - 1) === 32) e -= 1;
  return { start: s, end: e };
}

/**
 * A value with nothing left to hide: empty, already masked (possibly several masks side by side),
 * or a boolean switch (`forwardWindowsAuthToken="true"`).
 */
export function isHarmless(value: string): boolean {
  const rest = value.split(MASK).join('');
  return /^[\s;,&"'=:]*$/.test(rest) || /^\s*(?:true|false)\s*$/i.test(value);
}

/**
 * A value a rule should leave as it is: harmless, or already holding a mask. A mask inside means a
 * more precise rule (a connection string's `Password=` part, a vendor token, a private key) already
 * found the secret in it; what is left around the mask is what that rule chose to keep readable,
 * and masking the whole value again would hide it and count the same secret twice.
 */
export function isSettled(value: string): boolean {
  return value.includes(MASK) || isHarmless(value);
}
