import processPathNotWindowsExecutable from '../../../src/advice/findings/process-path-not-windows-executable';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(processPathNotWindowsExecutable, {
  valid: [
    {
      name: 'the executable of a linux-x64 publish (.\\MyApp)',
      text: webConfig(attributes({ processPath: '.\\MyApp', arguments: '' })),
      line: 7,
      mentions: ['processPath=".\\MyApp"', 'Linux or macOS', 'linux-x64', 'win-x64', 'processPath=".\\MyApp.exe"', 'processPath="dotnet" arguments=".\\MyApp.dll"', 'Executable was not found'],
    },
    {
      name: 'a Unix-style ./MyApp out-of-process',
      text: webConfig(attributes({ processPath: './MyApp', arguments: '', hostingModel: 'outofprocess' })),
      line: 7,
      mentions: ['processPath="./MyApp"', 'osx-x64', '502.5', 'win-x64', 'processPath=".\\MyApp.exe"'],
    },
    {
      name: 'a dotted app name in-process (.\\Contoso.Web)',
      text: webConfig(attributes({ processPath: '.\\Contoso.Web', arguments: '' })),
      line: 7,
      mentions: ['processPath=".\\Contoso.Web"', 'linux-x64', "doesn't have '.exe' extension", 'processPath=".\\Contoso.Web.exe"', 'arguments=".\\Contoso.Web.dll"'],
    },
    { name: 'a folder with a dot in its name', text: webConfig(attributes({ processPath: '.\\v1.2\\Shop', arguments: '' })), line: 7, mentions: ['processPath=".\\v1.2\\Shop"', 'Shop.exe'] },
    { name: 'a .dll as processPath', text: webConfig(attributes({ processPath: '.\\Contoso.Web.dll', arguments: '' })), line: 7, mentions: ['.dll', 'processPath="dotnet" arguments=".\\Contoso.Web.dll"'] },
    { name: 'a shell script', text: webConfig(attributes({ processPath: './start.sh', arguments: '', hostingModel: 'outofprocess' })), line: 7, mentions: ['processPath="./start.sh"', '.sh', '502.5'] },
    {
      name: 'processPath on a line of its own',
      text: webConfig('processPath=".\\MyApp"\n      arguments=""\n      hostingModel="inprocess"'),
      line: 7,
    },
  ],
  invalid: [
    { name: 'dotnet', text: webConfig(attributes({})) },
    { name: 'dotnet.exe with a full path', text: webConfig(attributes({ processPath: 'C:\\Program Files\\dotnet\\dotnet.exe' })) },
    { name: 'dotnet without .exe with a full path', text: webConfig(attributes({ processPath: 'C:\\Program Files\\dotnet\\dotnet' })) },
    { name: 'a self-contained Windows .exe', text: webConfig(attributes({ processPath: '.\\MyApp.exe', arguments: '' })) },
    { name: 'an .EXE in capitals, with an environment variable', text: webConfig(attributes({ processPath: '%HOME%\\site\\wwwroot\\MyApp.EXE', arguments: '' })) },
    { name: 'a .cmd started out-of-process', text: webConfig(attributes({ processPath: '.\\run.cmd', arguments: '', hostingModel: 'outofprocess' })) },
    { name: "Visual Studio's %LAUNCHER_PATH% (another finding)", text: webConfig(attributes({ processPath: '%LAUNCHER_PATH%', arguments: '%LAUNCHER_ARGS%' })) },
    { name: 'no processPath (another finding)', text: webConfig(attributes({ processPath: undefined })) },
  ],
});
