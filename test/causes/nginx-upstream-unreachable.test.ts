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
  messy: {
    valid: [
      {
        // nginx's read timeout (ngx_http_upstream.c) in a sentence: the app was reached and was slow.
        name: 'a read timeout in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'nginx error.log has "upstream timed out (110: Connection timed out) while reading response header from upstream" on the export' },
      },
    ],
    invalid: [
      {
        // https://github.com/adi90x/rancher-active-proxy/issues/6 (the container log prefix before nginx's own lines; client and host scrubbed)
        name: 'no live upstreams behind a container log prefix, with the 502 access rows (real)',
        form: 'mid-line',
        evidence: {
          'rancher.txt': [
            '20.1.2017 09:52:14nginx.1     | 2017/01/20 08:52:14 [error] 1717#1717: *99317 no live upstreams while connecting to upstream, client: 203.0.113.236, server: test.example.com, request: "GET /api/industries HTTP/2.0", upstream: "http://test.example.com/api/industries", host: "test.example.com"',
            '20.1.2017 09:52:14nginx.1     | test.example.com 203.0.113.236 - admin [20/Jan/2017:08:52:14 +0000] "GET /api/industries HTTP/2.0" 502 638 "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_2) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.95 Safari/537.36"',
          ].join('\n'),
        },
      },
      {
        // nginx's refused connect (ngx_event_connect.c, kb-facts NGX) wrapped after "upstream,".
        name: 'a refused connect split after "upstream,"',
        form: 'split over lines',
        evidence: {
          'error.log':
            '2026/11/20 10:15:01 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream,\nclient: 203.0.113.7, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "shop.example.com"',
        },
      },
      {
        // https://github.com/aspnet/KestrelHttpServer/issues/2658 (first line of the paste starts mid-line; addresses masked in the thread, client scrubbed)
        name: 'premature close lines, the first one cut mid-line (real)',
        form: 'mid-line',
        evidence: {
          'nginx.txt': [
            ' *27742 upstream prematurely closed connection while reading response header from upstream, client: 1xx.**.1*6.2, server: tmp.1****6.cloud, request: "GET / HTTP/2.0", upstream: "http://1**.1**.2**.36:12758/", host: "tmp.1****6.cl**d"',
            '2018/06/12 10:44:38 [error] 17726#17726: *27742 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.2, server: tmp.1****6.cl**d, request: "GET /favicon.ico HTTP/2.0", upstream: "http://1**.1**.2**.36:12758/favicon.ico", host: "tmp.1****6.cl**d", referrer: "https://tmp.1****6.cl**d/"',
          ].join('\n'),
        },
      },
      {
        // nginx's refused connect (kb-facts NGX) in Portuguese prose.
        name: 'Portuguese prose around a refused connect',
        form: 'other language',
        evidence: {
          'mensagem.txt': [
            'Depois do reboot o nginx só devolve 502. No error.log:',
            '2026/11/20 10:15:01 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: loja.example.com.br, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "loja.example.com.br"',
            'O serviço kestrel-loja está rodando?',
          ].join('\n'),
        },
      },
      {
        // The refused message quoted in a sentence (ngx_event_connect.c text).
        name: 'the refused message quoted in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'nginx returns 502 and the log says connect() failed (111: Connection refused) while connecting to upstream, upstream is http://127.0.0.1:5000' },
      },
    ],
  },
});
