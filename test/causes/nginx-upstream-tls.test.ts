import cause from '../../src/causes/nginx-upstream-tls';
import { runCauseTests } from '../helpers/cause-tester';
import { cloudflarePage, nginxError, NGINX } from './edge-samples';

/** Real line from https://github.com/kubernetes/ingress-nginx/issues/7082 (mTLS to a gRPC upstream; names scrubbed). */
const INGRESS_7082 = '2021/04/27 22:55:10 [error] 874#874: *62373 SSL_do_handshake() failed (SSL: error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: greeter.example.com, request: "POST /com.example.GreeterService/greet HTTP/2.0", upstream: "grpcs://10.244.1.7:9090", host: "greeter.example.com:443"';

/** A client-side handshake error (browser to nginx): not the upstream. */
const CLIENT_SIDE = '2018/06/24 22:41:22 [crit] 61481#61481: *1228609 SSL_do_handshake() failed (SSL: error:14209102:SSL routines:tls_early_post_process_client_hello:unsupported protocol) while SSL handshaking, client: 203.0.113.136, server: 0.0.0.0:443';

runCauseTests(cause, {
  valid: [
    { name: 'a client-to-nginx handshake failure is not the upstream', evidence: { 'error.log': CLIENT_SIDE } },
    { name: 'Cloudflare 525 is Cloudflare to origin', evidence: { 'page.html': cloudflarePage(525, 'SSL handshake failed') } },
    { name: 'a refused upstream connection', evidence: { 'error.log': nginxError(NGINX.refused) } },
  ],
  invalid: [
    {
      name: 'alert 40 from a gRPC upstream that wants a client certificate (real line)',
      evidence: { 'error.log': INGRESS_7082 },
      minConfidence: 0.8,
      evidenceLines: [1],
      mentions: ['alert 40', 'grpc_ssl_certificate', 'proxy_ssl_server_name on'],
    },
    {
      name: 'wrong version number: TLS to Kestrel\'s plain HTTP port',
      evidence: { 'error.log': nginxError(NGINX.sslWrongVersion, 'https://127.0.0.1:5000/api/orders') },
      minConfidence: 0.8,
      mentions: ['wrong version number', 'proxy_pass http://127.0.0.1:5000'],
    },
    {
      name: 'certificate verify error',
      evidence: { 'error.log': nginxError(NGINX.sslVerify, 'https://backend.example.com:5001/') },
      mentions: ['proxy_ssl_trusted_certificate', 'https://backend.example.com:5001'],
    },
  ],
  messy: {
    valid: [
      {
        // nginx's client-side handshake failure (no "to upstream", ngx_event_openssl.c) in a sentence.
        name: 'a client-side handshake failure in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'nginx logs SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol) while SSL handshaking, client: 203.0.113.136, server: 0.0.0.0:443 for old clients' },
      },
    ],
    invalid: [
      {
        // The ingress-nginx#7082 line (https://github.com/kubernetes/ingress-nginx/issues/7082, scrubbed) wrapped after "upstream,".
        name: 'alert 40 split after "upstream," (real line)',
        form: 'split over lines',
        evidence: {
          'error.log':
            '2021/04/27 22:55:10 [error] 874#874: *62373 SSL_do_handshake() failed (SSL: error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream,\nclient: 127.0.0.1, server: greeter.example.com, request: "POST /com.example.GreeterService/greet HTTP/2.0", upstream: "grpcs://10.244.1.7:9090", host: "greeter.example.com:443"',
        },
      },
      {
        // nginx's handshake message (ngx_event_openssl.c) quoted in a sentence.
        name: 'wrong version number quoted in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'after switching proxy_pass to https nginx says SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream' },
      },
      {
        // nginx's verify error (ngx_event_openssl.c "upstream SSL certificate verify error") copied from mid-line.
        name: 'verify error copied from mid-line',
        form: 'mid-line',
        evidence: { 'paste.txt': 'upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "https://backend.example.com:5001/"' },
      },
      {
        // The same error line (kb-facts NGX) in Russian prose.
        name: 'Russian prose around the handshake line',
        form: 'other language',
        evidence: {
          'сообщение.txt': [
            'После включения proxy_ssl_verify nginx отдаёт 502, в error.log:',
            '2026/11/20 10:15:01 [error] 1234#1234: *5678 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 203.0.113.7, server: example.ru, request: "GET / HTTP/1.1", upstream: "https://10.0.0.12:5001/", host: "example.ru"',
          ].join('\n'),
        },
      },
    ],
  },
});
