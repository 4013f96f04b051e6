/**
 * The application pool recycled its worker while requests were running: WAS logs why (elapsed
 * time, request count, schedule, memory, an administrator, a configuration change) and ANCM logs
 * that a web.config change restarted the app. In-process the app lives in w3wp, so a recycle stops
 * it; out-of-process the dotnet child process goes down with its w3wp. Requests in flight fail with
 * 502 (a proxy in front, or ANCM out-of-process) or 503 (ANCM in-process refusing new work).
 */
import type { AppPoolFacts, Evidence, WindowsEvent } from '../evidence/types';
import { defineCause } from './define-cause';
import { weighAll } from '../ranking/steps';
import { WAS_RECYCLE_CLUES } from '../evidence/clues/synonyms';
import { CONFIDENCE, boosted } from './confidence';
import { hostingModel, refsOf, statuses } from './query';
import {
  ALL_RECYCLE_REASONS,
  APPCMD,
  configRef,
  count,
  eventAt,
  flat,
  gatewayErrors,
  poolArg,
  poolConfig,
  poolLabel,
  poolName,
  settingSeconds,
} from './support/app-pools';

type ReasonKind = 'time' | 'requests' | 'schedule' | 'memory' | 'private-memory' | 'isapi' | 'admin' | 'config' | 'config-store' | 'unhealthy' | 'web-config';

/** What each WAS recycle event says, in words the steps can quote. */
const WAS_REASONS: Record<number, { kind: ReasonKind; reason: string }> = {
  5074: { kind: 'time', reason: 'it reached the pool\'s regular time interval (recycling/periodicRestart "time", 29 hours by default)' },
  5075: { kind: 'requests', reason: 'it served the pool\'s request limit (recycling/periodicRestart "requests")' },
  5076: { kind: 'schedule', reason: 'a scheduled recycle time came (recycling/periodicRestart/schedule)' },
  5077: { kind: 'memory', reason: 'it reached the pool\'s virtual memory limit (recycling/periodicRestart "memory")' },
  5078: { kind: 'isapi', reason: 'a module in the worker reported itself unhealthy and asked for a recycle' },
  5079: { kind: 'admin', reason: 'someone or something (an administrator, a deploy script, Restart-WebAppPool) asked for a recycle' },
  5080: { kind: 'config', reason: 'the application pool\'s settings were changed, which restarts its workers' },
  5081: { kind: 'config-store', reason: 'IIS found problems with its configuration store and recycled to reload it' },
  5117: { kind: 'private-memory', reason: 'it reached the pool\'s private bytes limit (recycling/periodicRestart "privateMemory")' },
};

/** Kinds that point at a problem rather than routine maintenance. */
const TELLING: ReasonKind[] = ['memory', 'private-memory', 'isapi', 'unhealthy'];

interface Recycle {
  event: WindowsEvent;
  kind: ReasonKind;
  reason: string;
}

function recycles(evidence: Evidence): Recycle[] {
  const out: Recycle[] = [];
  for (const event of evidence.events) {
    const known = event.family === 'was' ? WAS_REASONS[event.id] : undefined;
    if (known) out.push({ event, ...known });
    else if (event.family === 'w3svc-wp' && event.id === 2299) out.push({ event, kind: 'unhealthy', reason: 'the application reported itself unhealthy and the worker asked for a recycle' });
    else if (event.family === 'ancm' && (event.id === 1021 || event.id === 1022 || flat(event.message).includes('was recycled due to configuration change'))) {
      out.push({ event, kind: 'web-config', reason: 'its web.config changed, and ANCM restarts the app on every configuration change' });
    } else if (event.family === 'ancm' && flat(event.message).includes('was recycled after detecting file change in application directory')) {
      out.push({ event, kind: 'web-config', reason: 'files changed in the application folder while shadow copying is on' });
    }
  }
  return out;
}

/** The pool setting that explains a reason, when the pasted pool has it set. */
function explainingSetting(pool: AppPoolFacts, kind: ReasonKind): { name: string; value: string; line: number } | undefined {
  const pick = (name: string, located: { value: string; line: number } | undefined): { name: string; value: string; line: number } | undefined =>
    located && located.value.trim() !== '' && located.value.trim() !== '0' && settingSeconds(located.value) !== 0 ? { name, ...located } : undefined;
  switch (kind) {
    case 'time':
      return pick('periodicRestart time', pool.periodicRestartTime);
    case 'requests':
      return pick('periodicRestart requests', pool.periodicRestartRequests);
    case 'memory':
      return pick('periodicRestart memory', pool.periodicRestartMemoryKb);
    case 'private-memory':
      return pick('periodicRestart privateMemory', pool.periodicRestartPrivateMemoryKb);
    default:
      return undefined;
  }
}

/**
 * A pool whose settings recycle it within a working day or on memory: a risk on its own. The kind
 * is the recycle reason that setting would log, so that steps and fix advise on that setting.
 */
function riskySetting(pool: AppPoolFacts): { name: string; kind: ReasonKind; value: string; line: number } | undefined {
  const time = settingSeconds(pool.periodicRestartTime?.value);
  if (pool.periodicRestartTime && time !== undefined && time > 0 && time < 86400) return { name: 'periodicRestart time', kind: 'time', ...pool.periodicRestartTime };
  for (const [name, kind, located] of [
    ['periodicRestart privateMemory', 'private-memory', pool.periodicRestartPrivateMemoryKb],
    ['periodicRestart memory', 'memory', pool.periodicRestartMemoryKb],
  ] as const) {
    if (located && Number(located.value) > 0) return { name, kind, ...located };
  }
  return undefined;
}

interface AppPoolRecycleFacts {
  /** No recycle event was pasted: a pool setting that recycles it often, plus gateway errors. */
  configOnly?: boolean;
  /** The recycle reason: from the most telling event, or the one the risky setting would log. */
  kind: ReasonKind;
  /** The reason in words, from the event. */
  reason?: string;
  /** The event, as "WAS 5074 (events.txt line 4)". */
  event?: string;
  pool?: string;
  processId?: number;
  /** How many recycle events were pasted, and their kinds ("time, memory"). */
  recycles?: number;
  kinds?: string;
  /** 502/503 responses in the paste. */
  errors: number;
  /** The pool setting that explains the recycle, and its value. */
  setting?: string;
  value?: string;
  hosting?: 'inprocess' | 'outofprocess';
}

export default defineCause<AppPoolRecycleFacts>({
  id: 'app-pool-recycle',
  title: 'The IIS application pool recycled its worker while requests were running',
  family: 'worker-recycle',
  layer: 'iis',
  clues: {
    ...weighAll(WAS_RECYCLE_CLUES, 'strong'),
    'narrative.recycle-words': 'supports',
    // A worker that overran its shutdown limit explains the failures better than the recycle that
    // started the shutdown (app-shutting-down).
    'was.shutdown-timeout': 'against',
    // Requests refused (1255) or cancelled (12017) because the app was shutting down: the drain is
    // what failed them, and app-shutting-down's steps fix that.
    'win32.1255': 'against',
    'win32.12017': 'against',
  },
  description:
    'IIS recycled the worker process of the application pool (time interval, schedule, memory limit, request limit, a settings change or a manual recycle), or ANCM restarted the app after a web.config change. Requests running in the old worker at that moment were cut off.',
  match(evidence) {
    const found = recycles(evidence);
    const errors = gatewayErrors(evidence, [502, 503]);
    if (found.length === 0) {
      // No recycle event: a pool set to recycle often, plus 502/503s, is a candidate and no more;
      // 502s only told of in a sentence ("we get random 502s") make it a weaker one.
      const risky = evidence.appPools.map((p) => ({ pool: p, setting: riskySetting(p) })).find((r) => r.setting);
      const reported = errors.length > 0 ? errors : statuses(evidence, { status: [502, 503] });
      if (!risky?.setting || reported.length === 0) return undefined;
      return {
        confidence: errors.length > 0 ? CONFIDENCE.weak + 0.05 : CONFIDENCE.weak,
        evidence: refsOf([configRef(evidence, risky.pool, risky.setting.line), ...reported]),
        facts: { configOnly: true, kind: risky.setting.kind, pool: risky.pool.name, setting: risky.setting.name, value: risky.setting.value, errors: reported.length },
      };
    }

    const first = found.find((r) => TELLING.includes(r.kind)) ?? found[0];
    if (!first) return undefined;
    const pool = poolName(found.map((r) => r.event));
    const config = poolConfig(evidence, pool);
    const setting = config ? explainingSetting(config, first.kind) : undefined;
    const kinds = [...new Set(found.map((r) => r.kind))];
    const shutdownRows = statuses(evidence, { status: 503, win32: [1115, 1255], origin: 'iis-log' });

    // A routine recycle is proof that one happened, not that it broke requests: between possible and likely.
    const base = TELLING.includes(first.kind) || found.length >= 2 ? CONFIDENCE.likely : (CONFIDENCE.possible + CONFIDENCE.likely) / 2;
    const boosts: number[] = [];
    if (errors.length > 0) boosts.push(0.15);
    if (shutdownRows.length > 0 || statuses(evidence, { status: 502, substatus: 3, win32: [12030, 12031, 64, 1236] }).length > 0) boosts.push(0.1);
    if (setting) boosts.push(0.1);

    const facts: AppPoolRecycleFacts = {
      kind: first.kind,
      reason: first.reason,
      event: eventAt(first.event),
      pool,
      processId: first.event.processId,
      recycles: found.length,
      kinds: kinds.join(', '),
      errors: errors.length,
      setting: setting?.name,
      value: setting?.value,
      hosting: hostingModel(evidence),
    };
    return {
      // Times are not correlated (event time zones vary), so even full corroboration stays below certain.
      confidence: Math.min(boosted(base, ...boosts), CONFIDENCE.strong + 0.05),
      evidence: refsOf([first.event.messageRef, ...found.map((r) => r.event.ref), ...(setting && config ? [configRef(evidence, config, setting.line)] : []), ...shutdownRows, ...errors]),
      facts,
    };
  },
  steps({ facts }) {
    const { pool, setting, value, event, reason } = facts;
    const errors = facts.errors ?? 0;
    const recycles = facts.recycles ?? 0;
    const steps: string[] = [];
    if (facts.configOnly && setting !== undefined && value !== undefined) {
      steps.push(
        `No recycle event was pasted, but ${poolLabel(pool)} has ${setting} = "${value}", so IIS recycles it regularly, and the paste shows ${count(errors, '502/503 response')}. Check whether the failures line up with recycles: open Event Viewer > Windows Logs > System, filter on source WAS, ids 5074-5081 and 5117.`,
      );
    } else if (event === undefined || reason === undefined) {
      // No facts: the cause won on its clues alone, so say where the recycle and its reason are written.
      steps.push(
        `Find the recycle and its reason: in Event Viewer > Windows Logs > System, source WAS, events 5074-5081 and 5117 say why ${poolLabel(pool)} recycled its worker (elapsed time, request count, schedule, memory limits, a settings change or a manual recycle); in the Application log, ANCM 1021/1022 mean a web.config change restarted the app.`,
      );
    } else {
      steps.push(
        `${event} says the worker${facts.processId !== undefined ? ` (process ${facts.processId})` : ''} of ${poolLabel(pool)} was recycled because ${reason}.${recycles > 1 && facts.kinds !== undefined ? ` The paste holds ${count(recycles, 'recycle event')} (${facts.kinds}).` : ''}`,
      );
      if (setting && value !== undefined) steps.push(`The pasted pool settings confirm it: ${setting} = "${value}".`);
    }
    steps.push(
      `Line the failures up with the recycles: IIS log times are UTC while Event Viewer shows local time. 502/503 rows in the seconds around a recycle (or 503 with sc-win32-status 1115/1255, "shutdown in progress") are the requests it cut off.${errors > 0 && !facts.configOnly ? ` The paste has ${count(errors, '502/503 response')} to compare.` : ''}`,
    );
    switch (facts.kind) {
      case 'time':
      case 'schedule':
      case 'requests':
        steps.push(`Read the recycling settings: ${APPCMD} list apppool "${poolArg(pool)}" /text:recycling.periodicRestart. A time of 00:00:00 and requests 0 mean off; schedule entries are the times of day it recycles.`);
        break;
      case 'memory':
      case 'private-memory':
        steps.push(
          `Find out why the worker grows to the limit: watch it with "dotnet-counters monitor -n w3wp --counters System.Runtime" (in-process) or on dotnet.exe (out-of-process). Memory that only climbs is a leak: take "dotnet-gcdump collect -p <pid>" twice a few minutes apart and compare what grows.`,
          `Read the limits: ${APPCMD} list apppool "${poolArg(pool)}" /text:recycling.periodicRestart.privateMemory (KB; 0 = no limit).`,
        );
        break;
      case 'admin':
        steps.push('Find who recycles the pool: deployment pipelines, monitoring or scheduled tasks calling Restart-WebAppPool / appcmd recycle apppool. Move those to quiet hours or drain the server from the load balancer first.');
        break;
      case 'config':
      case 'config-store':
      case 'web-config':
        steps.push('Find what changes the configuration at those times (deployments, scripts editing web.config or applicationHost.config, a shared-configuration share). Every change restarts the app; batch changes and make them in quiet hours.');
        break;
      case 'isapi':
      case 'unhealthy':
        steps.push('Look at the events just before the recycle (Application log, sources IIS AspNetCore Module V2 and .NET Runtime): the app reported itself unhealthy, usually after failures that are the real problem.');
        break;
      default:
        steps.push(`Read the recycling settings: ${APPCMD} list apppool "${poolArg(pool)}" /text:recycling. A regular time interval, a request limit or memory limits recycle the pool on their own; a manual or configuration recycle means something changed it.`);
        break;
    }
    const hosting = facts.hosting === 'inprocess' ? 'in-process (the app runs inside w3wp.exe, so the recycle stops the app itself)' : facts.hosting === 'outofprocess' ? 'out-of-process (the dotnet.exe child goes down with its w3wp.exe)' : undefined;
    steps.push(
      `${hosting ? `Your app is hosted ${hosting}. ` : ''}Overlapped recycling (disallowOverlappingRotation="false", the default) starts the new worker first, but requests still running in the old one are cut when it stops, and in-process ANCM answers 503 to requests that reach the stopping worker. Log every recycle reason so the next one is explained: ${APPCMD} set apppool "${poolArg(pool)}" /recycling.logEventOnRecycle:"${ALL_RECYCLE_REASONS}".`,
    );
    return steps;
  },
  fix({ facts }) {
    const pool = poolArg(facts.pool);
    const lines = [`# Application pool "${pool}"`];
    let summary: string;
    switch (facts.kind) {
      case 'memory':
      case 'private-memory':
        summary = 'Fix the memory growth (leak, unbounded cache) first; then give the pool generous limits or none, because recycling on memory under load cuts requests in a storm of 502s.';
        lines.push('# After fixing the growth: no private-bytes / virtual-memory recycling (or set a generous limit, in KB)', `${APPCMD} set apppool "${pool}" /recycling.periodicRestart.privateMemory:0`, `${APPCMD} set apppool "${pool}" /recycling.periodicRestart.memory:0`);
        break;
      case 'requests':
        summary = 'Stop recycling on a request count: it restarts a busy app at its busiest. Turn the limit off.';
        lines.push(`${APPCMD} set apppool "${pool}" /recycling.periodicRestart.requests:0`);
        break;
      case 'admin':
      case 'config':
      case 'config-store':
      case 'web-config':
        summary = 'Make planned restarts (manual recycles, configuration and web.config changes) in quiet hours, after taking the server out of the load balancer, and keep overlapped recycling on.';
        lines.push(`${APPCMD} set apppool "${pool}" /recycling.disallowOverlappingRotation:false`);
        break;
      case 'isapi':
      case 'unhealthy':
        summary = 'Fix what makes the app report itself unhealthy (see the events before the recycle); keep overlapped recycling on so a restart costs as little as possible.';
        lines.push(`${APPCMD} set apppool "${pool}" /recycling.disallowOverlappingRotation:false`);
        break;
      case 'time':
      case 'schedule':
        summary = 'Do not recycle on elapsed time during the day: set the regular time interval to 0 and, if you want a periodic restart at all, schedule one at a quiet hour.';
        lines.push(
          '# No recycling every N hours; one scheduled recycle at a quiet hour instead',
          `${APPCMD} set apppool "${pool}" /recycling.periodicRestart.time:00:00:00`,
          `${APPCMD} set apppool "${pool}" /+"recycling.periodicRestart.schedule.[value='03:00:00']"`,
          `${APPCMD} set apppool "${pool}" /recycling.disallowOverlappingRotation:false`,
        );
        break;
      default:
        // The reason is unknown: advice that holds whatever it was.
        summary = 'Find why the pool recycles (the WAS event says) and stop routine recycles during the day: recycling on elapsed time, a request count or memory limits cuts the requests in flight. Keep overlapped recycling on, and log every recycle reason.';
        lines.push(`${APPCMD} set apppool "${pool}" /recycling.disallowOverlappingRotation:false`);
        break;
    }
    lines.push('# Log every recycle reason from now on', `${APPCMD} set apppool "${pool}" /recycling.logEventOnRecycle:"${ALL_RECYCLE_REASONS}"`);
    return { summary, snippet: lines.join('\n'), language: 'powershell' };
  },
  wants: ['event-log', 'iis-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/recycling/',
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/recycling/periodicrestart/',
    'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/cc735206(v=ws.10)',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting',
    'https://github.com/dotnet/aspnetcore/issues/27629',
  ],
});
