/**
 * The family-level answer of crash-mid-request: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/crash-mid-request-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "the CLR says it was a stack overflow", evidence: { 'message.txt': "Faulting application name: w3wp.exe\nException code: 0xc00000fd" } },
    { name: "a refused connection at the proxy is another family", evidence: { 'message.txt': "502 Bad Gateway. The proxy cannot reach the origin server, connection refused" } },
  ],
  invalid: [
    { name: "a crash described in words", evidence: { 'message.txt': "The app crashes under traffic and the connection is dropped mid-request" } },
  ],
});
