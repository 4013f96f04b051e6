import arrSettingWithAncmV2 from '../../../src/advice/findings/arr-setting-with-ancm-v2';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

/** A web.config with `extra` lines inside <system.webServer>, after <aspNetCore> (line 7): extra starts on line 8. */
function withServerSection(extra: string, handlerModule = 'AspNetCoreModuleV2', aspNetCore = attributes({})): string {
  return webConfig(aspNetCore, '', handlerModule).replace('  </system.webServer>', `${extra}\n  </system.webServer>`);
}

/** The same, with `extra` after </system.webServer> (a top-level section such as webFarms, starting on line 9). */
function withTopSection(extra: string, handlerModule = 'AspNetCoreModuleV2'): string {
  return webConfig(attributes({}), '', handlerModule).replace('</configuration>', `${extra}\n</configuration>`);
}

const REWRITE_TO_BACKEND = [
  '    <rewrite>',
  '      <rules>',
  '        <rule name="api" stopProcessing="true">',
  '          <match url="^api/(.*)" />',
  '          <action type="Rewrite" url="http://backend:8080/{R:1}" />',
  '        </rule>',
  '      </rules>',
  '    </rewrite>',
].join('\n');

runFindingTests(arrSettingWithAncmV2, {
  valid: [
    {
      name: "ARR's timeout attribute on <aspNetCore>",
      text: webConfig(attributes({ hostingModel: 'outofprocess', timeout: '00:10:00' })),
      line: 7,
      mentions: ['timeout="00:10:00"', 'ARR proxy setting', "Unrecognized attribute 'timeout'", '500.19', 'requestTimeout', '00:02:00'],
    },
    {
      name: "ARR's preserveHostHeader on <aspNetCore> of a fragment without handlers",
      text: '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" preserveHostHeader="true" />',
      line: 1,
      mentions: ['preserveHostHeader="true"', "Unrecognized attribute 'preserveHostHeader'"],
    },
    {
      name: 'a system.webServer/proxy timeout beside AspNetCoreModuleV2',
      text: withServerSection('    <proxy enabled="true" timeout="00:10:00" />'),
      line: 8,
      mentions: ['<proxy timeout="00:10:00">', 'system.webServer/proxy', 'requestTimeout', '00:02:00'],
    },
    {
      name: 'a <proxy> element over several lines',
      text: withServerSection('    <proxy enabled="true"\n           preserveHostHeader="true" />'),
      line: 8,
      mentions: ['<proxy>', 'does not read it'],
    },
    {
      name: 'ARR webFarms in the app web.config',
      text: withTopSection('  <webFarms>\n    <webFarm name="shop">\n      <applicationRequestRouting>\n        <protocol timeout="00:05:00" />\n      </applicationRequestRouting>\n    </webFarm>\n  </webFarms>'),
      line: 9,
      mentions: ['<webFarms>', 'applicationHost.config', '00:00:30'],
    },
    {
      name: 'forwardWindowsAuthToken in-process',
      text: webConfig(attributes({ forwardWindowsAuthToken: 'false' })),
      line: 7,
      mentions: ['forwardWindowsAuthToken="false"', 'out-of-process', 'hostingModel="inprocess"', 'never reads it'],
    },
    { name: 'rapidFailsPerMinute in-process', text: webConfig(attributes({ rapidFailsPerMinute: '3' })), line: 7, mentions: ['rapidFailsPerMinute="3"'] },
    {
      name: 'each ARR setting said once',
      text: withServerSection('    <proxy timeout="00:10:00" />', 'AspNetCoreModuleV2', attributes({ keepAlive: 'false', forwardWindowsAuthToken: 'true' })),
      count: 3,
    },
  ],
  invalid: [
    { name: 'a production-ready in-process config', text: webConfig(attributes({})) },
    { name: 'requestTimeout out-of-process (the ANCM setting)', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:05:00' })) },
    { name: 'requestTimeout in-process (its own finding)', text: webConfig(attributes({ requestTimeout: '00:05:00' })) },
    { name: 'forwardWindowsAuthToken out-of-process', text: webConfig(attributes({ hostingModel: 'outofprocess', forwardWindowsAuthToken: 'false', rapidFailsPerMinute: '3' })) },
    { name: 'forwardWindowsAuthToken with no hostingModel (out-of-process)', text: webConfig(attributes({ hostingModel: undefined, forwardWindowsAuthToken: 'false' })) },
    { name: '<proxy> used by a rewrite rule that forwards to a backend', text: withServerSection(`${REWRITE_TO_BACKEND}\n    <proxy enabled="true" timeout="00:10:00" />`) },
    { name: '<proxy> beside the V1 module', text: withServerSection('    <proxy enabled="true" timeout="00:10:00" />', 'AspNetCoreModule') },
    { name: 'an ARR server config with no ASP.NET Core app', text: '<system.webServer>\n  <proxy enabled="true" timeout="00:10:00" />\n</system.webServer>' },
    { name: 'a <proxy> element of another section (system.net/defaultProxy)', text: withTopSection('  <system.net>\n    <defaultProxy>\n      <proxy proxyaddress="http://proxy:8080" />\n    </defaultProxy>\n  </system.net>') },
  ],
});
