/**
 * TLS between Cloudflare and the origin failed: 525 (the handshake itself failed in Full or Full
 * (strict) mode: no certificate bound for the host name, 443 closed, no SNI match, no common
 * cipher) or 526 (Full (strict) could not validate the origin certificate: expired, self-signed,
 * wrong name, missing chain). On IIS the usual culprit is the https binding.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { cloudflareRayId, cloudflareStatusHits } from './support/gateway-evidence';

const ADVICE: Record<number, string[]> = {
  525: [
    'Error 525 means Cloudflare (in Full or Full (strict) SSL mode) opened a TCP connection to the origin on 443 but the TLS handshake failed: IIS had no certificate for the host name, no https binding on that port, or no cipher suite in common.',
    'On the origin, list the https bindings and their certificates: `Get-WebBinding -Protocol https` and `netsh http show sslcert`. Cloudflare always sends SNI; a binding with "Require Server Name Indication" for another host name, or an SNI binding without a fallback, makes HTTP.sys reset the handshake.',
    'Reproduce the handshake the way Cloudflare does: `openssl s_client -connect <origin-ip>:443 -servername example.com` (or `curl -v --resolve example.com:443:<origin-ip> https://example.com/`). No certificate in the output, or a handshake failure, is the 525.',
    'Look in the origin\'s System event log (source Schannel) at the failing minutes: events 36874 (no cipher suite in common) or 36887/36888 (fatal alert) name the TLS problem.',
  ],
  526: [
    'Error 526 means the SSL mode is Full (strict) and Cloudflare could not validate the origin certificate: it is expired, revoked, self-signed or from a private CA, its names do not include the requested host name, or the chain is incomplete.',
    'Inspect the certificate IIS serves for this host name: `openssl s_client -connect <origin-ip>:443 -servername example.com -showcerts` and read notAfter, the subject/SAN names and the issuer chain.',
    'For a certificate only Cloudflare needs to trust, install a Cloudflare Origin CA certificate on the IIS binding (SSL/TLS > Origin Server > Create Certificate), or add your self-signed certificate to Cloudflare\'s Custom Origin Trust Store.',
  ],
};

interface CloudflareOriginTlsFacts {
  /** The Cloudflare code seen first: 525 (handshake failed) or 526 (certificate rejected). */
  code: number;
  /** Both codes were seen. */
  both: boolean;
  rayId?: string;
}

export default defineCause<CloudflareOriginTlsFacts>({
  id: 'cloudflare-origin-tls',
  title: 'TLS between Cloudflare and the origin failed',
  family: 'tls-handshake',
  layer: 'cdn',
  clues: {
    'cloudflare.origin-tls': 'proves',
    'status.525': 'proves',
    'status.526': 'proves',
  },
  description:
    'Cloudflare could not complete TLS with the origin (525) or could not validate its certificate in Full (strict) mode (526), so no request reached the application.',
  match(evidence) {
    const hits = cloudflareStatusHits(evidence, [525, 526]);
    if (!hits) return undefined;
    return {
      confidence: boosted(hits.identified ? CONFIDENCE.strong : CONFIDENCE.likely - 0.05, hits.count > 1 ? 0.03 : 0),
      evidence: hits.refs,
      facts: { code: hits.codes[0] ?? 525, both: hits.codes.length > 1, rayId: cloudflareRayId(evidence) },
    };
  },
  steps({ facts }) {
    const code = facts.code === 526 ? 526 : 525;
    const steps = [...(ADVICE[code] ?? [])];
    if (facts.both === true) steps.push(...(ADVICE[code === 525 ? 526 : 525] ?? []).slice(0, 1));
    steps.push(
      'These requests never reach IIS over HTTP, so the IIS W3C log has no row for them; HTTP.sys may log the failed handshake in %SystemRoot%\\System32\\LogFiles\\HTTPERR.',
    );
    if (facts.rayId !== undefined) steps.push(`Ray ID ${facts.rayId} identifies the failing request if you contact Cloudflare support.`);
    return steps;
  },
  fix({ facts }) {
    const code = facts.code === 526 ? 526 : 525;
    return {
      summary:
        code === 526
          ? 'Serve a certificate Cloudflare can validate on the IIS https binding: a Cloudflare Origin CA certificate or a publicly trusted one that covers the host name, with its full chain. Switching the zone to Full (not strict) only hides the problem.'
          : 'Give the IIS site an https binding on 443 for the host name Cloudflare requests, with a valid certificate (a Cloudflare Origin CA certificate is enough), and keep TLS 1.2+ with modern ECDHE cipher suites enabled.',
      language: 'powershell',
      snippet: [
        '# Bind the certificate (already imported into LocalMachine\\My) to the site for example.com with SNI',
        'New-WebBinding -Name "Default Web Site" -Protocol https -Port 443 -HostHeader example.com -SslFlags 1',
        '$cert = Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.Subject -like "*example.com*" } | Select-Object -First 1',
        '(Get-WebBinding -Name "Default Web Site" -Protocol https -HostHeader example.com).AddSslCertificate($cert.Thumbprint, "My")',
      ].join('\n'),
    };
  },
  wants: ['error-page', 'headers', 'event-log'],
  references: [
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526/',
    'https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/',
  ],
});
