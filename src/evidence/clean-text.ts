/**
 * A whole message made safe to keep: normalized (Slack escaping, fences, smart quotes) and
 * redacted, line by line, with the same normalizer and redactor the evidence pipeline uses. What
 * the conversation layer stores is this text, never the raw message.
 */
import { LineNormalizer, looksSlackEscaped, unfence, type SlackEscaping } from './normalize';
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
  for (const raw of input.split('\n')) {
    const line = raw.length > LIMITS.maxLineChars ? raw.slice(0, LIMITS.maxLineChars) : raw;
    // Fences stay, bare, where they were: line numbers stay those of the message, and the
    // collector still sees where a fenced block ends (the prose after a web.config is not XML).
    const fence = unfence(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (fence.text === undefined) {
      lines.push('```');
      continue;
    }
    const text = redactor.redact(normalizer.normalize(fence.text) ?? '');
    lines.push(`${fence.fenceBefore ? '``` ' : ''}${text}${fence.fenceAfter ? ' ```' : ''}`);
  }
  return { text: lines.join('\n').replace(/\n+$/, ''), redactions: redactor.count, truncated };
}
