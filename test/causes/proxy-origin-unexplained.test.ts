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
  messy: {
    valid: [
      {
        // Cloudflare's 521 (CF error-521) retold: names the edge.
        name: "Cloudflare's 521 retold",
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says web server is down, error 521' },
      },
      {
        // nginx's refused connect (ngx_event_connect.c) quoted in a sentence: names nginx.
        name: "nginx's refused message quoted in prose",
        form: 'in prose',
        evidence: { 'message.txt': 'error.log: connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://127.0.0.1:5000/"' },
      },
    ],
    invalid: [
      {
        // A proxy-to-origin refusal retold, no product named.
        name: "retold: the proxy can't connect to the backend",
        form: 'paraphrased',
        evidence: { 'message.txt': "users get 502 bad gateway, the proxy can't connect to the backend server, connection refused" },
      },
      {
        // The family's sentence in Spanish around the English status and errno text.
        name: 'Spanish prose: 502 Bad Gateway, connection refused',
        form: 'other language',
        evidence: { 'mensaje.txt': '502 Bad Gateway: el proxy no puede conectar con el servidor de origen (connection refused) desde esta mañana.' },
      },
      {
        // A bare 502 response in a fence, the refusal told around it.
        name: 'a bare 502 response in a fence with prose',
        form: 'fenced',
        evidence: { 'slack.txt': '```\nHTTP/1.1 502 Bad Gateway\nContent-Length: 0\n```\nthe load balancer says connection refused when it talks to the origin' },
      },
      {
        // A Slack quote (escaped &gt;) of the same report.
        name: 'a quoted report, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&gt; 502 Bad Gateway\n&gt; the proxy could not connect to the upstream server: connection refused\nfrom the on-call channel' },
      },
    ],
  },
});
