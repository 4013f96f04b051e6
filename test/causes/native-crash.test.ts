import cause from '../../src/causes/native-crash';
import { runCauseTests } from '../helpers/cause-tester';
import { applicationError, dotnetRuntime1026, events, iisLog, iisRow, was5009 } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a stack overflow has its own cause',
      evidence: { 'application-events.txt': events(applicationError('0xc00000fd', 'coreclr.dll')) },
    },
    {
      name: 'a managed exception (0xe0434352) is not a native fault',
      evidence: { 'application-events.txt': events(applicationError('0xe0434352', 'KERNELBASE.dll')) },
    },
    {
      name: 'a healthy IIS log has no crash',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/', 200, 0, 0, 15)]) },
    },
  ],
  invalid: [
    {
      name: 'Application Error 1000 with 0xc0000005 in ntdll.dll (dotnet/aspnetcore#7235)',
      evidence: { 'application-events.txt': events(applicationError('0xc0000005', 'ntdll.dll')) },
      minConfidence: 0.6,
      maxConfidence: 0.79,
      evidenceLines: [4],
      mentions: ['access violation', 'ntdll.dll is Windows itself', '!analyze -v'],
    },
    {
      name: 'fail-fast in ucrtbase.dll (dotnet/aspnetcore#6834) with the worker crash in WAS',
      evidence: {
        'application-events.txt': events(applicationError('0xc0000409', 'ucrtbase.dll')),
        'system-events.txt': events(was5009('ShopPool', 6292, '0xc0000409')),
        'u_ex261120.log': iisLog([iisRow('10:15:00', 'GET', '/api/orders', 502, 3, 12030, 1520)]),
      },
      minConfidence: 0.8,
      mentions: ['fail-fast', 'ucrtbase.dll with 0xc0000409'],
    },
    {
      name: '.NET Runtime 1026 naming a native exception code (dotnet/aspnetcore#13706)',
      evidence: { 'application-events.txt': events(dotnetRuntime1026('w3wp.exe', ['Exception Info: exception code c0000005, exception address 00007FFCFD002179', 'Stack:'])) },
      minConfidence: 0.6,
      mentions: ['0xc0000005'],
    },
  ],
});
