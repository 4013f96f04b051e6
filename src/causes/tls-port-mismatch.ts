/**
 * The proxy and the app disagree on the scheme of one port: TLS (https://) sent to a port where
 * Kestrel speaks plain HTTP, or plain HTTP (http://) sent to Kestrel's HTTPS port. Each side reads
 * the other's first bytes as garbage: the TLS client reports "wrong version number", "server gave
 * HTTP response to HTTPS client" or "Cannot determine the frame size"; Kestrel reports "Detected a
 * TLS handshake to an endpoint that does not have TLS enabled" or fails the HTTPS handshake; nginx
 * answers "The plain HTTP request was sent to HTTPS port". nginx's own upstream handshake lines stay
 * with nginx-upstream-tls, which tells the same story for nginx.
 */
import type { EvidenceRef } from '../evidence/types';
import { defineCause, type CauseFix } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { anyOf, clue, clueRefs, clueValues, linesSay, present } from './support/clue-query';
import { PROXY_TARGET_CLUES, portOf } from '../evidence/clues/derived';

type Direction = 'tls-to-http' | 'http-to-tls';

/** Wordings that can only come from TLS meeting a plain-HTTP port (the frame-size text fits both ways). */
const TLS_TO_HTTP = ['wrong version number', 'wrong_version_number', 'unknown protocol', 'server gave http response', 'first record does not look like', 'detected a tls handshake', '\\x16\\x03'];
/** Kestrel's own view, which names its endpoint rather than a client's guess. */
const KESTREL_SIDE = ['detected a tls handshake', '\\x16\\x03', 'failed to authenticate https connection'];
const TARGET_CLUES = [...PROXY_TARGET_CLUES];
const GATEWAYS: readonly (readonly [string, readonly string[]])[] = [
  ['YARP', ['yarp.forwarder-error', 'yarp.destination']],
  ['Ocelot', ['ocelot.downstream-error']],
  ['Envoy', ['envoy.upstream-failure']],
  ['Traefik', ['traefik.bad-gateway']],
  ['nginx', ['nginx.ssl-handshake', 'nginx.page']],
];
/** Failures that fit a scheme mismatch when the URLs show one, though they name no TLS problem themselves. */
const WEAK_FAILURES = ['tls.connection-failed', 'tls.remote-closed', 'http.response-ended', 'nginx.premature-close', 'nginx.invalid-header', 'kestrel.https-handshake-failed'];

/** Whether a URL's scheme speaks TLS: grpcs:// and wss:// do, grpc:// and ws:// do not. */
const TLS_SCHEMES: Record<string, string> = { http: 'http', ws: 'http', grpc: 'http', https: 'https', wss: 'https', grpcs: 'https' };
const scheme = (url: string): string | undefined => {
  const at = url.indexOf('://');
  return at < 0 ? undefined : TLS_SCHEMES[url.slice(0, at).toLowerCase()];
};

/** A target URL and a listening URL on the same port with different schemes: the mismatch, seen in the URLs. */
function schemePair(listening: readonly string[], targets: readonly string[]): { listen: string; target: string } | undefined {
  for (const target of targets) {
    const port = portOf(target);
    const s = scheme(target);
    if (!port || !s) continue;
    const listen = listening.find((l) => portOf(l) === port && scheme(l) !== undefined && scheme(l) !== s);
    if (listen) return { listen, target };
  }
  return undefined;
}

interface TlsPortMismatchFacts {
  /** Which way round: TLS sent to a plain-HTTP port, or plain HTTP sent to a TLS port. */
  direction: Direction;
  /** The proxy the evidence names (one of GATEWAYS). */
  gateway?: string;
  /** The app's "Now listening on:" address and the proxy's target for the same port, with their schemes disagreeing, and that port. */
  listen?: string;
  target?: string;
  port?: string;
  /** Kestrel itself logged the mismatch. */
  kestrelSide: boolean;
  /** Only nginx's upstream handshake shows it (nginx-upstream-tls's case). */
  onlyNginx: boolean;
}

export default defineCause<TlsPortMismatchFacts>({
  id: 'tls-port-mismatch',
  title: 'The proxy and the app disagree on http and https for one port',
  family: 'tls-handshake',
  layer: 'reverse-proxy',
  clues: {
    // The wordings that say "the other protocol answered", which a cipher or certificate failure never gives.
    'tls.port-scheme-mismatch': 'strong',
    'tls.plain-http-to-tls': 'strong',
    // The app itself says it serves plain HTTP on 443 (or HTTPS on 80): clients and proxies that
    // trust the port's usual protocol fail on the first bytes.
    'hosting.scheme-port-swapped': 'strong',
    // The proxy's own log shows it sending plain HTTP to 443 (or TLS to 80): an app on 443 speaks TLS.
    'proxy.scheme-port-swapped': 'strong',
    // kestrel.https-handshake-failed alone is mostly a browser refusing a dev certificate: match() uses it for direction only.
  },
  description:
    'The proxy spoke TLS to a port where the app answers plain HTTP (https:// to an http:// endpoint), or plain HTTP to the app\'s HTTPS port. The handshake fails on the first bytes and no request reaches the app.',
  match(evidence) {
    const mismatch = clue(evidence, 'tls.port-scheme-mismatch')?.refs ?? [];
    const plain = clue(evidence, 'tls.plain-http-to-tls')?.refs ?? [];
    const listening = clueValues(evidence, ['hosting.listening']);
    const targets = clueValues(evidence, TARGET_CLUES);
    const pair = schemePair(listening, targets);
    const weak = present(evidence, WEAK_FAILURES);
    // Without the app's side, the proxy's target alone can show it: plain HTTP to 443, TLS to 80.
    const swapped = clueValues(evidence, ['proxy.scheme-port-swapped'])[0];
    const target = pair?.target ?? swapped;
    if (mismatch.length === 0 && plain.length === 0 && !((pair || swapped) && weak.length > 0)) return undefined;

    const kestrelSide = linesSay([...mismatch, ...clueRefs(evidence, ['kestrel.https-handshake-failed'])], KESTREL_SIDE);
    let direction: Direction;
    if (plain.length > 0) direction = 'http-to-tls';
    else if (linesSay(mismatch, TLS_TO_HTTP)) direction = 'tls-to-http';
    // "Cannot determine the frame size" alone: Kestrel's HTTPS endpoint logs it when plain HTTP arrives.
    else if (mismatch.length > 0) direction = anyOf(evidence, ['kestrel.https-handshake-failed']) ? 'http-to-tls' : 'tls-to-http';
    else direction = target !== undefined && scheme(target) === 'https' ? 'tls-to-http' : 'http-to-tls';

    // nginx's own "wrong version number" while handshaking to its upstream is nginx-upstream-tls's case.
    const onlyNginx = mismatch.length > 0 && plain.length === 0 && mismatch.every((r) => r.text.toLowerCase().includes('while ssl handshaking to upstream'));
    const gateway = GATEWAYS.find(([, ids]) => anyOf(evidence, ids))?.[0];
    let confidence: number;
    // A hint only: nginx-upstream-tls reads the same line with nginx's own remedies.
    if (onlyNginx) confidence = pair ? CONFIDENCE.likely - 0.1 : CONFIDENCE.possible;
    // The same port named https:// by the proxy and http:// by the app (or the reverse), and a TLS failure between them.
    else if (mismatch.length === 0 && plain.length === 0) confidence = CONFIDENCE.likely + 0.1;
    else confidence = boosted(kestrelSide ? CONFIDENCE.strong : CONFIDENCE.likely + 0.15, pair ? 0.1 : 0, gateway ? 0.05 : 0);

    const refs: EvidenceRef[] = [...plain, ...mismatch, ...clueRefs(evidence, ['hosting.listening', 'yarp.destination', 'proxy.scheme-port-swapped', 'kestrel.https-handshake-failed'])];
    return {
      confidence,
      evidence: refs.slice(0, 8),
      facts: {
        direction,
        gateway,
        listen: pair?.listen,
        target,
        port: target !== undefined ? portOf(target) : undefined,
        kestrelSide,
        onlyNginx,
      },
    };
  },
  steps({ facts }) {
    const direction = facts.direction ?? 'tls-to-http';
    const who = facts.gateway ?? 'The proxy';
    const urls = facts.target !== undefined && facts.listen !== undefined ? ` It sends to ${facts.target}, while the app says "Now listening on: ${facts.listen}".` : '';
    const steps: string[] = [];
    if (direction === 'tls-to-http') {
      steps.push(
        `${who} spoke TLS (https://) to a port where the app answers plain HTTP.${urls} The app answered the TLS ClientHello with an HTTP error (or closed), and the TLS client read those bytes as a broken record: "wrong version number", "server gave HTTP response to HTTPS client", "Cannot determine the frame size".`,
      );
    } else {
      steps.push(
        `${who} sent plain HTTP (http://) to a port that expects TLS.${urls} The server there waited for a TLS ClientHello and got "GET / HTTP/1.1" instead: Kestrel logs "Failed to authenticate HTTPS connection", nginx answers "400 The plain HTTP request was sent to HTTPS port".`,
      );
    }
    if (facts.kestrelSide === true) steps.push('Kestrel itself logged the mismatch (the Kestrel.BadRequests or HttpsConnectionMiddleware category, at Debug level): it names the endpoint that got the wrong protocol, so compare that endpoint with what the proxy is configured to send.');
    steps.push(
      'Read the scheme of each port where the app starts: the "Now listening on:" lines (http://[::]:8080 is plain HTTP, https://[::]:8081 is TLS). In .NET 8+ containers ASPNETCORE_HTTP_PORTS (default 8080) is plain HTTP; HTTPS needs ASPNETCORE_HTTPS_PORTS and a certificate.',
      'From the proxy\'s host or container, ask the port both ways: `curl -v http://<app>:<port>/` and `curl -vk https://<app>:<port>/`. The one that returns an HTTP status is the port\'s protocol; the other fails the way the proxy does.',
      'Then fix the scheme where the proxy names the backend: YARP cluster Destinations Address, Ocelot DownstreamScheme, nginx proxy_pass (or the ingress-nginx backend-protocol annotation), Traefik\'s server url or serversscheme label, a Kubernetes probe\'s scheme.',
    );
    if (facts.onlyNginx === true) steps.push('nginx logged it while handshaking to its upstream: nginx-upstream-tls has the nginx-specific steps (proxy_pass scheme, proxy_ssl_* directives).');
    return steps;
  },
  fix({ facts }): CauseFix {
    const port = facts.port ?? '8080';
    if (facts.direction === 'http-to-tls') {
      return {
        summary: 'Send https:// to the app\'s TLS port (and trust its certificate), or send http:// to a plain-HTTP port the app listens on; never plain HTTP to a TLS endpoint.',
        language: 'json',
        snippet: [
          '// ocelot.json: the downstream scheme must be the scheme of the downstream port',
          '{',
          '  "DownstreamScheme": "https",',
          `  "DownstreamHostAndPorts": [ { "Host": "orders-api", "Port": ${port === '8080' ? '8443' : port} } ]`,
          '}',
        ].join('\n'),
      };
    }
    return {
      summary: 'Send http:// to the app\'s plain-HTTP port and let the proxy terminate TLS, or configure an HTTPS endpoint in Kestrel if the hop must be encrypted.',
      language: 'json',
      snippet: [
        '// appsettings.json of a YARP gateway: the destination scheme must be the scheme of the destination port',
        '"Clusters": {',
        '  "orders": {',
        '    "Destinations": {',
        `      "orders-1": { "Address": "http://orders-api:${port}/" }`,
        '    }',
        '  }',
        '}',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints',
    'https://learn.microsoft.com/dotnet/core/compatibility/containers/8.0/aspnet-port',
    'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer',
  ],
});
