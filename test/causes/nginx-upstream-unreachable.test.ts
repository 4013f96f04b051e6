import cause from '../../src/causes/nginx-upstream-unreachable';
import { runCauseTests } from '../helpers/cause-tester';
import { nginxError, NGINX, nginxPage } from './edge-samples';

/** Real lines from https://github.com/dotnet/AspNetCore.Docs/issues/8300 (Kestrel behind nginx behind Cloudflare; hosts scrubbed). */
const DOCS_8300 = [
  '2018/08/28 23:04:35 [error] 13215#13215: *1 upstream prematurely closed connection while reading response header from upstream, client: 198.51.100.36, server: stats.example.com, request: "GET /api/Provider/1/ServerList HTTP/1.1", upstream: "http://10.0.0.253:8081/api/Provider/1/ServerList", host: "stats.example.com", referrer: "https://stats.example.com/"',
  '2018/08/28 23:05:11 [error] 13215#13215: *7 upstream prematurely closed connection while reading response header from upstream, client: 198.51.100.36, server: stats.example.com, request: "GET /api/Providers HTTP/1.1", upstream: "http://10.0.0.253:8081/api/Providers", host: "stats.example.com", referrer: "https://stats.example.com/"',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'a read timeout is the timeout cause', evidence: { 'error.log': nginxError(NGINX.readTimeout) } },
    { name: 'too big header is a response the app did send', evidence: { 'error.log': nginxError(NGINX.tooBig) } },
    { name: 'an nginx 502 page explained by a TLS error line is not this cause', evidence: { 'error.log': nginxError(NGINX.sslWrongVersion, 'https://127.0.0.1:5000/'), 'page.html': nginxPage(502, 'Bad Gateway') } },
    { name: 'an "upstream server temporarily disabled" warning alone', evidence: { 'error.log': '2026/11/20 10:15:01 [warn] 1234#1234: *5678 upstream server temporarily disabled while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "example.com"' } },
  ],
  invalid: [
    {
      name: 'connection refused on Kestrel\'s port',
      evidence: { 'error.log': nginxError(NGINX.refused) },
      minConfidence: 0.75,
      evidenceLines: [1],
      mentions: ['port 5000', 'http://127.0.0.1:5000', 'Restart=always', 'Now listening on:'],
    },
    {
      name: 'premature close from Kestrel (real lines)',
      evidence: { 'error.log': DOCS_8300 },
      minConfidence: 0.7,
      evidenceLines: [1, 2],
      mentions: ['http://10.0.0.253:8081', 'OOM killer', 'keepalive_timeout'],
    },
    {
      name: 'no live upstreams after refused connections: the refusal is the cause',
      evidence: { 'error.log': [nginxError(NGINX.refused), nginxError(NGINX.noLive, 'http://app/api/orders'), nginxError(NGINX.noLive, 'http://app/api/orders')].join('\n') },
      minConfidence: 0.8,
      mentions: ['Connection refused'],
    },
    {
      name: 'premature close with the app\'s own shutdown in its log',
      evidence: {
        'error.log': nginxError(NGINX.prematureClose),
        'stdout.log': 'info: Microsoft.Hosting.Lifetime[0]\n      Application is shutting down...',
      },
      minConfidence: 0.75,
      mentions: ['pasted app output shows the process stopping'],
    },
    {
      name: 'an exception Kestrel caught and logged is not a dying app, so no boost', trails: "A premature close beside an exception the app threw fits a response the app broke as well (crash family).",
      evidence: {
        'error.log': nginxError(NGINX.prematureClose),
        'stdout.log': [
          'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
          '      Connection id "0HN7R3T5L2Q1V", Request id "0HN7R3T5L2Q1V:00000002": An unhandled exception was thrown by the application.',
          '      System.InvalidOperationException: Sequence contains no elements',
          '         at System.Linq.ThrowHelper.ThrowNoElementsException()',
        ].join('\n'),
      },
      maxConfidence: 0.72,
    },
    {
      name: 'the nginx 502 page alone is possible, not likely', trails: "nginx's page alone does not say why: the family-level answer leads.",
      evidence: { 'page.html': nginxPage(502, 'Bad Gateway') },
      maxConfidence: 0.4,
      mentions: ['Paste the error.log lines'],
    },
  ],
});
