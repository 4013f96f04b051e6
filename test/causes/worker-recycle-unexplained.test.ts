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
});
