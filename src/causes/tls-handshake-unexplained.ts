/** TLS between a gateway and the app failed; the exact certificate problem is not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'tls-handshake',
  title: 'TLS between the gateway and the app failed',
  description: 'The gateway (Cloudflare, a load balancer, nginx, YARP, ARR) could not complete TLS with the app behind it: a certificate it does not trust or that names another host, an expired certificate, or a protocol mismatch (TLS to a plain-HTTP port).',
  layer: 'reverse-proxy',
  steps: [
    'From the gateway\'s host, look at what the backend presents: "openssl s_client -connect <backend>:<port> -servername <host-the-gateway-sends> -showcerts". Check the names (SAN), the chain up to a root the gateway trusts, and the dates.',
    'Make sure the gateway speaks the backend\'s protocol: https to a TLS port, http to a plain one (a "wrong version number" is TLS sent to plain HTTP).',
    'If the backend uses a private CA or a self-signed certificate, add its root to the gateway\'s trust (App Gateway trusted root, nginx proxy_ssl_trusted_certificate, YARP/HttpClient validation) instead of turning validation off.',
  ],
  fix: { summary: 'Give the backend a certificate the gateway trusts for the host name it connects with (full chain, valid dates), or let the gateway speak plain HTTP to a plain-HTTP backend.' },
  wants: ['proxy-log', 'stdout-log', 'headers'],
  references: ['https://learn.microsoft.com/dotnet/core/extensions/sslstream-troubleshooting', 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/'],
});
