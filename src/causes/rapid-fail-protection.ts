/**
 * Rapid-fail protection stopped the app after repeated crashes. WAS disables the application pool
 * after rapidFailProtectionMaxCrashes worker failures within rapidFailProtectionInterval (5 within
 * 5 minutes by default); HTTP.sys then answers 503 with reason AppOffline until the pool is
 * started again. ANCM has its own per-minute limit for out-of-process apps (rapidFailsPerMinute,
 * 10 by default): past it, it stops starting dotnet.exe for the rest of the minute (event 1003,
 * ERROR_SERVER_DISABLED) and requests get 502.5. Either way the crashes are the real problem.
 */
import type { Evidence } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { aspNetCoreAttribute, codes, events, refsOf, signals, statuses } from './query';
import { crashEvents, eventName, type CrashEvent } from './support/crash-events';
import { APPCMD, configRef, count, eventAt, flat, gatewayErrors, poolArg, poolConfig, poolLabel, poolName } from './support/app-pools';

/** A short name for a crash event and its code, with the code's meaning when the paste decoded it. */
function describeCrash(evidence: Evidence, crash: CrashEvent): string {
  const decoded = crash.code ? codes(evidence, crash.code).find((c) => c.name || c.meaning) : undefined;
  const meaning = decoded ? ` (${decoded.name || decoded.meaning})` : '';
  return `${eventName(crash.event)}${crash.code ? ` with code ${crash.code}${meaning}` : ''}`;
}

interface RapidFailProtectionFacts {
  /** The event that says the pool or app was stopped, as "WAS 5002 (events.txt line 4)". */
  event?: string;
  /** WAS disabled the pool (5002/5059). */
  poolDisabled: boolean;
  /** ANCM hit its rapidFailsPerMinute limit (1003). */
  ancm: boolean;
  pool?: string;
  /** Crash events in the paste, and the first one in words. */
  crashes: number;
  crash?: string;
  /** The pool's rapidFailProtectionMaxCrashes, as pasted. */
  maxCrashes?: string;
  /** ANCM's limit, from its event or the web.config. */
  ancmLimit?: string;
  /** HTTP.sys logged 503s with reason AppOffline. */
  appOffline: boolean;
  /** 503 responses in the paste. */
  unavailable: number;
}

export default defineCause<RapidFailProtectionFacts>({
  id: 'rapid-fail-protection',
  title: 'Repeated crashes tripped rapid-fail protection and the app was taken offline',
  family: 'worker-recycle',
  layer: 'iis',
  clues: {
    // 5002 says in so many words that the pool was disabled after a series of failures.
    'was.rapid-fail': 'proves',
    'event.was.5002': 'strong',
    'event.was.5059': 'strong',
    'httperr.app-offline': 'strong',
    'ancm.rapid-fail-count': 'supports',
    'narrative.pool-stopped': 'supports',
  },
  description:
    'The worker (or ANCM\'s dotnet.exe child) crashed several times in a short window, so IIS disabled the application pool (or ANCM stopped restarting the app). Every request then fails with 503 (502.5 from ANCM) until the pool is started again, even though the trigger was a crash.',
  match(evidence) {
    const disabled = events(evidence, 'was', [5002, 5059]);
    const ancmLimit = events(evidence, 'ancm', [1003]).filter((e) => flat(e.message).includes('rapid fail count'));
    const appOffline = signals(evidence, 'httperr-reason').filter((s) => s.data.reason.toLowerCase() === 'appoffline');
    const serverDisabled = codes(evidence, 1341);
    if (disabled.length === 0 && ancmLimit.length === 0 && appOffline.length === 0 && serverDisabled.length === 0) return undefined;

    let base: number;
    if (disabled.length > 0) base = CONFIDENCE.strong;
    else if (ancmLimit.length > 0 || appOffline.length > 0) base = CONFIDENCE.likely;
    else base = CONFIDENCE.possible;

    const crashes = crashEvents(evidence);
    const unavailable = gatewayErrors(evidence, [503]);
    const startFailures = statuses(evidence, { status: 502, substatus: 5 });
    const boosts: number[] = [];
    if (disabled.length > 0 && (unavailable.length > 0 || appOffline.length > 0)) boosts.push(0.1);
    if (ancmLimit.length > 0 && startFailures.length > 0) boosts.push(0.1);
    if (crashes.length > 0) boosts.push(0.05);

    const pool = poolName(disabled) ?? poolName(crashes.map((c) => c.event));
    const config = poolConfig(evidence, pool);
    const maxCrashes = config?.rapidFailProtectionMaxCrashes;
    const limitMatch = ancmLimit[0] ? /count per minute of '(\d{1,4})'/.exec(flat(ancmLimit[0].message)) : null;
    const first = disabled[0] ?? ancmLimit[0];
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([
        ...disabled.map((e) => e.messageRef),
        ...ancmLimit.map((e) => e.ref),
        ...appOffline.map((s) => s.ref),
        ...crashes.map((c) => c.event.ref),
        ...serverDisabled.map((c) => c.ref),
        ...(maxCrashes && config ? [configRef(evidence, config, maxCrashes.line)] : []),
        ...unavailable,
        ...startFailures,
      ]),
      facts: {
        event: first ? eventAt(first) : undefined,
        poolDisabled: disabled.length > 0,
        ancm: ancmLimit.length > 0,
        pool,
        crashes: crashes.length,
        crash: crashes[0] ? describeCrash(evidence, crashes[0]) : undefined,
        maxCrashes: maxCrashes?.value,
        ancmLimit: limitMatch?.[1] ?? aspNetCoreAttribute(evidence, 'rapidFailsPerMinute')?.value,
        appOffline: appOffline.length > 0,
        unavailable: unavailable.length,
      },
    };
  },
  steps({ facts }) {
    const { pool, event } = facts;
    const unavailable = facts.unavailable ?? 0;
    const crashes = facts.crashes ?? 0;
    const steps: string[] = [];
    if (facts.poolDisabled && event !== undefined) {
      steps.push(
        `${event}: WAS disabled ${poolLabel(pool)} after its workers failed ${facts.maxCrashes !== undefined ? `${facts.maxCrashes} times (your rapidFailProtectionMaxCrashes)` : 'repeatedly (5 failures within 5 minutes by default)'}. From then on HTTP.sys answers every request with 503 Service Unavailable (HTTPERR reason AppOffline) without starting a worker; a proxy in front may show that as 502 or 503.${unavailable > 0 ? ` The paste has ${count(unavailable, '503 response')}.` : ''}`,
      );
    } else if (facts.ancm && event !== undefined) {
      steps.push(
        `${event}: the app's dotnet.exe process exited more than ${facts.ancmLimit !== undefined ? `${facts.ancmLimit} times` : 'rapidFailsPerMinute (10 by default) times'} in a minute, so ANCM stopped starting it for the rest of that minute (ERROR_SERVER_DISABLED, 0x8007053D); requests meanwhile get 502.5.`,
      );
    } else if (facts.appOffline) {
      steps.push('HTTP.sys logged 503s with reason AppOffline: the application pool had been disabled because of application errors (rapid-fail protection). Find WAS event 5002 in the System log to see which pool and when.');
    } else {
      steps.push('The code ERROR_SERVER_DISABLED (1341, 0x8007053D) is what ANCM returns once its rapid-fail limit has stopped the app. Find ANCM event 1003 ("Maximum rapid fail count per minute") and WAS 5002 in Event Viewer.');
    }
    if (crashes > 0 && facts.crash !== undefined) {
      steps.push(`The paste shows the crash that tripped it: ${facts.crash}${crashes > 1 ? `, and ${count(crashes - 1, 'more crash event')}` : ''}. That crash is the problem to fix; the protection only stopped the loop.`);
    } else {
      steps.push(
        'Find the crash that tripped it: in the System log, WAS 5009/5011 just before the 5002 give the process id and exit code; in the Application log, .NET Runtime 1026 and Application Error 1000 give the exception, and ANCM 1000/1010/1018/1020 give startup failures. Get-WinEvent -FilterHashtable @{LogName=\'System\'; ProviderName=\'Microsoft-Windows-WAS\'; Id=5002,5009,5011} -MaxEvents 20 | Format-List TimeCreated,Id,Message',
      );
    }
    steps.push(
      `After fixing the crash, start the pool again: Start-WebAppPool -Name '${poolArg(pool)}' (or ${APPCMD} start apppool /apppool.name:"${poolArg(pool)}"). A disabled pool stays stopped until someone starts it.`,
      'Do not switch rapid-fail protection off to make the 503s go away: the worker would crash-loop instead, failing requests just the same and hiding the crash.',
    );
    return steps;
  },
  fix({ facts }) {
    const pool = poolArg(facts.pool);
    return {
      summary: `Fix the crash that makes the worker fail${facts.crash !== undefined ? ` (${facts.crash})` : ''}, then start the pool again. Keep rapid-fail protection on: it turns a crash loop into a visible outage instead of a stream of broken requests.`,
      language: 'powershell',
      snippet: [
        'Import-Module WebAdministration',
        `Get-WebAppPoolState -Name '${pool}'    # Stopped while rapid-fail protection holds it`,
        `Start-WebAppPool -Name '${pool}'       # once the crash is fixed`,
        '# Keep the protection on (defaults: 5 failures within 5 minutes disable the pool)',
        `${APPCMD} set apppool "${pool}" /failure.rapidFailProtection:true`,
      ].join('\n'),
    };
  },
  wants: ['event-log', 'iis-log', 'stdout-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/failure',
    'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/dd364088(v=ws.10)',
    'https://learn.microsoft.com/windows/win32/http/types-of-errors-logged-by-the-http-server-api',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
  ],
});
