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
      // The shape of jsreport/jsreport-dotnet#52: an in-process app answers 500.30, ANCM's events
      // say it failed to load, and the .NET Runtime 1026 event says "terminated due to an
      // unhandled exception": the exception ended a start, not a running app.
      name: 'a 500.30 whose runtime event says the process was terminated by an unhandled exception',
      evidence: {
        'message.txt': [
          'Works in IIS Express but the production IIS answers HTTP Error 500.30 - ANCM In-Process Start Failure.',
          "Application '/LM/W3SVC/1/ROOT/Careers' with physical root 'C:\\inetpub\\wwwroot\\Careers\\' failed to load coreclr. Exception message:",
          'CLR worker thread exited prematurely',
          'Application: w3wp.exe',
          'CoreCLR Version: 4.700.20.11803',
          'Description: The process was terminated due to an unhandled exception.',
          "Exception Info: System.UnauthorizedAccessException: Access to the path 'C:\\inetpub\\wwwroot\\Careers\\reports' is denied.",
        ].join('\n'),
      },
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
  messy: {
    valid: [
      {
        // Kestrel[13] (kb-facts §6.5) retold: the exception became a 500 and the process lived on.
        name: 'a caught request exception retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'kestrel logs "An unhandled exception was thrown by the application." with a NullReferenceException for one endpoint, the request gets a 500 and the app keeps running fine' },
      },
    ],
    invalid: [
      {
        // Real sample: the .NET Runtime 1026 event XML pasted flat in https://github.com/dotnet/aspnetcore/issues/59407
        // (the <Data> element, its stack cut after four frames): the whole message mid-line.
        name: 'the 1026 message flattened on one line in the event XML (dotnet/aspnetcore#59407)',
        form: 'mid-line',
        evidence: {
          'event.xml': [
            '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
            '<System>',
            '  <Provider Name=".NET Runtime" />',
            '  <EventID Qualifiers="0">1026</EventID>',
            '  <Level>2</Level>',
            '  <Channel>Application</Channel>',
            '</System>',
            '- <EventData>',
            '  <Data>Application: w3wp.exe CoreCLR Version: 9.0.24.52809 .NET Version: 9.0.0 Description: The process was terminated due to an unhandled exception. Stack: at Microsoft.AspNetCore.Server.IIS.NativeMethods.http_flush_response_bytes(Microsoft.AspNetCore.Server.IIS.Core.NativeSafeHandle, Boolean, Boolean ByRef) at Microsoft.AspNetCore.Server.IIS.Core.IO.AsyncIOEngine+AsyncFlushOperation.InvokeOperation(Int32 ByRef, Int32 ByRef) at Microsoft.AspNetCore.Server.IIS.Core.IO.AsyncIOOperation.Invoke() at Microsoft.AspNetCore.Server.IIS.Core.IO.AsyncIOEngine.Run(Microsoft.AspNetCore.Server.IIS.Core.IO.AsyncIOOperation)</Data>',
            '</EventData>',
            '</Event>',
          ].join('\n'),
        },
      },
      {
        // .NET Runtime 1026 (kb-facts §5.2) with a managed exception, quoted in a sentence.
        name: 'the 1026 description and exception in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'around 14:02 the app died, .NET Runtime says Description: The process was terminated due to an unhandled exception. Exception Info: System.InvalidOperationException: Collection was modified; enumeration operation may not execute. and the load balancer shows 502s for a minute after' },
      },
      {
        // The same event as Slack escapes it (generic type arguments in the stack).
        name: 'the 1026 text with a generic stack frame, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'message.txt': [
            'Application: w3wp.exe',
            'Description: The process was terminated due to an unhandled exception.',
            "Exception Info: System.Collections.Generic.KeyNotFoundException: The given key 'tenant-42' was not present in the dictionary.",
            '   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)',
            '   at Contoso.Api.Jobs.RefreshJob.&lt;Run&gt;b__4_0(Object state)',
            '   at System.Threading.TimerQueueTimer.CallCallback(Boolean isThreadPool)',
          ].join('\n'),
        },
      },
      {
        // .NET Runtime 1026 (kb-facts §5.2) of an out-of-process app (Application: dotnet.exe), without its header.
        name: 'the 1026 text of dotnet.exe without its header',
        form: 'header-less',
        evidence: {
          'event.txt': [
            'Application: dotnet.exe',
            'CoreCLR Version: 8.0.824.36612',
            '.NET Version: 8.0.8',
            'Description: The process was terminated due to an unhandled exception.',
            'Exception Info: System.ObjectDisposedException: Cannot access a disposed object.',
            "Object name: 'System.Net.Sockets.Socket'.",
          ].join('\n'),
        },
      },
    ],
  },
});
