/**
 * Applies a cause's recommended change to the user's own `<aspNetCore>` element, so the fix reads as
 * a diff of the file they pasted rather than a generic snippet.
 *
 * The element's text is re-read from the pasted lines (the facts carry lines, the scanner carries
 * offsets) and edited in place: existing values keep their quotes and layout, new attributes follow
 * the user's layout, collections (`<handlerSettings>`, `<environmentVariables>`) are extended or
 * created. Nothing else in the file is touched.
 */
import type * as Diff from 'diff';
import type { WebConfigFacts } from '../evidence/types';
import type { AspNetCoreChange } from '../vocabulary';

/**
 * The diff library is loaded on first use: only a diagnosis with a web.config to change needs it,
 * and loading it at every CLI start was time spent for nothing (issue 9). The bundle leaves it out
 * (scripts/bundle.js).
 */
let diffLibrary: typeof Diff | undefined;
function diff(): typeof Diff {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  diffLibrary ??= require('diff') as typeof Diff;
  return diffLibrary;
}
import { attribute, child, childrenNamed, escapeAttribute, scanXml, validateXml, type XmlElement } from '../evidence/xml';

interface AspNetCorePatch {
  /** A unified diff of the user's file (source name as the file name). */
  diff: string;
  /** The patched `<aspNetCore ...>` element alone, as it should read. */
  element: string;
}

interface Edit {
  at: number;
  end: number;
  text: string;
  /** Order of creation: among edits at one offset, earlier ones end up first. */
  seq: number;
}

type Quote = '"' | "'";

const COLLECTIONS = [
  { key: 'handlerSettings', container: 'handlerSettings', item: 'handlerSetting' },
  { key: 'environmentVariables', container: 'environmentVariables', item: 'environmentVariable' },
] as const;

/**
 * Patches the `<aspNetCore>` element of `config` with `change`. Returns undefined when there is no
 * element, the file is malformed (a partial paste is fine when the element itself is whole), or
 * the element already reads as the change asks.
 */
export function patchAspNetCore(config: WebConfigFacts, change: AspNetCoreChange): AspNetCorePatch | undefined {
  const facts = config.aspNetCore;
  if (!facts) return undefined;
  if (!config.wellFormed && !config.cutOff) return undefined;
  const startIndex = facts.startLine - config.firstLine;
  const endIndex = facts.endLine - config.firstLine;
  const firstText = config.lines[startIndex];
  if (firstText === undefined || endIndex < startIndex || endIndex >= config.lines.length) return undefined;
  const column = elementColumn(firstText);
  if (column < 0) return undefined;

  const chunk = config.lines.slice(startIndex, endIndex + 1).join('\n').slice(column);
  const element = scanXml(chunk).roots[0];
  if (!element || element.name !== 'aspNetCore' || element.end === undefined) return undefined;
  const original = chunk.slice(0, element.end);
  if (validateXml(original)) return undefined;

  const baseIndent = leadingSpace(firstText);
  const unit = indentUnit(config.lines);
  const edits = planEdits(chunk, element, change, baseIndent, unit);
  if (edits.length === 0) return undefined;
  const patched = applyEdits(original, edits);
  if (patched === original) return undefined;

  const newLines = [
    ...config.lines.slice(0, startIndex),
    ...(firstText.slice(0, column) + patched + chunk.slice(element.end)).split('\n'),
    ...config.lines.slice(endIndex + 1),
  ];
  return { diff: unifiedDiff(config, newLines), element: dedent(patched, baseIndent.length) };
}

/** Column of `<aspNetCore` on the element's first line (not `<aspNetCoreX`). */
function elementColumn(line: string): number {
  for (let at = line.indexOf('<aspNetCore'); at >= 0; at = line.indexOf('<aspNetCore', at + 1)) {
    const next = line.charAt(at + '<aspNetCore'.length);
    if (next === '' || next === ' ' || next === '/' || next === '>') return at;
  }
  return -1;
}

function leadingSpace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** The indentation step the file uses: the smallest increase between consecutive lines (2 by default). */
function indentUnit(lines: readonly string[]): string {
  let best = Infinity;
  let previous: number | undefined;
  for (const line of lines) {
    if (line.trim().length === 0) continue;
    const depth = leadingSpace(line).length;
    if (previous !== undefined && depth > previous) best = Math.min(best, depth - previous);
    previous = depth;
  }
  return ' '.repeat(Number.isFinite(best) && best <= 8 ? best : 2);
}

/** The whitespace at the start of the line holding `offset` in `text`. */
function indentAt(text: string, offset: number): string {
  return leadingSpace(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

/** The quote the user writes attribute values with. */
function quoteOf(element: XmlElement): Quote {
  const q = element.attributes.find((a) => a.quote !== '')?.quote;
  return q === "'" ? "'" : '"';
}

/** Offset just after an element's name or last attribute: where attributes are appended. */
function attributesEnd(element: XmlElement): number {
  const last = element.attributes[element.attributes.length - 1];
  return last ? last.end : element.start + 1 + element.name.length;
}

function planEdits(chunk: string, element: XmlElement, change: AspNetCoreChange, baseIndent: string, unit: string): Edit[] {
  const edits: Edit[] = [];
  const quote = quoteOf(element);
  const add = (at: number, end: number, text: string): void => {
    edits.push({ at, end, text, seq: edits.length });
  };
  const attr = (name: string, value: string, q: Quote = quote): string => `${name}=${q}${escapeAttribute(value, q)}${q}`;

  // Attributes: change values in place, append the new ones in the user's layout.
  const appended: string[] = [];
  for (const [name, value] of Object.entries(change.set ?? {})) {
    const existing = element.attributes.find((a) => a.name === name) ?? element.attributes.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (!existing) {
      appended.push(attr(name, value));
    } else if (existing.name === name && existing.quote !== '') {
      if (existing.value !== value) add(existing.valueStart, existing.valueEnd, escapeAttribute(value, existing.quote));
    } else {
      // A misspelt case or an unquoted value: rewrite the whole attribute.
      add(existing.start, existing.end, attr(name, value, existing.quote === '' ? quote : existing.quote));
    }
  }
  if (appended.length > 0) {
    const at = attributesEnd(element);
    const lastAttribute = element.attributes[element.attributes.length - 1];
    const multiLine = lastAttribute !== undefined && chunk.slice(element.start, lastAttribute.start).includes('\n');
    const indent = multiLine && lastAttribute ? indentAt(chunk, lastAttribute.start) : '';
    add(at, at, appended.map((a) => (multiLine ? `\n${indent}${a}` : ` ${a}`)).join(''));
  }

  // Collections: replace or add items; create the container when it is missing.
  const childIndent = element.children[0] ? indentAt(chunk, element.children[0].start) : baseIndent + unit;
  const newBlocks: string[] = [];
  for (const { key, container, item } of COLLECTIONS) {
    const wanted = Object.entries(change[key] ?? {});
    if (wanted.length === 0) continue;
    const box = child(element, container);
    const pending: string[] = [];
    for (const [name, value] of wanted) {
      const entry = childrenNamed(box, item).find((e) => attribute(e, 'name')?.value.toLowerCase() === name.toLowerCase());
      if (!entry) {
        pending.push(`<${item} ${attr('name', name)} ${attr('value', value)} />`);
        continue;
      }
      const current = attribute(entry, 'value');
      if (!current) {
        const at = attributesEnd(entry);
        add(at, at, ` ${attr('value', value)}`);
      } else if (current.value !== value) {
        if (current.quote === '') add(current.start, current.end, attr('value', value));
        else add(current.valueStart, current.valueEnd, escapeAttribute(value, current.quote));
      }
    }
    if (pending.length === 0) continue;
    if (!box) {
      const itemIndent = childIndent + unit;
      newBlocks.push(`<${container}>${pending.map((p) => `\n${itemIndent}${p}`).join('')}\n${childIndent}</${container}>`);
      continue;
    }
    const boxIndent = indentAt(chunk, box.start);
    const lastItem = box.children[box.children.length - 1];
    if (lastItem && lastItem.end !== undefined) {
      const itemIndent = indentAt(chunk, lastItem.start);
      add(lastItem.end, lastItem.end, pending.map((p) => `\n${itemIndent}${p}`).join(''));
    } else if (box.selfClosing) {
      const itemIndent = boxIndent + unit;
      add(attributesEnd(box), box.openEnd, `>${pending.map((p) => `\n${itemIndent}${p}`).join('')}\n${boxIndent}</${container}>`);
    } else {
      const itemIndent = boxIndent + unit;
      const sameLine = box.closeStart !== undefined && !chunk.slice(box.openEnd, box.closeStart).includes('\n');
      add(box.openEnd, box.openEnd, pending.map((p) => `\n${itemIndent}${p}`).join('') + (sameLine ? `\n${boxIndent}` : ''));
    }
  }
  if (newBlocks.length > 0) {
    const blocks = newBlocks.map((b) => `\n${childIndent}${b}`).join('');
    if (element.selfClosing) {
      // `<aspNetCore ... />` becomes an open/close pair around the new children.
      add(attributesEnd(element), element.openEnd, `>${blocks}\n${baseIndent}</aspNetCore>`);
    } else {
      const lastChild = element.children[element.children.length - 1];
      const at = lastChild?.end ?? element.openEnd;
      const sameLine = !lastChild && element.closeStart !== undefined && !chunk.slice(element.openEnd, element.closeStart).includes('\n');
      add(at, at, blocks + (sameLine ? `\n${baseIndent}` : ''));
    }
  }
  return edits;
}

/** Applies non-overlapping edits from the end, so earlier offsets stay valid. */
function applyEdits(text: string, edits: Edit[]): string {
  const ordered = [...edits].sort((a, b) => b.at - a.at || b.seq - a.seq);
  let out = text;
  for (const edit of ordered) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  return out;
}

/** Removes the element's own indentation from its later lines, so the snippet reads flush left. */
function dedent(text: string, width: number): string {
  if (width === 0) return text;
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^[ \\t]{0,${width}}`), '')))
    .join('\n');
}

/**
 * A unified diff whose line numbers are those of the file the segment came from. A web.config
 * pasted into a message ("your paste", "message 2": names with spaces) is diffed as `web.config`,
 * its lines counted from its own first line, so the diff applies to the user's file.
 */
function unifiedDiff(config: WebConfigFacts, newLines: string[]): string {
  const pasted = /\s/.test(config.source);
  const name = pasted ? 'web.config' : config.source;
  const patch = diff().structuredPatch(`a/${name}`, `b/${name}`, `${config.lines.join('\n')}\n`, `${newLines.join('\n')}\n`, '', '', { context: 3 });
  const shift = pasted ? 0 : config.firstLine - 1;
  for (const hunk of patch.hunks) {
    hunk.oldStart += shift;
    hunk.newStart += shift;
  }
  // formatPatch writes a `=====` banner and a tab after each file name (for empty headers); drop
  // both so the diff reads like `git diff` and applies with `git apply` or `patch -p1`.
  return diff().formatPatch(patch)
    .replace(/^=+\n/, '')
    .replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2');
}
