import { configHolding, configLineRef, timespanSeconds, valueNamed } from '../../src/evidence/config-facts';
import type { WebConfigFacts } from '../../src/evidence/types';

function config(source: string, firstLine: number, lines: string[]): WebConfigFacts {
  return { source, wellFormed: true, fragment: true, handlers: [], lines, firstLine };
}

describe('timespanSeconds', () => {
  it.each([
    ['00:02:00', 120],
    ['1.00:00:00', 86400],
    [' 00:00:30 ', 30],
    ['360:00:00', 1_296_000],
    ['00:01:30.500', 90],
    ['90', 90],
  ])('reads %s as %i s', (text, seconds) => {
    expect(timespanSeconds(text)).toBe(seconds);
  });

  it.each([[undefined], [''], ['2 minutes'], ['00:02'], ['-00:02:00']])('reads %p as nothing', (text) => {
    expect(timespanSeconds(text)).toBeUndefined();
  });
});

describe('configHolding and configLineRef', () => {
  const first = config('paste', 3, ['<configuration>', '  <aspNetCore processPath="dotnet" />', '</configuration>']);
  const second = config('paste', 20, ['<add name="Pool" idleTimeout="00:20:00" />']);
  const other = config('web.config', 1, ['<configuration>']);

  it('finds the pasted config segment that holds a line of its source', () => {
    expect(configHolding([other, first, second], 'paste', 4)).toBe(first);
    expect(configHolding([other, first, second], 'paste', 20)).toBe(second);
    expect(configHolding([other, first, second], 'paste', 10)).toBeUndefined();
    expect(configHolding([other, first, second], 'web.config', 3)).toBeUndefined();
  });

  it('quotes the line as pasted, numbered as in its source', () => {
    expect(configLineRef(first, 4)).toEqual({ source: 'paste', line: 4, text: '  <aspNetCore processPath="dotnet" />' });
    expect(configLineRef(first, 40)).toEqual({ source: 'paste', line: 40, text: '' });
  });

  it('cuts a long line bare unless told to mark it', () => {
    const long = config('paste', 1, [`<add name="x" ${'a'.repeat(400)} />`]);
    expect(configLineRef(long, 1).text).toHaveLength(300);
    expect(configLineRef(long, 1).text.endsWith('a')).toBe(true);
    expect(configLineRef(long, 1, '…').text.endsWith('…')).toBe(true);
  });
});

describe('valueNamed', () => {
  const attributes = { requestTimeout: { value: '00:02:00', line: 4 }, hostingModel: { value: 'inprocess', line: 5 } };

  it('finds a value whatever the case of its name, with the name as written', () => {
    expect(valueNamed(attributes, 'REQUESTTIMEOUT')).toEqual({ name: 'requestTimeout', value: '00:02:00', line: 4 });
    expect(valueNamed(attributes, 'hostingModel')?.value).toBe('inprocess');
  });

  it('finds nothing in a missing element or under another name', () => {
    expect(valueNamed(undefined, 'requestTimeout')).toBeUndefined();
    expect(valueNamed(attributes, 'startupTimeLimit')).toBeUndefined();
  });
});
