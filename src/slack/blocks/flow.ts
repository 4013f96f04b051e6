/**
 * Pours lines into section texts: each text at most `sectionMax` characters, all of them together
 * at most `allowance`, cut only between lines. Code chunks are wrapped in ``` fences, closed before
 * a section ends and reopened in the next, so a cut never leaves a block open.
 */
import { clip, codeLine, escapeText } from './mrkdwn';

/** Lines ready for mrkdwn (escaped), as prose or as the body of a code block. */
export interface Chunk {
  code: boolean;
  lines: string[];
  /** How many of the lines were shortened to fit (they are whole in the attached file). */
  shortened: number;
}

const FENCE = '```';

/** Prose from text nobody vetted: each line escaped and cut to `maxLine`. */
export function prose(rawLines: readonly string[], maxLine = 1000): Chunk {
  return chunkOf(false, rawLines, maxLine, escapeText);
}

/** Prose this module wrote itself, already escaped where it holds outside text. */
export function markup(lines: readonly string[]): Chunk {
  return { code: false, lines: [...lines], shortened: 0 };
}

/** A code block body: each line escaped, fences inside it defused, cut to `maxLine`. */
export function code(rawText: string, maxLine = 1000): Chunk {
  return chunkOf(true, rawText.replace(/\s+$/, '').split('\n'), maxLine, codeLine);
}

function chunkOf(isCode: boolean, rawLines: readonly string[], maxLine: number, transform: (s: string) => string): Chunk {
  let shortened = 0;
  const lines = rawLines.map((raw) => {
    const out = clip(raw, maxLine, transform);
    if (out.length < transform(raw).length) shortened++;
    return out;
  });
  return { code: isCode, lines, shortened };
}

interface FlowResult {
  /** Section texts, each non-empty and at most `sectionMax` long. */
  texts: string[];
  /** Non-blank lines that did not fit. */
  omitted: number;
  /** Characters used by all texts. */
  used: number;
}

/** Fills sections with `heading` then the chunks' lines, in order, until the allowance runs out. */
export function flow(chunks: readonly Chunk[], heading: string | undefined, allowance: number, sectionMax: number): FlowResult {
  const texts: string[] = [];
  let used = 0;
  let cur: string[] = [];
  let curLen = 0;
  let contentInCur = 0;
  let inCode = false;

  const add = (s: string): void => {
    curLen += (cur.length > 0 ? 1 : 0) + s.length;
    cur.push(s);
  };
  const finishSection = (): void => {
    if (inCode) add(FENCE);
    inCode = false;
    const text = cur.join('\n');
    if (contentInCur > 0 && text.trim().length > 0) {
      texts.push(text);
      used += text.length;
    }
    cur = [];
    curLen = 0;
    contentInCur = 0;
  };
  /** Characters `line` adds to the current section, with the closing fence it will need. */
  const cost = (line: string, isCode: boolean): number => {
    const sep = cur.length > 0 ? 1 : 0;
    const open = isCode && !inCode ? FENCE.length + 1 : 0;
    const close = isCode ? FENCE.length + 1 : 0;
    return sep + open + line.length + close;
  };

  if (heading) add(heading);
  const lines = chunks.flatMap((c) => c.lines.map((line) => ({ line, isCode: c.code })));
  let i = 0;
  for (; i < lines.length; i++) {
    const { line, isCode } = lines[i]!;
    if (!isCode && inCode) {
      add(FENCE);
      inCode = false;
    }
    // curLen leaves out the closing fence an open block still needs; cost() counts it.
    const need = cost(line, isCode);
    const fitsSection = curLen + need <= sectionMax;
    const fitsAllowance = used + curLen + need <= allowance;
    if (fitsSection && fitsAllowance) {
      if (isCode && !inCode) {
        add(FENCE);
        inCode = true;
      }
      add(line);
      if (line.trim().length > 0) contentInCur++;
      continue;
    }
    // A section that holds only the heading is not worth ending: the part has no room at all.
    if (contentInCur === 0) break;
    finishSection();
    const fresh = (isCode ? 2 * (FENCE.length + 1) : 0) + line.length;
    if (fresh > sectionMax || used + fresh > allowance) break;
    if (isCode) {
      add(FENCE);
      inCode = true;
    }
    add(line);
    if (line.trim().length > 0) contentInCur++;
  }
  finishSection();
  const omitted = lines.slice(i).filter((l) => l.line.trim().length > 0).length;
  return { texts, omitted, used };
}
