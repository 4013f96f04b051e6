/**
 * The family-level answer of config-error: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/config-error-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "the 500.21 page names the missing module", evidence: { 'message.txt': "HTTP Error 500.21 - Internal Server Error\nHandler \"aspNetCore\" has a bad module \"AspNetCoreModuleV2\" in its module list" } },
    { name: "a pool that shuts down is another family", evidence: { 'message.txt': "The application pool shuts down and users see 503 Service Unavailable for a while" } },
  ],
  invalid: [
    { name: "a configuration complaint without the error page", evidence: { 'message.txt': "IIS says the configuration is invalid after we changed web.config" } },
  ],
});
