import cause from '../../src/causes/thread-pool-starvation';
import { runCauseTests } from '../helpers/cause-tester';
import { blockingStack, heartbeat } from './support/app-output';
import { events, iisLog, iisRow, was5010 } from './support/windows-evidence';

/** 502.3 timeouts on six different URLs within two minutes: the whole app stalled. */
const STORM = iisLog([
  iisRow('10:15:01', 'GET', '/api/products', 502, 3, 12002, 120012),
  iisRow('10:15:03', 'GET', '/api/cart', 502, 3, 12002, 120034),
  iisRow('10:15:09', 'GET', '/', 502, 3, 12002, 120008),
  iisRow('10:15:20', 'GET', '/api/search', 502, 3, 12002, 120021),
  iisRow('10:15:41', 'POST', '/api/orders', 502, 3, 12002, 120040),
  iisRow('10:16:02', 'GET', '/health', 502, 3, 12002, 120003),
]);

/**
 * A RedisTimeoutException as StackExchange.Redis 2.x words it (src/StackExchange.Redis/ExceptionFactory.cs,
 * and the examples of its Timeouts guide), with the worker pool's numbers given.
 */
const redisTimeout = (busy: number, min: number): string =>
  `StackExchange.Redis.RedisTimeoutException: Timeout performing GET (5000ms), next: GET session:7f3a, inst: 4, qu: 0, qs: 12, aw: False, rs: ReadAsync, ws: Idle, in: 0, serverEndpoint: shop-cache.redis.cache.windows.net:6380, mc: 1/1/0, mgr: 10 of 10 available, clientName: WEB01, IOCP: (Busy=0,Free=1000,Min=${min},Max=1000), WORKER: (Busy=${busy},Free=${32767 - busy},Min=${min},Max=32767), v: 2.6.122.38350 (Please take a look at this article for some common client-side issues that can cause timeouts: https://stackexchange.github.io/StackExchange.Redis/Timeouts)`;

runCauseTests(cause, {
  valid: [
    {
      name: 'a Redis timeout while the worker pool is under its minimum is no sign of starvation',
      evidence: { 'app.log': redisTimeout(2, 4) },
    },
    {
      name: 'one slow endpoint timing out alone is a plain request timeout',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'POST', '/api/reports', 502, 3, 12002, 120015), iisRow('10:19:22', 'POST', '/api/reports', 502, 3, 12002, 120031), iisRow('10:19:25', 'GET', '/', 200, 0, 0, 12)]),
      },
    },
    {
      name: 'an app that starts and serves normally',
      evidence: {
        'stdout_20261120101501_4242.log': ['info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://127.0.0.1:21413', 'info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.'].join('\n'),
      },
    },
    {
      name: 'a blocking frame alone is the sync-over-async cause, not proof of starvation',
      evidence: { 'stdout_20261120101501_4242.log': blockingStack('00000001').join('\n') },
    },
  ],
  invalid: [
    {
      name: 'a Redis timeout reporting more busy worker threads than the minimum',
      evidence: { 'app.log': redisTimeout(32, 4) },
      minConfidence: 0.6,
      evidenceLines: [1],
      mentions: ['Busy=32, Min=4', 'about one per second'],
    },
    {
      name: 'Kestrel slow heartbeat warnings (aspnet/KestrelHttpServer#2284)',
      evidence: {
        'stdout_20180124142235_3120.log': [
          'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
          '      Heartbeat took longer than "00:00:01" at "01/24/2018 14:22:35 +00:00".',
          'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
          '      Heartbeat took longer than "00:00:01" at "01/24/2018 14:22:37 +00:00".',
        ].join('\n'),
      },
      minConfidence: 0.6,
      maxConfidence: 0.7,
      evidenceLines: [2],
      mentions: ['2 slow heartbeat warnings', 'ThreadPool Queue Length', 'clrstack -all'],
    },
    {
      name: 'heartbeat warnings and 502.3 timeouts across six URLs at once',
      evidence: {
        'stdout_20261120101501_4242.log': [...heartbeat('11/20/2026 10:15:05 +00:00', '00:00:07.2134567'), ...heartbeat('11/20/2026 10:15:30 +00:00', '00:00:12.0110000')].join('\n'),
        'u_ex261120.log': STORM,
      },
      minConfidence: 0.8,
      evidenceLines: ['stdout_20261120101501_4242.log:2', 'u_ex261120.log:5'],
      mentions: ['longest 12 s', '6 different URLs timed out together', '/api/orders at 120 s'],
    },
    {
      name: 'timeouts across many URLs at once, with no other sign', trails: "With no sign of starvation itself, the timeout leads; starvation is what to check next.",
      evidence: { 'u_ex261120.log': STORM },
      minConfidence: 0.35,
      maxConfidence: 0.5,
      mentions: ['6 different URLs', 'in a log covering 2026-11-20 10:15:01 to 2026-11-20 10:16:02 UTC'],
    },
    {
      name: 'a WAS ping failure alone is only a possible starvation', trails: "A failed ping is its own cause (worker-ping-failure); starvation is one reason for it.", behind: 'worker-ping-failure',
      evidence: { 'system-events.txt': events(was5010('ShopPool', 4242)) },
      maxConfidence: 0.35,
      mentions: ['ping failure (event 5010)'],
    },
  ],
  messy: {
    valid: [
      {
        // One slow endpoint timing out (IIS W3C row values) told in prose: a plain request timeout.
        name: 'one slow endpoint in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'only POST /api/reports fails, IIS log 502 3 12002 120015, everything else is fast' },
      },
    ],
    invalid: [
      {
        // What a dump of a starved process shows, told in words (SixLabors/ImageSharp.Web#222's outage).
        name: 'worker threads all blocked, as read from a dump, told in words',
        form: 'paraphrased',
        evidence: { 'message.txt': 'While debugging a memory dump taken during the outage we saw that nearly all thread pool worker threads were blocked waiting on network IO.' },
      },
      {
        // https://github.com/jellyfin/jellyfin/issues/9647 (a container log viewer's prefix before the logger's own line; three of its lines)
        name: 'heartbeat warnings behind a log viewer prefix (real)',
        form: 'mid-line',
        evidence: {
          'docker.txt': [
            'today at 11:34:50 AM[11:34:50] [WRN] [9] Microsoft.AspNetCore.Server.Kestrel: As of "04/15/2023 18:34:49 +00:00", the heartbeat has been running for "00:00:01.0594309" which is longer than "00:00:01". This could be caused by thread pool starvation.',
            'today at 11:34:53 AM[11:34:53] [WRN] [9] Microsoft.AspNetCore.Server.Kestrel: As of "04/15/2023 18:34:51 +00:00", the heartbeat has been running for "00:00:01.1576021" which is longer than "00:00:01". This could be caused by thread pool starvation.',
            'today at 11:35:02 AM[11:35:02] [WRN] [9] Microsoft.AspNetCore.Server.Kestrel: As of "04/15/2023 18:35:00 +00:00", the heartbeat has been running for "00:00:01.8949625" which is longer than "00:00:01". This could be caused by thread pool starvation.',
          ].join('\n'),
        },
      },
      {
        // https://github.com/dotnet/aspnetcore/issues/17321 (one Kibana document row; host and ids scrubbed)
        name: 'the older heartbeat message inside a Kibana row (real)',
        form: 'header-less',
        evidence: { 'kibana.txt': 'ServiceName:Archives @timestamp:November 22nd 2019, 12:09:11.242 LoggerName:Microsoft.AspNetCore.Server.Kestrel HostName:api-b5bdcdb89-xxxxx Level:WARN Message:Heartbeat took longer than "00:00:01" at "11/22/2019 04:09:11 +00:00". _id:REDACTED _type:_doc _index:service_log_2019-11-22 _score: -' },
      },
      {
        // Kestrel's heartbeat template (KestrelTrace.General HeartbeatSlow) copied from the middle of the line.
        name: 'the heartbeat warning copied from mid-line',
        form: 'mid-line',
        evidence: { 'paste.txt': '...the heartbeat has been running for "00:00:09.8120000" which is longer than "00:00:01". This could be caused by thread pool starvation.' },
      },
      {
        // Kestrel's heartbeat template (.NET 5+, KestrelTrace.General HeartbeatSlow) without its category line.
        name: 'the heartbeat warning without its category line',
        form: 'header-less',
        evidence: { 'stdout.txt': '      As of "11/20/2026 10:14:05 +00:00", the heartbeat has been running for "00:00:07.2134567" which is longer than "00:00:01". This could be caused by thread pool starvation.' },
      },
      {
        // The same template wrapped by the terminal after "longer".
        name: 'the heartbeat warning wrapped after "longer"',
        form: 'split over lines',
        evidence: {
          'stdout.txt': [
            'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
            '      As of "11/20/2026 10:14:05 +00:00", the heartbeat has been running for "00:00:07.2134567" which is longer',
            'than "00:00:01". This could be caused by thread pool starvation.',
          ].join('\n'),
        },
      },
      {
        // The older template (aspnet/KestrelHttpServer#2284: Heartbeat took longer than "00:00:01") in Spanish prose.
        name: 'Spanish prose around the older heartbeat lines',
        form: 'other language',
        evidence: {
          'mensaje.txt': [
            'Con carga alta la API deja de responder y en el log aparece esto todo el rato:',
            'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
            '      Heartbeat took longer than "00:00:01" at "11/20/2026 10:14:05 +00:00".',
            'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
            '      Heartbeat took longer than "00:00:01" at "11/20/2026 10:14:09 +00:00".',
          ].join('\n'),
        },
      },
      {
        // The warning's own last sentence quoted in a message.
        name: 'the warning quoted in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'kestrel keeps warning that the heartbeat has been running for 7 seconds which is longer than 00:00:01, "This could be caused by thread pool starvation." and then nginx gives 504' },
      },
    ],
  },
});
