/**
 * PEM private key blocks (`-----BEGIN RSA PRIVATE KEY-----` … `-----END …-----`), on one line (a
 * key pasted inside a JSON string) or over many. The markers stay, so the reader sees that a key
 * was there; the body becomes one mask, counted once per block.
 */
import { MASK, isHarmless } from './edits';

/** Longest block of lines treated as one private key; a real PEM key is far shorter. */
const MAX_PEM_LINES = 200;

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----/;
/** Lines inside a PEM block: base64, or the headers of an encrypted key. */
const PEM_BODY = /^\s*(?:[A-Za-z0-9+/=]*|Proc-Type: .*|DEK-Info: .*|\[REDACTED\])\s*$/;

/** A line after the private-key rules: the text, and how many keys were masked in it. */
interface PemResult {
  line: string;
  count: number;
}

/** Tracks a private key block across the lines of one input. */
export class PrivateKeyBlocks {
  /** Lines read since BEGIN, or -1 outside a block. */
  private lines = -1;
  /** Whether the open block was counted already (its first lines may have been blank). */
  private counted = false;
  /** The line count of a block the last line cut short for not being key material. */
  private cutAt: number | undefined;

  get inside(): boolean {
    return this.lines >= 0;
  }

  /** A line after BEGIN: masked until END, or undefined at a line that is clearly not key material. */
  body(line: string): PemResult | undefined {
    const end = PEM_END.exec(line);
    if (end) {
      this.lines = -1;
      const before = line.slice(0, end.index);
      if (isHarmless(before)) return { line, count: 0 };
      return { line: MASK + line.slice(end.index), count: this.counted ? 0 : 1 };
    }
    this.lines += 1;
    if (this.lines > MAX_PEM_LINES || !PEM_BODY.test(line)) {
      // Not key material: the block was cut short. Stop masking and read this line normally.
      this.cutAt = this.lines;
      this.lines = -1;
      return undefined;
    }
    if (isHarmless(line)) return { line, count: 0 };
    const count = this.counted ? 0 : 1;
    this.counted = true;
    return { line: line.slice(0, line.length - line.trimStart().length) + MASK, count };
  }

  /**
   * Told what the other rules made of a line that cut a block short: when they masked all of it (a
   * vendor token on its own line), it now reads as key material, and so it will when the redacted
   * text is read again. The block goes on, so that reading masks nothing more.
   */
  resumeIfMasked(line: string): void {
    if (this.cutAt !== undefined && !this.inside && this.cutAt <= MAX_PEM_LINES && PEM_BODY.test(line)) this.lines = this.cutAt;
    this.cutAt = undefined;
  }

  /** Masks a key that begins on this line; a key that goes on past the line opens a block. */
  start(line: string): PemResult {
    if (!line.includes('-----BEGIN ')) return { line, count: 0 };
    const begin = PEM_BEGIN.exec(line);
    if (!begin) return { line, count: 0 };
    const bodyStart = begin.index + begin[0].length;
    const rest = line.slice(bodyStart);
    const end = PEM_END.exec(rest);
    if (end) {
      const body = rest.slice(0, end.index);
      if (isHarmless(body)) return { line, count: 0 };
      return { line: line.slice(0, bodyStart) + MASK + rest.slice(end.index), count: 1 };
    }
    this.lines = 0;
    this.counted = false;
    if (isHarmless(rest)) return { line, count: 0 };
    this.counted = true;
    return { line: line.slice(0, bodyStart) + MASK, count: 1 };
  }
}
