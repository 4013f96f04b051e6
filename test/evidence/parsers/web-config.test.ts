import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EvidenceCollector } from '../../../src/evidence/collector';
import { parseWebConfig } from '../../../src/evidence/parsers/web-config';
import type { Evidence, Segment } from '../../../src/evidence/types';
import { expectLinearTime, expectLinearTimeOf } from '../../helpers/linear-time';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

function collect(source: string, text: string, slack = false): Evidence {
  const collector = new EvidenceCollector();
  collector.addText(source, text, { slack });
  return collector.finish();
}

function segment(text: string, firstLine = 1, source = 'web.config'): Segment {
  return { kind: 'web-config', source, firstLine, lines: text.split('\n') };
}

describe('parseWebConfig: whole documents', () => {
  it('reads a real published web.config (dotnet/aspnetcore#17033)', () => {
    const evidence = collect('web.config', fixture('aspnetcore-17033.web.config'));
    expect(evidence.inputs[0]?.kinds).toEqual(['web-config']);
    expect(evidence.webConfigs).toHaveLength(1);
    const config = evidence.webConfigs[0];
    expect(config?.wellFormed).toBe(true);
    expect(config?.fragment).toBe(false);
    expect(config?.error).toBeUndefined();
    // The guard <location inheritInChildApplications="false"> is present.
    expect(config?.inheritInChildApplications).toBe(true);
    expect(config?.handlers).toEqual([{ name: 'aspNetCore', modules: 'AspNetCoreModuleV2', path: '*', line: 6 }]);
    expect(config?.aspNetCore?.attributes).toEqual({
      processPath: { value: 'dotnet', line: 8 },
      arguments: { value: '.\\UpdateClassboatFromZoho.dll', line: 8 },
      stdoutLogEnabled: { value: 'false', line: 8 },
      stdoutLogFile: { value: '.\\logs\\stdout', line: 8 },
    });
    expect(config?.aspNetCore?.startLine).toBe(8);
    expect(config?.aspNetCore?.endLine).toBe(8);
    expect(config?.firstLine).toBe(1);
    expect(config?.lines).toHaveLength(11);
    expect(evidence.problems).toEqual([]);
  });

  it('cites SOURCE lines when the config follows other text in the paste', () => {
    const evidence = collect('message', `We get 502.5 since the deploy, config below\n\n${fixture('aspnetcore-17033.web.config')}`);
    const config = evidence.webConfigs[0];
    expect(config?.firstLine).toBe(3);
    expect(config?.aspNetCore?.attributes.processPath?.line).toBe(10);
    expect(config?.handlers[0]?.line).toBe(8);
  });

  it('locates every attribute of a multi-line element, its handler settings and environment variables', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <system.webServer>',
      '    <aspNetCore processPath="dotnet"',
      '                arguments=".\\Contoso.Web.dll"',
      '                hostingModel="outofprocess"',
      '                requestTimeout="00:05:00">',
      '      <handlerSettings>',
      '        <handlerSetting name="debugLevel"',
      '                        value="FILE,TRACE" />',
      '      </handlerSettings>',
      '      <environmentVariables>',
      '        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Staging" />',
      '      </environmentVariables>',
      '    </aspNetCore>',
      '  </system.webServer>',
      '</configuration>',
    ].join('\n');
    const config = parseWebConfig(segment(text, 20)).webConfigs?.[0];
    expect(config?.wellFormed).toBe(true);
    const element = config?.aspNetCore;
    expect(element?.attributes.processPath?.line).toBe(23);
    expect(element?.attributes.arguments?.line).toBe(24);
    expect(element?.attributes.requestTimeout).toEqual({ value: '00:05:00', line: 26 });
    expect(element?.handlerSettings).toEqual({ debugLevel: { value: 'FILE,TRACE', line: 29 } });
    expect(element?.environmentVariables).toEqual({ ASPNETCORE_ENVIRONMENT: { value: 'Staging', line: 32 } });
    expect(element?.startLine).toBe(23);
    expect(element?.endLine).toBe(34);
  });

  it('reports a malformed document with its line and column in source coordinates, as evidence of 500.19', () => {
    const evidence = collect('paste', `here it is:\n${fixture('malformed.web.config')}`);
    const config = evidence.webConfigs[0];
    expect(config?.wellFormed).toBe(false);
    expect(config?.fragment).toBe(false);
    expect(config?.cutOff).toBeUndefined();
    // `</system.webServer>` (line 8 of the file, line 9 of the paste) closes while <aspNetCore> is open.
    expect(config?.error?.line).toBe(9);
    expect(config?.error?.column).toBe(3);
    expect(config?.error?.message).toMatch(/aspNetCore/);
    const problem = evidence.problems.find((p) => p.source === 'paste' && p.line === 9);
    expect(problem?.column).toBe(3);
    expect(problem?.message).toMatch(/500\.19/);
    // What it configures is still read.
    expect(config?.aspNetCore?.attributes.hostingModel?.value).toBe('inprocess');
  });

  it('reports an unterminated attribute value as malformed, not as a cut paste', () => {
    const text = '<?xml version="1.0"?>\n<configuration>\n  <system.webServer>\n    <aspNetCore processPath="dotnet" arguments=".\\App.dll />\n  </system.webServer>\n</configuration>';
    const config = parseWebConfig(segment(text)).webConfigs?.[0];
    expect(config?.wellFormed).toBe(false);
    expect(config?.fragment).toBe(false);
    expect(config?.error?.line).toBe(4);
    expect(config?.error?.message).toMatch(/quote/);
  });

  it('treats a document cut before its end as a partial paste, not as a broken file', () => {
    const lines = fixture('aspnetcore-17033.web.config').split('\n').slice(0, 8).join('\n');
    const evidence = collect('web.config', lines);
    const config = evidence.webConfigs[0];
    expect(config?.wellFormed).toBe(false);
    expect(config?.fragment).toBe(true);
    expect(config?.cutOff).toBe(true);
    expect(config?.error?.message).toMatch(/<system\.webServer> \(line 4\)/);
    expect(config?.aspNetCore?.attributes.arguments?.value).toBe('.\\UpdateClassboatFromZoho.dll');
    expect(evidence.problems[0]?.message).toMatch(/part of a file/);
  });

  it('treats a paste that stops inside a multi-line tag as cut, and still reads the attributes before the cut', () => {
    const text = '<configuration>\n  <system.webServer>\n    <aspNetCore processPath="dotnet"\n                arguments=".\\App.dll"';
    const config = parseWebConfig(segment(text)).webConfigs?.[0];
    expect(config?.cutOff).toBe(true);
    expect(config?.error?.message).toMatch(/inside the <aspNetCore> tag/);
    expect(config?.aspNetCore?.attributes.arguments?.value).toBe('.\\App.dll');
  });

  it('reports no inheritance guard when no <location> sets inheritInChildApplications="false"', () => {
    expect(parseWebConfig(segment(fixture('iisintegration-903.web.config'))).webConfigs?.[0]?.inheritInChildApplications).toBeUndefined();
    const inheriting = '<configuration><location path="." inheritInChildApplications="true"><system.webServer /></location></configuration>';
    expect(parseWebConfig(segment(inheriting)).webConfigs?.[0]?.inheritInChildApplications).toBe(false);
  });

  it('ignores an XML declaration alone (the first line of a FREB file)', () => {
    expect(parseWebConfig(segment('<?xml version="1.0" encoding="UTF-8" ?>'))).toEqual({});
  });

  it('reads attribute values holding &amp; entities', () => {
    const text = '<configuration><system.webServer><aspNetCore processPath="dotnet" arguments=".\\App.dll --title &quot;A&amp;B&quot;"><environmentVariables><environmentVariable name="Q" value="a=1&amp;b=2" /></environmentVariables></aspNetCore></system.webServer></configuration>';
    const config = parseWebConfig(segment(text)).webConfigs?.[0];
    expect(config?.wellFormed).toBe(true);
    expect(config?.aspNetCore?.attributes.arguments?.value).toBe('.\\App.dll --title "A&B"');
    expect(config?.aspNetCore?.environmentVariables.Q?.value).toBe('a=1&b=2');
  });
});

describe('parseWebConfig: fragments', () => {
  it('reads an <aspNetCore> fragment pasted on its own (AspNetCore.Docs#10046)', () => {
    const evidence = collect('fragment', fixture('docs-10046.fragment.xml'));
    const config = evidence.webConfigs[0];
    expect(config?.fragment).toBe(true);
    expect(config?.wellFormed).toBe(true);
    expect(config?.aspNetCore?.attributes.hostingModel).toEqual({ value: 'InProcess', line: 1 });
    expect(config?.aspNetCore?.environmentVariables.ASPNETCORE_ENVIRONMENT).toEqual({ value: 'Development', line: 3 });
    expect(config?.aspNetCore?.endLine).toBe(5);
  });

  it('wraps several top-level elements without moving line numbers', () => {
    const text = '<handlers>\n  <remove name="aspNetCore" />\n  <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModule" />\n</handlers>\n<aspNetCore processPath="dotnet" arguments=".\\App.dll" />';
    const config = parseWebConfig(segment(text, 5)).webConfigs?.[0];
    expect(config?.wellFormed).toBe(true);
    expect(config?.fragment).toBe(true);
    expect(config?.handlers).toEqual([{ name: 'aspNetCore', modules: 'AspNetCoreModule', path: '*', line: 7 }]);
    expect(config?.aspNetCore?.startLine).toBe(9);
  });

  it('corrects the column of an error on the first line of a fragment', () => {
    const line = '<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled=false />';
    const result = parseWebConfig(segment(line, 12));
    const config = result.webConfigs?.[0];
    expect(config?.wellFormed).toBe(false);
    expect(config?.fragment).toBe(true);
    expect(config?.cutOff).toBeUndefined();
    expect(config?.error?.line).toBe(12);
    expect(config?.error?.column).toBe(line.indexOf('stdoutLogEnabled') + 1);
    expect(result.problems?.[0]).toMatchObject({ line: 12, column: line.indexOf('stdoutLogEnabled') + 1 });
  });

  it('accepts a fragment copied from the middle of a file (closing tags without their openers)', () => {
    const text = '    <aspNetCore processPath="dotnet" arguments=".\\App.dll" />\n  </system.webServer>\n</configuration>';
    const config = parseWebConfig(segment(text)).webConfigs?.[0];
    expect(config?.fragment).toBe(true);
    expect(config?.cutOff).toBe(true);
    expect(config?.error?.message).toMatch(/<\/system\.webServer>/);
    expect(config?.aspNetCore?.attributes.processPath?.value).toBe('dotnet');
  });

  it('parses a Slack-pasted web.config (escaped markup, smart quotes, code fence)', () => {
    const original = fixture('aspnetcore-17033.web.config');
    const escaped = original.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace('"dotnet"', '\u201Cdotnet\u201D');
    const evidence = collect('slack', `\`\`\`\n${escaped}\`\`\``, true);
    const config = evidence.webConfigs[0];
    expect(config?.wellFormed).toBe(true);
    expect(config?.aspNetCore?.attributes.processPath?.value).toBe('dotnet');
    // Line 1 of the message is the code fence: the element sits on source line 9.
    expect(config?.aspNetCore?.attributes.stdoutLogEnabled?.line).toBe(9);
  });

  it('names the first of several <aspNetCore> elements in a problem', () => {
    const text = '<location path="a"><aspNetCore processPath="one" /></location>\n<location path="b"><aspNetCore processPath="two" /></location>';
    const result = parseWebConfig(segment(text));
    expect(result.webConfigs?.[0]?.aspNetCore?.attributes.processPath?.value).toBe('one');
    expect(result.problems?.[0]?.message).toMatch(/2 <aspNetCore> elements/);
  });

  it('keeps attribute names such as __proto__ as plain data', () => {
    const config = parseWebConfig(segment('<aspNetCore __proto__="x" processPath="dotnet" />')).webConfigs?.[0];
    expect(Object.getPrototypeOf(config?.aspNetCore?.attributes)).toBe(Object.prototype);
    expect(Object.keys(config?.aspNetCore?.attributes ?? {})).toEqual(['__proto__', 'processPath']);
  });
});

describe('parseWebConfig: application pools', () => {
  it('reads pools from an applicationHost fragment with located values', () => {
    const result = parseWebConfig(segment(fixture('risky-apppools.applicationHost.xml'), 100, 'applicationHost.config'));
    expect(result.appPools).toHaveLength(2);
    const web = result.appPools?.[0];
    expect(web).toMatchObject({
      source: 'applicationHost.config',
      name: 'ContosoWeb',
      line: 101,
      managedRuntimeVersion: { value: 'v4.0', line: 101 },
      enable32BitAppOnWin64: { value: 'true', line: 101 },
      startMode: { value: 'OnDemand', line: 101 },
      idleTimeout: { value: '00:20:00', line: 102 },
      periodicRestartTime: { value: '08:00:00', line: 104 },
      periodicRestartMemoryKb: { value: '524288', line: 104 },
      periodicRestartPrivateMemoryKb: { value: '786432', line: 104 },
      periodicRestartRequests: { value: '0', line: 104 },
      rapidFailProtection: { value: 'false', line: 110 },
      rapidFailProtectionMaxCrashes: { value: '5', line: 110 },
    });
    expect(result.appPools?.[1]?.managedRuntimeVersion).toEqual({ value: '', line: 112 });
    // The schedule's <add value=...> is not a pool, and no handler either.
    expect(result.webConfigs?.[0]?.handlers).toEqual([]);
  });

  it('reads a bare pool <add> pasted alone', () => {
    const text = '<add name="MyPool" managedRuntimeVersion="" startMode="AlwaysRunning">\n  <processModel idleTimeout="00:00:00" />\n  <failure rapidFailProtection="true" rapidFailProtectionMaxCrashes="5"/>\n</add>';
    const evidence = collect('pool', text);
    expect(evidence.appPools).toEqual([
      {
        source: 'pool',
        name: 'MyPool',
        line: 1,
        managedRuntimeVersion: { value: '', line: 1 },
        startMode: { value: 'AlwaysRunning', line: 1 },
        idleTimeout: { value: '00:00:00', line: 2 },
        rapidFailProtection: { value: 'true', line: 3 },
        rapidFailProtectionMaxCrashes: { value: '5', line: 3 },
      },
    ]);
  });

  it('reads the real applicationPools fragment of projectkudu/kudu#3485', () => {
    const evidence = collect('applicationHost.config', fixture('kudu-3485.apppools.xml'));
    expect(evidence.appPools.map((p) => [p.name, p.managedRuntimeVersion?.value, p.line])).toEqual([
      ['contoso-test1-dev-app', 'v4.0', 2],
      ['~1contoso-test1-dev-app', 'v4.0', 13],
    ]);
  });

  it('does not take a handler <add> for a pool', () => {
    const result = parseWebConfig(segment('<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />'));
    expect(result.appPools).toBeUndefined();
    expect(result.webConfigs?.[0]?.handlers[0]?.modules).toBe('AspNetCoreModuleV2');
  });
});

describe('parseWebConfig: hostile input', () => {
  it('returns fast on 10,000 nested elements', () => {
    const depth = 10_000;
    const nested = (n: number) => `<configuration>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</configuration>`;
    const result = expectLinearTimeOf((text) => parseWebConfig(segment(text)), nested, depth);
    expect(result.webConfigs?.[0]?.wellFormed).toBe(true);
  });

  it('returns fast on a 1 MB attribute', () => {
    const withAttribute = (n: number) => `<configuration><system.webServer><aspNetCore processPath="${'x'.repeat(n)}" /></system.webServer></configuration>`;
    // fast-xml-parser's validator builds the value one character at a time (a million cons strings
    // for the collector to chase), which grows ≈ n^1.6 at this size: allow 48× (n^1.86) here. Any
    // algorithmic n² on 1 MB would take minutes, so the guard still catches it.
    const result = expectLinearTimeOf((text) => parseWebConfig(segment(text)), withAttribute, 1024 * 1024, { maxRatio: 48 });
    expect(result.webConfigs?.[0]?.aspNetCore?.attributes.processPath?.value.length).toBe(1024 * 1024);
  });

  it('does not expand entities of a billion-laughs DOCTYPE and says so', () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE configuration [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<configuration><system.webServer><aspNetCore processPath="&lol9;" /></system.webServer></configuration>`;
    const result = expectLinearTime((t) => parseWebConfig(segment(t)), text);
    expect(result.webConfigs?.[0]?.aspNetCore?.attributes.processPath?.value).toBe('&lol9;');
    expect(result.problems?.some((p) => /DOCTYPE/.test(p.message) && p.line === 2)).toBe(true);
  });

  it('never throws on arbitrary configuration-like text', () => {
    const piece = fc.constantFrom('<configuration>', '</configuration>', '<aspNetCore ', 'processPath="dotnet"', '/>', '>', '<', '"', '\n', ' ', '<handlerSettings>', '</aspNetCore>', '<!--', '&', '<?xml version="1.0"?>', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 500 }), (parts, firstLine) => {
        const result = parseWebConfig(segment(parts.join(''), firstLine));
        for (const problem of result.problems ?? []) expect(problem.line ?? firstLine).toBeGreaterThanOrEqual(firstLine);
        const config = result.webConfigs?.[0];
        if (config?.error) expect(config.error.line).toBeGreaterThanOrEqual(firstLine);
      }),
      { numRuns: 300 },
    );
  });
});
