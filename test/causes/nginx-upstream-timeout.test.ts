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
});
