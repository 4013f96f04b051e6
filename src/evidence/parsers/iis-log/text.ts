/**
 * Small text helpers for the IIS log hot path: reading integers in place (no slice, no regex)
 * and copying the few strings the aggregate keeps.
 */
import { refText } from '../../ref-text';

/**
 * The unsigned decimal integer in `text[start, end)`, or -1 when the field is empty, `-`, longer
 * than 15 digits or holds anything but digits.
 */
export function readUint(text: string, start: number, end: number): number {
  if (start < 0 || end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. Lines arrive as slices
 * of 64 KB read chunks; keeping a slice (a sample row, a URL key) would keep its whole chunk alive.
 * A UTF-16 round trip copies every code unit as is (lone surrogates included).
 */
export function detach(text: string): string {
  // V8 copies short substrings anyway; only longer ones are views into their parent.
  if (text.length < 13) return text;
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** The line as evidence text: cut like every quoted line, and detached from its chunk. */
export function keptRefText(line: string): string {
  return detach(refText(line));
}
