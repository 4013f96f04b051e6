/**
 * Production-readiness findings on pasted configuration, measured against the seed article's
 * "Production-ready settings" and the ANCM / application pool defaults (kb-facts 1.4, 1.5, 5.1).
 *
 * These are not causes: a finding says "this setting invites 502s or hides their cause", whatever
 * the current incident is. Each one lives in a file of its own (its id, what it checks, the line it
 * quotes, its message) and is listed here, in the order a diagnosis shows them.
 */
import type { AppPoolFacts, Evidence, EvidenceRef, WebConfigFacts } from '../../evidence/types';
import type { Finding } from '../../contract';
import { configHolding, configLineRef } from '../../evidence/config-facts';
import type { AppPoolFindingDefinition, FindingDefinition, WebConfigFindingDefinition } from './define-finding';
import malformedWebConfig from './malformed-web-config';
import ancmV1Module from './ancm-v1-module';
import arrSettingWithAncmV2 from './arr-setting-with-ancm-v2';
import stdoutLogEnabled from './stdout-log-enabled';
import requestTimeoutIgnoredInProcess from './request-timeout-ignored-in-process';
import requestTimeoutDefault from './request-timeout-default';
import requestTimeoutInvalid from './request-timeout-invalid';
import requestTimeoutLow from './request-timeout-low';
import requestTimeoutHigh from './request-timeout-high';
import startupTimeLimitLow from './startup-time-limit-low';
import shutdownTimeLimitLow from './shutdown-time-limit-low';
import hostingModelInvalid from './hosting-model-invalid';
import outOfProcessHosting from './out-of-process-hosting';
import processPathMissing from './process-path-missing';
import processPathNotWindowsExecutable from './process-path-not-windows-executable';
import launcherPlaceholders from './launcher-placeholders';
import processPathArgumentsMismatch from './process-path-arguments-mismatch';
import exeWithDllArguments from './exe-with-dll-arguments';
import developmentEnvironment from './development-environment';
import detailedErrorsEnabled from './detailed-errors-enabled';
import ancmDebugLogEnabled from './ancm-debug-log-enabled';
import startupErrorPageDisabled from './startup-error-page-disabled';
import appPoolManagedRuntime from './app-pool-managed-runtime';
import appPoolIdleTimeout from './app-pool-idle-timeout';
import appPoolPeriodicRestart from './app-pool-periodic-restart';
import appPoolMemoryLimit from './app-pool-memory-limit';
import appPoolRapidFailProtectionOff from './app-pool-rapid-fail-protection-off';
import appPool32Bit from './app-pool-32-bit';

/** The findings on each pasted web.config, in the order they are shown. */
const WEB_CONFIG_FINDINGS: readonly WebConfigFindingDefinition[] = [
  malformedWebConfig,
  ancmV1Module,
  arrSettingWithAncmV2,
  stdoutLogEnabled,
  requestTimeoutIgnoredInProcess,
  requestTimeoutDefault,
  requestTimeoutInvalid,
  requestTimeoutLow,
  requestTimeoutHigh,
  startupTimeLimitLow,
  shutdownTimeLimitLow,
  hostingModelInvalid,
  outOfProcessHosting,
  processPathMissing,
  processPathNotWindowsExecutable,
  launcherPlaceholders,
  processPathArgumentsMismatch,
  exeWithDllArguments,
  developmentEnvironment,
  detailedErrorsEnabled,
  ancmDebugLogEnabled,
  startupErrorPageDisabled,
];

/** The findings on each pasted application pool, in the order they are shown. */
const APP_POOL_FINDINGS: readonly AppPoolFindingDefinition[] = [
  appPoolManagedRuntime,
  appPoolIdleTimeout,
  appPoolPeriodicRestart,
  appPoolMemoryLimit,
  appPoolRapidFailProtectionOff,
  appPool32Bit,
];

export const FINDINGS: readonly FindingDefinition[] = [...WEB_CONFIG_FINDINGS, ...APP_POOL_FINDINGS];

/** A pool's line, quoted from the pasted config that holds it (an empty text when none does). */
function poolLineRef(evidence: Evidence, pool: AppPoolFacts, line: number): EvidenceRef {
  const config = configHolding(evidence.webConfigs, pool.source, line);
  return config ? configLineRef(config, line) : { source: pool.source, line, text: '' };
}

/** One Finding per hit of a web.config finding, quoting the config's own line. */
function onWebConfig(definition: WebConfigFindingDefinition, config: WebConfigFacts): Finding[] {
  const { id, severity } = definition;
  return definition.find(config).map((hit) => ({ id, severity, message: hit.message, evidence: [configLineRef(config, hit.line)] }));
}

/** One Finding per hit of an application pool finding, quoting the pool's line. */
function onAppPool(definition: AppPoolFindingDefinition, pool: AppPoolFacts, evidence: Evidence): Finding[] {
  const { id, severity } = definition;
  return definition.find(pool).map((hit) => ({ id, severity, message: hit.message, evidence: [poolLineRef(evidence, pool, hit.line)] }));
}

/** What one finding says about the evidence. */
export function findingsOf(definition: FindingDefinition, evidence: Evidence): Finding[] {
  if (definition.on === 'web-config') return evidence.webConfigs.flatMap((config) => onWebConfig(definition, config));
  return evidence.appPools.flatMap((pool) => onAppPool(definition, pool, evidence));
}

/**
 * Every production finding on the pasted web.config files and application pools: config by
 * config (then pool by pool), each with its findings in order, as a reader goes through the files.
 */
export function productionFindings(evidence: Evidence): Finding[] {
  return dedupe([
    ...evidence.webConfigs.flatMap((config) => WEB_CONFIG_FINDINGS.flatMap((definition) => onWebConfig(definition, config))),
    ...evidence.appPools.flatMap((pool) => APP_POOL_FINDINGS.flatMap((definition) => onAppPool(definition, pool, evidence))),
  ]);
}

/** The same finding on the same line with the same words is said once (a config pasted twice). */
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
