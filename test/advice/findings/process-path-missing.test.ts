import processPathMissing from '../../../src/advice/findings/process-path-missing';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(processPathMissing, {
  valid: [
    { name: 'no processPath', text: webConfig(attributes({ processPath: undefined })), line: 7, mentions: ['processPath', 'processPath="dotnet"'] },
  ],
  invalid: [
    { name: 'processPath="dotnet"', text: webConfig(attributes({})) },
    { name: 'a config without <aspNetCore>', text: '<configuration>\n  <system.webServer>\n  </system.webServer>\n</configuration>' },
  ],
});
