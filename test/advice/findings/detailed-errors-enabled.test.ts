import detailedErrorsEnabled from '../../../src/advice/findings/detailed-errors-enabled';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(detailedErrorsEnabled, {
  valid: [
    { name: 'ASPNETCORE_DETAILEDERRORS=true', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_DETAILEDERRORS" value="true" />\n      </environmentVariables>'), line: 9, mentions: ['ASPNETCORE_DETAILEDERRORS="true"'] },
    { name: 'ASPNETCORE_DETAILEDERRORS=1', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_DETAILEDERRORS" value="1" />\n      </environmentVariables>'), line: 9, mentions: ['ASPNETCORE_DETAILEDERRORS="1"'] },
  ],
  invalid: [
    { name: 'ASPNETCORE_DETAILEDERRORS=0', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_DETAILEDERRORS" value="0" />\n      </environmentVariables>') },
    { name: 'no such variable', text: webConfig(attributes({})) },
  ],
});
