/**
 * The family-level answer of resource-exhaustion: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/resource-exhaustion-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "Kestrel's heartbeat warning names thread-pool starvation", evidence: { 'message.txt': "warn: Microsoft.AspNetCore.Server.Kestrel[22]\n      As of \"11/20/2026 10:14:05 +00:00\", the heartbeat has been running for \"00:00:07.2134567\" which is longer than \"00:00:01\". This could be caused by thread pool starvation." } },
    { name: "a crash described in words is another family", evidence: { 'message.txt': "The app crashes under traffic and the connection is dropped mid-request" } },
  ],
  invalid: [
    { name: "a starved app described in words", evidence: { 'message.txt': "Under heavy load the app stops responding and requests pile up, the thread pool seems exhausted" } },
  ],
});
