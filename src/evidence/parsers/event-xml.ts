/**
 * Reads one exported Windows event in its XML form (`<Event xmlns="http://schemas.microsoft.com/
 * win/2004/08/events/event">`, from Event Viewer's Details tab, "Event Xml:" in a text copy, or
 * `(Get-WinEvent ...).ToXml()`), keeping the source line of every value.
 *
 * A tolerant scanner rather than an XML parser: pasted events are often flattened onto one line,
 * cut short, or carry junk from a web page (`[-](https://...)` before each element), and a parser
 * would reject them and lose the line numbers anyway. One forward pass with indexOf; only the
 * predefined entities and character references are decoded.
 */
import { LineIndex } from '../xml';

/** A piece of element text on one source line. `index` is the line's index in the block's lines array. */
interface XmlPiece {
  text: string;
  index: number;
}

export interface XmlEventData {
  /** `Name` attribute of `<Data Name="...">`, when there is one. */
  name?: string;
  value: string;
  /** The value split at its source line breaks (and at encoded line breaks). */
  pieces: XmlPiece[];
  /** Line index of the `<Data` tag. */
  index: number;
}

export interface XmlEventParts {
  provider?: string;
  id?: number;
  idIndex?: number;
  level?: string;
  time?: string;
  channel?: string;
  computer?: string;
  processId?: number;
  data: XmlEventData[];
  /** `<RenderingInfo><Message>` when the export carries the rendered text. */
  message?: XmlPiece[];
}

const LEVEL_NAMES: Record<string, string> = { '0': 'Information', '1': 'Critical', '2': 'Error', '3': 'Warning', '4': 'Information', '5': 'Verbose' };
const ENTITY = /&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references; nothing else. */
function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#x')) return codePoint(Number.parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return codePoint(Number.parseInt(body.slice(1), 10), whole);
    return NAMED[body] ?? whole;
  });
}

function codePoint(value: number, fallback: string): string {
  return Number.isFinite(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}

/** Finds the event XML block that starts at `lines[from]`: the index of the line holding `</Event>`. */
export function xmlBlockEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) if ((lines[i] ?? '').includes('</Event>')) return i;
  return lines.length - 1;
}

/** Reads the event in `lines[from..to]` (inclusive). Never throws. */
export function readEventXml(lines: readonly string[], from: number, to: number): XmlEventParts {
  const scan = new Scanner(lines, from, to);
  const parts: XmlEventParts = { data: [] };

  const provider = scan.find('Provider', 0);
  if (provider) parts.provider = scan.attribute(provider, 'Name');
  const eventId = scan.find('EventID', 0);
  if (eventId) {
    const value = Number.parseInt(scan.content(eventId) ?? '', 10);
    if (Number.isFinite(value)) {
      parts.id = value & 0xffff;
      parts.idIndex = scan.lineIndex(eventId.start);
    }
  }
  const level = scan.find('Level', 0);
  if (level) {
    const raw = (scan.content(level) ?? '').trim();
    parts.level = LEVEL_NAMES[raw] ?? (raw || undefined);
  }
  const created = scan.find('TimeCreated', 0);
  if (created) parts.time = scan.attribute(created, 'SystemTime');
  const channel = scan.find('Channel', 0);
  if (channel) parts.channel = scan.content(channel)?.trim() || undefined;
  const computer = scan.find('Computer', 0);
  if (computer) parts.computer = scan.content(computer)?.trim() || undefined;
  const execution = scan.find('Execution', 0);
  if (execution) {
    const pid = Number.parseInt(scan.attribute(execution, 'ProcessID') ?? '', 10);
    if (Number.isFinite(pid) && pid > 0) parts.processId = pid;
  }

  const eventData = scan.find('EventData', 0) ?? scan.find('UserData', 0);
  let at = eventData ? eventData.start : 0;
  for (let guard = 0; guard < 200; guard += 1) {
    const data = scan.find('Data', at);
    if (!data) break;
    at = data.openEnd;
    const name = scan.attribute(data, 'Name');
    const pieces = data.selfClosing ? [] : scan.pieces(data);
    const entry: XmlEventData = { value: pieces.map((p) => p.text).join('\n'), pieces, index: scan.lineIndex(data.start) };
    if (name !== undefined) entry.name = name;
    parts.data.push(entry);
  }

  const rendering = scan.find('RenderingInfo', 0);
  if (rendering) {
    const message = scan.find('Message', rendering.start);
    if (message && !message.selfClosing) parts.message = scan.pieces(message);
  }
  return parts;
}

interface Tag {
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  selfClosing: boolean;
}

/** The block's lines joined with `\n`, and where each line starts. */
class Scanner {
  private readonly text: string;
  private readonly lines: LineIndex;

  constructor(
    lines: readonly string[],
    private readonly from: number,
    to: number,
  ) {
    this.text = `${lines.slice(from, to + 1).join('\n')}\n`;
    this.lines = new LineIndex(this.text);
  }

  /** Index (into the caller's lines) of the line holding `offset`. */
  lineIndex(offset: number): number {
    return this.from + this.lines.line(offset) - 1;
  }

  /** The first `<name` start tag at or after `from` (the name must end there: `<Data` is not `<DataItem`). */
  find(name: string, from: number): Tag | undefined {
    let at = from;
    for (;;) {
      const open = this.text.indexOf(`<${name}`, at);
      if (open < 0) return undefined;
      const next = this.text.charAt(open + name.length + 1);
      if (next === '>' || next === '/' || next === ' ' || next === '\n') {
        const close = this.text.indexOf('>', open);
        if (close < 0) return undefined;
        return { name, start: open, openEnd: close + 1, selfClosing: this.text.charAt(close - 1) === '/' };
      }
      at = open + 1;
    }
  }

  /** A quoted attribute of the tag, entities decoded. */
  attribute(tag: Tag, name: string): string | undefined {
    const head = this.text.slice(tag.start, tag.openEnd);
    for (const quote of ['"', "'"]) {
      const key = ` ${name}=${quote}`;
      const at = head.indexOf(key);
      if (at < 0) continue;
      const end = head.indexOf(quote, at + key.length);
      if (end < 0) continue;
      return decodeXmlText(head.slice(at + key.length, end));
    }
    return undefined;
  }

  /** Raw text between the start tag and `</name>`, undefined when it never closes. */
  content(tag: Tag): string | undefined {
    if (tag.selfClosing) return '';
    const close = this.text.indexOf(`</${tag.name}>`, tag.openEnd);
    return close < 0 ? undefined : decodeXmlText(this.text.slice(tag.openEnd, close));
  }

  /** The element's text split at source line breaks, each piece with its line; `\r` from `&#xD;` dropped. */
  pieces(tag: Tag): XmlPiece[] {
    const close = this.text.indexOf(`</${tag.name}>`, tag.openEnd);
    const end = close < 0 ? this.text.length : close;
    const out: XmlPiece[] = [];
    let start = tag.openEnd;
    while (start <= end) {
      const nl = this.text.indexOf('\n', start);
      const stop = nl < 0 || nl > end ? end : nl;
      const index = this.lineIndex(start);
      for (const part of decodeXmlText(this.text.slice(start, stop)).split('\n')) {
        out.push({ text: part.replace(/\r/g, '').trimEnd(), index });
      }
      if (stop === end) break;
      start = stop + 1;
    }
    // A value that starts right after the tag and ends before `</Data>` on a later line leaves empty edge pieces.
    while (out.length > 0 && out[out.length - 1]?.text.trim() === '') out.pop();
    while (out.length > 0 && out[0]?.text.trim() === '') out.shift();
    return out;
  }
}
