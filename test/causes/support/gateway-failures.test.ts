import { failureTiming, gatewayFailure, nearTimeout, toTimespan, win32Label } from '../../../src/causes/support/gateway-failures';
import { collect } from '../../helpers/cause-tester';
import { iisLog, iisRow } from './windows-evidence';

describe('nearTimeout', () => {
  it('accepts durations at or a little past the timeout, and the ARR article row just under 30 s', () => {
    expect(nearTimeout(120_015, 120)).toBe(true);
    expect(nearTimeout(124_000, 120)).toBe(true);
    expect(nearTimeout(29_889, 30)).toBe(true);
  });
  it('rejects durations clearly before or after the timeout', () => {
    expect(nearTimeout(100_000, 120)).toBe(false);
    expect(nearTimeout(130_000, 120)).toBe(false);
    expect(nearTimeout(25_000, 30)).toBe(false);
  });
});

describe('toTimespan', () => {
  it('writes IIS timespans, with days when needed', () => {
    expect(toTimespan(240)).toBe('00:04:00');
    expect(toTimespan(3661)).toBe('01:01:01');
    expect(toTimespan(90_000)).toBe('1.01:00:00');
  });
});

describe('win32Label', () => {
  it('names the code and its HRESULT', () => {
    expect(win32Label(12002)).toBe('12002 (ERROR_WINHTTP_TIMEOUT, HRESULT 0x80072EE2)');
    expect(win32Label(1229)).toBe('1229 (ERROR_CONNECTION_INVALID, HRESULT 0x800704CD)');
  });
});

describe('gatewayFailure', () => {
  it('pairs IIS rows with their code and counts them from the aggregate', () => {
    const evidence = collect({ 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/a', 502, 3, 12030, 900), iisRow('10:15:02', 'GET', '/b', 502, 3, 12031, 800), iisRow('10:15:03', 'GET', '/c', 502, 3, 12030, 700)]) });
    const failure = gatewayFailure(evidence, [12030, 12031]);
    expect(failure).toBeDefined();
    expect(failure!.exact).toBe(true);
    expect(failure!.logCount).toBe(3);
    expect(failure!.win32).toBe(12030);
    expect(failure!.urls).toEqual(expect.arrayContaining(['/a', '/b']));
  });

  it('marks a code without any 502.3 as unpaired', () => {
    const failure = gatewayFailure(collect({ 'notes.txt': 'HRESULT 0x80072EFD in the trace' }), [12029]);
    expect(failure?.paired).toBe(false);
    expect(failure?.exact).toBe(false);
  });

  it('returns undefined when none of the codes appears', () => {
    expect(gatewayFailure(collect({ 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/', 502, 3, 12002, 120015)]) }), [12030])).toBeUndefined();
  });
});

describe('failureTiming', () => {
  it('takes the median of the log group and the slowest row as its evidence', () => {
    const evidence = collect({
      'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/a', 502, 3, 12002, 120_015), iisRow('10:15:02', 'GET', '/b', 502, 3, 12002, 120_900), iisRow('10:15:03', 'GET', '/c', 502, 3, 12002, 120_030)]),
    });
    const failure = gatewayFailure(evidence, [12002])!;
    const timing = failureTiming(evidence, failure, [12002]);
    expect(timing).toBeDefined();
    expect(Math.abs(timing!.typicalMs - 120_030)).toBeLessThan(2_500);
    expect(timing!.maxMs).toBeGreaterThanOrEqual(120_000);
    expect(timing!.count).toBe(3);
  });
});
