import cause from '../../src/causes/app-pool-idle-shutdown';
import { runCauseTests } from '../helpers/cause-tester';

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const iisLog = (...rows: string[]): string => ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', FIELDS, ...rows].join('\n');

const IDLE_5186 = [
  'Log Name: System',
  'Source: Microsoft-Windows-WAS',
  'Date: 8/27/2024 1:53:26 PM',
  'Event ID: 5186',
  'Task Category: None',
  'Level: Information',
  'Keywords: Classic',
  'User: N/A',
  'Computer: SERVERNAME',
  'Description: A worker process with process id of ‘26648’ serving application pool ‘StackOverFlowWebApp’ was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed.',
].join('\n');

const pool = (idleTimeout: string, startMode = 'OnDemand'): string =>
  ['<applicationPools>', `  <add name="ShopPool" managedRuntimeVersion="" startMode="${startMode}">`, `    <processModel idleTimeout="${idleTimeout}" />`, '  </add>', '</applicationPools>'].join('\n');

runCauseTests(cause, {
  valid: [
    {
      name: 'a time-limit recycle (WAS 5074) is the recycle cause, not an idle shutdown',
      evidence: {
        'system-events.txt': ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5074', 'Level:         Information', 'Description:', "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."].join('\n'),
      },
    },
    {
      name: 'a pool that never idles out, with 502s, points elsewhere',
      evidence: {
        'applicationHost.config': pool('00:00:00', 'AlwaysRunning'),
        'u_ex261120.log': iisLog('2026-11-20 10:15:03 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12030 2210'),
      },
    },
    {
      name: 'the default idle timeout with no failure at all is only a production finding',
      evidence: { 'applicationHost.config': pool('00:20:00') },
    },
  ],
  invalid: [
    {
      name: 'a WAS 5186 event copied from Event Viewer (real sample, smart quotes and all)',
      evidence: { 'system-events.txt': IDLE_5186 },
      minConfidence: 0.3,
      maxConfidence: 0.4,
      evidenceLines: [10, 4],
      mentions: ["'StackOverFlowWebApp'", '20 minutes', 'process 26648', '/processModel.idleTimeout:00:00:00', '/startMode:AlwaysRunning', 'preloadEnabled'],
    },
    {
      name: 'an idle shutdown, then a cold start that ran past startupTimeLimit and slow 502s', trails: "The cold start that ran out of time is the failure users saw (startup-time-limit leads); the idle shutdown that forced it is listed beside it.", behind: 'startup-time-limit',
      evidence: {
        'events.txt': [
          'TimeCreated  : 11/20/2026 9:55:40 AM',
          'ProviderName : Microsoft-Windows-WAS',
          'Id           : 5186',
          "Message      : A worker process with process id of '3980' serving application pool 'ShopPool' was shutdown due to inactivity.",
          '               Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed.',
          '',
          'TimeCreated  : 11/20/2026 10:17:42 AM',
          'ProviderName : IIS AspNetCore Module V2',
          'Id           : 1007',
          "Message      : Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to load coreclr. Exception message:",
          "               Managed server didn't initialize after 120000 ms.",
        ].join('\n'),
        'applicationHost.config': pool('00:20:00'),
        'u_ex261120.log': iisLog('2026-11-20 10:17:42 10.0.0.4 GET / - 443 - 203.0.113.9 Mozilla/5.0 - 500 37 0 120031', '2026-11-20 10:17:43 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 0 118000'),
      },
      minConfidence: 0.6,
      evidenceLines: ['events.txt:4', 'events.txt:9', 'applicationHost.config:3'],
      mentions: ["'ShopPool'", '20 minutes', '1 ANCM start failure', 'startMode="OnDemand"'],
    },
    {
      name: 'no 5186 in the paste, but an idling pool and gateway timeouts: a weak candidate', trails: "Without the idle shutdown event the timeout leads; idling is the reason to check.",
      evidence: {
        'applicationHost.config': pool('00:20:00'),
        'u_ex261120.log': iisLog('2026-11-20 10:17:43 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015'),
      },
      maxConfidence: 0.15,
      evidenceLines: ['applicationHost.config:3'],
      mentions: ['idleTimeout="00:20:00"', 'WAS event 5186'],
    },
  ],
  messy: {
    valid: [
      {
        // WAS 5074 (kb-facts §5.1) in a code fence: a time-limit recycle, not an idle shutdown.
        name: 'a time-limit recycle in a code fence',
        form: 'fenced',
        evidence: { 'message.txt': "system log at 03:00:\n```\nA worker process with process id of '7312' serving application pool 'ApiPool' has requested a recycle because the worker process reached its allowed processing time limit.\n```\nand some 502s right then" },
      },
    ],
    invalid: [
      {
        // aspnet/AspNetCoreModule#63 reworded: the backend dies after a quiet spell and the next request pays the start.
        name: 'the backend killed after a period without requests, told in words',
        form: 'paraphrased',
        evidence: {
          'message.txt': ['The dotnet process behind IIS is killed whenever there are no incoming requests for a long period of time,', 'and the next request waits for the app to start again.'].join('\n'),
        },
      },
      {
        // WAS 5186 (kb-facts §5.1) wrapped by Event Viewer's details pane, with the morning 502s.
        name: 'the 5186 text wrapped over two lines, with morning 502s',
        form: 'split over lines',
        evidence: {
          'message.txt': [
            "A worker process with process id of '7312' serving application pool 'ApiPool' was shutdown due to inactivity. Application Pool timeout",
            'configuration was set to 20 minutes. A new worker process will be started when needed.',
            'the first request every morning gets 502 from the gateway, later ones are fine',
          ].join('\n'),
        },
      },
      {
        // The same 5186 text in a German message.
        name: 'a German report around the 5186 text',
        form: 'other language',
        evidence: { 'nachricht.txt': "Jeden Morgen bekommt der erste Aufruf ein 502. Im Systemprotokoll steht vorher: A worker process with process id of '7312' serving application pool 'ApiPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed." },
      },
      {
        // WAS 5186 in a Get-WinEvent table row.
        name: 'the 5186 text mid-line in a Get-WinEvent row',
        form: 'mid-line',
        evidence: { 'get-winevent.txt': "11/20/2026 6:40:12 AM   5186 Information  A worker process with process id of '7312' serving application pool 'ApiPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed.\nfirst request after that: 502.3 after 2 minutes" },
      },
      {
        // WAS 5186 (kb-facts §5.1) named by its id, with the idle timeout and the cold-start 502.3 retold.
        name: 'an idle shutdown named by its event id, retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'idle timeout is 20 min (default), first call in the morning through ARR gives 502.3 after 30 s, event 5186 each night' },
      },
    ],
  },
});
