import requestTimeoutInvalid from '../../../src/advice/findings/request-timeout-invalid';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(requestTimeoutInvalid, {
  valid: [
    { name: 'words instead of a timespan', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '2 minutes' })), line: 7, mentions: ['requestTimeout="2 minutes"', 'requestTimeout="00:02:00"'] },
    { name: 'more than 360 hours', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '361:00:00' })), line: 7, mentions: ['at most 360:00:00'] },
  ],
  invalid: [
    { name: 'a day', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '1.00:00:00' })) },
    { name: 'words in-process, where ANCM ignores the attribute', text: webConfig(attributes({ requestTimeout: '2 minutes' })) },
  ],
});
