import cause from '../../src/causes/aspnetcore-module-missing';
import { runCauseTests } from '../helpers/cause-tester';
import { eventText, iisDetailedError, lineOf, webConfig } from './startup-fixtures';

const GOOD = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');
const V1_CONFIG = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" stdoutLogEnabled="false" />', 'AspNetCoreModule');
const PAGE_21 = [
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
  '<html xmlns="http://www.w3.org/1999/xhtml">',
  '<head>',
  '<title>IIS 10.0 Detailed Error - 500.21 - Internal Server Error</title>',
  '</head>',
  '<body>',
  '<div id="content">',
  '<div class="content-container">',
  '<h3>HTTP Error 500.21 - Internal Server Error</h3>',
  '<h4>Handler &quot;aspNetCore&quot; has a bad module &quot;AspNetCoreModule&quot; in its module list</h4>',
  '</div>',
  '</div>',
  '</body>',
  '</html>',
].join('\n');
const PAGE_19 = iisDetailedError(500, 19, { Module: 'IIS Web Core', Notification: 'Unknown', Handler: 'Not yet determined', 'Error Code': '0x8007000d', 'Config Error': '', 'Config File': '\\\\?\\C:\\inetpub\\shop\\web.config' }, ['   -1: ', '    0: ']);
const PAGE_19_ACCESS = iisDetailedError(500, 19, { Module: 'IIS Web Core', 'Error Code': '0x80070005', 'Config Error': 'Cannot read configuration file due to insufficient permissions' });
const BROKEN = GOOD.replace('</handlers>', '</handler>');
const MODULE_DLL = eventText(2280, 'The Module DLL C:\\WINDOWS\\system32\\inetsrv\\aspnetcore.dll failed to load.  The data is the error.', { source: 'IIS-W3SVC-WP' });

runCauseTests(cause, {
  valid: [
    { name: 'a well-formed web.config with nothing failing', evidence: { 'web.config': GOOD } },
    { name: '500.19 with 0x80070005 and no config (a permission problem)', evidence: { 'page.txt': PAGE_19_ACCESS } },
    { name: 'a 500.19 0x8007000d page with a pasted web.config that does not parse (malformed wins)', evidence: { 'page.txt': PAGE_19, 'web.config': BROKEN } },
  ],
  invalid: [
    {
      name: '500.21 "bad module" with a web.config naming the V1 module',
      evidence: { 'page.html': PAGE_21, 'web.config': V1_CONFIG },
      minConfidence: 0.75,
      evidenceLines: [`web.config:${lineOf(V1_CONFIG, 'modules="AspNetCoreModule"')}`],
      mentions: ['AspNetCoreModuleV2', 'modules="AspNetCoreModule" is the V1 module', 'Get-WebGlobalModule'],
    },
    {
      name: '500.19 0x8007000d with a well-formed config that holds <aspNetCore>',
      evidence: { 'page.txt': PAGE_19, 'web.config': GOOD },
      minConfidence: 0.6,
      evidenceLines: ['page.txt:1', `web.config:${lineOf(GOOD, '<aspNetCore ')}`],
      mentions: ['aspnetcore_schema_v2.xml', 'Hosting Bundle'],
    },
    {
      name: 'IIS-W3SVC-WP: the module DLL failed to load',
      evidence: { 'application-events.txt': MODULE_DLL },
      minConfidence: 0.8,
      evidenceLines: [11],
      mentions: ['Repair the Hosting Bundle'],
    },
    {
      name: 'a 500.19 0x8007000d page alone (ambiguous with malformed XML)',
      evidence: { 'page.txt': PAGE_19 },
      minConfidence: 0.4,
      maxConfidence: 0.6,
      evidenceLines: [1],
    },
  ],
  messy: {
    valid: [
      {
        // 500.19 with access denied (kb-facts §2, §3.3: 0x80070005) in a code fence: a permission problem, not a missing module.
        name: 'a 500.19 access-denied page in a code fence',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'new server, same site:',
            '```',
            'HTTP Error 500.19 - Internal Server Error',
            'The requested page cannot be accessed because the related configuration data for the page is invalid.',
            'Error Code    0x80070005',
            'Config Error  Cannot read configuration file due to insufficient permissions',
            '```',
          ].join('\n'),
        },
      },
    ],
    invalid: [
      {
        // IIS-W3SVC-WP text (kb-facts §2, D-err) without its Event Viewer header.
        name: 'the module-DLL load failure without its header',
        form: 'header-less',
        evidence: { 'event.txt': 'The Module DLL C:\\WINDOWS\\system32\\inetsrv\\aspnetcore.dll failed to load.  The data is the error.' },
      },
      {
        // IIS 500.21 page text (IIS custom error, same text as config-error-unexplained's near miss) in a German message.
        name: 'a German report around the 500.21 bad-module text',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Server neu aufgesetzt, Seite kopiert, und jetzt kommt: HTTP Error 500.21 - Internal Server Error Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list. Was fehlt da?' },
      },
      {
        // The same 500.21 text in Markdown bold, as people paste it into issues and Slack.
        name: 'the 500.21 text in Markdown bold',
        form: 'fenced',
        evidence: { 'message.txt': 'deployed the API to IIS and got\n\n**HTTP Error 500.21 - Internal Server Error\nHandler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list**\n\nwhat am I missing?' },
      },
    ],
  },
});
