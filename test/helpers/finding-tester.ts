/**
 * Table tests for one production finding, the way runCauseTests tests one cause: configuration
 * that must raise it (with the line it must quote and words its message must say) and near misses
 * that must not. Each finding runs alone, so a finding never depends on another having run first.
 */
import { EvidenceCollector } from '../../src/evidence/collector';
import { findingsOf } from '../../src/advice/findings';
import type { FindingDefinition } from '../../src/advice/findings/define-finding';
import type { Finding } from '../../src/contract';

export interface FindingCase {
  name: string;
  /** The pasted configuration (a web.config or an applicationHost fragment). */
  text: string;
  /** The line the (first) finding must quote. */
  line?: number;
  /** Words the message must say: the value found, the value recommended. */
  mentions?: string[];
  /** How many times the finding applies (default: at least once). */
  count?: number;
}

export function findingsIn(definition: FindingDefinition, text: string, source = 'web.config'): Finding[] {
  const collector = new EvidenceCollector();
  collector.addText(source, text, { slack: false });
  return findingsOf(definition, collector.finish());
}

export function runFindingTests(definition: FindingDefinition, cases: { valid: FindingCase[]; invalid: FindingCase[] }): void {
  describe(`finding ${definition.id}`, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('is raised by %s', (_name, c) => {
      const found = findingsIn(definition, c.text);
      if (c.count !== undefined) expect(found).toHaveLength(c.count);
      else expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(f).toMatchObject({ id: definition.id, severity: definition.severity });
        expect(f.evidence).toHaveLength(1);
        expect(f.evidence[0]?.source).toBe('web.config');
      }
      const first = found[0]!;
      if (c.line !== undefined) expect(first.evidence[0]?.line).toBe(c.line);
      // The quoted line is the line as pasted.
      expect(c.text.split('\n')[first.evidence[0]!.line - 1]).toBe(first.evidence[0]?.text);
      for (const words of c.mentions ?? []) expect(first.message).toContain(words);
    });

    it.each(cases.invalid.map((c) => [c.name, c] as const))('is not raised by %s', (_name, c) => {
      expect(findingsIn(definition, c.text)).toEqual([]);
    });
  });
}

/** A whole web.config whose `<aspNetCore>` sits on line 7 (its handler on line 5). */
export function webConfig(attributes: string, children = '', handlerModule = 'AspNetCoreModuleV2'): string {
  const element = children ? `<aspNetCore ${attributes}>\n${children}\n    </aspNetCore>` : `<aspNetCore ${attributes} />`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <system.webServer>',
    '    <handlers>',
    `      <add name="aspNetCore" path="*" verb="*" modules="${handlerModule}" resourceType="Unspecified" />`,
    '    </handlers>',
    `    ${element}`,
    '  </system.webServer>',
    '</configuration>',
  ].join('\n');
}

/** Production-ready `<aspNetCore>` attributes that raise no finding. */
export const GOOD_ATTRIBUTES: Readonly<Record<string, string>> = {
  processPath: 'dotnet',
  arguments: '.\\Contoso.Web.dll',
  stdoutLogEnabled: 'false',
  hostingModel: 'inprocess',
  shutdownTimeLimit: '20',
};

/** The good attributes with some replaced (undefined leaves one out). */
export function attributes(overrides: Record<string, string | undefined>): string {
  const merged: Record<string, string | undefined> = { ...GOOD_ATTRIBUTES, ...overrides };
  return Object.entries(merged)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
}

/** An application pool fragment whose `<add>` is on line 2 (processModel 3, periodicRestart 5, failure 7). */
export function pool(overrides: { add?: string; idleTimeout?: string; restart?: string; failure?: string } = {}): string {
  return [
    '<applicationPools>',
    `  <add name="ContosoWeb" ${overrides.add ?? 'managedRuntimeVersion="" startMode="AlwaysRunning"'}>`,
    `    <processModel identityType="ApplicationPoolIdentity" idleTimeout="${overrides.idleTimeout ?? '00:00:00'}" />`,
    '    <recycling>',
    `      <periodicRestart ${overrides.restart ?? 'time="00:00:00" memory="0" privateMemory="0" requests="0"'} />`,
    '    </recycling>',
    `    <failure ${overrides.failure ?? 'rapidFailProtection="true" rapidFailProtectionMaxCrashes="5"'} />`,
    '  </add>',
    '</applicationPools>',
  ].join('\n');
}
