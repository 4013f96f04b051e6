import cause from '../../src/causes/nginx-upstream-header-too-big';
import { runCauseTests } from '../helpers/cause-tester';
import { nginxError, NGINX, nginxPage } from './edge-samples';

/** Real line from https://github.com/pulibrary/princeton_ansible/issues/1323 (JSON-unescaped; addresses scrubbed). */
const PRINCETON = '2020/02/27 15:38:01 [error] 1937#1937: *29069409 upstream sent too big header while reading response header from upstream, client: 10.9.73.243, server: catalog.example.edu, request: "GET /requests/4841014?mfhd=5040471&source=pulsearch HTTP/2.0", upstream: "http://10.0.0.12:80/requests/4841014?mfhd=5040471&source=pulsearch", host: "catalog.example.edu", referrer: "https://catalog.example.edu/catalog/4841014"';

runCauseTests(cause, {
  valid: [
    { name: 'request headers too large is a 400 from nginx, not an upstream problem', evidence: { 'page.html': nginxPage(400, 'Request Header Or Cookie Too Large') } },
    { name: 'a refused connection', evidence: { 'error.log': nginxError(NGINX.refused) } },
  ],
  invalid: [
    {
      name: 'upstream sent too big header (real line)',
      evidence: { 'error.log': PRINCETON },
      minConfidence: 0.85,
      evidenceLines: [1],
      mentions: ['proxy_buffer_size', 'http://10.0.0.12:80', '.AspNetCore.Cookies'],
    },
    {
      name: 'no valid HTTP/1.0 header: plain HTTP to a TLS or HTTP/2-only Kestrel endpoint',
      evidence: { 'error.log': nginxError(NGINX.noValidHeader) },
      minConfidence: 0.75,
      mentions: ['Now listening on:', 'Http1AndHttp2'],
    },
    {
      name: 'an invalid header line',
      evidence: { 'error.log': nginxError(NGINX.invalidHeader) },
      minConfidence: 0.65,
      mentions: ['control characters'],
    },
  ],
});
