/**
 * TLS from an Azure gateway to the backend failed. Front Door names it in ErrorInfo
 * (CertificateError, CertificateNameCheckFailed, SSLHandshakeError, SSLInvalidRootCA,
 * SSLInvalidCipher). Application Gateway with end-to-end TLS fails when the backend certificate's
 * name does not match the host name it sends, or its root is not trusted; the access log only
 * shows a 502 then, so that case stays a weak candidate until backend health says more.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { agwInfo, secondsOnLine } from './support/gateway-evidence';

const FRONT_DOOR_TLS: Record<string, string> = {
  CertificateError: 'the origin certificate could not be validated',
  CertificateNameCheckFailed: 'the origin certificate does not cover the origin host name Front Door connects to (certificate subject name validation)',
  SSLHandshakeError: 'the TLS handshake with the origin failed (no certificate for the SNI name, protocol or cipher mismatch)',
  SSLInvalidRootCA: 'the origin certificate chains to a root Front Door does not trust (self-signed or private CA)',
  SSLInvalidCipher: 'the origin offered no cipher suite Front Door accepts',
};

interface AzureGatewayBackendTlsFacts {
  gateway: 'front-door' | 'app-gateway';
  /** Front Door's ErrorInfo, one of FRONT_DOOR_TLS (which says what it means). */
  errorInfo?: string;
}

export default defineCause<AzureGatewayBackendTlsFacts>({
  id: 'azure-gateway-backend-tls',
  title: 'TLS from the Azure gateway to the backend failed',
  family: 'tls-handshake',
  layer: 'cdn',
  clues: {
    // The report names an Azure gateway: one of its own causes, whichever the clues pick among them.
    'azure-gateway.named': 'supports',
    'appgw.backend-cert': 'proves',
    'frontdoor.origin-tls': 'proves',
  },
  description:
    'Front Door or Application Gateway (end-to-end TLS) could not complete TLS with the backend or did not accept its certificate (name mismatch, untrusted root, handshake failure).',
  match(evidence) {
    const fd = signals(evidence, 'front-door').filter((s) => s.data.errorInfo !== undefined && s.data.errorInfo in FRONT_DOOR_TLS);
    if (fd.length > 0) {
      const errorInfo = fd[0]?.data.errorInfo as string;
      return {
        confidence: boosted(CONFIDENCE.strong, 0.05),
        evidence: refsOf(fd),
        layer: 'cdn',
        facts: { gateway: 'front-door', errorInfo },
      };
    }
    // Application Gateway: an immediate 502 that is not a timeout can be a failed backend TLS handshake.
    const agw = signals(evidence, 'app-gateway').filter((s) => {
      if (s.data.status !== 502) return false;
      if (agwInfo(s) === 'ERRORINFO_UPSTREAM_TIMED_OUT') return false;
      const taken = secondsOnLine(evidence, s.ref);
      return taken === undefined || taken < 19;
    });
    if (agw.length === 0) return undefined;
    return { confidence: CONFIDENCE.weak, evidence: refsOf(agw), layer: 'load-balancer', facts: { gateway: 'app-gateway' } };
  },
  steps({ facts }) {
    if (facts.gateway === 'front-door') {
      const { errorInfo } = facts;
      const meaning = errorInfo !== undefined ? FRONT_DOOR_TLS[errorInfo] : undefined;
      return [
        errorInfo !== undefined && meaning !== undefined ? `Front Door logged ErrorInfo ${errorInfo}: ${meaning}.` : 'Front Door could not complete TLS with the origin, or did not accept its certificate.',
        'Inspect what the origin serves for the host name Front Door uses: `openssl s_client -connect <origin-host>:443 -servername <origin-host> -showcerts`. The certificate must be valid, cover that host name, chain to a public root (Front Door does not accept self-signed or private-CA certificates) and include its intermediates.',
        'If the origin is addressed by IP or by a name the certificate does not cover, set the origin host header / origin host name to the certificate\'s name, or (only for testing) turn off certificate subject name validation on the origin group.',
      ];
    }
    return [
      'Application Gateway 502s that are not timeouts can come from end-to-end TLS: with an HTTPS backend setting, the backend certificate must match the host name the gateway sends (by default the client\'s Host header) and chain to a root the gateway trusts.',
      'Open Backend health (`az network application-gateway show-backend-health --resource-group <rg> --name <gateway>`): messages about the Common Name (CN) not matching, or the root certificate not matching the trusted root certificate, confirm this cause; probe status codes or timeouts point at backend health instead.',
      'On the IIS backend, check the https binding\'s certificate for that host name: `netsh http show sslcert` and `Get-WebBinding -Protocol https`.',
    ];
  },
  fix({ facts }) {
    if (facts.gateway === 'front-door') {
      return { summary: 'Serve a publicly trusted certificate with its full chain for the exact origin host name Front Door connects to, and keep TLS 1.2 with common ECDHE cipher suites enabled on the origin.' };
    }
    return {
      summary:
        'Make the backend certificate match the host name in the backend HTTP settings (or override the host name there), and for v2 upload the backend\'s root as a trusted root certificate when it is not from a public CA.',
      language: 'text',
      snippet: [
        'az network application-gateway root-cert create --resource-group <rg> --gateway-name <gateway> --name backend-root --cert-file backend-root.cer',
        'az network application-gateway http-settings update --resource-group <rg> --gateway-name <gateway> --name <http-settings> \\',
        '  --protocol Https --host-name example.com --root-certs backend-root',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'headers', 'event-log'],
  references: [
    'https://learn.microsoft.com/azure/frontdoor/end-to-end-tls',
    'https://learn.microsoft.com/azure/application-gateway/ssl-overview',
    'https://learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502',
  ],
});
