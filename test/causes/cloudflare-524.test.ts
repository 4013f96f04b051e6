import cause from '../../src/causes/cloudflare-524';
import { runCauseTests } from '../helpers/cause-tester';
import { cloudflareHeaders, cloudflarePage, iisLog, iisRow } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'a Cloudflare 522 is a connection timeout, not a read timeout', evidence: { 'headers.txt': cloudflareHeaders(522) } },
    { name: 'a healthy Cloudflare response', evidence: { 'headers.txt': cloudflareHeaders(200) } },
    { name: 'a 504 from nginx is not a Cloudflare 524', evidence: { 'headers.txt': 'HTTP/1.1 504 Gateway Time-out\nServer: nginx/1.24.0\nContent-Type: text/html' } },
    { name: 'an IIS log with slow requests but no 524 anywhere', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/report', 200, 0, 0, 131000)) } },
  ],
  invalid: [
    {
      name: 'Cloudflare response headers with 524 and the Ray ID',
      evidence: { 'headers.txt': cloudflareHeaders(524) },
      minConfidence: 0.8,
      evidenceLines: [1],
      mentions: ['120 s', '8d2f1c3b4a5e6f70-FRA', 'CF-RAY'],
    },
    {
      name: 'the Cloudflare 524 page plus an origin IIS row that ran 131 s',
      evidence: {
        'page.html': cloudflarePage(524, 'A timeout occurred'),
        'u_ex261120.log': iisLog(iisRow('10:15:01', '/reports/export', 200, 0, 0, 131000), iisRow('10:15:02', '/', 200, 0, 0, 15)),
      },
      minConfidence: 0.9,
      evidenceLines: ['u_ex261120.log:5'],
      mentions: ['131 s', 'line 5 of u_ex261120.log'],
    },
    {
      name: 'error 524 in prose is specific but less certain',
      evidence: { 'message.txt': 'Our export page behind Cloudflare fails with error 524 after about two minutes.' },
      minConfidence: 0.5,
      maxConfidence: 0.6,
      evidenceLines: [1],
      mentions: ['u_exYYMMDD.log'],
    },
    {
      name: 'an IIS log without a slow request says to check the window',
      evidence: { 'headers.txt': cloudflareHeaders(524), 'u_ex261120.log': iisLog(iisRow('10:15:01', '/', 200, 0, 0, 15)) },
      maxConfidence: 0.85,
      mentions: ['has no request of 100 s or more'],
    },
  ],
  messy: {
    valid: [
      {
        // Cloudflare 522 (CF error-5xx: connection timed out) retold: the origin was never reached.
        name: 'a 522 retold in words',
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says connection timed out, error 522, host shows Error' },
      },
    ],
    invalid: [
      {
        // https://github.com/whatwg/build.whatwg.org/issues/19 (first sentences of the description)
        name: 'a 524 "Origin Time-out" in a report about a build service (real)',
        form: 'paraphrased',
        evidence: { 'issue.txt': 'PR preview often fails with 524 Origin Time-out. I believe this is because CloudFlare, which sits in front of our new build.whatwg.org, has a short-ish timeout.' },
      },
      {
        // https://github.com/nopSolutions/nopCommerce/issues/4317 (the description)
        name: 'background tasks behind Cloudflare facing 524 issues (real)',
        form: 'in prose',
        evidence: { 'issue.txt': 'Hello, background tasks working great but not in long processes. If you using Cloudflare for DNS management you facing 524 issues in some tasks' },
      },
      {
        // The issue's own wording (CF 524: "A timeout occurred" retold).
        name: 'retold: cloudflare says a timeout occurred, error 524',
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says a timeout occurred, error 524 when we export the big report' },
      },
      {
        // https://github.com/dropzone/dropzone/issues/2142 (title and body)
        name: 'an upload issue: Error 524 When Cloudflare is On (real)',
        form: 'in prose',
        evidence: { 'issue.txt': 'Error 524 When Cloudflare is On\nGetting Error 524 when uploading files take longer than 100 seconds to get uploaded. Any way we can bypass this with being on Cloudflare only?' },
      },
      {
        // https://github.com/x-dr/chatgptProxyAPI/issues/11 (first line of the description)
        name: 'Chinese: 524 is the Cloudflare timeout (real)',
        form: 'other language',
        evidence: { 'issue.txt': 'gpt-4慢一点，访问经常返回524错误，是cloudflare的超时，\ncloudflare一般用户只能到100秒' },
      },
      {
        // https://github.com/QuantumNous/new-api/issues/4972 (the problem-details body Cloudflare returned)
        name: "Cloudflare's JSON problem details for 524, without headers (real)",
        form: 'header-less',
        evidence: {
          'body.json': [
            '{',
            '  "type": "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/",',
            '  "title": "Error 524: A timeout occurred",',
            '  "status": 524,',
            '  "detail": "The origin web server did not return a complete response within the 120-second Proxy Read Timeout window."',
            '}',
          ].join('\n'),
        },
      },
      {
        // The head of the current Cloudflare error page (edge-samples cloudflarePage) as Slack delivers pasted markup.
        name: 'the 524 page head, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'got this after 100s:\n&lt;title&gt;www.example.com | 524: A timeout occurred&lt;/title&gt;\n&lt;span class="code-label"&gt;Error code 524&lt;/span&gt;\nPerformance &amp;amp; security by Cloudflare' },
      },
    ],
  },
});
