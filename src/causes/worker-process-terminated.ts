/**
 * WAS saw the worker process die (5009 "terminated unexpectedly", 5011 "fatal communication
 * error"), or HTTP.sys saw its requests abandoned. This is the generic "the worker died" cause:
 * when the evidence also says HOW it died (stack overflow, managed exception, native fault), the
 * specific cause ranks above this one.
 */
import type { Evidence } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf } from './query';
import { abandonedByAppPool, crashEvents, inFlightFailureRefs, processDeathSignals, type CrashEvent } from './support/crash-events';

/** What a WAS 5009 exit code says about the death. */
const EXIT_CODES: Record<string, string> = {
  '0xc00000fd': 'a stack overflow (STATUS_STACK_OVERFLOW)',
  '0x800703e9': 'a stack overflow (ERROR_STACK_OVERFLOW)',
  '0xe0434352': 'an unhandled .NET exception',
  '0xc0000005': 'a native access violation',
  '0xc0000409': 'a fail-fast / stack buffer overrun',
  '0xc0000374': 'heap corruption',
  '0x80131506': 'a fatal .NET runtime error (ExecutionEngineException)',
  '0xffffffff': 'exit code -1 (Environment.Exit(-1), or another tool terminating it)',
  '0x00000000': 'exit code 0: the process ended itself (Environment.Exit or Main returning) or was stopped from outside',
};

interface WorkerProcessTerminatedFacts {
  pool?: string;
  /** The process id of the first death. */
  pid?: number;
  /** What the first 5009 exit code means ("a stack overflow", "exit code 0x..."). */
  exitMeaning?: string;
  /** WAS 5009 events (the worker terminated unexpectedly). */
  crashes: number;
  /** A WAS 5011 (fatal communication error) is among them. */
  ipmError: boolean;
  /** HTTPERR Connection_Abandoned_By_AppPool lines. */
  abandoned: number;
}

export default defineCause<WorkerProcessTerminatedFacts>({
  id: 'worker-process-terminated',
  title: 'The IIS worker process terminated unexpectedly',
  family: 'crash-mid-request',
  layer: 'app',
  clues: {
    'was.worker-crashed': 'strong',
    'event.was.5009': 'strong',
    // 5011 (fatal communication error with WAS): the worker is gone too. It names no exit code,
    // so no more specific crash cause can claim it; the text alone, without its event header,
    // still says which cause this is.
    'was.ipm-error': 'strong',
    'event.was.5011': 'strong',
    'httperr.app-pool-abandoned': 'supports',
  },
  description:
    'WAS recorded that the process serving the application pool died (event 5009 with its exit code, or 5011), so every request it held failed. The exit code and the Application log around the same time tell how it died.',
  match(evidence) {
    const deaths = crashEvents(evidence).filter((c) => c.kind === 'was-5009' || c.kind === 'was-5011');
    const abandoned = abandonedByAppPool(evidence);
    if (deaths.length === 0 && abandoned.length === 0) return undefined;

    const crashed = deaths.filter((d) => d.kind === 'was-5009');
    let base = crashed.length > 0 ? CONFIDENCE.likely - 0.1 : deaths.length > 0 ? CONFIDENCE.possible + 0.05 : CONFIDENCE.possible;
    const inFlight = inFlightFailureRefs(evidence).filter((r) => !abandoned.includes(r));
    const boosts: number[] = [];
    if (deaths.length > 0 && (inFlight.length > 0 || abandoned.length > 0)) boosts.push(CONFIDENCE.strong - base);
    if (crashed.length >= 3) boosts.push(0.05);
    // When the evidence names the kind of death, that specific cause is the diagnosis; this one steps back.
    if (specificDeath(evidence, deaths)) base = Math.min(base, CONFIDENCE.possible + 0.05);

    const first = crashed[0] ?? deaths[0];
    const exit = crashed.find((d) => d.code !== undefined)?.code;
    return {
      confidence: boosted(base, ...(specificDeath(evidence, deaths) ? [] : boosts)),
      evidence: refsOf([...deaths.map((d) => d.event.ref), ...abandoned, ...inFlight]),
      facts: {
        pool: first?.event.appPool ?? poolFrom(first),
        pid: first?.event.processId,
        exitMeaning: exit ? (EXIT_CODES[exit] ?? `exit code ${exit}`) : undefined,
        crashes: crashed.length,
        ipmError: deaths.some((d) => d.kind === 'was-5011'),
        abandoned: abandoned.length,
      },
    };
  },
  steps({ facts }) {
    const pool = facts.pool ? `application pool '${facts.pool}'` : 'the application pool';
    const crashes = facts.crashes ?? 0;
    const steps: string[] = [];
    if (crashes > 0) {
      steps.push(
        `WAS logged ${crashes} unexpected termination${crashes === 1 ? '' : 's'} (event 5009) of the worker serving ${pool}${facts.pid !== undefined ? ` (first PID ${facts.pid})` : ''}${facts.exitMeaning ? `; the exit code points at ${facts.exitMeaning}` : ''}.`,
      );
    }
    if (facts.ipmError) steps.push(`Event 5011 (fatal communication error with WAS) means the worker of ${pool} vanished without saying goodbye: it crashed, was killed (Task Manager, a script, a deployment tool) or was frozen by a debugger.`);
    if ((facts.abandoned ?? 0) > 0) steps.push('HTTP.sys logged Connection_Abandoned_By_AppPool (HTTPERR log): requests were queued or running in the worker when it went away.');
    steps.push(
      "In the Application log, read the events of the same second: '.NET Runtime' 1026 (managed exception and stack), 'Application Error' 1000 (exception code and faulting module), 'Windows Error Reporting' 1001. Paste them here: they tell which kind of crash it was.",
      'If nothing is logged, set up crash dumps (WER LocalDumps for w3wp.exe/dotnet.exe, or "procdump -accepteula -ma -e -t <PID> C:\\dumps") and wait for the next termination.',
      'Five crashes within five minutes (the default rapid-fail protection) disable the pool and every request gets 503 until it is started again: fix the crash rather than turning rapid-fail protection off.',
    );
    return steps;
  },
  fix({ facts }) {
    return {
      summary: `Find why the worker dies (crash events and dumps) and fix that crash${facts.exitMeaning ? `; the exit code suggests ${facts.exitMeaning}` : ''}. Restarting the pool only hides it until the next time.`,
      language: 'powershell',
      snippet: [
        '# Worker deaths (5009/5011) next to crash events of the same time',
        "$since = (Get-Date).AddDays(-7)",
        "Get-WinEvent -FilterHashtable @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WAS'; Id = 5009, 5011; StartTime = $since } | Format-List TimeCreated, Id, Message",
        "Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = '.NET Runtime', 'Application Error', 'Windows Error Reporting'; StartTime = $since } | Format-List TimeCreated, ProviderName, Id, Message",
      ].join('\n'),
    };
  },
  wants: ['event-log', 'iis-log'],
  references: [
    'https://learn.microsoft.com/windows/win32/wer/collecting-user-mode-dumps',
    'https://learn.microsoft.com/windows/win32/http/types-of-errors-logged-by-the-http-server-api',
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/failure',
  ],
});

/** The pool name from the WAS message when the parser did not fill `appPool`. */
function poolFrom(death: CrashEvent | undefined): string | undefined {
  return death ? /application pool '([^']+)'/.exec(death.event.message)?.[1] : undefined;
}

/** True when the evidence says how the process died (a specific crash cause applies). */
function specificDeath(evidence: Evidence, deaths: CrashEvent[]): boolean {
  if (processDeathSignals(evidence).length > 0) return true;
  if (crashEvents(evidence).some((c) => c.kind !== 'was-5009' && c.kind !== 'was-5011')) return true;
  // A 5009 exit code that names a crash type is specific too.
  return deaths.some((d) => d.code !== undefined && d.code !== '0xffffffff' && d.code !== '0x00000000' && EXIT_CODES[d.code] !== undefined);
}
