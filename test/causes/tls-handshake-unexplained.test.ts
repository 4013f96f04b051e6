/**
 * The family-level answer of tls-handshake: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/tls-handshake-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "Cloudflare's 525 names the gateway", evidence: { 'message.txt': "Error 525: SSL handshake failed" } },
    { name: "a refused connection is another family", evidence: { 'message.txt': "502 Bad Gateway. The proxy cannot reach the origin server, connection refused" } },
  ],
  invalid: [
    { name: "a TLS failure between proxy and backend, no product named", evidence: { 'message.txt': "The SSL connection could not be established between the proxy and the backend" } },
    { name: "a handshake failing after a certificate renewal", evidence: { 'message.txt': "TLS handshake with the upstream fails after we renewed the certificate" } },
  ],
  messy: {
    valid: [
      {
        // nginx's upstream handshake failure (ngx_event_openssl.c) quoted in a sentence: names nginx.
        name: "nginx's upstream handshake failure in prose",
        form: 'in prose',
        evidence: { 'message.txt': 'nginx logs SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream since we changed proxy_pass' },
      },
      {
        // Cloudflare's 525 retold: names the gateway.
        name: "Cloudflare's 525 retold",
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says ssl handshake failed, error 525' },
      },
    ],
    invalid: [
      {
        // HttpClient's net_http_ssl_connection_failed (System.Net.Http Strings.resx) alone, in a sentence.
        name: 'the SSL connection could not be established, in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'the gateway logs "The SSL connection could not be established, see inner exception." for every call to the backend since this morning' },
      },
      {
        // The family's report retold.
        name: 'retold: the handshake to the backend fails after the renewal',
        form: 'paraphrased',
        evidence: { 'message.txt': 'since we renewed the cert the handshake between the load balancer and the backend fails, TLS error, 502' },
      },
      {
        // The same report in German around the English words.
        name: 'German: the TLS handshake to the backend fails',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Seit dem Zertifikatswechsel schlägt der TLS handshake zwischen Proxy und Backend fehl (SSL handshake failed), die Seite zeigt 502.' },
      },
      {
        // A Slack quote (escaped &gt;) of the report.
        name: 'a quoted report, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&gt; TLS handshake with the upstream fails after we renewed the certificate\nfrom the on-call notes' },
      },
    ],
  },
});
