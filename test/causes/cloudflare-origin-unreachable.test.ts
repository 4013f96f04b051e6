import cause from '../../src/causes/cloudflare-origin-unreachable';
import { runCauseTests } from '../helpers/cause-tester';
import { cloudflareHeaders, cloudflarePage, iisLog, iisRow } from './edge-samples';

/** Text of a 522 page as `lynx --dump` prints it (real: https://github.com/DayZMod/DayZ/issues/776, host and IP scrubbed). */
const LYNX_522 = [
  'Error 522 Ray ID: 3044bd1a06490f87 • 2016-11-19 15:37:06 UTC',
  '',
  'Connection timed out',
  '',
  'Browser',
  '   Working',
  'CloudFlare',
  '   Working',
  'Host',
  '   Error',
  '',
  'What happened?',
  "   The initial connection between CloudFlare's network and the origin web",
  '   server timed out. As a result, the web page can not be displayed.',
  '',
  '   CloudFlare Ray ID: 3044bd1a06490f87 • Your IP: 2001:db8::2 •',
  '   Performance & security by CloudFlare',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'a 524 means the origin was reached and was slow', evidence: { 'headers.txt': cloudflareHeaders(524) } },
    { name: 'a 525 is a TLS failure, not a refused connection', evidence: { 'page.html': cloudflarePage(525, 'SSL handshake failed') } },
    { name: 'an IIS 503 (stopped app pool) is not a Cloudflare 521', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/', 503, 0, 0, 1)) } },
  ],
  invalid: [
    {
      name: 'the Cloudflare 521 page: origin refused the connection',
      evidence: { 'page.html': cloudflarePage(521, 'Web server is down') },
      minConfidence: 0.8,
      mentions: ['actively refused', 'Get-Website', 'https://www.cloudflare.com/ips/'],
    },
    {
      name: 'a 522 page dumped as text, with its Ray ID',
      evidence: { 'page.txt': LYNX_522 },
      minConfidence: 0.8,
      mentions: ['19 s', 'Test-NetConnection', '3044bd1a06490f87'],
    },
    {
      name: 'error 523 in prose',
      evidence: { 'message.txt': 'Since the move to the new host the site only shows Cloudflare error 523.' },
      minConfidence: 0.5,
      maxConfidence: 0.6,
      evidenceLines: [1],
      mentions: ['no route', '172.64.0.0/13'],
    },
    {
      name: 'a 530 header block, with an IIS log that cannot show the request',
      evidence: { 'headers.txt': cloudflareHeaders(530), 'u_ex261120.log': iisLog(iisRow('10:15:01', '/', 200, 0, 0, 12)) },
      minConfidence: 0.8,
      mentions: ['1xxx', 'never arrived'],
    },
  ],
});
