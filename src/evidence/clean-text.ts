/**
 * A whole message made safe to keep: normalized (Slack escaping, fences, smart quotes) and
 * redacted, line by line, with the same normalizer and redactor the evidence pipeline uses. What
 * the conversation layer stores is this text, never the raw message.
 */
import { LineNormalizer, looksSlackEscaped, type SlackEscaping } from './normalize';
import { Redactor } from './redact';
import { LIMITS } from './limits';

export interface CleanText {
  text: string;
  redactions: number;
  /** True when the text was longer than a paste may be and was cut. */
  truncated: boolean;
}

export function cleanText(raw: string, slack: SlackEscaping = 'auto'): CleanText {
  const truncated = Buffer.byteLength(raw) > LIMITS.maxPasteBytes;
  const input = truncated ? Buffer.from(raw).subarray(0, LIMITS.maxPasteBytes).toString('utf8').replace(/\uFFFD$/, '') : raw;
  const normalizer = new LineNormalizer(slack === 'auto' ? looksSlackEscaped(input.slice(0, 65536)) : slack);
  const redactor = new Redactor();
  const lines: string[] = [];
  for (const line of input.split('\n')) {
    const normalized = normalizer.normalize(line.length > LIMITS.maxLineChars ? line.slice(0, LIMITS.maxLineChars) : line);
    // A fence keeps its place as an empty line, so line numbers stay those of the message.
    lines.push(normalized === undefined ? '' : redactor.redact(normalized));
  }
  return { text: lines.join('\n').replace(/\n+$/, ''), redactions: redactor.count, truncated };
}
