import cause from '../../src/causes/multiple-apps-one-pool';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, events } from './startup-fixtures';

// Real message text: dotnet/aspnetcore#6111 (second in-process app in a shared pool).
const DUPLICATE = events(
  eventText(1008, "Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/4/ROOT/MySecondWs' to a different IIS application pool."),
  eventText(1010, "Failed to start application '/LM/W3SVC/4/ROOT/MySecondWs', ErrorCode '0x80004005'."),
);
const MIXED = eventText(1009, "Mixed hosting model is not supported. Application '/LM/W3SVC/4/ROOT/Reports' configured with different hostingModel value '1' other than the one of running application(s).");
// Real: CodeMazeBlog/.NET-Core-Series#11.
const PAGE_35 = [
  'HTTP Error 500.35 - ANCM Multiple In-Process Applications in same Process',
  'Common solutions to this issue:',
  'Select a different application pool to create another in-process application.',
  'Specific error detected by ANCM:',
  "Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/2/ROOT/WeatherForecast' to a different IIS application pool.",
  'Troubleshooting steps:',
  'Check the system event log for error messages',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'a healthy in-process start (1032)', evidence: { 'application-events.txt': eventText(1032, "Application '/LM/W3SVC/2/ROOT' started successfully.", { level: 'Information' }) } },
    { name: 'the 500.30 page', evidence: { 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start') } },
    {
      name: 'a WAS recycle of a shared pool (not a hosting conflict)',
      evidence: { 'system-events.txt': eventText(5079, "An administrator has requested a recycle of all worker processes in application pool 'SharedPool'.", { source: 'Microsoft-Windows-WAS', level: 'Information' }) },
    },
  ],
  invalid: [
    {
      name: 'ANCM 1008 and its 1010: a second in-process app in the pool',
      evidence: { 'application-events.txt': DUPLICATE },
      minConfidence: 0.9,
      evidenceLines: [11],
      mentions: ["'/LM/W3SVC/4/ROOT/MySecondWs'", '500.35', 'New-WebAppPool -Name "MySecondWsPool"'],
    },
    {
      name: 'ANCM 1009: in-process and out-of-process apps mixed in one pool',
      evidence: { 'application-events.txt': MIXED },
      minConfidence: 0.9,
      evidenceLines: [11],
      mentions: ['500.34', 'hostingModel'],
    },
    {
      name: 'the 500.35 page with the specific ANCM message (real: CodeMazeBlog#11)',
      evidence: { 'page.txt': PAGE_35 },
      minConfidence: 0.85,
      evidenceLines: [1],
      mentions: ['500.35', 'Get-WebApplication'],
    },
    {
      name: '500.34 typed in prose only',
      evidence: { 'slack.txt': 'the second site now shows HTTP Error 500.34 after we moved it to the shared pool' },
      maxConfidence: 0.6,
      evidenceLines: [1],
      mentions: ['500.34'],
    },
  ],
  messy: {
    valid: [
      {
        // WAS 5074 (kb-facts §5.1) in a German message about a shared pool: a recycle, not a hosting conflict.
        name: 'a German message about a shared pool that recycled on time',
        form: 'other language',
        evidence: { 'nachricht.txt': "Beide Apps laufen im selben Pool, das war nie ein Problem. Heute Nacht im Systemprotokoll: A worker process with process id of '5120' serving application pool 'SharedPool' has requested a recycle because the worker process reached its allowed processing time limit." },
      },
    ],
    invalid: [
      {
        // A sub-application shares its site's pool unless given its own (learn.microsoft.com,
        // "Host ASP.NET Core on Windows with IIS", sub-applications), told without an error code.
        name: 'a second app added as a sub-application, told in Chinese',
        form: 'other language',
        evidence: { 'message.txt': '把 API 在 IIS 里添加为子应用（和主站同一个应用程序池）以后，主站和 API 都打不开了。' },
      },
      {
        // ANCM 1008 (kb-facts §1.1) without its header.
        name: 'the 1008 text without its header',
        form: 'header-less',
        evidence: { 'event.txt': "Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/1/ROOT/admin' to a different IIS application pool." },
      },
      {
        // The 500.35 title (kb-facts §1.2) retold with the setup.
        name: 'the 500.35 title retold with the setup',
        form: 'paraphrased',
        evidence: { 'message.txt': 'we put the api and the admin app under one site as two applications and the second one gives 500.35 ancm multiple in-process applications in same process' },
      },
      {
        // ANCM 1009 (kb-facts §1.1) in a Get-EventLog table row.
        name: 'the 1009 text mid-line in a Get-EventLog row',
        form: 'mid-line',
        evidence: { 'get-eventlog.txt': "  977 Nov 20 03:14  Error       IIS AspNetCore Module V2    1009 Mixed hosting model is not supported. Application '/LM/W3SVC/1/ROOT/admin' configured with different hostingModel value '1' other than the one of running application(s)." },
      },
      {
        // ANCM 1008 (kb-facts §1.1) wrapped inside "application pool".
        name: 'the 1008 text wrapped inside "application pool"',
        form: 'split over lines',
        evidence: { 'event.txt': "Only one in-process application is allowed per IIS application\npool. Please assign the application '/LM/W3SVC/1/ROOT/admin' to a different IIS application pool." },
      },
    ],
  },
});
