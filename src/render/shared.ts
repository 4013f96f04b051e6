/**
 * Wording shared by every renderer, so the CLI, the console and Slack say the same things.
 */
import type { Diagnosis } from '../contract';
import type { EvidenceRef } from '../evidence/types';
import { where } from '../evidence/ref-text';

/** How many runner-up causes a summary lists. */
export const OTHER_CANDIDATES_SHOWN = 4;

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * 20000 → "20,000", as `toLocaleString('en-US')` says a whole number, without it: the first
 * locale-aware call loads ICU's data, which cost the CLI a good part of its start-up.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = `${digits.slice(Math.max(0, end - 3), end)}${out === '' ? '' : ','}${out}`;
  return n < 0 ? `-${out}` : out;
}

/** "u_ex261120.log (iis-log, 20,000 lines) and web.config (web-config, 31 lines)". */
export function summarizeInputs(d: Diagnosis): string {
  if (d.inputs.length === 0) return 'no input';
  const parts = d.inputs.map((i) => {
    const kinds = i.kinds.length > 0 ? i.kinds.join(' + ') : 'nothing recognizable';
    return `${i.source} (${kinds}, ${groupDigits(i.lines)} line${i.lines === 1 ? '' : 's'}${i.truncated ? ', truncated' : ''})`;
  });
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * How many values were masked, said without promising that nothing secret is left: the redactor
 * knows many forms of secret, not all of them.
 */
export function maskedNote(count: number): string {
  const masked = count === 0 ? 'no value looked like a secret' : count === 1 ? '1 value that looked like a secret was masked' : `${count} values that looked like secrets were masked`;
  return `${masked}; check before you share it further`;
}

/**
 * `house rule lb-idle-timeout (rules/lb.yaml)`: said wherever a team's rule raised a line or a
 * cause, so nobody takes the team's judgement for the built-in catalogue's, or the other way round.
 */
export function houseLabel(house: { rule: string; file: string }): string {
  return `house rule ${house.rule} (${house.file})`;
}

/** `u_ex.log:17  <the line>`, the line cut to a readable length, and the house rule that read it. */
export function refLine(ref: EvidenceRef, max = 200): string {
  const text = ref.text.length > max ? `${ref.text.slice(0, max - 1)}…` : ref.text;
  return `${where(ref.source, ref.line)}  ${text.trim()}${ref.house ? `  [${houseLabel(ref.house)}]` : ''}`;
}

/** The honest answer when no cause matched: what was read, and that nothing is being guessed. */
export function nothingFound(d: Diagnosis): string[] {
  const lines = ['No known cause of a 502 was recognized in this evidence, so diag502 is not guessing one.'];
  const seen = d.inputs.flatMap((i) => i.kinds);
  if (seen.length > 0) lines.push(`It read: ${[...new Set(seen)].join(', ')}.`);
  if (d.codes.length > 0) lines.push(`Codes it could decode: ${d.codes.map((c) => c.code).join(', ')} (see below).`);
  return lines;
}
