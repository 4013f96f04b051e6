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
});
