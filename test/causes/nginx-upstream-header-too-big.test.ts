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
  messy: {
    valid: [
      {
        // nginx's 400 for the client's own headers (ngx_http_special_response.c) told in prose.
        name: '400 Request Header Or Cookie Too Large in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'after login the browser shows 400 Bad Request - Request Header Or Cookie Too Large from nginx' },
      },
    ],
    invalid: [
      {
        // The princeton_ansible#1323 line (https://github.com/pulibrary/princeton_ansible/issues/1323, scrubbed) wrapped after "upstream,".
        name: 'too big header split after "upstream," (real line)',
        form: 'split over lines',
        evidence: {
          'error.log':
            '2020/02/27 15:38:01 [error] 1937#1937: *29069409 upstream sent too big header while reading response header from upstream,\nclient: 10.9.73.243, server: catalog.example.edu, request: "GET /requests/4841014?mfhd=5040471&source=pulsearch HTTP/2.0", upstream: "http://10.0.0.12:80/requests/4841014?mfhd=5040471&source=pulsearch", host: "catalog.example.edu"',
        },
      },
      {
        // nginx's message (ngx_http_proxy_module.c "upstream sent too big header") quoted in a sentence.
        name: 'the message quoted in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'after sign-in with Azure AD we get 502 and nginx logs "upstream sent too big header while reading response header from upstream", the auth cookies are huge' },
      },
      {
        // The error line with its query string escaped by Slack.
        name: 'the error line with a Slack-escaped query string',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '2026/11/20 10:15:01 [error] 1234#1234: *5678 upstream sent too big header while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "GET /signin-oidc?code=REDACTED&amp;state=REDACTED HTTP/1.1", upstream: "http://127.0.0.1:5000/signin-oidc?code=REDACTED&amp;state=REDACTED", host: "example.com"' },
      },
      {
        // The nginx message (kb-facts NGX) in Russian prose.
        name: 'Russian prose around the message',
        form: 'other language',
        evidence: { 'сообщение.txt': 'После входа nginx отдаёт 502, в логе: upstream sent too big header while reading response header from upstream. Что увеличить?' },
      },
    ],
  },
});
