import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import malformedWebConfig from '../../../src/advice/findings/malformed-web-config';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

runFindingTests(malformedWebConfig, {
  valid: [
    { name: 'a whole file that stops being XML', text: fixture('malformed.web.config'), line: 8, mentions: ['line 8, column 3', '500.19'] },
    { name: 'an unclosed attribute', text: '<configuration>\n  <system.webServer>\n    <aspNetCore processPath="dotnet />\n  </system.webServer>\n</configuration>', mentions: ['not well-formed XML'] },
  ],
  invalid: [
    { name: 'a well-formed file', text: webConfig(attributes({})) },
    { name: 'a paste cut off inside an element', text: fixture('aspnetcore-17033.web.config').split('\n').slice(0, 8).join('\n') },
  ],
});
