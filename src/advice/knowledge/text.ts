/**
 * Building blocks for answer text. Answers are plain text that every face can show: paragraphs
 * separated by a blank line, "- " and "1. " list items, and code as lines indented by four spaces
 * (the convention the terminal renderer already uses for snippets and diffs).
 */
import type { EvidenceRef } from '../../evidence/types';
import { where } from '../../evidence/ref-text';

/** Longest evidence line quoted in an answer: enough to recognize it, short enough for chat. */
const MAX_QUOTED_LINE = 200;

/** Joins paragraphs with blank lines, dropping empty ones. */
export function paragraphs(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim().length > 0).join('\n\n');
}

/** A "- " list. Newlines inside an item are folded, so an item never breaks the list. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${oneLine(item)}`).join('\n');
}

/** A "1. " list. */
export function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${oneLine(item)}`).join('\n');
}

/** A heading line followed by its list, as one paragraph. */
export function titledList(heading: string, list: string): string {
  return list.length > 0 ? `${heading}\n${list}` : '';
}

/** Code shown as is: every line indented by four spaces, trailing blank lines dropped. */
export function code(text: string): string {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** `42%`. */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** The word for a calibrated confidence (ranking/words.ts). */
export { confidenceWord } from '../../ranking/words';

/** `u_ex261120.log line 17: <the line>`, cut to a readable length. */
export function quoteRef(ref: EvidenceRef): string {
  const text = oneLine(ref.text.trim());
  const cut = text.length > MAX_QUOTED_LINE ? `${text.slice(0, MAX_QUOTED_LINE - 3)}...` : text;
  return `${where(ref.source, ref.line)}: ${cut}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
