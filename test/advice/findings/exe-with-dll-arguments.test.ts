import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import exeWithDllArguments from '../../../src/advice/findings/exe-with-dll-arguments';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

runFindingTests(exeWithDllArguments, {
  valid: [
    { name: 'an .exe given a .dll in-process', text: webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '.\\Contoso.Web.dll' })), line: 7, mentions: ['arguments=".\\Contoso.Web.dll"', 'arguments=""'] },
  ],
  invalid: [
    { name: 'an .exe with no arguments', text: webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '' })) },
    { name: 'the same out-of-process', text: webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '.\\Contoso.Web.dll', hostingModel: 'OutOfProcess' })) },
    { name: 'dotnet with a .dll', text: webConfig(attributes({})) },
    { name: 'a documented fragment', text: fixture('docs-10046.fragment.xml') },
  ],
});
