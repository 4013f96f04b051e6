import cause from '../../src/causes/startup-time-limit';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, lineOf, webConfig } from './startup-fixtures';

// Real: dotnet/aspnetcore#10383 (Azure, CPU and memory maxed out).
const NOT_INITIALIZED = eventText(
  1007,
  "Application '/LM/W3SVC/1272574654/ROOT' with physical root 'D:\\home\\site\\wwwroot\\' failed to load clr and managed application. Managed server didn't initialize after 120000 ms.",
);
const LIMIT_60 = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" startupTimeLimit="60" hostingModel="inprocess" />');
const OOP_TIMEOUT = eventText(
  1000,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Contoso.Shop.dll' at stage 'PostStartCheck', ErrorCode = '0x800705b4', assigned port 24567, retryCounter '0'.",
  { level: 'Warning' },
);
const WAS_5012 = eventText(5012, "A process serving application pool 'ShopPool' exceeded time limits during start up. The process id was '4242'.", {
  source: 'Microsoft-Windows-WAS',
  level: 'Warning',
});

runCauseTests(cause, {
  valid: [
    {
      name: '1007 "CLR worker thread exited prematurely" (a start failure, not a timeout)',
      evidence: { 'application-events.txt': eventText(1007, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to load coreclr. Exception message:\nCLR worker thread exited prematurely") },
    },
    { name: 'a request timeout (502.3 with 12002), not a startup timeout', evidence: { 'report.txt': 'HTTP Error 502.3 - Bad Gateway, error code 0x80072ee2 after 120 seconds' } },
    {
      name: 'a WAS ping failure (5010: a hung worker)',
      evidence: { 'system-events.txt': eventText(5010, "A process serving application pool 'ShopPool' failed to respond to a ping. The process id was '4242'.", { source: 'Microsoft-Windows-WAS', level: 'Warning' }) },
    },
  ],
  invalid: [
    {
      name: "1007 \"Managed server didn't initialize after 120000 ms\" (real: dotnet/aspnetcore#10383)",
      evidence: { 'application-events.txt': NOT_INITIALIZED },
      minConfidence: 0.9,
      evidenceLines: [11],
      mentions: ['120 s', 'the default startupTimeLimit of 120 s', 'Database.Migrate()', '240'],
    },
    {
      name: 'the 500.37 page with startupTimeLimit="60" in web.config',
      evidence: { 'page.html': ancmPage(500, 37, 'ASP.NET Core app failed to start within startup time limit'), 'web.config': LIMIT_60 },
      minConfidence: 0.8,
      evidenceLines: ['page.html:5', `web.config:${lineOf(LIMIT_60, 'startupTimeLimit')}`],
      mentions: ['startupTimeLimit is 60 s (set in web.config)', 'from 60 to 240 seconds', 'suppressRecycleOnStartupTimeout'],
    },
    {
      name: 'out-of-process: ERROR_TIMEOUT (0x800705B4) at PostStartCheck',
      evidence: { 'application-events.txt': OOP_TIMEOUT },
      minConfidence: 0.6,
      maxConfidence: 0.8,
      evidenceLines: [11],
      mentions: ['startupTimeLimit is 120 s (the default)'],
    },
    {
      name: 'only WAS 5012 (the worker start limit): a weaker neighbour', trails: "WAS 5012 alone is a neighbour of the ANCM limit, not the limit itself.",
      evidence: { 'system-events.txt': WAS_5012 },
      maxConfidence: 0.4,
      evidenceLines: [11],
      mentions: ['pool ShopPool', 'default 90 s'],
    },
  ],
  messy: {
    valid: [
      {
        // WAS 5010 (kb-facts §5.1) wrapped over two lines: a hung worker, not a slow start.
        name: 'a WAS ping failure wrapped over two lines',
        form: 'split over lines',
        evidence: { 'system.txt': "A process serving application pool 'ApiPool' failed to respond to a ping. The process id was\n'6120'." },
      },
    ],
    invalid: [
      {
        // The 500.37 title (kb-facts §1.2) typed from memory.
        name: 'the 500.37 title retyped in lower case',
        form: 'paraphrased',
        evidence: { 'message.txt': 'after the upgrade the first request gets http 500.37 ancm failed to start within startup time limit, later ones too' },
      },
      {
        // ANCM 1007 with the startup-time-limit message (kb-facts §1.1) without the Event Viewer header.
        name: 'the 1007 time-limit message without its header',
        form: 'header-less',
        evidence: { 'event.txt': "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to load coreclr. Exception message:\nManaged server didn't initialize after 120000 ms." },
      },
      {
        // ANCM 1000 at PostStartCheck with ERROR_TIMEOUT (kb-facts §1.1, §3.3: 0x800705B4) mid-line in a Get-EventLog table row.
        name: 'the ERROR_TIMEOUT start attempt in a Get-EventLog table row',
        form: 'mid-line',
        evidence: { 'get-eventlog.txt': "  812 Nov 20 03:12  Warning     IIS AspNetCore Module V2    1000 Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to start process with commandline 'dotnet .\\Api.dll' at stage 'PostStartCheck', ErrorCode = '0x800705b4', assigned port 20417, retryCounter '1'." },
      },
      {
        // ANCM 1007 startup-time-limit message (kb-facts §1.1) wrapped inside the sentence.
        name: 'the time-limit message wrapped before its milliseconds',
        form: 'split over lines',
        evidence: { 'event.txt': "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to load coreclr. Exception message: Managed server didn't initialize after\n120000 ms." },
      },
    ],
  },
});
