/**
 * The proxy and the backend disagree on the HTTP version. Over cleartext there is no ALPN to
 * agree on one, so each side has to be told: an HTTP/1.1 proxy (nginx proxy_pass, a YARP cluster
 * left to fall back) reaching a Kestrel endpoint configured "Http2" only (gRPC services) gets a 400
 * "An HTTP/1.x request was sent to an HTTP/2 only endpoint"; an HTTP/2-with-prior-knowledge proxy
 * (grpc_pass, YARP Version 2 + RequestVersionExact) reaching an HTTP/1.x endpoint gets GOAWAY
 * HTTP_1_1_REQUIRED or garbage ("upstream sent too large http2 frame: 4740180", the bytes "HTT").
 * A Windows-authentication backend (IIS, HTTP.sys) resets HTTP/2 streams with HTTP_1_1_REQUIRED
 * because NTLM and Negotiate need one connection per client, which HTTP/2 multiplexing breaks.
 */
import type { EvidenceRef } from '../evidence/types';
import { defineCause, type CauseFix } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { anyOf, clue, clueRefs, clueValues, linesSay } from './support/clue-query';

type Kind = 'http1-to-h2-only' | 'h2-to-http1' | 'http11-required';

/** Kestrel and client wordings of each direction (kestrel.http2-only covers both; the text says which). */
const HTTP1_TO_H2 = ['http/1.x request was sent to an http/2 only', 'expected http/2 but received', 'invalid http/2 connection preface', 'was not negotiated on an http/2-only endpoint', 'downgraded to http/1.1'];
const H2_TO_HTTP1 = ["unrecognized http version: 'http/2", 'expected http/1.1 but received http/2', 'did not complete the http/2 handshake', 'unable to establish http/2 connection'];

const GATEWAYS: readonly (readonly [string, readonly string[]])[] = [
  ['YARP', ['yarp.forwarder-error', 'yarp.destination', 'yarp.timeout']],
  ['nginx', ['nginx.upstream-not-http2', 'nginx.premature-close', 'nginx.page']],
  ['Envoy', ['envoy.upstream-failure']],
  ['HAProxy', ['haproxy.server-error']],
  ['Traefik', ['traefik.bad-gateway']],
];

interface HttpVersionMismatchFacts {
  /** Which side refused which HTTP version. */
  kind: Kind;
  /** The proxy the evidence names (one of GATEWAYS, or YARP from its cluster config). */
  gateway?: string;
  /** The traffic is gRPC, which needs HTTP/2 end to end. */
  grpc: boolean;
  /** Kestrel warned that HTTP/2 is not enabled on a cleartext Http1AndHttp2 endpoint. */
  h2cOff: boolean;
}

export default defineCause<HttpVersionMismatchFacts>({
  id: 'http-version-mismatch',
  title: 'The proxy and the backend disagree on HTTP/1.1 and HTTP/2',
  family: 'proxy-origin',
  layer: 'reverse-proxy',
  clues: {
    'kestrel.http2-only': 'strong',
    'nginx.upstream-not-http2': 'strong',
    'narrative.http2-words': 'supports',
    // kestrel.h2c-disabled, http.h2-protocol-error and http.version-exact only count together, in match().
  },
  description:
    'The proxy spoke one HTTP version and the backend endpoint only accepts the other: HTTP/1.1 to an HTTP/2-only (gRPC) Kestrel endpoint, HTTP/2 with prior knowledge to an HTTP/1.1 endpoint, or HTTP/2 to a Windows-authentication backend that requires HTTP/1.1.',
  match(evidence) {
    const kestrel = clue(evidence, 'kestrel.http2-only')?.refs ?? [];
    const nginx = clue(evidence, 'nginx.upstream-not-http2')?.refs ?? [];
    const protocolError = clue(evidence, 'http.h2-protocol-error')?.refs ?? [];
    const pinned = anyOf(evidence, ['http.version-exact']);
    const h2cOff = anyOf(evidence, ['kestrel.h2c-disabled']);
    // grpc_pass (grpc://) whose upstream closed before answering: a backend that did not speak h2c.
    const grpcClosed = clueValues(evidence, ['nginx.premature-close', 'nginx.reset-by-peer']).some((u) => u.toLowerCase().startsWith('grpc://'));

    let kind: Kind | undefined;
    let confidence = 0;
    if (nginx.length > 0 || linesSay(kestrel, H2_TO_HTTP1)) {
      kind = 'h2-to-http1';
      confidence = CONFIDENCE.strong;
    } else if (linesSay(kestrel, HTTP1_TO_H2)) {
      kind = 'http1-to-h2-only';
      confidence = CONFIDENCE.strong;
    } else if (linesSay(kestrel, ['http_1_1_required'])) {
      kind = h2cOff ? 'h2-to-http1' : 'http11-required';
      confidence = CONFIDENCE.strong;
    } else if (kestrel.length > 0) {
      kind = 'http1-to-h2-only';
      confidence = CONFIDENCE.likely;
    } else if (protocolError.length > 0 && (pinned || h2cOff)) {
      // PROTOCOL_ERROR alone is any broken HTTP/2 peer; with HTTP/2 pinned it is an HTTP/1.x answer.
      kind = 'h2-to-http1';
      confidence = CONFIDENCE.likely + 0.05;
    } else if (grpcClosed || (h2cOff && anyOf(evidence, ['narrative.http2-words']))) {
      kind = 'h2-to-http1';
      confidence = CONFIDENCE.possible + 0.05;
    }
    if (!kind) return undefined;
    // A "VersionPolicy" key in JSON is a YARP cluster's HttpRequest section.
    const yarpConfig = linesSay(clueRefs(evidence, ['http.version-exact']), ['"versionpolicy"']);
    const gateway = GATEWAYS.find(([, ids]) => anyOf(evidence, ids))?.[0] ?? (yarpConfig ? 'YARP' : undefined);
    const refs: EvidenceRef[] = [...nginx, ...kestrel, ...protocolError, ...clueRefs(evidence, ['kestrel.h2c-disabled', 'http.version-exact', 'nginx.premature-close'])];
    const grpc = grpcClosed || linesSay(refs, ['grpc']) || anyOf(evidence, ['narrative.http2-words']);
    return {
      confidence: boosted(confidence, gateway ? 0.05 : 0, h2cOff && kind === 'h2-to-http1' ? 0.05 : 0),
      evidence: refs.slice(0, 8),
      facts: { kind, gateway, grpc, h2cOff },
    };
  },
  steps({ facts }) {
    const who = facts.gateway ?? 'The proxy';
    const steps: string[] = [];
    if (facts.kind === 'http1-to-h2-only') {
      steps.push(
        `${who} sent HTTP/1.1 to a Kestrel endpoint configured for HTTP/2 only ("Protocols": "Http2", usual for gRPC services). Without TLS there is no ALPN to negotiate HTTP/2, so a client that does not know in advance speaks HTTP/1.1, and Kestrel answers 400 "An HTTP/1.x request was sent to an HTTP/2 only endpoint."`,
        'nginx: proxy_pass always speaks HTTP/1.x to its upstream, even for gRPC; use grpc_pass grpc://host:port (grpcs:// for TLS). YARP: set the cluster\'s HttpRequest Version "2" with VersionPolicy "RequestVersionExact" for cleartext HTTP/2. An ingress: the backend-protocol annotation (GRPC / h2c).',
      );
    } else if (facts.kind === 'h2-to-http1') {
      steps.push(
        `${who} spoke HTTP/2 with prior knowledge (h2c: grpc_pass grpc://, YARP Version 2 with RequestVersionExact, a gRPC client on http://) to an endpoint that only speaks HTTP/1.1. Kestrel logs "Unrecognized HTTP version: 'HTTP/2.0'" or answers GOAWAY HTTP_1_1_REQUIRED; nginx reads the HTTP/1.1 answer as a frame ("upstream sent too large http2 frame: 4740180" is the bytes "HTT").`,
      );
      if (facts.h2cOff === true) {
        steps.push('Kestrel warned at start that HTTP/2 is not enabled on that endpoint: a cleartext endpoint with Protocols "Http1AndHttp2" serves HTTP/1.1 only. Give gRPC its own endpoint with Protocols "Http2", or use TLS so ALPN can pick HTTP/2.');
      } else {
        steps.push('Check the backend endpoint\'s Protocols (Kestrel:Endpoints:<name>:Protocols or EndpointDefaults): h2c needs "Http2" on that port; "Http1AndHttp2" without TLS serves HTTP/1.1 only (Kestrel logs a warning at start).');
      }
    } else if (facts.kind !== 'http11-required') {
      steps.push(
        `${who} and the backend endpoint disagree on the HTTP version. Over cleartext there is no ALPN: an HTTP/2-only endpoint ("Protocols": "Http2", gRPC) refuses HTTP/1.1, and an HTTP/1.x endpoint refuses HTTP/2 with prior knowledge (h2c).`,
        'Compare the endpoint\'s Protocols (Kestrel:Endpoints:<name>:Protocols) with what the proxy sends: nginx proxy_pass speaks HTTP/1.1 and grpc_pass HTTP/2; a YARP cluster sends what its HttpRequest Version and VersionPolicy say.',
      );
    } else {
      steps.push(
        `The backend reset the HTTP/2 stream with HTTP_1_1_REQUIRED (0xd): it will only answer this request over HTTP/1.1. IIS and HTTP.sys do this for Windows authentication (NTLM and Negotiate are bound to one connection, which HTTP/2 multiplexing breaks); Kestrel does it for HTTP/2 on an HTTP/1.x-only endpoint.`,
        `${who === 'YARP' ? 'Pin the YARP cluster' : 'Pin the proxy\'s connection to that backend'} to HTTP/1.1 (YARP cluster HttpRequest "Version": "1.1", "VersionPolicy": "RequestVersionOrLower"); the fallback HttpClient can do on its own does not cover a reset that comes after the 401 challenge.`,
      );
    }
    if (facts.grpc === true) steps.push('gRPC needs HTTP/2 end to end: every hop (ingress, gateway, Kestrel endpoint) must be configured for it; grpc-web is the HTTP/1.1 alternative when a hop cannot.');
    steps.push('Reproduce the hop the proxy makes: `curl -v --http2-prior-knowledge http://<backend>:<port>/` against `curl -v --http1.1 http://<backend>:<port>/`; the one that fails is the version the endpoint refuses.');
    return steps;
  },
  fix({ facts }): CauseFix {
    if (facts.kind === 'http1-to-h2-only' && facts.gateway !== 'YARP') {
      return {
        summary: 'Speak HTTP/2 to the HTTP/2-only endpoint: grpc_pass instead of proxy_pass in nginx (or the equivalent h2c setting of the proxy).',
        language: 'nginx',
        snippet: ['location / {', '    # proxy_pass speaks HTTP/1.x; grpc_pass speaks HTTP/2 (h2c) to Kestrel\'s "Http2" endpoint', '    grpc_pass grpc://127.0.0.1:5001;', '}'].join('\n'),
      };
    }
    if (facts.kind === 'http1-to-h2-only') {
      return {
        summary: 'Tell the YARP cluster to use HTTP/2 without falling back, since cleartext has no ALPN to negotiate it.',
        language: 'json',
        snippet: ['"Clusters": {', '  "grpc-backend": {', '    "HttpRequest": { "Version": "2", "VersionPolicy": "RequestVersionExact" },', '    "Destinations": { "d1": { "Address": "http://grpc-backend:5001/" } }', '  }', '}'].join('\n'),
      };
    }
    if (facts.kind === 'h2-to-http1') {
      return {
        summary: 'Serve HTTP/2 where the proxy sends it: an endpoint with Protocols "Http2" for h2c (or TLS with "Http1AndHttp2"); or make the proxy speak HTTP/1.1 to that endpoint.',
        language: 'json',
        snippet: [
          '// appsettings.json of the backend: REST on 8080 (HTTP/1.1), gRPC on 8081 (HTTP/2 cleartext)',
          '"Kestrel": {',
          '  "Endpoints": {',
          '    "Http": { "Url": "http://+:8080", "Protocols": "Http1" },',
          '    "Grpc": { "Url": "http://+:8081", "Protocols": "Http2" }',
          '  }',
          '}',
        ].join('\n'),
      };
    }
    return {
      summary: facts.kind === 'http11-required' ? 'Forward to the Windows-authentication backend over HTTP/1.1.' : 'Make the proxy send the HTTP version the endpoint serves; for a backend that requires HTTP/1.1, pin the cluster to it.',
      language: 'json',
      snippet: ['"Clusters": {', '  "reports": {', '    "HttpRequest": { "Version": "1.1", "VersionPolicy": "RequestVersionOrLower" },', '    "Destinations": { "d1": { "Address": "https://reports.contoso.local/" } }', '  }', '}'].join('\n'),
    };
  },
  wants: ['proxy-log', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints',
    'https://learn.microsoft.com/aspnet/core/grpc/aspnetcore',
    'https://nginx.org/en/docs/http/ngx_http_grpc_module.html',
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/yarp/http-client-config',
    'https://learn.microsoft.com/iis/get-started/whats-new-in-iis-10/http2-on-iis',
  ],
});
