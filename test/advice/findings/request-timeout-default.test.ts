import requestTimeoutDefault from '../../../src/advice/findings/request-timeout-default';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(requestTimeoutDefault, {
  valid: [
    { name: 'out-of-process without requestTimeout', text: webConfig(attributes({ hostingModel: 'outofprocess' })), line: 7, mentions: ['00:02:00'] },
    { name: 'no hostingModel (out-of-process) and no requestTimeout', text: webConfig(attributes({ hostingModel: undefined })), line: 7, mentions: ['default 2 minutes'] },
  ],
  invalid: [
    { name: 'an explicit requestTimeout', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:02:00' })) },
    { name: 'in-process hosting', text: webConfig(attributes({})) },
    { name: 'an invalid hosting model', text: webConfig(attributes({ hostingModel: 'InProc' })) },
  ],
});
