/**
 * Application pools from applicationHost.config, a fragment of it (`<applicationPools>`), or a bare
 * `<add name="MyPool" ...>` entry pasted on its own.
 */
import type { AppPoolFacts, LocatedValue } from '../types';
import { attribute, child, findAll, type XmlElement } from '../xml';

/** Attributes or children that only an application pool `<add>` has (not a handler or appSettings entry). */
const POOL_ATTRIBUTES = ['managedRuntimeVersion', 'managedPipelineMode', 'startMode', 'enable32BitAppOnWin64', 'autoStart', 'queueLength'];
const POOL_CHILDREN = ['processModel', 'recycling', 'failure', 'cpu'];

function looksLikePool(element: XmlElement): boolean {
  if (element.parent?.name === 'applicationPools') return true;
  if (element.parent !== undefined) return false;
  return (
    element.attributes.some((a) => POOL_ATTRIBUTES.includes(a.name)) || element.children.some((c) => POOL_CHILDREN.includes(c.name))
  );
}

/**
 * Reads every application pool under `roots`. `line` maps a text offset to its source line.
 */
export function readAppPools(roots: readonly XmlElement[], source: string, line: (offset: number) => number): AppPoolFacts[] {
  const located = (element: XmlElement | undefined, name: string): LocatedValue | undefined => {
    const found = attribute(element, name);
    return found ? { value: found.value, line: line(found.start) } : undefined;
  };
  return findAll(roots, 'add')
    .filter(looksLikePool)
    .map((pool) => {
      const processModel = child(pool, 'processModel');
      const periodicRestart = child(child(pool, 'recycling'), 'periodicRestart');
      const failure = child(pool, 'failure');
      const facts: AppPoolFacts = { source, line: line(pool.start) };
      const name = attribute(pool, 'name')?.value;
      if (name !== undefined) facts.name = name;
      const fields: [keyof AppPoolFacts, LocatedValue | undefined][] = [
        ['managedRuntimeVersion', located(pool, 'managedRuntimeVersion')],
        ['enable32BitAppOnWin64', located(pool, 'enable32BitAppOnWin64')],
        ['startMode', located(pool, 'startMode')],
        ['idleTimeout', located(processModel, 'idleTimeout')],
        ['periodicRestartTime', located(periodicRestart, 'time')],
        ['periodicRestartMemoryKb', located(periodicRestart, 'memory')],
        ['periodicRestartPrivateMemoryKb', located(periodicRestart, 'privateMemory')],
        ['periodicRestartRequests', located(periodicRestart, 'requests')],
        ['rapidFailProtection', located(failure, 'rapidFailProtection')],
        ['rapidFailProtectionMaxCrashes', located(failure, 'rapidFailProtectionMaxCrashes')],
      ];
      for (const [key, value] of fields) if (value) Object.assign(facts, { [key]: value });
      return facts;
    });
}
