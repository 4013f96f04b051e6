/**
 * Shared reading for the worker-recycle causes: the pasted application pool that an event names,
 * the gateway errors (502/503/504) that a recycle or a stopped pool would produce, and the appcmd
 * lines the fixes print. Pure functions over Evidence.
 */
import type { AppPoolFacts, Evidence, EvidenceRef, StatusObservation, WindowsEvent } from '../../evidence/types';
import { statuses } from '../query';
import { configHolding, configLineRef, timespanSeconds } from '../../evidence/config-facts';

/** `%windir%\system32\inetsrv\appcmd.exe` as a PowerShell expression, for snippets. */
export const APPCMD = '& "$env:windir\\system32\\inetsrv\\appcmd.exe"';

/** Every recycle reason IIS can log; the default logs only some of them. */
export const ALL_RECYCLE_REASONS = 'Time, Requests, Schedule, Memory, IsapiUnhealthy, OnDemand, ConfigChange, PrivateMemory';

/** An event message on one line: Format-List wraps long messages, and templates are read across the wrap. */
export function flat(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

/** The pool an event names, else the only pool name among the events. */
export function poolName(events: readonly WindowsEvent[]): string | undefined {
  for (const e of events) if (e.appPool) return e.appPool;
  return undefined;
}

/**
 * The pasted application pool settings for `name`: the pool of that name, or the only pool pasted
 * when the events name none (or name it differently only by case).
 */
export function poolConfig(evidence: Evidence, name: string | undefined): AppPoolFacts | undefined {
  const pools = evidence.appPools;
  if (name !== undefined) {
    const named = pools.find((p) => p.name?.toLowerCase() === name.toLowerCase());
    if (named) return named;
  }
  return pools.length === 1 ? pools[0] : undefined;
}

/** A ref to a line of a pasted applicationHost.config fragment, with that line's text when the config kept it. */
export function configRef(evidence: Evidence, pool: AppPoolFacts, line: number): EvidenceRef {
  const config = configHolding(evidence.webConfigs, pool.source, line);
  return config ? configLineRef(config, line, '…') : { source: pool.source, line, text: `<add name="${pool.name ?? ''}">` };
}

/** 502, 503 and 504 answers seen in logs, pages, traces or headers (prose alone does not count). */
export function gatewayErrors(evidence: Evidence, wanted: readonly number[] = [502, 503, 504]): StatusObservation[] {
  return statuses(evidence, { status: [...wanted] }).filter((s) => s.origin !== 'prose');
}


/** A timespan setting in seconds, treating an unparsable value as unknown. */
export function settingSeconds(value: string | undefined): number | undefined {
  return timespanSeconds(value);
}

/** "1 event", "3 events". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `the pool 'ShopPool'` or `the application pool` when no name is known. */
export function poolLabel(pool: string | undefined): string {
  return pool ? `the application pool '${pool}'` : 'the application pool';
}

/** The pool name to print in commands: the real one, or a placeholder the reader replaces. */
export function poolArg(pool: string | undefined): string {
  return pool ?? '<pool name>';
}

/** `WAS 5074 (events.txt line 4)`. */
export function eventAt(event: WindowsEvent): string {
  const source = event.provider === 'Microsoft-Windows-WAS' ? 'WAS' : event.provider || 'event';
  return `${source} ${event.id} (${event.ref.source} line ${event.ref.line})`;
}
