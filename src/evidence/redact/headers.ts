/**
 * HTTP headers that carry credentials, wherever they appear on a line (`curl -H "…"`, `> ` lines
 * of `curl -v`, a browser's copy of the request) and in FREB header events. The header name and
 * the auth scheme stay (`Authorization: Bearer [REDACTED]` tells what kind of auth failed);
 * cookies keep their names, so `ARRAffinity` and `.AspNetCore.Cookies` still read.
 */
import { isHarmless, trimSpan, type Edit } from './edits';
import { CREDENTIAL_HEADERS, isSecretName } from './names';

/** Headers whose value is always a secret. */
const SECRET_HEADERS = [
  ...CREDENTIAL_HEADERS,
  'X-Api-Key',
  'Api-Key',
  'Ocp-Apim-Subscription-Key',
  'MS-ASPNETCORE-TOKEN',
  'X-Functions-Key',
  'X-Auth-Token',
  'X-Amz-Security-Token',
];
const SECRET_HEADER = new RegExp(`(?<![A-Za-z0-9-])(${SECRET_HEADERS.join('|')}) ?: *`, 'gi');
/** A substring every secret header name contains, to skip that lookbehind pattern on most lines. */
const SECRET_HEADER_HINT = /authorization|cookie|api-key|subscription-key|aspnetcore-token|functions-key|auth-token|security-token/i;
/** FREB GENERAL_SET_REQUEST_HEADER data: `HeaderName="X", HeaderValue="..."`. */
const FREB_HEADER = /HeaderName="([^"]{1,100})", HeaderValue="([^"]{0,16384})"/g;
const FREB_NAME_DATA = /<Data Name="HeaderName">([^<]{1,100})<\/Data>/;
const FREB_VALUE_DATA = /<Data Name="HeaderValue">([^<]{0,16384})<\/Data>/;

/** Where the value of a header that starts at `from` ends: the closing quote if it was quoted, else the line. */
function headerValueEnd(line: string, nameStart: number, from: number): number {
  const before = line.charAt(nameStart - 1);
  if (before === '"' || before === "'") {
    const close = line.indexOf(before, from);
    return close < 0 ? line.length : close;
  }
  // Inside XML text (FREB), the value stops at the next tag.
  const tag = line.indexOf('<', from);
  return tag < 0 ? line.length : tag;
}

/** Masks the value part of each `name=value` pair in `[from, to)`, split on `;` (Cookie). One pass. */
function cookieEdits(line: string, from: number, to: number, firstOnly: boolean): Edit[] {
  const edits: Edit[] = [];
  let at = from;
  while (at < to) {
    let pairEnd = at;
    let eq = -1;
    while (pairEnd < to && line.charAt(pairEnd) !== ';') {
      if (eq < 0 && line.charAt(pairEnd) === '=') eq = pairEnd;
      pairEnd += 1;
    }
    if (eq >= 0) {
      const span = trimSpan(line, eq + 1, pairEnd);
      if (!isHarmless(line.slice(span.start, span.end))) edits.push(span);
    }
    if (firstOnly) break;
    at = pairEnd + 1;
  }
  return edits;
}

/** The spans to mask in the value `[from, to)` of the header `name`. */
function headerValueEdits(line: string, name: string, from: number, to: number): Edit[] {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return cookieEdits(line, from, to, false);
  if (lower === 'set-cookie') return cookieEdits(line, from, to, true);
  const span = trimSpan(line, from, to);
  if (isHarmless(line.slice(span.start, span.end))) return [];
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    // Keep the scheme (Bearer, Basic, Negotiate): it tells what kind of auth failed.
    const value = line.slice(span.start, span.end);
    const space = value.indexOf(' ');
    if (space > 0 && /^[A-Za-z][A-Za-z0-9-]*$/.test(value.slice(0, space))) {
      const rest = trimSpan(line, span.start + space + 1, span.end);
      return isHarmless(line.slice(rest.start, rest.end)) ? [] : [rest];
    }
  }
  return [span];
}

/** Secret headers anywhere on the line, and FREB header events written on one line. */
export function headerEdits(line: string): Edit[] {
  const edits: Edit[] = [];
  if (line.includes(':') && SECRET_HEADER_HINT.test(line)) {
    // A header named inside another header's value is part of that value: skipping it keeps this linear.
    let covered = -1;
    for (const m of line.matchAll(SECRET_HEADER)) {
      if (m.index < covered) continue;
      const from = m.index + m[0].length;
      covered = headerValueEnd(line, m.index, from);
      edits.push(...headerValueEdits(line, m[1] ?? '', from, covered));
    }
  }
  if (line.includes('HeaderValue="')) {
    for (const m of line.matchAll(FREB_HEADER)) {
      const name = m[1] ?? '';
      if (!isSecretName(name)) continue;
      const from = m.index + m[0].length - 1 - (m[2] ?? '').length;
      edits.push(...headerValueEdits(line, name, from, from + (m[2] ?? '').length));
    }
  }
  return edits;
}

/** FREB header events in XML, the name on one `<Data>` line and the value on the next. */
interface FrebResult {
  edits: Edit[];
  /** The last header name seen was a secret one: its value, when it comes, is masked. */
  pendingSecret: boolean;
}

export function frebDataEdits(line: string, pendingSecret: boolean): FrebResult {
  if (!line.includes('<Data Name="Header')) return { edits: [], pendingSecret };
  let pending = pendingSecret;
  const nameData = FREB_NAME_DATA.exec(line);
  if (nameData) {
    pending = isSecretName(nameData[1] ?? '');
    if (!line.includes('"HeaderValue"')) return { edits: [], pendingSecret: pending };
  }
  const valueData = pending ? FREB_VALUE_DATA.exec(line) : null;
  if (!valueData) return { edits: [], pendingSecret: pending };
  const from = valueData.index + '<Data Name="HeaderValue">'.length;
  const span = trimSpan(line, from, from + (valueData[1] ?? '').length);
  return { edits: isHarmless(line.slice(span.start, span.end)) ? [] : [span], pendingSecret: false };
}
