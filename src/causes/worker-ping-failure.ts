/**
 * WAS pings each worker process every pingInterval (30 s) and expects an answer within
 * pingResponseTime (1 min 30 s). A worker that does not answer is considered hung and is killed
 * and replaced: requests in it fail, and new ones wait for the replacement (502/503 burst).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { events, refsOf, signals, statuses } from './query';
import { inFlightFailureRefs } from './support/crash-events';

interface WorkerPingFailureFacts {
  pool?: string;
  /** The process id and time of the first ping failure. */
  pid?: number;
  time?: string;
  /** WAS ping failures (5010). */
  count: number;
  /** Kestrel's slow-heartbeat warnings are in the paste too. */
  starvation: boolean;
}

export default defineCause<WorkerPingFailureFacts>({
  id: 'worker-ping-failure',
  title: 'The worker process hung and WAS killed it after a failed ping',
  family: 'resource-exhaustion',
  layer: 'app',
  clues: {
    'was.ping-failure': 'proves',
    'event.was.5010': 'proves',
  },
  description:
    'The IIS worker process did not answer the health ping of the Windows Process Activation Service within pingResponseTime (1 min 30 s by default). WAS treats it as hung, terminates it and starts a new one, so in-flight requests fail and new ones see 502/503 until the replacement is up.',
  match(evidence) {
    const pings = events(evidence, 'was', [5010]);
    if (pings.length === 0) return undefined;
    const failures = [...inFlightFailureRefs(evidence), ...statuses(evidence, { status: [502, 503], origin: 'iis-log' }).map((s) => s.ref)];
    const boosts: number[] = [];
    if (failures.length > 0) boosts.push(0.1);
    if (pings.length >= 2) boosts.push(0.05);
    const first = pings[0];
    return {
      confidence: boosted(CONFIDENCE.likely, ...boosts),
      evidence: refsOf([...pings.map((e) => e.ref), ...failures]),
      facts: {
        pool: first?.appPool ?? (first ? /application pool '([^']+)'/.exec(first.message)?.[1] : undefined),
        pid: first?.processId,
        count: pings.length,
        time: first?.time,
        starvation: signals(evidence, 'kestrel-heartbeat-slow').length > 0,
      },
    };
  },
  steps({ facts }) {
    // 'MyPool' stands in for an unknown pool name in commands, never in a sentence about the evidence.
    const pool = facts.pool || 'MyPool';
    const failures = facts.count !== undefined ? `${facts.count} ping failure${facts.count === 1 ? '' : 's'}` : 'ping failures';
    const steps = [
      `WAS logged ${failures} (event 5010) for ${facts.pool ? `application pool '${pool}'` : 'the application pool'}${facts.pid !== undefined ? ` (PID ${facts.pid})` : ''}${facts.time ? ` at ${facts.time}` : ''}: the worker stopped answering for longer than pingResponseTime (1 min 30 s by default) and was killed. The kill is the symptom; the hang is the problem.`,
    ];
    if (facts.starvation) steps.push('Kestrel slow heartbeat warnings in the same evidence point at thread pool starvation as the reason for the hang.');
    steps.push(
      'Capture the hang before WAS kills it: turn pinging off for the pool for the investigation only ("Set-ItemProperty IIS:\\AppPools\\' + pool + ' -Name processModel.pingingEnabled -Value $false"), wait for the next hang, then "procdump -accepteula -ma -n 3 -s 10 <PID> C:\\dumps" (3 dumps 10 s apart; DebugDiag hang rules work too). Turn pinging back on afterwards.',
      'Read the dumps: "dotnet-dump analyze" (or WinDbg with SOS) then "clrstack -all", "threadpool", "syncblk": many threads in the same wait (Task.Wait, Monitor.Enter, SqlConnection.Open) mean starvation or a lock; one thread at 100% CPU means a runaway loop; a long "GC" phase means memory pressure.',
      'Check CPU and memory of the server at that time (Performance Monitor, the hosting panel): a machine that is out of CPU or paging heavily can also miss pings.',
    );
    return steps;
  },
  fix({ facts }) {
    const pool = facts.pool || 'MyPool';
    return {
      summary: 'Fix what hangs the worker (blocking calls, locks, runaway loops, memory pressure; the dumps say which). Do not leave pinging disabled or pingResponseTime raised as the fix: WAS would then keep a hung worker alive.',
      language: 'powershell',
      snippet: [
        'Import-Module WebAdministration',
        '# Investigation only: keep the hung worker alive long enough to dump it',
        `Set-ItemProperty IIS:\\AppPools\\${pool} -Name processModel.pingingEnabled -Value $false`,
        '# ... capture dumps with procdump while it hangs, then restore the default health check:',
        `Set-ItemProperty IIS:\\AppPools\\${pool} -Name processModel.pingingEnabled -Value $true`,
        `Set-ItemProperty IIS:\\AppPools\\${pool} -Name processModel.pingResponseTime -Value '00:01:30'`,
      ].join('\n'),
    };
  },
  wants: ['event-log', 'stdout-log', 'iis-log'],
  references: [
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/processmodel',
    'https://learn.microsoft.com/dotnet/api/microsoft.web.administration.applicationpoolprocessmodel.pingresponsetime?view=iis-dotnet',
    'https://learn.microsoft.com/sysinternals/downloads/procdump',
  ],
});
