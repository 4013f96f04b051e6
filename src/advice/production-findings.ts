/**
 * Production-readiness findings on pasted configuration, measured against the seed article's
 * "Production-ready settings" and the ANCM / application pool defaults (kb-facts 1.4, 1.5, 5.1).
 *
 * These are not causes: a finding says "this setting invites 502s or hides their cause", whatever
 * the current incident is. Each one quotes the value found, the value recommended, and the line.
 */
import type { AppPoolFacts, Evidence, EvidenceRef, LocatedValue, WebConfigFacts } from '../evidence/types';
import type { Finding } from '../contract';
import { configHolding, configLineRef, timespanSeconds, valueNamed } from '../evidence/config-facts';

/** ANCM's default requestTimeout (2 min) and the bounds outside which a value is worth a word. */
const REQUEST_TIMEOUT_LOW_S = 30;
const REQUEST_TIMEOUT_HIGH_S = 20 * 60;
const REQUEST_TIMEOUT_MAX_S = 1_296_000;
/** The seed's startup and shutdown limits (ANCM defaults: 120 and 10). */
const STARTUP_LIMIT_S = 120;
const SHUTDOWN_LIMIT_S = 20;
/** Memory recycling limits below 1 GB (values in KB) recycle under ordinary load. */
const LOW_MEMORY_KB = 1024 * 1024;
const DAY_S = 86_400;

/** Every production finding on the pasted web.config files and application pools. */
export function productionFindings(evidence: Evidence): Finding[] {
  const findings: Finding[] = [];
  for (const config of evidence.webConfigs) findings.push(...webConfigFindings(config));
  for (const pool of evidence.appPools) findings.push(...appPoolFindings(pool, evidence));
  return dedupe(findings);
}

/** An `<aspNetCore>` attribute, found whatever its case (ANCM's own lookup is not what users type). */
function attributeOf(config: WebConfigFacts, name: string): (LocatedValue & { name: string }) | undefined {
  return valueNamed(config.aspNetCore?.attributes, name);
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', '1'].includes(value.trim().toLowerCase());
}

function isFalse(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'false';
}

function webConfigFindings(config: WebConfigFacts): Finding[] {
  const out: Finding[] = [];
  const push = (id: string, severity: Finding['severity'], message: string, line: number): void => {
    out.push({ id, severity, message, evidence: [configLineRef(config, line)] });
  };

  // A partial paste (cutOff) is not a broken file; anything else that fails to parse is.
  if (!config.wellFormed && !config.cutOff && config.error) {
    const { line, column, message } = config.error;
    push(
      'malformed-web-config',
      'error',
      `The web.config is not well-formed XML at line ${line}, column ${column}: ${message} IIS cannot read such a file and answers every request with HTTP 500.19 until it is fixed.`,
      line,
    );
  }

  for (const handler of config.handlers) {
    if (handler.modules?.trim().toLowerCase() === 'aspnetcoremodule') {
      push(
        'ancm-v1-module',
        'warning',
        `The handler${handler.name ? ` "${handler.name}"` : ''} uses modules="${handler.modules}", the original ASP.NET Core Module (V1), which is no longer serviced and supports out-of-process hosting only. Use modules="AspNetCoreModuleV2" (installed by the current .NET Hosting Bundle).`,
        handler.line,
      );
    }
  }

  const element = config.aspNetCore;
  if (!element) return out;
  const model = hostingModelOf(config);

  const stdout = attributeOf(config, 'stdoutLogEnabled');
  if (stdout && isTrue(stdout.value)) {
    push(
      'stdout-log-enabled',
      'warning',
      `${stdout.name}="${stdout.value}" is left on. The stdout log is never rotated, grows until the disk is full and adds work to every request; turn it off once the startup problem is diagnosed (${stdout.name}="false").`,
      stdout.line,
    );
  }

  out.push(...requestTimeoutFindings(config, model.value, element.startLine));

  const startup = attributeOf(config, 'startupTimeLimit');
  const startupSeconds = startup ? Number(startup.value.trim()) : undefined;
  if (startup && startupSeconds !== undefined && Number.isFinite(startupSeconds) && startupSeconds < STARTUP_LIMIT_S) {
    push(
      'startup-time-limit-low',
      'info',
      `${startup.name}="${startup.value}" gives the app ${startup.value} s to start; an app that runs migrations or warms caches at startup can exceed that and fail with 502.5 / 500.37. The default and recommended value is startupTimeLimit="120".`,
      startup.line,
    );
  }

  const shutdown = attributeOf(config, 'shutdownTimeLimit');
  const shutdownSeconds = shutdown ? Number(shutdown.value.trim()) : 10;
  if (Number.isFinite(shutdownSeconds) && shutdownSeconds < SHUTDOWN_LIMIT_S) {
    push(
      'shutdown-time-limit-low',
      'info',
      shutdown
        ? `${shutdown.name}="${shutdown.value}" leaves ${shutdown.value} s for a graceful shutdown; a worker still finishing requests is killed and those requests fail. Recommended: shutdownTimeLimit="20".`
        : `No shutdownTimeLimit is set, so ANCM allows the default 10 s for a graceful shutdown; a worker still finishing requests is killed after that. Recommended: shutdownTimeLimit="20".`,
      shutdown?.line ?? element.startLine,
    );
  }

  if (model.value === 'invalid' && model.attribute) {
    push(
      'hosting-model-invalid',
      'warning',
      `hostingModel="${model.attribute.value}" is not a hosting model ANCM knows; it fails to load the configuration (event 1034) and answers HTTP 500.0. Use hostingModel="inprocess" or hostingModel="outofprocess".`,
      model.attribute.line,
    );
  } else if (model.value === 'outofprocess') {
    push(
      'out-of-process-hosting',
      'info',
      `${model.attribute ? `hostingModel="${model.attribute.value}"` : 'No hostingModel attribute (which means out-of-process)'} runs the app behind a second hop from IIS to Kestrel, one more place for a 502.3 to come from. In-process (hostingModel="inprocess") is the default for current apps and is faster; keep out-of-process only for native AOT apps or IIS modules that need it.`,
      model.attribute?.line ?? element.startLine,
    );
  }

  out.push(...processPathFindings(config, model.value, element.startLine));

  for (const name of ['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT']) {
    const env = valueNamed(element.environmentVariables, name);
    if (env && env.value.trim().toLowerCase() === 'development') {
      push(
        'development-environment',
        'warning',
        `The environment variable ${env.name}="${env.value}" runs the app in Development: the developer exception page shows stack traces to visitors and development-only settings apply. Remove it (the default is Production) or set the real environment name.`,
        env.line,
      );
    }
  }
  const detailed = valueNamed(element.environmentVariables, 'ASPNETCORE_DETAILEDERRORS');
  if (detailed && isTrue(detailed.value)) {
    push(
      'detailed-errors-enabled',
      'warning',
      `The environment variable ${detailed.name}="${detailed.value}" shows startup exception details to anyone who hits the site. Useful while diagnosing; remove it afterwards.`,
      detailed.line,
    );
  }

  const debugLevel = valueNamed(element.handlerSettings, 'debugLevel');
  const moduleDebug = valueNamed(element.environmentVariables, 'ASPNETCORE_MODULE_DEBUG');
  for (const debug of [debugLevel, moduleDebug]) {
    if (!debug || debug.value.trim() === '') continue;
    push(
      'ancm-debug-log-enabled',
      'warning',
      `The ASP.NET Core Module debug log is on (${debug.name}="${debug.value}"). It writes on every request and its file grows without limit; remove the setting once the problem is found.`,
      debug.line,
    );
  }

  const errorPage = attributeOf(config, 'disableStartUpErrorPage');
  if (errorPage && isTrue(errorPage.value)) {
    push(
      'startup-error-page-disabled',
      'info',
      `${errorPage.name}="${errorPage.value}" replaces ANCM's error page (which names the exact failure, such as 502.5 or 500.30) with the generic IIS page. Fine in production if the event log is watched; set it to "false" while diagnosing.`,
      errorPage.line,
    );
  }
  return out;
}

interface HostingModel {
  value: 'inprocess' | 'outofprocess' | 'invalid';
  attribute?: LocatedValue & { name: string };
}

/** The effective hosting model: ANCM treats a missing attribute as out-of-process. */
function hostingModelOf(config: WebConfigFacts): HostingModel {
  const attribute = attributeOf(config, 'hostingModel');
  const value = attribute?.value.trim().toLowerCase() ?? '';
  if (value === 'inprocess') return { value: 'inprocess', attribute };
  if (value === '' || value === 'outofprocess') return attribute ? { value: 'outofprocess', attribute } : { value: 'outofprocess' };
  return { value: 'invalid', attribute };
}

function requestTimeoutFindings(config: WebConfigFacts, model: HostingModel['value'], elementLine: number): Finding[] {
  const timeout = attributeOf(config, 'requestTimeout');
  const ref = [configLineRef(config, timeout?.line ?? elementLine)];
  if (model === 'inprocess') {
    if (!timeout) return [];
    return [
      {
        id: 'request-timeout-ignored-in-process',
        severity: 'info',
        message: `${timeout.name}="${timeout.value}" has no effect in-process: ANCM only applies it to the IIS-to-Kestrel hop of out-of-process hosting. Long requests in-process are limited by the client, proxies and the app itself.`,
        evidence: ref,
      },
    ];
  }
  if (model === 'invalid') return [];
  if (!timeout) {
    return [
      {
        id: 'request-timeout-default',
        severity: 'info',
        message: `No requestTimeout is set, so ANCM waits the default 2 minutes (00:02:00) for Kestrel and then answers 502.3. Set requestTimeout="00:02:00" explicitly, or longer only if some requests legitimately run longer.`,
        evidence: ref,
      },
    ];
  }
  const seconds = timespanSeconds(timeout.value);
  if (seconds === undefined || seconds > REQUEST_TIMEOUT_MAX_S) {
    return [
      {
        id: 'request-timeout-invalid',
        severity: 'warning',
        message: `${timeout.name}="${timeout.value}" is not a timespan ANCM accepts (hh:mm:ss, at most 360:00:00); the configuration fails to load. Use a value such as requestTimeout="00:02:00".`,
        evidence: ref,
      },
    ];
  }
  if (seconds < REQUEST_TIMEOUT_LOW_S) {
    return [
      {
        id: 'request-timeout-low',
        severity: 'info',
        message: `${timeout.name}="${timeout.value}" cuts every request off after ${seconds} s with a 502.3 (ERROR_WINHTTP_TIMEOUT); a slow database call or a cold start is enough to hit it. The default is requestTimeout="00:02:00".`,
        evidence: ref,
      },
    ];
  }
  if (seconds > REQUEST_TIMEOUT_HIGH_S) {
    return [
      {
        id: 'request-timeout-high',
        severity: 'info',
        message: `${timeout.name}="${timeout.value}" lets a request hold a connection for ${Math.round(seconds / 60)} minutes; proxies in front (Cloudflare waits about 100-120 s, an AWS ALB 60 s by default) give up long before, and hung requests pile up. Keep requestTimeout near "00:02:00" and move long work to a background job.`,
        evidence: ref,
      },
    ];
  }
  return [];
}

/** The first argument, quotes removed (`".\My App.dll" --urls x` → `.\My App.dll`). */
function firstArgument(args: string): string {
  const text = args.trim();
  if (text.startsWith('"')) {
    const close = text.indexOf('"', 1);
    return close < 0 ? text.slice(1) : text.slice(1, close);
  }
  const space = text.indexOf(' ');
  return space < 0 ? text : text.slice(0, space);
}

function processPathFindings(config: WebConfigFacts, model: HostingModel['value'], elementLine: number): Finding[] {
  const out: Finding[] = [];
  const path = attributeOf(config, 'processPath');
  const args = attributeOf(config, 'arguments');
  const finding = (id: string, message: string, line: number): Finding => ({ id, severity: 'warning', message, evidence: [configLineRef(config, line)] });
  if (!path) {
    out.push(
      finding(
        'process-path-missing',
        'The <aspNetCore> element has no processPath. ANCM cannot start anything and fails with "Attribute \'processPath\' is required" (HTTP 500.0). Use processPath="dotnet" arguments=".\\YourApp.dll" for a framework-dependent app, or processPath=".\\YourApp.exe" for a self-contained one.',
        elementLine,
      ),
    );
    return out;
  }
  const program = path.value.trim().replace(/^"|"$/g, '');
  if (/%LAUNCHER_(PATH|ARGS)%/i.test(path.value) || (args && /%LAUNCHER_(PATH|ARGS)%/i.test(args.value))) {
    out.push(
      finding(
        'launcher-placeholders',
        `processPath="${path.value}"${args ? ` arguments="${args.value}"` : ''} still holds Visual Studio's %LAUNCHER_PATH%/%LAUNCHER_ARGS% placeholders; publishing replaces them, IIS does not, so the process cannot start. Publish the app, or write processPath="dotnet" arguments=".\\YourApp.dll".`,
        path.line,
      ),
    );
    return out;
  }
  const isDotnet = /(^|[\\/])dotnet(\.exe)?$/i.test(program);
  if (isDotnet) {
    const first = args ? firstArgument(args.value) : '';
    if (!/\.dll$/i.test(first) && !/\.dll\b/i.test(args?.value ?? '')) {
      out.push(
        finding(
          'process-path-arguments-mismatch',
          `processPath="${path.value}" runs a framework-dependent app, so arguments must name the app's .dll (for example arguments=".\\YourApp.dll"); found ${args ? `arguments="${args.value}"` : 'no arguments'}. dotnet then looks for an SDK command and the app never starts ("Did you mean to run dotnet SDK commands?").`,
          args?.line ?? path.line,
        ),
      );
    }
  } else if (/\.exe$/i.test(program) && model === 'inprocess' && args && /\.dll\b/i.test(args.value)) {
    out.push(
      finding(
        'exe-with-dll-arguments',
        `processPath="${path.value}" starts the app's own executable, yet arguments="${args.value}" passes a .dll as well: that mixes the framework-dependent form (processPath="dotnet" arguments=".\\YourApp.dll") with the self-contained one (processPath=".\\YourApp.exe" arguments=""). Pick one.`,
        args.line,
      ),
    );
  }
  return out;
}

function poolLineRef(evidence: Evidence, pool: AppPoolFacts, line: number): EvidenceRef {
  const config = configHolding(evidence.webConfigs, pool.source, line);
  return config ? configLineRef(config, line) : { source: pool.source, line, text: '' };
}

function appPoolFindings(pool: AppPoolFacts, evidence: Evidence): Finding[] {
  const out: Finding[] = [];
  const who = pool.name ? `Application pool "${pool.name}"` : 'The application pool';
  const push = (id: string, severity: Finding['severity'], message: string, value: LocatedValue): void => {
    out.push({ id, severity, message, evidence: [poolLineRef(evidence, pool, value.line)] });
  };

  const runtime = pool.managedRuntimeVersion;
  if (runtime && runtime.value.trim() !== '') {
    push(
      'app-pool-managed-runtime',
      'warning',
      `${who} has managedRuntimeVersion="${runtime.value}", which loads the .NET Framework CLR into a worker that hosts ASP.NET Core. Set it to "No Managed Code" (managedRuntimeVersion="").`,
      runtime,
    );
  }
  const idle = pool.idleTimeout;
  const idleSeconds = timespanSeconds(idle?.value);
  if (idle && idleSeconds !== undefined && idleSeconds !== 0) {
    push(
      'app-pool-idle-timeout',
      'warning',
      `${who} has idleTimeout="${idle.value}": after that much quiet the worker shuts down and the next visitor waits for a cold start (or gets a 502 while it starts). Recommended: idleTimeout="00:00:00" (never), with startMode="AlwaysRunning".`,
      idle,
    );
  }
  const restart = pool.periodicRestartTime;
  const restartSeconds = timespanSeconds(restart?.value);
  if (restart && restartSeconds !== undefined && restartSeconds > 0 && restartSeconds < DAY_S) {
    push(
      'app-pool-periodic-restart',
      'warning',
      `${who} recycles every ${restart.value} (periodicRestart time), during business hours; requests in flight at each recycle can fail. Use time="00:00:00" (off) or at least a day, or a fixed off-peak <schedule> time.`,
      restart,
    );
  }
  for (const [value, label] of [
    [pool.periodicRestartMemoryKb, 'memory (virtual memory)'],
    [pool.periodicRestartPrivateMemoryKb, 'privateMemory (private bytes)'],
  ] as const) {
    const kb = value ? Number(value.value.trim()) : NaN;
    if (value && Number.isFinite(kb) && kb > 0 && kb < LOW_MEMORY_KB) {
      push(
        'app-pool-memory-limit',
        'warning',
        `${who} recycles when ${label} reaches ${value.value} KB (${Math.round(kb / 1024)} MB). A .NET app passes that under ordinary load, and recycling on memory pressure causes storms of 502s. Set the limit to 0 (off) or well above the app's working set (several GB).`,
        value,
      );
    }
  }
  const rapidFail = pool.rapidFailProtection;
  if (rapidFail && isFalse(rapidFail.value)) {
    push(
      'app-pool-rapid-fail-protection-off',
      'warning',
      `${who} has rapidFailProtection="${rapidFail.value}": a crashing app is restarted forever instead of the pool being stopped, which hides the crash behind intermittent 502s. Keep rapidFailProtection="true" and fix the crash (see the event log).`,
      rapidFail,
    );
  }
  const bitness = pool.enable32BitAppOnWin64;
  if (bitness && isTrue(bitness.value)) {
    push(
      'app-pool-32-bit',
      'info',
      `${who} has enable32BitAppOnWin64="${bitness.value}": the worker is 32-bit, so the app must be published for win-x86 (an x64 app fails with 500.32 / 0x800700C1). Leave it "false" for 64-bit apps.`,
      bitness,
    );
  }
  return out;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const ref = f.evidence[0];
    const key = `${f.id}\u0000${ref?.source ?? ''}\u0000${ref?.line ?? 0}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
