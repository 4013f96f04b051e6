/**
 * Turns the lines of a pasted error page into the text a browser would show, line by line, so
 * every fact read from the page keeps its source line.
 *
 * A single forward scan with a little state (inside a tag, a comment, a <script>/<style> body or
 * the <title>) strips the markup: no regex ever runs over the whole page, so a hostile 16 KB line
 * costs linear time. Text between two tags is one "chunk"; chunks never span lines.
 */

/** The visible text of one source line. */
export interface TextLine {
  /** Index into the segment's lines. */
  index: number;
  /** Text runs between tags, entity-decoded, whitespace collapsed, empty runs dropped. */
  chunks: string[];
  /** The chunks joined with a space. */
  text: string;
}

interface PageText {
  lines: TextLine[];
  /** The `<title>` text and the line it starts on. */
  title?: { text: string; index: number };
  /** False when the paste is the page as text (copied from the browser), not its HTML source. */
  html: boolean;
}

type Mode = 'text' | 'tag' | 'comment' | 'raw';

/** Whether these lines are HTML source rather than the page's text copied from a browser. */
export function looksLikeHtml(lines: readonly string[]): boolean {
  for (const line of lines) {
    const t = line.trimStart();
    if (t.length < 2 || t.charCodeAt(0) !== 60 /* < */) continue;
    const c = t.charCodeAt(1);
    // `<` then a letter, `/` or `!`: a tag, an end tag, a doctype or a comment.
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33) return true;
  }
  return false;
}

/** The visible text of `lines`. Text copies pass through unchanged (one chunk per line). */
export function pageText(lines: readonly string[]): PageText {
  if (!looksLikeHtml(lines)) {
    const out: TextLine[] = [];
    lines.forEach((line, index) => {
      const text = collapse(line);
      if (text.length > 0) out.push({ index, chunks: [text], text });
    });
    return { lines: out, html: false };
  }
  return new HtmlScanner().scan(lines);
}

class HtmlScanner {
  private mode: Mode = 'text';
  /** The lowercase end tag that closes a raw-text element (`</script`, `</style`). */
  private rawEnd = '';
  private tagName = '';
  private tagClosing = false;
  private tagSelfClosing = false;
  private inTitle = false;
  private title: { text: string; index: number } | undefined;
  private titleDone = false;

  scan(lines: readonly string[]): PageText {
    const out: TextLine[] = [];
    lines.forEach((line, index) => {
      const chunks = this.line(line, index);
      if (chunks.length > 0) out.push({ index, chunks, text: chunks.join(' ') });
    });
    const page: PageText = { lines: out, html: true };
    if (this.title) page.title = { text: collapse(this.title.text), index: this.title.index };
    return page;
  }

  private line(s: string, index: number): string[] {
    const chunks: string[] = [];
    let chunk = '';
    const flush = (): void => {
      const text = collapse(decodeEntities(chunk));
      if (text.length > 0) chunks.push(text);
      chunk = '';
    };
    let lower: string | undefined;
    let i = 0;
    while (i < s.length) {
      if (this.mode === 'comment') {
        const end = s.indexOf('-->', i);
        if (end < 0) return chunks;
        this.mode = 'text';
        i = end + 3;
        continue;
      }
      if (this.mode === 'raw') {
        lower ??= s.toLowerCase();
        const end = lower.indexOf(this.rawEnd, i);
        if (end < 0) return chunks;
        this.mode = 'text';
        i = end; // the end tag itself is read as a tag
        continue;
      }
      if (this.mode === 'tag') {
        const end = s.indexOf('>', i);
        if (end < 0) return chunks; // the tag goes on on the next line
        this.tagSelfClosing = end > 0 && s.charCodeAt(end - 1) === 47; /* / */
        this.closeTag(index);
        i = end + 1;
        continue;
      }
      // The next `<` that opens markup; a lone `<` in text ("a < b") is text.
      let lt = s.indexOf('<', i);
      while (lt >= 0 && !opensMarkup(s, lt)) lt = s.indexOf('<', lt + 1);
      this.addText(s.slice(i, lt < 0 ? s.length : lt), index, (t) => (chunk += t));
      if (lt < 0) break;
      if (s.startsWith('<!--', lt)) {
        flush();
        this.mode = 'comment';
        i = lt + 4;
        continue;
      }
      flush();
      this.openTag(s, lt);
      i = lt + 1;
    }
    flush();
    return chunks;
  }

  private addText(text: string, index: number, push: (t: string) => void): void {
    if (text.length === 0) return;
    push(text);
    if (this.inTitle && !this.titleDone) {
      if (this.title === undefined) this.title = { text: '', index };
      this.title.text += ` ${decodeEntities(text)}`;
    }
  }

  /** Reads the element name right after `<` (bounded: names are short). */
  private openTag(s: string, lt: number): void {
    let j = lt + 1;
    this.tagClosing = s.charCodeAt(j) === 47; /* / */
    if (this.tagClosing) j += 1;
    let name = '';
    while (j < s.length && name.length < 12) {
      const c = s.charCodeAt(j);
      const alnum = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (!alnum) break;
      name += s[j];
      j += 1;
    }
    this.tagName = name.toLowerCase();
    this.mode = 'tag';
  }

  private closeTag(index: number): void {
    this.mode = 'text';
    const name = this.tagName;
    if (name === 'title') {
      if (this.tagClosing) {
        if (this.inTitle) this.titleDone = this.title !== undefined;
        this.inTitle = false;
      } else if (!this.titleDone) {
        this.inTitle = true;
        if (this.title === undefined) this.title = { text: '', index };
      }
      return;
    }
    if ((name === 'script' || name === 'style') && !this.tagClosing && !this.tagSelfClosing) {
      this.mode = 'raw';
      this.rawEnd = `</${name}`;
    }
  }
}

/** `<` followed by a letter, `/`, `!` or `?`: a tag, end tag, doctype, comment or processing instruction. */
function opensMarkup(s: string, lt: number): boolean {
  const c = s.charCodeAt(lt + 1);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33 || c === 63;
}

/** Collapses runs of whitespace (no-break spaces included) to one space and trims. */
export function collapse(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  bull: '•',
  middot: '·',
  copy: '©',
  ndash: '-',
  mdash: '-',
  hellip: '…',
  raquo: '"',
  laquo: '"',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
};
// Bounded repetition on each alternative: linear on any input.
const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g;

/** Decodes the entities error pages use (`&nbsp;`, `&lt;`, `&#39;`, `&#x27;`); unknown ones stay. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
