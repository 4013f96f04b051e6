import { crashEvents, faultingModule, normalizeExceptionCode } from '../../../src/causes/support/crash-events';
import { collect } from '../../helpers/cause-tester';
import { applicationError, dotnetRuntime1026, events, was5009 } from './windows-evidence';

describe('normalizeExceptionCode', () => {
  it('reads every spelling Windows uses', () => {
    expect(normalizeExceptionCode('0xC00000FD')).toBe('0xc00000fd');
    expect(normalizeExceptionCode('c0000005')).toBe('0xc0000005');
    expect(normalizeExceptionCode('0xff')).toBe('0x000000ff');
  });
  it('rejects text that is not a code', () => {
    expect(normalizeExceptionCode('System.Exception')).toBeUndefined();
    expect(normalizeExceptionCode(undefined)).toBeUndefined();
  });
});

describe('crashEvents', () => {
  it('reads the code of each kind of crash event', () => {
    const evidence = collect({
      'application-events.txt': events(applicationError('0xc0000409', 'ucrtbase.dll'), dotnetRuntime1026('w3wp.exe', ['Exception Info: exception code c0000005, exception address 00007FFCFD002179'])),
      'system-events.txt': events(was5009('ShopPool', 4242, '0x800703e9')),
    });
    const found = crashEvents(evidence).map((c) => [c.kind, c.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['application-error-1000', '0xc0000409'],
        ['dotnet-runtime-1026', '0xc0000005'],
        ['was-5009', '0x800703e9'],
      ]),
    );
  });

  it('names the faulting module without its path', () => {
    const evidence = collect({ 'application-events.txt': events(applicationError('0xc0000005', 'ntdll.dll')) });
    const crash = crashEvents(evidence)[0];
    expect(crash && faultingModule(crash.event)).toBe('ntdll.dll');
  });
});
