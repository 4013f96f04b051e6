/**
 * The app was still starting when ANCM's startupTimeLimit (default 120 s) ran out: 500.37
 * in-process ("Managed server didn't initialize after N ms"), 502.5 with ERROR_TIMEOUT out-of-process.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, codes, events, formatSeconds, hostingModel, refsOf } from './query';
import { ancmEvents, configRef, errorCodeOf, findStatus, linesWithText, seen } from './support/ancm-evidence';

const DEFAULT_LIMIT_SECONDS = 120;
const NOT_INITIALIZED = "Managed server didn't initialize after";

interface StartupTimeLimitFacts {
  /** How long ANCM waited for the managed server, as its event says. */
  elapsedMs?: number;
  /** startupTimeLimit in effect (120 s unless web.config sets it), and whether web.config sets it. */
  limitSeconds: number;
  limitConfigured: boolean;
  outOfProcess: boolean;
  /** Only WAS 5012 shows it: the worker exceeded the app pool's own startup limit. */
  wasOnly: boolean;
  pool?: string;
}

export default defineCause<StartupTimeLimitFacts>({
  id: 'startup-time-limit',
  title: "App startup took longer than ANCM's startupTimeLimit",
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    'ancm.startup-time-limit': 'proves',
    'status.500.37': 'proves',
    // ERROR_TIMEOUT (0x800705B4) from ANCM: the process did not listen within startupTimeLimit.
    'win32.1460': 'strong',
  },
  description:
    'The app did not finish starting (server listening) within startupTimeLimit (120 seconds by default), so ANCM gave up on it: 500.37 in-process, 502.5 with ERROR_TIMEOUT out-of-process. Slow work in Program.cs (migrations, cache warm-up, remote calls) is the usual reason.',
  match(evidence) {
    const notInitialized = ancmEvents(evidence, [1007, 1031], [NOT_INITIALIZED]);
    const bareLines = notInitialized.length === 0 ? linesWithText(evidence, [NOT_INITIALIZED, 'failed to start within startup time limit']) : [];
    const page = findStatus(evidence, 500, 37);
    const oopTimeout = ancmEvents(evidence, [1000]).filter((e) => errorCodeOf(e.message) === '0x800705b4');
    const timeoutCodes = oopTimeout.length > 0 ? codes(evidence, 1460) : [];
    const wasStartup = events(evidence, 'was', [5012]);
    if (notInitialized.length === 0 && bareLines.length === 0 && !seen(page) && oopTimeout.length === 0 && wasStartup.length === 0) return undefined;

    const limit = aspNetCoreAttribute(evidence, 'startupTimeLimit');
    let confidence: number;
    if (notInitialized.length > 0) confidence = CONFIDENCE.certain;
    else if (page.direct) confidence = boosted(CONFIDENCE.strong, bareLines.length > 0 ? 0.1 : 0);
    else if (bareLines.length > 0) confidence = boosted(CONFIDENCE.strong, -0.05);
    else if (oopTimeout.length > 0) confidence = boosted(CONFIDENCE.likely, 0.05, limit ? 0.1 : 0);
    else if (seen(page)) confidence = boosted(CONFIDENCE.likely, -0.1);
    else confidence = CONFIDENCE.possible; // WAS 5012 is the worker's own start limit, a neighbour of this cause

    const message = notInitialized[0]?.message ?? bareLines[0]?.text ?? '';
    const elapsedMs = millisecondsIn(message);
    const limitSeconds = limit ? Number(limit.value) : DEFAULT_LIMIT_SECONDS;
    const refs: EvidenceRef[] = [...notInitialized.map((e) => e.messageRef), ...bareLines, ...page.refs.slice(0, 2), ...oopTimeout.map((e) => e.messageRef), ...timeoutCodes.map((c) => c.ref), ...wasStartup.map((e) => e.messageRef)];
    const limitRef = limit ? configRef(evidence, limit.source, limit.line) : undefined;
    if (limitRef) refs.push(limitRef);
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        elapsedMs,
        limitSeconds: Number.isFinite(limitSeconds) ? limitSeconds : DEFAULT_LIMIT_SECONDS,
        limitConfigured: limit !== undefined,
        outOfProcess: oopTimeout.length > 0 || hostingModel(evidence) === 'outofprocess',
        wasOnly: notInitialized.length === 0 && bareLines.length === 0 && !seen(page) && oopTimeout.length === 0,
        pool: wasStartup[0]?.appPool,
      },
    };
  },
  steps({ facts }) {
    const limit = facts.limitSeconds ?? DEFAULT_LIMIT_SECONDS;
    const steps: string[] = [];
    if (facts.elapsedMs !== undefined) {
      const equal = Math.abs(facts.elapsedMs / 1000 - limit) <= 2;
      steps.push(`ANCM waited ${formatSeconds(facts.elapsedMs / 1000)} (${facts.elapsedMs} ms) for the managed server${equal ? `, which is ${facts.limitConfigured === true ? 'your' : 'the default'} startupTimeLimit of ${limit} s` : `; startupTimeLimit is ${limit} s`}. The app was still inside Program.cs when it gave up.`);
    } else {
      steps.push(`startupTimeLimit is ${limit} s${facts.limitConfigured === true ? ' (set in web.config)' : ' (the default)'}: the app did not listen within that time.`);
    }
    if (facts.wasOnly === true) {
      steps.push(`WAS 5012 says the worker process${facts.pool !== undefined ? ` of pool ${facts.pool}` : ''} itself exceeded the app pool's startup limit (processModel startupTimeLimit, default 90 s): an in-process app's slow Main counts against it too.`);
    }
    steps.push('Time the startup on the server: start the app in a console from the site folder with Information logging and note how long it takes until "Now listening on:" and "Application started." appear.');
    steps.push('Look for slow work before app.Run(): Database.Migrate(), seeding, cache warm-up, Key Vault or remote configuration, synchronous HTTP calls, large assembly scanning. A cold server with CPU or memory maxed out also starts slowly.');
    if (facts.outOfProcess !== true) {
      steps.push('In-process, a 500.37 also recycles the worker; handlerSetting suppressRecycleOnStartupTimeout=true keeps it alive while you diagnose.');
    }
    return steps;
  },
  fix({ facts }) {
    const limit = facts.limitSeconds ?? DEFAULT_LIMIT_SECONDS;
    const elapsed = facts.elapsedMs !== undefined ? facts.elapsedMs / 1000 : limit;
    const suggested = Math.min(3600, Math.max(240, Math.ceil((Math.max(elapsed, limit) * 2) / 60) * 60));
    return {
      summary: `Make startup fast: move migrations, seeding and warm-up out of Main (a deployment step, or an IHostedService that runs after the server listens). As a stop-gap, raise startupTimeLimit from ${limit} to ${suggested} seconds (maximum 3600).`,
      change: { set: { startupTimeLimit: String(suggested) } },
      snippet: `<aspNetCore processPath="dotnet" arguments=".\\YourApp.dll" startupTimeLimit="${suggested}" />`,
      language: 'xml',
    };
  },
  wants: ['event-log', 'web-config', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50037-ancm-failed-to-start-within-startup-time-limit',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#attributes-of-the-aspnetcore-element',
    'https://learn.microsoft.com/aspnet/core/fundamentals/host/hosted-services',
  ],
});

/** The N in "... after N ms." (ANCM) or "after N milliseconds" (the 500.37 page). */
function millisecondsIn(text: string): number | undefined {
  const at = text.indexOf(' after ');
  if (at < 0) return undefined;
  const m = /^ after (\d{1,9}) (?:ms|milliseconds)/.exec(text.slice(at, at + 40));
  return m?.[1] ? Number(m[1]) : undefined;
}
