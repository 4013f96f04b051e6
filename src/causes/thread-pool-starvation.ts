/**
 * Thread pool starvation: every pool thread is blocked (usually waiting synchronously on I/O or on
 * a Task), new work queues up, and the whole app stops answering. Gateways then time out on every
 * URL at once: the "one bad endpoint takes the whole site down" pattern.
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { events, refsOf, signals } from './query';
import { hangRefs, longestHeartbeatMs, timeoutSpread } from './support/hang-signs';
import { secondsText, windowText } from './support/gateway-failures';

/** Distinct failing URLs from which a simultaneous timeout looks app-wide rather than one slow endpoint. */
const SPREAD_URLS = 4;

interface ThreadPoolStarvationFacts {
  /** Kestrel's slow-heartbeat warnings, and the longest one ("2.3 s"). */
  heartbeats: number;
  longestHeartbeat?: string;
  /** Distinct URLs and gateway timeouts in the timeout storm. */
  urls: number;
  timeouts: number;
  /** The slowest of those URLs, and how long it ran ("95 s"). */
  slowestUrl?: string;
  slowest?: string;
  /** The IIS log's time window, or '' without a log. */
  window: string;
  /** WAS ping failures (5010). */
  pings: number;
  /** A stack frame blocked waiting on a Task. */
  blockingFrame?: string;
  /** The worker pool's numbers when a client reported more busy threads than the minimum. */
  throttled?: string;
}

/**
 * Timeouts that report the worker pool with more busy threads than its minimum (StackExchange.Redis
 * writes `WORKER: (Busy=32,Free=32735,Min=4,Max=32767)`): past the minimum the pool adds threads
 * slowly, so work was queueing for a thread. That library's guide reads it as thread pool throttling.
 */
function busyOverMin(evidence: Evidence): { ref: EvidenceRef; busy: number; min: number }[] {
  return evidence.clues.flatMap((hit) => {
    if (hit.clue !== 'dotnet.threadpool-stats' || hit.value === undefined) return [];
    const [busy, , min] = hit.value.split(',').map((part) => Number(part.slice(part.indexOf('=') + 1)));
    return busy !== undefined && min !== undefined && busy > min ? [{ ref: hit.ref, busy, min }] : [];
  });
}

export default defineCause<ThreadPoolStarvationFacts>({
  id: 'thread-pool-starvation',
  title: 'Thread pool starvation stalled the whole app',
  family: 'resource-exhaustion',
  layer: 'app',
  clues: {
    'kestrel.heartbeat-slow': 'strong',
    'dotnet.threadpool-starvation': 'strong',
    // A client's timeout that reports the pool's numbers (dotnet.threadpool-stats) is weighed by
    // the matcher, which reads Busy against Min: the numbers, not the line, say starvation.
    'narrative.threads-growing': 'supports',
    'narrative.sync-code': 'hints',
    // Starved requests end as gateway timeouts: those fit, they do not compete.
    'win32.12002': 'supports',
  },
  description:
    "All thread pool threads were busy or blocked, so new requests (and Kestrel's own timers) waited in the queue until the gateway gave up. Typical triggers are blocking calls (.Result, .Wait(), synchronous I/O) under load, often in one slow endpoint that drags every other URL down with it.",
  match(evidence) {
    const heartbeats = signals(evidence, 'kestrel-heartbeat-slow');
    const pings = events(evidence, 'was', [5010]);
    const spread = timeoutSpread(evidence);
    const wideSpread = spread !== undefined && spread.urls >= SPREAD_URLS;
    const blocking = signals(evidence, 'blocking-wait-in-stack');
    const throttled = busyOverMin(evidence);
    if (heartbeats.length === 0 && !wideSpread && pings.length === 0 && throttled.length === 0) return undefined;

    let base: number;
    if (heartbeats.length > 0 || throttled.length > 0) base = CONFIDENCE.likely;
    else if (wideSpread) base = CONFIDENCE.possible + 0.05;
    else base = CONFIDENCE.possible - 0.05; // a ping failure alone: a hang, starvation is one reason of several

    const boosts: number[] = [];
    if (heartbeats.length > 0 && (spread !== undefined || pings.length > 0)) boosts.push(CONFIDENCE.strong - base);
    else if (wideSpread && pings.length > 0) boosts.push(0.1);
    if (heartbeats.length >= 3) boosts.push(0.04);
    if (blocking.length > 0 && (heartbeats.length > 0 || wideSpread)) boosts.push(0.06);

    const longest = longestHeartbeatMs(evidence);
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...heartbeats.map((s) => s.ref), ...throttled.map((h) => h.ref), ...(spread?.refs ?? []), ...pings.map((e) => e.ref), ...blocking.map((s) => s.ref), ...hangRefs(evidence)]),
      facts: {
        heartbeats: heartbeats.length,
        longestHeartbeat: longest !== undefined ? `${Math.round(longest / 100) / 10} s` : undefined,
        urls: spread?.urls ?? 0,
        timeouts: spread?.rows ?? 0,
        slowestUrl: spread?.slowestUrl,
        slowest: spread?.slowestMs !== undefined ? secondsText(spread.slowestMs) : undefined,
        window: windowText(evidence),
        pings: pings.length,
        blockingFrame: blocking[0]?.data.frame,
        throttled: throttled[0] ? `Busy=${throttled[0].busy}, Min=${throttled[0].min}` : undefined,
      },
    };
  },
  steps({ facts }) {
    const heartbeats = facts.heartbeats ?? 0;
    const urls = facts.urls ?? 0;
    // Each of those URLs timed out at least once.
    const timeouts = facts.timeouts ?? urls;
    const pings = facts.pings ?? 0;
    const steps: string[] = [];
    if (heartbeats > 0) {
      steps.push(
        `Kestrel logged ${heartbeats} slow heartbeat warning${heartbeats === 1 ? '' : 's'}${facts.longestHeartbeat ? ` (longest ${facts.longestHeartbeat} against a 1 s interval)` : ''}: its once-a-second timer could not get a thread. Low CPU at the same time means threads are blocked waiting, not busy.`,
      );
    }
    if (urls >= SPREAD_URLS) {
      steps.push(
        `${urls} different URLs timed out together (${timeouts} gateway timeouts${facts.window ? ` ${facts.window}` : ''})${facts.slowestUrl ? `; the slowest was ${facts.slowestUrl}${facts.slowest ? ` at ${facts.slowest}` : ''}` : ''}. One slow endpoint only times out itself; all of them at once means the app had no thread to run them. The slowest or most frequent endpoint just before the storm is the prime suspect.`,
      );
    }
    if (pings > 0) steps.push(`WAS logged ${pings} ping failure${pings === 1 ? '' : 's'} (event 5010): the worker was unresponsive, and WAS kills it after pingResponseTime (1 min 30 s by default), which turns the hang into 502/503s for everyone.`);
    if (facts.throttled) steps.push(`A client's timeout reported the worker pool at ${facts.throttled}: more busy threads than the minimum means the pool was adding threads about one per second while work waited for one. That is starvation, not a slow server.`);
    if (facts.blockingFrame) steps.push(`The pasted stack shows a thread blocked in ${facts.blockingFrame}: synchronous waiting on a Task is the classic way to starve the pool (see the sync-over-async cause).`);
    steps.push(
      'Confirm while it happens: "dotnet-counters monitor --process-id <PID> --counters System.Runtime" (w3wp.exe in process, dotnet.exe out of process; find it with "Get-Process w3wp, dotnet"). Starvation shows as a growing "ThreadPool Queue Length" while "ThreadPool Thread Count" creeps up by about one thread per second.',
      'Take a dump during the stall ("dotnet-dump collect --process-id <PID>"), then "dotnet-dump analyze <file>": "threadpool" shows the queue, "clrstack -all" shows what the threads wait on (many identical stacks in Task.Wait, .Result, Monitor.Enter, SqlConnection.Open or HttpClient.Send), "dumpasync" shows the pending async work.',
    );
    return steps;
  },
  fix() {
    return {
      summary:
        'Make request code async all the way down (await instead of .Result/.Wait()/GetAwaiter().GetResult(), async database and HTTP APIs), and move the slow endpoint\'s heavy work to a background service so it cannot occupy request threads. Raising ThreadPool.SetMinThreads only buys time.',
      language: 'csharp',
      snippet: [
        '// Before: blocks a pool thread for the whole call, under load every thread ends up here',
        'public IActionResult Get(int id) => Ok(_client.GetStringAsync($"/api/items/{id}").Result);',
        '',
        '// After: the thread goes back to the pool while the call is in flight',
        'public async Task<IActionResult> Get(int id, CancellationToken ct) =>',
        '    Ok(await _client.GetStringAsync($"/api/items/{id}", ct));',
        '',
        '// Stop-gap only, while the blocking code is fixed: start with more threads',
        '// ThreadPool.SetMinThreads(workerThreads: 200, completionPortThreads: 200);',
      ].join('\n'),
    };
  },
  wants: ['stdout-log', 'iis-log', 'event-log'],
  references: [
    'https://learn.microsoft.com/dotnet/core/diagnostics/debug-threadpool-starvation',
    'https://learn.microsoft.com/aspnet/core/fundamentals/best-practices#avoid-blocking-calls',
    'https://github.com/dotnet/aspnetcore/issues/17321',
  ],
});
