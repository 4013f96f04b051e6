import processPathArgumentsMismatch from '../../../src/advice/findings/process-path-arguments-mismatch';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(processPathArgumentsMismatch, {
  valid: [
    { name: 'dotnet with a name that is not a .dll', text: webConfig(attributes({ arguments: '.\\Contoso.Web' })), line: 7, mentions: ['arguments=".\\Contoso.Web"', 'arguments=".\\YourApp.dll"'] },
    { name: 'dotnet with no arguments', text: webConfig(attributes({ arguments: undefined })), line: 7, mentions: ['no arguments'] },
  ],
  invalid: [
    { name: 'dotnet with the app\'s .dll', text: webConfig(attributes({})) },
    { name: 'a quoted path with spaces and more arguments', text: webConfig(attributes({ processPath: 'C:\\Program Files\\dotnet\\dotnet.exe', arguments: '&quot;D:\\sites\\My App\\App.dll&quot; --urls http://localhost:5000' })) },
    { name: 'placeholders (their own finding)', text: webConfig(attributes({ processPath: '%LAUNCHER_PATH%', arguments: '%LAUNCHER_ARGS%' })) },
    { name: 'a self-contained .exe', text: webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '' })) },
  ],
});
