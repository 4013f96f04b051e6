/**
 * Where IIS forwards requests when it acts as a reverse proxy: the host of a URL Rewrite
 * `<action type="Rewrite" url="http://...">`, the `<server address="...">` of an ARR web farm
 * (both read from pasted configuration lines), and the server a FREB trace says ARR routed to.
 * Pure and linear: one indexOf scan per configuration line, no regex over the line.
 */
import type { Evidence, EvidenceRef } from '../../evidence/types';
import { signals } from '../query';
import { configLineRef } from '../../evidence/config-facts';

/** One place requests are forwarded to. */
export interface ProxyTarget {
  /** The host name as written (`app01`, `backend.contoso.local`), or the raw `{HTTP_HOST}` for a server variable. */
  host: string;
  /** Where it was found: a rewrite rule's action, a web farm member, or FREB's ARR_SERVER_ROUTED. */
  kind: 'rewrite' | 'farm' | 'routed';
  /** The rewrite rule's whole action url (for `rewrite`), else the host. */
  url: string;
  /** True when the host comes from a server variable or back-reference (`{HTTP_HOST}`, `{C:1}`), so it changes per request. */
  dynamic: boolean;
  ref: EvidenceRef;
}

/** True for names that never go to DNS: IP literals and localhost. A 12007 cannot come from them. */
export function needsNoLookup(host: string): boolean {
  if (host.startsWith('[')) return true;
  if (host.toLowerCase() === 'localhost') return true;
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The value of ` name="..."` (or single quotes) at or after `from`, or undefined. */
function attribute(line: string, lower: string, name: string, from = 0): string | undefined {
  const at = lower.indexOf(` ${name}=`, from);
  if (at < 0) return undefined;
  const quoteAt = at + name.length + 2;
  const quote = line[quoteAt];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = line.indexOf(quote, quoteAt + 1);
  return end < 0 ? undefined : line.slice(quoteAt + 1, end);
}

/** `http://app01:5000/{R:1}` → `app01`; `https://{HTTP_HOST}/x` → `{HTTP_HOST}`; not an absolute http(s) URL → undefined. */
export function hostOfUrl(url: string): string | undefined {
  const lower = url.toLowerCase();
  const scheme = lower.startsWith('http://') ? 7 : lower.startsWith('https://') ? 8 : -1;
  if (scheme < 0) return undefined;
  let end = url.length;
  for (const stop of ['/', '?', '#']) {
    const i = url.indexOf(stop, scheme);
    if (i >= 0 && i < end) end = i;
  }
  const authority = url.slice(scheme, end);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return close < 0 ? hostPort : hostPort.slice(0, close + 1);
  }
  // A server variable may hold a colon itself ({C:1}); only strip a port after the closing brace.
  const colon = hostPort.lastIndexOf(':');
  const brace = hostPort.lastIndexOf('}');
  const host = colon > brace ? hostPort.slice(0, colon) : hostPort;
  return host.length > 0 ? host : undefined;
}

/** Forwarding targets from pasted web.config / applicationHost.config lines and FREB ARR routing events, in input order. */
export function proxyTargets(evidence: Evidence): ProxyTarget[] {
  const out: ProxyTarget[] = [];
  for (const config of evidence.webConfigs) {
    config.lines.forEach((line, index) => {
      const lower = line.toLowerCase();
      const lineNo = config.firstLine + index;
      const action = lower.indexOf('<action');
      if (action >= 0 && (lower.includes('type="rewrite"', action) || lower.includes("type='rewrite'", action))) {
        const url = attribute(line, lower, 'url', action);
        const host = url === undefined ? undefined : hostOfUrl(url);
        if (url !== undefined && host !== undefined) {
          out.push({ host, kind: 'rewrite', url, dynamic: host.includes('{'), ref: configLineRef(config, lineNo) });
        }
      }
      const server = lower.indexOf('<server');
      if (server >= 0) {
        const address = attribute(line, lower, 'address', server);
        if (address !== undefined && address.length > 0) {
          out.push({ host: address, kind: 'farm', url: address, dynamic: address.includes('{'), ref: configLineRef(config, lineNo) });
        }
      }
    });
  }
  for (const s of signals(evidence, 'freb-arr-routed')) {
    if (s.data.server) out.push({ host: s.data.server, kind: 'routed', url: s.data.server, dynamic: false, ref: s.ref });
  }
  return out;
}
