import startupTimeLimitLow from '../../../src/advice/findings/startup-time-limit-low';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(startupTimeLimitLow, {
  valid: [
    { name: '60 seconds', text: webConfig(attributes({ startupTimeLimit: '60' })), line: 7, mentions: ['startupTimeLimit="60"', 'startupTimeLimit="120"'] },
  ],
  invalid: [
    { name: '120 seconds', text: webConfig(attributes({ startupTimeLimit: '120' })) },
    { name: 'no startupTimeLimit (the default is 120)', text: webConfig(attributes({})) },
    { name: 'a value that is not a number', text: webConfig(attributes({ startupTimeLimit: 'soon' })) },
  ],
});
