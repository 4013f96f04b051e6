import cause from '../../src/causes/cloudflare-origin-tls';
import { runCauseTests } from '../helpers/cause-tester';
import { cloudflareHeaders, cloudflarePage } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'a 521 is a refused connection, not TLS', evidence: { 'page.html': cloudflarePage(521, 'Web server is down') } },
    { name: 'a 520 is an invalid response, not TLS', evidence: { 'headers.txt': cloudflareHeaders(520) } },
    { name: 'nginx TLS errors to its own upstream are not Cloudflare', evidence: { 'error.log': '2026/11/20 10:15:01 [error] 1234#1234: *5 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "https://127.0.0.1:5000/", host: "example.com"' } },
  ],
  invalid: [
    {
      name: 'the Cloudflare 525 page: handshake failed',
      evidence: { 'page.html': cloudflarePage(525, 'SSL handshake failed') },
      minConfidence: 0.8,
      mentions: ['Get-WebBinding -Protocol https', 'openssl s_client', 'Schannel'],
    },
    {
      name: 'Cloudflare 526 headers: certificate rejected by Full (strict)',
      evidence: { 'headers.txt': cloudflareHeaders(526) },
      minConfidence: 0.8,
      evidenceLines: [1],
      mentions: ['Full (strict)', 'Origin CA', '8d2f1c3b4a5e6f70-FRA'],
    },
    {
      name: 'both codes in prose',
      evidence: { 'message.txt': 'First we had error 525, after installing a self-signed cert it is error 526.' },
      minConfidence: 0.5,
      maxConfidence: 0.65,
      mentions: ['Error 526 means', 'Error 525 means'],
    },
  ],
});
