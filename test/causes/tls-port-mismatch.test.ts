import cause from '../../src/causes/tls-port-mismatch';
import { runCauseTests } from '../helpers/cause-tester';
import { NGINX, nginxError } from './edge-samples';

/**
 * A YARP gateway on Linux sending https:// to Kestrel's plain port: YARP's Proxying (HttpForwarder[9])
 * and ForwardingError (HttpForwarder[48]) lines (dotnet/yarp HttpForwarder.cs), HttpClient's wrapper
 * (System.Net.Http net_http_ssl_connection_failed) and the OpenSSL reason .NET on Linux appends
 * (SSL_R_WRONG_VERSION_NUMBER, "error:0A00010B:SSL routines::wrong version number", OpenSSL 3).
 */
const YARP_LINUX = [
  'info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9]',
  '      Proxying to https://localhost:5000/api/orders HTTP/2 RequestVersionOrLower no-streaming',
  'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
  '      Request: An error was encountered before receiving a response.',
  '      System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.',
  '       ---> System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.',
  '       ---> Interop+OpenSsl+SslException: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL.',
  '       ---> Interop+Crypto+OpenSslCryptographicException: error:0A00010B:SSL routines::wrong version number',
].join('\n');
/** The backend's start-up lines (Microsoft.Hosting.Lifetime[14], GenericWebHostService.cs). */
const BACKEND_HTTP_5000 = 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5000\ninfo: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.';

/** Kestrel (.NET 8+) seeing a ClientHello on its http endpoint: Kestrel.BadRequests[17] with CoreStrings HttpParserTlsOverHttpError. */
const KESTREL_TLS_ON_HTTP = [
  'dbug: Microsoft.AspNetCore.Server.Kestrel.BadRequests[17]',
  '      Connection id "0HN8J4K2Q1ABC" bad request data: "Detected a TLS handshake to an endpoint that does not have TLS enabled."',
  '      Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Detected a TLS handshake to an endpoint that does not have TLS enabled.',
].join('\n');

/** nginx's 497 page (ngx_http_special_response.c: "The plain HTTP request was sent to HTTPS port"), pasted into Slack with its markup escaped. */
const NGINX_497_SLACK = [
  '&lt;html&gt;',
  '&lt;head&gt;&lt;title&gt;400 The plain HTTP request was sent to HTTPS port&lt;/title&gt;&lt;/head&gt;',
  '&lt;body&gt;',
  '&lt;center&gt;&lt;h1&gt;400 Bad Request&lt;/h1&gt;&lt;/center&gt;',
  '&lt;center&gt;The plain HTTP request was sent to HTTPS port&lt;/center&gt;',
  '&lt;hr&gt;&lt;center&gt;nginx&lt;/center&gt;',
  '&lt;/body&gt;',
  '&lt;/html&gt;',
].join('\n');

/** kubelet's probe event (kubectl describe pod) with Go's transport error (net/http transport.go). */
const PROBE_HTTPS_TO_HTTP =
  '  Warning  Unhealthy  12s (x4 over 42s)  kubelet  Readiness probe failed: Get "https://10.244.1.17:8080/healthz": http: server gave HTTP response to HTTPS client';

/** Ocelot's responder line (ThreeMammals/Ocelot ResponderMiddleware) around SslStream's frame error on Windows (net_frame_read_size). */
const OCELOT_FRAME =
  'warn: Ocelot.Responder.Middleware.ResponderMiddleware[0] requestId: 0HMR0TMTEM44N:00000007, previousRequestId: no previous request id, message: Error Code: ConnectionToDownstreamServiceError Message: Error connecting to downstream service, exception: System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.IO.IOException: Cannot determine the frame size or a corrupted frame was received.';

/** Kestrel's HTTPS endpoint reading plain HTTP (HttpsConnectionMiddleware[1] AuthenticationFailed), on its two usual lines. */
const KESTREL_PLAIN_ON_HTTPS = [
  'dbug: Microsoft.AspNetCore.Server.Kestrel.Https.Internal.HttpsConnectionMiddleware[1]',
  '      Failed to authenticate HTTPS connection.',
  '      System.IO.IOException: Cannot determine the frame size or a corrupted frame was received.',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'no protocol or cipher in common is not a port mismatch (SEC_E_ALGORITHM_MISMATCH)', evidence: { 'app.log': 'System.ComponentModel.Win32Exception (0x80090331): The client and server cannot communicate, because they do not possess a common algorithm.' } },
    { name: 'a rejected certificate is not a port mismatch', evidence: { 'app.log': 'AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch' } },
    { name: 'HTTP/1.1 to an HTTP/2-only endpoint is a version mismatch, not TLS', evidence: { 'curl.txt': 'curl gives 400 An HTTP/1.x request was sent to an HTTP/2 only endpoint' } },
    { name: 'an EOF during the handshake, with nothing to compare, could be anything', evidence: { 'app.log': 'System.IO.IOException: Received an unexpected EOF or 0 bytes from the transport stream.' } },
  ],
  invalid: [
    {
      name: 'YARP https:// to Kestrel http://localhost:5000: wrong version number, with the app log beside it',
      evidence: { 'gateway.log': YARP_LINUX, 'orders.log': BACKEND_HTTP_5000 },
      minConfidence: 0.85,
      evidenceLines: ['gateway.log:8', 'orders.log:2'],
      mentions: ['YARP spoke TLS', 'https://localhost:5000/api/orders', 'Now listening on: http://localhost:5000', '"Address": "http://orders-api:5000/"'],
    },
    {
      name: 'Kestrel detects a TLS handshake on its http endpoint',
      evidence: { 'api.log': KESTREL_TLS_ON_HTTP },
      minConfidence: 0.8,
      evidenceLines: [2],
      mentions: ['spoke TLS (https://)', 'Kestrel itself logged the mismatch'],
    },
    {
      name: "nginx's 400 page for plain HTTP on its TLS port, Slack-escaped",
      evidence: { 'response.html': NGINX_497_SLACK },
      minConfidence: 0.7,
      mentions: ['sent plain HTTP (http://)', 'DownstreamScheme'],
    },
    {
      name: 'a Kubernetes probe with scheme HTTPS against the plain port (Go wording, in kubectl describe)',
      evidence: { 'describe.txt': ['Events:', '  Type     Reason     Age  From     Message', '  ----     ------     ---  ----     -------', PROBE_HTTPS_TO_HTTP].join('\n') },
      minConfidence: 0.7,
      evidenceLines: [4],
      mentions: ['a Kubernetes probe\'s scheme', 'curl -vk https://'],
    },
    {
      name: 'Traefik v2 with an https:// server URL for a plain-HTTP container, in a fence with prose',
      evidence: {
        'slack.txt': [
          'traefik shows Internal Server Error for the api since we switched the label to https, logs:',
          '```',
          // traefik/traefik pkg/proxy/httputil/proxy.go (v2 "'%d %s' caused by: %v") with Go's crypto/tls conn.go error
          'time="2026-11-20T10:15:02Z" level=debug msg="\'500 Internal Server Error\' caused by: tls: first record does not look like a TLS handshake"',
          '```',
          'the container listens on 8080',
        ].join('\n'),
      },
      minConfidence: 0.75,
      evidenceLines: [3],
      mentions: ['spoke TLS (https://)', "Traefik's server url or serversscheme label"],
    },
    {
      name: 'Ocelot DownstreamScheme https to a plain port: the frame-size error mid-line',
      evidence: { 'ocelot.log': OCELOT_FRAME },
      minConfidence: 0.75,
      mentions: ['Ocelot spoke TLS'],
    },
    {
      name: "plain HTTP to Kestrel's HTTPS endpoint, seen by Kestrel (frame size after Failed to authenticate)",
      evidence: { 'api.log': KESTREL_PLAIN_ON_HTTPS },
      minConfidence: 0.8,
      mentions: ['sent plain HTTP (http://)', 'Failed to authenticate HTTPS connection', '"DownstreamScheme": "https"'],
    },
    {
      name: 'only an EOF, but YARP sends https:// to the port the app serves over http:// (.NET 8 Kestrel closes on a TLS hello)',
      evidence: {
        'gateway.log': [
          'info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9]',
          '      Proxying to https://orders:8080/api/orders HTTP/2 RequestVersionOrLower no-streaming',
          'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
          '      Request: An error was encountered before receiving a response.',
          // System.Net.Http net_http_ssl_connection_failed with System.Net.Security net_io_eof
          '      System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.IO.IOException: Received an unexpected EOF or 0 bytes from the transport stream.',
        ].join('\n'),
        'orders.log': 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:8080',
      },
      minConfidence: 0.65,
      maxConfidence: 0.75,
      evidenceLines: ['orders.log:2'],
      mentions: ['It sends to https://orders:8080/api/orders, while the app says "Now listening on: http://[::]:8080"'],
    },
    {
      name: "nginx's wrong version number: a weaker reading beside nginx-upstream-tls", trails: "nginx's SSL error names nginx's upstream TLS first; a plain-HTTP port is one of its readings.", behind: 'nginx-upstream-tls',
      evidence: { 'error.log': nginxError(NGINX.sslWrongVersion, 'https://127.0.0.1:5000/api/orders') },
      maxConfidence: 0.4,
      mentions: ['nginx-upstream-tls has the nginx-specific steps'],
    },
  ],
  messy: {
    valid: [
      {
        // SslStream's name-mismatch verdict in a sentence: a certificate, not a port.
        name: 'a name mismatch in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'calls fail with The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch' },
      },
      {
        // nginx's premature close (ngx_http_upstream.c) to a plain-HTTP target on an ordinary port:
        // the app closed the connection, nothing says the schemes disagree.
        name: "nginx's premature close to http:// on the app's own port",
        form: 'mid-line',
        evidence: {
          'error.log': 'ingress says: 2026/11/20 10:15:02 [error] 31#31: *812 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.7, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://10.244.1.17:8080/", host: "shop.example.com"',
        },
      },
    ],
    invalid: [
      {
        // Kestrel's "Now listening on:" (Microsoft.Hosting.Lifetime[14]) without its logger header,
        // as systemd's journal keeps it: port 443 served as plain HTTP (aspnet/KestrelHttpServer#2110).
        name: 'the app says it listens with plain HTTP on 443',
        form: 'header-less',
        evidence: {
          'journal.txt': ['On Ubuntu the site is not reachable over https, on Windows it works.', 'Now listening on: http://0.0.0.0:80', 'Now listening on: http://0.0.0.0:443', 'Application started. Press Ctrl+C to shut down.'].join('\n'),
        },
      },
      {
        // Kestrel's CoreStrings HttpParserTlsOverHttpError quoted in a sentence.
        name: "Kestrel's TLS-on-http message quoted in a sentence",
        form: 'in prose',
        evidence: { 'message.txt': 'when the gateway calls the orders api, the api logs "Detected a TLS handshake to an endpoint that does not have TLS enabled." and the gateway returns 502' },
      },
      {
        // kubelet's probe event with Go's transport error (net/http transport.go) in Spanish prose.
        name: 'Spanish prose around the probe event',
        form: 'other language',
        evidence: { 'mensaje.txt': 'El pod nunca pasa a Ready, kubectl describe muestra: Readiness probe failed: Get "https://10.244.1.17:8080/healthz": http: server gave HTTP response to HTTPS client' },
      },
      {
        // An ingress sending plain HTTP to the pod's HTTPS port 443: nginx's premature-close line
        // (ngx_http_upstream.c) names the http:// target on 443 (kubernetes/ingress-nginx#4480 layout).
        name: 'nginx sends http:// to port 443 and the upstream closes, in a Slack-escaped paste',
        form: 'slack-escaped',
        evidence: {
          'slack.txt': [
            'the app runs over SSL in the pod and works behind the LoadBalancer, but through the ingress we get bad gateway',
            '&gt; 2026/11/20 10:15:02 [error] 31#31: *812 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.7, server: _, request: "GET / HTTP/1.1", upstream: "http://10.244.1.17:443/", host: "shop.example.com"',
          ].join('\n'),
        },
      },
      {
        // nginx's 497 page text (ngx_http_special_response.c) without markup or status line.
        name: "nginx's plain-HTTP-to-HTTPS-port text without markup",
        form: 'header-less',
        evidence: { 'page.txt': '400 Bad Request\nThe plain HTTP request was sent to HTTPS port\nnginx' },
      },
      {
        // YARP's chain on Linux (HttpClient net_http_ssl_connection_failed, OpenSSL SSL_R_WRONG_VERSION_NUMBER) with the YARP destination, in a fence.
        name: 'the YARP chain and its https:// destination in a fence',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'gateway -> orders, destination is https://orders:8080/ and orders says Now listening on: http://[::]:8080',
            '```',
            'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.',
            ' ---> System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.',
            ' ---> Interop+Crypto+OpenSslCryptographicException: error:0A00010B:SSL routines::wrong version number',
            '```',
          ].join('\n'),
        },
      },
    ],
  },
});

