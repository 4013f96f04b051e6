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
});
