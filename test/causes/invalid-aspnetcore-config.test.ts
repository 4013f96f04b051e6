import cause from '../../src/causes/invalid-aspnetcore-config';
import { runCauseTests } from '../helpers/cause-tester';
import { eventText, lineOf, webConfig } from './startup-fixtures';

const UNKNOWN_MODEL_EVENT = eventText(
  1034,
  'Could not load configuration. Exception message:\nUnknown hosting model \'InProc\'. Please specify either hostingModel="inprocess" or hostingModel="outofprocess" in the web.config file.',
);
const IN_PROC = webConfig(['<aspNetCore processPath="dotnet"', '                  arguments=".\\Contoso.Shop.dll"', '                  hostingModel="InProc" />'].join('\n'));
const HYPHEN = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="out-of-process" />');
// Real text: dotnet/aspnetcore#17033.
const PROCESS_PATH_REQUIRED = eventText(
  1034,
  "Could not load configuration. Exception message: Attribute 'processPath' is required. Process Id: 7048. File Version: 12.2.19169.6. Description: IIS ASP.NET Core Module V2. Commit: e7f262e",
);

runCauseTests(cause, {
  valid: [
    { name: 'hostingModel="OutOfProcess" (valid in any case)', evidence: { 'web.config': webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="OutOfProcess" />') } },
    { name: 'no hostingModel attribute (means out-of-process)', evidence: { 'web.config': webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" />') } },
    { name: 'ANCM 1021: recycled after a web.config change', evidence: { 'application-events.txt': eventText(1021, "Application '/LM/W3SVC/2/ROOT' was recycled due to configuration change", { level: 'Information' }) } },
  ],
  invalid: [
    {
      name: 'ANCM 1034 "Unknown hosting model" with the pasted config',
      evidence: { 'application-events.txt': UNKNOWN_MODEL_EVENT, 'web.config': IN_PROC },
      minConfidence: 0.9,
      evidenceLines: ['application-events.txt:11', `web.config:${lineOf(IN_PROC, 'hostingModel="InProc"')}`],
      mentions: ['hostingModel="InProc"', 'Unknown hosting model', '<AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>'],
    },
    {
      name: 'an unknown hostingModel in the pasted web.config alone',
      evidence: { 'web.config': HYPHEN },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      evidenceLines: [lineOf(HYPHEN, 'out-of-process')],
      mentions: ['hostingModel="out-of-process"', 'OutOfProcess'],
    },
    {
      name: "ANCM 1034 \"Attribute 'processPath' is required\" (real: dotnet/aspnetcore#17033)",
      evidence: { 'application-events.txt': PROCESS_PATH_REQUIRED },
      minConfidence: 0.9,
      evidenceLines: [11],
      mentions: ["Attribute 'processPath' is required", 'processPath is required', 'arguments=".\\YourApp.dll"'],
    },
  ],
  messy: {
    valid: [
      {
        // A valid hostingModel (kb-facts §1.4: InProcess / OutOfProcess, case-insensitive) in a fence, with nothing failing.
        name: 'a valid in-process element in a code fence',
        form: 'fenced',
        evidence: { 'message.txt': 'is this web.config right?\n```\n<aspNetCore processPath="dotnet" arguments=".\\Api.dll" hostingModel="inprocess" stdoutLogEnabled="false" />\n```\nit works, just checking' },
      },
    ],
    invalid: [
      {
        // ANCM 1034 with the unknown hosting model text (kb-facts §1.1) without its header.
        name: 'the 1034 unknown-hosting-model text without its header',
        form: 'header-less',
        evidence: { 'event.txt': 'Could not load configuration. Exception message:\nUnknown hosting model \'inproc\'. Please specify either hostingModel="inprocess" or hostingModel="outofprocess" in the web.config file.' },
      },
      {
        // An invalid hostingModel value (kb-facts §1.4) in the element, as Slack escapes it, with the empty 500.0 (kb-facts §1.2).
        name: 'an invalid hostingModel in the element, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': 'we get a blank 500 &amp; nothing in stdout. config is\n&lt;aspNetCore processPath=".\\Api.exe" hostingModel="in-process" stdoutLogEnabled="true" /&gt;' },
      },
      {
        // ANCM 1034 (kb-facts §1.1) in a Get-WinEvent table row.
        name: 'the 1034 text mid-line in a Get-WinEvent row',
        form: 'mid-line',
        evidence: { 'get-winevent.txt': "11/20/2026 3:12:44 AM   1034 Error   Could not load configuration. Exception message: Unknown hosting model 'OutProc'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file." },
      },
    ],
  },
});
