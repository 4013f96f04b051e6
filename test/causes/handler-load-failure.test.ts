import cause from '../../src/causes/handler-load-failure';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, events } from './startup-fixtures';

const NOT_REFERENCED = eventText(
  1027,
  "Could not find the assembly 'C:\\inetpub\\tools\\Microsoft.AspNetCore.Server.IIS.dll' referenced for the in-process application. Please confirm the Microsoft.AspNetCore.Server.IIS or Microsoft.AspNetCore.App is referenced in your application.",
);
const OOP_HANDLER = eventText(
  1029,
  "Could not find the assembly 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\18.0.24201\\aspnetcorev2_outofprocess.dll' for out-of-process application. Please confirm the assembly is installed correctly for IIS or IISExpress.",
);
const SINGLE_FILE = eventText(1031, "Application 'C:\\inetpub\\shop\\' failed to start. Exception message:\nApplication .dll was not found at C:\\inetpub\\shop\\Contoso.Shop.dll");
const FRAMEWORK_MISSING = [
  'You must install or update .NET to run this application.',
  '',
  'App: C:\\inetpub\\shop\\Contoso.Shop.dll',
  'Architecture: x64',
  "Framework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)",
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'the 500.31 page (the framework itself is missing)', evidence: { 'page.html': ancmPage(500, 31, 'ANCM Failed to Find Native Dependencies') } },
    {
      name: 'ANCM 1027 "Unable to locate application dependencies" (missing runtime)',
      evidence: { 'application-events.txt': eventText(1027, 'Unable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.') },
    },
    { name: 'the 500.30 page', evidence: { 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start') } },
  ],
  invalid: [
    {
      name: '500.33 and 1027: the app does not reference Microsoft.AspNetCore.App',
      evidence: { 'page.html': ancmPage(500, 33, 'ANCM Request Handler Load Failure', ['Make sure Microsoft.AspNetCore.App is referenced by your application.']), 'application-events.txt': NOT_REFERENCED },
      minConfidence: 0.85,
      evidenceLines: ['application-events.txt:11', 'page.html:5'],
      mentions: ['500.33', 'Microsoft.AspNetCore.Server.IIS.dll', 'Microsoft.NET.Sdk.Web'],
    },
    {
      name: '500.36 and 1029: the out-of-process handler is missing (damaged Hosting Bundle)',
      evidence: { 'page.html': ancmPage(500, 36, 'ANCM Out-Of-Process Handler Load Failure'), 'application-events.txt': OOP_HANDLER },
      minConfidence: 0.85,
      evidenceLines: ['application-events.txt:11'],
      mentions: ['aspnetcorev2_outofprocess.dll', 'Repair', 'net stop was /y'],
    },
    {
      name: '500.38 and 1031: single-file publish hosted in-process',
      evidence: { 'page.html': ancmPage(500, 38, 'ANCM Application Dll Not Found'), 'application-events.txt': SINGLE_FILE },
      minConfidence: 0.85,
      evidenceLines: ['application-events.txt:11', 'page.html:5'],
      mentions: ['single-file', 'PublishSingleFile'],
    },
    {
      name: 'the 500.0 in-process handler page when the framework is missing: steps back for the runtime cause', trails: "The missing framework is the specific cause: missing-dotnet-runtime leads.", behind: 'missing-dotnet-runtime',
      evidence: { 'page.html': ancmPage(500, 0, 'ANCM In-Process Handler Load Failure'), 'stdout.log': FRAMEWORK_MISSING },
      maxConfidence: 0.5,
      evidenceLines: ['page.html:5'],
      mentions: ['framework itself is missing'],
    },
    {
      name: 'hostfxr not found (1031 with its 1010 companion)', trails: "hostfxr.dll missing from the dotnet folder is a missing or broken runtime install first (missing-dotnet-runtime leads).", behind: 'missing-dotnet-runtime',
      evidence: {
        'application-events.txt': events(
          eventText(1031, "Application 'C:\\inetpub\\shop\\' failed to start. Exception message:\nhostfxr.dll not found at 'C:\\Program Files\\dotnet\\host\\fxr\\9.0.0\\hostfxr.dll'"),
          eventText(1010, "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x80070002'."),
        ),
      },
      minConfidence: 0.8,
      evidenceLines: [11],
      mentions: ['hostfxr', 'where.exe dotnet'],
    },
  ],
  messy: {
    valid: [
      {
        // The 500.31 title (kb-facts §1.2) in a French message: the framework is missing (missing-dotnet-runtime).
        name: 'a French report of 500.31',
        form: 'other language',
        evidence: { 'message.txt': "Bonjour, le site affiche HTTP Error 500.31 - ANCM Failed to Find Native Dependencies depuis la mise à jour. Le serveur n'a que .NET 6." },
      },
    ],
    invalid: [
      {
        // ANCM 1029 (kb-facts §1.1) without its Event Viewer header.
        name: 'the 1029 message without its header',
        form: 'header-less',
        evidence: { 'event.txt': "Could not find the assembly 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\18.0.24201.0\\aspnetcorev2_outofprocess.dll' for out-of-process application. Please confirm the assembly is installed correctly for IIS or IISExpress." },
      },
      {
        // The 500.38 title and reason (kb-facts §1.2) retyped.
        name: 'the 500.38 page retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'we switched to single file publish and now get 500.38 ancm application dll not found, it says single-file deployments are not supported in IIS' },
      },
      {
        // ANCM 1027 for 500.33 (kb-facts §1.1) wrapped by the terminal.
        name: 'the 1027 request-handler text wrapped over two lines',
        form: 'split over lines',
        evidence: { 'event.txt': "Could not find the assembly 'aspnetcorev2_inprocess.dll' referenced for the in-process application. Please confirm the\nMicrosoft.AspNetCore.Server.IIS or Microsoft.AspNetCore.App is referenced in your application." },
      },
    ],
  },
});
