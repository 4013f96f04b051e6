import { classifyLine, continues } from '../../src/evidence/detect';

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
