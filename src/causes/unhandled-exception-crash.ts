/**
 * The app process was killed by a managed exception nobody caught. Exceptions inside the request
 * pipeline are caught by the server (Kestrel[13] / IIS in-process) and become one 500; an exception
 * that ends the process came from outside it: a background service, async void, a thread or timer
 * callback. Every request in flight then fails (502.3 out of process, reset or 503 in process).
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { events, refsOf, signals, statuses } from './query';
import { crashEvents, eventName, inFlightFailureRefs, isProcessFatal, type CrashEvent } from './support/crash-events';

/** The CLR's SEH code for a managed exception. */
const CLR_EXCEPTION = '0xe0434352';
/** Exception types that have their own, more specific cause. */
const OWN_CAUSE = /StackOverflowException|OutOfMemoryException/;

interface UnhandledExceptionCrashFacts {
  /** The exception type and message, from the runtime event or the app's output. */
  type?: string;
  message?: string;
  /** The crash event, in words. */
  event?: string;
  /** The process the runtime event names. */
  application?: string;
  /** Requests were in flight when it died. */
  inFlight: boolean;
  /** The evidence also shows a start failure. */
  startup: boolean;
}

export default defineCause<UnhandledExceptionCrashFacts>({
  id: 'unhandled-exception-crash',
  title: 'An unhandled .NET exception terminated the app process',
  family: 'crash-mid-request',
  layer: 'app',
  clues: {
    'dotnet.unhandled-exception': 'strong',
    'dotnet.crash-event': 'strong',
    'event.dotnet-runtime.1026': 'supports',
    'kestrel.app-error': 'hints',
    'ancm.managed-exception': 'supports',
    // Exceptions with a cause of their own: the process died of those, not of "an exception".
    'dotnet.out-of-memory': 'excludes',
    'dotnet.stack-overflow': 'excludes',
    // A native fault also ends in "terminated due to an unhandled exception" (native-crash).
    'dotnet.access-violation': 'excludes',
    'dotnet.fail-fast': 'excludes',
    'dotnet.heap-corruption': 'excludes',
    'dotnet.runtime-internal-error': 'excludes',
    // An exception while the app was starting is a start failure (its own causes).
    'ancm.inprocess-start-failed': 'against',
    'ancm.oop-start-failed': 'against',
    'status.500.30': 'against',
    'status.502.5': 'against',
    // Thrown on the exit or stop path: it ended a process that was stopping anyway.
    'hosting.shutdown-path': 'against',
  },
  description:
    'A managed exception escaped every handler and the runtime terminated the process, cutting off every request in flight. Exceptions inside a request are caught by the server and become a 500; one that kills the process comes from background work (a BackgroundService, async void, a timer or thread callback).',
  match(evidence) {
    const crashes = crashEvents(evidence).filter(isManagedCrash);
    const fatalLines = signals(evidence, 'unhandled-exception').filter((s) => isProcessFatal(s) && !OWN_CAUSE.test(s.data.type));
    const runtimeFatal = fatalLines.filter((s) => startedBefore(evidence, s.ref));
    if (crashes.length === 0 && runtimeFatal.length === 0) return undefined;

    const exception = exceptionOf(crashes, fatalLines.map((s) => s.data));
    if (exception && OWN_CAUSE.test(exception.type)) return undefined;

    const kinds = new Set(crashes.map((c) => c.kind));
    let base: number;
    if (kinds.has('dotnet-runtime-1026')) base = CONFIDENCE.likely;
    else if (runtimeFatal.length > 0) base = CONFIDENCE.likely;
    else if (kinds.has('application-error-1000') || kinds.has('was-5009') || kinds.has('wer')) base = CONFIDENCE.likely - 0.05;
    else base = CONFIDENCE.possible + 0.1; // ANCM 1018 alone: could be mid-request or startup

    const inFlight = inFlightFailureRefs(evidence);
    const startup = startupFailureRefs(evidence);
    const boosts: number[] = [];
    if (inFlight.length > 0) boosts.push(CONFIDENCE.strong - base);
    // Two independent records of the same death (the runtime's event and Windows' fault report, or WAS).
    if (kinds.size + (runtimeFatal.length > 0 ? 1 : 0) >= 2) boosts.push(0.08);
    if (startup.length > 0 && inFlight.length === 0) boosts.push(-0.25);
    // Knowing the exception type makes it a diagnosis rather than a category.
    if (exception !== undefined && inFlight.length > 0) boosts.push(0.05);

    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...crashes.map((c) => c.event.ref), ...runtimeFatal.map((s) => s.ref), ...inFlight, ...startup]),
      facts: {
        type: exception?.type,
        message: exception?.message,
        event: crashes[0] ? eventName(crashes[0].event) : undefined,
        application: crashes.find((c) => c.kind === 'dotnet-runtime-1026')?.event.message.match(/Application: (\S+)/)?.[1],
        inFlight: inFlight.length > 0,
        startup: startup.length > 0,
      },
    };
  },
  steps({ facts }) {
    const what = facts.type ? `${facts.type}${facts.message ? `: ${facts.message}` : ''}` : 'an unhandled managed exception (exception code 0xe0434352)';
    const steps = [
      `The process${facts.application ? ` ${facts.application}` : ''} was terminated by ${what}${facts.event ? ` (${facts.event})` : ''}.${facts.inFlight ? ' The 502.3/abandoned requests in the evidence are the requests that were running when it died.' : ''}`,
    ];
    if (facts.startup) {
      steps.push('The evidence also shows a start failure (500.30/502.5, ANCM 1007/1010/1035): if the exception happens in Program.cs before the app serves requests, follow the startup-failure cause instead.');
    }
    steps.push(
      'Read the stack under "Exception Info:" / "Stack:" in the .NET Runtime 1026 event (Application log) or the stdout log: the top frames of YOUR code name the culprit. An exception in a request would have been caught and turned into a 500, so look for code running outside a request: BackgroundService.ExecuteAsync, async void methods, Task.Run/ThreadPool work, System.Threading.Timer callbacks, event handlers.',
    );
    if (facts.type && /ObjectDisposedException|InvalidOperationException/.test(facts.type)) {
      steps.push('ObjectDisposedException/InvalidOperationException from background work often means it captured a scoped service (HttpContext, DbContext) that was disposed when the request ended; create a scope with IServiceScopeFactory inside the background work instead.');
    }
    steps.push(
      'If the stack is missing, capture a dump at the crash: "procdump -accepteula -ma -e <PID> C:\\dumps" (second-chance = unhandled exception), then "dotnet-dump analyze <dump>" and run "pe" (print exception) and "clrstack".',
      'Add an AppDomain.CurrentDomain.UnhandledException handler that logs the exception, so the next crash leaves its stack in your logs (see the fix).',
    );
    return steps;
  },
  fix({ facts }) {
    return {
      summary: `Catch and log exceptions in background work so they cannot escape to the runtime${facts.type ? ` (here ${facts.type})` : ''}; replace async void with async Task and await or observe every task you start.`,
      language: 'csharp',
      snippet: [
        '// Program.cs: leave a trace of anything that would kill the process',
        'AppDomain.CurrentDomain.UnhandledException += (_, e) =>',
        '    Console.Error.WriteLine($"FATAL unhandled exception: {e.ExceptionObject}");',
        '',
        'public sealed class Worker(ILogger<Worker> logger, IServiceScopeFactory scopes) : BackgroundService',
        '{',
        '    protected override async Task ExecuteAsync(CancellationToken stoppingToken)',
        '    {',
        '        while (!stoppingToken.IsCancellationRequested)',
        '        {',
        '            try',
        '            {',
        '                using var scope = scopes.CreateScope(); // never reuse a request\'s scoped services',
        '                await scope.ServiceProvider.GetRequiredService<IJob>().RunAsync(stoppingToken);',
        '            }',
        '            catch (Exception ex) when (ex is not OperationCanceledException)',
        '            {',
        '                logger.LogError(ex, "Background job failed");',
        '            }',
        '            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);',
        '        }',
        '    }',
        '}',
      ].join('\n'),
    };
  },
  wants: ['event-log', 'stdout-log', 'iis-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis',
    'https://learn.microsoft.com/dotnet/core/diagnostics/dotnet-dump',
    'https://learn.microsoft.com/dotnet/core/extensions/workers',
    'https://github.com/dotnet/aspnetcore/issues/59407',
  ],
});

/** A crash event that a managed exception caused (not a stack overflow, access violation...). */
function isManagedCrash(c: CrashEvent): boolean {
  if (c.kind === 'dotnet-runtime-1026') {
    // "terminated due to an internal error in the .NET Runtime" or "exception code c0000005" are native failures.
    if (!/unhandled exception/i.test(c.event.message)) return false;
    return c.code === undefined || c.code === CLR_EXCEPTION;
  }
  if (c.kind === 'was-5011') return false;
  return c.code === CLR_EXCEPTION;
}

/** True when the app had started (host-started/host-listening) before this fatal line in the same output. */
function startedBefore(evidence: Evidence, ref: EvidenceRef): boolean {
  return [...signals(evidence, 'host-started'), ...signals(evidence, 'host-listening')].some((s) => s.ref.source === ref.source && s.ref.line < ref.line);
}

/** Exception type and message: from `Exception Info:` in the runtime event, else from the fatal output line. */
function exceptionOf(crashes: CrashEvent[], fromOutput: { type: string; message: string }[]): { type: string; message?: string } | undefined {
  for (const c of crashes) {
    const m = /Exception Info: ([A-Za-z_][\w.`+]*)(?::[ \t]*([^\r\n]*))?/.exec(c.event.message);
    if (m?.[1] && !/^exception$/i.test(m[1])) return { type: m[1], message: m[2]?.trim() || undefined };
  }
  const first = fromOutput[0];
  if (first) return { type: first.type, message: first.message || undefined };
  return undefined;
}

/** Lines that say the app failed while starting (then the startup-failure causes own it). */
function startupFailureRefs(evidence: Evidence): EvidenceRef[] {
  return [
    ...statuses(evidence, { status: 500, substatus: 30 }).map((s) => s.ref),
    ...statuses(evidence, { status: 502, substatus: 5 }).map((s) => s.ref),
    ...events(evidence, 'ancm', [1007, 1010, 1020, 1035]).map((e) => e.ref),
  ];
}
