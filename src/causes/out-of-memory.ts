/**
 * The app ran out of memory: an OutOfMemoryException ended it, or the worker grew until IIS
 * recycled it on its memory limit. Either way the requests in flight fail.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { events, refsOf, signals } from './query';
import { crashEvents, eventName, inFlightFailureRefs, isProcessFatal } from './support/crash-events';

/** WAS: recycle on private bytes (5117) and on virtual memory (5077). */
const MEMORY_RECYCLE = [5117, 5077];

interface OutOfMemoryFacts {
  /** The evidence shows an OutOfMemoryException (not only a memory-limit recycle). */
  exception: boolean;
  /** The memory-limit recycle event, in words, and which limit it was. */
  recycle?: string;
  recycleKind?: 'virtual memory' | 'private bytes';
  pool?: string;
  /** The pasted pool's memory recycle limit, in MB. */
  limitMb?: number;
  /** The pool runs 32-bit. */
  is32Bit: boolean;
}

export default defineCause<OutOfMemoryFacts>({
  id: 'out-of-memory',
  title: 'The app ran out of memory (OutOfMemoryException or memory-limit recycle)',
  family: 'crash-mid-request',
  layer: 'app',
  clues: {
    'dotnet.out-of-memory': 'strong',
    // A recycle at the private-memory limit is memory growth seen from the pool's side.
    'was.recycle-memory': 'supports',
    'narrative.memory-words': 'supports',
  },
  description:
    'The process used more memory than it could get: an OutOfMemoryException ended it, or IIS recycled the worker when it hit the app pool memory limit. A leak (caches without limits, static collections, undisposed objects) or buffering whole files and result sets in memory is the usual reason.',
  match(evidence) {
    const oom = signals(evidence, 'out-of-memory');
    const recycles = events(evidence, 'was', MEMORY_RECYCLE);
    const oomExceptions = signals(evidence, 'unhandled-exception').filter((s) => /OutOfMemoryException/.test(s.data.type));
    if (oom.length === 0 && recycles.length === 0 && oomExceptions.length === 0) return undefined;

    // The process died of it (not an OOM a handler caught): the runtime's fatal line, or a fatal exception of that type.
    const fatal = [
      ...oom.filter((s) => s.ref.text.includes('Exception Info:') || s.ref.text.trimStart().startsWith('Unhandled exception.')),
      ...signals(evidence, 'unhandled-exception').filter((s) => isProcessFatal(s) && /OutOfMemoryException/.test(s.data.type)),
    ];
    const crashes = crashEvents(evidence).filter((c) => /OutOfMemoryException/.test(c.event.message));
    let base: number;
    if (fatal.length > 0 || crashes.length > 0) base = CONFIDENCE.strong;
    else if (oom.length > 0 || oomExceptions.length > 0) base = CONFIDENCE.likely;
    // A memory-limit recycle alone belongs to the recycle cause first; memory growth is its likely reason.
    else base = CONFIDENCE.possible - 0.05;

    const inFlight = inFlightFailureRefs(evidence);
    const boosts: number[] = [];
    if (oom.length > 0 && recycles.length > 0) boosts.push(0.08);
    if (inFlight.length > 0 && oom.length > 0) boosts.push(0.07);

    const pool = evidence.appPools.find((p) => p.periodicRestartPrivateMemoryKb !== undefined || p.periodicRestartMemoryKb !== undefined || p.enable32BitAppOnWin64 !== undefined);
    const limitKb = Number(pool?.periodicRestartPrivateMemoryKb?.value ?? pool?.periodicRestartMemoryKb?.value ?? 0);
    const is32Bit = pool?.enable32BitAppOnWin64?.value.toLowerCase() === 'true';
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...fatal.map((s) => s.ref), ...crashes.map((c) => c.event.ref), ...oom.map((s) => s.ref), ...oomExceptions.map((s) => s.ref), ...recycles.map((e) => e.ref), ...inFlight]),
      facts: {
        exception: oom.length > 0 || oomExceptions.length > 0 || crashes.length > 0,
        recycle: recycles[0] ? eventName(recycles[0]) : undefined,
        recycleKind: recycles[0]?.id === 5077 ? 'virtual memory' : recycles[0] ? 'private bytes' : undefined,
        pool: recycles[0]?.appPool ?? pool?.name,
        limitMb: limitKb > 0 ? Math.round(limitKb / 1024) : undefined,
        is32Bit,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.exception) steps.push('The app threw System.OutOfMemoryException: an allocation failed, and when it escapes (or happens in the runtime itself) the process ends.');
    if (facts.recycle) {
      steps.push(
        `${facts.recycle}: the worker${facts.pool ? ` of pool '${facts.pool}'` : ''} reached its ${facts.recycleKind ?? 'memory'} limit and was recycled${facts.limitMb !== undefined ? ` (limit about ${facts.limitMb} MB)` : ''}. The recycle is IIS doing its job; the question is why memory grew that far (see also the app pool recycle cause).`,
      );
    } else if (facts.limitMb !== undefined) {
      steps.push(`The pasted app pool sets a memory recycle limit of about ${facts.limitMb} MB: if the app legitimately needs more, the limit causes recycle storms; if it keeps growing, it is a leak.`);
    }
    if (facts.is32Bit) steps.push('The app pool runs 32-bit (enable32BitAppOnWin64="true"): the process has at most 2-4 GB of address space and fragments sooner. Run it 64-bit unless a native 32-bit dependency forces otherwise.');
    steps.push(
      'Watch memory live: "dotnet-counters monitor --process-id <PID> --counters System.Runtime" and follow "GC Heap Size", "Working Set", "Gen 2 Size" and "LOH Size". Steady growth that full GCs never bring down is a leak; spikes with big LOH numbers are large allocations (whole files, big result sets).',
      'Find what holds the memory: "dotnet-gcdump collect --process-id <PID>" twice, some minutes apart, and compare the two in Visual Studio or PerfView (types whose count only grows). For native memory, take a full dump with "procdump -accepteula -ma <PID>".',
      'Usual suspects: IMemoryCache/static dictionaries without size limits or expiry, event handler subscriptions never removed, HttpClient/DbContext created and never disposed, reading uploads or reports fully into byte[]/MemoryStream, loading whole tables with ToList().',
    );
    return steps;
  },
  fix({ facts }) {
    return {
      summary: `Remove the leak or the large allocations (bounded caches, streaming instead of buffering, disposing what you create)${facts.is32Bit ? ', run the pool 64-bit' : ''}; then set the app pool memory limit generously above the real working set instead of recycling on it.`,
      language: 'csharp',
      snippet: [
        '// Bound the cache: entries need a Size, the cache a SizeLimit',
        'builder.Services.AddMemoryCache(o => o.SizeLimit = 10_000);',
        'cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });',
        '',
        '// Stream large payloads instead of buffering them',
        'app.MapGet("/export", async (HttpContext ctx, AppDb db) =>',
        '{',
        '    ctx.Response.ContentType = "text/csv";',
        '    await foreach (var row in db.Orders.AsNoTracking().AsAsyncEnumerable())',
        '        await ctx.Response.WriteAsync(row.ToCsvLine() + "\\n");',
        '});',
      ].join('\n'),
    };
  },
  wants: ['event-log', 'stdout-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/dotnet/core/diagnostics/debug-memory-leak',
    'https://learn.microsoft.com/dotnet/core/diagnostics/dotnet-counters',
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/recycling/periodicrestart/',
  ],
});
