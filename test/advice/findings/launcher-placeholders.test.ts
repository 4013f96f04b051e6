import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import launcherPlaceholders from '../../../src/advice/findings/launcher-placeholders';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

runFindingTests(launcherPlaceholders, {
  valid: [
    { name: 'Visual Studio\'s placeholders from a real thread', text: fixture('iisintegration-252.web.config'), line: 8, mentions: ['processPath="%LAUNCHER_PATH%"', 'processPath="dotnet"'] },
    { name: 'a placeholder in arguments only', text: webConfig(attributes({ arguments: '%LAUNCHER_ARGS%' })), line: 7, mentions: ['arguments="%LAUNCHER_ARGS%"'] },
  ],
  invalid: [
    { name: 'a published config', text: webConfig(attributes({})) },
    { name: 'no processPath at all', text: webConfig(attributes({ processPath: undefined, arguments: '%LAUNCHER_ARGS%' })) },
  ],
});
