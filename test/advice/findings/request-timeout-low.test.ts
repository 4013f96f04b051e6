import requestTimeoutLow from '../../../src/advice/findings/request-timeout-low';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(requestTimeoutLow, {
  valid: [
    { name: '15 seconds', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:00:15' })), line: 7, mentions: ['requestTimeout="00:00:15"', '15 s', 'requestTimeout="00:02:00"'] },
  ],
  invalid: [
    { name: 'the default 2 minutes', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:02:00' })) },
    { name: 'exactly 30 seconds', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:00:30' })) },
    { name: '15 seconds in-process', text: webConfig(attributes({ requestTimeout: '00:00:15' })) },
    { name: 'a value that is not a timespan', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '15s' })) },
  ],
});
