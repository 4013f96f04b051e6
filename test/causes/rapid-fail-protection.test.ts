import cause from '../../src/causes/rapid-fail-protection';
import { runCauseTests } from '../helpers/cause-tester';

const GET_EVENTLOG = [
  'Index              : 48213',
  'EntryType          : Error',
  'InstanceId         : 3221230474',
  "Message            : Application pool 'ShopPool' is being automatically disabled due to a series of failures in the",
  '                     process(es) serving that application pool.',
  'Source             : WAS',
  'TimeGenerated      : 11/20/2026 10:21:40 AM',
  '',
  'Index              : 48212',
  'EntryType          : Warning',
  'InstanceId         : 2147488657',
  "Message            : A process serving application pool 'ShopPool' terminated unexpectedly. The process id was",
  "                     '5120'. The process exit code was '0xc00000fd'.",
  'Source             : WAS',
  'TimeGenerated      : 11/20/2026 10:21:38 AM',
].join('\n');

const HTTPERR = (reason: string): string =>
  [
    '#Software: Microsoft HTTP API 2.0',
    '#Version: 1.0',
    '#Date: 2026-11-20 10:21:45',
    '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
    `2026-11-20 10:21:45 203.0.113.9 51234 10.0.0.4 443 HTTP/1.1 GET /api/orders - 503 2 ${reason} ShopPool`,
    `2026-11-20 10:21:46 203.0.113.9 51235 10.0.0.4 443 HTTP/1.1 GET /api/cart - 503 2 ${reason} ShopPool`,
  ].join('\n');

runCauseTests(cause, {
  valid: [
    {
      name: 'one worker crash (WAS 5009) without the pool being disabled is the crash causes\' signature',
      evidence: {
        'system-events.txt': ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5009', 'Level:         Warning', 'Description:', "A process serving application pool 'ShopPool' terminated unexpectedly. The process id was '5120'. The process exit code was '0xc00000fd'."].join('\n'),
      },
    },
    {
      name: 'a routine recycle (WAS 5074) does not disable anything',
      evidence: {
        'system-events.txt': ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5074', 'Level:         Information', 'Description:', "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."].join('\n'),
      },
    },
    {
      name: 'HTTP.sys 503s for another reason (the pool queue timer) are not rapid-fail protection',
      evidence: { 'httperr1.log': HTTPERR('Timer_AppPool') },
    },
  ],
  invalid: [
    {
      name: 'WAS disabled the pool after crashes with a stack overflow exit code (Get-EventLog | Format-List)',
      evidence: { 'system-events.txt': GET_EVENTLOG },
      minConfidence: 0.8,
      evidenceLines: [4, 11],
      mentions: ["'ShopPool'", 'WAS 5009 with code 0xc00000fd', "Start-WebAppPool -Name 'ShopPool'", 'Do not switch rapid-fail protection off'],
    },
    {
      name: 'ANCM stopped restarting the out-of-process app and requests got 502.5', trails: "ANCM's rapid-fail limit stops restarts of an app that keeps failing to start: the start failure leads.",
      evidence: {
        'application-events.txt': ['Log Name:      Application', 'Source:        IIS AspNetCore Module V2', 'Event ID:      1003', 'Level:         Information', 'Description:', "Maximum rapid fail count per minute of '10' exceeded."].join('\n'),
        'u_ex261120.log': [
          '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
          '2026-11-20 10:21:45 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 502 5 1341 12',
        ].join('\n'),
      },
      minConfidence: 0.65,
      evidenceLines: ['application-events.txt:3', 'u_ex261120.log:2'],
      mentions: ['more than 10 times', '502.5', 'ANCM 1000/1010/1018/1020'],
    },
    {
      name: 'HTTP.sys answering 503 with reason AppOffline: the pool was taken offline by application errors',
      evidence: { 'httperr1.log': HTTPERR('AppOffline') },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      evidenceLines: [5],
      mentions: ['reason AppOffline', 'WAS event 5002'],
    },
  ],
  messy: {
    valid: [
      {
        // One WAS 5009 (kb-facts §5.1) wrapped over two lines: a crash, the pool not disabled.
        name: 'one worker crash wrapped over two lines',
        form: 'split over lines',
        evidence: { 'system.txt': "A process serving application pool 'ApiPool' terminated unexpectedly. The process id was '5120'. The process\nexit code was '0xe0434352'." },
      },
    ],
    invalid: [
      {
        // What WAS 5002 does, told without the event: the pool stops after a few failures.
        name: 'the pool stopping after errors, told in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'the app pool stops after some errors and the site answers 503 until we start it again' },
      },
      {
        // WAS 5002 (kb-facts §5.1) inside a Spanish message.
        name: 'a Spanish report around the 5002 text',
        form: 'other language',
        evidence: { 'mensaje.txt': "El sitio da 503 desde anoche. En el registro del sistema: Application pool 'ApiPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool. ¿Cómo lo arranco?" },
      },
      {
        // ANCM 1003 (kb-facts §1.1) without its header, with the 502.5 that follows.
        name: 'the 1003 text without its header',
        form: 'header-less',
        evidence: { 'event.txt': "Maximum rapid fail count per minute of '10' exceeded.\nafter that every request is 502.5 until we recycle" },
      },
      {
        // HTTPERR rows with reason AppOffline (kb-facts §3.1) in a code fence, without the #Fields header.
        name: 'HTTPERR AppOffline rows in a code fence without their header',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'httperr1.log:',
            '```',
            '2026-11-20 10:21:45 203.0.113.9 51234 10.0.0.4 443 HTTP/1.1 GET /api/orders - 503 2 AppOffline ApiPool',
            '2026-11-20 10:21:46 203.0.113.9 51235 10.0.0.4 443 HTTP/1.1 GET /api/cart - 503 2 AppOffline ApiPool',
            '```',
          ].join('\n'),
        },
      },
      {
        // WAS 5002 (kb-facts §5.1) quoted inside a sentence, the disabled pool's 503s after it.
        name: 'the 5002 text inside a sentence',
        form: 'in prose',
        evidence: { 'message.txt': "after the third crash in a few minutes WAS logged Application pool 'ApiPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool. and since then everything is 503 until someone starts the pool again" },
      },
    ],
  },
});
