import cause from '../../src/causes/app-shutting-down';
import { runCauseTests } from '../helpers/cause-tester';

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const iisLog = (...rows: string[]): string => ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', FIELDS, ...rows].join('\n');

const WAS_5074 = ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Date:          11/20/2026 10:15:00 AM', 'Event ID:      5074', 'Level:         Information', 'Description:', "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."].join('\n');
const row = (time: string, url: string, win32: number, ms: number): string => `2026-11-20 ${time} 10.0.0.4 GET ${url} - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 ${win32} ${ms}`;
const FREB_12017 =
  'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954417", ConfigExceptionInfo=""';

const LIST_1005 = "Warning\t8/12/2020 2:37:05 AM\tIIS AspNetCore Module V2\t1005\tNone\tFailed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/QQQSVC.PPP.INET'.";

runCauseTests(cause, {
  valid: [
    {
      name: 'plain 503s with no shutdown code could be anything',
      evidence: { 'u_ex261120.log': iisLog('2026-11-20 10:15:02 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 0 2') },
    },
    {
      name: 'a clean shutdown (ANCM 1033) is not a failure',
      evidence: { 'application-events.txt': "Information\t8/12/2020 5:26:48 AM\tIIS AspNetCore Module V2\t1033\tNone\tApplication 'MACHINE/WEBROOT/APPHOST/QQQSVC.PPP.INET' has shutdown." },
    },
    {
      name: 'a recycle event alone is the recycle cause',
      evidence: {
        'system-events.txt': ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5074', 'Level:         Information', 'Description:', "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."].join('\n'),
      },
    },
    {
      name: 'a 502.3 with 12030 during a recycle is a reset the recycle cause explains, not a cancelled forward',
      evidence: { 'u_ex261120.log': iisLog(row('10:15:01', '/api/orders', 12030, 2100)), 'system-events.txt': WAS_5074 },
    },
    {
      name: 'a cancelled download (0x80072EF1) with no 502.3 anywhere is not a forwarded request',
      evidence: { 'report.txt': 'BITS job failed on the build agent: ERROR CODE: 0x80072ef1 - The operation has been canceled' },
    },
    {
      name: 'a 502.3 with 12007 is a name lookup, not a shutdown',
      evidence: { 'u_ex261120.log': iisLog(row('10:15:01', '/api/orders', 12007, 15)), 'system-events.txt': WAS_5074 },
    },
  ],
  invalid: [
    {
      name: 'ANCM 1005 from the Event Viewer list (real sample, dotnet/aspnetcore#24428) with the default limit',
      evidence: { 'application-events.txt': LIST_1005 },
      minConfidence: 0.6,
      evidenceLines: [1],
      mentions: ["shutdownTimeLimit (10 s, the default)", 'shutdownTimeLimit="20"', 'IHostedService.StopAsync'],
    },
    {
      name: 'ANCM 1005 with a 5 s limit in the pasted web.config, and requests refused during the shutdown',
      evidence: {
        'application-events.txt': LIST_1005,
        'web.config': ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <system.webServer>', '    <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" hostingModel="inprocess" shutdownTimeLimit="5" />', '  </system.webServer>', '</configuration>'].join('\n'),
        'u_ex261120.log': iisLog('2026-11-20 10:15:02 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 1115 15'),
      },
      minConfidence: 0.8,
      evidenceLines: ['application-events.txt:1', 'u_ex261120.log:4'],
      mentions: ['5 s in your web.config', 'shutdownTimeLimit="20"', 'runs in-process', '1 503 row'],
    },
    {
      name: 'requests refused with ERROR_SERVER_SHUTDOWN_IN_PROGRESS during a recycle (IIS rows as in dotnet/aspnetcore#41340)',
      evidence: {
        'u_ex261120.log': iisLog(
          '2023-04-23 22:47:03 10.0.0.4 GET /app/health - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 1255 15',
          '2023-04-23 22:47:03 10.0.0.4 GET /app/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 1255 12',
        ),
        'system-events.txt': ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5076', 'Level:         Information', 'Description:', "A worker process with process id of '9252' serving application pool 'AppPool' has requested a recycle because it reached its scheduled recycle time."].join('\n'),
      },
      minConfidence: 0.45,
      maxConfidence: 0.55,
      evidenceLines: ['u_ex261120.log:4'],
      mentions: ['sc-win32-status 1115/1255', 'WAS 5076'],
    },
    {
      name: 'only the ANCM debug log says the server was shutting down',
      evidence: { 'aspnetcore-debug.log': '[aspnetcorev2.dll] Failed HRESULT returned: 0x800704e7 at F:\\workspace\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\AspNetCore\\proxymodule.cpp:94' },
      maxConfidence: 0.4,
      evidenceLines: [1],
      mentions: ['0x800704e7', 'Find what starts the shutdowns'],
    },
    {
      name: 'a 502.3 row with 12017 alone: possible, and says what to line it up with', trails: "One 12017 row fits a shutdown, a crash and a timeout alike: the family-level answers lead.",
      evidence: { 'u_ex261120.log': iisLog(row('10:15:01', '/api/orders', 12017, 2300)) },
      minConfidence: 0.3,
      maxConfidence: 0.4,
      evidenceLines: [4],
      mentions: ['1 request ended in 502.3 with Win32 12017 (ERROR_WINHTTP_OPERATION_CANCELLED, HRESULT 0x80072EF1)', 'Nothing pasted shows a shutdown yet', 'the clients hung up'],
    },
    {
      name: '502.3 12017 rows while the app logged "Application is shutting down..."',
      evidence: {
        'u_ex261120.log': iisLog(row('10:15:01', '/api/orders', 12017, 2300), row('10:15:02', '/api/cart', 12017, 1800)),
        'stdout_20261120101501_4242.log': ['info: Microsoft.Hosting.Lifetime[0]', '      Now listening on: http://127.0.0.1:31337', 'info: Microsoft.Hosting.Lifetime[0]', '      Application is shutting down...'].join('\n'),
      },
      minConfidence: 0.5,
      maxConfidence: 0.6,
      evidenceLines: ['u_ex261120.log:4', 'stdout_20261120101501_4242.log:4'],
      mentions: ['2 requests ended in 502.3', 'stdout_20261120101501_4242.log line 4', 'which is what cancelled them'],
    },
    {
      name: '502.3 12017 at the moment WAS recycled the worker',
      evidence: { 'u_ex261120.log': iisLog(row('10:15:01', '/api/orders', 12017, 2300)), 'system-events.txt': WAS_5074 },
      minConfidence: 0.5,
      maxConfidence: 0.6,
      evidenceLines: ['u_ex261120.log:4', 'system-events.txt:4'],
      mentions: ['What started the shutdown: WAS 5074', 'ERROR_WINHTTP_OPERATION_CANCELLED'],
    },
    {
      name: 'FREB ErrorCode 2147954417 (decimal) from AspNetCoreModule next to ANCM 1005',
      evidence: { 'fr000031.txt': FREB_12017, 'application-events.txt': LIST_1005 },
      minConfidence: 0.75,
      evidenceLines: ['application-events.txt:1', 'fr000031.txt:1'],
      mentions: ['1 request ended in 502.3 with Win32 12017', "ANCM's shutdownTimeLimit"],
    },
    {
      name: 'prose with 502.3 and the hex code 0x80072EF1',
      evidence: { 'report.txt': 'During deployments some calls get HTTP Error 502.3 - Bad Gateway, Error Code 0x80072ef1.' },
      maxConfidence: 0.4,
      evidenceLines: [1],
      mentions: ['The pasted text names requests ending in 502.3 with Win32 12017 (ERROR_WINHTTP_OPERATION_CANCELLED'],
    },
  ],
  messy: {
    valid: [
      {
        // ANCM 1033 (kb-facts §1.1) retold: a clean shutdown is no failure.
        name: 'a clean shutdown retold',
        form: 'paraphrased',
        evidence: { 'message.txt': "the event log only has Application '/LM/W3SVC/2/ROOT' has shutdown. which looks normal to me, no errors around it" },
      },
    ],
    invalid: [
      {
        // Microsoft.AspNetCore.Hosting's debug event 5 (HostingLoggerExtensions: "Hosting shutdown"),
        // pasted without its log header, with the poster's words around it.
        name: 'the 2.x WebHost shutdown event, header-less, in an IIS-hosted app',
        form: 'header-less',
        evidence: {
          'message.txt': ['The site runs in IIS and this shows up one second after the app started:', 'Hosting shutdown'].join('\n'),
        },
      },
      {
        // Kubernetes' stop sequence (SIGTERM, then the pod leaves the endpoints) told in a sentence.
        name: 'requests in flight fail when the pod gets SIGTERM',
        form: 'paraphrased',
        evidence: { 'message.txt': 'Requests in flight fail with 502 when the pod gets SIGTERM during a rolling update' },
      },
      {
        // The shape of dotnet/aspnetcore#7367: on a recycle, the old in-process worker crashes on its
        // exit path (AppContext.OnProcessExit) after ANCM could not shut it down gracefully.
        form: 'in prose',
        name: 'a crash event whose stack is the exit path, after a failed graceful shutdown on recycle',
        evidence: {
          'message.txt': [
            "On app pool recycle under load the event log says: Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'.",
            'Application: w3wp.exe',
            'CoreCLR Version: 4.6.27207.3',
            'Description: The process was terminated due to an unhandled exception.',
            'Exception Info: System.IO.IOException: The handle is invalid',
            '   at System.ConsolePal.WindowsConsoleStream.Write(Byte[] buffer, Int32 offset, Int32 count)',
            '   at System.Console.WriteLine(String value)',
            '   at Microsoft.AspNetCore.Hosting.WebHostExtensions.<>c__DisplayClass6_0.<AttachCtrlcSigtermShutdown>g__Shutdown|0()',
            '   at System.AppContext.OnProcessExit(Object sender, EventArgs e)',
          ].join('\n'),
        },
      },
      {
        // ANCM 1005 in-process template (kb-facts §1.1) without its header.
        name: 'the 1005 text without its header',
        form: 'header-less',
        evidence: { 'event.txt': "Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/API'.\nFailed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/API'." },
      },
      {
        // The 503 0 1115 IIS row (kb-facts §1.2, §3.3 ERROR_SHUTDOWN_IN_PROGRESS) quoted in a chat line.
        name: 'a 503 0 1115 row quoted in a chat line',
        form: 'mid-line',
        evidence: { 'chat.txt': '[09:01] ops: every deploy we get a burst like `2026-11-20 09:00:03 10.0.0.5 GET /api/orders - 443 - 203.0.113.7 Mozilla/5.0 - 503 0 1115 15` for ~5 s' },
      },
      {
        // Kestrel's lifecycle line (kb-facts §6.5) and 502.3 12017 rows (kb-facts §3.3 ERROR_WINHTTP_OPERATION_CANCELLED), as Slack escapes them.
        name: 'the shutdown line and 12017 rows, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'message.txt': [
            'stdout:',
            'info: Microsoft.Hosting.Lifetime[0]',
            '      Application is shutting down...',
            'IIS log at the same second &amp; the next:',
            '2026-11-20 10:15:01 10.0.0.5 GET /api/orders - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12017 2300',
            '2026-11-20 10:15:02 10.0.0.5 GET /api/cart - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12017 1800 &lt;- these',
          ].join('\n'),
        },
      },
      {
        // IIS rows of requests refused during shutdown (kb-facts §1.2, §3.3: win32 1115 ERROR_SHUTDOWN_IN_PROGRESS,
        // 1255 ERROR_SERVER_SHUTDOWN_IN_PROGRESS) retold in a sentence, without time-taken.
        name: 'refused-during-shutdown rows retold in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'during the slot swap the IIS log shows 503 0 1115 and 503 0 1255 for about ten seconds, then it is fine again' },
      },
    ],
  },
});
