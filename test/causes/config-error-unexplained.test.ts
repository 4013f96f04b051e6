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
  messy: {
    valid: [
      {
        // A configuration complaint that names the missing module (IIS 500.21 text): the specific cause leads.
        name: 'a configuration complaint that quotes the bad-module text',
        form: 'in prose',
        evidence: { 'message.txt': 'IIS says the configuration is invalid, and the page says Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list' },
      },
    ],
    invalid: [
      {
        // A retelling with no code and no page: only the family is known.
        name: 'a retold configuration complaint without a code',
        form: 'paraphrased',
        evidence: { 'message.txt': 'after someone edited web.config on the server IIS complains the configuration is invalid and the whole site is dead' },
      },
      {
        // A Spanish message around the English complaint.
        name: 'a Spanish message around "the configuration is invalid"',
        form: 'other language',
        evidence: { 'mensaje.txt': 'Después de cambiar el web.config, IIS dice que "the configuration is invalid" y el sitio no responde. No tengo más detalles.' },
      },
      {
        // The same complaint naming an XML element, as Slack escapes it.
        name: 'a configuration complaint naming <system.webServer>, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': 'we touched &lt;system.webServer&gt; in web.config &amp; now IIS says the configuration is invalid' },
      },
    ],
  },
});
