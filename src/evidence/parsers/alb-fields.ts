/**
 * AWS Application Load Balancer access log entries (kb-facts 6.2): space-separated fields, some
 * of them double-quoted. The tokenizer is one forward pass; an unterminated quote ends the line
 * instead of making anything rescan it.
 */
import type { SignalData } from '../types';

/** `https 2026-11-20T10:15:01.123456Z ...`: how every ALB entry starts. */
export const ALB_ROW = /^(?:http|https|h2|grpcs|ws|wss) \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** Fields after the last one the diagnosis reads (error_reason) are not collected. */
const MAX_FIELDS = 40;

interface AlbTokens {
  fields: string[];
  /** A quoted field ran to the end of the line without its closing quote. */
  unterminated: boolean;
}

/** Splits an entry into fields; quoted fields lose their quotes and `\"` escapes. */
export function splitAlbFields(line: string): AlbTokens {
  const fields: string[] = [];
  let unterminated = false;
  let i = 0;
  const n = line.length;
  while (i < n && fields.length < MAX_FIELDS) {
    while (i < n && line.charCodeAt(i) === 32) i += 1;
    if (i >= n) break;
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const c = line.charCodeAt(j);
        if (c === 92 /* \ */ && j + 1 < n) {
          value += line[j + 1];
          j += 2;
          continue;
        }
        if (c === 34) {
          closed = true;
          break;
        }
        value += line[j];
        j += 1;
      }
      if (!closed) unterminated = true;
      fields.push(value);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < n && line.charCodeAt(j) !== 32) j += 1;
    fields.push(line.slice(i, j));
    i = j;
  }
  return { fields, unterminated };
}

/** One ALB access-log entry: the `alb-log` signal's data (one definition, in types.ts) plus the URL. */
type AlbEntry = SignalData['alb-log'] & { url?: string };

const STATUS = /^\d{3}$/;
const SECONDS = /^-?\d{1,9}(?:\.\d{1,9})?$/;

/** Reads the fields of an entry, or says which one is missing or malformed. */
export function readAlbEntry(fields: readonly string[]): AlbEntry | { error: string } {
  if (fields.length < 10) return { error: `it has ${fields.length} fields; an ALB entry needs at least 10 (up to elb_status_code and target_status_code)` };
  const [, , , , target = '', request = '', targetTime = '', response = '', elbStatus = '', targetStatus = ''] = fields;
  if (!STATUS.test(elbStatus)) return { error: `elb_status_code "${elbStatus.slice(0, 20)}" is not a three-digit status` };
  for (const [name, value] of [['request_processing_time', request], ['target_processing_time', targetTime], ['response_processing_time', response]] as const) {
    if (!SECONDS.test(value)) return { error: `${name} "${value.slice(0, 20)}" is not a number of seconds` };
  }
  const entry: AlbEntry = {
    elbStatus: Number(elbStatus),
    requestSeconds: Number(request),
    targetSeconds: Number(targetTime),
    responseSeconds: Number(response),
  };
  // `-` means no response from the target (kb-facts 6.2).
  if (STATUS.test(targetStatus)) entry.targetStatus = Number(targetStatus);
  if (target !== '-' && target !== '') entry.target = target;
  const requestLine = fields[12];
  if (requestLine !== undefined) {
    const parts = requestLine.split(' ');
    if (parts.length >= 2 && parts[1] && parts[1] !== '-') entry.url = parts[1];
  }
  const reason = fields[24];
  if (reason !== undefined && reason !== '-' && reason !== '') entry.errorReason = reason;
  return entry;
}

/** Time the ALB spent on the request: the sum of the processing times it could measure (`-1` = none). */
export function albTimeTakenMs(entry: AlbEntry): number | undefined {
  const parts = [entry.requestSeconds, entry.targetSeconds, entry.responseSeconds].filter((s) => s >= 0);
  if (parts.length === 0) return undefined;
  return Math.round(parts.reduce((a, b) => a + b, 0) * 1000);
}
