/**
 * Reads a pasted web.config (whole or a fragment) or applicationHost.config application pools.
 *
 * Two questions, answered separately:
 * - Is it well-formed? A whole document that is not well-formed is itself a diagnosis (IIS answers
 *   500.19), so the error is kept in SOURCE line and column. A fragment, or a document that merely
 *   stops before its root closes (a cut paste), is checked as if its missing tags were there, so a
 *   partial paste is not mistaken for a broken file.
 * - What does it configure? The `<aspNetCore>` element, the handlers, `<location>` inheritance and
 *   application pools, each value with the source line it sits on, read with the forgiving scanner
 *   in ../xml so that even a partial or broken paste yields what it contains.
 */
import type { LocatedValue, Problem, Segment, SegmentFacts, WebConfigFacts, AspNetCoreElement, HandlerEntry } from '../types';
import { LineIndex, MAX_ELEMENTS, allElements, attribute, child, childrenNamed, scanXml, validateXml, type XmlElement, type XmlError, type XmlScan } from '../xml';
import { readAppPools } from './app-pools';

/** The synthetic root a fragment is wrapped in so that several top-level elements validate. */
const FRAGMENT_ROOT = 'diag502-fragment';

/** Parses one 'web-config' segment. Never throws. */
export function parseWebConfig(segment: Segment): SegmentFacts {
  const text = segment.lines.join('\n');
  const scan = scanXml(text);
  // An XML declaration or a comment alone (the first line of a FREB file, say) configures nothing.
  if (scan.roots.length === 0 && scan.unopened.length === 0) return {};

  const index = new LineIndex(text);
  const sourceLine = (offset: number): number => segment.firstLine + index.line(offset) - 1;
  const problems: Problem[] = [];
  const shape = checkShape(text, scan, index, segment.firstLine);
  const facts: WebConfigFacts = {
    source: segment.source,
    wellFormed: shape.wellFormed,
    fragment: shape.fragment,
    handlers: [],
    lines: segment.lines,
    firstLine: segment.firstLine,
  };
  if (shape.cutOff) facts.cutOff = true;
  if (shape.error) {
    const error = shape.error;
    facts.error = error;
    problems.push({
      source: segment.source,
      line: error.line,
      column: error.column,
      message: shape.cutOff
        ? `The configuration block starting at line ${segment.firstLine} looks like part of a file. ${error.message} It was read as far as it goes; if the file on disk really looks like this, IIS cannot load it.`
        : `The configuration starting at line ${segment.firstLine} is not well-formed XML (line ${error.line}, column ${error.column}): ${error.message} IIS cannot load such a file and answers HTTP 500.19.`,
    });
  }
  if (scan.doctype !== undefined) {
    problems.push({
      source: segment.source,
      line: sourceLine(scan.doctype),
      message: 'The configuration declares a DOCTYPE; it was ignored and no entity it declares was expanded.',
    });
  }
  if (scan.capped) {
    problems.push({ source: segment.source, line: segment.firstLine, message: `The configuration block has too many elements; only the first ${MAX_ELEMENTS} were read.` });
  }

  const aspNetCores = [...allElements(scan.roots)].filter((e) => e.name === 'aspNetCore');
  const first = aspNetCores[0];
  if (first) {
    facts.aspNetCore = readAspNetCore(first, index, segment.firstLine);
    if (aspNetCores.length > 1) {
      problems.push({
        source: segment.source,
        line: facts.aspNetCore.startLine,
        message: `${aspNetCores.length} <aspNetCore> elements were found; the first one (line ${facts.aspNetCore.startLine}) was read.`,
      });
    }
  }
  facts.handlers = readHandlers(scan.roots, sourceLine);
  // The contract (types.ts) reports the guard: true when a <location inheritInChildApplications="false"> is
  // present, false when locations only carry the attribute with another value, undefined without it.
  const inheritValues = [...allElements(scan.roots)]
    .filter((e) => e.name === 'location')
    .map((e) => attribute(e, 'inheritInChildApplications')?.value.trim().toLowerCase())
    .filter((v): v is string => v !== undefined);
  if (inheritValues.length > 0) facts.inheritInChildApplications = inheritValues.includes('false');

  const appPools = readAppPools(scan.roots, segment.source, sourceLine);
  const out: SegmentFacts = { webConfigs: [facts] };
  if (appPools.length > 0) out.appPools = appPools;
  if (problems.length > 0) out.problems = problems;
  return out;
}

interface Shape {
  wellFormed: boolean;
  fragment: boolean;
  cutOff: boolean;
  /** In SOURCE lines. */
  error?: XmlError;
}

const FRAGMENT_ROOT_QUOTED = new RegExp(`'${FRAGMENT_ROOT}'`, 'g');

/**
 * Decides well-formedness, telling a broken document from a partial paste. Missing end tags (and,
 * for fragments, missing start tags) are supplied before validating: if the text then validates,
 * its only defect is where the paste was cut.
 */
function checkShape(text: string, scan: XmlScan, index: LineIndex, firstLine: number): Shape {
  const at = (offset: number): { line: number; column: number } => ({ line: firstLine + index.line(offset) - 1, column: index.column(offset) });
  // Indentation (or blank lines) before the first tag is paste noise, not part of the file.
  const lead = text.length - text.trimStart().length;
  const body = text.slice(lead);
  const declared = body.startsWith('<?xml') && !body.startsWith('<?xml-');
  const whole = declared || scan.roots[0]?.name === 'configuration';

  // A tag cut in the middle ends the paste: validate what comes before it. Only when no markup
  // follows it: an unterminated value that swallows the closing tags is a broken file, not a cut.
  const tail = scan.unclosed[scan.unclosed.length - 1];
  const runsToEnd = tail !== undefined && tail.openEnd >= text.length && tail.tagCloseAt >= text.length;
  const partialTag = runsToEnd && text.indexOf('<', tail.start + 1) < 0 ? tail : undefined;
  const checked = partialTag ? body.slice(0, Math.max(0, partialTag.start - lead)) : body;
  const stillOpen = scan.unclosed.filter((e) => e !== partialTag);
  const closers = stillOpen
    .slice()
    .reverse()
    .map((e) => `</${e.name}>`)
    .join('');
  // A declared document cannot take start tags before its declaration; its stray end tags are errors.
  const openers = whole
    ? ''
    : scan.unopened
        .slice()
        .reverse()
        .map((u) => `<${u.name}>`)
        .join('');
  const prefix = whole ? '' : `<${FRAGMENT_ROOT}>${openers}`;
  const suffix = whole ? closers : `${closers}</${FRAGMENT_ROOT}>`;
  const repaired = partialTag !== undefined || closers.length > 0 || openers.length > 0;

  const found = validateXml(prefix + checked + suffix);
  if (found) {
    // Back from the validated text to the segment: undo the prefix and the stripped lead.
    const offset = offsetOf(prefix + checked + suffix, found.line, found.column) - prefix.length + lead;
    const clamped = Math.min(Math.max(offset, lead), text.length);
    return {
      wellFormed: false,
      fragment: !whole,
      cutOff: false,
      error: { ...at(clamped), message: found.message.replace(FRAGMENT_ROOT_QUOTED, 'the end of the paste') },
    };
  }
  if (!repaired) return { wellFormed: true, fragment: !whole, cutOff: false };

  const parts: string[] = [];
  if (partialTag) parts.push(`It ends inside the <${partialTag.name}> tag that starts on line ${at(partialTag.start).line}.`);
  if (stillOpen.length > 0) {
    const names = stillOpen.map((e) => `<${e.name}> (line ${at(e.start).line})`).join(', ');
    parts.push(`It ends before ${names} ${stillOpen.length === 1 ? 'is' : 'are'} closed.`);
  }
  const firstUnopened = scan.unopened[0];
  if (firstUnopened) parts.push(`It starts inside an element: </${firstUnopened.name}> on line ${at(firstUnopened.start).line} has no start tag in the paste.`);
  const where = partialTag || stillOpen.length > 0 || !firstUnopened ? at(text.length) : at(firstUnopened.start);
  return { wellFormed: false, fragment: true, cutOff: true, error: { ...where, message: parts.join(' ') } };
}

/** The offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l += 1) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  return start + column - 1;
}

/** Writes a property even when the name is `__proto__` (attribute names come from the user). */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (Object.prototype.hasOwnProperty.call(record, key)) return;
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

function readAspNetCore(element: XmlElement, index: LineIndex, firstLine: number): AspNetCoreElement {
  const line = (offset: number): number => firstLine + index.line(offset) - 1;
  const attributes: Record<string, LocatedValue> = {};
  for (const a of element.attributes) setOwn(attributes, a.name, { value: a.value, line: line(a.start) });
  const collection = (container: string, item: string): Record<string, LocatedValue> => {
    const out: Record<string, LocatedValue> = {};
    for (const entry of childrenNamed(child(element, container), item)) {
      const name = attribute(entry, 'name')?.value;
      if (name === undefined) continue;
      const value = attribute(entry, 'value');
      setOwn(out, name, { value: value?.value ?? '', line: line(value?.start ?? entry.start) });
    }
    return out;
  };
  const last = (element.end ?? element.openEnd) - 1;
  return {
    attributes,
    handlerSettings: collection('handlerSettings', 'handlerSetting'),
    environmentVariables: collection('environmentVariables', 'environmentVariable'),
    startLine: line(element.start),
    endLine: line(Math.max(element.start, last)),
  };
}

/** `<handlers><add .../>` entries (`<remove>` and `<clear>` carry nothing to check), or a bare handler `<add>`. */
function readHandlers(roots: readonly XmlElement[], line: (offset: number) => number): HandlerEntry[] {
  const out: HandlerEntry[] = [];
  for (const element of allElements(roots)) {
    if (element.name !== 'add') continue;
    const underHandlers = element.parent?.name === 'handlers';
    const bareHandler = element.parent === undefined && attribute(element, 'modules') !== undefined;
    if (!underHandlers && !bareHandler) continue;
    const entry: HandlerEntry = { line: line(element.start) };
    for (const key of ['name', 'modules', 'path'] as const) {
      const value = attribute(element, key)?.value;
      if (value !== undefined) entry[key] = value;
    }
    out.push(entry);
  }
  return out;
}
