/**
 * Signatures of nginx. See types.ts for what a signature is and how it is matched.
 *
 * Upstream failures are error.log lines: a message, then the action nginx was doing ("while
 * connecting to upstream", set as `log->action` in ngx_http_upstream.c), then context fields
 * (`client: …, upstream: "http://127.0.0.1:5000/…"`). Client-side errors share the errno texts
 * (a reset while sending to the client), so errno signatures require an upstream action. nginx
 * answers 504 when its own timer ran out and 502 for every other upstream failure (kb-facts 6.4).
 * The generic 502/504 page titles live here too, since nginx draws the most common one.
 */
import type { Signature } from './types';

const UPSTREAM_C = 'nginx/nginx src/http/ngx_http_upstream.c';
const CONNECT_C = 'nginx/nginx src/event/ngx_event_connect.c ("connect() to %V failed"; before 1.25 "connect() failed") with the action string of ngx_http_upstream.c';
const PROXY_C = 'nginx/nginx src/http/modules/ngx_http_proxy_module.c';

/** The upstream address from the context fields: `upstream: "http://127.0.0.1:5000/api"`. */
const UPSTREAM = /upstream:\s{0,3}"([^"\s]{1,200})"/i;

/** The actions nginx logs while it deals with the upstream (ngx_http_upstream.c, stream proxy). */
const UPSTREAM_ACTIONS = [
  'while connecting to upstream',
  'while sending request to upstream',
  'while reading response header from upstream',
  'while reading upstream',
  'while ssl handshaking to upstream',
  'while proxying upgraded connection',
  'while proxying connection',
];

/** An HTTP status of a gateway page. */
const PAGE_STATUS = /\b(50[234])\b/;

const PREFIX = '2026/11/20 10:15:02 [error] 1234#1234: *57';
const CONTEXT = 'client: 10.0.0.7, server: shop.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://127.0.0.1:5000/api/orders", host: "shop.example.com"';
const ACCESS_200 = '10.0.0.7 - - [20/Nov/2026:10:15:02 +0000] "GET /api/orders HTTP/1.1" 200 512 "-" "Mozilla/5.0"';

export const SIGNATURES: readonly Signature[] = [
  // nginx itself ran out of connections or file descriptors: the box is at a limit
  {
    clue: 'net.connection-limit',
    all: ['worker_connections are not enough'],
    source: 'nginx/nginx src/core/ngx_connection.c (ngx_get_connection: "%ui worker_connections are not enough")',
    examples: { match: [`${PREFIX} 768 worker_connections are not enough while connecting to upstream, ${CONTEXT}`, '2026/11/20 10:15:02 [alert] 1234#1234: 1024 worker_connections are not enough'] },
  },
  {
    clue: 'net.connection-limit',
    all: ['too many open files'],
    any: ['(24:', 'emfile', 'socket() failed', 'accept4() failed', 'ioexception', 'socketexception'],
    source: 'glibc strerror(EMFILE) "Too many open files", as nginx (socket()/accept4() failed (24: ...)) and dotnet/runtime (IOException, SocketException) show it',
    examples: {
      match: ['2026/11/20 10:15:02 [alert] 1234#1234: *57 socket() failed (24: Too many open files) while connecting to upstream', 'System.Net.Sockets.SocketException (24): Too many open files', 'accept4() failed (24: Too many open files)'],
      noMatch: ['we had too many open files in the editor'],
    },
  },
  // connect() refused: nothing listens at the upstream address (Kestrel stopped, crashed, other port)
  {
    clue: 'nginx.connect-refused',
    all: ['connect() failed (111'],
    value: UPSTREAM,
    source: CONNECT_C,
    examples: {
      match: [`${PREFIX} connect() failed (111: Connection refused) while connecting to upstream, ${CONTEXT}`, 'connect() failed (111: Connection refused) while connecting to upstream'],
      noMatch: ['curl: (7) Failed to connect to localhost port 5000 after 0 ms: Connection refused', ACCESS_200],
    },
  },
  {
    clue: 'nginx.connect-refused',
    all: ['connect() to ', 'failed (111'],
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`${PREFIX} connect() to 127.0.0.1:5000 failed (111: Connection refused) while connecting to upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.connect-refused',
    all: ['(111: connection refused)'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: CONNECT_C,
    examples: {
      match: ['(111: Connection refused) while connecting to upstream, client: 10.0.0.7'],
      noMatch: ['dial tcp 127.0.0.1:5000: connect: connection refused (111: Connection refused)'],
    },
  },
  {
    // nginx for Windows: WSAECONNREFUSED
    clue: 'nginx.connect-refused',
    all: ['(10061: no connection could be made'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`2026/11/20 10:15:02 [error] 4711#4712: *9 connect() failed (10061: No connection could be made because the target machine actively refused it) while connecting to upstream, ${CONTEXT}`] },
  },
  {
    // A unix socket (proxy_pass http://unix:/run/app.sock) nobody created: the app is not listening
    clue: 'nginx.connect-refused',
    all: ['(2: no such file or directory)', 'while connecting to upstream'],
    value: UPSTREAM,
    source: CONNECT_C,
    examples: {
      match: [`${PREFIX} connect() to unix:/run/kestrel-shop.sock failed (2: No such file or directory) while connecting to upstream, client: 10.0.0.7, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://unix:/run/kestrel-shop.sock:/", host: "shop.example.com"`],
      noMatch: [`${PREFIX} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.0.0.7, server: shop.example.com, request: "GET /favicon.ico HTTP/1.1"`],
    },
  },
  // connect() could not reach the host at all (no route, network down): no nginx clue of its own
  {
    clue: 'net.unreachable',
    all: ['(113: no route to host)'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`${PREFIX} connect() failed (113: No route to host) while connecting to upstream, ${CONTEXT}`] },
  },
  {
    clue: 'net.unreachable',
    all: ['(101: network is unreachable)'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`${PREFIX} connect() to [fd00::17]:5000 failed (101: Network is unreachable) while connecting to upstream, ${CONTEXT}`] },
  },
  {
    clue: 'net.unreachable',
    all: ['(113: host is unreachable)'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`${PREFIX} connect() to 10.0.1.23:8080 failed (113: Host is unreachable) while connecting to upstream, ${CONTEXT}`] },
  },
  // Connecting timed out (proxy_connect_timeout, 60 s by default): 504
  {
    clue: 'nginx.connect-timed-out',
    all: ['upstream timed out', 'while connecting to upstream'],
    value: UPSTREAM,
    source: UPSTREAM_C,
    examples: {
      match: [`${PREFIX} upstream timed out (110: Connection timed out) while connecting to upstream, ${CONTEXT}`],
      noMatch: [`${PREFIX} upstream timed out (110: Connection timed out) while reading response header from upstream, ${CONTEXT}`],
    },
  },
  {
    clue: 'nginx.connect-timed-out',
    all: ['connect() failed (110'],
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`${PREFIX} connect() failed (110: Connection timed out) while connecting to upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.connect-timed-out',
    all: ['connect() to ', 'failed (110'],
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`${PREFIX} connect() to 10.0.1.23:8080 failed (110: Connection timed out) while connecting to upstream, ${CONTEXT}`] },
  },
  {
    // nginx for Windows: WSAETIMEDOUT
    clue: 'nginx.connect-timed-out',
    all: ['(10060: a connection attempt failed', 'while connecting to upstream'],
    value: UPSTREAM,
    source: CONNECT_C,
    examples: { match: [`2026/11/20 10:15:02 [error] 4711#4712: *9 upstream timed out (10060: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond) while connecting to upstream, ${CONTEXT}`] },
  },
  // The upstream took too long to send or to answer (proxy_read_timeout / proxy_send_timeout): 504
  {
    clue: 'nginx.upstream-timed-out',
    all: ['upstream timed out'],
    none: ['while connecting to upstream'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} (ngx_http_upstream_next, FT_TIMEOUT → 504)`,
    examples: {
      match: [
        `${PREFIX} upstream timed out (110: Connection timed out) while reading response header from upstream, ${CONTEXT}`,
        `${PREFIX} upstream timed out (110: Connection timed out) while reading upstream, ${CONTEXT}`,
        `${PREFIX} upstream timed out (110: Connection timed out) while sending request to upstream, ${CONTEXT}`,
        'upstream timed out (110: Operation timed out) while reading response header from upstream',
      ],
      noMatch: [
        `${PREFIX} client timed out (110: Connection timed out) while reading client request headers, client: 10.0.0.7, server: shop.example.com`,
        `${PREFIX} upstream timed out (110: Connection timed out) while connecting to upstream, ${CONTEXT}`,
      ],
    },
  },
  {
    clue: 'nginx.no-live-upstreams',
    all: ['no live upstreams'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("no live upstreams", FT_NOLIVE)`,
    examples: {
      match: [`${PREFIX} no live upstreams while connecting to upstream, client: 10.0.0.7, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://shop_backend/", host: "shop.example.com"`],
      noMatch: ['2026/11/20 10:15:01 [warn] 1234#1234: *56 upstream server temporarily disabled while connecting to upstream', 'no healthy upstream'],
    },
  },
  {
    clue: 'nginx.premature-close',
    all: ['upstream prematurely closed'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("upstream prematurely closed connection")`,
    examples: {
      match: [
        `${PREFIX} upstream prematurely closed connection while reading response header from upstream, ${CONTEXT}`,
        `${PREFIX} upstream prematurely closed connection while reading upstream, ${CONTEXT}`,
        'upstream prematurely closed FastCGI stdout while reading response header from upstream',
      ],
      noMatch: [`${PREFIX} client prematurely closed connection while sending to client, ${CONTEXT}`],
    },
  },
  // The upstream reset the connection (ECONNRESET) or it broke while nginx sent the request (EPIPE): 502
  {
    clue: 'nginx.reset-by-peer',
    all: ['(104: connection reset by peer)'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: `${UPSTREAM_C} (recv()/readv()/send() errors with the upstream action)`,
    examples: {
      match: [
        `${PREFIX} recv() failed (104: Connection reset by peer) while reading response header from upstream, ${CONTEXT}`,
        `${PREFIX} readv() failed (104: Connection reset by peer) while reading upstream, ${CONTEXT}`,
        `${PREFIX} writev() failed (104: Connection reset by peer) while sending request to upstream, ${CONTEXT}`,
      ],
      noMatch: [
        `${PREFIX} writev() failed (104: Connection reset by peer) while sending to client, ${CONTEXT}`,
        `${PREFIX} recv() failed (104: Connection reset by peer) while reading client request line, client: 10.0.0.7, server: shop.example.com`,
      ],
    },
  },
  {
    clue: 'nginx.reset-by-peer',
    all: ['(10054: an existing connection was forcibly closed'],
    any: UPSTREAM_ACTIONS,
    value: UPSTREAM,
    source: `${UPSTREAM_C} (nginx for Windows, WSAECONNRESET)`,
    examples: { match: [`2026/11/20 10:15:02 [error] 4711#4712: *9 WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) while reading response header from upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.reset-by-peer',
    all: ['(32: broken pipe)'],
    any: ['while sending request to upstream', 'while reading response header from upstream'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} (send()/writev() EPIPE with the upstream action)`,
    examples: {
      match: [`${PREFIX} writev() failed (32: Broken pipe) while sending request to upstream, ${CONTEXT}`],
      noMatch: [`${PREFIX} writev() failed (32: Broken pipe) while sending to client, ${CONTEXT}`],
    },
  },
  {
    clue: 'nginx.header-too-big',
    all: ['upstream sent too big header'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("upstream sent too big header", proxy_buffer_size)`,
    examples: { match: [`${PREFIX} upstream sent too big header while reading response header from upstream, ${CONTEXT}`] },
  },
  // The upstream's answer is not valid HTTP: 502
  {
    clue: 'nginx.invalid-header',
    all: ['upstream sent invalid'],
    value: UPSTREAM,
    source: `${PROXY_C} ("upstream sent invalid header", "… invalid chunked response", "… invalid \\"Content-Length\\" header"), ${UPSTREAM_C}`,
    examples: {
      match: [
        `${PREFIX} upstream sent invalid header: "X-Trace\\x0D..." while reading response header from upstream, ${CONTEXT}`,
        `${PREFIX} upstream sent invalid chunked response while reading upstream, ${CONTEXT}`,
        `${PREFIX} upstream sent invalid "Content-Length" header: "Content-Length: 12, 13" while reading response header from upstream, ${CONTEXT}`,
      ],
      noMatch: [`${PREFIX} client sent invalid header line: "X-Foo\\x0D" while reading client request headers, client: 10.0.0.7`],
    },
  },
  {
    clue: 'nginx.invalid-header',
    all: ['upstream sent no valid'],
    value: UPSTREAM,
    source: `${PROXY_C} ("upstream sent no valid HTTP/1.0 header")`,
    examples: { match: [`${PREFIX} upstream sent no valid HTTP/1.0 header while reading response header from upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.invalid-header',
    all: ['upstream sent "content-length" and'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("upstream sent \\"Content-Length\\" and \\"Transfer-Encoding\\" headers at the same time")`,
    examples: { match: [`${PREFIX} upstream sent "Content-Length" and "Transfer-Encoding" headers at the same time while reading response header from upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.invalid-header',
    all: ['upstream sent duplicate header line'],
    any: ['content-length', 'transfer-encoding'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("upstream sent duplicate header line", an error for Content-Length / Transfer-Encoding)`,
    examples: {
      match: [`${PREFIX} upstream sent duplicate header line: "Content-Length: 120", previous value: "Content-Length: 118" while reading response header from upstream, ${CONTEXT}`],
      noMatch: [`2026/11/20 10:15:02 [warn] 1234#1234: *57 upstream sent duplicate header line: "Location: /a", previous value: "Location: /b", ignoring while reading response header from upstream`],
    },
  },
  // TLS to the upstream (proxy_pass https://, proxy_ssl_verify): 502
  {
    clue: 'nginx.ssl-handshake',
    all: ['ssl_do_handshake() failed'],
    any: ['ssl handshaking to upstream', 'upstream: "'],
    value: UPSTREAM,
    source: 'nginx/nginx src/event/ngx_event_openssl.c ("SSL_do_handshake() failed") with the action "SSL handshaking to upstream" of ngx_http_upstream.c',
    examples: {
      match: [`${PREFIX} SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream, client: 10.0.0.7, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "https://127.0.0.1:5001/", host: "shop.example.com"`],
      noMatch: [`${PREFIX} SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 203.0.113.9, server: 0.0.0.0:443`],
    },
  },
  {
    clue: 'nginx.ssl-handshake',
    all: ['upstream ssl certificate verify error'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("upstream SSL certificate verify error: (%l:%s)")`,
    examples: { match: [`${PREFIX} upstream SSL certificate verify error: (19:self-signed certificate in certificate chain) while SSL handshaking to upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.ssl-handshake',
    all: ['upstream ssl certificate does not match'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} ("upstream SSL certificate does not match \\"%V\\"")`,
    examples: { match: [`${PREFIX} upstream SSL certificate does not match "api.internal" while SSL handshaking to upstream, ${CONTEXT}`] },
  },
  {
    clue: 'nginx.ssl-handshake',
    all: ['while ssl handshaking to upstream'],
    value: UPSTREAM,
    source: `${UPSTREAM_C} (log action "SSL handshaking to upstream"), ngx_event_openssl.c ("peer closed connection in SSL handshake")`,
    examples: { match: [`${PREFIX} peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking to upstream, ${CONTEXT}`] },
  },
  // gRPC / HTTP/2 to the upstream (grpc_pass, proxy_http_version 2) and an upstream that does not speak it
  {
    // The frame length is the first three bytes read: 4740180 = 0x485454 = "HTT", an HTTP/1.x status line.
    clue: 'nginx.upstream-not-http2',
    all: ['upstream sent too large http2 frame'],
    value: /too large http2 frame:\s{0,2}(\d{1,10})/i,
    source: 'nginx/nginx src/http/modules/ngx_http_grpc_module.c ("upstream sent too large http2 frame: %uz")',
    examples: {
      match: [
        '2026/11/20 10:15:02 [error] 29#29: *1 upstream sent too large http2 frame: 4740180 while reading response header from upstream, client: 172.18.0.1, server: , request: "POST /greet.Greeter/SayHello HTTP/2.0", upstream: "grpc://172.18.0.2:8080", host: "localhost:8080"',
      ],
    },
  },
  {
    // HTTP/2 error 13 is HTTP_1_1_REQUIRED (RFC 9113): Kestrel sends it for the HTTP/2 preface on an HTTP/1.x endpoint.
    clue: 'nginx.upstream-not-http2',
    all: ['with error 13 while'],
    any: ['upstream sent goaway', 'upstream rejected request'],
    source: 'nginx/nginx src/http/modules/ngx_http_grpc_module.c ("upstream sent goaway with error %ui", "upstream rejected request with error %ui")',
    examples: {
      match: ['2026/11/20 10:15:02 [error] 31#31: *7 upstream sent goaway with error 13 while reading response header from upstream, client: 10.0.0.7, server: grpc.example.com, request: "POST /orders.Orders/Get HTTP/2.0", upstream: "grpc://10.0.1.23:8080", host: "grpc.example.com"'],
      noMatch: ['upstream sent goaway with error 0 while reading response header from upstream'],
    },
  },

  // The upstream host name did not resolve: at start-up (emerg) or at run time with a resolver
  {
    clue: 'nginx.host-not-found',
    all: ['host not found in upstream'],
    value: /host not found in upstream\s{0,2}"?([^"\s]{1,200})/i,
    source: 'nginx/nginx src/http/modules/ngx_http_proxy_module.c ("%s in upstream \\"%V\\"") with src/core/ngx_inet.c ("host not found")',
    examples: {
      match: ['2026/11/20 10:15:02 [emerg] 1#1: host not found in upstream "shop-api:8080" in /etc/nginx/conf.d/default.conf:12', 'nginx: [emerg] host not found in upstream "backend" in /etc/nginx/nginx.conf:40'],
      noMatch: ['curl: (6) Could not resolve host: shop-api'],
    },
  },
  {
    clue: 'nginx.host-not-found',
    all: ['could not be resolved ('],
    any: [': host not found)', ': server failure)', ': operation timed out)', ': operation refused)', ': format error)'],
    value: /([^\s"(),]{1,200}) could not be resolved/i,
    source: `${UPSTREAM_C} ("%V could not be resolved (%i: %s)", ngx_resolver_strerror)`,
    examples: {
      match: [`${PREFIX} shop-api.default.svc.cluster.local could not be resolved (3: Host not found), ${CONTEXT}`, `${PREFIX} api.internal could not be resolved (110: Operation timed out), ${CONTEXT}`],
      noMatch: ['The name could not be resolved (check DNS)'],
    },
  },
  {
    clue: 'nginx.host-not-found',
    all: ['no resolver defined to resolve'],
    value: /no resolver defined to resolve ([^\s,]{1,200})/i,
    source: 'nginx/nginx src/http/ngx_http_upstream.c ("no resolver defined to resolve %V")',
    examples: { match: [`${PREFIX} no resolver defined to resolve shop-api, ${CONTEXT}`] },
  },
  // nginx's own error pages (ngx_http_special_response.c): the status line and "nginx" together
  {
    clue: 'nginx.page',
    all: ['502 bad gateway', 'nginx'],
    none: ['cloudflare'],
    value: PAGE_STATUS,
    source: 'nginx/nginx src/http/ngx_http_special_response.c (ngx_http_error_502_page, ngx_http_error_tail)',
    examples: {
      match: ['502 Bad Gateway nginx/1.24.0 (Ubuntu)', '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'],
      noMatch: ['502 Bad Gateway cloudflare-nginx', '502 Bad Gateway'],
    },
  },
  {
    clue: 'nginx.page',
    all: ['504 gateway time-out', 'nginx'],
    none: ['cloudflare'],
    value: PAGE_STATUS,
    source: 'nginx/nginx src/http/ngx_http_special_response.c (ngx_http_error_504_page)',
    examples: { match: ['504 Gateway Time-out nginx/1.18.0'] },
  },
  {
    clue: 'nginx.page',
    all: ['504 gateway timeout', 'nginx'],
    none: ['cloudflare'],
    value: PAGE_STATUS,
    source: 'nginx/nginx src/http/ngx_http_special_response.c (ngx_http_error_504_page), as people retype it',
    examples: { match: ['getting 504 Gateway Timeout from nginx on long reports'] },
  },
  {
    clue: 'nginx.page',
    all: ['503 service temporarily unavailable', 'nginx'],
    none: ['cloudflare'],
    value: PAGE_STATUS,
    source: 'nginx/nginx src/http/ngx_http_special_response.c (ngx_http_error_503_page)',
    examples: { match: ['503 Service Temporarily Unavailable nginx'] },
  },
  {
    // The signature line of the page, when the heading was copied on its own line
    clue: 'nginx.page',
    all: ['<center>nginx'],
    value: PAGE_STATUS,
    source: 'nginx/nginx src/http/ngx_http_special_response.c (ngx_http_error_tail, ngx_http_error_full_tail)',
    examples: { match: ['<hr><center>nginx/1.24.0</center>'], noMatch: ['server: nginx/1.24.0', ACCESS_200] },
  },
  // Any gateway's 502 / 504 page or status line (nginx, ALB, Traefik, App Gateway, Apache mod_proxy)
  // People say these reason phrases as often as gateways write them ("we get 502 Bad Gateway when
  // ..."): like a product's name, they leave the narration on their line counting (`names`).
  {
    clue: 'proxy.bad-gateway',
    all: ['502 bad gateway'],
    names: true,
    source: 'RFC 9110 15.6.3 reason phrase; nginx/nginx src/http/ngx_http_special_response.c; haproxy src/http.c',
    examples: {
      match: ['HTTP/1.1 502 Bad Gateway', '<title>502 Bad Gateway</title>'],
      noMatch: ['HTTP Error 502.3 - Bad Gateway', ACCESS_200],
    },
  },
  {
    clue: 'proxy.bad-gateway',
    all: ['502: bad gateway'],
    names: true,
    source: 'Cloudflare error page title "<host> | 502: Bad gateway" (kb-facts 6.1)',
    examples: { match: ['shop.example.com | 502: Bad gateway'] },
  },
  {
    clue: 'proxy.bad-gateway',
    all: ['proxy server received an invalid response from an upstream server'],
    names: true,
    source: 'apache/httpd modules/proxy (mod_proxy 502 page "Proxy Error")',
    examples: { match: ['Proxy Error The proxy server received an invalid response from an upstream server.'] },
  },
  {
    clue: 'proxy.gateway-timeout',
    all: ['504 gateway time-out'],
    names: true,
    source: 'nginx/nginx src/http/ngx_http_special_response.c (ngx_http_error_504_page); haproxy src/http.c',
    examples: { match: ['<html><head><title>504 Gateway Time-out</title></head>', 'HTTP/1.1 504 Gateway Time-out'], noMatch: [ACCESS_200] },
  },
  {
    clue: 'proxy.gateway-timeout',
    all: ['504 gateway timeout'],
    names: true,
    source: 'RFC 9110 15.6.5 reason phrase "Gateway Timeout"',
    examples: { match: ['HTTP/2 504 Gateway Timeout'] },
  },
  {
    clue: 'proxy.gateway-timeout',
    all: ['504: gateway time'],
    names: true,
    source: 'Cloudflare error page title "<host> | 504: Gateway time-out" (kb-facts 6.1)',
    examples: { match: ['shop.example.com | 504: Gateway time-out'] },
  },
  {
    clue: 'proxy.gateway-timeout',
    all: ['gateway did not receive a timely response'],
    names: true,
    source: 'apache/httpd modules/proxy (mod_proxy 504 page "Gateway Timeout")',
    examples: { match: ['The gateway did not receive a timely response from the upstream server or application.'] },
  },
];
