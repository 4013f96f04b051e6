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
});
