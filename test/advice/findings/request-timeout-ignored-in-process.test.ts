import requestTimeoutIgnoredInProcess from '../../../src/advice/findings/request-timeout-ignored-in-process';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(requestTimeoutIgnoredInProcess, {
  valid: [
    { name: 'a requestTimeout in-process', text: webConfig(attributes({ requestTimeout: '00:10:00' })), line: 7, mentions: ['requestTimeout="00:10:00"', 'in-process'] },
  ],
  invalid: [
    { name: 'in-process without requestTimeout', text: webConfig(attributes({})) },
    { name: 'out-of-process with requestTimeout', text: webConfig(attributes({ hostingModel: 'OutOfProcess', requestTimeout: '00:10:00' })) },
    { name: 'an invalid hosting model', text: webConfig(attributes({ hostingModel: 'InProc', requestTimeout: '00:10:00' })) },
  ],
});
