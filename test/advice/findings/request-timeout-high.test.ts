import requestTimeoutHigh from '../../../src/advice/findings/request-timeout-high';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(requestTimeoutHigh, {
  valid: [
    { name: 'an hour', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '01:00:00' })), line: 7, mentions: ['requestTimeout="01:00:00"', '60 minutes', '"00:02:00"'] },
  ],
  invalid: [
    { name: '5 minutes', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:05:00' })) },
    { name: 'exactly 20 minutes', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:20:00' })) },
    { name: 'more than ANCM accepts (that is invalid, not high)', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '400:00:00' })) },
    { name: 'an hour in-process', text: webConfig(attributes({ requestTimeout: '01:00:00' })) },
  ],
});
