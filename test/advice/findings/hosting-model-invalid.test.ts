import hostingModelInvalid from '../../../src/advice/findings/hosting-model-invalid';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(hostingModelInvalid, {
  valid: [
    { name: 'InProc', text: webConfig(attributes({ hostingModel: 'InProc' })), line: 7, mentions: ['hostingModel="InProc"', 'hostingModel="inprocess"'] },
  ],
  invalid: [
    { name: 'InProcess in any case', text: webConfig(attributes({ hostingModel: 'InProcess' })) },
    { name: 'OutOfProcess', text: webConfig(attributes({ hostingModel: 'OutOfProcess' })) },
    { name: 'no hostingModel', text: webConfig(attributes({ hostingModel: undefined })) },
  ],
});
