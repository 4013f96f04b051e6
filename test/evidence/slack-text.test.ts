/**
 * Slack-flavoured pastes (issue 9): code fences are removed without shifting line numbers, a
 * one-line fenced text is read as its content, and prose after a closing fence is never glued
 * onto the XML before it. Each case runs on both roads a paste takes: the raw text into the
 * collector (CLI, console) and the cleaned text a Slack thread stores (cleanText, then the
 * collector with `clean: true`).
 */
import { EvidenceCollector } from '../../src/evidence/collector';
import { cleanText } from '../../src/evidence/clean-text';
import type { Evidence } from '../../src/evidence/types';

type Road = 'raw' | 'cleaned';
const ROADS: Road[] = ['raw', 'cleaned'];

function read(text: string, road: Road, slack: boolean | 'auto' = 'auto'): Evidence {
  const collector = new EvidenceCollector();
  if (road === 'raw') collector.addText('paste', text, { slack });
  else collector.addText('paste', cleanText(text, slack).text, { clean: true });
  return collector.finish();
}

const CONFIG = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <system.webServer>',
  '    <handlers>',
  '      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
  '    </handlers>',
  '    <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" stdoutLogEnabled="true" hostingModel="outofprocess" />',
  '  </system.webServer>',
  '</configuration>',
];

/** The web.config read from a paste: well-formed, a whole document, its <aspNetCore> on `line`. */
function expectConfig(evidence: Evidence, line: number): void {
  expect(evidence.webConfigs).toHaveLength(1);
  const config = evidence.webConfigs[0]!;
  expect(config).toMatchObject({ wellFormed: true, fragment: false });
  expect(config.aspNetCore?.startLine).toBe(line);
  expect(config.aspNetCore?.attributes['stdoutLogEnabled']?.line).toBe(line);
  expect(evidence.problems).toEqual([]);
}

describe.each(ROADS)('Slack-flavoured text, %s', (road) => {
  describe('prose after a closing fence is never glued onto the XML', () => {
    it('a fenced web.config followed by "any ideas?"', () => {
      const e = read(['my web.config:', '```', ...CONFIG, '```', 'any ideas?'].join('\n'), road);
      // Line 1 prose, line 2 the fence, so <aspNetCore> is line 9 of the paste.
      expectConfig(e, 9);
      expect(e.inputs[0]?.kinds).toEqual(['prose', 'web-config']);
    });

    it('with a language tag and a blank line before the question', () => {
      expectConfig(read(['```xml', ...CONFIG, '```', '', 'any ideas?'].join('\n'), road), 8);
    });

    it('with the closing fence glued to the last line of the XML', () => {
      const lines = ['```', ...CONFIG, 'any ideas?'];
      lines[CONFIG.length] += '```';
      expectConfig(read(lines.join('\n'), road), 8);
    });

    it('with both fences glued to the XML, as Slack sends a snippet typed inline', () => {
      const lines = [...CONFIG, 'anyone seen this before?'];
      lines[0] = '```' + lines[0];
      lines[CONFIG.length - 1] += '```';
      expectConfig(read(lines.join('\n'), road), 7);
    });

    it('with the question after the closing fence on the same line', () => {
      expectConfig(read(['```', ...CONFIG, '``` any ideas?'].join('\n'), road), 8);
    });

    it('for a fragment (the <aspNetCore> element alone)', () => {
      const e = read(['```', CONFIG[6]!.trim(), '```', 'why does this 502?'].join('\n'), road);
      expect(e.webConfigs).toHaveLength(1);
      expect(e.webConfigs[0]?.aspNetCore?.startLine).toBe(2);
      expect(e.webConfigs[0]?.wellFormed).toBe(true);
    });

    it('for a Slack-escaped web.config', () => {
      const escaped = ['here it is', '```', ...CONFIG, '```', 'any ideas?'].join('\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expectConfig(read(escaped, road), 9);
    });
  });

  describe('fences are removed without shifting line numbers', () => {
    it('cites the lines of the paste as pasted, fence lines counted', () => {
      const text = ['Getting this since the deploy:', '```', 'HTTP/1.1 502 Bad Gateway', 'Server: Microsoft-IIS/10.0', '```', '', '```', ...CONFIG, '```'].join('\n');
      const e = read(text, road);
      expect(e.inputs[0]?.lines).toBe(text.split('\n').length);
      expect(e.headers[0]?.statusRef).toMatchObject({ line: 3, text: 'HTTP/1.1 502 Bad Gateway' });
      expectConfig(e, 14);
      const status = e.statuses.find((s) => s.status === 502);
      expect(status?.ref.line).toBe(3);
    });
  });

  describe('a one-line fenced text is read as its content', () => {
    it.each([
      ['bare', '```HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure```'],
      ['with a language tag', '```text HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure```'],
      ['with spaces inside the fence', '``` HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure ```'],
      ['after a question on the line before', 'what does this mean?\n```HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure```'],
    ])('%s', (_name, text) => {
      const e = read(text, road);
      const line = text.split('\n').length;
      expect(e.statuses).toEqual(expect.arrayContaining([expect.objectContaining({ status: 502, substatus: 5 })]));
      const status = e.statuses.find((s) => s.status === 502);
      expect(status?.ref.line).toBe(line);
      expect(status?.ref.text).toBe('HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure');
      expect(e.inputs[0]?.kinds).toContain('error-page');
    });
  });
});

describe('cleanText', () => {
  it('keeps one line per line of the message', () => {
    const text = ['a', '```xml', '<aspNetCore />', '```', 'b'].join('\n');
    expect(cleanText(text).text.split('\n')).toHaveLength(5);
  });
});
