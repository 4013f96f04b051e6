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
  messy: {
    valid: [
      {
        // Cloudflare 521 (CF error-521) in a sentence: refused, not TLS.
        name: 'a 521 in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'cloudflare shows error 521 web server is down' },
      },
    ],
    invalid: [
      {
        // The 525 page name (CF error-525: "SSL handshake failed") retold.
        name: 'retold: cloudflare says SSL handshake failed, 525',
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says SSL handshake failed (525) since we moved the site to the new IIS box' },
      },
      {
        // The 525 code and name in Japanese prose.
        name: 'Japanese prose with 525',
        form: 'other language',
        evidence: { 'message.txt': 'Cloudflare 経由だと525エラー（SSL handshake failed）が出ます。オリジンは IIS です。' },
      },
      {
        // The title of the current 526 page (edge-samples cloudflarePage) as Slack delivers pasted markup.
        name: 'the 526 page title, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&lt;title&gt;shop.example.com | 526: Invalid SSL certificate&lt;/title&gt;\n&lt;span class="code-label"&gt;Error code 526&lt;/span&gt;' },
      },
      {
        // The 526 code and name with the SSL mode (CF error-526) in a sentence.
        name: '526 with Full (strict) in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': "with SSL mode Full (strict) we get error 526 invalid SSL certificate, the Let's Encrypt cert on the origin expired yesterday" },
      },
    ],
  },
});
