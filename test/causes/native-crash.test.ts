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
  messy: {
    valid: [
      {
        // Application Error 1000 with STATUS_STACK_OVERFLOW (kb-facts §5.2) retold: the stack-overflow cause, not a native fault.
        name: 'a retold faulting-application event with 0xc00000fd',
        form: 'paraphrased',
        evidence: { 'message.txt': 'w3wp keeps dying, faulting module coreclr.dll, exception code 0xc00000fd, and the site gives 502s meanwhile' },
      },
    ],
    invalid: [
      {
        // journalctl of the documented nginx + Kestrel set-up (a kestrel-*.service unit): systemd's
        // exit line (src/core/service.c) says the process died of SIGSEGV, the Linux access violation.
        name: 'systemd says the Kestrel service died of SIGSEGV behind nginx',
        form: 'header-less',
        evidence: {
          'journal.txt': [
            '2026/11/20 10:15:02 [error] 1234#1234: *57 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.7, server: shop.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://127.0.0.1:5000/api/orders"',
            'Nov 20 10:15:02 web1 systemd[1]: kestrel-shop.service: Main process exited, code=dumped, status=11/SEGV',
            "Nov 20 10:15:02 web1 systemd[1]: kestrel-shop.service: Failed with result 'core-dump'.",
            'Nov 20 10:15:12 web1 systemd[1]: kestrel-shop.service: Scheduled restart job, restart counter is at 4.',
          ].join('\n'),
        },
      },
      {
        // Real sample: the German-localized Application Error 1000 from https://github.com/dotnet/aspnetcore/issues/13706
        // (report id and process id kept, they identify nothing), with the English .NET Runtime 1026 that precedes it.
        name: 'a German-localized faulting-application event after the 1026 text (dotnet/aspnetcore#13706)',
        form: 'other language',
        evidence: {
          'events.txt': [
            'Application: w3wp.exe',
            'CoreCLR Version: 4.6.27521.2',
            'Description: The process was terminated due to an unhandled exception.',
            'Exception Info: exception code c0000005, exception address 00007FFCFD002179',
            'Stack:',
            '',
            'followed by:',
            '',
            'Name der fehlerhaften Anwendung: w3wp.exe, Version: 8.5.9600.16384, Zeitstempel: 0x5215df96',
            'Name des fehlerhaften Moduls: CRYPT32.dll, Version: 6.3.9600.18653, Zeitstempel: 0x58de62bb',
            'Ausnahmecode: 0xc0000005',
            'Fehleroffset: 0x0000000000062179',
            'ID des fehlerhaften Prozesses: 0x9d8',
            'Pfad der fehlerhaften Anwendung: c:\\windows\\system32\\inetsrv\\w3wp.exe',
            'Pfad des fehlerhaften Moduls: C:\\Windows\\system32\\CRYPT32.dll',
          ].join('\n'),
        },
      },
      {
        // Real sample: the Windows Error Reporting file quoted as Markdown in https://github.com/dotnet/aspnetcore/issues/6834
        // (comment of 2019-01-18, cut after Exception Data), a fail-fast in ucrtbase.dll.
        name: 'a Report.wer quoted in Markdown (dotnet/aspnetcore#6834)',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'Data from Report.wer:',
            '',
            '> Version=1',
            '> EventType=BEX64',
            '> NsAppName=w3wp.exe',
            '> Sig[0].Name=Application Name',
            '> Sig[0].Value=w3wp.exe',
            '> Sig[3].Name=Fault Module Name',
            '> Sig[3].Value=ucrtbase.dll',
            '> Sig[6].Name=Exception Offset',
            '> Sig[6].Value=000000000006e83e',
            '> Sig[7].Name=Exception Code',
            '> Sig[7].Value=c0000409',
            '> Sig[8].Name=Exception Data',
            '> Sig[8].Value=0000000000000007',
          ].join('\n'),
        },
      },
      {
        // Application Error 1000 fields (kb-facts §5.2) without the Event Viewer header, heap corruption in ntdll.
        name: 'the faulting-application lines without their header',
        form: 'header-less',
        evidence: {
          'event.txt': [
            'Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0xcfdb13d8',
            'Faulting module name: ntdll.dll, version: 10.0.17763.5830, time stamp: 0x2a5b1a3c',
            'Exception code: 0xc0000374',
            'Fault offset: 0x00000000000fb0c9',
            'Faulting application path: c:\\windows\\system32\\inetsrv\\w3wp.exe',
          ].join('\n'),
        },
      },
    ],
  },
});
