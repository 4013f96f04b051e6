/**
 * Failed Request Tracing (FREB): the raw `frNNNNNN.xml` or its rendered view, into FrebFacts, a
 * status observation and the module error / forwarding failure / ARR routing signals.
 *
 * Error codes are left as written (only re-spelled as canonical hex): codes.ts runs over every
 * segment and decodes `ErrorCode="2147954402"` into a CodeObservation.
 */
import type { EvidenceRef, FrebFacts, Segment, SegmentFacts, Signal, StatusObservation } from '../types';
import { refText } from '../ref-text';
import { readFrebXml } from './freb-xml';
import { readFrebText } from './freb-text';
import { field, type FrebEvent, type FrebTrace } from './freb-trace';

/** IIS request notifications (httpserv.h), for traces that show the number only. */
const NOTIFICATIONS: Record<number, string> = {
  1: 'BEGIN_REQUEST',
  2: 'AUTHENTICATE_REQUEST',
  4: 'AUTHORIZE_REQUEST',
  8: 'RESOLVE_REQUEST_CACHE',
  16: 'MAP_REQUEST_HANDLER',
  32: 'ACQUIRE_REQUEST_STATE',
  64: 'PRE_EXECUTE_REQUEST_HANDLER',
  128: 'EXECUTE_REQUEST_HANDLER',
  256: 'RELEASE_REQUEST_STATE',
  512: 'UPDATE_REQUEST_CACHE',
  1024: 'LOG_REQUEST',
  2048: 'END_REQUEST',
  536870912: 'SEND_RESPONSE',
};

const MODULE_ERROR = 'MODULE_SET_RESPONSE_ERROR_STATUS';
const FORWARD_START = 'ANCM_REQUEST_FORWARD_START';
const FORWARD_FAIL = 'ANCM_REQUEST_FORWARD_FAIL';
const ARR_ROUTED = 'ARR_SERVER_ROUTED';

/** Parses one 'freb' segment (XML or rendered text). Never throws. */
export function parseFreb(segment: Segment): SegmentFacts {
  const firstContent = segment.lines.find((l) => l.trim().length > 0)?.trimStart() ?? '';
  if (firstContent.startsWith('<')) {
    const { trace, problems } = readFrebXml(segment);
    const facts = factsFromTrace(trace, segment);
    return problems.length > 0 ? { ...facts, problems } : facts;
  }
  return factsFromTrace(readFrebText(segment), segment);
}

/** Turns a trace (either form) into facts, a status and signals. */
function factsFromTrace(trace: FrebTrace, segment: Segment): SegmentFacts {
  const ref = (line: number): EvidenceRef => {
    const text = segment.lines[line - segment.firstLine] ?? '';
    return { source: segment.source, line, text: refText(text, '') };
  };
  const signals: Signal[] = [];
  for (const event of trace.events) {
    const signal = signalOf(event, ref);
    if (signal) signals.push(signal);
  }
  const named = trace.events.filter((e) => e.name !== '');
  if (!trace.root && named.length === 0) return signals.length > 0 ? { signals } : {};

  const final = finalStatus(trace);
  const facts: FrebFacts = { source: segment.source, eventNames: named.map((e) => e.name), ref: ref(final?.line ?? named[0]?.line ?? segment.firstLine) };
  const url = trace.root?.url ?? fieldOf(trace.events.find((e) => e.name === 'GENERAL_REQUEST_START'), 'RequestURL');
  if (url) facts.url = url;
  if (final) {
    facts.statusCode = final.status;
    facts.substatus = final.substatus;
  }
  const timeTaken = wholeNumber(trace.root?.timeTaken) ?? elapsedMs(trace.events);
  if (timeTaken !== undefined) facts.timeTakenMs = timeTaken;
  if (trace.root?.failureReason) facts.failureReason = trace.root.failureReason;

  const out: SegmentFacts = { freb: [facts] };
  if (final) {
    const status: StatusObservation = { status: final.status, substatus: final.substatus, origin: 'freb', ref: facts.ref };
    if (facts.timeTakenMs !== undefined) status.timeTakenMs = facts.timeTakenMs;
    if (facts.url !== undefined) status.url = facts.url;
    out.statuses = [status];
  }
  if (signals.length > 0) out.signals = signals;
  return out;
}

function fieldOf(event: FrebEvent | undefined, name: string): string | undefined {
  return event ? field(event.fields, name) : undefined;
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d{1,12}\s*$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The status the request ended with: the root's `statusCode="502.3"`, else the request's end event,
 * else the last module error in the trace.
 */
function finalStatus(trace: FrebTrace): { status: number; substatus: number; line: number } | undefined {
  const code = trace.root?.statusCode?.trim();
  if (code !== undefined && trace.root) {
    const m = /^(\d{3})(?:\.(\d{1,5}))?$/.exec(code);
    if (m) return { status: Number(m[1]), substatus: Number(m[2] ?? 0), line: trace.root.statusLine };
  }
  const candidates = trace.events.filter((e) => e.name === 'GENERAL_REQUEST_END' || e.name === MODULE_ERROR);
  const end = candidates.find((e) => e.name === 'GENERAL_REQUEST_END' && wholeNumber(fieldOf(e, 'HttpStatus')) !== undefined);
  const chosen = end ?? candidates.filter((e) => e.name === MODULE_ERROR && wholeNumber(fieldOf(e, 'HttpStatus')) !== undefined).pop();
  if (!chosen) return undefined;
  const status = wholeNumber(fieldOf(chosen, 'HttpStatus')) ?? 0;
  const substatus = wholeNumber(fieldOf(chosen, 'HttpSubStatus')) ?? 0;
  return { status, substatus, line: field(chosen.fieldLines, 'HttpStatus') ?? chosen.line };
}

function signalOf(event: FrebEvent, ref: (line: number) => EvidenceRef): Signal | undefined {
  if (event.name === MODULE_ERROR) {
    const status = wholeNumber(fieldOf(event, 'HttpStatus'));
    if (status === undefined) return undefined;
    const data: Signal<'freb-module-error'>['data'] = {
      module: fieldOf(event, 'ModuleName') ?? '',
      status,
      substatus: wholeNumber(fieldOf(event, 'HttpSubStatus')) ?? 0,
    };
    const errorCode = errorCodeOf(fieldOf(event, 'ErrorCode'), field(event.descriptions, 'ErrorCode'));
    if (errorCode !== undefined) data.errorCode = errorCode;
    const notification = notificationOf(event);
    if (notification !== undefined) data.notification = notification;
    const line = field(event.fieldLines, 'HttpStatus') ?? field(event.fieldLines, 'ModuleName') ?? event.line;
    return { id: 'freb-module-error', data, ref: ref(line) };
  }
  if (event.name === FORWARD_FAIL) {
    const data: Signal<'freb-forward-fail'>['data'] = {};
    const errorCode = errorCodeOf(fieldOf(event, 'ErrorCode'), field(event.descriptions, 'ErrorCode'));
    if (errorCode !== undefined) data.errorCode = errorCode;
    return { id: 'freb-forward-fail', data, ref: ref(field(event.fieldLines, 'ErrorCode') ?? event.line) };
  }
  if (event.name === ARR_ROUTED) {
    const data: Signal<'freb-arr-routed'>['data'] = {};
    // The field name of the chosen backend is not documented; take the one that names a server.
    const key = field(event.fields, 'Server') !== undefined ? 'Server' : Object.keys(event.fields).find((k) => /server/i.test(k));
    const server = key === undefined ? undefined : fieldOf(event, key);
    if (server) data.server = server;
    return { id: 'freb-arr-routed', data, ref: ref(key === undefined ? event.line : (field(event.fieldLines, key) ?? event.line)) };
  }
  return undefined;
}

function notificationOf(event: FrebEvent): string | undefined {
  const described = field(event.descriptions, 'Notification');
  if (described) return described;
  const raw = fieldOf(event, 'Notification');
  if (raw === undefined || raw === '') return undefined;
  const number = wholeNumber(raw);
  return number === undefined ? raw : (NOTIFICATIONS[number] ?? raw);
}

/**
 * An error code in one canonical spelling: HRESULTs as `0x80072EE2` (from decimal, signed decimal,
 * hex, or a rendered `text (0x80072ee2)`), small codes as written. Decoding is codes.ts's job.
 */
export function errorCodeOf(raw: string | undefined, description?: string): string | undefined {
  for (const candidate of [raw, description]) {
    const text = candidate?.trim();
    if (!text) continue;
    if (/^-?\d{1,10}$/.test(text)) {
      const value = Number(text);
      return value < 0 || value >= 0x80000000 ? hex(value) : text;
    }
    if (/^0x[0-9a-f]{1,8}$/i.test(text)) return hex(parseInt(text, 16));
    const inParens = /\((0x[0-9a-f]{1,8})\)\s*$/i.exec(text);
    if (inParens?.[1]) return hex(parseInt(inParens[1], 16));
  }
  return raw?.trim() || undefined;
}

function hex(value: number): string {
  const unsigned = value < 0 ? value + 0x100000000 : value;
  const digits = unsigned.toString(16).toUpperCase();
  return `0x${unsigned >= 0x80000000 ? digits.padStart(8, '0') : digits}`;
}

/**
 * When the trace has no timeTaken: from the start of forwarding to the failure. The start is
 * ANCM_REQUEST_FORWARD_START, else the last `MS-ASPNETCORE-*` request header ANCM set (it sets
 * them just before it forwards; older modules log no forward-start event).
 */
function elapsedMs(events: FrebEvent[]): number | undefined {
  const failAt = events.findIndex(
    (e) => e.name === FORWARD_FAIL || (e.name === MODULE_ERROR && (wholeNumber(fieldOf(e, 'HttpStatus')) ?? 0) >= 500),
  );
  const fail = events[failAt];
  if (!fail || fail.time === undefined) return undefined;
  const before = events.slice(0, failAt);
  const start =
    before.find((e) => e.name === FORWARD_START) ??
    before.filter((e) => e.name === 'GENERAL_SET_REQUEST_HEADER' && /^MS-ASPNETCORE-/i.test(fieldOf(e, 'HeaderName') ?? '')).pop();
  if (!start || start.time === undefined || Boolean(start.clock) !== Boolean(fail.clock)) return undefined;
  const day = 86_400_000;
  const elapsed = fail.clock ? (fail.time - start.time + day) % day : fail.time - start.time;
  return elapsed >= 0 ? elapsed : undefined;
}
