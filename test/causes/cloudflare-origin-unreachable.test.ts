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
  messy: {
    valid: [
      {
        // Cloudflare 524 retold (CF error-524): the origin was reached and was slow.
        name: 'a 524 retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says a timeout occurred, error 524, after 100 seconds' },
      },
    ],
    invalid: [
      {
        // https://github.com/cloudflare/cloudflare-docs/issues/14559 ("Actual Behavior" of the report, site name left out)
        name: 'the page name and code retyped in an issue form (real)',
        form: 'header-less',
        evidence: { 'issue.txt': '### Actual Behavior\n\nWeb server is down ( Error code 521)\n\n### Expected Behavior\n\nThe website works normally' },
      },
      {
        // https://github.com/netdata/netdata/issues/10182 (two sentences of the description)
        name: 'a misremembered page name in a longer report (real)',
        form: 'in prose',
        evidence: { 'issue.txt': 'For the last 6 months, all my domains have been running through CloudFlare, with no problems whatsoever.\nSince then, I have experienced a large number of Error 521 (Web Service Down).' },
      },
      {
        // The 521 page name (CF error-521: "Web server is down") retold.
        name: 'retold: cloudflare says web server is down, 521',
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare says web server is down, error 521, but the IIS site is started' },
      },
      {
        // The 522 code and name (CF error-522) in German prose.
        name: 'German prose: Fehler 522 Connection timed out',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Seit dem Umzug auf den neuen Server zeigt Cloudflare nur noch Fehler 522 "Connection timed out".' },
      },
      {
        // The head of the current 521 page (edge-samples cloudflarePage) as Slack delivers pasted markup.
        name: 'the 521 page head, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&lt;title&gt;www.example.com | 521: Web server is down&lt;/title&gt;\n&lt;span class="inline-block"&gt;Web server is down&lt;/span&gt;\n&lt;span class="code-label"&gt;Error code 521&lt;/span&gt;\nPerformance &amp;amp; security by Cloudflare' },
      },
      {
        // The 522 "What happened?" sentence (kb-facts 6.1), copied from the middle of the page text (DayZMod/DayZ#776 dump layout).
        name: 'the 522 sentence copied mid-paragraph',
        form: 'mid-line',
        evidence: { 'page.txt': "...The initial connection between CloudFlare's network and the origin web server timed out. As a result, the web page can not be displayed." },
      },
    ],
  },
});
