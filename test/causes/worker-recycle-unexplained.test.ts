/**
 * The family-level answer of worker-recycle: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/worker-recycle-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "WAS says why it recycled", evidence: { 'message.txt': "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because it reached its virtual memory limit." } },
    { name: "a start failure is another family", evidence: { 'message.txt': "The app does not start after deploy, the event log says it failed to start" } },
  ],
  invalid: [
    { name: "a pool that shuts down, described in words", evidence: { 'message.txt': "The application pool shuts down and users see 503 Service Unavailable for a while" } },
  ],
  messy: {
    valid: [
      {
        // WAS 5077 (kb-facts §5.1) without its header: WAS says why it recycled.
        name: 'a virtual-memory recycle without its header',
        form: 'header-less',
        evidence: { 'event.txt': "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because it reached its virtual memory limit." },
      },
    ],
    invalid: [
      {
        // 502s at each rollout behind a proxy (the andrewlock.net Kubernetes series tells it so):
        // the old process shuts down under traffic, whichever host it runs on.
        name: "502s from nginx at every deploy, in the on-call engineer's words",
        form: 'in prose',
        evidence: { 'message.txt': 'Every time we deploy a new version, users get 502 from nginx for a few seconds, then it is fine again.' },
      },
      {
        // The same in Kubernetes words: pods replaced one by one, 502s while it happens.
        name: 'a 502 during the rolling update of the pods',
        form: 'paraphrased',
        evidence: { 'message.txt': 'Users see HTTP 502 during the rolling update of the pods.' },
      },
      {
        // A retelling without an event id: only the family is known.
        name: 'a pool that keeps going away, retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'every now and then the application pool shuts down by itself and users get 503 Service Unavailable until it comes back' },
      },
      {
        // A French message around the English description.
        name: 'a French message around "the application pool shuts down"',
        form: 'other language',
        evidence: { 'message.txt': "Bonjour, de temps en temps the application pool shuts down et les utilisateurs voient 503 Service Unavailable pendant une minute. Aucune idée pourquoi." },
      },
      {
        // The same as a Slack quote, escaped.
        name: 'a quoted pool shutdown, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': '&gt; the app pool shuts down &amp; users see 503 Service Unavailable for a while\nsame again today' },
      },
    ],
  },
});
