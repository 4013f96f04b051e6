import cause from '../../src/causes/sync-over-async';
import { runCauseTests } from '../helpers/cause-tester';
import { blockingStack, heartbeat } from './support/app-output';
import { iisLog, iisRow } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a normal async stack (TaskAwaiter frames) blocks nothing',
      evidence: {
        'stdout_20261120101501_4242.log': [
          'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
          '      Connection id "0HN8B6M6V5T1K", Request id "0HN8B6M6V5T1K:00000001": An unhandled exception was thrown by the application.',
          '      System.InvalidOperationException: No price for product 42',
          '         at Shop.Services.PriceService.GetPriceAsync(Int32 id) in C:\\src\\Shop\\Services\\PriceService.cs:line 31',
          '         at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)',
          '         at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)',
          '         at Shop.Controllers.PriceController.Get(Int32 id) in C:\\src\\Shop\\Controllers\\PriceController.cs:line 18',
        ].join('\n'),
      },
    },
    {
      name: 'heartbeat warnings without any blocking frame are the starvation cause',
      evidence: { 'stdout_20261120101501_4242.log': heartbeat('11/20/2026 10:15:05 +00:00', '00:00:07.2134567').join('\n') },
    },
  ],
  invalid: [
    {
      name: 'a stack blocked in Task.get_Result, alone',
      evidence: { 'stdout_20261120101501_4242.log': blockingStack('00000001').join('\n') },
      minConfidence: 0.35,
      maxConfidence: 0.5,
      evidenceLines: [6],
      mentions: ['GetResultCore', '.GetAwaiter().GetResult()'],
    },
    {
      name: 'blocking frames while the gateway times out',
      evidence: {
        'stdout_20261120101501_4242.log': blockingStack('00000001').join('\n'),
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/prices', 502, 3, 12002, 120015)]),
      },
      minConfidence: 0.6,
      maxConfidence: 0.75,
      mentions: ['gateway timeouts'],
    },
    {
      name: 'blocking frames in several requests with Kestrel slow heartbeats',
      evidence: {
        'stdout_20261120101501_4242.log': [...heartbeat('11/20/2026 10:15:05 +00:00', '00:00:07.2134567'), ...blockingStack('00000001'), ...blockingStack('00000002')].join('\n'),
      },
      minConfidence: 0.8,
      mentions: ['Kestrel slow heartbeats', 'await Task.WhenAll'],
    },
  ],
  messy: {
    valid: [
      {
        // A normal awaited stack (TaskAwaiter frames), in a fence with prose.
        name: 'an awaited stack in a fence',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'exception from the price endpoint:',
            '```',
            'System.InvalidOperationException: No price for product 42',
            '   at Shop.Services.PriceService.GetPriceAsync(Int32 id) in C:\\src\\Shop\\Services\\PriceService.cs:line 31',
            '   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)',
            '   at Shop.Controllers.PriceController.Get(Int32 id) in C:\\src\\Shop\\Controllers\\PriceController.cs:line 18',
            '```',
          ].join('\n'),
        },
      },
    ],
    invalid: [
      {
        // The blocking frames (System.Private.CoreLib Task`1.GetResultCore / get_Result) in a fence with prose.
        name: 'blocking frames in a fence with prose',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'under load every request hangs, then this:',
            '```',
            'System.AggregateException: One or more errors occurred. (A task was canceled.)',
            '   at System.Threading.Tasks.Task`1.GetResultCore(Boolean waitCompletionNotification)',
            '   at System.Threading.Tasks.Task`1.get_Result()',
            '   at Shop.Services.PriceService.GetPrices() in C:\\src\\Shop\\Services\\PriceService.cs:line 31',
            '```',
          ].join('\n'),
        },
      },
      {
        // The frames alone, copied without the exception or logger header.
        name: 'only the frames, no exception header',
        form: 'header-less',
        evidence: {
          'frames.txt': [
            '   at System.Threading.Tasks.Task.Wait(Int32 millisecondsTimeout, CancellationToken cancellationToken)',
            '   at System.Threading.Tasks.Task.Wait()',
            '   at Shop.Services.StockService.Reserve(Int32 id) in C:\\src\\Shop\\Services\\StockService.cs:line 54',
          ].join('\n'),
        },
      },
      {
        // A lambda frame (compiler-generated <Get>b__3_0 name) escaped by Slack, blocked on GetAwaiter().GetResult().
        name: 'a lambda frame, Slack-escaped, blocked in TaskAwaiter.GetResult under Task.Wait',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'slack.txt': [
            'System.AggregateException: One or more errors occurred. (A task was canceled.)',
            '   at System.Threading.Tasks.Task.Wait(Int32 millisecondsTimeout, CancellationToken cancellationToken)',
            '   at Shop.Controllers.PriceController.&lt;Get&gt;b__3_0() in C:\\src\\Shop\\Controllers\\PriceController.cs:line 22',
          ].join('\n'),
        },
      },
      {
        // The blocking frame (Future.cs Task<T>.Result getter) as a dump summary names it, in a sentence.
        name: 'retold: the dump shows threads stuck in Task.get_Result()',
        form: 'in prose',
        evidence: { 'message.txt': 'under load every request hangs; the dump shows 200 threads all blocked in Task.get_Result() inside PriceService.GetPrices' },
      },
    ],
  },
});
