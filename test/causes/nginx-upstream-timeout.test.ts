import cause from '../../src/causes/nginx-upstream-timeout';
import { runCauseTests } from '../helpers/cause-tester';
import { ALB, nginxError, NGINX, nginxPage } from './edge-samples';

/** Real line from https://github.com/aspnet/KestrelHttpServer/issues/932 (wrapped in the thread; rejoined, address scrubbed). */
const KESTREL_932 =
  '2016/06/16 10:31:23 [error] 30420#0: *118 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.9, server: localhost, request: "GET /fonts/ionicons.ttf?v=2.0.0 HTTP/1.1", upstream: "http://127.0.0.1:51056/fonts/ionicons.ttf?v=2.0.0", host: "203.0.113.9:11002", referrer: "http://203.0.113.9:11002/Default/Index"';

runCauseTests(cause, {
  valid: [
    { name: 'a refused connection is not a timeout', evidence: { 'error.log': nginxError(NGINX.refused) } },
    { name: 'an ALB 504 in an ALB log is the ALB\'s', evidence: { 'alb.log': ALB.timeout504 } },
    { name: 'an nginx 502 page is not a timeout', evidence: { 'page.html': nginxPage(502, 'Bad Gateway') } },
    { name: 'nginx access log rows with 200', evidence: { 'access.log': '203.0.113.5 - - [20/Nov/2026:10:15:01 +0000] "GET /api HTTP/1.1" 200 157 "-" "curl/8.5.0"' } },
  ],
  invalid: [
    {
      name: 'read timeout to Kestrel (real line)',
      evidence: { 'error.log': KESTREL_932 },
      minConfidence: 0.75,
      evidenceLines: [1],
      // The fix names the user's own upstream and route, not a made-up one.
      mentions: ['http://127.0.0.1:51056', 'proxy_read_timeout', 'Request finished', 'location /fonts/ {', 'proxy_pass         http://127.0.0.1:51056;'],
    },
    {
      name: 'read timeouts plus access-log rows that end at 60 s',
      evidence: {
        'error.log': [nginxError(NGINX.readTimeout, undefined, '10:15:01'), nginxError(NGINX.readTimeout, undefined, '10:15:09'), nginxError(NGINX.readTimeout, undefined, '10:16:30')].join('\n'),
        'access.log': '203.0.113.7 - - [20/Nov/2026:10:15:01 +0000] "GET /api/orders HTTP/1.1" 504 167 "-" "Mozilla/5.0" rt=60.001 urt="60.001"',
      },
      minConfidence: 0.9,
      mentions: ['ending at 60 s', '3 error-log lines'],
    },
    {
      name: 'connect timeout: Kestrel did not accept the connection',
      evidence: { 'error.log': nginxError(NGINX.connectTimeout) },
      minConfidence: 0.65,
      mentions: ['could not even open a TCP connection', 'thread pool starvation', 'proxy_connect_timeout 5s'],
    },
    {
      name: 'the nginx 504 page alone',
      evidence: { 'page.html': nginxPage(504, 'Gateway Time-out') },
      minConfidence: 0.55,
      maxConfidence: 0.65,
      mentions: ['log_format'],
    },
  ],
  messy: {
    valid: [
      {
        // nginx's refused connect (ngx_event_connect.c) wrapped by the terminal: unreachable, not slow.
        name: 'a refused connect wrapped over two lines is not a timeout',
        form: 'split over lines',
        evidence: {
          'paste.txt':
            '2026/11/20 10:15:01 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream,\n client: 203.0.113.7, server: example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://127.0.0.1:5000/api/orders", host: "example.com"',
        },
      },
    ],
    invalid: [
      {
        // https://github.com/Kong/kong/issues/4131 (a maintainer quoting the reporter's error.log in Markdown inline code)
        name: 'the message quoted in inline code by a maintainer (real)',
        form: 'fenced',
        evidence: { 'comment.txt': 'The error logs you\'ve posted:\n\n` upstream timed out (110: Connection timed out) while reading response header from upstream`\n\nIndicate that the timeout is coming from the upstream service, not Kong.' },
      },
      {
        // The read-timeout line of KestrelHttpServer#932 as the thread shows it: wrapped by the mail client (addresses scrubbed).
        // https://github.com/aspnet/KestrelHttpServer/issues/932
        name: 'a read timeout wrapped across four lines, as pasted in the Kestrel thread',
        form: 'split over lines',
        evidence: {
          'nginx.txt': [
            '          2016/06/16 10:31:23 [error] 30420#0: *118 upstream timed out (110: Connection timed out) while',
            '          reading response header from upstream, client:ipserver, server: localhost, request: "GET',
            '          /fonts/ionicons.ttf?v=2.0.0 HTTP/1.1", upstream: "http://127.0.0.1:51056/fonts/ionicons.ttf?v=2.0.0",',
            '         host: "ipserver:11002", referrer: "http://ipserver:11002/Default/Index"',
          ].join('\n'),
        },
      },
      {
        // nginx error.log line (ngx_http_upstream.c "upstream timed out", kb-facts NGX) split after "upstream,".
        name: 'a read timeout split after "upstream,"',
        form: 'split over lines',
        evidence: {
          'error.log':
            '2026/11/20 10:15:01 [error] 1234#1234: *5678 upstream timed out (110: Connection timed out) while reading response header from upstream,\nclient: 203.0.113.7, server: shop.example.com, request: "POST /api/reports HTTP/1.1", upstream: "http://127.0.0.1:5000/api/reports", host: "shop.example.com"',
        },
      },
      {
        // nginx's message text (ngx_http_upstream.c) quoted in a sentence, without the log prefix.
        name: 'the timeout message quoted in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'nginx keeps logging "upstream timed out (110: Connection timed out) while reading response header from upstream" for /api/reports, the dotnet app takes about 90s for that one' },
      },
      {
        // nginx error.log line (kb-facts NGX) inside German prose.
        name: 'German prose around the error-log line',
        form: 'other language',
        evidence: {
          'nachricht.txt': [
            'Hallo zusammen, seit dem Update liefert nginx für den Export nach einer Minute 504. Im error.log steht:',
            '2026/11/20 10:16:30 [error] 812#812: *3310 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.1.2.3, server: intranet.example.de, request: "GET /export?jahr=2026 HTTP/1.1", upstream: "http://127.0.0.1:5000/export?jahr=2026", host: "intranet.example.de"',
            'Die API braucht dafür ungefähr 90 Sekunden. Woran liegt das?',
          ].join('\n'),
        },
      },
      {
        // The line without its date/pid prefix (copied from the middle of the line), with a query string Slack escaped.
        name: 'mid-line copy without the log prefix, Slack-escaped query string',
        form: 'mid-line',
        slack: true,
        evidence: {
          'slack.txt': '*5678 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: shop.example.com, request: "GET /api/search?q=a&amp;page=2 HTTP/1.1", upstream: "http://127.0.0.1:5000/api/search?q=a&amp;page=2"',
        },
      },
      {
        // nginx's 504 page (ngx_http_special_response.c) as Slack delivers pasted markup.
        name: "nginx's 504 page, Slack-escaped, with a remark",
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'the report page shows this after a minute:\n&lt;html&gt;\n&lt;head&gt;&lt;title&gt;504 Gateway Time-out&lt;/title&gt;&lt;/head&gt;\n&lt;body&gt;\n&lt;center&gt;&lt;h1&gt;504 Gateway Time-out&lt;/h1&gt;&lt;/center&gt;\n&lt;hr&gt;&lt;center&gt;nginx/1.18.0 (Ubuntu)&lt;/center&gt;\n&lt;/body&gt;\n&lt;/html&gt;' },
      },
    ],
  },
});
