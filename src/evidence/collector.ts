/**
 * The evidence pipeline: raw text or a stream of chunks in, one `Evidence` out.
 *
 *   chunk → lines → normalize → redact → classify → segment → parse → merge
 *
 * Lines are handled one at a time. IIS log rows go straight into a bounded aggregate; every other
 * kind is buffered per segment (capped) and parsed when the segment ends. Memory therefore does
 * not grow with the length of a W3C log.
 */
import { classifyLine, continues, isXmlPrologOnly } from './detect';
import { LineNormalizer, looksSlackEscaped, unfence, type SlackEscaping } from './normalize';
import { looksJsonEscaped, unescapedLines } from './json-escaped';
import { Redactor } from './redact';
import { extractCodes } from './codes';
import { IisLogAggregator } from './parsers/iis-log';
import { buildTimeline } from './timeline';
import { FALLBACK_KIND, KINDS } from './kinds';
import { LIMITS, formatBytes } from './limits';
import { refText } from './ref-text';
import { durationsIn } from './durations';
import { XmlRootTracker } from './xml-root';
import { scannerWith } from './signatures';
import type { SignatureScanner } from './signatures/scanner';
import type { ClueHit, Signature } from './signatures/types';
import { emptyEvidence, type Evidence, type EvidenceKind, type EvidenceRef, type InputSummary, type Segment, type SegmentFacts } from './types';
import { RecursionDetector } from './recursion';

/** How much text the Slack-escaping decision looks at. */
const DECISION_WINDOW = 65536;
/** Lines kept as proof per clue (all are counted): enough to show, bounded on a huge log. */
const MAX_HITS_PER_CLUE = 5;
const MAX_DURATIONS = 50;
/** How much of each side of a line break the seam reader joins: longer than any signature fragment. */
const SEAM_CHARS = 120;
/** What the catalogue found on one line. */
interface LineClues {
  ids: ReadonlySet<string>;
  /** A product's own text was found (not only narration): the line was written, not told. */
  written: boolean;
}
const NO_CLUES: LineClues = { ids: new Set(), written: false };

/** A line the catalogue has read, kept for the seam with the next one. */
interface ScannedLine {
  text: string;
  lineNo: number;
  clues: LineClues;
}

/**
 * Does `next` look like the rest of `previous`, wrapped? The first line stops mid-sentence (on a
 * letter, a digit, a comma or a quote) and the next goes on in lower case. Log rows, which start
 * with a timestamp, a level or a capital, and Event Viewer's "Field:" lines never do.
 */
function wrapsOnto(previous: string, next: string): boolean {
  return /[\p{L}\d,'"]$/u.test(previous) && /^\s*\p{Ll}/u.test(next) && !/^\s*(?:at|info|warn|fail|dbug|trce|crit)\b/.test(next);
}

/**
 * The widths at which consoles, terminals and mail clients cut long lines: conhost's and most
 * terminals' 80 and 120 columns, 72 to 79 for mail and Markdown editors, wider consoles.
 */
const WRAP_WIDTHS = new Set([72, 76, 78, 79, 80, 100, 119, 120, 132, 150, 160, 200, 240]);

/**
 * Was `previous` cut at a console's width, so that `next` goes on where it stopped, mid-word as
 * often as not? Text copied from a console window (conhost, the Kudu console, a terminal's
 * buffer) keeps the window's line breaks wherever they fell: "aspnet" on one line, "core.dll"
 * on the next. A line exactly as long as a common width and followed by more text is read that way.
 */
function cutAtWidth(previous: string, next: string): boolean {
  return WRAP_WIDTHS.has(previous.length) && next.trim().length > 0;
}

export interface InputOptions {
  /** Undo Slack's escaping: true for text from Slack, `'auto'` to decide from the text itself. */
  slack?: SlackEscaping;
  /** Cap on the bytes read from this input; streamed files pass Infinity. */
  maxBytes?: number;
  /**
   * The text was normalized and redacted already (`cleanText`, a stored thread message): it is
   * read as it is, so a paste goes through the normalizer and the redactor once, not twice.
   */
  clean?: boolean;
}

interface OpenSegment extends Segment {
  bytes: number;
  clipped: boolean;
  /** For XML kinds: where the document's root element ends. */
  xmlRoot?: XmlRootTracker;
}

/** Reads one input line by line. Obtain it from `EvidenceCollector.open`. */
class InputReader {
  private readonly summary: InputSummary;
  private readonly kinds = new Set<EvidenceKind>();
  /** How many segments of each kind were opened, so that a retyped segment's old kind can be dropped. */
  private readonly opened = new Map<EvidenceKind, number>();
  private readonly redactor = new Redactor();
  private normalizer: LineNormalizer | undefined;
  private pendingSlack: SlackEscaping;
  private readonly maxBytes: number;
  private readonly alreadyClean: boolean;
  private bytes = 0;
  private lineNo = 0;
  private partial = '';
  private held = '';
  private segment: OpenSegment | undefined;
  private lastScanned: ScannedLine | undefined;
  private readonly recursion = new RecursionDetector();
  private stopped = false;
  private longLineReported = false;
  /** True while the rest of an over-long line is being skipped: it is one line, however long. */
  private skippingLongLine = false;
  private closed = false;

  constructor(
    private readonly collector: EvidenceCollector,
    readonly source: string,
    options: InputOptions,
  ) {
    this.summary = { source, kinds: [], lines: 0, truncated: false };
    this.pendingSlack = options.slack ?? 'auto';
    this.maxBytes = options.maxBytes ?? LIMITS.maxPasteBytes;
    this.alreadyClean = options.clean === true;
    if (this.alreadyClean) this.pendingSlack = false;
    if (this.pendingSlack !== 'auto') this.normalizer = new LineNormalizer(this.pendingSlack);
  }

  /** Feeds a chunk of text; lines may span chunks. */
  write(chunk: string): void {
    if (this.stopped || this.closed || chunk.length === 0) return;
    if (this.bytes === 0 && looksBinary(chunk)) {
      this.stop(`${this.source} looks like a binary file, not text evidence; nothing in it was read. Paste the log or config as text.`);
      return;
    }
    let text = chunk;
    let overflow = false;
    if (Number.isFinite(this.maxBytes)) {
      const size = Buffer.byteLength(chunk);
      if (this.bytes + size > this.maxBytes) {
        text = sliceToBytes(chunk, this.maxBytes - this.bytes);
        overflow = true;
      }
      this.bytes += Buffer.byteLength(text);
    } else {
      this.bytes += chunk.length;
    }
    if (this.normalizer === undefined) {
      // The Slack-escaping decision reads the first 64 KB; hold text back until there is that much.
      this.held += text;
      if (this.held.length >= DECISION_WINDOW || overflow) this.release();
    } else {
      this.feed(text);
    }
    if (overflow) {
      this.stop(`${this.source} is larger than ${formatBytes(this.maxBytes)}; only the first ${formatBytes(this.maxBytes)} (${this.lineNo} lines) were read. Paste the part around the failure, or run the diag502 CLI on the whole file.`);
    }
  }

  /** Ends the input: flushes the last line and segment. */
  end(): InputSummary {
    if (!this.closed) {
      this.release();
      if (this.partial.length > 0) this.line(this.partial);
      this.partial = '';
      this.closeSegment();
      this.closed = true;
      this.summary.kinds = [...this.kinds];
      this.summary.lines = this.lineNo;
      this.collector.addRedactions(this.redactor.count);
      this.collector.addInput(this.summary);
    }
    return this.summary;
  }

  /** Decides on Slack escaping from the text held so far, then reads it. */
  private release(): void {
    if (this.normalizer !== undefined) return;
    const slack = this.pendingSlack === 'auto' ? looksSlackEscaped(this.held.slice(0, DECISION_WINDOW)) : this.pendingSlack;
    this.normalizer = new LineNormalizer(slack);
    const held = this.held;
    this.held = '';
    this.feed(held);
  }

  private feed(chunk: string): void {
    let text = chunk;
    if (this.skippingLongLine) {
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      this.skippingLongLine = false;
      text = text.slice(nl + 1);
    }
    const data = this.partial.length > 0 ? this.partial + text : text;
    let start = 0;
    // Fast path for the bulk of a large W3C log: inside an IIS log segment, a data row of plain
    // text goes to the aggregate as a range of this buffer, with no slice, no normalization and no
    // classification; the aggregate redacts the few rows it keeps (see EvidenceCollector.iis).
    // Slack-escaped text, a buffer with tabs (which normalization turns into field separators),
    // directives and anything that is not a row take the full per-line path.
    const fast = this.normalizer?.slack === false && data.indexOf('\t') < 0;
    for (;;) {
      const nl = data.indexOf('\n', start);
      if (nl < 0) break;
      if (fast && this.segment?.kind === 'iis-log') {
        const end = data.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (isPlainW3cRow(data, start, end)) {
          this.lineNo += 1;
          this.collector.iis.push(data, this.lineNo, this.source, start, end);
          start = nl + 1;
          continue;
        }
      }
      this.line(data.slice(start, nl));
      start = nl + 1;
    }
    this.partial = data.slice(start);
    // A hostile "line" with no newline must not grow without bound: read its start (cut to the
    // line limit) and skip the rest up to the next newline, so it still counts as one line.
    if (this.partial.length > LIMITS.maxLineChars * 2) {
      this.line(this.partial);
      this.partial = '';
      this.skippingLongLine = true;
    }
  }

  private line(raw: string): void {
    this.lineNo += 1;
    let text = raw;
    if (text.length > LIMITS.maxLineChars) {
      text = text.slice(0, LIMITS.maxLineChars);
      if (!this.longLineReported) {
        this.longLineReported = true;
        this.collector.addProblem({
          source: this.source,
          line: this.lineNo,
          message: `Line ${this.lineNo} is longer than ${LIMITS.maxLineChars} characters; it was cut there (later long lines too).`,
        });
      }
    }
    if (looksJsonEscaped(text)) {
      // A structured log's field or a JSON dump: the lines the string holds are read one by one,
      // each under the number of the line that held them.
      for (const piece of unescapedLines(text)) this.physical(piece);
      return;
    }
    this.physical(text);
  }

  /** Reads one line as pasted: code fences, normalization, then the segment it belongs to. */
  private physical(text: string): void {
    // A code fence is a block boundary, on a line of its own or glued to the text it opens or
    // closes: the prose after a fenced web.config is not XML. The line keeps its number either way.
    const fence = unfence(text.endsWith('\r') ? text.slice(0, -1) : text);
    if (fence.text === undefined) {
      this.closeSegment();
      return;
    }
    if (fence.fenceBefore) this.closeSegment();
    const normalized = this.alreadyClean ? fence.text : this.normalizer?.normalize(fence.text);
    if (normalized !== undefined) this.read(normalized);
    if (fence.fenceAfter) this.closeSegment();
  }

  /** Reads one normalized line into the open segment, or starts the segment it begins. */
  private read(normalized: string): void {
    const clean = this.alreadyClean ? normalized : this.redactor.redact(normalized);
    const clues = this.collector.scanLine(clean, this.source, this.lineNo);
    if (this.recursion.feed(clean)) this.collector.addRecursion(clean, this.source, this.lineNo);
    const previous = this.lastScanned;
    if (previous && previous.lineNo === this.lineNo - 1) {
      if (cutAtWidth(previous.text, clean)) this.collector.scanSeam(previous, clean, clues, this.source, '');
      else if (wrapsOnto(previous.text, clean)) this.collector.scanSeam(previous, clean, clues, this.source, ' ');
    }
    this.lastScanned = clean.length > 0 ? { text: clean, lineNo: this.lineNo, clues } : undefined;
    const cls = classifyLine(clean);
    const current = this.segment;
    // Text after a pasted config's root element has closed is about the config, not in it.
    const afterXml = current?.xmlRoot?.closed === true && cls === undefined && clean.trim().length > 0;
    if (current && continues(current.kind, cls) && !afterXml) {
      this.append(current, clean);
      return;
    }
    if (current?.kind === 'web-config' && cls?.kind === 'freb' && isXmlPrologOnly(current.lines)) {
      // The XML declaration looked like a web.config's; the stylesheet or root says it is a FREB trace.
      this.retype(current, 'freb');
      this.append(current, clean);
      return;
    }
    if (current === undefined && cls === undefined && clean.trim().length === 0) return;
    this.closeSegment();
    const kind: EvidenceKind = cls?.kind ?? FALLBACK_KIND;
    const segment: OpenSegment = { kind, source: this.source, firstLine: this.lineNo, lines: [], bytes: 0, clipped: false };
    if (KINDS[kind].xml) segment.xmlRoot = new XmlRootTracker();
    this.segment = segment;
    this.kinds.add(kind);
    this.opened.set(kind, (this.opened.get(kind) ?? 0) + 1);
    if (kind === 'iis-log') this.collector.iis.beginSource(this.source);
    this.append(segment, clean);
  }

  /** Gives an open segment another kind; its old kind is no longer reported when no other segment had it. */
  private retype(segment: OpenSegment, kind: EvidenceKind): void {
    const left = (this.opened.get(segment.kind) ?? 1) - 1;
    this.opened.set(segment.kind, left);
    if (left === 0) this.kinds.delete(segment.kind);
    segment.kind = kind;
    this.kinds.add(kind);
    this.opened.set(kind, (this.opened.get(kind) ?? 0) + 1);
  }

  private append(segment: OpenSegment, line: string): void {
    if (segment.kind === 'iis-log') {
      this.collector.iis.push(line, this.lineNo, this.source);
      return;
    }
    segment.xmlRoot?.feed(line);
    if (segment.clipped) return;
    if (segment.lines.length >= LIMITS.maxSegmentLines || segment.bytes >= LIMITS.maxSegmentBytes) {
      segment.clipped = true;
      this.collector.addProblem({
        source: this.source,
        line: this.lineNo,
        message: `The ${segment.kind} block starting at line ${segment.firstLine} is longer than ${LIMITS.maxSegmentLines} lines or ${formatBytes(LIMITS.maxSegmentBytes)}; the rest of it was skipped.`,
      });
      return;
    }
    segment.lines.push(line);
    segment.bytes += line.length + 1;
  }

  private closeSegment(): void {
    const segment = this.segment;
    this.segment = undefined;
    if (!segment || segment.kind === 'iis-log') return;
    // Trailing blank lines belong to no one.
    while (segment.lines.length > 0 && segment.lines[segment.lines.length - 1]?.trim() === '') segment.lines.pop();
    if (segment.lines.length === 0) return;
    this.collector.parseSegment(segment);
  }

  private stop(message: string): void {
    this.stopped = true;
    this.summary.truncated = true;
    this.collector.addProblem({ source: this.source, message });
  }
}

/** Collects evidence from any number of inputs. One collector = one diagnosis. */
export class EvidenceCollector {
  /**
   * IIS rows reach the aggregate unredacted on the fast path, so the aggregate redacts every text
   * it keeps (sample rows, URLs) with this redactor before anything can leave the engine.
   */
  private readonly iisRedactor = new Redactor();
  readonly iis = new IisLogAggregator({ redact: (text) => this.iisRedactor.redact(text) });
  private readonly evidence: Evidence = emptyEvidence();
  private readonly readers: InputReader[] = [];
  private readonly scanner: SignatureScanner;

  /** @param options.house a team's own signatures (house rules), scanned after the catalogue's. */
  constructor(options: { house?: readonly Signature[] } = {}) {
    this.scanner = scannerWith(options.house);
  }

  /** Opens an input to stream into. Names are made unique so evidence lines stay unambiguous. */
  open(source: string, options: InputOptions = {}): InputReader {
    const reader = new InputReader(this, this.uniqueName(source), options);
    this.readers.push(reader);
    return reader;
  }

  /** Reads a whole text (a paste) as one input. */
  addText(source: string, text: string, options: InputOptions = {}): InputSummary {
    const reader = this.open(source, options);
    reader.write(text);
    return reader.end();
  }

  /**
   * @internal A message wrapped over two lines (by a terminal, a mail client, Event Viewer's
   * details pane) can split a product's text in two. Reads the seam, the end of one line joined
   * to the start of the next, and keeps only the clues neither line shows alone, pointing at the
   * first line, where the message starts.
   */
  scanSeam(previous: ScannedLine, line: string, clues: LineClues, source: string, glue: '' | ' '): void {
    // A line cut at a console's width goes on exactly where it stopped (glue ''); a sentence
    // wrapped between words lost the space at the break (glue ' ').
    const joined = glue === '' ? `${previous.text.slice(-SEAM_CHARS)}${line.slice(0, SEAM_CHARS)}` : `${previous.text.slice(-SEAM_CHARS).trimStart()} ${line.trimStart().slice(0, SEAM_CHARS)}`;
    let ref: EvidenceRef | undefined;
    const at = (): EvidenceRef => (ref ??= { source, line: previous.lineNo, text: refText(previous.text) });
    // The seam holds only part of each line, so it cannot tell on its own that a product wrote
    // them: narration found there counts only between lines that are narration too.
    const written = previous.clues.written || clues.written;
    for (const hit of this.scanner.scan(joined, at)) {
      if (previous.clues.ids.has(hit.clue) || clues.ids.has(hit.clue) || (hit.narrative && written)) continue;
      this.addClue(hit);
    }
  }

  /** @internal */
  parseSegment(segment: Segment): void {
    const parser = KINDS[segment.kind].parse;
    if (!parser) return;
    let facts: SegmentFacts;
    try {
      facts = parser(segment);
    } catch (error) {
      // A parser must not throw; if one does, the rest of the evidence still counts.
      facts = {
        problems: [{ source: segment.source, line: segment.firstLine, message: `Could not read the ${segment.kind} block at line ${segment.firstLine}: ${(error as Error).message}` }],
      };
    }
    this.merge(facts);
    // A page or a header block exists to state a status. When its parser found none, the block
    // was not the layout it expected ("Error 500.0 when deploying to IIS" read as a page title),
    // and IIS's dotted statuses, which cannot be anything else, are read as in prose.
    const statusless = (segment.kind === 'error-page' || segment.kind === 'headers') && (facts.statuses?.length ?? 0) === 0;
    const codes = extractCodes(segment, { dottedStatuses: statusless });
    this.evidence.codes.push(...codes.codes);
    this.evidence.statuses.push(...codes.statuses);
  }

  /**
   * @internal Runs the signature catalogue and the duration reader on one line, whatever its kind:
   * recognition never depends on what the line was classified as.
   */
  scanLine(line: string, source: string, lineNo: number): LineClues {
    if (line.length === 0) return NO_CLUES;
    let ref: EvidenceRef | undefined;
    const at = (): EvidenceRef => (ref ??= { source, line: lineNo, text: refText(line) });
    const hits = this.scanner.scan(line, at);
    for (const hit of hits) this.addClue(hit);
    for (const ms of durationsIn(line)) this.addClue({ clue: 'duration', ref: at(), value: String(ms) });
    return hits.length === 0 ? NO_CLUES : { ids: new Set(hits.map((h) => h.clue)), written: hits.some((h) => !h.narrative) };
  }

  /** @internal A call stack on this line completed a repeating block of frames (recursion.ts). */
  addRecursion(line: string, source: string, lineNo: number): void {
    this.addClue({ clue: 'dotnet.frames-recurse', ref: { source, line: lineNo, text: refText(line) } });
  }

  private addClue(hit: ClueHit): void {
    const counts = this.evidence.clueCounts;
    const seen = counts[hit.clue] ?? 0;
    counts[hit.clue] = seen + 1;
    // Durations all count (the longest matters); other clues keep their first few lines as proof.
    if (hit.clue === 'duration' ? seen < MAX_DURATIONS : seen < MAX_HITS_PER_CLUE) this.evidence.clues.push(hit);
  }

  /** @internal */
  addProblem(problem: Evidence['problems'][number]): void {
    this.evidence.problems.push(problem);
  }

  /** @internal */
  addRedactions(count: number): void {
    this.evidence.redactions += count;
  }

  /** @internal */
  addInput(summary: InputSummary): void {
    this.evidence.inputs.push(summary);
  }

  /** Closes every open input and returns the evidence. */
  finish(): Evidence {
    for (const reader of this.readers) reader.end();
    const iis = this.iis.result();
    this.evidence.redactions += this.iisRedactor.count;
    if (iis) {
      this.evidence.iisLog = iis.stats;
      this.evidence.statuses.push(...iis.statuses);
      this.evidence.codes.push(...iis.codes);
      this.evidence.signals.push(...iis.signals);
      this.evidence.problems.push(...iis.problems);
    }
    this.evidence.codes = dedupeCodes(this.evidence.codes);
    const timeline = buildTimeline(iis?.timeline, this.evidence);
    if (timeline) this.evidence.timeline = timeline;
    return this.evidence;
  }

  private merge(facts: SegmentFacts): void {
    const e = this.evidence;
    if (facts.statuses) e.statuses.push(...facts.statuses);
    if (facts.codes) e.codes.push(...facts.codes);
    if (facts.events) e.events.push(...facts.events);
    if (facts.signals) e.signals.push(...facts.signals);
    if (facts.webConfigs) e.webConfigs.push(...facts.webConfigs);
    if (facts.appPools) e.appPools.push(...facts.appPools);
    if (facts.headers) e.headers.push(...facts.headers);
    if (facts.freb) e.freb.push(...facts.freb);
    if (facts.problems) e.problems.push(...facts.problems);
  }

  private uniqueName(source: string): string {
    const taken = new Set(this.readers.map((r) => r.source));
    if (!taken.has(source)) return source;
    for (let n = 2; ; n += 1) if (!taken.has(`${source} (${n})`)) return `${source} (${n})`;
  }
}

/** The same code on the same line is one observation, whichever parser saw it. */
function dedupeCodes(codes: Evidence['codes']): Evidence['codes'] {
  const seen = new Set<string>();
  return codes.filter((c) => {
    const key = `${c.code}\u0000${c.ref.source}\u0000${c.ref.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A W3C data row (`2026-11-20 10:15:01 ...`) in `text[start, end)` that needs no normalization. */
function isPlainW3cRow(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  return (
    first >= 48 &&
    first <= 57 &&
    text.charCodeAt(start + 4) === 45 &&
    text.charCodeAt(start + 10) === 32 &&
    end - start <= LIMITS.maxLineChars &&
    text.charCodeAt(end - 1) !== 32
  );
}

/** NUL bytes or many control characters in the first 8 KB: not a text log. */
export function looksBinary(chunk: string): boolean {
  const sample = chunk.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes. */
function sliceToBytes(text: string, bytes: number): string {
  if (bytes <= 0) return '';
  const buf = Buffer.from(text);
  if (buf.length <= bytes) return text;
  // Decoding a cut buffer drops a partial character as U+FFFD; strip it.
  return buf.subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}
