/**
 * Out of process, ANCM waits `requestTimeout` (default 2 minutes) for Kestrel's answer. When the
 * app takes longer, WinHTTP gives up with ERROR_WINHTTP_TIMEOUT and IIS answers 502.3; the app
 * usually finishes the work anyway, for nobody. The IIS time-taken of those rows equals the timeout.
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { cluesOf } from '../evidence/clues';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { aspNetCoreAttribute, hostingModel, refsOf } from './query';
import { configLineRef, timespanSeconds } from '../evidence/config-facts';
import { timeoutSpread } from './support/hang-signs';
import {
  ancmEvidence,
  arrEvidence,
  failureRefs,
  failureTiming,
  gatewayFailure,
  nearTimeout,
  toTimespan,
  windowText,
  win32Label,
} from './support/gateway-failures';

const TIMEOUT = [12002];
/** ANCM's requestTimeout default (aspnetcore_schema_v2.xml). */
const DEFAULT_SECONDS = 120;
/** ARR's web farm protocol timeout default: a 30 s 502.3 without ANCM config smells of ARR. */
const ARR_FARM_SECONDS = 30;
/** Distinct URLs timing out together from which the app as a whole looks stuck. */
const APP_WIDE_URLS = 4;

/** Clues that the app itself was starved, which would explain its requests running out of time. */
const EXHAUSTION_CLUES = ['kestrel.heartbeat-slow', 'dotnet.threadpool-starvation', 'dotnet.blocking-wait', 'sql.pool-timeout', 'net.no-buffer-space'];

interface AncmRequestTimeoutFacts {
  /** How long the failing requests typically ran, when the evidence says. */
  seconds?: number;
  /** The requestTimeout in force, as a timespan: configured, or the default. */
  requestTimeout: string;
  isDefault: boolean;
  /** The web.config line that sets it. */
  configLine?: number;
  timeoutSeconds: number;
  /** The failing requests ran for about the timeout. */
  matchesTimeout: boolean;
  count: number;
  url?: string;
  /** The IIS log's time window, or '' without a log. */
  window: string;
  /** The stop-gap requestTimeout, as a timespan. */
  suggested: string;
  inProcess: boolean;
  /** Many URLs time out at once, or the app shows starvation: the timeout is a symptom. */
  appWide: boolean;
}

export default defineCause<AncmRequestTimeoutFacts>({
  id: 'ancm-request-timeout',
  title: "Request ran past ANCM's requestTimeout",
  family: 'request-timeout',
  layer: 'ancm',
  clues: {
    // On IIS, ANCM is the forwarder that times out unless ARR is in the picture.
    'win32.12002': 'supports',
    // A starving thread pool explains the long waits: raising the timeout is not the fix then.
    'kestrel.heartbeat-slow': 'against',
    // 30 s is ARR's web-farm timeout; ANCM's default is 120 s.
    'duration.near-30s': 'against',
    'dotnet.threadpool-starvation': 'against',
    'dotnet.blocking-wait': 'against',
    'sql.pool-timeout': 'against',
    'net.no-buffer-space': 'against',
    'duration.near-120s': 'strong',
    // Ran (or was written to wait) well past the 120 s default: that default cut it off.
    'duration.beyond-120s': 'supports',
    'status.502.3': 'hints',
  },
  description:
    "With out-of-process hosting, ANCM waits requestTimeout (2 minutes by default) for Kestrel's response. The request took longer, WinHTTP timed out (ERROR_WINHTTP_TIMEOUT, 0x80072EE2 = 2147954402) and IIS returned 502.3, while the app usually went on working.",
  match(evidence) {
    const failure = gatewayFailure(evidence, TIMEOUT);
    if (!failure) return undefined;
    // ARR answered: its own proxy timeout is the one that fired (arr-proxy-timeout).
    if (arrEvidence(evidence).length > 0) return undefined;

    const ancm = ancmEvidence(evidence);
    const configured = aspNetCoreAttribute(evidence, 'requestTimeout');
    const configuredSeconds = timespanSeconds(configured?.value);
    const timeoutSeconds = configuredSeconds ?? DEFAULT_SECONDS;
    const timing = failureTiming(evidence, failure, TIMEOUT);

    let confidence: number;
    if (failure.paired) confidence = CONFIDENCE.likely;
    else confidence = ancm.length > 0 ? CONFIDENCE.likely - 0.05 : CONFIDENCE.possible;
    let matchesTimeout = false;
    if (timing) {
      if (nearTimeout(timing.typicalMs, timeoutSeconds) || nearTimeout(timing.maxMs, timeoutSeconds)) {
        matchesTimeout = true;
        confidence = failure.paired ? CONFIDENCE.certain : CONFIDENCE.strong;
      } else if (configuredSeconds === undefined && ancm.length === 0 && nearTimeout(timing.typicalMs, ARR_FARM_SECONDS)) {
        confidence = CONFIDENCE.possible + 0.05;
      } else {
        // Timed out at some other moment: another timeout (a proxy in front, a connect timeout) is as likely.
        confidence = Math.min(confidence, CONFIDENCE.possible + 0.1);
      }
    } else if (ancm.length > 0 && failure.paired) {
      confidence = boosted(confidence, 0.05);
    }
    const inProcess = hostingModel(evidence) === 'inprocess';
    if (inProcess) confidence = Math.min(confidence, CONFIDENCE.possible - 0.05);
    // Timeouts on many URLs at once, or a sign that the app itself is starved (Kestrel's warning,
    // blocking frames, an exhausted pool): the timeout is how it surfaced, not why; stay below the
    // resource-exhaustion cause that explains it.
    const spread = timeoutSpread(evidence);
    const clues = cluesOf(evidence);
    const starved = EXHAUSTION_CLUES.some((c) => clues.has(c));
    const appWide = (spread?.urls ?? 0) >= APP_WIDE_URLS || starved;
    if (appWide) confidence = Math.min(confidence, starved ? CONFIDENCE.likely : CONFIDENCE.strong);

    const observedSeconds = timing ? Math.round(timing.typicalMs / 1000) : undefined;
    const suggested = Math.min(1800, Math.max(240, 2 * Math.max(timeoutSeconds, observedSeconds ?? 0)));
    return {
      confidence: boosted(confidence),
      evidence: refsOf([...(timing?.ref ? [timing.ref] : []), ...failureRefs(failure), ...ancm, ...(configured ? [configLine(evidence, configured)] : [])]),
      facts: {
        seconds: observedSeconds,
        requestTimeout: configured?.value ?? toTimespan(DEFAULT_SECONDS),
        isDefault: configured === undefined,
        configLine: configured?.line,
        timeoutSeconds,
        matchesTimeout,
        count: failure.logCount || failure.rows.length || failure.codes.length,
        url: failure.urls[0],
        window: windowText(evidence),
        suggested: toTimespan(suggested),
        inProcess,
        appWide,
      },
    };
  },
  steps({ facts }) {
    // Without facts (the cause won on its clues alone) the timeout in force is unknown: name the default.
    const timeout = facts.requestTimeout;
    const timeoutText =
      timeout === undefined
        ? `your requestTimeout (${DEFAULT_SECONDS} s by default)`
        : facts.isDefault
          ? `ANCM's default requestTimeout of 2 minutes (${timeout})`
          : `your requestTimeout ${timeout}${facts.configLine !== undefined ? ` (web.config line ${facts.configLine})` : ''}`;
    const steps: string[] = [];
    if (facts.seconds !== undefined && facts.matchesTimeout) {
      steps.push(`The failing requests ran ${facts.seconds} s, which is ${timeoutText}: ANCM stopped waiting for Kestrel and IIS answered 502.3 with Win32 ${win32Label(12002)}.`);
    } else if (facts.seconds !== undefined) {
      steps.push(
        `The failing requests ran about ${facts.seconds} s, not ${timeoutText}: a WinHTTP timeout fired at another moment. Check for a proxy in front of IIS with its own timeout (ARR web farm: 30 s by default) and for connect timeouts to Kestrel (app hung or starved).`,
      );
    } else {
      steps.push(
        `Win32 ${win32Label(12002)} on a 502.3 is a WinHTTP timeout. Confirm it is ANCM's: in the IIS log the time-taken of those rows should be about ${facts.timeoutSeconds !== undefined ? `${facts.timeoutSeconds} s (${timeoutText})` : timeoutText}. FREB shows it as the gap between the request being forwarded and MODULE_SET_RESPONSE_ERROR_STATUS (aspnet/AspNetCoreModule#287 had exactly two minutes).`,
      );
    }
    if (facts.inProcess) steps.push('The pasted web.config says hostingModel="inprocess": requestTimeout applies only out of process, so this 502.3 came from another proxy (ARR or a URL Rewrite reverse-proxy rule) in front of the app.');
    const count = facts.count ?? 0;
    if (count > 0) {
      steps.push(
        facts.appWide
          ? `${count} request${count === 1 ? '' : 's'} timed out${facts.window ? ` ${facts.window}` : ''} across many different URLs (or with Kestrel starvation warnings): the app as a whole was stuck, so the timeout is the symptom. Follow the resource-exhaustion cause listed with it (thread pool starvation, blocked calls, exhausted pools) before touching requestTimeout.`
          : `${count} request${count === 1 ? '' : 's'} timed out${facts.window ? ` ${facts.window}` : ''}${facts.url ? `, for example ${facts.url}` : ''}. If many different URLs time out together, the app as a whole is stuck (thread pool starvation, a blocked database): see those causes. If it is always the same few endpoints, they are simply slow.`,
      );
    }
    steps.push(
      'Kestrel keeps running the request after ANCM gives up: the app log usually shows it finishing later with 200 (aspnet/IISIntegration#305). Log the duration of those endpoints and find where the time goes (SQL queries, external HTTP calls, locks, large file processing).',
      'Work that legitimately takes minutes (reports, imports, image or ML processing) should not run inside the HTTP request: return 202 Accepted with a status URL and do the work in a background service or a job scheduler (Hangfire, Quartz.NET).',
      `As a stop-gap you can raise requestTimeout (for example to ${facts.suggested ?? 'twice its current value'}); proxies in front (Cloudflare 100-120 s, load balancers 60 s) still have their own, shorter limits.`,
    );
    return steps;
  },
  fix({ facts }) {
    // In-process there is no requestTimeout to raise: a stop-gap that changes nothing is not offered,
    // and the app is not moved out-of-process to make one apply.
    const raise = facts.inProcess
      ? 'requestTimeout is no stop-gap here: your web.config runs the app in-process, where ANCM ignores it, so raise the timeout of the proxy in front that answered 502.3 (ARR, a URL Rewrite reverse-proxy rule) instead'
      : facts.requestTimeout !== undefined && facts.suggested !== undefined
        ? `raise requestTimeout on <aspNetCore> from ${facts.requestTimeout} to ${facts.suggested} as a band-aid`
        : `raise requestTimeout on <aspNetCore> (${toTimespan(DEFAULT_SECONDS)} by default) to twice its current value as a band-aid`;
    return {
      summary: `Move the long-running work off the request (queue it in a background service and let the client poll a status endpoint); until then, ${raise}.`,
      language: 'csharp',
      snippet: [
        '// Accept the work, answer 202 with a status URL, run it in the background',
        'builder.Services.AddSingleton(Channel.CreateUnbounded<ReportJob>());',
        'builder.Services.AddSingleton<JobStatusStore>();',
        'builder.Services.AddHostedService<ReportWorker>();',
        '',
        'app.MapPost("/reports", async (ReportRequest request, Channel<ReportJob> queue, JobStatusStore store) =>',
        '{',
        '    var job = new ReportJob(Guid.NewGuid(), request);',
        '    store.Set(job.Id, "queued");',
        '    await queue.Writer.WriteAsync(job);',
        '    return Results.Accepted($"/reports/{job.Id}", new { job.Id });',
        '});',
        'app.MapGet("/reports/{id:guid}", (Guid id, JobStatusStore store) =>',
        '    store.TryGet(id, out var status) ? Results.Ok(status) : Results.NotFound());',
        '',
        'sealed class ReportWorker(Channel<ReportJob> queue, JobStatusStore store, IServiceScopeFactory scopes) : BackgroundService',
        '{',
        '    protected override async Task ExecuteAsync(CancellationToken stoppingToken)',
        '    {',
        '        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))',
        '        {',
        '            using var scope = scopes.CreateScope();',
        '            store.Set(job.Id, "running");',
        '            await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(job, stoppingToken);',
        '            store.Set(job.Id, "done");',
        '        }',
        '    }',
        '}',
      ].join('\n'),
      // No change to the pasted web.config when the timeout in force is unknown (it could lower it),
      // nor in-process, where requestTimeout does nothing.
      change: facts.suggested !== undefined && !facts.inProcess ? { set: { requestTimeout: facts.suggested } } : undefined,
    };
  },
  wants: ['iis-log', 'web-config', 'freb', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#attributes-of-the-aspnetcore-element',
    'https://learn.microsoft.com/aspnet/core/fundamentals/host/hosted-services',
    'https://github.com/aspnet/AspNetCoreModule/issues/287',
    'https://github.com/aspnet/IISIntegration/issues/305',
  ],
});

/** The web.config line that sets requestTimeout. */
function configLine(evidence: Evidence, located: { line: number; source: string }): EvidenceRef {
  const config = evidence.webConfigs.find((c) => c.source === located.source && c.aspNetCore !== undefined);
  return config ? configLineRef(config, located.line) : { source: located.source, line: located.line, text: '' };
}
