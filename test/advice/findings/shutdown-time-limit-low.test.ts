import shutdownTimeLimitLow from '../../../src/advice/findings/shutdown-time-limit-low';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(shutdownTimeLimitLow, {
  valid: [
    { name: '5 seconds', text: webConfig(attributes({ shutdownTimeLimit: '5' })), line: 7, mentions: ['shutdownTimeLimit="5"', 'shutdownTimeLimit="20"'] },
    { name: 'no shutdownTimeLimit (the default is 10)', text: webConfig(attributes({ shutdownTimeLimit: undefined })), line: 7, mentions: ['default 10 s'] },
  ],
  invalid: [
    { name: '20 seconds', text: webConfig(attributes({ shutdownTimeLimit: '20' })) },
    { name: '60 seconds', text: webConfig(attributes({ shutdownTimeLimit: '60' })) },
    { name: 'a config without <aspNetCore>', text: '<configuration>\n  <system.webServer>\n  </system.webServer>\n</configuration>' },
  ],
});
