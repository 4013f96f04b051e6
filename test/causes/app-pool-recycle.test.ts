import cause from '../../src/causes/app-pool-recycle';
import { runCauseTests } from '../helpers/cause-tester';

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

const iisLog = (...rows: string[]): string =>
  ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2026-11-20 09:00:00', FIELDS, ...rows].join('\n');

const was = (id: number, message: string, level = 'Information'): string =>
  ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Date:          11/20/2026 10:15:02 AM', `Event ID:      ${id}`, 'Task Category: None', `Level:         ${level}`, 'Keywords:      Classic', 'User:          N/A', 'Computer:      WEB01', 'Description:', message].join('\n');

const pool = (recycling: string): string =>
  ['<applicationPools>', '  <add name="ShopPool" managedRuntimeVersion="" startMode="AlwaysRunning">', '    <processModel idleTimeout="00:00:00" />', '    <recycling>', `      ${recycling}`, '    </recycling>', '  </add>', '</applicationPools>'].join('\n');

const TIME_RECYCLE = "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit.";

runCauseTests(cause, {
  valid: [
    {
      name: 'an idle shutdown is not a recycle (WAS 5186 belongs to app-pool-idle-shutdown)',
      evidence: { 'system-events.txt': was(5186, "A worker process with process id of '3980' serving application pool 'ShopPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed.") },
    },
    {
      name: 'a worker crash (WAS 5009) is not a recycle',
      evidence: { 'system-events.txt': was(5009, "A process serving application pool 'ShopPool' terminated unexpectedly. The process id was '5120'. The process exit code was '0xc00000fd'.", 'Warning') },
    },
    {
      name: 'an ANCM start success says nothing about recycling',
      evidence: { 'application-events.txt': ['Log Name:      Application', 'Source:        IIS AspNetCore Module V2', 'Event ID:      1032', 'Level:         Information', 'Description:', "Application '/LM/W3SVC/2/ROOT' started successfully."].join('\n') },
    },
    {
      name: 'a pool that never recycles on time or memory, with 502s, points elsewhere',
      evidence: {
        'applicationHost.config': pool('<periodicRestart time="00:00:00" privateMemory="0" memory="0" />'),
        'u_ex261120.log': iisLog('2026-11-20 10:15:03 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12030 2210'),
      },
    },
    {
      name: 'an hourly recycle setting with no failure anywhere is a finding, not a cause',
      evidence: { 'applicationHost.config': pool('<periodicRestart time="01:00:00" />') },
    },
  ],
  invalid: [
    {
      name: 'a time-limit recycle, the pool set to recycle hourly, and requests cut in the IIS log',
      evidence: {
        'system-events.txt': was(5074, TIME_RECYCLE),
        'applicationHost.config': pool('<periodicRestart time="01:00:00" />'),
        'u_ex261120.log': iisLog('2026-11-20 10:15:02 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 1115 15', '2026-11-20 10:15:03 10.0.0.4 GET /api/cart - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12030 2210'),
      },
      minConfidence: 0.8,
      evidenceLines: ['system-events.txt:11', 'applicationHost.config:5', 'u_ex261120.log:5'],
      mentions: ["'ShopPool'", 'periodicRestart time = "01:00:00"', 'process 4242', 'recycling.periodicRestart.time:00:00:00', 'logEventOnRecycle'],
    },
    {
      name: 'a private-bytes recycle read from Get-WinEvent | Format-List',
      evidence: {
        'events.txt': [
          'TimeCreated  : 11/20/2026 10:14:58 AM',
          'ProviderName : Microsoft-Windows-WAS',
          'Id           : 5117',
          "Message      : A worker process with process id of '7312' serving application pool 'ShopPool' has requested a recycle",
          '               because it reached its private bytes memory limit.',
        ].join('\n'),
      },
      minConfidence: 0.6,
      maxConfidence: 0.65,
      evidenceLines: [4],
      mentions: ['private bytes limit', 'dotnet-gcdump', '"ShopPool" /recycling.periodicRestart.privateMemory:0'],
    },
    {
      name: 'repeated recycles requested by an unhealthy module, as listed by Event Viewer (real sample, dotnet/aspnetcore#24428)',
      evidence: {
        'system-events.txt': [
          "Information\t8/12/2020 3:58:50 PM\tMicrosoft-Windows-WAS\t5078\tNone\tAn ISAPI reported an unhealthy condition to its worker process. Therefore, the worker process with process id of '4528' serving application pool 'qqqsvc.ppp.inet' has requested a recycle.",
          "Information\t8/12/2020 3:56:48 PM\tMicrosoft-Windows-WAS\t5078\tNone\tAn ISAPI reported an unhealthy condition to its worker process. Therefore, the worker process with process id of '10380' serving application pool 'qqqsvc.ppp.inet' has requested a recycle.",
        ].join('\n'),
      },
      minConfidence: 0.6,
      evidenceLines: [1, 2],
      mentions: ["'qqqsvc.ppp.inet'", '2 recycle events', 'reported itself unhealthy'],
    },
    {
      name: 'a scheduled recycle exported as event XML (real sample, dotnet/aspnetcore#68573)',
      evidence: {
        'was-5076.xml': [
          '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
          '  <System>',
          '    <Provider Name="Microsoft-Windows-WAS" Guid="{524B5D04-133C-4A62-8362-64E8EDB9CE40}" EventSourceName="WAS" />',
          '    <EventID Qualifiers="16384">5076</EventID>',
          '    <Level>4</Level>',
          '    <TimeCreated SystemTime="2026-08-16T00:59:57.6922852Z" />',
          '    <Channel>System</Channel>',
          '  </System>',
          '  <EventData>',
          '    <Data Name="ProcessID">9252</Data>',
          '    <Data Name="AppPoolID">abcweb-somesite</Data>',
          '  </EventData>',
          '</Event>',
        ].join('\n'),
      },
      minConfidence: 0.4,
      maxConfidence: 0.5,
      evidenceLines: [4, 10],
      mentions: ["'abcweb-somesite'", 'scheduled recycle time', '/text:recycling.periodicRestart'],
    },
    {
      name: 'ANCM restarting the app after a web.config change',
      evidence: {
        'application-events.txt': ['Log Name:      Application', 'Source:        IIS AspNetCore Module V2', 'Event ID:      1021', 'Level:         Information', 'Description:', "Application 'MACHINE/WEBROOT/APPHOST/SHOP' was recycled due to configuration change"].join('\n'),
        'u_ex261120.log': iisLog('2026-11-20 10:15:03 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 1115 31'),
      },
      minConfidence: 0.45,
      evidenceLines: ['application-events.txt:6'],
      mentions: ['web.config changed', 'quiet hours'],
    },
    {
      name: 'no recycle event, but a pool that recycles every hour and 502s: a weak candidate only', trails: "Without a recycle event the resets lead; the hourly setting is the reason to check.",
      evidence: {
        'applicationHost.config': pool('<periodicRestart time="01:00:00" />'),
        'u_ex261120.log': iisLog('2026-11-20 10:15:03 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12030 2210'),
      },
      maxConfidence: 0.25,
      evidenceLines: ['applicationHost.config:5'],
      // The setting's own advice (read the periodic restart settings), not the unhealthy-app one.
      mentions: ['periodicRestart time = "01:00:00"', 'ids 5074-5081 and 5117', '/text:recycling.periodicRestart.'],
    },
    {
      // The 502s only told of, in a sentence under the pasted config: still a candidate, weaker.
      name: 'a pool that recycles every half hour, and 502s told of in a sentence after the config', trails: 'A sentence is a report, not a row: the setting is worth checking, no more.',
      evidence: { 'applicationHost.config': `${pool('<periodicRestart time="00:30:00" />')}\nwe get random 502s a few times a day` },
      maxConfidence: 0.15,
      evidenceLines: ['applicationHost.config:5'],
    },
  ],
  messy: {
    valid: [
      {
        // WAS 5186 (kb-facts §5.1) in a French message: an idle shutdown, not a recycle.
        name: 'a French report around an idle shutdown',
        form: 'other language',
        evidence: { 'message.txt': "Bonjour, chaque matin la première requête échoue. Journal système : A worker process with process id of '7312' serving application pool 'ApiPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed." },
      },
    ],
    invalid: [
      {
        // aspnet/AspNetCore#4808's report, reworded: an applicationHost.config edit restarts every app.
        name: 'a server config change that restarts every app, told in words',
        form: 'paraphrased',
        evidence: {
          'message.txt': 'Adding a site to the <fastCgi> section changes applicationHost.config, and that restarts all ASP.NET Core applications on the server.',
        },
      },
      {
        // WAS 5076 (kb-facts §5.1) without its header, with the cut requests in a sentence.
        name: 'the 5076 text without its header, with 502.3 resets',
        form: 'header-less',
        evidence: { 'event.txt': "A worker process with process id of '6120' serving application pool 'ApiPool' has requested a recycle because it reached its scheduled recycle time.\nat the same second IIS logged 502 3 12030 for two uploads" },
      },
      {
        // WAS 5079 (kb-facts §5.1) in a code fence, with the failures.
        name: 'an administrator recycle in a code fence',
        form: 'fenced',
        evidence: { 'message.txt': "someone recycled the pool by hand during business hours:\n```\nAn administrator has requested a recycle of all worker processes in application pool 'ApiPool'.\n```\nrequests that were running got 502" },
      },
      {
        // WAS 5075 (kb-facts §5.1) retold, keeping its reason phrase.
        name: 'a request-limit recycle retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'WAS says the worker process has requested a recycle because it reached its allowed request limit, and each time a few requests in flight end as 502 at the load balancer' },
      },
      {
        // WAS 5117 (kb-facts §5.1) wrapped inside its reason phrase, with the resets after it.
        name: 'the 5117 text wrapped inside its reason',
        form: 'split over lines',
        evidence: { 'system.txt': "A worker process with process id of '6120' serving application pool 'ApiPool' has requested a recycle because it reached its private bytes memory\nlimit.\nat the same time IIS logged 502 3 12030 for the requests in flight" },
      },
    ],
  },
});
