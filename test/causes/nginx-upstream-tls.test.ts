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
});
