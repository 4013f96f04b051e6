/**
 * A gateway that has no cause of its own for this (YARP, Ocelot, an HttpClient in the app or a
 * BFF, Envoy/Istio, Traefik, HAProxy, a Go or Node proxy) reached the backend over HTTPS and
 * rejected the certificate it presented: a name the certificate does not carry, a root it does
 * not trust, a chain without its intermediate, or an expired certificate. The request never left
 * the gateway. IIS/ARR, nginx, Azure's gateways and Cloudflare say the same in their own words,
 * and their causes (backend-tls-failure, nginx-upstream-tls, azure-gateway-backend-tls,
 * cloudflare-origin-tls) keep those cases.
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { anyOf, clue, clueRefs, clueValues, linesSay, present } from './support/clue-query';

type Reason = 'expired' | 'partial-chain' | 'untrusted-root' | 'name-mismatch' | 'invalid';

/** The specific reasons, most actionable first: an expired certificate hides the others. */
const REASONS: readonly (readonly [Reason, string])[] = [
  ['expired', 'tls.expired'],
  ['partial-chain', 'tls.partial-chain'],
  ['untrusted-root', 'tls.untrusted-root'],
  ['name-mismatch', 'tls.name-mismatch'],
];
/** A certificate was rejected, reason not named (or named separately). */
const GENERIC = ['tls.remote-cert-invalid', 'tls.trust-relationship'];

/** The gateways of the sibling causes: their evidence is theirs. */
const OWNED = ['nginx.ssl-handshake', 'cloudflare.origin-tls', 'status.525', 'status.526', 'appgw.backend-cert', 'frontdoor.origin-tls', 'win32.12175', 'win32.12157', 'win32.12045', 'win32.12057', 'win32.12038', 'win32.12037', 'win32.12169'];

/** The gateways this cause is about, by the clues that name them. */
const GATEWAYS: readonly (readonly [string, readonly string[]])[] = [
  ['YARP', ['yarp.forwarder-error', 'yarp.timeout', 'yarp.destination']],
  ['Ocelot', ['ocelot.downstream-error', 'ocelot.timeout']],
  ['Envoy', ['envoy.upstream-failure', 'envoy.no-healthy-upstream', 'envoy.upstream-timeout']],
  ['Traefik', ['traefik.bad-gateway']],
  ['HAProxy', ['haproxy.server-error', 'haproxy.no-server']],
];
const GATEWAY_CLUES = GATEWAYS.flatMap(([, ids]) => ids);

/** Which TLS stack wrote the reason, from fixed fragments of its wording. */
const STACKS: readonly (readonly [string, readonly string[]])[] = [
  ['envoy', ['tls_error:', 'openssl_internal', 'verify cert failed', 'verify_cert_failed']],
  ['go', ['x509:', 'tls: failed to verify']],
  ['node', ['depth_zero_self_signed_cert', 'self_signed_cert_in_chain', 'unable_to_verify_leaf_signature', 'cert_has_expired', 'err_tls_cert_altname_invalid', '[hpm]']],
  ['java', ['pkix', 'javax.net.ssl', 'sun.security']],
  ['dotnet', ['remote certificate', 'remotecertificate', 'untrustedroot', 'partialchain', 'nottimevalid', 'trust relationship', 'ssl connection could not be established']],
];

/** A database driver's TLS error (SqlClient to SQL Server) is not a gateway's. */
const NOT_A_GATEWAY = ['provider: ssl provider', 'sqlexception', 'sql server', 'npgsql', 'mysql'];

const STACK_NAMES: Record<string, string> = {
  envoy: 'Envoy',
  go: 'a Go client (Traefik, Caddy, an ingress controller, a Go service)',
  node: 'Node (a dev-server proxy or a Node gateway)',
  java: 'a Java client',
  dotnet: 'HttpClient (.NET)',
};

const EXPLAIN: Record<Reason, string> = {
  expired: 'the backend\'s certificate is expired (or not yet valid: check the clock of both machines)',
  'partial-chain': 'the backend sends its certificate without the intermediate certificate(s), so the chain cannot be built up to a trusted root',
  'untrusted-root': 'the certificate chains to a root the gateway does not trust: a self-signed or `dotnet dev-certs` certificate, a private or corporate CA',
  'name-mismatch': 'the certificate does not carry the host name the gateway connects with (its SAN list): a container or pod IP, a service name, or localhost',
  invalid: 'the certificate failed validation (the reason is not in the pasted lines)',
};

function isReason(text: string): text is Reason {
  return Object.hasOwn(EXPLAIN, text);
}

function reasonsOf(evidence: Evidence): { reasons: Reason[]; refs: EvidenceRef[] } {
  const reasons: Reason[] = [];
  const refs: EvidenceRef[] = [];
  for (const [reason, id] of REASONS) {
    const lines = (clue(evidence, id)?.refs ?? []).filter((r) => !linesSay([r], NOT_A_GATEWAY));
    if (lines.length === 0) continue;
    reasons.push(reason);
    refs.push(...lines);
  }
  const generic = clueRefs(evidence, GENERIC).filter((r) => !linesSay([r], NOT_A_GATEWAY));
  if (reasons.length === 0 && generic.length > 0) reasons.push('invalid');
  return { reasons, refs: [...refs, ...generic] };
}

interface BackendCertRejectedFacts {
  /** The first reason the certificate was rejected, and all of them, comma-separated ("name-mismatch, expired"). */
  reason?: Reason;
  reasons: string;
  /** The gateway the evidence names (one of GATEWAYS), and the TLS stack whose wording the lines use (one of STACKS). */
  gateway?: string;
  stack?: string;
  /** The host name the check was made for (Go, nginx), or the certificate's SANs (Envoy). */
  host?: string;
  sans?: string;
  /** No gateway in sight and .NET's wording: the app's own HttpClient failed (a BFF, an API calling an API). */
  ownClient: boolean;
}

export default defineCause<BackendCertRejectedFacts>({
  id: 'backend-cert-rejected',
  title: "A .NET or API gateway rejected the backend's certificate",
  family: 'tls-handshake',
  layer: 'reverse-proxy',
  clues: {
    // What sets it apart from the gateway-specific TLS causes: the gateway that reports it. Hints
    // only, since the same gateways report port and version mismatches too (tls-port-mismatch)...
    'yarp.forwarder-error': 'hints',
    'ocelot.downstream-error': 'hints',
    'envoy.upstream-failure': 'hints',
    'traefik.bad-gateway': 'hints',
    'http.send-failed': 'hints',
    // ...and a certificate verdict, which a version or port mismatch does not give.
    'tls.remote-cert-invalid': 'supports',
    // The siblings' gateways: their own causes explain these lines.
    'nginx.ssl-handshake': 'against',
    'cloudflare.origin-tls': 'against',
    'appgw.backend-cert': 'against',
    'frontdoor.origin-tls': 'against',
    'win32.12175': 'against',
    'win32.12045': 'against',
  },
  description:
    'The gateway (YARP, Ocelot, Envoy, Traefik, or the app\'s own HttpClient) connected to the backend over HTTPS and refused the certificate it was shown: wrong host name, untrusted root, missing intermediate, or expired. The request never reached the backend.',
  match(evidence) {
    const { reasons, refs } = reasonsOf(evidence);
    if (reasons.length === 0) return undefined;
    const gatewayIds = present(evidence, GATEWAY_CLUES);
    const owned = anyOf(evidence, OWNED);
    // nginx, ARR, Azure and Cloudflare lines belong to their causes unless another gateway is in the paste too.
    if (owned && gatewayIds.length === 0) return undefined;
    const gateway = GATEWAYS.find(([, ids]) => ids.some((id) => gatewayIds.includes(id)))?.[0];
    const stack = STACKS.find(([, fragments]) => linesSay(refs, fragments))?.[0];
    const failed = anyOf(evidence, ['status.502', 'status.503', 'status.504', 'http.send-failed', 'proxy.bad-gateway']);
    const base = reasons[0] === 'invalid' ? CONFIDENCE.likely - 0.1 : CONFIDENCE.likely;
    const confidence = owned ? CONFIDENCE.possible : boosted(base, gateway ? 0.2 : 0, failed ? 0.05 : 0);
    const names = clueValues(evidence, ['tls.name-mismatch']);
    // With no gateway in sight, the HttpClient that failed is the app's own (a BFF, an API calling an API).
    const ownClient = gateway === undefined && stack === 'dotnet';
    return {
      confidence,
      evidence: [...refs, ...clueRefs(evidence, gatewayIds)].slice(0, 8),
      facts: {
        reason: reasons[0],
        reasons: reasons.join(', '),
        gateway,
        stack,
        // Go and nginx name the host that was asked for; Envoy lists the certificate's SANs.
        host: stack === 'envoy' ? undefined : names[0],
        sans: stack === 'envoy' ? names[0] : undefined,
        ownClient,
      },
      layer: ownClient ? 'app' : 'reverse-proxy',
    };
  },
  steps({ facts }) {
    const listed = facts.reasons?.split(', ').filter(isReason) ?? [];
    const reasons: Reason[] = listed.length > 0 ? listed : ['invalid'];
    const named = facts.gateway ?? (facts.stack !== undefined ? STACK_NAMES[facts.stack] : undefined);
    const gateway = named ? named.charAt(0).toUpperCase() + named.slice(1) : 'The gateway';
    const host = facts.host ?? '<backend-host>';
    const outcome = facts.ownClient === true ? 'The call failed before any request left the app, so the app answered with an error of its own.' : 'It answered 502/503 without forwarding the request.';
    const steps = [`${gateway} rejected the backend's certificate: ${reasons.map((r) => EXPLAIN[r]).join('; and ')}. ${outcome}`];
    steps.push(
      `Look at the certificate from where the gateway runs (inside its container or pod, which has its own trust store): \`openssl s_client -connect ${host}:<port> -servername ${host} -showcerts </dev/null\`. Read the SAN list, the issuer chain ("Certificate chain" shows how many certificates the backend sends) and notAfter.`,
    );
    if (reasons.includes('name-mismatch')) {
      const sans = facts.sans !== undefined ? ` (the certificate lists: ${facts.sans})` : '';
      steps.push(
        `Name mismatch${sans}: the name checked is the host of the destination address (YARP cluster Destinations Address, Ocelot DownstreamHostAndPorts Host, an Envoy/Istio cluster's SNI), not the public host name. Point the destination at a name in the certificate's SAN, or reissue the backend certificate with the name the gateway uses (dev certificates only cover localhost; an IP needs an IP SAN).`,
      );
    }
    if (reasons.includes('untrusted-root')) {
      steps.push(
        'Untrusted root: a self-signed, development or private-CA certificate. Add the CA (not the leaf) to the trust store the gateway uses: /usr/local/share/ca-certificates + update-ca-certificates in a Linux container, LocalMachine\\Root on Windows; a Node proxy reads NODE_EXTRA_CA_CERTS.',
      );
    }
    if (reasons.includes('partial-chain')) {
      steps.push('Partial chain: configure the backend to send the full chain (leaf + intermediates): a fullchain.pem, or a PFX that includes the intermediates. Browsers often hide this because they fetch missing intermediates themselves; server-to-server clients do not.');
    }
    if (reasons.includes('expired')) steps.push('Expired: renew the backend certificate and restart (or reload) the backend so it serves the new one; check automated renewal (cert-manager, Let\'s Encrypt) and the clock on both machines.');
    steps.push(
      'Only as a stopgap in development: YARP cluster `"HttpClient": { "DangerousAcceptAnyServerCertificate": true }`, Ocelot route `"DangerousAcceptAnyServerCertificateValidator": true`, Traefik serversTransport `insecureSkipVerify`. Never in production: it accepts any server, including an impostor.',
    );
    return steps;
  },
  fix({ facts }) {
    const reason = facts.reason ?? 'invalid';
    if (reason === 'name-mismatch') {
      return {
        summary: 'Make the name the gateway connects with and the certificate agree: address the destination by a DNS name in the certificate\'s SAN, or reissue the backend certificate with that name.',
        language: 'json',
        snippet: [
          '// appsettings.json of the YARP gateway: the destination host must be a name in the backend certificate\'s SAN',
          '"ReverseProxy": {',
          '  "Clusters": {',
          '    "orders": {',
          '      "Destinations": {',
          '        "orders-1": { "Address": "https://orders.internal.example.com:8443/" }',
          '      }',
          '    }',
          '  }',
          '}',
        ].join('\n'),
      };
    }
    if (reason === 'partial-chain') {
      return {
        summary: 'Serve the full certificate chain from the backend (leaf and intermediates); for Kestrel, point the endpoint at a full-chain PEM.',
        language: 'json',
        snippet: [
          '// appsettings.json of the backend (Kestrel)',
          '"Kestrel": {',
          '  "Endpoints": {',
          '    "Https": {',
          '      "Url": "https://+:8443",',
          '      "Certificate": { "Path": "/certs/fullchain.pem", "KeyPath": "/certs/privkey.pem" }',
          '    }',
          '  }',
          '}',
        ].join('\n'),
      };
    }
    if (reason === 'expired') {
      return {
        summary: 'Renew the backend certificate, deploy it, and check the dates the backend now serves.',
        language: 'text',
        snippet: 'openssl s_client -connect orders.internal.example.com:8443 -servername orders.internal.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -dates',
      };
    }
    return {
      summary: 'Trust the CA that issued the backend certificate where the gateway runs (its container image or host), instead of turning validation off.',
      language: 'text',
      snippet: [
        '# Dockerfile of the gateway (Debian/Ubuntu-based .NET images): trust the private CA that signed the backend certificate',
        'COPY backend-root-ca.crt /usr/local/share/ca-certificates/backend-root-ca.crt',
        'RUN update-ca-certificates',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/dotnet/core/extensions/sslstream-troubleshooting',
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/yarp/http-client-config',
    'https://ocelot.readthedocs.io/en/latest/features/configuration.html',
    'https://doc.traefik.io/traefik/routing/services/#serverstransport',
  ],
});
