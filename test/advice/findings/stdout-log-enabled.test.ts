import stdoutLogEnabled from '../../../src/advice/findings/stdout-log-enabled';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(stdoutLogEnabled, {
  valid: [
    { name: 'stdoutLogEnabled="true"', text: webConfig(attributes({ stdoutLogEnabled: 'true' })), line: 7, mentions: ['stdoutLogEnabled="true"', 'stdoutLogEnabled="false"'] },
    { name: 'the attribute in another case', text: webConfig(attributes({ stdoutLogEnabled: undefined, stdoutlogenabled: 'True' })), line: 7, mentions: ['stdoutlogenabled="True"'] },
  ],
  invalid: [
    { name: 'stdoutLogEnabled="false"', text: webConfig(attributes({})) },
    { name: 'no stdoutLogEnabled', text: webConfig(attributes({ stdoutLogEnabled: undefined })) },
  ],
});
