/**
 * The redaction guard on every exit. Evidence is redacted as it is read, but text reaches people
 * and disks by many roads (posted messages and their blocks, uploaded reports, message metadata,
 * the store, logs, CLI output); each road runs its text through here once more, so a secret that
 * slipped into a step text, a file name or a log line is still masked. Redacting redacted text
 * changes nothing, so the guard costs no information.
 */
import { redactText } from './redact';

/** `text` with every secret the redactor knows masked, line by line. */
export function guardText(text: string): string {
  return text.length === 0 ? text : redactText(text).text;
}

/** Every string inside a JSON-like value guarded (blocks, metadata); other values kept as they are. */
export function guardValue<T>(value: T): T {
  if (typeof value === 'string') return guardText(value) as T;
  if (Array.isArray(value)) return value.map((v) => guardValue(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = guardValue(v);
    return out as T;
  }
  return value;
}
