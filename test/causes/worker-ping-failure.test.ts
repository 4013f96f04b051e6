import cause from '../../src/causes/worker-ping-failure';
import { runCauseTests } from '../helpers/cause-tester';
import { heartbeat } from './support/app-output';
import { events, iisLog, iisRow, was5009, was5010 } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a crash (5009) is not a hang',
      evidence: { 'system-events.txt': events(was5009('ShopPool', 4242, '0xc0000005')) },
    },
    {
      name: 'an idle shutdown (5186) is not a hang',
      evidence: {
        'system-events.txt': events({
          log: 'System',
          source: 'Microsoft-Windows-WAS',
          id: 5186,
          level: 'Information',
          message: ["A worker process with process id of '4242' serving application pool 'ShopPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed."],
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'WAS 5010 ping failure',
      evidence: { 'system-events.txt': events(was5010('ShopPool', 4242)) },
      minConfidence: 0.6,
      maxConfidence: 0.65,
      evidenceLines: [4],
      mentions: ["application pool 'ShopPool'", 'PID 4242', 'IIS:\\AppPools\\ShopPool -Name processModel.pingingEnabled', 'procdump -accepteula -ma -n 3 -s 10'],
    },
    {
      name: 'WAS 5010 twice with 503s in the IIS log and Kestrel heartbeat warnings',
      evidence: {
        'system-events.txt': events(was5010('ShopPool', 4242, '11/20/2026 10:15:00 AM'), was5010('ShopPool', 5120, '11/20/2026 10:21:30 AM')),
        'u_ex261120.log': iisLog([iisRow('10:15:02', 'GET', '/', 503, 0, 0, 15), iisRow('10:15:03', 'GET', '/api/cart', 503, 0, 0, 12)]),
        'stdout_20261120101501_4242.log': heartbeat('11/20/2026 10:14:05 +00:00', '00:00:09.2134567').join('\n'),
      },
      minConfidence: 0.7,
      evidenceLines: ['u_ex261120.log:5'],
      mentions: ['2 ping failures', 'thread pool starvation'],
    },
  ],
  messy: {
    valid: [
      {
        // WAS 5009 text (kb-facts WAS) without the Event Viewer header: a crash, not a hang.
        name: 'the 5009 text without its header',
        form: 'header-less',
        evidence: { 'event.txt': "A process serving application pool 'ShopPool' terminated unexpectedly. The process id was '4242'. The process exit code was '0xc0000005'." },
      },
    ],
    invalid: [
      {
        // WAS 5010 text (kb-facts WAS, TN-WAS) without the Event Viewer header.
        name: 'the 5010 text without its header',
        form: 'header-less',
        evidence: { 'event.txt': "A process serving application pool 'ShopPool' failed to respond to a ping. The process id was '4242'." },
      },
      {
        // Get-WinEvent | Format-List output (Microsoft-Windows-WAS 5010), the PowerShell prompt escaped by Slack.
        name: 'Get-WinEvent output with a Slack-escaped prompt',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'slack.txt': [
            "PS C:\\&gt; Get-WinEvent -FilterHashtable @{LogName='System'; Id=5010} -MaxEvents 1 | Format-List",
            '',
            'TimeCreated  : 11/20/2026 10:15:00 AM',
            'ProviderName : Microsoft-Windows-WAS',
            'Id           : 5010',
            "Message      : A process serving application pool 'ShopPool' failed to respond to a ping. The process id was '4242'.",
          ].join('\n'),
        },
      },
      {
        // The 5010 text in French prose.
        name: 'French prose around the 5010 text',
        form: 'other language',
        evidence: { 'message.txt': "Bonjour, toutes les dix minutes le site renvoie 503 et dans le journal Système on trouve : A process serving application pool 'ShopPool' failed to respond to a ping. The process id was '5120'." },
      },
      {
        // The event retold in a sentence.
        name: 'retold: WAS 5010, the worker failed to respond to a ping',
        form: 'paraphrased',
        evidence: { 'message.txt': "system log has WAS event 5010: the worker for 'ShopPool' failed to respond to a ping, then IIS kills it and starts a new one" },
      },
    ],
  },
});
