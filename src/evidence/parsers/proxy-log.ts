/**
 * Reads proxy and load balancer logs, line by line: nginx error.log upstream failures, nginx
 * (combined format) access lines, AWS ALB access log entries, and Azure Front Door / Application
 * Gateway access records (JSON lines).
 *
 * Failures become signals ('nginx-upstream', 'alb-log', 'front-door', 'app-gateway') and
 * StatusObservations with origin 'proxy-log'. A line that starts like one of these formats but
 * cannot be read is reported as a problem with its line number; other lines (prose, notices) are
 * skipped.
 */
import type { Problem, Segment, SegmentFacts, Signal, StatusObservation } from '../types';
import { lineProblem, lineRef } from './line-refs';
import { NGINX_ERROR_PREFIX, mentionsUpstream, readNginxError } from './nginx-error';
import { ACCESS_PREFIX, readAccessLine } from './nginx-access';
import { ALB_ROW, albTimeTakenMs, readAlbEntry, splitAlbFields } from './alb-fields';
import { isAzureAccessRecord, readAzureRecord } from './azure-log-json';

/** Fields up to error_reason (index 24); a wrapped entry is joined until it has them. */
const ALB_READ_FIELDS = 25;
/** A wrapped entry (as AWS documents them, one entry over several lines) spans at most this many lines. */
const ALB_MAX_WRAP = 8;

interface Out {
  segment: Segment;
  statuses: StatusObservation[];
  signals: Signal[];
  problems: Problem[];
}

/** Parses one proxy-log segment. Never throws. */
export function parseProxyLog(segment: Segment): SegmentFacts {
  const out: Out = { segment, statuses: [], signals: [], problems: [] };
  const lines = segment.lines;
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (line.length === 0) continue;
    if (ALB_ROW.test(line)) i = readAlb(out, i);
    else if (NGINX_ERROR_PREFIX.test(line) || mentionsUpstream(line)) readNginx(out, i, line);
    else if (isAzureAccessRecord(line)) readAzure(out, i, line);
    else if (ACCESS_PREFIX.test(line)) readAccess(out, i, line);
  }
  return { statuses: out.statuses, signals: out.signals, problems: out.problems };
}

function readNginx(out: Out, i: number, line: string): void {
  const failure = readNginxError(line);
  if (!failure) return; // a notice, a warning or a client-side error: not an upstream failure
  const ref = lineRef(out.segment, i);
  const status: StatusObservation = { status: failure.status, origin: 'proxy-log', ref };
  if (failure.url !== undefined) status.url = failure.url;
  out.statuses.push(status);
  if (failure.condition === undefined) return;
  const data: Signal<'nginx-upstream'>['data'] = { condition: failure.condition, status: failure.status };
  if (failure.upstream !== undefined) data.upstream = failure.upstream;
  out.signals.push({ id: 'nginx-upstream', data, ref });
}

function readAccess(out: Out, i: number, line: string): void {
  const access = readAccessLine(line);
  if (!access) {
    out.problems.push(lineProblem(out.segment, i, `Line ${out.segment.firstLine + i} starts like an access log line but its request, status or size could not be read.`));
    return;
  }
  if (access.status < 500) return;
  const status: StatusObservation = { status: access.status, origin: 'proxy-log', ref: lineRef(out.segment, i) };
  if (access.url !== undefined) status.url = access.url;
  if (access.timeTakenMs !== undefined) status.timeTakenMs = access.timeTakenMs;
  out.statuses.push(status);
}

/** Reads the ALB entry at line `i` (joining wrapped continuation lines); returns the last line used. */
function readAlb(out: Out, i: number): number {
  const lines = out.segment.lines;
  let text = (lines[i] ?? '').trim();
  let tokens = splitAlbFields(text);
  let last = i;
  while (tokens.fields.length < ALB_READ_FIELDS && last + 1 < lines.length && last - i < ALB_MAX_WRAP) {
    const next = (lines[last + 1] ?? '').trim();
    if (!isContinuation(next)) break;
    text = `${text} ${next}`;
    tokens = splitAlbFields(text);
    last += 1;
  }
  const lineNo = out.segment.firstLine + i;
  if (tokens.unterminated) out.problems.push(lineProblem(out.segment, i, `ALB log line ${lineNo}: a quoted field has no closing quote; fields after it were not read.`));
  const entry = readAlbEntry(tokens.fields);
  if ('error' in entry) {
    out.problems.push(lineProblem(out.segment, i, `ALB log line ${lineNo} could not be read: ${entry.error}.`));
    return last;
  }
  if (entry.elbStatus < 400) return last;
  const ref = lineRef(out.segment, i);
  const data: Signal<'alb-log'>['data'] = {
    elbStatus: entry.elbStatus,
    requestSeconds: entry.requestSeconds,
    targetSeconds: entry.targetSeconds,
    responseSeconds: entry.responseSeconds,
  };
  if (entry.targetStatus !== undefined) data.targetStatus = entry.targetStatus;
  if (entry.target !== undefined) data.target = entry.target;
  if (entry.errorReason !== undefined) data.errorReason = entry.errorReason;
  out.signals.push({ id: 'alb-log', data, ref });
  const status: StatusObservation = { status: entry.elbStatus, origin: 'proxy-log', ref };
  if (entry.url !== undefined) status.url = entry.url;
  const taken = albTimeTakenMs(entry);
  if (taken !== undefined) status.timeTakenMs = taken;
  out.statuses.push(status);
  return last;
}

/**
 * A line that carries on a wrapped ALB entry: it starts with what ALB fields start with (an
 * address or number, a quote, a dash, an ARN) and is not a record of its own.
 */
function isContinuation(line: string): boolean {
  if (line.length === 0 || ALB_ROW.test(line) || NGINX_ERROR_PREFIX.test(line) || ACCESS_PREFIX.test(line)) return false;
  const c = line.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 34 || c === 45 || line.startsWith('arn:') || line.startsWith('[');
}

function readAzure(out: Out, i: number, line: string): void {
  const record = readAzureRecord(line);
  if (!record || record.status === undefined) {
    out.problems.push(lineProblem(out.segment, i, `Line ${out.segment.firstLine + i} looks like an Azure access log record but has no readable HTTP status.`));
    return;
  }
  if (record.status < 500) return;
  const ref = lineRef(out.segment, i);
  const status: StatusObservation = { status: record.status, origin: 'proxy-log', ref };
  if (record.url !== undefined) status.url = record.url;
  if (record.timeTakenMs !== undefined) status.timeTakenMs = record.timeTakenMs;
  out.statuses.push(status);
  if (record.kind === 'front-door') {
    const data: Signal<'front-door'>['data'] = { status: record.status };
    if (record.errorInfo !== undefined) data.errorInfo = record.errorInfo;
    if (record.trackingReference !== undefined) data.ref = record.trackingReference;
    out.signals.push({ id: 'front-door', data, ref });
  } else {
    const data: Signal<'app-gateway'>['data'] = { status: record.status };
    if (record.errorInfo !== undefined) data.errorInfo = record.errorInfo;
    out.signals.push({ id: 'app-gateway', data, ref });
  }
}
