/**
 * Signatures of Traefik. See types.ts for what a signature is and how it is matched.
 *
 * Traefik's proxy error handler (pkg/proxy/httputil/proxy.go) answers 502 for network errors and
 * EOF, 504 for timeouts, 500 for TLS verification errors, writes the bare status text as the body
 * ("Bad Gateway", 11 bytes) and logs `'502 Bad Gateway' caused by: <error>` (v2) or
 * `502 Bad Gateway error="<error>"` (v3, with the caller proxy.go). Dial and x509 errors are Go's
 * own texts, so they count as Traefik's only when Traefik is named; the TLS wording itself is left
 * to the tls signatures.
 */
import type { Signature } from './types';

const PROXY_GO = 'traefik/traefik pkg/proxy/httputil/proxy.go (ErrorHandlerWithContext, ComputeStatusCode)';
const ACCESS_DOC = 'traefik/traefik docs/content/observability/access-logs.md (CLF: … "<router>" "<server URL>" <duration>ms)';

/** The status Traefik answered with. */
const STATUS = /\b(50[0234])\b/;
/** The router providers that suffix router names in the access log (`shop@docker`). */
const ROUTER = ['@docker', '@file', '@kubernetescrd', '@kubernetes', '@consulcatalog', '@ecs', '@swarm', '@nomad', '@http', '@internal'];

const V2 = (msg: string) => `time="2026-11-20T10:15:02Z" level=debug msg="${msg}"`;
const V3 = (level: string, rest: string) => `2026-11-20T10:15:02Z ${level} github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:113 > ${rest}`;
const CLF = (status: number, size: number) =>
  `10.0.0.7 - - [20/Nov/2026:10:15:02 +0000] "GET /api/orders HTTP/1.1" ${status} ${size} "-" "Mozilla/5.0" 4211 "shop@docker" "http://172.18.0.5:8080" 3ms`;

export const SIGNATURES: readonly Signature[] = [
  {
    clue: 'traefik.bad-gateway',
    all: ["bad gateway' caused by"],
    value: STATUS,
    source: `${PROXY_GO} (v2: "'%d %s' caused by: %v")`,
    examples: { match: [V2("'502 Bad Gateway' caused by: dial tcp 172.18.0.5:8080: connect: connection refused"), V2("'502 Bad Gateway' caused by: EOF")] },
  },
  {
    clue: 'traefik.bad-gateway',
    all: ["gateway timeout' caused by"],
    value: STATUS,
    source: `${PROXY_GO} (v2, a timeout → 504)`,
    examples: { match: [V2("'504 Gateway Timeout' caused by: net/http: timeout awaiting response headers")] },
  },
  {
    clue: 'traefik.bad-gateway',
    all: ['httputil/proxy.go'],
    any: ['bad gateway', 'gateway timeout', 'error="dial tcp', 'x509:', 'tls:', 'eof"'],
    value: STATUS,
    source: `${PROXY_GO} (v3: zerolog "%d %s" with error=, caller proxy.go)`,
    examples: {
      match: [
        V3('DBG', '502 Bad Gateway error="dial tcp 172.18.0.5:8080: connect: connection refused"'),
        V3('ERR', '500 Internal Server Error error="tls: failed to verify certificate: x509: certificate signed by unknown authority"'),
        V3('DBG', '504 Gateway Timeout error="net/http: timeout awaiting response headers"'),
      ],
      noMatch: [V3('DBG', '499 Client Closed Request error="context canceled"')],
    },
  },
  {
    clue: 'traefik.bad-gateway',
    all: ['traefik'],
    any: ['502 bad gateway', 'bad gateway error=', '504 gateway timeout'],
    value: STATUS,
    source: PROXY_GO,
    examples: { match: ['Traefik answers 502 Bad Gateway for the shop service since the compose update'], noMatch: ['Traefik dashboard shows the shop router as enabled'] },
  },
  {
    clue: 'traefik.bad-gateway',
    all: ['traefik', 'error while proxying'],
    value: STATUS,
    source: `${PROXY_GO}; traefik/traefik pkg/proxy (error logs while proxying)`,
    examples: { match: ['traefik | error while proxying to http://172.18.0.5:8080: EOF'] },
  },
  {
    // Go's dial errors when Traefik is named (docker compose prefixes lines with the service name)
    clue: 'traefik.bad-gateway',
    all: ['traefik', 'dial tcp'],
    any: ['connection refused', 'no such host', 'i/o timeout', 'no route to host', 'connection reset by peer'],
    value: /(dial tcp [^\s:]{1,100}:\d{1,5}: [a-z/: ]{3,60})/i,
    source: 'golang/go src/net (dial errors) as Traefik logs them, pkg/proxy/httputil/proxy.go',
    examples: {
      match: ['traefik-1  | 2026-11-20T10:15:02Z DBG > error="dial tcp 172.18.0.5:8080: connect: connection refused"', 'traefik logs: dial tcp: lookup shop-api on 127.0.0.11:53: no such host'],
      noMatch: ['dial tcp 172.18.0.5:8080: connect: connection refused'],
    },
  },
  {
    // The backend's certificate: Traefik only raises its own clue; the tls signatures read the x509 text
    clue: 'traefik.bad-gateway',
    all: ['traefik', 'x509:'],
    value: STATUS,
    source: `${PROXY_GO} (isTLSConfigError: certificate verification errors logged at error level)`,
    examples: { match: ['traefik  | 2026-11-20T10:15:02Z ERR 500 Internal Server Error error="tls: failed to verify certificate: x509: certificate is valid for localhost, not shop-api"'] },
  },
  {
    clue: 'traefik.bad-gateway',
    all: ['traefik', 'no available server'],
    value: STATUS,
    source: 'traefik/traefik pkg/server/service/loadbalancer/wrr (errNoAvailableServer → 503)',
    examples: { match: ['traefik | 2026-11-20T10:15:02Z DBG > Service Unavailable error="no available server"'] },
  },
  {
    // The access log: the 502 body is "Bad Gateway" (11 bytes), the 504 body "Gateway Timeout" (15)
    clue: 'traefik.bad-gateway',
    all: ['" 502 11 "'],
    any: ROUTER,
    value: STATUS,
    source: ACCESS_DOC,
    examples: { match: [CLF(502, 11)], noMatch: [CLF(200, 5120), CLF(502, 157)] },
  },
  {
    clue: 'traefik.bad-gateway',
    all: ['" 504 15 "'],
    any: ROUTER,
    value: STATUS,
    source: ACCESS_DOC,
    examples: { match: [CLF(504, 15)], noMatch: [CLF(200, 5120)] },
  },
];
