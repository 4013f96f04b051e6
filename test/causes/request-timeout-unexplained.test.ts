/**
 * The family-level answer of request-timeout: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/request-timeout-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "Cloudflare's own 524 names the gateway", evidence: { 'message.txt': "Error 524: A timeout occurred" } },
    { name: "a crash described in words is another family", evidence: { 'message.txt': "The app crashes under traffic and the connection is dropped mid-request" } },
  ],
  invalid: [
    { name: "a gateway timeout page without the gateway", evidence: { 'message.txt': "Gateway timeout: the upstream server did not respond in time" } },
    { name: "a long report that fails after a minute", evidence: { 'message.txt': "Our API returns 502 after about a minute while the report is being generated; we think some timeout is hit" } },
  ],
  messy: {
    valid: [
      {
        // nginx's read timeout (ngx_http_upstream.c) copied from mid-line: names nginx.
        name: "nginx's read timeout copied from mid-line",
        form: 'mid-line',
        evidence: { 'paste.txt': '...upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: example.com' },
      },
      {
        // Cloudflare's 524 named in a sentence: a specific gateway, not the family answer.
        name: 'a sentence naming Cloudflare and 524',
        form: 'in prose',
        evidence: { 'message.txt': 'after ~100 s the page says cloudflare error 524 a timeout occurred' },
      },
    ],
    invalid: [
      {
        // A bare 504 response (RFC 9110 reason phrase) in a fence with prose, no product named.
        name: 'a bare 504 response in a fence with prose',
        form: 'fenced',
        evidence: { 'slack.txt': 'curl on the export endpoint:\n```\nHTTP/1.1 504 Gateway Timeout\nContent-Length: 0\n```\nalways after about 60 seconds' },
      },
      {
        // Slack's escaped blockquote of the generic timeout wording.
        name: 'a quoted gateway timeout, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&gt; 504 Gateway Time-out\n&gt; The upstream server did not respond in time.\nthat is what users see on the export page' },
      },
      {
        // The family's own prose sample retold.
        name: 'retold: the request takes too long and the proxy gives up',
        form: 'paraphrased',
        evidence: { 'message.txt': 'long running requests get a gateway timeout, the proxy seems to give up waiting on the app after a minute' },
      },
      {
        // A German sentence around the English status line.
        name: 'German sentence around "504 Gateway Timeout"',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Der Export bricht nach genau einer Minute mit "504 Gateway Timeout" ab, kleinere Berichte funktionieren.' },
      },
    ],
  },
});
