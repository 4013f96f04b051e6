/**
 * The family-level answer of startup-failure: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/startup-failure-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "the 502.5 page names the out-of-process start failure", evidence: { 'message.txt': "HTTP Error 502.5 - Process Failure" } },
    { name: "a request that ran into a timeout is another family", evidence: { 'message.txt': "Gateway timeout: the upstream server did not respond in time" } },
  ],
  invalid: [
    { name: "a description of an app that never starts after a deploy", evidence: { 'message.txt': "The app does not start after deploy, the event log says it failed to start" } },
    { name: "a bare \"failed to start\" in a chat message, no code", evidence: { 'message.txt': "After deploying to IIS the site shows 502 and the app never starts. It works with dotnet run locally." } },
  ],
  messy: {
    valid: [
      {
        // A start that worked and a crash later: the crash-mid-request family, in Slack's escaped quote.
        name: 'an app that starts and later drops requests, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': '&gt; app starts fine &amp; serves for hours, then the process dies mid-request and IIS logs 502.3 with 12030' },
      },
      {
        // An app that failed to start fails every request: one in fifty failing after a deploy is something else.
        name: 'intermittent 502s since a deploy, the rest of the site working',
        form: 'in prose',
        evidence: { 'message.txt': 'Since the deploy last night we get intermittent 502 errors from IIS, maybe one request in fifty; the rest of the site works.' },
      },
    ],
    invalid: [
      {
        // A paraphrase of the 500.30 reasons (kb-facts §1.2) with no code and no log.
        name: 'a paraphrase of the start failure with no code',
        form: 'paraphrased',
        evidence: { 'message.txt': 'site wont come up since the deploy, iis just says the app failed to start and nothing else. works on my machine' },
      },
      {
        // A German message around the English "failed to start" (no log at hand).
        name: 'a German message around "the app failed to start"',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Nach dem Deployment startet die Anwendung nicht mehr. Im Browser steht nur "the app failed to start", Logs habe ich gerade keine.' },
      },
      {
        // The same in Slack's escaped block quote.
        name: 'a quoted "never starts after deploy", Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': '&gt; after deploying to IIS the site shows 502 &amp; the app never starts\nanyone seen this? no logs yet' },
      },
    ],
  },
});
