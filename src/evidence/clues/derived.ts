/**
 * Clues worked out from other clues: a duration near a known gateway limit names that gateway
 * (120 s is ANCM's requestTimeout and ARR's proxy timeout, 100 s Cloudflare's and HttpClient's,
 * 60 s nginx's and the ALB's idle timeout, 30 s ARR's web farm and Front Door's, 230 s App
 * Service's). The arithmetic lives here, once; causes only weigh the resulting clue ids.
 *
 * A Cloudflare-branded page that shows 502 relays a 502 the origin itself returned (kb-facts 6.1:
 * Cloudflare's own failures to reach the origin carry codes 52x, or come unbranded).
 *
 * `ports-disagree`: the app says where it listens ("Now listening on:", ASPNETCORE_HTTP_PORTS /
 * ASPNETCORE_URLS) and something sends its traffic to another port (a refused connect to the
 * proxy's upstream, or the container routing: EXPOSE, -p, compose ports, targetPort). The .NET 8
 * images moved the default from 80 to 8080, so this is the commonest way a working app gets 502s.
 *
 * `hosting.scheme-port-swapped`: the app listens with plain HTTP on 443 or with HTTPS on 80.
 * `proxy.scheme-port-swapped`: a proxy sends its requests with plain HTTP to port 443, or with TLS
 * to port 80 (nginx's `upstream: "http://10.0.0.4:443/"`, YARP's "Proxying to https://api:80/").
 */
import type { ClueHit } from '../signatures/types';

/** Clues whose values are the URL a proxy sent the request to. */
export const PROXY_TARGET_CLUES: ReadonlySet<string> = new Set(['yarp.destination', 'nginx.ssl-handshake', 'nginx.premature-close', 'nginx.invalid-header', 'nginx.reset-by-peer', 'nginx.connect-refused']);

/** Known limits, in seconds, and the clue id a duration near one raises. */
const LIMITS: readonly { seconds: number; clue: string }[] = [
  // Envoy's default route timeout (Istio, Container Apps ingress).
  { seconds: 15, clue: 'duration.near-15s' },
  { seconds: 20, clue: 'duration.near-20s' },
  { seconds: 30, clue: 'duration.near-30s' },
  { seconds: 60, clue: 'duration.near-60s' },
  // Ocelot's default per-request timeout (MessageInvokerPool.DefaultRequestTimeoutSeconds).
  { seconds: 90, clue: 'duration.near-90s' },
  { seconds: 100, clue: 'duration.near-100s' },
  { seconds: 120, clue: 'duration.near-120s' },
  { seconds: 230, clue: 'duration.near-230s' },
];

/**
 * ANCM's requestTimeout and ARR's proxy timeout default to 120 s: a request that ran, or was
 * written to wait, clearly longer than that (a repro with `Task.Delay(TimeSpan.FromMinutes(5))`,
 * "the export takes 4 minutes") meets that limit first, unless someone raised it.
 */
const BEYOND_120S_MS = 130_000;

/** How close counts as "at the limit": a timeout fires a little after it, a log rounds. */
const TOLERANCE = 0.06;
/** From this long on, a failing request waited for something. */
const LONG_MS = 15_000;

export function derivedClues(clues: readonly ClueHit[]): ClueHit[] {
  const out: ClueHit[] = [];
  const seen = new Set<string>();
  const add = (clue: string, from: ClueHit): void => {
    if (seen.has(clue)) return;
    seen.add(clue);
    out.push({ clue, ref: from.ref, ...(from.value !== undefined ? { value: from.value } : {}) });
  };
  for (const c of clues) {
    if (c.clue === 'cloudflare.page' && c.value === '502') add('cloudflare.origin-502', c);
    if (c.clue === 'hosting.listening' && c.value !== undefined && schemeAgainstPort(c.value)) add('hosting.scheme-port-swapped', c);
    if (PROXY_TARGET_CLUES.has(c.clue) && c.value !== undefined && schemeAgainstPort(c.value)) add('proxy.scheme-port-swapped', c);
    if (c.clue !== 'duration' || c.value === undefined) continue;
    const ms = Number(c.value);
    if (!Number.isFinite(ms)) continue;
    if (ms >= LONG_MS) add('duration.long', c);
    if (ms >= BEYOND_120S_MS) add('duration.beyond-120s', c);
    for (const limit of LIMITS) {
      if (Math.abs(ms - limit.seconds * 1000) <= limit.seconds * 1000 * TOLERANCE) add(limit.clue, c);
    }
  }
  const ports = portsDisagree(clues);
  if (ports) out.push(ports);
  return out;
}

/** The scheme and port of a listening address, `http://0.0.0.0:443` or `https://[::]:80`; bounded, no backtracking. */
const SCHEME_AND_PORT = /^(https?):\/\/(?:\[[^\]\s]{1,60}\]|[^\s/:[\]]{1,255}):(\d{1,5})(?!\d)/i;

/**
 * An address with plain HTTP on 443, or with HTTPS on 80. An app listening so fails whoever speaks
 * the port's usual protocol to it; a proxy sending so fails on an app that speaks the usual one. Kestrel does this when an endpoint's UseHttps threw
 * and the exception was swallowed (the endpoint stays plain HTTP), or when URLs were mistyped.
 */
function schemeAgainstPort(address: string): boolean {
  const m = SCHEME_AND_PORT.exec(address.trim());
  if (!m) return false;
  const scheme = m[1]!.toLowerCase();
  return (scheme === 'http' && m[2] === '443') || (scheme === 'https' && m[2] === '80');
}

/**
 * Ports of services that are not the proxied web app (DNS, SMTP, SQL Server, MySQL, PostgreSQL,
 * RabbitMQ, Redis, Cassandra, Kafka, ZooKeeper, memcached, MongoDB): a refused connection there
 * says nothing about where the app listens.
 */
const NOT_THE_APP = new Set(['53', '25', '587', '1433', '3306', '5432', '5672', '6379', '9042', '9092', '2181', '11211', '27017']);

/** Lines whose container.port-mismatch value is where the app is told to listen, not where traffic is sent. */
const APP_SIDE = ['aspnetcore_http_ports', 'aspnetcore_urls', 'overriding http_ports'];

/**
 * The port of `http://[::]:8080/x`, `172.18.0.3:80`, `api:8080`, `[::1]:5000` or a bare `8080`.
 * Undefined when none is written (a default port is not evidence). Index scans only.
 */
export function portOf(address: string): string | undefined {
  let rest = address.trim();
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  for (const stop of ['/', '?', '#', ' ']) {
    const at = rest.indexOf(stop);
    if (at >= 0) rest = rest.slice(0, at);
  }
  let port: string;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return undefined;
    port = rest.slice(close + 2);
  } else {
    const colon = rest.lastIndexOf(':');
    port = colon < 0 ? rest : rest.slice(colon + 1);
  }
  return /^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536 ? port : undefined;
}

/** `ports-disagree` when the app's ports and the ports traffic is sent to have nothing in common. */
function portsDisagree(clues: readonly ClueHit[]): ClueHit | undefined {
  const app = new Set<string>();
  const refused: { port: string; hit: ClueHit }[] = [];
  const routed: { port: string; hit: ClueHit }[] = [];
  for (const c of clues) {
    const port = c.value === undefined ? undefined : portOf(c.value);
    if (port === undefined) continue;
    if (c.clue === 'hosting.listening') app.add(port);
    else if (c.clue === 'nginx.connect-refused' || c.clue === 'net.connection-refused') {
      if (!NOT_THE_APP.has(port)) refused.push({ port, hit: c });
    } else if (c.clue === 'container.port-mismatch') {
      const text = c.ref.text.toLowerCase();
      if (APP_SIDE.some((a) => text.includes(a))) app.add(port);
      else routed.push({ port, hit: c });
    }
  }
  if (app.size === 0) return undefined;
  // A refused connection is the proxy's own word; routing settings count when nothing was refused.
  const targets = refused.length > 0 ? refused : routed;
  const wrong = targets.find((t) => !app.has(t.port));
  if (!wrong) return undefined;
  const targeted = [...new Set(targets.map((t) => t.port))].join('/');
  return { clue: 'ports-disagree', ref: wrong.hit.ref, value: `listens ${[...app].join('/')}; targeted ${targeted}` };
}
