/**
 * Runaway recursion seen in a pasted call stack: the same few frames repeating over and over.
 * .NET 5+ says "Stack overflow." and "Repeat N times:" itself (a signature), but older runtimes
 * print nothing before dying, and people paste what a debugger or a dump shows instead: the
 * Visual Studio Call Stack window (`App.dll!Shop.Tree.Depth(Node n) Line 40  C#`), `clrstack`
 * output, or a trace of `at ...` frames. A cycle of one to eight frames repeated five times in a
 * row is recursion far deeper than any ordinary request goes (nested serialization of a real
 * object graph repeats a handful of times; an overflow thousands), so it counts as a clue.
 *
 * Frames are read wherever they are on a line (a paste that lost its line breaks keeps them all
 * on one line); everything is one pass over the characters with bounded look-ahead.
 */

/** Longest repeating block looked for, in frames (a recursion through a few helpers). */
const MAX_PERIOD = 8;
/** How many times the block must occur in a row. */
const REPEATS = 5;
/** Longest method name read; longer is not a frame. */
const MAX_NAME = 300;

export class RecursionDetector {
  private readonly recent: string[] = [];
  /** runs[p]: how many frames in a row equalled the frame p places before them. */
  private readonly runs = new Array<number>(MAX_PERIOD + 1).fill(0);
  private found = false;

  /**
   * Reads one line; true on the line where a repeating block is first complete (once per input).
   * A line without frames ends the run, except a blank one or a separator a debugger writes
   * between frames, so two traces pasted one after the other never add up.
   */
  feed(line: string): boolean {
    if (this.found) return false;
    const frames = framesIn(line);
    if (frames.length === 0) {
      if (!isFrameSeparator(line)) this.reset();
      return false;
    }
    for (const frame of frames) if (this.push(frame)) return (this.found = true);
    return false;
  }

  private push(frame: string): boolean {
    const recent = this.recent;
    for (let p = 1; p <= MAX_PERIOD; p += 1) {
      const before = recent.length - p;
      this.runs[p] = before >= 0 && recent[before] === frame ? this.runs[p]! + 1 : 0;
      // The block of p frames, then REPEATS - 1 more copies of it.
      if (this.runs[p]! >= p * (REPEATS - 1)) return true;
    }
    recent.push(frame);
    if (recent.length > MAX_PERIOD) recent.shift();
    return false;
  }

  private reset(): void {
    this.recent.length = 0;
    this.runs.fill(0);
  }
}

/** Blank lines and the `[External Code]` / `...` lines of a debugger's call stack. */
function isFrameSeparator(line: string): boolean {
  const text = line.trim();
  return text.length === 0 || text === '[External Code]' || text === '...' || text.startsWith('--- End of');
}

const isNameChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 96 || c === 60 || c === 62 || c === 43 || c === 36 || c === 124 || c === 91 || c === 93 || c === 44;

/**
 * The word before a frame's method in .NET's stack trace, in each display language it ships in
 * (System.Private.CoreLib Strings.resx Word_At: "at", de "bei", fr "à", es "en", it "in", pt "em",
 * ru "в", zh "在", ja "場所", ko "위치:"), so a localized server's trace is read too.
 */
const AT_WORDS = new Set(['at', 'bei', 'à', 'en', 'in', 'em', 'в', '在', '場所', '위치:']);
/** Longest of those words, in UTF-16 units. */
const MAX_AT_WORD = 3;

/**
 * The method names of the frames on a line: `at Name(` (.NET in any language, also Java and
 * Node's `at Name (`) and `Module.dll!Name(` (a debugger's call stack).
 */
export function framesIn(line: string): string[] {
  const out: string[] = [];
  for (let space = line.indexOf(' '); space >= 0; space = line.indexOf(' ', space + 1)) {
    let start = space;
    while (start > 0 && space - start < MAX_AT_WORD + 1 && line.charCodeAt(start - 1) > 32) start -= 1;
    if (start > 0 && line.charCodeAt(start - 1) > 32) continue;
    if (!AT_WORDS.has(line.slice(start, space))) continue;
    const name = nameBeforeParen(line, space + 1);
    if (name) out.push(name);
  }
  for (let i = line.indexOf('!'); i >= 0; i = line.indexOf('!', i + 1)) {
    const ext = line.slice(Math.max(0, i - 4), i).toLowerCase();
    if (ext !== '.dll' && ext !== '.exe') continue;
    const name = nameBeforeParen(line, i + 1);
    if (name) out.push(name);
  }
  return out;
}

/** The dotted name starting at `from` when a `(` follows it (after at most one space). */
function nameBeforeParen(line: string, from: number): string | undefined {
  let end = from;
  while (end < line.length && end - from < MAX_NAME && isNameChar(line.charCodeAt(end))) end += 1;
  if (end === from) return undefined;
  const paren = line[end] === ' ' ? end + 1 : end;
  if (line[paren] !== '(') return undefined;
  const name = line.slice(from, end);
  // A frame names a member of a type: at least one dot.
  return name.includes('.') ? name : undefined;
}
