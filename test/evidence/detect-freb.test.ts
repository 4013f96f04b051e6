import { classifyLine, continues } from '../../src/evidence/detect';
import { EvidenceCollector } from '../../src/evidence/collector';
import type { Evidence } from '../../src/evidence/types';

describe('detect: FREB traces', () => {
  it('classifies rendered FREB rows that only FREB writes as strong FREB lines that join an open FREB block', () => {
    for (const line of [
      'MODULE_SET_RESPONSE_ERROR_STATUS',
      'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502"',
      'ANCM_REQUEST_FORWARD_FAIL ErrorCode="0x80072ee2"',
      'ARR_SERVER_ROUTED RoutingReason="LoadBalancing", Server="10.0.0.12"',
      '93. | MODULE_SET_RESPONSE_ERROR_STATUSWarning | ModuleName="AspNetCoreModule", HttpStatus="502" | 21:08:55.104',
      '1. `ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502"`',
    ]) {
      expect(classifyLine(line)).toEqual({ kind: 'freb', strong: true, joins: 'freb' });
    }
  });

  it('keeps a trace in one block: strong rows continue a FREB segment instead of starting a new one', () => {
    const row = classifyLine('94. | NOTIFY_MODULE_COMPLETION | ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER" | 21:08:55.104');
    expect(continues('freb', row)).toBe(true);
    // ...but they still end a stdout or event block, where they do not belong.
    expect(continues('stdout-log', row)).toBe(false);
    expect(continues('prose', row)).toBe(false);
  });

  it('classifies numbered rows of other opcodes as weak FREB lines', () => {
    const row = classifyLine('88. | GENERAL_SET_REQUEST_HEADER | HeaderName="MS-ASPNETCORE-TOKEN", HeaderValue="x", Replace="true" | 21:06:53.057');
    expect(row).toEqual({ kind: 'freb', strong: false });
    expect(classifyLine('94. NOTIFY_MODULE_END ModuleName="DynamicCompressionModule", Notification="RELEASE_REQUEST_STATE"')).toEqual({ kind: 'freb', strong: false });
    expect(continues('freb', row)).toBe(true);
  });

  it('does not take a numbered list in prose for a trace row', () => {
    expect(classifyLine('1. ERROR_WINHTTP_TIMEOUT happens after two minutes')).toBeUndefined();
  });

  it('lets the <Event> elements of a FREB file stay in the FREB block, while still starting event-log blocks elsewhere', () => {
    const event = classifyLine('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">');
    expect(event).toEqual({ kind: 'event-log', strong: true, joins: 'freb' });
    expect(continues('freb', event)).toBe(true);
    expect(continues('stdout-log', event)).toBe(false);
  });
});

/** A small FREB 502.5 trace: prolog lines, the failedRequest root, one ANCM event, the end tag. */
const PROLOG = [`<?xml version="1.0" encoding="UTF-8" ?>`, `<?xml-stylesheet type='text/xsl' href='freb.xsl'?>`];
const ROOT =
  '<failedRequest url="http://localhost:80/api/orders" siteId="2" appPoolId="ContosoWeb" processId="7424" verb="GET" failureReason="STATUS_CODE" statusCode="502.5" triggerStatusCode="502.5" timeTaken="1250" xmlns:freb="http://schemas.microsoft.com/win/2006/06/iis/freb">';
const EVENT = [
  '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
  ' <System>',
  '  <Provider Name="WWW Server" Guid="{3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83}"/>',
  '  <EventID>0</EventID>',
  '  <Level>3</Level>',
  '  <Opcode>16</Opcode>',
  ' </System>',
  ' <EventData>',
  '  <Data Name="ModuleName">AspNetCoreModuleV2</Data>',
  '  <Data Name="Notification">128</Data>',
  '  <Data Name="HttpStatus">502</Data>',
  '  <Data Name="HttpReason">Bad Gateway</Data>',
  '  <Data Name="HttpSubStatus">5</Data>',
  '  <Data Name="ErrorCode">2147943785</Data>',
  ' </EventData>',
  ' <RenderingInfo Culture="en-US">',
  '  <Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode>',
  ' </RenderingInfo>',
  '</Event>',
];
const TRACE = [...PROLOG, ROOT, ...EVENT, '</failedRequest>'];

function read(text: string, slack: boolean | 'auto' = false): Evidence {
  const collector = new EvidenceCollector();
  collector.addText('paste', text, { slack });
  return collector.finish();
}

describe('detect: a FREB XML file is never a web.config (issue 9)', () => {
  const cases: [string, string][] = [
    ['the file as saved (declaration, stylesheet, root, events)', TRACE.join('\n')],
    ['the declaration, the stylesheet and the root on one line', [PROLOG.join(''), ROOT, ...EVENT, '</failedRequest>'].join('\n')],
    ['the declaration and the root on one line, no stylesheet', [PROLOG[0]! + ROOT, ...EVENT, '</failedRequest>'].join('\n')],
    ['the declaration, then the root, no stylesheet', [PROLOG[0]!, ROOT, ...EVENT, '</failedRequest>'].join('\n')],
    ['the whole trace on one line', TRACE.join('')],
    ['without its XML declaration', TRACE.slice(1).join('\n')],
    ['without any prolog', TRACE.slice(2).join('\n')],
    ['in a code fence', ['```xml', ...TRACE, '```'].join('\n')],
    ['in a fence opened on its first line', ['```' + TRACE[0]!, ...TRACE.slice(1), '```'].join('\n')],
    ['in a one-line fence', '```' + TRACE.join('') + '```'],
    ['after prose', ['Here is the failed request trace for the 502.5:', '', ...TRACE].join('\n')],
    ['after prose on the line before, no blank line', ['FREB says:', ...TRACE].join('\n')],
    ['after prose, in a fence, with prose after', ['Here is the trace:', '```', ...TRACE, '```', 'any ideas?'].join('\n')],
    ['after a comment line', ['<!-- saved from url=(0014)about:internet -->', ...TRACE.slice(2)].join('\n')],
  ];

  it.each(cases)('reads %s as FREB', (_name, text) => {
    const evidence = read(text);
    expect(evidence.webConfigs).toEqual([]);
    expect(evidence.inputs[0]?.kinds).not.toContain('web-config');
    expect(evidence.inputs[0]?.kinds).toContain('freb');
    expect(evidence.freb).toHaveLength(1);
    expect(evidence.freb[0]).toMatchObject({ statusCode: 502, substatus: 5, url: 'http://localhost:80/api/orders' });
  });

  it('reads a Slack-escaped trace after prose as FREB', () => {
    const escaped = ['trace from the server:', '```', ...TRACE, '```'].join('\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const evidence = read(escaped, 'auto');
    expect(evidence.webConfigs).toEqual([]);
    expect(evidence.freb).toHaveLength(1);
    expect(evidence.freb[0]).toMatchObject({ statusCode: 502, substatus: 5 });
  });

  it('classifies the one-line prolog of a FREB file as FREB', () => {
    expect(classifyLine(PROLOG.join(''))).toMatchObject({ kind: 'freb', strong: true });
    expect(classifyLine(PROLOG[0]! + ROOT)).toMatchObject({ kind: 'freb', strong: true });
    expect(classifyLine(TRACE.join(''))).toMatchObject({ kind: 'freb', strong: true });
  });

  it('still reads a web.config with an XML declaration as a web.config', () => {
    const config = ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <system.webServer>', '    <aspNetCore processPath="dotnet" arguments=".\\App.dll" />', '  </system.webServer>', '</configuration>'];
    for (const text of [config.join('\n'), config.join('')]) {
      const evidence = read(text);
      expect(evidence.inputs[0]?.kinds).toEqual(['web-config']);
      expect(evidence.webConfigs).toHaveLength(1);
      expect(evidence.freb).toEqual([]);
    }
  });

  it('keeps a web.config and a FREB trace pasted one after the other apart', () => {
    const config = ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <system.webServer>', '    <aspNetCore processPath="dotnet" arguments=".\\App.dll" hostingModel="outofprocess" />', '  </system.webServer>', '</configuration>'];
    const evidence = read([...config, '', ...TRACE].join('\n'));
    expect(evidence.webConfigs).toHaveLength(1);
    expect(evidence.webConfigs[0]?.aspNetCore).toBeDefined();
    expect(evidence.freb).toHaveLength(1);
  });
});
