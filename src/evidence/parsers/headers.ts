/**
 * Reads response headers as people paste them: a raw response (`HTTP/1.1 502 Bad Gateway` then
 * `Name: value` lines), `curl -v` / `curl -i` output (`< ` response lines, `> ` request lines and
 * `* ` info lines), and browser DevTools copies (`Status Code: 502`, `name: value`, or a name line
 * followed by its value line). Each status line starts a new HeaderSet, so a redirect chain keeps
 * one set per hop.
 *
 * The headers that identify a layer (Server, CF-Ray, X-Azure-Ref, X-Powered-By) become signals;
 * the status line becomes a StatusObservation.
 */
import type { EvidenceRef, HeaderSet, Problem, Segment, SegmentFacts, Signal, StatusObservation } from '../types';
import { lineProblem, lineRef } from './line-refs';

const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: .*)?$/;
/** RFC 9110 token characters for the name; the value is the rest of the line. */
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}):[ ]*(.*)$/;
/** The "General" part of a Chrome or Edge DevTools copy. */
const DEVTOOLS_GENERAL = /^(Request URL|Request Method|Status Code|Remote Address|Referrer Policy):[ ]*(.*)$/;
const GENERAL_NAMES = new Set(['request url', 'request method', 'status code', 'remote address', 'referrer policy']);
const PSEUDO_STATUS = /^:status:?[ ]*(\d{3})\b/;
const CURL_REQUEST_LINE = /^[A-Z]{3,10} (\S+) HTTP\/[\d.]+$/;
const LEADING_STATUS = /^(\d{3})\b/;

interface Reader {
  segment: Segment;
  sets: HeaderSet[];
  statuses: StatusObservation[];
  signals: Signal[];
  problems: Problem[];
  current: HeaderSet | undefined;
  /** The request target of the response to come (curl `> GET /x`, DevTools `Request URL:`). */
  pendingUrl: string | undefined;
  /** A DevTools copy that puts a header's name and value on separate lines. */
  pendingName: string | undefined;
  pendingIndex: number;
  /** Inside DevTools "Request Headers": those are not the response's headers. */
  inRequestSection: boolean;
  /** The last `< ` line: `curl -iv` prints every response line twice, once with the prefix. */
  lastCurlLine: string | undefined;
}

/** Parses one headers segment. Never throws; lines it cannot use are skipped or reported. */
export function parseHeaders(segment: Segment): SegmentFacts {
  const r: Reader = {
    segment,
    sets: [],
    statuses: [],
    signals: [],
    problems: [],
    current: undefined,
    pendingUrl: undefined,
    pendingName: undefined,
    pendingIndex: -1,
    inRequestSection: false,
    lastCurlLine: undefined,
  };
  for (let i = 0; i < segment.lines.length; i += 1) readLine(r, i);
  finishBlock(r);
  return { headers: r.sets, statuses: r.statuses, signals: r.signals, problems: r.problems };
}

function readLine(r: Reader, i: number): void {
  let line = (r.segment.lines[i] ?? '').trim();
  if (line.length === 0) {
    r.pendingName = undefined;
    return;
  }
  // curl -v: `*` is curl's own commentary, `>` the request it sent, `{ [` / `} [` data markers.
  if (line === '*' || line.startsWith('* ') || line.startsWith('{ [') || line.startsWith('} [')) return;
  if (line === '>' || line.startsWith('> ')) {
    const request = CURL_REQUEST_LINE.exec(line.slice(2).trim());
    if (request) r.pendingUrl = request[1];
    return;
  }
  if (line === '<') return;
  if (line.startsWith('< ')) {
    line = line.slice(2).trim();
    r.lastCurlLine = line;
  } else {
    const echo = r.lastCurlLine === line;
    r.lastCurlLine = undefined;
    if (echo) return;
  }

  if (r.pendingName !== undefined) {
    const name = r.pendingName;
    r.pendingName = undefined;
    // A DevTools "General" value (`203.0.113.30:443`, a URL) may look like a header; take it as is.
    const general = GENERAL_NAMES.has(name) && !STATUS_LINE.test(line) && !DEVTOOLS_GENERAL.test(line);
    if (general || !startsNewHeader(line)) {
      applyNamedValue(r, name, line, i);
      return;
    }
  }

  const lower = line.toLowerCase();
  if (lower === 'general') return;
  if (lower.startsWith('request headers')) {
    r.inRequestSection = true;
    return;
  }
  if (lower.startsWith('response headers')) {
    r.inRequestSection = false;
    return;
  }

  const status = STATUS_LINE.exec(line);
  if (status) {
    startBlock(r);
    setStatus(r, Number(status[1]), i);
    return;
  }
  if (line.startsWith('HTTP/')) {
    r.problems.push(lineProblem(r.segment, i, `Line ${r.segment.firstLine + i} starts like an HTTP status line but has no three-digit status code.`));
    return;
  }

  const general = DEVTOOLS_GENERAL.exec(line);
  if (general) {
    const [, name = '', value = ''] = general;
    if (value === '') {
      r.pendingName = name.toLowerCase();
      r.pendingIndex = i;
      return;
    }
    applyNamedValue(r, name.toLowerCase(), value, i);
    return;
  }
  const pseudo = PSEUDO_STATUS.exec(line);
  if (pseudo) {
    applyStatusValue(r, Number(pseudo[1]), i);
    return;
  }
  if (r.inRequestSection) return;

  const header = HEADER_LINE.exec(line);
  if (!header) return; // a body line or prose around the headers: nothing to read
  const [, rawName = '', value = ''] = header;
  if (value === '' && nextLineIsValue(r, i)) {
    r.pendingName = rawName.toLowerCase();
    r.pendingIndex = i;
    return;
  }
  addHeader(r, rawName.toLowerCase(), value, i);
}

/** A DevTools name line's value, or a `Request URL:` / `Status Code:` with its value. */
function applyNamedValue(r: Reader, name: string, value: string, valueIndex: number): void {
  if (name === 'request url') {
    // DevTools lists General (URL, status) before the response headers of the same request.
    startBlock(r);
    r.pendingUrl = value;
    return;
  }
  if (name === 'status code') {
    const status = LEADING_STATUS.exec(value);
    if (status) applyStatusValue(r, Number(status[1]), valueIndex);
    return;
  }
  if (name === 'request method' || name === 'remote address' || name === 'referrer policy') return;
  if (r.inRequestSection) return;
  addHeader(r, name, value, r.pendingIndex >= 0 && r.pendingIndex < valueIndex ? r.pendingIndex : valueIndex);
}

/** A status from DevTools: it belongs to the open block unless that block already has one. */
function applyStatusValue(r: Reader, status: number, i: number): void {
  if (r.current === undefined || r.current.status !== undefined) startBlock(r);
  setStatus(r, status, i);
}

function setStatus(r: Reader, status: number, i: number): void {
  const block = ensureBlock(r);
  const ref = lineRef(r.segment, i);
  block.status = status;
  block.statusRef = ref;
  const observation: StatusObservation = { status, origin: 'headers', ref };
  if (r.pendingUrl !== undefined) observation.url = r.pendingUrl;
  r.pendingUrl = undefined;
  r.inRequestSection = false;
  r.statuses.push(observation);
}

function addHeader(r: Reader, name: string, value: string, i: number): void {
  const block = ensureBlock(r);
  const list = block.headers[name] ?? [];
  list.push({ value: value.trim(), ref: lineRef(r.segment, i) });
  block.headers[name] = list;
}

/** Whether a name line with an empty value is followed by its value (DevTools "name:" / "value"). */
function nextLineIsValue(r: Reader, i: number): boolean {
  const next = r.segment.lines[i + 1]?.trim();
  if (next === undefined || next.length === 0) return false;
  return !startsNewHeader(next);
}

/** A line that is itself a `name: value` header (a URL such as `https://x` is a value, not a header). */
function startsNewHeader(line: string): boolean {
  const text = line.startsWith('< ') ? line.slice(2).trim() : line;
  if (STATUS_LINE.test(text) || DEVTOOLS_GENERAL.test(text)) return true;
  const header = HEADER_LINE.exec(text);
  return header !== null && (header[2] ?? '') !== '' && !(header[2] ?? '').startsWith('//');
}

function ensureBlock(r: Reader): HeaderSet {
  if (r.current === undefined) r.current = { source: r.segment.source, headers: {} };
  return r.current;
}

function startBlock(r: Reader): void {
  finishBlock(r);
  r.current = { source: r.segment.source, headers: {} };
}

function finishBlock(r: Reader): void {
  const block = r.current;
  r.current = undefined;
  if (block === undefined) return;
  if (block.status === undefined && Object.keys(block.headers).length === 0) return;
  r.sets.push(block);
  r.signals.push(...layerSignals(block));
}

/** The layers a header block names: CDN, load balancer, proxy, web server. */
export function layerSignals(block: HeaderSet): Signal[] {
  const out: Signal[] = [];
  const status = block.status;
  const withStatus = status === undefined ? {} : { status };
  const servers = block.headers['server'] ?? [];
  const serverIs = (test: (v: string) => boolean): { value: string; ref: EvidenceRef } | undefined =>
    servers.find((s) => test(s.value.toLowerCase()));

  const cloudflareServer = serverIs((v) => v === 'cloudflare' || v.startsWith('cloudflare'));
  const ray = block.headers['cf-ray']?.[0];
  if (cloudflareServer || ray) {
    const ref = (cloudflareServer ?? ray)?.ref ?? block.statusRef;
    if (ref) out.push({ id: 'cloudflare', data: { ...withStatus, ...(ray ? { rayId: ray.value } : {}) }, ref });
  }
  const alb = serverIs((v) => v.startsWith('awselb'));
  if (alb) out.push({ id: 'aws-alb', data: { ...withStatus }, ref: alb.ref });
  const appGateway = serverIs((v) => v.startsWith('microsoft-azure-application-gateway'));
  if (appGateway) out.push({ id: 'app-gateway', data: { ...withStatus }, ref: appGateway.ref });
  const azureRef = block.headers['x-azure-ref']?.[0];
  if (azureRef) out.push({ id: 'front-door', data: { ...withStatus, ref: azureRef.value }, ref: azureRef.ref });
  const nginx = serverIs((v) => v === 'nginx' || v.startsWith('nginx/'));
  if (nginx) out.push({ id: 'nginx-server', data: { ...withStatus }, ref: nginx.ref });
  const iis = serverIs((v) => v.startsWith('microsoft-iis/'));
  if (iis) out.push({ id: 'iis-server', data: { version: iis.value.slice('microsoft-iis/'.length).trim() }, ref: iis.ref });
  const kestrel = serverIs((v) => v === 'kestrel');
  if (kestrel) out.push({ id: 'kestrel-server', data: {}, ref: kestrel.ref });
  for (const powered of block.headers['x-powered-by'] ?? []) {
    const arr = /(?:^|[\s,])ARR\/([\d.]+)/i.exec(powered.value);
    if (arr) {
      out.push({ id: 'arr-proxy', data: { version: arr[1] ?? '' }, ref: powered.ref });
      break;
    }
  }
  return out;
}
