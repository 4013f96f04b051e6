/**
 * nginx (and Apache) access log lines in the combined format, optionally followed by timing:
 * `rt=0.123 urt="60.001"` key-value pairs, `request_time=` / `upstream_response_time=`, or the
 * ingress-nginx layout (`... "ua" 234 60.004 [default-app-80] ...`).
 */

/** `203.0.113.5 - - [20/Nov/2026:10:15:01 +0000] "GET /api HTTP/1.1" 502 157` */
// Each quantifier is bounded and every alternative starts on a different character: linear.
const COMBINED = /^(\S{1,255}) \S{1,255} \S{1,255} \[([^\]]{1,40})\] "((?:[^"\\]|\\.){0,8192})" (\d{3}) (\d{1,15}|-)/;
/** Enough of the prefix to say "this is meant to be an access log line". */
export const ACCESS_PREFIX = /^\S{1,255} \S{1,255} \S{1,255} \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "/;
const INGRESS_TIMING = /^ "(?:[^"\\]|\\.){0,8192}" "(?:[^"\\]|\\.){0,8192}" \d{1,12} (\d{1,9}(?:\.\d{1,6})?) \[/;

interface AccessLine {
  status: number;
  url?: string;
  /** The request time, else the upstream response time, in milliseconds. */
  timeTakenMs?: number;
}

/** Reads a combined-format line; undefined when it does not fit the format. */
export function readAccessLine(line: string): AccessLine | undefined {
  const m = COMBINED.exec(line);
  if (!m) return undefined;
  const out: AccessLine = { status: Number(m[4]) };
  const request = (m[3] ?? '').split(' ');
  if (request.length >= 2 && request[1]) out.url = request[1];
  const time = timing(line.slice(m[0].length));
  if (time !== undefined) out.timeTakenMs = time;
  return out;
}

function timing(rest: string): number | undefined {
  const request = numberAfter(rest, 'request_time=') ?? numberAfter(rest, 'rt=');
  if (request !== undefined) return request;
  const upstream = upstreamTime(rest, 'upstream_response_time=') ?? upstreamTime(rest, 'urt=');
  if (upstream !== undefined) return upstream;
  const ingress = INGRESS_TIMING.exec(rest);
  return ingress ? seconds(ingress[1]) : undefined;
}

/** `key=1.234` or `key="1.234"` preceded by a space, in milliseconds. */
function numberAfter(rest: string, key: string): number | undefined {
  const value = valueAfter(rest, key);
  return value === undefined ? undefined : seconds(value);
}

/**
 * `$upstream_response_time` lists one time per upstream tried (`0.001, 60.002`, or `- : 0.5`
 * across upstream groups); the time spent upstream is their sum.
 */
function upstreamTime(rest: string, key: string): number | undefined {
  const value = valueAfter(rest, key, true);
  if (value === undefined) return undefined;
  let total = 0;
  let any = false;
  for (const part of value.split(/[,:]/)) {
    const ms = seconds(part.trim());
    if (ms === undefined) continue;
    total += ms;
    any = true;
  }
  return any ? Math.round(total) : undefined;
}

/**
 * The value of ` key=value` or ` key="value"`. An unquoted list (`0.001, 0.002`) holds spaces, so
 * with `list` the value runs on over digits, dots, commas, colons, dashes and spaces.
 */
function valueAfter(rest: string, key: string, list = false): string | undefined {
  let at = rest.indexOf(` ${key}`);
  if (at < 0) return undefined;
  at += key.length + 1;
  if (rest[at] === '"') {
    const end = rest.indexOf('"', at + 1);
    return end < 0 ? undefined : rest.slice(at + 1, end);
  }
  let end = at;
  while (end < rest.length && (list ? LIST_CHARS.includes(rest[end] ?? 'x') : rest[end] !== ' ')) end += 1;
  return rest.slice(at, end).trim();
}

const LIST_CHARS = '0123456789.,:- ';

/** `60.001` seconds as milliseconds; undefined for `-` or anything that is not a number. */
function seconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}(?:\.\d{1,6})?$/.test(text)) return undefined;
  return Math.round(Number(text) * 1000);
}
