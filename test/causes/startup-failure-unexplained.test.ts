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
});
