import outOfProcessHosting from '../../../src/advice/findings/out-of-process-hosting';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(outOfProcessHosting, {
  valid: [
    { name: 'hostingModel="OutOfProcess"', text: webConfig(attributes({ hostingModel: 'OutOfProcess' })), line: 7, mentions: ['hostingModel="OutOfProcess"', 'hostingModel="inprocess"'] },
    { name: 'no hostingModel attribute', text: webConfig(attributes({ hostingModel: undefined })), line: 7, mentions: ['No hostingModel attribute'] },
  ],
  invalid: [
    { name: 'in-process', text: webConfig(attributes({})) },
    { name: 'InProcess', text: webConfig(attributes({ hostingModel: 'InProcess' })) },
    { name: 'an invalid hosting model', text: webConfig(attributes({ hostingModel: 'InProc' })) },
  ],
});
