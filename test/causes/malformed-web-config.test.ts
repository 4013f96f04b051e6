import cause from '../../src/causes/malformed-web-config';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, iisDetailedError, lineOf, webConfig } from './startup-fixtures';

const GOOD = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');
// The closing </aspNetCore> is missing after a hand edit.
const BROKEN = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <system.webServer>',
  '    <handlers>',
  '      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
  '    </handlers>',
  '    <aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="inprocess">',
  '      <environmentVariables>',
  '        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
  '      </environmentVariables>',
  '  </system.webServer>',
  '</configuration>',
].join('\n');
const PAGE_INVALID = iisDetailedError(
  500,
  19,
  { Module: 'IIS Web Core', Notification: 'Unknown', Handler: 'Not yet determined', 'Error Code': '0x8007000d', 'Config Error': 'Configuration file is not well-formed XML', 'Config File': '\\\\?\\C:\\inetpub\\shop\\web.config' },
  ['   10:       </environmentVariables>', '   11:   </system.webServer>', '   12: </configuration>'],
);
const PAGE_ACCESS = iisDetailedError(500, 19, {
  Module: 'IIS Web Core',
  Notification: 'Unknown',
  Handler: 'Not yet determined',
  'Error Code': '0x80070005',
  'Config Error': 'Cannot read configuration file due to insufficient permissions',
  'Config File': '\\\\?\\C:\\inetpub\\shop\\web.config',
});

runCauseTests(cause, {
  valid: [
    { name: 'a well-formed published web.config', evidence: { 'web.config': GOOD } },
    {
      name: 'an <aspNetCore> fragment cut off mid-element by the paste',
      evidence: { 'slack.txt': '<aspNetCore processPath="dotnet"\n            arguments=".\\Contoso.Shop.dll"\n            stdoutLogEnabled="false"' },
    },
    { name: 'a 500.30 page (not a configuration error)', evidence: { 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start') } },
  ],
  invalid: [
    {
      name: 'the pasted web.config does not parse (missing closing tag)',
      evidence: { 'web.config': BROKEN },
      minConfidence: 0.65,
      evidenceLines: [lineOf(BROKEN, '</system.webServer>')],
      mentions: [`line ${lineOf(BROKEN, '</system.webServer>')}`, "'aspNetCore'", '[xml](Get-Content'],
    },
    {
      name: 'the broken web.config with the 500.19 page that says it is not well-formed',
      evidence: { 'web.config': BROKEN, 'page.txt': PAGE_INVALID },
      minConfidence: 0.85,
      evidenceLines: [`web.config:${lineOf(BROKEN, '</system.webServer>')}`, 'page.txt:1'],
      mentions: ['0x8007000d', 'C:\\inetpub\\shop\\web.config'],
    },
    {
      name: '500.19 with 0x80070005: the pool identity cannot read web.config',
      evidence: { 'page.txt': PAGE_ACCESS },
      minConfidence: 0.5,
      maxConfidence: 0.7,
      evidenceLines: [1],
      mentions: ['cannot read web.config', 'icacls'],
    },
    {
      name: '500.19 typed in prose only', trails: "A 500.19 named in prose fits a broken file and a missing module alike: the family-level answer leads.",
      evidence: { 'slack.txt': 'after the deploy IIS shows HTTP Error 500.19 on every page' },
      maxConfidence: 0.35,
      evidenceLines: [1],
    },
  ],
  messy: {
    valid: [
      {
        // A 500.30 (kb-facts §1.2) with the config declared fine: not a configuration error.
        name: 'a 500.30 with web.config validated, in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'web.config looks fine, the XML validator says it is well formed, but the site still shows HTTP Error 500.30 - ASP.NET Core app failed to start' },
      },
    ],
    invalid: [
      {
        // IIS 500.19 detailed error (kb-facts §2: 0x8007000d) with its Config Error line, retold from the screen.
        name: 'the 500.19 not-well-formed page retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'getting a 500.19, error code 0x8007000d, config error says configuration file is not well-formed xml. Only change was the web.config transform' },
      },
      {
        // A pasted web.config in a fence that does not parse (an attribute quote missing).
        name: 'a broken web.config in a code fence',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'this is the web.config on the server, site returns 500.19:',
            '```xml',
            '<?xml version="1.0" encoding="utf-8"?>',
            '<configuration>',
            '  <system.webServer>',
            '    <handlers>',
            '      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
            '    </handlers>',
            '    <aspNetCore processPath="dotnet" arguments=".\\Api.dll" stdoutLogEnabled="false />',
            '  </system.webServer>',
            '</configuration>',
            '```',
          ].join('\n'),
        },
      },
      {
        // The same IIS 500.19 lines inside a Japanese message.
        name: 'a Japanese report around the 500.19 not-well-formed lines',
        form: 'other language',
        evidence: { 'message.txt': 'web.config を編集したら次のエラーになりました。\nHTTP Error 500.19 - Internal Server Error\nError Code 0x8007000d\nConfig Error Configuration file is not well-formed XML\nどこが悪いのでしょうか。' },
      },
      {
        // IIS 500.19 Config Error (kb-facts §2) wrapped inside "well-formed".
        name: 'the not-well-formed config error wrapped over two lines',
        form: 'split over lines',
        evidence: { 'page.txt': 'HTTP Error 500.19 - Internal Server Error\nError Code 0x8007000d\nConfig Error Configuration file is not\nwell-formed XML' },
      },
    ],
  },
});
