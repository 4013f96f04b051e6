import cause from '../../src/causes/startup-exception';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, iisLog, lineOf } from './startup-fixtures';

const SQL_LOGIN_1035 = eventText(
  1035,
  [
    "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' has exited from Program.Main with exit code = '-532462766'. First 30KB characters of captured stdout and stderr logs:",
    "Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'IIS APPPOOL\\ShopPool'.",
    '   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)',
    '   at Program.<Main>$(String[] args) in C:\\src\\Contoso.Shop\\Program.cs:line 41',
  ].join('\n'),
);
const SETTINGS_STDOUT = [
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Hosting environment: Production',
  "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.Production.json' was not found and is not optional. The expected physical path was 'C:\\inetpub\\shop\\appsettings.Production.json'.",
  '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)',
  '   at Program.<Main>$(String[] args) in C:\\src\\Contoso.Shop\\Program.cs:line 12',
].join('\n');
const DI_STDOUT = [
  "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Contoso.Shop.IOrderStore' while attempting to activate 'Contoso.Shop.OrderService'.",
  '   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateArgumentCallSites(ServiceIdentifier serviceIdentifier, Type implementationType, CallSiteChain callSiteChain, ParameterInfo[] parameters, Boolean throwIfCallSiteNotFound)',
].join('\n');
// Real: abp#21550 (scrubbed). The app started, then each request failed to log in to SQL Server.
const STARTED_THEN_SQL = [
  '[12:35:26 INF] Application started. Press Ctrl+C to shut down.',
  '[12:35:26 INF] Hosting environment: Staging',
  '[12:35:26 INF] Content root path: C:\\inetpub\\apps\\blazor',
  "[12:35:30 ERR] An error occurred using the connection to database 'Alfa4-Staging' on server '(LocalDb)\\MSSQLLocalDB'.",
  ' ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot open database "Alfa4-Staging" requested by the login. The login failed.',
  "Login failed for user 'IIS APPPOOL\\alfa4blazor'.",
].join('\n');
const KESTREL_13 = [
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Application started. Press Ctrl+C to shut down.',
  'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
  '      Connection id "0HN8ABCDEF123", Request id "0HN8ABCDEF123:00000002": An unhandled exception was thrown by the application.',
  'System.NullReferenceException: Object reference not set to an instance of an object.',
  '   at Contoso.Shop.Controllers.CartController.Get() in C:\\src\\Contoso.Shop\\Controllers\\CartController.cs:line 27',
].join('\n');
const BIND = [
  'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
  '      Unable to start Kestrel.',
  'System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.',
].join('\n');
const RUNTIME_1026 = eventText(
  1026,
  ['Application: dotnet.exe', 'CoreCLR Version: 8.0.324.11423', '.NET Version: 8.0.3', 'Description: The process was terminated due to an unhandled exception.', "Exception Info: System.InvalidOperationException: Section 'Payments' is missing from configuration.", '   at Program.<Main>$(String[] args)'].join('\n'),
  { source: '.NET Runtime' },
);

runCauseTests(cause, {
  valid: [
    { name: 'the app started, then SQL logins failed per request (real: abp#21550)', evidence: { 'app.log': STARTED_THEN_SQL } },
    { name: 'an exception Kestrel caught after the app started (500, not a startup failure)', evidence: { 'stdout_20261120101501_4242.log': KESTREL_13 } },
    { name: 'a bind failure (owned by port-in-use)', evidence: { 'stdout_20261120101501_4242.log': BIND } },
    { name: 'a Kestrel[13] excerpt pasted without the start lines (a request failed, the app was up)', evidence: { 'console.txt': KESTREL_13.split('\n').slice(2).join('\n') } },
    {
      name: 'a .NET Runtime 1026 crash with no sign that the app was starting',
      evidence: { 'application-events.txt': RUNTIME_1026, 'u_ex261120.log': iisLog([[502, 3, 12030, 1834, '/api/orders']]) },
    },
  ],
  invalid: [
    {
      name: 'ANCM 1035 embeds a SQL login failure of the app pool identity',
      evidence: { 'application-events.txt': SQL_LOGIN_1035 },
      minConfidence: 0.8,
      evidenceLines: [lineOf(SQL_LOGIN_1035, 'Login failed')],
      mentions: ['IIS APPPOOL\\ShopPool', 'CREATE LOGIN [IIS APPPOOL\\ShopPool]', 'Microsoft.Data.SqlClient.SqlException'],
    },
    {
      name: 'a missing appsettings.Production.json in the stdout log, with the 502.5 page',
      evidence: { 'stdout_20261120101501_4242.log': SETTINGS_STDOUT, 'page.html': ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure') },
      minConfidence: 0.8,
      evidenceLines: ['stdout_20261120101501_4242.log:3', 'page.html:5'],
      mentions: ['appsettings.Production.json', 'ASPNETCORE_ENVIRONMENT=Production', 'optional: true'],
    },
    {
      name: 'a DI failure in a stdout log that never says "Application started" (no other corroboration)',
      evidence: { 'stdout_20261120101501_4242.log': DI_STDOUT },
      minConfidence: 0.4,
      maxConfidence: 0.6,
      evidenceLines: [1],
      mentions: ['Contoso.Shop.IOrderStore'],
    },
    {
      name: 'a .NET Runtime 1026 unhandled exception beside IIS 500.30 rows',
      evidence: { 'application-events.txt': RUNTIME_1026, 'u_ex261120.log': iisLog([[500, 30, 0, 1500, '/']]) },
      minConfidence: 0.75,
      evidenceLines: [`application-events.txt:${lineOf(RUNTIME_1026, 'Exception Info:')}`],
      mentions: ["Section 'Payments' is missing from configuration\""],
    },
  ],
  messy: {
    valid: [
      {
        // Kestrel[13] (kb-facts §6.5) after "Application started": the app was up, a request failed.
        name: 'a request exception after a healthy start, in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'app starts fine (stdout has "Application started. Press Ctrl+C to shut down.") but then one endpoint logs Connection id "0HN7ABC", Request id "0HN7ABC:00000002": An unhandled exception was thrown by the application. System.NullReferenceException: Object reference not set to an instance of an object.' },
      },
    ],
    invalid: [
      {
        // ANCM 1035 body (kb-facts §1.1) with a DI failure (kb-facts §7), pasted without the Event Viewer header.
        name: 'the 1035 body with a DI failure and no header',
        form: 'header-less',
        evidence: {
          'event.txt': [
            "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' has exited from Program.Main with exit code = '-532462766'. First 30KB characters of captured stdout and stderr logs:",
            "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Contoso.Mail.IEmailSender' while attempting to activate 'Contoso.Api.Services.SignupService'.",
            '   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateArgumentCallSites(...)',
          ].join('\n'),
        },
      },
      {
        // Missing configuration file at startup (kb-facts §7) in a fence, with the 500.30 title.
        name: 'a missing appsettings.json in a code fence with 500.30',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'getting 500.30 after publish, stdout:',
            '```',
            "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional. The expected physical path was 'C:\\inetpub\\api\\appsettings.json'.",
            '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)',
            '   at Program.<Main>$(String[] args) in C:\\src\\Api\\Program.cs:line 12',
            '```',
          ].join('\n'),
        },
      },
      {
        // SQL login failure of the pool identity at startup (kb-facts §7) inside a Japanese message.
        name: 'a Japanese report around a SQL login failure at startup',
        form: 'other language',
        evidence: { 'message.txt': "デプロイ後に 500.30 になります。stdout ログには次のように出ています: Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'IIS APPPOOL\\ApiPool'. よろしくお願いします。" },
      },
    ],
  },
});
