import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import developmentEnvironment from '../../../src/advice/findings/development-environment';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

runFindingTests(developmentEnvironment, {
  valid: [
    { name: 'ASPNETCORE_ENVIRONMENT=Development in the docs\' fragment', text: fixture('docs-10046.fragment.xml'), line: 3, mentions: ['ASPNETCORE_ENVIRONMENT="Development"', 'Production'] },
    { name: 'DOTNET_ENVIRONMENT=development', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="DOTNET_ENVIRONMENT" value="development" />\n      </environmentVariables>'), line: 9, mentions: ['DOTNET_ENVIRONMENT="development"'] },
  ],
  invalid: [
    { name: 'Production', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />\n      </environmentVariables>') },
    { name: 'another variable set to Development', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="APP_MODE" value="Development" />\n      </environmentVariables>') },
  ],
});
