/**
 * Sync over async: code blocks a thread until a Task completes (.Result, .Wait(),
 * Task.WaitAll). Each blocked request holds a pool thread for the whole remote call; under load
 * the pool runs dry and every request stalls (thread-pool-starvation is the effect, this the cause).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { hangRefs } from './support/hang-signs';

interface SyncOverAsyncFacts {
  /** The first blocking frame, and how many such frames the stacks show. */
  frame?: string;
  count: number;
  /** The evidence also shows the app stalling (gateway timeouts, ping failures, slow heartbeats). */
  hang: boolean;
  /** Kestrel's slow-heartbeat warnings. */
  heartbeats: number;
}

export default defineCause<SyncOverAsyncFacts>({
  id: 'sync-over-async',
  title: 'Blocking waits on async code (.Result / .Wait()) tie up request threads',
  family: 'resource-exhaustion',
  layer: 'app',
  clues: {
    'dotnet.blocking-wait': 'strong',
    'narrative.sync-code': 'supports',
  },
  description:
    'The stack traces show threads blocked synchronously on tasks (Task.Wait, Task.Result). Each such request keeps a thread pool thread busy doing nothing until the awaited I/O finishes; under load the pool is exhausted and requests time out across the app.',
  match(evidence) {
    const blocking = signals(evidence, 'blocking-wait-in-stack');
    if (blocking.length === 0) return undefined;
    const hang = hangRefs(evidence);
    const heartbeats = signals(evidence, 'kestrel-heartbeat-slow');

    let base = blocking.length >= 3 ? CONFIDENCE.possible + 0.15 : CONFIDENCE.possible + 0.05;
    if (hang.length > 0) base = CONFIDENCE.likely + 0.05;
    const boosts: number[] = [];
    if (heartbeats.length > 0 && blocking.length >= 2) boosts.push(CONFIDENCE.strong - base);

    const frames = [...new Set(blocking.map((s) => s.data.frame))];
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...blocking.map((s) => s.ref), ...hang]),
      facts: {
        frame: frames[0],
        count: blocking.length,
        hang: hang.length > 0,
        heartbeats: heartbeats.length,
      },
    };
  },
  steps({ facts }) {
    const { frame, count } = facts;
    const blocked =
      frame !== undefined && count !== undefined
        ? `${count} stack frame${count === 1 ? '' : 's'} show a thread blocked waiting on a Task, for example ${frame}.`
        : 'Stack traces show threads blocked waiting on a Task (Task.Wait, Task.get_Result, TaskAwaiter.GetResult frames).';
    const steps = [
      `${blocked} Find the caller just above that frame in the stack: that is the line that calls .Result, .Wait() or GetAwaiter().GetResult() on async code.`,
    ];
    if (facts.hang) {
      steps.push(
        `The evidence also shows the app stalling (${(facts.heartbeats ?? 0) > 0 ? 'Kestrel slow heartbeats, ' : ''}gateway timeouts or WAS ping failures): blocked waits are the usual way to starve the thread pool, so fix them before tuning timeouts.`,
      );
    }
    steps.push(
      'Search the code for ".Result", ".Wait(", "GetAwaiter().GetResult()", "Task.WaitAll(", "Thread.Sleep(" in anything reachable from a request, and for synchronous I/O (File.ReadAllText, Stream.Read, SqlCommand.ExecuteReader, HttpClient.Send) in controllers, filters and middleware.',
      'Prove it under load: take a dump while requests stall ("dotnet-dump collect --process-id <PID>"), run "clrstack -all" in "dotnet-dump analyze" and count the threads parked in the same Task.Wait / get_Result frames.',
    );
    return steps;
  },
  fix() {
    return {
      summary: 'Replace blocking waits with await all the way up the call chain (make the callers async too), and use the async variants of I/O APIs; mark constructors/filters that need async work as async factories or middleware instead of blocking in them.',
      language: 'csharp',
      snippet: [
        '// Before: blocks the request thread until the call completes',
        'public IActionResult Orders()',
        '{',
        '    var orders = _repository.GetOrdersAsync().Result;',
        '    var rates = _rates.GetAsync().GetAwaiter().GetResult();',
        '    return View(Price(orders, rates));',
        '}',
        '',
        '// After: async all the way; the thread returns to the pool while waiting',
        'public async Task<IActionResult> Orders(CancellationToken ct)',
        '{',
        '    var ordersTask = _repository.GetOrdersAsync(ct);',
        '    var ratesTask = _rates.GetAsync(ct);',
        '    await Task.WhenAll(ordersTask, ratesTask);',
        '    return View(Price(ordersTask.Result, ratesTask.Result)); // completed tasks: no blocking',
        '}',
      ].join('\n'),
    };
  },
  wants: ['stdout-log', 'iis-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/fundamentals/best-practices#avoid-blocking-calls',
    'https://learn.microsoft.com/dotnet/core/diagnostics/debug-threadpool-starvation',
  ],
});
