/**
 * How-to answers: turning stdout logging on and off, finding the IIS logs, Failed Request Tracing,
 * Event Viewer, production settings, and memory dumps. The collection instructions are the same
 * text the diagnosis uses when it asks for missing evidence (advice/collect.ts), so the bot gives
 * one set of instructions whichever way the question comes.
 */
import { HOW_TO_COLLECT } from '../../collect';
import { DOCS } from '../references';
import { bullets, code, paragraphs, titledList } from '../text';
import type { KnowledgeEntry } from '../types';

const stdoutOn: KnowledgeEntry = {
  id: 'howto-stdout-log',
  title: 'Turn on ANCM stdout logging',
  phrasings: [
    'how do I enable stdout logging',
    'how do i turn on stdout log',
    'where is the stdout log',
    'stdoutLogEnabled',
    'how do I see the startup exception',
    'how to get the stdout_ log file',
    'the stdout log is empty or missing',
  ],
  keywords: ['redirection'],
  answer: () => ({
    text: paragraphs(
      HOW_TO_COLLECT['stdout-log'].how,
      'Example:',
      code('<aspNetCore processPath="dotnet" arguments=".\\YourApp.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />'),
      'Saving web.config restarts the app. The file is named stdout_<timestamp>_<pid>.log; the exception and its stack are at the end of the newest one.',
      'No file at all: ANCM could not write there. Create the folder and give IIS AppPool\\<pool name> Modify permission on it; Event Viewer shows event 1004 "Could not create stdoutLogFile" (out-of-process) or "Could not start stdout redirection" with 0x80070005 (in-process).',
      'An empty file: the app died before writing anything, or logs only to another sink. Check Event Viewer for "IIS AspNetCore Module V2" and ".NET Runtime" events at the same time.',
    ),
    references: [DOCS.ancm, DOCS.troubleshootIis],
  }),
};

const stdoutOff: KnowledgeEntry = {
  id: 'howto-stdout-log-off',
  title: 'Turn stdout logging off again',
  phrasings: [
    'how do I turn off stdout logging',
    'disable stdout log',
    'should I leave stdout logging on in production',
    'stdout log files filling the disk',
    'is stdout logging bad for performance',
  ],
  keywords: ['rotate'],
  answer: () => ({
    text: paragraphs(
      'Set stdoutLogEnabled="false" on <aspNetCore> in web.config (saving it restarts the app), then delete the old logs\\stdout_*.log files once you have what you need.',
      code('<aspNetCore processPath="dotnet" arguments=".\\YourApp.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />'),
      titledList(
        'Why not leave it on:',
        bullets([
          'ANCM never rotates or caps these files: every restart starts a new one and each grows without limit until the disk is full.',
          'Every line the app writes to the console goes through it, which costs time on busy sites.',
        ]),
      ),
      'With it off you still get the first 30 KB of startup output in Event Viewer (events 1020, 1035, 1018) when the app fails to start. For permanent logs use a real logging provider with rotation (a file sink with size limits, or a log service).',
    ),
    references: [DOCS.ancm],
  }),
};

const iisLogs: KnowledgeEntry = {
  id: 'howto-iis-logs',
  title: 'Find and read the IIS logs',
  phrasings: [
    'where are the IIS logs',
    'how do I find the iis log files',
    'where is u_ex log',
    'how to read the IIS log',
    'what do sc-substatus and sc-win32-status mean',
    'where are the logs',
    'IIS log is empty or missing the request',
  ],
  keywords: ['w3svc', 'inetpub', 'time-taken', 'httperr', 'w3c'],
  answer: () => ({
    text: paragraphs(
      HOW_TO_COLLECT['iis-log'].how,
      titledList(
        'Good to know:',
        bullets([
          'The site id (the number after W3SVC) is in IIS Manager under Sites, column ID, or from PowerShell: Get-Website | Select-Object Name, Id.',
          'Times are UTC, not server time, and time-taken is in milliseconds.',
          'IIS buffers log writes for a short while; "netsh http flush logbuffer" (as administrator) writes them out now.',
          'Requests that HTTP.sys refused before they reached the site (503 with AppOffline, QueueFull, Connection_Abandoned_By_AppPool) are in %SystemRoot%\\System32\\LogFiles\\HTTPERR\\httperr*.log instead.',
          'No row at all for a failing request means it never reached this IIS: look at the proxy or CDN in front.',
          'Hosting control panels (such as Plesk) have an IIS log viewer if you cannot log on to the server.',
        ]),
      ),
    ),
    references: [DOCS.iisLogging, DOCS.httpErr],
  }),
};

const freb: KnowledgeEntry = {
  id: 'howto-freb',
  title: 'Enable Failed Request Tracing (FREB)',
  phrasings: [
    'how do I enable failed request tracing',
    'how to turn on FREB',
    'how do I trace a failing request in IIS',
    'where are the fr000001.xml files',
    'how to read a freb log',
  ],
  keywords: ['failedreqlogfiles', 'rule'],
  answer: () => ({
    text: paragraphs(
      'Failed Request Tracing has to be installed first: Windows feature Web Server > Health and Diagnostics > Tracing (Server Manager, or Install-WindowsFeature Web-Http-Tracing on Windows Server).',
      HOW_TO_COLLECT.freb.how,
      titledList(
        'What to look for in the file:',
        bullets([
          'MODULE_SET_RESPONSE_ERROR_STATUS: which module set the error (AspNetCoreModuleV2, ApplicationRequestRouting, ...), the HttpStatus and HttpSubStatus, and an ErrorCode (2147954402 is 0x80072EE2, the WinHTTP timeout).',
          'The time between the request being forwarded (ANCM_REQUEST_FORWARD_START) and the failure: a round 120 s means ANCM\'s requestTimeout.',
        ]),
      ),
      'Opened in a browser next to freb.xsl the file is readable; pasting the XML here works too.',
    ),
    references: [DOCS.freb],
  }),
};

const eventViewer: KnowledgeEntry = {
  id: 'howto-event-viewer',
  title: 'Read Event Viewer for 502s',
  phrasings: [
    'how do I check event viewer',
    'which events should I look at',
    'where do I find crash details in event viewer',
    'what is event 1000',
    'what is event 1026',
    'how to export windows events',
    'WAS events for app pool recycle',
  ],
  keywords: ['get-winevent', 'runtime', 'was', '5009', '5010', '5074', '5117'],
  answer: () => ({
    text: paragraphs(
      HOW_TO_COLLECT['event-log'].how,
      titledList(
        'The events that explain 502s:',
        bullets([
          'Application, "IIS AspNetCore Module V2": 1000 (one start attempt failed), 1020 (all attempts failed, with the captured output), 1003 (rapid-fail limit hit), 1007 / 1011 / 1018 / 1035 (in-process start failure or exit), 1010 (companion of any start failure).',
          'Application, ".NET Runtime" 1026: an unhandled exception ended the process, with its type and stack.',
          'Application, "Application Error" 1000: a crash with the faulting module and exception code (0xc00000fd stack overflow, 0xc0000005 access violation, 0xe0434352 managed exception).',
          'System, "WAS": 5009 (worker terminated unexpectedly), 5010 (worker failed a ping: hung), 5002 (rapid-fail protection disabled the pool), 5074 to 5081 and 5117 (recycles and why), 5186 (idle shutdown).',
        ]),
      ),
      'Paste the events as text ("Copy details as text" or the PowerShell above) and I will read them.',
    ),
    references: [DOCS.troubleshootIis, DOCS.appPoolRecycling],
  }),
};

const production: KnowledgeEntry = {
  id: 'howto-production-settings',
  title: 'Production settings that prevent 502s',
  phrasings: [
    'what are the production settings',
    'recommended web.config for production',
    'how should I configure the app pool',
    'best practice IIS settings to avoid 502',
    'what should idle timeout and recycling be',
    'production ready aspNetCore element',
    'how do I prevent 502s',
  ],
  keywords: ['regular interval', 'managed code', 'shutdowntimelimit'],
  answer: () => ({
    text: paragraphs(
      'web.config (out-of-process shown; for in-process set hostingModel="inprocess", where requestTimeout does not apply):',
      code(
        [
          '<aspNetCore processPath="dotnet" arguments=".\\YourApp.dll"',
          '            stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout"',
          '            hostingModel="outofprocess"',
          '            requestTimeout="00:02:00"',
          '            startupTimeLimit="120"',
          '            shutdownTimeLimit="20" />',
        ].join('\n'),
      ),
      bullets([
        'stdoutLogEnabled off: it is a diagnostic switch, not a log (it is never rotated).',
        'startupTimeLimit 120 s leaves room for migrations or warm-up at first start.',
        'shutdownTimeLimit 20 s (the default is 10) lets in-flight requests and cleanup finish before the process is killed.',
        'requestTimeout is the longest any single request may run; long jobs belong in background work, not in a bigger number.',
      ]),
      titledList(
        'Application pool:',
        bullets([
          '.NET CLR version: No Managed Code.',
          'Idle Time-out: 0, so the app is not shut down in quiet hours and users do not pay for the cold start.',
          'Regular Time Interval: 0 (or recycle once at a quiet hour with Specific Times) instead of every 29 hours at a random moment.',
          'Memory limits: generous or none; a tight private memory limit recycles the worker under normal load and causes bursts of 502s.',
          'Rapid-Fail Protection: keep it on; if it trips, fix the crash it is protecting you from.',
          'One in-process app per pool.',
        ]),
      ),
      'PowerShell (WebAdministration module): Set-ItemProperty IIS:\\AppPools\\<pool> -Name processModel.idleTimeout -Value ([TimeSpan]::Zero) and Set-ItemProperty IIS:\\AppPools\\<pool> -Name recycling.periodicRestart.time -Value ([TimeSpan]::Zero).',
      titledList(
        'In the app:',
        bullets([
          'Catch and log startup exceptions before the process exits, so the reason is written somewhere.',
          'Do not connect to optional services in Program.cs at startup; connect on first use.',
          'Async I/O everywhere; no .Result or .Wait() on tasks.',
          'Run slow operations as background work with a status endpoint instead of holding the request.',
        ]),
      ),
      'Paste your web.config or the app pool section of applicationHost.config and I will check it against these.',
    ),
    references: [DOCS.ancm, DOCS.appPoolRecycling, DOCS.appPoolProcessModel],
  }),
};

const dump: KnowledgeEntry = {
  id: 'howto-dump',
  title: 'Capture a memory dump of a crash or a hang',
  phrasings: [
    'how do I capture a memory dump',
    'how to use procdump on w3wp',
    'how do I get a crash dump',
    'take a dump of the hung process',
    'how to analyze a dump',
    'dotnet-dump collect',
  ],
  keywords: ['debugdiag', 'localdumps', 'windbg'],
  answer: () => ({
    text: paragraphs(
      'First find the right process: in-process apps run in w3wp.exe, out-of-process apps in dotnet.exe (or YourApp.exe) started by it. "%windir%\\system32\\inetsrv\\appcmd list wp" lists each w3wp.exe with its application pool; Task Manager\'s Details tab shows the PID.',
      titledList(
        'A crash (the process dies):',
        bullets([
          'procdump -accepteula -ma -e <PID> C:\\dumps  (waits and writes a full dump when the process hits an unhandled exception).',
          'Or let Windows Error Reporting keep dumps: registry key HKLM\\SOFTWARE\\Microsoft\\Windows\\Windows Error Reporting\\LocalDumps\\w3wp.exe (or dotnet.exe) with DumpFolder and DumpType = 2 (full).',
        ]),
      ),
      titledList(
        'A hang or a slowdown (the process is alive but stuck):',
        bullets([
          'procdump -accepteula -ma <PID> C:\\dumps, two or three times about 30 s apart, while it is stuck.',
          'Or dotnet-dump collect --process-id <PID> (dotnet tool install -g dotnet-dump).',
        ]),
      ),
      'Analyze with dotnet-dump analyze <file>: "pe" prints the exception, "clrstack -all" shows what every thread is doing, "threadpool" shows the queue, "dumpasync" shows pending async work. Visual Studio and WinDbg open the same files.',
      'A full dump contains the process memory, including secrets and user data: store and share it like a production database backup. Do not paste it here.',
    ),
    references: [DOCS.procdump, DOCS.dotnetDump, DOCS.werLocalDumps],
  }),
};

export const HOW_TO_ENTRIES: readonly KnowledgeEntry[] = [stdoutOn, stdoutOff, iisLogs, freb, eventViewer, production, dump];
