/**
 * TLS from nginx to an https upstream failed and nginx answered 502: `SSL_do_handshake() failed
 * (...) while SSL handshaking to upstream` or `upstream SSL certificate verify error`. The OpenSSL
 * reason in the line says which fix applies: wrong version number (TLS to a plain HTTP port),
 * alert handshake failure (no SNI, no common protocol/cipher, or a client certificate required),
 * verify errors (untrusted chain, host name mismatch).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signalsWhere } from './query';
import { plural, upstreamOrigin } from './support/gateway-evidence';

type Reason = 'plain-http-port' | 'handshake-alert' | 'untrusted' | 'name-mismatch' | 'peer-closed' | 'protocol' | 'other';

/** Reads the OpenSSL reason from the error line (plain substring checks, linear). */
function reasonOf(text: string): Reason {
  const t = text.toLowerCase();
  if (t.includes('wrong version number') || t.includes('http request')) return 'plain-http-port';
  if (t.includes('hostname mismatch') || t.includes('(62:')) return 'name-mismatch';
  if (t.includes('certificate verify') || t.includes('self signed') || t.includes('self-signed') || t.includes('local issuer') || t.includes('certificate has expired')) return 'untrusted';
  if (t.includes('unsupported protocol') || t.includes('version too low') || t.includes('no protocols available')) return 'protocol';
  if (t.includes('alert handshake failure') || t.includes('alert number 40')) return 'handshake-alert';
  if (t.includes('peer closed connection')) return 'peer-closed';
  return 'other';
}

const EXPLAIN: Record<Reason, string> = {
  'plain-http-port': 'OpenSSL said "wrong version number": nginx spoke TLS (proxy_pass https://) to a port that answers plain HTTP. Kestrel is listening on http:// there.',
  'handshake-alert': 'The upstream answered the handshake with a fatal "handshake failure" alert (alert 40): it found nothing acceptable. Usually nginx sent no SNI (proxy_ssl_server_name is off by default) and the upstream has no certificate for a nameless request; otherwise no protocol or cipher in common, or the upstream requires a client certificate nginx did not send.',
  untrusted: 'nginx could not verify the upstream certificate chain (proxy_ssl_verify is on): the certificate is self-signed, from a private CA nginx does not trust, expired, or served without its intermediates.',
  'name-mismatch': 'The upstream certificate does not cover the name nginx checks (proxy_ssl_name, by default the host in proxy_pass).',
  'peer-closed': 'The upstream closed the connection during the handshake: it has no TLS configured on that port, rejected nginx\'s client hello (protocol, SNI), or crashed.',
  protocol: 'nginx and the upstream share no TLS protocol version (proxy_ssl_protocols vs the versions the upstream allows).',
  other: 'The TLS handshake with the upstream failed; the OpenSSL reason in the error line names the step.',
};

interface NginxUpstreamTlsFacts {
  /** The OpenSSL reason most lines give (a specific one before 'other'). */
  reason: Reason;
  /** nginx error-log lines about the failed handshake. */
  count: number;
  upstream?: string;
  /** The upstream is grpcs://. */
  grpc: boolean;
}

export default defineCause<NginxUpstreamTlsFacts>({
  id: 'nginx-upstream-tls',
  title: 'TLS handshake from nginx to the upstream failed',
  family: 'tls-handshake',
  layer: 'reverse-proxy',
  clues: {
    'nginx.ssl-handshake': 'proves',
  },
  description:
    'nginx proxies to an https upstream and the TLS handshake (or certificate verification) failed, so no request reached the application and nginx answered 502.',
  match(evidence) {
    const lines = signalsWhere(evidence, 'nginx-upstream', (d) => d.condition === 'ssl-handshake');
    if (lines.length === 0) return undefined;
    const counts = new Map<Reason, number>();
    for (const s of lines) counts.set(reasonOf(s.ref.text), (counts.get(reasonOf(s.ref.text)) ?? 0) + 1);
    const reason = [...counts.entries()].sort((a, b) => (a[0] === 'other' ? 1 : 0) - (b[0] === 'other' ? 1 : 0) || b[1] - a[1])[0]?.[0] ?? 'other';
    const upstream = lines.find((s) => s.data.upstream !== undefined)?.data.upstream;
    return {
      confidence: boosted(CONFIDENCE.strong, reason !== 'other' ? 0.05 : 0),
      evidence: refsOf(lines),
      facts: { reason, count: lines.length, upstream: upstreamOrigin(upstream), grpc: upstream?.startsWith('grpcs:') === true },
    };
  },
  steps({ facts }) {
    const reason = facts.reason ?? 'other';
    const upstream = facts.upstream ?? 'the upstream';
    const count = facts.count ?? 1;
    const steps = [`${EXPLAIN[reason]} (${plural(count, 'line')}, upstream ${upstream})`];
    steps.push(
      `Reproduce nginx's handshake from the nginx host: \`openssl s_client -connect <upstream-host>:<port> -servername <name> -showcerts\`, once with and once without -servername. If only the run with -servername succeeds, nginx needs \`proxy_ssl_server_name on;\`.`,
    );
    if (reason === 'plain-http-port') steps.push('Check the app\'s "Now listening on:" lines (or ASPNETCORE_URLS / Kestrel Endpoints): if the port is http://, use proxy_pass http:// (TLS between nginx and a local Kestrel adds nothing).');
    if (reason === 'handshake-alert' && facts.grpc === true) steps.push('For grpcs:// upstreams that demand mutual TLS, nginx must present a client certificate: grpc_ssl_certificate / grpc_ssl_certificate_key (proxy_ssl_certificate for http).');
    if (reason === 'untrusted' || reason === 'name-mismatch') steps.push('Read the certificate the upstream serves (subject, SAN, issuer, notAfter) in the openssl output, and the CA file nginx trusts (proxy_ssl_trusted_certificate).');
    if (reason === 'protocol') steps.push('List what each side allows: `nginx -T | grep ssl_protocols` and, for Kestrel, the SslProtocols in its HTTPS endpoint configuration.');
    return steps;
  },
  fix({ facts }) {
    const reason = facts.reason ?? 'other';
    if (reason === 'plain-http-port') {
      return { summary: 'Point proxy_pass at the scheme the port speaks: http:// for Kestrel\'s plain HTTP endpoint (or configure an HTTPS endpoint in Kestrel if TLS to the upstream is required).', language: 'nginx', snippet: 'proxy_pass http://127.0.0.1:5000;' };
    }
    return {
      summary:
        'Configure nginx\'s upstream TLS explicitly: send SNI, check the certificate against the CA that issued it and the name it carries, and allow the protocols the upstream accepts.',
      language: 'nginx',
      snippet: [
        'location / {',
        '    proxy_pass                    https://backend.example.com:5001;',
        '    proxy_ssl_server_name         on;                      # send SNI',
        '    proxy_ssl_name                backend.example.com;     # name to send and verify',
        '    proxy_ssl_verify              on;',
        '    proxy_ssl_trusted_certificate /etc/nginx/backend-ca.pem;',
        '    proxy_ssl_protocols           TLSv1.2 TLSv1.3;',
        '}',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'stdout-log'],
  references: [
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_server_name',
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_trusted_certificate',
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints',
  ],
});
