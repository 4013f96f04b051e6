import cause from '../../src/causes/unhandled-exception-crash';
import { runCauseTests } from '../helpers/cause-tester';
import { applicationError, dotnetRuntime1026, events, iisLog, iisRow } from './support/windows-evidence';

const KESTREL_CAUGHT = [
  'info: Microsoft.Hosting.Lifetime[14]',
  '      Now listening on: http://127.0.0.1:21413',
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Application started. Press Ctrl+C to shut down.',
  'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
  '      Connection id "0HN8B6M6V5T1K", Request id "0HN8B6M6V5T1K:00000002": An unhandled exception was thrown by the application.',
  '      System.NullReferenceException: Object reference not set to an instance of an object.',
  '         at Shop.Controllers.CartController.Index() in C:\\src\\Shop\\Controllers\\CartController.cs:line 42',
].join('\n');

runCauseTests(cause, {
  valid: [
    {
      name: 'an exception Kestrel caught (Kestrel[13]) became a 500, the process lived on',
      evidence: { 'stdout_20261120101501_4242.log': KESTREL_CAUGHT },
    },
    {
      name: 'a runtime event with a native exception code is a native crash',
      evidence: { 'application-events.txt': events(dotnetRuntime1026('w3wp.exe', ['Exception Info: exception code c0000005, exception address 00007FFCFD002179', 'Stack:'])) },
    },
    {
      name: 'an unhandled exception before the host started is a startup failure',
      evidence: {
        'stdout_20261120101501_4242.log': [
          "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.Production.json' was not found and is not optional. The expected physical path was 'C:\\inetpub\\shop\\appsettings.Production.json'.",
          '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)',
        ].join('\n'),
      },
    },
    {
      name: 'a stack overflow has its own cause',
      evidence: { 'application-events.txt': events(applicationError('0xc00000fd', 'coreclr.dll')) },
    },
  ],
  invalid: [
    {
      name: '.NET Runtime 1026 with the exception type and stack',
      evidence: {
        'application-events.txt': events(
          dotnetRuntime1026('w3wp.exe', [
            "Exception Info: System.ObjectDisposedException: Cannot access a disposed context instance. Object name: 'ShopDbContext'.",
            '   at Microsoft.EntityFrameworkCore.DbContext.CheckDisposed()',
            '   at Shop.Services.AuditWriter.<Flush>b__4_0(Object state)',
            '   at System.Threading.TimerQueueTimer.CallCallback(Boolean isThreadPool)',
          ]),
        ),
      },
      minConfidence: 0.55,
      maxConfidence: 0.75,
      evidenceLines: [4],
      mentions: ['System.ObjectDisposedException', 'IServiceScopeFactory', 'w3wp.exe'],
    },
    {
      name: 'Application Error 1000 with the CLR exception code while 502.3 12030 rows pile up',
      evidence: {
        'application-events.txt': events(applicationError('0xe0434352', 'KERNELBASE.dll', 'dotnet.exe')),
        'u_ex261120.log': iisLog([iisRow('10:15:00', 'GET', '/api/orders', 502, 3, 12030, 1520), iisRow('10:15:00', 'GET', '/', 502, 3, 12030, 812)]),
      },
      minConfidence: 0.8,
      evidenceLines: ['application-events.txt:4', 'u_ex261120.log:5'],
      mentions: ['0xe0434352', 'were running when it died'],
    },
    {
      name: 'stdout shows the app running, then an unhandled exception ends it',
      evidence: {
        'stdout_20261120101501_4242.log': [
          'info: Microsoft.Hosting.Lifetime[14]',
          '      Now listening on: http://127.0.0.1:21413',
          'info: Microsoft.Hosting.Lifetime[0]',
          '      Application started. Press Ctrl+C to shut down.',
          'Unhandled exception. System.InvalidOperationException: Collection was modified; enumeration operation may not execute.',
          '   at System.Collections.Generic.List`1.Enumerator.MoveNextRare()',
          '   at Shop.Cache.PriceRefresher.Refresh(Object state)',
        ].join('\n'),
      },
      minConfidence: 0.55,
      evidenceLines: [5],
      mentions: ['System.InvalidOperationException: Collection was modified'],
    },
    {
      name: 'ANCM 1018 with the CLR exception code alone could be startup or mid-request',
      evidence: {
        'application-events.txt': events({
          source: 'IIS AspNetCore Module V2',
          id: 1018,
          message: ["Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' hit unexpected managed exception, exception code = '0xe0434352'. Please check the stderr logs for more information."],
        }),
      },
      maxConfidence: 0.5,
      evidenceLines: [4],
      mentions: ['IIS AspNetCore Module V2 1018'],
    },
  ],
});
