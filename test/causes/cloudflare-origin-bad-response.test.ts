import cause from '../../src/causes/cloudflare-origin-bad-response';
import { runCauseTests } from '../helpers/cause-tester';
import { cloudflareHeaders, cloudflarePage, iisLog, iisRow } from './edge-samples';

/** The old Cloudflare-branded 502 page (real: https://github.com/Radarr/Radarr/issues/2436, host scrubbed). */
const BRANDED_502 = [
  '<!DOCTYPE html>',
  ' <html class="no-js" lang="en-US">',
  '<head>',
  '<title>updates.example.com | 502: Bad gateway</title>',
  '<meta charset="UTF-8" />',
  '<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/cf.errors.css" type="text/css" media="screen,projection" />',
  '</head>',
  '<body>',
  '<div id="cf-wrapper">',
  '    <div id="cf-error-details" class="cf-error-details-wrapper">',
  '        <div class="cf-wrapper cf-error-overview">',
  '            <h1>',
  '              <span class="cf-error-type" data-translate="error">Error</span>',
  '              <span class="cf-error-code">502</span>',
  '              <small class="heading-ray-id">Ray ID: 3e036084f1e13452 &bull; 2018-01-20 16:23:13 UTC</small>',
  '            </h1>',
  '            <h2 class="cf-subheadline" data-translate="error_desc">Bad gateway</h2>',
  '        </div>',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'a 522 is a failed connection, not a bad response', evidence: { 'headers.txt': cloudflareHeaders(522) } },
    { name: 'a bare 502 from nginx says nothing about Cloudflare', evidence: { 'headers.txt': 'HTTP/1.1 502 Bad Gateway\nServer: nginx/1.24.0' } },
    { name: 'a 502 in prose without Cloudflare', evidence: { 'message.txt': 'Users get 502 Bad Gateway on checkout.' } },
  ],
  invalid: [
    {
      name: 'Cloudflare 520 headers: empty or unknown answer from the origin',
      evidence: { 'headers.txt': cloudflareHeaders(520) },
      minConfidence: 0.7,
      evidenceLines: [1],
      mentions: ['128 KB', 'HTTP/2 to Origin', 'Set-Cookie'],
    },
    {
      name: 'prose 520 with cookies over 16 KB (real: https://github.com/calpaterson/csvbase/issues/132)',
      evidence: {
        'issue.txt': 'Some of the temporary upload cookies grow too large and cause the headers to grow beyond 16KB.\nThis causes confusing 520 errors from cloudflare',
      },
      minConfidence: 0.45,
      maxConfidence: 0.55,
      evidenceLines: [2],
      mentions: ['Set-Cookie'],
    },
    {
      name: 'a branded 502 page: the origin itself returned 502, and its IIS log shows it', trails: "The origin's own log names its failure: that cause leads, Cloudflare only relayed it.",
      evidence: { 'page.html': BRANDED_502, 'u_ex261120.log': iisLog(iisRow('16:23:13', '/api/update', 502, 3, 12030, 1250)) },
      maxConfidence: 0.4,
      evidenceLines: ['u_ex261120.log:5'],
      mentions: ['Cloudflare-branded', '502.3 at line 5 of u_ex261120.log', '3e036084f1e13452'],
    },
    {
      name: 'a 504 header block from Cloudflare (branding unknown)', trails: "Without the page, a 504 through Cloudflare fits the origin's own timeout as well: the family-level answer leads.",
      evidence: { 'headers.txt': cloudflareHeaders(504) },
      maxConfidence: 0.4,
      mentions: ['Cloudflare-branded page means the origin itself returned'],
    },
    {
      name: 'the current Cloudflare 520 page',
      evidence: { 'page.html': cloudflarePage(520, 'Web server is returning an unknown error') },
      minConfidence: 0.7,
    },
  ],
  messy: {
    valid: [
      {
        // Cloudflare 522 (CF error-5xx) told in a sentence: a connection failure, not a bad response.
        name: 'a 522 in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'cloudflare gives error 522 connection timed out since the server move' },
      },
    ],
    invalid: [
      {
        // The 520 page name (CF error-520: "Web server is returning an unknown error") retold.
        name: 'retold: web server is returning an unknown error, 520',
        form: 'paraphrased',
        evidence: { 'message.txt': 'cloudflare shows web server is returning an unknown error (520) on checkout only' },
      },
      {
        // The 520 code in Spanish prose (CF error-520: headers over the limit cause it).
        name: 'Spanish prose: error 520 after adding cookies',
        form: 'other language',
        evidence: { 'mensaje.txt': 'Cloudflare nos da error 520 en el checkout desde que añadimos más cookies de sesión.' },
      },
      {
        // The title of the current 520 page (edge-samples cloudflarePage) as Slack delivers pasted markup.
        name: 'the 520 page title, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&lt;title&gt;shop.example.com | 520: Web server is returning an unknown error&lt;/title&gt;\n&lt;span class="code-label"&gt;Error code 520&lt;/span&gt;' },
      },
      {
        // The 520 page as text (kb-facts 6.1 sentence and footer) without the status line or headers.
        name: 'the 520 page as text, no headers',
        form: 'header-less',
        evidence: { 'page.txt': 'Web server is returning an unknown error Error code 520\nWhat happened?\nThere is an unknown connection issue between Cloudflare and the origin web server. As a result, the web page can not be displayed.\nCloudflare Ray ID: 8d2f1c3b4a5e6f70 • Performance & security by Cloudflare' },
      },
    ],
  },
});
