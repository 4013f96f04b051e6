import cause from '../../src/causes/worker-process-terminated';
import { runCauseTests } from '../helpers/cause-tester';
import { applicationError, events, iisLog, iisRow, was5009, was5010 } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a planned recycle (5074) is not a termination',
      evidence: {
        'system-events.txt': events({
          log: 'System',
          source: 'Microsoft-Windows-WAS',
          id: 5074,
          level: 'Information',
          message: ["A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."],
        }),
      },
    },
    {
      name: 'a ping failure (5010) is the hang cause',
      evidence: { 'system-events.txt': events(was5010('ShopPool', 4242)) },
    },
    {
      name: 'a fault report without WAS events is left to the specific crash causes',
      evidence: { 'application-events.txt': events(applicationError('0xc0000005', 'ntdll.dll')) },
    },
  ],
  invalid: [
    {
      name: 'WAS 5009 with exit code 0xffffffff',
      evidence: { 'system-events.txt': events(was5009('ShopPool', 4242, '0xffffffff')) },
      minConfidence: 0.45,
      maxConfidence: 0.55,
      evidenceLines: [4],
      mentions: ["application pool 'ShopPool'", 'PID 4242', 'exit code -1'],
    },
    {
      name: 'WAS 5009 three times while 502.3 resets hit the IIS log',
      evidence: {
        'system-events.txt': events(
          was5009('ShopPool', 4242, '0xcfffffff', '11/20/2026 10:15:00 AM'),
          was5009('ShopPool', 5120, '0xcfffffff', '11/20/2026 10:16:10 AM'),
          was5009('ShopPool', 5388, '0xcfffffff', '11/20/2026 10:17:30 AM'),
        ),
        'u_ex261120.log': iisLog([iisRow('10:15:00', 'GET', '/api/orders', 502, 3, 12030, 1520)]),
      },
      minConfidence: 0.65,
      mentions: ['3 unexpected terminations', 'rapid-fail protection'],
    },
    {
      name: 'WAS 5009 with a stack overflow exit code steps back for the specific cause', trails: "The exit code names the crash: stack-overflow leads.", behind: 'stack-overflow',
      evidence: { 'system-events.txt': events(was5009('ShopPool', 4242, '0xc00000fd')), 'application-events.txt': events(applicationError('0xc00000fd', 'coreclr.dll')) },
      maxConfidence: 0.4,
      mentions: ['a stack overflow (STATUS_STACK_OVERFLOW)'],
    },
    {
      name: 'WAS 5011 fatal communication error',
      evidence: {
        'system-events.txt': events({
          log: 'System',
          source: 'Microsoft-Windows-WAS',
          id: 5011,
          level: 'Warning',
          message: ["A process serving application pool 'ShopPool' suffered a fatal communication error with the Windows Process Activation Service. The process id was '4242'. The data field contains the error number."],
        }),
      },
      minConfidence: 0.35,
      maxConfidence: 0.45,
      mentions: ['vanished without saying goodbye'],
    },
  ],
  messy: {
    valid: [
      {
        // WAS 5010 (kb-facts §5.1) in prose: a hung worker WAS killed, the ping-failure cause.
        name: 'a ping failure in prose',
        form: 'in prose',
        evidence: { 'message.txt': "system log says A process serving application pool 'ApiPool' failed to respond to a ping. The process id was '6120'. right when the 502s started" },
      },
    ],
    invalid: [
      {
        // WAS 5009 (kb-facts §5.1) inside a German message.
        name: 'a German report around the 5009 text',
        form: 'other language',
        evidence: { 'nachricht.txt': "Mehrmals am Tag 502 für alle. Im Systemprotokoll jedes Mal: A process serving application pool 'ApiPool' terminated unexpectedly. The process id was '6120'. The process exit code was '0xffffffff'. Keine weiteren Fehler." },
      },
      {
        // WAS 5011 (kb-facts §5.1) wrapped by Event Viewer's details pane.
        name: 'the 5011 text wrapped over two lines',
        form: 'split over lines',
        evidence: { 'system.txt': "A process serving application pool 'ApiPool' suffered a fatal communication error with the Windows Process Activation\nService. The process id was '6120'. The data field contains the error number." },
      },
      {
        // WAS 5009 in a Get-EventLog table row, twice.
        name: 'the 5009 text mid-line in Get-EventLog rows',
        form: 'mid-line',
        evidence: {
          'get-eventlog.txt': [
            "  1201 Nov 20 14:02  Warning     WAS    5009 A process serving application pool 'ApiPool' terminated unexpectedly. The process id was '6120'. The process exit code was '0xffffffff'.",
            "  1188 Nov 20 11:47  Warning     WAS    5009 A process serving application pool 'ApiPool' terminated unexpectedly. The process id was '5880'. The process exit code was '0xffffffff'.",
          ].join('\n'),
        },
      },
    ],
  },
});
