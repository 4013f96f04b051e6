/**
 * The app was shutting down (a recycle, app_offline.htm, a configuration change, IIS stopping)
 * and requests were caught in it: in-process ANCM refuses requests that reach a stopping app with
 * 503 (ERROR_SHUTDOWN_IN_PROGRESS 1115, ERROR_SERVER_SHUTDOWN_IN_PROGRESS 1255), out-of-process
 * ANCM with E_APPLICATION_EXITING; and when the app does not finish within shutdownTimeLimit (ANCM,
 * 10 s by default) or the pool's shutdownTimeLimit (90 s), it is killed with requests still running.
 * Requests already forwarded when the worker or app stops fail with 502.3 and
 * ERROR_WINHTTP_OPERATION_CANCELLED (12017): the proxy closed their WinHTTP handles.
 */
import type { Evidence } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { aspNetCoreAttribute, codes, events, hostingModel, refsOf, signals, statuses } from './query';
import { recycleEvents } from './support/crash-events';
import { failureRefs, gatewayFailure, recordedCount, windowText, win32Label } from './support/gateway-failures';
import { APPCMD, count, eventAt, flat, poolArg, poolLabel, poolName } from './support/app-pools';
import { hostingModelAttribute } from './support/hosting-model';

/** ANCM's default shutdownTimeLimit, in seconds. */
const ANCM_DEFAULT_SHUTDOWN = 10;
/** What the seed article recommends for ANCM's shutdownTimeLimit. */
const RECOMMENDED_SHUTDOWN = 20;
/** Win32 codes of a request refused because the app is shutting down. */
const SHUTDOWN_WIN32 = [1115, 1255];
/** HRESULT spellings of the same, plus E_APPLICATION_EXITING of out-of-process ANCM. */
const SHUTDOWN_HRESULTS = ['0x8007045B', '0x800704E7', '0x8000001A'];
/**
 * ERROR_WINHTTP_OPERATION_CANCELLED: a forwarded request whose WinHTTP handle was closed before the
 * answer came, which ANCM and ARR do when the worker or the app stops (or the client aborted).
 */
const CANCELLED = [12017];

function shutdownTimeouts(evidence: Evidence): ReturnType<typeof events> {
  const ancm = events(evidence, 'ancm', [1005]).filter((e) => flat(e.message).includes('Failed to gracefully shutdown'));
  return [...ancm, ...events(evidence, 'was', [5013])];
}

/** The recommended ANCM shutdownTimeLimit: 20 s, or double the current value when it is already 20 or more. */
function recommended(current: number): number {
  return current < RECOMMENDED_SHUTDOWN ? RECOMMENDED_SHUTDOWN : Math.min(600, current * 2);
}

interface AppShuttingDownFacts {
  /** The shutdown-timeout events (ANCM 1005, WAS 5013), as "WAS 5013 (events.txt line 4)". */
  ancmEvent?: string;
  wasEvent?: string;
  pool?: string;
  /** 503 rows refused with 1115/1255 while the app was stopping. */
  refused: number;
  /** The shutdown codes the paste names ("1255, 0x800704E7"). */
  codes?: string;
  /** The event that started the shutdown (a recycle, app_offline.htm). */
  trigger?: string;
  /** ANCM's shutdownTimeLimit in seconds: configured, or the default. */
  shutdownTimeLimit: number;
  isDefault: boolean;
  /** The shutdownTimeLimit to recommend, in seconds. */
  recommended: number;
  hosting?: 'inprocess' | 'outofprocess';
  /** 502.3 rows with 12017: forwarded requests cancelled by the stop. */
  cancelled: boolean;
  cancelledCount: number;
  cancelledWindow?: string;
  /** Where the app logged "Application is shutting down...". */
  stoppingAt?: string;
}

export default defineCause<AppShuttingDownFacts>({
  id: 'app-shutting-down',
  title: 'Requests reached the app while it was shutting down, or its shutdown ran past the time limit',
  family: 'worker-recycle',
  layer: 'ancm',
  clues: {
    'ancm.shutting-down': 'strong',
    'hosting.shutting-down': 'supports',
    'hosting.shutdown-path': 'strong',
    'narrative.shutdown-words': 'supports',
    'ancm.graceful-shutdown-failed': 'strong',
    // 5013: the old worker overran its shutdown limit and was killed with requests in flight.
    'was.shutdown-timeout': 'proves',
    // ERROR_SERVER_SHUTDOWN_IN_PROGRESS: ANCM's 503 while the app drains.
    'win32.1255': 'proves',
    // ERROR_WINHTTP_OPERATION_CANCELLED: ANCM cancelled the forwarded request (the app stopping,
    // or a client hanging up).
    'win32.12017': 'supports',
    'ancm.recycled-config-change': 'supports',
  },
  description:
    'The app was stopping (recycle, app_offline.htm, a configuration change) while requests kept coming. ANCM refuses new requests to a stopping app with 503, and when the app does not finish its shutdown within shutdownTimeLimit, ANCM or IIS kill it, and the requests still running fail.',
  match(evidence) {
    const timeouts = shutdownTimeouts(evidence);
    const refusedRows = statuses(evidence, { status: 503, win32: SHUTDOWN_WIN32 });
    const shutdownCodes = [...codes(evidence, ...SHUTDOWN_WIN32), ...codes(evidence, ...SHUTDOWN_HRESULTS)];
    const debugCodes = signals(evidence, 'ancm-debug-hresult').filter((s) => SHUTDOWN_HRESULTS.includes(s.data.hresult.toUpperCase().replace('0X', '0x')));
    // 12017 is common outside IIS (a cancelled download): only a 502.3 makes it a forwarded request.
    const found = gatewayFailure(evidence, CANCELLED);
    const cancelled = found?.paired ? found : undefined;
    if (timeouts.length === 0 && refusedRows.length === 0 && shutdownCodes.length === 0 && debugCodes.length === 0 && !cancelled) return undefined;

    const trigger = recycleEvents(evidence).filter((e) => !(e.family === 'ancm' && e.id === 1005));
    const stopping = signals(evidence, 'host-stopping');
    // Refused requests alone are a symptom of whatever stopped the app; when that trigger is in the
    // paste (a recycle, app_offline.htm), its own cause explains more and should rank first.
    let base: number = CONFIDENCE.possible;
    if (timeouts.length > 0) base = CONFIDENCE.likely;
    else if (refusedRows.length > 0) base = trigger.length > 0 ? CONFIDENCE.likely - 0.1 : CONFIDENCE.likely;
    // Cancelled forwards alone could also be clients hanging up; a shutdown beside them makes it likely.
    else if (cancelled) base = trigger.length > 0 || stopping.length > 0 ? CONFIDENCE.likely - 0.05 : CONFIDENCE.possible;
    const attribute = aspNetCoreAttribute(evidence, 'shutdownTimeLimit');
    const limit = attribute ? Number(attribute.value) : ANCM_DEFAULT_SHUTDOWN;
    const boosts: number[] = [];
    if (timeouts.length > 0 && (refusedRows.length > 0 || shutdownCodes.length > 0 || cancelled)) boosts.push(0.15);
    if (trigger.length > 0 && timeouts.length > 0) boosts.push(0.05);
    if (timeouts.some((e) => e.family === 'ancm') && Number.isFinite(limit) && limit < RECOMMENDED_SHUTDOWN) boosts.push(0.05);

    const wasTimeout = timeouts.find((e) => e.family === 'was');
    const ancmTimeout = timeouts.find((e) => e.family === 'ancm');
    const current = Number.isFinite(limit) ? limit : ANCM_DEFAULT_SHUTDOWN;
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([
        ...timeouts.map((e) => e.messageRef),
        ...refusedRows,
        ...shutdownCodes.map((c) => c.ref),
        ...debugCodes.map((s) => s.ref),
        ...(cancelled ? failureRefs(cancelled).slice(0, 3) : []),
        ...trigger.map((e) => e.ref),
        ...(cancelled ? stopping.map((s) => s.ref) : []),
      ]),
      facts: {
        ancmEvent: ancmTimeout ? eventAt(ancmTimeout) : undefined,
        wasEvent: wasTimeout ? eventAt(wasTimeout) : undefined,
        pool: poolName(timeouts) ?? poolName(trigger),
        refused: refusedRows.length,
        codes: [...new Set([...shutdownCodes.map((c) => c.code), ...debugCodes.map((s) => s.data.hresult)])].join(', ') || undefined,
        trigger: trigger[0] ? eventAt(trigger[0]) : undefined,
        shutdownTimeLimit: current,
        isDefault: attribute === undefined,
        recommended: recommended(current),
        hosting: hostingModel(evidence),
        cancelled: cancelled !== undefined,
        cancelledCount: cancelled ? recordedCount(evidence, cancelled) : 0,
        cancelledWindow: cancelled ? windowText(evidence) : undefined,
        stoppingAt: cancelled && stopping[0] ? `${stopping[0].ref.source} line ${stopping[0].ref.line}` : undefined,
      },
    };
  },
  steps({ facts }) {
    const { pool } = facts;
    const refused = facts.refused ?? 0;
    const limit = `${facts.shutdownTimeLimit ?? ANCM_DEFAULT_SHUTDOWN} s${facts.isDefault === false ? ' in your web.config' : ', the default'}`;
    const steps: string[] = [];
    if (facts.ancmEvent !== undefined) {
      steps.push(`${facts.ancmEvent}: the app did not finish shutting down within ANCM's shutdownTimeLimit (${limit}), so ANCM stopped waiting and the requests still running were dropped.`);
    }
    if (facts.wasEvent !== undefined) {
      steps.push(`${facts.wasEvent}: the worker of ${poolLabel(pool)} did not stop within the pool's shutdownTimeLimit (90 s by default) and WAS killed it, with whatever it was still serving.`);
    }
    if (refused > 0) {
      steps.push(
        `The IIS log has ${count(refused, '503 row')} with sc-win32-status 1115/1255 (shutdown in progress): requests that reached the app while it was stopping. In-process ANCM answers those with 503 instead of queueing them for the new worker (dotnet/aspnetcore#27629, #41340).`,
      );
    } else if (facts.codes !== undefined) {
      steps.push(`The paste names ${facts.codes}: the app or ANCM was shutting down when requests arrived.`);
    }
    if (facts.cancelled === true) {
      const cancelled = facts.cancelledCount ?? 0;
      steps.push(
        `${cancelled > 0 ? `${count(cancelled, 'request')} ended` : 'The pasted text names requests ending'} in 502.3 with Win32 ${win32Label(12017)}${facts.cancelledWindow ? ` ${facts.cancelledWindow}` : ''}: the request had already been forwarded, and its WinHTTP handle was closed before the answer came back. ANCM (out-of-process) and ARR close those handles when the worker process or the app stops (a recycle, app_offline.htm, a deployment, a web.config change), and when the client aborts the request.`,
      );
      if (facts.stoppingAt !== undefined) {
        steps.push(`The app's own output says "Application is shutting down..." (${facts.stoppingAt}): it was stopping while those requests were in flight, which is what cancelled them.`);
      } else if (facts.trigger === undefined && facts.ancmEvent === undefined && facts.wasEvent === undefined) {
        steps.push(
          'Nothing pasted shows a shutdown yet: line the times of the 12017 rows up with WAS recycle events in the System log and ANCM 1012/1021/1033 in the Application log. If nothing stopped at those times, the clients hung up instead (their timeout, or a load balancer idle timeout in front); compare time-taken of those rows with it.',
        );
      }
    }
    steps.push(
      facts.trigger !== undefined
        ? `What started the shutdown: ${facts.trigger}. Make those restarts rarer and move them to quiet hours (see the recycle cause).`
        : 'Find what starts the shutdowns: WAS recycle events (5074-5081, 5117, 5186) in the System log, ANCM 1012 (app_offline.htm) or 1021 (web.config change) in the Application log.',
      'Find what keeps the app from stopping quickly: requests that run long, WebSockets or SignalR connections, IHostedService.StopAsync implementations that ignore their cancellation token, and HostOptions.ShutdownTimeout in Program.cs.',
      `Keep the limits in order: requests must finish within ANCM's shutdownTimeLimit, which must be shorter than the pool's: ${APPCMD} list apppool "${poolArg(pool)}" /text:processModel.shutdownTimeLimit.`,
    );
    if (facts.hosting === 'inprocess') steps.push('Your app runs in-process, where a stopping app refuses new requests with 503: take the server out of the load balancer (or let it drain) before planned recycles and deployments.');
    return steps;
  },
  fix({ evidence, facts }) {
    // Without facts the limit in force is unknown: recommend the minimum, and change nothing.
    const known = facts.recommended !== undefined;
    const value = `${facts.recommended ?? RECOMMENDED_SHUTDOWN}`;
    const pool = poolArg(facts.pool);
    const setting = known ? `shutdownTimeLimit="${value}"` : `shutdownTimeLimit of at least ${value} s`;
    const now = facts.isDefault === false && facts.shutdownTimeLimit !== undefined ? `now ${facts.shutdownTimeLimit} s` : `the default is ${ANCM_DEFAULT_SHUTDOWN} s`;
    return {
      summary: `Give graceful shutdown enough time: ${setting} on <aspNetCore> (${now}), keep the pool's shutdownTimeLimit above it (${APPCMD} set apppool "${pool}" /processModel.shutdownTimeLimit:00:01:30), and make long work observe the stopping token. Drain the server before planned recycles so no new requests hit a stopping app.`,
      language: 'xml',
      snippet: `<aspNetCore processPath="dotnet" arguments=".\\App.dll"${hostingModelAttribute(evidence, 'inprocess')} shutdownTimeLimit="${value}" />`,
      change: known ? { set: { shutdownTimeLimit: value } } : undefined,
    };
  },
  wants: ['event-log', 'iis-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/processmodel',
    'https://github.com/dotnet/aspnetcore/issues/27629',
    'https://github.com/dotnet/aspnetcore/issues/41340',
  ],
});
