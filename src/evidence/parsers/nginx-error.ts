/**
 * nginx error.log lines about the upstream (kb-facts 6.4): which failure they report and the
 * status nginx answered with. nginx answers 504 when its own timer ran out (connect, send or
 * read timeout) and 502 for every other upstream failure.
 *
 * Matching is by fixed phrases (indexOf), never by a regex over the whole line.
 */
import type { SignalData } from '../types';

type NginxCondition = SignalData['nginx-upstream']['condition'];

interface NginxUpstreamFailure {
  /** Undefined for a failure nginx reports that has no condition of its own (e.g. no route to host). */
  condition?: NginxCondition;
  status: number;
  upstream?: string;
  /** The path from `request: "GET /api/orders HTTP/1.1"`. */
  url?: string;
}

/** `2026/11/20 10:15:01 [error] 1234#1234: ` */
export const NGINX_ERROR_PREFIX = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[[a-z]{1,8}\] /;

/** Whether a line (with or without its timestamp) is nginx talking about its upstream. */
export function mentionsUpstream(line: string): boolean {
  return line.includes(' upstream, client: ') || line.includes(', upstream: "') || line.includes('no live upstreams');
}

/** Reads an nginx error line; undefined when it is not an upstream failure. */
export function readNginxError(line: string): NginxUpstreamFailure | undefined {
  const clientAt = line.indexOf(', client: ');
  // The message ends where nginx's context fields begin; a request URL cannot fake a condition.
  const message = clientAt >= 0 ? line.slice(0, clientAt) : line;
  const classified = classify(message);
  if (classified === undefined) return undefined;
  const out: NginxUpstreamFailure = { ...classified };
  const upstream = quotedField(line, ', upstream: "');
  if (upstream !== undefined) out.upstream = upstream;
  const request = quotedField(line, ', request: "');
  if (request !== undefined) {
    const parts = request.split(' ');
    if (parts.length >= 2 && parts[1]) out.url = parts[1];
  }
  return out;
}

function classify(m: string): { condition?: NginxCondition; status: number } | undefined {
  if (m.includes('no live upstreams')) return { condition: 'no-live', status: 502 };
  if (m.includes('upstream sent too big header')) return { condition: 'header-too-big', status: 502 };
  if (m.includes('upstream sent invalid') || m.includes('upstream sent no valid')) return { condition: 'invalid-header', status: 502 };
  if (m.includes('upstream SSL certificate') || m.includes('while SSL handshaking to upstream')) return { condition: 'ssl-handshake', status: 502 };
  const connectFailed = m.includes('connect() failed (') || (m.includes('connect() to ') && m.includes(' failed ('));
  if (m.includes('upstream timed out') || (connectFailed && m.includes('(110: '))) {
    if (m.includes('while connecting to upstream')) return { condition: 'connect-timeout', status: 504 };
    if (m.includes('while sending request to upstream')) return { condition: 'send-timeout', status: 504 };
    return { condition: 'read-timeout', status: 504 };
  }
  if (m.includes('upstream prematurely closed')) return { condition: 'premature-close', status: 502 };
  // ECONNREFUSED, or ENOENT for a unix socket nobody listens on: the app is not accepting.
  if (connectFailed && (m.includes('(111: ') || m.includes('(2: '))) return { condition: 'refused', status: 502 };
  const resetOrPipe = m.includes('(104: Connection reset by peer)') || m.includes('(32: Broken pipe)');
  if (resetOrPipe && m.includes('upstream')) return { condition: 'reset', status: 502 };
  // Another connect() failure (no route to host, network unreachable): still a 502, no condition.
  if (connectFailed && m.includes('while connecting to upstream')) return { status: 502 };
  return undefined;
}

/** The value of `, name: "value"` in an nginx context list. */
function quotedField(line: string, marker: string): string | undefined {
  const at = line.indexOf(marker);
  if (at < 0) return undefined;
  const start = at + marker.length;
  const end = line.indexOf('"', start);
  return end < 0 ? undefined : line.slice(start, end);
}
