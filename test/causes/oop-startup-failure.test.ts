import cause from '../../src/causes/oop-startup-failure';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, events, iisLog, lineOf, webConfig } from './startup-fixtures';

const ATTEMPT = eventText(
  1000,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Contoso.Shop.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 24567, retryCounter '1'.",
  { level: 'Warning' },
);
const ALL_FAILED = eventText(
  1020,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Contoso.Shop.dll' with multiple retries. Failed to bind to port '24567'. First 30KB characters of captured stdout and stderr logs from multiple retries:\nProcess Id: 4242.\nFile Version: 18.0.24201.0. Description: IIS ASP.NET Core Module V2 Request Handler.",
);
const TWO_EVENTS = events(ATTEMPT, ALL_FAILED);
const PAGE_502_5 = ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure', ['The application process failed to start', 'The application process started but then stopped']);
const FRAMEWORK_IN_1020 = eventText(
  1020,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Contoso.Shop.dll' with multiple retries. Failed to bind to port '24567'. First 30KB characters of captured stdout and stderr logs from multiple retries:\nYou must install or update .NET to run this application.\n\nApp: C:\\inetpub\\shop\\Contoso.Shop.dll\nArchitecture: x64\nFramework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
);

runCauseTests(cause, {
  valid: [
    {
      name: 'a 502 that headers attribute to Cloudflare is not a bare 502',
      evidence: { 'headers.txt': 'HTTP/2 502\nserver: cloudflare\ncf-ray: 8d2f1c3b4a5e6f70-FRA' },
    },
    {
      name: 'a healthy out-of-process start (ANCM 1001 at Information level)',
      evidence: { 'application-events.txt': eventText(1001, "Application '/LM/W3SVC/2/ROOT' started process '4242' successfully and process '4242' is listening on port '24567'.", { level: 'Information' }) },
    },
    {
      name: '502.3 with a broken connection (a crash mid-request, not a start failure)',
      evidence: { 'u_ex261120.log': iisLog([[502, 3, 12030, 1834, '/api/orders'], [502, 3, 12030, 2011, '/api/orders']]) },
    },
    {
      name: 'the in-process start failure page (500.30)',
      evidence: { 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start', ['The app failed to start']) },
    },
  ],
  invalid: [
    {
      name: 'ANCM 1000 attempts and the 1020 "all retries failed" error',
      evidence: { 'application-events.txt': TWO_EVENTS },
      minConfidence: 0.8,
      evidenceLines: [lineOf(TWO_EVENTS, 'with multiple retries'), lineOf(TWO_EVENTS, "at stage 'PostStartCheck'")],
      mentions: ['Contoso.Shop.dll', 'PostStartCheck', '0x8027025b', 'C:\\inetpub\\shop\\'],
    },
    {
      name: 'the ANCM 502.5 page with stdout logging already on in web.config',
      evidence: {
        'page.html': PAGE_502_5,
        'web.config': webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess" />'),
      },
      minConfidence: 0.6,
      maxConfidence: 0.85,
      evidenceLines: ['page.html:5'],
      mentions: ['stdout logging is already on', 'Contoso.Shop.dll'],
    },
    {
      name: 'IIS log rows with 502.5',
      evidence: { 'u_ex261120.log': iisLog([[502, 5, 0, 3012, '/'], [502, 5, 0, 2998, '/login']]) },
      minConfidence: 0.6,
      evidenceLines: [5],
      mentions: ['stdout'],
    },
    {
      name: 'a 1020 whose captured output names a missing framework: generic cause steps back', trails: "The captured output names the missing runtime: missing-dotnet-runtime leads.", behind: 'missing-dotnet-runtime',
      evidence: { 'application-events.txt': FRAMEWORK_IN_1020 },
      maxConfidence: 0.6,
      evidenceLines: [11],
      mentions: ['more specific reason'],
    },
    {
      name: '502.5 reported in prose only',
      evidence: { 'slack.txt': 'since the deploy every page returns HTTP Error 502.5 for us' },
      maxConfidence: 0.5,
      evidenceLines: [1],
    },
  ],
  messy: {
    valid: [
      {
        // A 502.3 (kb-facts §1.3, a forwarding failure mid-request) typed in prose: not a start failure.
        name: 'a 502.3 with a reset typed in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'the app is up and serves most requests but now and then IIS logs 502 3 12030 on /api/orders' },
      },
    ],
    invalid: [
      {
        // Real sample: event viewer text quoted in https://github.com/dotnet/aspnetcore/issues/29523 (user folder masked),
        // the 1020 "multiple retries" message pasted after a sentence, without its header.
        name: 'the 1020 message after "event viewer log :" (dotnet/aspnetcore#29523)',
        form: 'header-less',
        evidence: {
          'message.txt': [
            'The same API is working on another machine. event viewer log :',
            '',
            "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\Users\\dev\\Source\\Repos\\Api\\' failed to start process with commandline 'c:\\program files (x86)\\microsoft visual studio\\2019\\professional\\common7\\ide\\extensions\\microsoft\\web tools\\projectsystem\\VSIISExeLauncher.exe -argFile \"C:\\Users\\dev\\AppData\\Local\\Temp\\tmpF08D.tmp\"' with multiple retries. Failed to bind to port '47870'. First 30KB characters of captured stdout and stderr logs from multiple retries:",
            'Process Id: 22700.',
            'File Version: 13.1.20087.4. Description: IIS ASP.NET Core Module V2 Request Handler. Commit: 654cf06615981b190737101d3a1df39e57e20341',
          ].join('\n'),
        },
      },
      {
        // The 502.5 title (kb-facts §1.2) retyped without its capitals and hyphens.
        name: 'the 502.5 title retyped in lower case',
        form: 'paraphrased',
        evidence: { 'message.txt': 'every page gives 502.5 ancm out of process startup failure since we deployed last night' },
      },
      {
        // ANCM 1000 (kb-facts §1.1, stage PostStartCheck, 0x8027025b) in the middle of a chat line with a timestamp and a name.
        name: 'the 1000 message mid-line after a chat timestamp',
        form: 'mid-line',
        evidence: { 'chat.txt': "[03:12] ops: fyi Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 31544, retryCounter '1'. <- twice per request" },
      },
      {
        // ANCM 1020 (kb-facts §1.1) wrapped inside "multiple retries" by a mail client.
        name: 'the 1020 text wrapped inside "multiple retries"',
        form: 'split over lines',
        evidence: { 'event.txt': "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll' with multiple\nretries. Failed to bind to port '31544'. First 30KB characters of captured stdout and stderr logs from multiple retries:\nProcess Id: 4242." },
      },
      {
        // A French Windows: localized Event Viewer labels around the English ANCM 1000 message (kb-facts §1.1).
        name: 'the 1000 event copied from a French Event Viewer',
        form: 'other language',
        evidence: {
          'evenement.txt': [
            'Nom du journal :Application',
            'Source :       IIS AspNetCore Module V2',
            'Date :         20/11/2026 03:12:44',
            "ID de l'événement :1000",
            'Niveau :       Avertissement',
            'Description :',
            "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 31544, retryCounter '1'.",
          ].join('\n'),
        },
      },
    ],
  },
});
