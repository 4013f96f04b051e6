/**
 * IIS shuts a worker down after the pool's idleTimeout (20 minutes by default) without requests.
 * Nothing is cut at that moment; the damage is the next request, which has to start w3wp, the .NET
 * runtime and the app again. A slow cold start then fails at whatever waits least: ANCM's
 * startupTimeLimit, a load balancer or CDN timeout, or the client.
 */
import type { Evidence } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { events, refsOf, statuses } from './query';
import { APPCMD, configRef, count, eventAt, flat, gatewayErrors, poolArg, poolConfig, poolLabel, poolName, settingSeconds } from './support/app-pools';

/** ANCM events that say a start was slow or failed: what a cold start after idling runs into. */
function coldStartFailures(evidence: Evidence): ReturnType<typeof events> {
  return events(evidence, 'ancm', [1000, 1007, 1020]).filter((e) => {
    const text = flat(e.message);
    return text.includes("didn't initialize after") || text.includes('failed to start process') || text.includes('failed to listen');
  });
}

interface AppPoolIdleShutdownFacts {
  /** No shutdown event was pasted: a pool with an idle timeout, plus gateway errors. */
  configOnly?: boolean;
  /** The WAS 5186 event, as "WAS 5186 (events.txt line 4)". */
  event?: string;
  pool?: string;
  processId?: number;
  /** The idle timeout in minutes, from the event or the pool settings. */
  minutes?: number;
  /** How many idle shutdowns were pasted. */
  shutdowns?: number;
  /** The pool's idleTimeout and startMode, as pasted. */
  idleTimeout?: string;
  startMode?: string;
  /** ANCM start failures in the paste: the cold start after the shutdown failed. */
  coldStartFailures?: number;
}

export default defineCause<AppPoolIdleShutdownFacts>({
  id: 'app-pool-idle-shutdown',
  title: 'The application pool shut down when idle, and the cold start after it failed',
  family: 'worker-recycle',
  layer: 'iis',
  clues: {
    'was.idle-shutdown': 'strong',
    'event.was.5186': 'strong',
    'narrative.after-idle': 'supports',
  },
  description:
    'IIS stopped the worker process after the pool had no requests for its idle timeout. The next request had to start the worker and the ASP.NET Core app from scratch, and that cold start took longer than the gateway in front was willing to wait.',
  match(evidence) {
    const shutdowns = events(evidence, 'was', [5186]);
    const errors = gatewayErrors(evidence, [502, 503, 504]);
    const pool = poolName(shutdowns);
    const config = poolConfig(evidence, pool);
    const idleSeconds = settingSeconds(config?.idleTimeout?.value);
    const idleOn = config?.idleTimeout !== undefined && idleSeconds !== undefined && idleSeconds > 0;

    if (shutdowns.length === 0) {
      // A pool left at a non-zero idle timeout plus gateway errors: a weak candidate only.
      if (!config?.idleTimeout || !idleOn || errors.length === 0) return undefined;
      return {
        confidence: CONFIDENCE.weak,
        evidence: refsOf([configRef(evidence, config, config.idleTimeout.line), ...errors]),
        facts: { configOnly: true, pool: config.name, minutes: Math.round((idleSeconds ?? 0) / 60), idleTimeout: config.idleTimeout.value, startMode: config.startMode?.value },
      };
    }

    const first = shutdowns[0];
    if (!first) return undefined;
    const minutesMatch = /configuration was set to (\d{1,6}) minutes/.exec(flat(first.message));
    const minutes = minutesMatch ? Number(minutesMatch[1]) : idleOn ? Math.round((idleSeconds ?? 0) / 60) : undefined;
    const coldStart = coldStartFailures(evidence);
    const slowFailures = statuses(evidence, { status: [502, 503, 504] }).filter((s) => (s.timeTakenMs ?? 0) >= 10000);

    const boosts: number[] = [];
    if (errors.length > 0) boosts.push(0.1);
    if (coldStart.length > 0) boosts.push(0.1);
    if (slowFailures.length > 0) boosts.push(0.05);
    if (idleOn) boosts.push(0.05);
    return {
      confidence: boosted(CONFIDENCE.possible, ...boosts),
      evidence: refsOf([first.messageRef, ...shutdowns.map((e) => e.ref), ...coldStart.map((e) => e.ref), ...(config?.idleTimeout ? [configRef(evidence, config, config.idleTimeout.line)] : []), ...slowFailures, ...errors]),
      facts: {
        event: eventAt(first),
        pool,
        processId: first.processId,
        minutes,
        shutdowns: shutdowns.length,
        idleTimeout: config?.idleTimeout?.value,
        startMode: config?.startMode?.value,
        coldStartFailures: coldStart.length,
      },
    };
  },
  steps({ facts }) {
    const { pool, minutes } = facts;
    const shutdowns = facts.shutdowns ?? 0;
    const coldStartFailures = facts.coldStartFailures ?? 0;
    const idle = minutes !== undefined ? `${minutes} minutes` : 'its idle timeout';
    const steps: string[] = [];
    if (facts.configOnly && facts.idleTimeout !== undefined) {
      steps.push(`No shutdown event was pasted, but ${poolLabel(pool)} has idleTimeout="${facts.idleTimeout}", so IIS stops its worker after ${idle} without requests. Look for WAS event 5186 in the System log around the failures.`);
    } else if (facts.event === undefined) {
      // No facts: the cause won on its clues alone, so say where the shutdowns are written.
      steps.push(
        `IIS stops the worker of ${poolLabel(pool)} after ${minutes !== undefined ? idle : 'its idle timeout (20 minutes by default)'} without requests, and WAS logs event 5186 in the System log each time. The next request has to start w3wp.exe, the .NET runtime and the app again.`,
      );
    } else {
      steps.push(
        `${facts.event}: IIS stopped the worker${facts.processId !== undefined ? ` (process ${facts.processId})` : ''} of ${poolLabel(pool)} after ${idle} without requests.${shutdowns > 1 ? ` It happened ${count(shutdowns, 'time')} in the paste.` : ''} The next request had to start w3wp.exe, the .NET runtime and the app again.`,
      );
    }
    if (coldStartFailures > 0) steps.push(`The paste also has ${count(coldStartFailures, 'ANCM start failure')}: the cold start itself failed or ran past startupTimeLimit.`);
    steps.push(
      `Check that the failing requests are the first ones after a quiet period: in the IIS log, the 502/503/504 row follows a gap of ${minutes !== undefined ? `at least ${minutes} minutes` : 'the idle timeout or more'} and has a long time-taken.`,
      'Measure the cold start: recycle the pool, request the site once and time it; in the stdout log the gap between the process start and "Application started." is the app\'s own share. Compare with what waits in front: ANCM startupTimeLimit (120 s by default), a load balancer or CDN timeout.',
      `Read the pool settings: ${APPCMD} list apppool "${poolArg(pool)}" /text:processModel.idleTimeout and /text:startMode${facts.startMode !== undefined ? ` (pasted: startMode="${facts.startMode}")` : ''}.`,
    );
    return steps;
  },
  fix({ facts }) {
    const pool = poolArg(facts.pool);
    return {
      summary:
        'Keep the app warm: set the pool\'s idle timeout to 0, start it with AlwaysRunning and preload the application (Application Initialization), so no user request ever pays for a cold start. Shortening startup work (migrations, warm-up) helps too.',
      language: 'powershell',
      snippet: [
        `# Application pool "${pool}": never stop for inactivity, start with IIS`,
        `${APPCMD} set apppool "${pool}" /processModel.idleTimeout:00:00:00`,
        `${APPCMD} set apppool "${pool}" /startMode:AlwaysRunning`,
        '# Preload the app when the worker starts (needs the Application Initialization feature: Install-WindowsFeature Web-AppInit)',
        `${APPCMD} set app "<site name>/" /preloadEnabled:true`,
      ].join('\n'),
    };
  },
  wants: ['event-log', 'iis-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/processmodel',
    'https://learn.microsoft.com/iis/get-started/whats-new-in-iis-8/iis-80-application-initialization',
    'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/dd364096(v=ws.10)',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
  ],
});
