import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ancmV1Module from '../../../src/advice/findings/ancm-v1-module';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

runFindingTests(ancmV1Module, {
  valid: [
    { name: 'a V1 handler from a real thread', text: fixture('iisintegration-903.web.config'), line: 5, mentions: ['modules="AspNetCoreModule"', 'AspNetCoreModuleV2'] },
    { name: 'a V1 handler written in lower case', text: webConfig(attributes({}), '', 'aspnetcoremodule'), line: 5, mentions: ['modules="aspnetcoremodule"'] },
  ],
  invalid: [
    { name: 'the V2 module', text: webConfig(attributes({})) },
    { name: 'a handler of another module', text: webConfig(attributes({}), '', 'StaticFileModule') },
  ],
});
