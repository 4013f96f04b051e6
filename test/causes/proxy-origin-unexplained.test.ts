/**
 * The family-level answer of proxy-origin: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/proxy-origin-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "nginx's own refused-connection line names nginx", evidence: { 'message.txt': "2026/11/20 10:15:01 [error] 1234#1234: *56 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop.example.com, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:5000/\", host: \"shop.example.com\"" } },
    { name: "a TLS failure is another family", evidence: { 'message.txt': "The SSL connection could not be established between the proxy and the backend" } },
  ],
  invalid: [
    { name: "a refused connection at an unnamed proxy", evidence: { 'message.txt': "502 Bad Gateway. The proxy cannot reach the origin server, connection refused" } },
  ],
});
