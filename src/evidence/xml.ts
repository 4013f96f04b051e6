/**
 * A small, forgiving XML reader for pasted configuration and FREB traces.
 *
 * fast-xml-parser answers "is this well-formed?" (`validateXml`), but it gives no positions and
 * gives up on the partial documents people paste. The scanner here walks the text once, keeps the
 * offset of every element and attribute (so facts can cite lines and a patch can rewrite the
 * user's own text), and keeps going through cut-off or broken markup.
 *
 * Safety: one forward pass with `indexOf`, no recursion (10,000 nested elements are fine), a cap
 * on elements, and no entity expansion: only the five predefined entities and character
 * references are decoded; anything a DOCTYPE declares stays as written, so "billion laughs"
 * inputs cost nothing.
 */
import type * as FastXmlParser from 'fast-xml-parser';

/**
 * fast-xml-parser is loaded on first use: most pastes hold no XML, and it was a tenth of what the
 * CLI read and compiled at every start (issue 9). The bundle leaves it out (scripts/bundle.js).
 */
let fastXmlParser: typeof FastXmlParser | undefined;
function xmlValidator(): typeof FastXmlParser.XMLValidator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  fastXmlParser ??= require('fast-xml-parser') as typeof FastXmlParser;
  return fastXmlParser.XMLValidator;
}

interface XmlAttribute {
  name: string;
  /** The value with predefined entities and character references decoded. */
  value: string;
  /** The value exactly as written between the quotes. */
  raw: string;
  /** The quote used, or '' for an unquoted (malformed) value. */
  quote: '"' | "'" | '';
  /** Offsets in the scanned text: the name's first character, and the value between the quotes. */
  start: number;
  valueStart: number;
  valueEnd: number;
  /** Offset just after the attribute (after the closing quote). */
  end: number;
}

export interface XmlElement {
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent: XmlElement | undefined;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the `>` (or `/>`) of the start tag; the text length when the tag never ends. */
  openEnd: number;
  /** Offset of the `/` of a self-closing tag's `/>`, or of the start tag's `>`. */
  tagCloseAt: number;
  /** Offset of `</name>`, when it was found. */
  closeStart: number | undefined;
  /** Offset just after the element (after `/>` or `</name>`); undefined when it is never closed. */
  end: number | undefined;
  selfClosing: boolean;
  /** Direct text content, entities decoded, capped at `MAX_TEXT`. */
  text: string;
}

interface XmlScanIssue {
  offset: number;
  message: string;
}

export interface XmlScan {
  roots: XmlElement[];
  /** Closing tags met while no element was open: the text starts inside these elements. */
  unopened: { name: string; start: number }[];
  /** Elements still open at the end of the text, outermost first: the text stops inside them. */
  unclosed: XmlElement[];
  /** Offset of a `<!DOCTYPE`, when there is one. */
  doctype: number | undefined;
  /** Markup the scanner had to step over (an unterminated value, a stray closing tag...). */
  issues: XmlScanIssue[];
  /** True when the element cap was reached and the rest was not read. */
  capped: boolean;
}

/** Elements kept per scan; a real web.config has hundreds, a verbose FREB trace tens of thousands. */
export const MAX_ELEMENTS = 200_000;
/** Text kept per element: FREB entity buffers can be large and nothing here needs more. */
const MAX_TEXT = 64 * 1024;

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references; leaves any other `&name;` alone. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[body] ?? whole;
  });
}

/** Escapes a value for an XML attribute written with `quote`. */
export function escapeAttribute(value: string, quote: '"' | "'"): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? escaped.replace(/"/g, '&quot;') : escaped.replace(/'/g, '&apos;');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Characters that end a tag or attribute name. */
function endsName(c: number): boolean {
  return isSpace(c) || c === 62 /* > */ || c === 47 /* / */ || c === 61 /* = */ || c === 60 /* < */;
}

/**
 * Reads `text` once and returns its element tree with offsets. Never throws; anything odd is
 * stepped over and listed in `issues`.
 */
export function scanXml(text: string): XmlScan {
  const scan: XmlScan = { roots: [], unopened: [], unclosed: [], doctype: undefined, issues: [], capped: false };
  const stack: XmlElement[] = [];
  // How many open elements carry each name: a closing tag with no open match is found in O(1).
  const openByName = new Map<string, number>();
  let count = 0;
  let i = 0;
  const n = text.length;

  const addText = (from: number, to: number): void => {
    const top = stack[stack.length - 1];
    if (!top || to <= from || top.text.length >= MAX_TEXT) return;
    top.text += decodeEntities(text.slice(from, Math.min(to, from + MAX_TEXT - top.text.length)));
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(i, n);
      break;
    }
    addText(i, lt);
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) {
        scan.issues.push({ offset: lt, message: 'A comment (<!--) is never closed with -->.' });
        i = n;
      } else {
        i = close + 3;
      }
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      const stop = close < 0 ? n : close;
      const top = stack[stack.length - 1];
      if (top && top.text.length < MAX_TEXT) top.text += text.slice(lt + 9, Math.min(stop, lt + 9 + MAX_TEXT - top.text.length));
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      if (text.startsWith('<!DOCTYPE', lt) && scan.doctype === undefined) scan.doctype = lt;
      i = skipDeclaration(text, lt + 2);
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      let p = lt + 2;
      while (p < n && !endsName(text.charCodeAt(p))) p += 1;
      const name = text.slice(lt + 2, p);
      const gt = text.indexOf('>', p);
      i = gt < 0 ? n : gt + 1;
      closeElement(name, lt, gt < 0 ? n : gt + 1);
      continue;
    }

    // A start tag.
    let p = lt + 1;
    while (p < n && !endsName(text.charCodeAt(p))) p += 1;
    const name = text.slice(lt + 1, p);
    if (name.length === 0) {
      // A lone '<' in text (malformed, but common in pasted prose): step over it.
      scan.issues.push({ offset: lt, message: "A '<' does not start a tag." });
      i = lt + 1;
      continue;
    }
    if (count >= MAX_ELEMENTS) {
      scan.capped = true;
      break;
    }
    count += 1;
    const element: XmlElement = {
      name,
      attributes: [],
      children: [],
      parent: stack[stack.length - 1],
      start: lt,
      openEnd: n,
      tagCloseAt: n,
      closeStart: undefined,
      end: undefined,
      selfClosing: false,
      text: '',
    };
    p = readAttributes(text, p, element, scan.issues);
    if (element.parent) element.parent.children.push(element);
    else scan.roots.push(element);
    i = p;
    if (element.selfClosing) {
      element.end = element.openEnd;
    } else if (element.openEnd < n || element.tagCloseAt < n) {
      stack.push(element);
      openByName.set(name, (openByName.get(name) ?? 0) + 1);
    } else {
      // The start tag itself runs to the end of the text.
      scan.unclosed.push(element);
    }
  }

  function closeElement(name: string, start: number, end: number): void {
    if ((openByName.get(name) ?? 0) === 0) {
      if (stack.length === 0) scan.unopened.push({ name, start });
      else scan.issues.push({ offset: start, message: `</${name}> closes an element that is not open.` });
      return;
    }
    // Pop up to the match; anything above it was left open in the middle of the text.
    for (;;) {
      const top = stack.pop();
      if (!top) return;
      openByName.set(top.name, (openByName.get(top.name) ?? 1) - 1);
      if (top.name === name) {
        top.closeStart = start;
        top.end = end;
        return;
      }
      scan.issues.push({ offset: top.start, message: `<${top.name}> is not closed before </${name}>.` });
    }
  }

  // Outermost first; an array literal, not unshift(...), so 10,000 open elements do not overflow the call stack.
  scan.unclosed = [...stack, ...scan.unclosed];
  return scan;
}

/** Reads the attributes of a start tag from `p` (just after the name); returns the offset after the tag. */
function readAttributes(text: string, start: number, element: XmlElement, issues: XmlScanIssue[]): number {
  const n = text.length;
  let p = start;
  for (;;) {
    while (p < n && isSpace(text.charCodeAt(p))) p += 1;
    if (p >= n) return n;
    const c = text.charCodeAt(p);
    if (c === 62 /* > */) {
      element.tagCloseAt = p;
      element.openEnd = p + 1;
      return p + 1;
    }
    if (c === 47 /* / */ && text.charCodeAt(p + 1) === 62) {
      element.tagCloseAt = p;
      element.openEnd = p + 2;
      element.selfClosing = true;
      return p + 2;
    }
    if (c === 60 /* < */) {
      // The tag was never closed; let the next tag start here.
      issues.push({ offset: element.start, message: `The <${element.name}> tag is not closed with '>'.` });
      element.tagCloseAt = p;
      element.openEnd = p;
      return p;
    }
    const nameStart = p;
    while (p < n && !endsName(text.charCodeAt(p))) p += 1;
    if (p === nameStart) {
      // A stray '/' or '='.
      p += 1;
      continue;
    }
    const name = text.slice(nameStart, p);
    let q = p;
    while (q < n && isSpace(text.charCodeAt(q))) q += 1;
    if (text.charCodeAt(q) !== 61 /* = */) {
      element.attributes.push({ name, value: '', raw: '', quote: '', start: nameStart, valueStart: p, valueEnd: p, end: p });
      continue;
    }
    q += 1;
    while (q < n && isSpace(text.charCodeAt(q))) q += 1;
    const quoteCode = text.charCodeAt(q);
    if (quoteCode === 34 || quoteCode === 39) {
      const quote = quoteCode === 34 ? '"' : "'";
      const close = text.indexOf(quote, q + 1);
      if (close < 0) {
        issues.push({ offset: nameStart, message: `The value of ${name} has no closing quote.` });
        const raw = text.slice(q + 1);
        element.attributes.push({ name, value: decodeEntities(raw), raw, quote, start: nameStart, valueStart: q + 1, valueEnd: n, end: n });
        return n;
      }
      const raw = text.slice(q + 1, close);
      element.attributes.push({ name, value: decodeEntities(raw), raw, quote, start: nameStart, valueStart: q + 1, valueEnd: close, end: close + 1 });
      p = close + 1;
      continue;
    }
    // An unquoted value (not XML, but read it anyway).
    let r = q;
    while (r < n && !isSpace(text.charCodeAt(r)) && text.charCodeAt(r) !== 62) r += 1;
    const raw = text.slice(q, r);
    element.attributes.push({ name, value: decodeEntities(raw), raw, quote: '', start: nameStart, valueStart: q, valueEnd: r, end: r });
    p = r;
  }
}

/** Skips a `<!...>` declaration (DOCTYPE with an internal subset included); returns the offset after it. */
function skipDeclaration(text: string, from: number): number {
  let depth = 1;
  let quote = 0;
  for (let p = from; p < text.length; p += 1) {
    const c = text.charCodeAt(p);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 60) {
      depth += 1;
    } else if (c === 62) {
      depth -= 1;
      if (depth === 0) return p + 1;
    }
  }
  return text.length;
}

/** Maps offsets of a text to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) this.starts.push(p + 1);
  }

  /** 1-based line of an offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset. */
  column(offset: number): number {
    return offset - (this.starts[this.line(offset) - 1] ?? 0) + 1;
  }
}

/** The elements under `roots` (depth first, document order), without recursion. */
export function* allElements(roots: readonly XmlElement[]): Generator<XmlElement> {
  const stack: XmlElement[] = [...roots].reverse();
  for (;;) {
    const element = stack.pop();
    if (!element) return;
    yield element;
    for (let k = element.children.length - 1; k >= 0; k -= 1) {
      const child = element.children[k];
      if (child) stack.push(child);
    }
  }
}

/** Every element named `name` under `roots`. */
export function findAll(roots: readonly XmlElement[], name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const element of allElements(roots)) if (element.name === name) out.push(element);
  return out;
}

/** The direct children named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** The first direct child named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** An attribute by exact name. */
export function attribute(element: XmlElement | undefined, name: string): XmlAttribute | undefined {
  return element?.attributes.find((a) => a.name === name);
}

/** Where fast-xml-parser's validator found the first well-formedness error (1-based line and column). */
export interface XmlError {
  line: number;
  column: number;
  message: string;
}

/**
 * Checks well-formedness with fast-xml-parser's validator. Returns undefined for well-formed text.
 * The validator never expands entities, so a DOCTYPE with entity declarations is harmless here.
 */
export function validateXml(text: string): XmlError | undefined {
  try {
    const result = xmlValidator().validate(text, { allowBooleanAttributes: false });
    if (result === true) return undefined;
    const { line, col, msg } = result.err;
    return { line: Number(line) || 1, column: Number(col) || 1, message: String(msg) };
  } catch (error) {
    return { line: 1, column: 1, message: `The XML could not be checked: ${(error as Error).message}` };
  }
}
