import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, createTwoFilesPatch } from 'diff';
import { EvidenceCollector } from '../../src/evidence/collector';
import { patchAspNetCore } from '../../src/advice/patch';
import type { WebConfigFacts } from '../../src/evidence/types';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/web-config', name), 'utf8');

function configOf(text: string, source = 'web.config', slack = false): WebConfigFacts {
  const collector = new EvidenceCollector();
  collector.addText(source, text, { slack });
  const config = collector.finish().webConfigs.find((c) => c.aspNetCore !== undefined);
  if (!config) throw new Error('no <aspNetCore> in the test input');
  return config;
}

/** The file as it reads after the patch, by applying the diff to the pasted lines. */
function patchedText(config: WebConfigFacts, diff: string): string | false {
  return applyPatch(`${config.lines.join('\n')}\n`, diff);
}

describe('patchAspNetCore', () => {
  it('changes a value in place and appends a new attribute on a one-line element', () => {
    const config = configOf(fixture('aspnetcore-17033.web.config'));
    const patch = patchAspNetCore(config, { set: { stdoutLogEnabled: 'true', requestTimeout: '00:05:00' } });
    expect(patch?.element).toBe(
      '<aspNetCore processPath="dotnet" arguments=".\\UpdateClassboatFromZoho.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" requestTimeout="00:05:00" />',
    );
    expect(patch?.diff).toBe(
      [
        '--- a/web.config',
        '+++ b/web.config',
        '@@ -5,7 +5,7 @@',
        '       <handlers>',
        '         <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
        '       </handlers>',
        '-      <aspNetCore processPath="dotnet" arguments=".\\UpdateClassboatFromZoho.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" />',
        '+      <aspNetCore processPath="dotnet" arguments=".\\UpdateClassboatFromZoho.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" requestTimeout="00:05:00" />',
        '     </system.webServer>',
        '   </location>',
        ' </configuration>',
        '',
      ].join('\n'),
    );
  });

  it('produces exactly what jsdiff createTwoFilesPatch would for a file starting at line 1', () => {
    const config = configOf(fixture('aspnetcore-17033.web.config'));
    const patch = patchAspNetCore(config, { set: { hostingModel: 'inprocess' } });
    const after = patchedText(config, patch?.diff ?? '');
    expect(after).not.toBe(false);
    const expected = createTwoFilesPatch('a/web.config', 'b/web.config', `${config.lines.join('\n')}\n`, after as string, '', '', { context: 3 });
    // Same hunks as jsdiff; only the header is written the way `git diff` writes it.
    expect(patch?.diff).toBe(expected.replace(/^=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2'));
    expect(patch?.diff).toMatch(/^--- a\/web\.config\n\+\+\+ b\/web\.config\n@@ /);
  });

  it('puts new attributes of a multi-line element on new lines with the same indentation', () => {
    const config = configOf(fixture('production-ready.web.config'));
    const patch = patchAspNetCore(config, { set: { requestTimeout: '00:02:00', shutdownTimeLimit: '30' } });
    const after = patchedText(config, patch?.diff ?? '') as string;
    expect(after).toContain('                  shutdownTimeLimit="30"\n                  requestTimeout="00:02:00">\n');
    expect(patch?.element.split('\n').slice(0, 9)).toEqual([
      '<aspNetCore processPath="dotnet"',
      '            arguments=".\\Contoso.Web.dll"',
      '            stdoutLogEnabled="false"',
      '            stdoutLogFile=".\\logs\\stdout"',
      '            hostingModel="inprocess"',
      '            startupTimeLimit="120"',
      '            shutdownTimeLimit="30"',
      '            requestTimeout="00:02:00">',
      '  <environmentVariables>',
    ]);
  });

  it('creates <handlerSettings>, turning a self-closing element into an open/close pair', () => {
    const config = configOf(fixture('aspnetcore-17033.web.config'));
    const patch = patchAspNetCore(config, { handlerSettings: { debugLevel: 'FILE,TRACE', debugFile: '.\\logs\\ancm.log' } });
    expect(patch?.element).toBe(
      [
        '<aspNetCore processPath="dotnet" arguments=".\\UpdateClassboatFromZoho.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout">',
        '  <handlerSettings>',
        '    <handlerSetting name="debugLevel" value="FILE,TRACE" />',
        '    <handlerSetting name="debugFile" value=".\\logs\\ancm.log" />',
        '  </handlerSettings>',
        '</aspNetCore>',
      ].join('\n'),
    );
    const after = patchedText(config, patch?.diff ?? '') as string;
    expect(after).toContain('\n        <handlerSettings>\n          <handlerSetting name="debugLevel" value="FILE,TRACE" />\n');
    expect(after).toContain('\n      </aspNetCore>\n    </system.webServer>\n');
  });

  it('adds an environment variable next to the existing ones and replaces one that is there', () => {
    const config = configOf(fixture('docs-10046.fragment.xml'), 'fragment');
    const patch = patchAspNetCore(config, { environmentVariables: { ASPNETCORE_ENVIRONMENT: 'Production', ASPNETCORE_DETAILEDERRORS: '1' } });
    expect(patch?.element).toBe(
      [
        '<aspNetCore processPath=".\\LibraryApi.exe" arguments="" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="InProcess">',
        '      <environmentVariables>',
        '        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
        '        <environmentVariable name="ASPNETCORE_DETAILEDERRORS" value="1" />',
        '      </environmentVariables>',
        '    </aspNetCore>',
      ].join('\n'),
    );
    expect(patch?.diff).toContain('-        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Development" />\n');
    expect(patch?.diff).toContain('--- a/fragment\n+++ b/fragment\n');
  });

  it('patches a fragment holding only <aspNetCore .../>', () => {
    const config = configOf('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />', 'snippet');
    const patch = patchAspNetCore(config, { set: { stdoutLogEnabled: 'true', stdoutLogFile: '.\\logs\\stdout' } });
    expect(patch?.element).toBe('<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />');
    expect(patch?.diff).toContain('@@ -1,1 +1,1 @@\n-<aspNetCore processPath="dotnet" arguments=".\\App.dll" />\n+<aspNetCore');
  });

  it('numbers hunks by SOURCE line when the config starts further down the paste', () => {
    const prose = Array.from({ length: 39 }, (_, i) => (i === 0 ? 'our config, after the logs:' : `note ${i}`)).join('\n');
    const config = configOf(`${prose}\n${fixture('aspnetcore-17033.web.config')}`, 'paste');
    expect(config.firstLine).toBe(40);
    const patch = patchAspNetCore(config, { set: { stdoutLogEnabled: 'true' } });
    expect(patch?.diff).toContain('@@ -44,7 +44,7 @@');
  });

  it('patches a Slack-pasted config', () => {
    const escaped = fixture('aspnetcore-17033.web.config').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const config = configOf(`\`\`\`\n${escaped}\`\`\``, 'slack', true);
    const patch = patchAspNetCore(config, { set: { hostingModel: 'inprocess' } });
    expect(patch?.element).toContain('stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');
    expect(patch?.diff).toContain('@@ -6,7 +6,7 @@');
  });

  it('keeps single quotes and escapes new values for them', () => {
    const config = configOf("<aspNetCore processPath='dotnet' arguments='.\\App.dll' />");
    const patch = patchAspNetCore(config, { set: { arguments: ".\\App.dll --name 'x'&y" }, environmentVariables: { A: 'b' } });
    expect(patch?.element).toBe(
      ["<aspNetCore processPath='dotnet' arguments='.\\App.dll --name &apos;x&apos;&amp;y'>", '  <environmentVariables>', "    <environmentVariable name='A' value='b' />", '  </environmentVariables>', '</aspNetCore>'].join('\n'),
    );
  });

  it('still patches a partial paste when the element itself is complete', () => {
    const partial = fixture('aspnetcore-17033.web.config').split('\n').slice(0, 8).join('\n');
    const config = configOf(partial);
    expect(config.cutOff).toBe(true);
    expect(patchAspNetCore(config, { set: { stdoutLogEnabled: 'true' } })?.element).toContain('stdoutLogEnabled="true"');
  });

  it('returns undefined for a malformed file, a file without <aspNetCore>, or a change already in place', () => {
    const malformed = configOf(fixture('malformed.web.config'));
    expect(malformed.wellFormed).toBe(false);
    expect(patchAspNetCore(malformed, { set: { stdoutLogEnabled: 'true' } })).toBeUndefined();
    const noElement: WebConfigFacts = { source: 'x', wellFormed: true, fragment: true, handlers: [], lines: ['<handlers />'], firstLine: 1 };
    expect(patchAspNetCore(noElement, { set: { a: 'b' } })).toBeUndefined();
    const good = configOf(fixture('aspnetcore-17033.web.config'));
    expect(patchAspNetCore(good, { set: { stdoutLogEnabled: 'false' } })).toBeUndefined();
  });

  it('extends an existing <handlerSettings> and replaces a handler setting value', () => {
    const config = configOf(fixture('diagnostic-leftovers.web.config'));
    const patch = patchAspNetCore(config, { handlerSettings: { debugLevel: 'ERROR', stackSize: '0x200000' } });
    const after = patchedText(config, patch?.diff ?? '') as string;
    expect(after).toContain(
      '        <handlerSetting name="debugLevel" value="ERROR" />\n        <handlerSetting name="debugFile" value=".\\logs\\ancm-debug.log" />\n        <handlerSetting name="stackSize" value="0x200000" />\n      </handlerSettings>',
    );
  });
});
