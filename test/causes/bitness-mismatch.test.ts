import cause from '../../src/causes/bitness-mismatch';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, events } from './startup-fixtures';

const BAD_EXE = eventText(1010, "Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x800700c1'.");
const POOL_32 = ['<applicationPools>', '    <add name="ShopPool" managedRuntimeVersion="" enable32BitAppOnWin64="true" startMode="AlwaysRunning" />', '</applicationPools>'].join('\n');
const BAD_IMAGE_STDOUT = [
  "Unhandled exception. System.BadImageFormatException: Could not load file or assembly 'Contoso.Imaging, Version=2.1.0.0, Culture=neutral, PublicKeyToken=null'. An attempt was made to load a program with an incorrect format.",
  "File name: 'Contoso.Imaging, Version=2.1.0.0, Culture=neutral, PublicKeyToken=null'",
  '   at Program.<Main>$(String[] args)',
].join('\n');
// The documented x86 signature (learn.microsoft.com azure-iis-errors-reference): debug log 0x8007023e,
// 1018 with 0xe0434352 and "CLR worker thread exited prematurely", from a 32-bit process.
const X86_EVENTS = events(
  eventText(1018, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' hit unexpected managed exception, exception code = '0xe0434352'. Please check the stderr logs for more information."),
  eventText(1007, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to load coreclr. Exception message:\nCLR worker thread exited prematurely"),
);
const X86_DEBUG = [
  "[2026-11-20T10:15:01.120Z, PID: 4242] [aspnetcorev2.dll] Current process bitness type detected as isX64=0",
  '[2026-11-20T10:15:01.480Z, PID: 4242] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\InProcessRequestHandler\\inprocessapplication.cpp:162',
].join('\n');

runCauseTests(cause, {
  valid: [
    {
      name: '1010 with 0x8007023e alone (also written when dotnet.exe is missing: no 32-bit evidence)',
      evidence: { 'application-events.txt': eventText(1010, "Failed to start application '/LM/W3SVC/31/ROOT', ErrorCode '0x8007023e'.") },
    },
    { name: 'the 500.30 page', evidence: { 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start') } },
    {
      name: 'a native DLL missing (DllNotFoundException, not a wrong-architecture image)',
      evidence: { 'stdout.log': "Unhandled exception. System.DllNotFoundException: Unable to load DLL 'SNI.dll' or one of its dependencies: The specified module could not be found. (0x8007007E)" },
    },
  ],
  invalid: [
    {
      name: 'ANCM 1010 with ERROR_BAD_EXE_FORMAT (documented example)',
      evidence: { 'application-events.txt': BAD_EXE },
      minConfidence: 0.8,
      evidenceLines: [11],
      mentions: ['enable32BitAppOnWin64', 'win-x64'],
    },
    {
      name: 'the 500.32 page with a pool that runs 32-bit',
      evidence: { 'page.html': ancmPage(500, 32, 'ANCM Failed to Load dll', ['The application was likely published for a different bitness than w3wp.exe/iisexpress.exe is running as.']), 'applicationHost.config': POOL_32 },
      minConfidence: 0.8,
      evidenceLines: ['page.html:5', 'applicationHost.config:2'],
      mentions: ['Application pool ShopPool has enable32BitAppOnWin64="true"', 'Set-ItemProperty IIS:\\AppPools\\ShopPool -Name enable32BitAppOnWin64 -Value $false'],
    },
    {
      name: 'BadImageFormatException at startup with the 502.5 page',
      evidence: { 'stdout_20261120101501_4242.log': BAD_IMAGE_STDOUT, 'page.html': ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure') },
      minConfidence: 0.75,
      evidenceLines: ['stdout_20261120101501_4242.log:1'],
      mentions: ['Contoso.Imaging', 'clean folder'],
    },
    {
      name: 'the documented x86 signature (0x8007023e + CLR worker thread exited prematurely), no 32-bit hint: only possible', trails: "Without the pool's bitness the same codes fit an in-process start failure.",
      evidence: { 'application-events.txt': X86_EVENTS, 'aspnetcore-debug.log': X86_DEBUG },
      minConfidence: 0.35,
      maxConfidence: 0.45,
      evidenceLines: ['aspnetcore-debug.log:2'],
      mentions: ['0x8007023E', 'isX64='],
    },
    {
      name: 'the documented x86 signature with the pool bitness pasted: likely',
      evidence: { 'application-events.txt': X86_EVENTS, 'aspnetcore-debug.log': X86_DEBUG, 'applicationHost.config': POOL_32 },
      minConfidence: 0.55,
      maxConfidence: 0.75,
      evidenceLines: ['aspnetcore-debug.log:2', 'applicationHost.config:2'],
      mentions: ['CLR worker thread exited prematurely', 'ShopPool'],
    },
  ],
  messy: {
    valid: [
      {
        // A native dependency that is missing, not one of the wrong bitness (kb-facts §7 DllNotFoundException), fenced in a question.
        name: 'a missing native DLL pasted in a code fence',
        form: 'fenced',
        evidence: { 'message.txt': 'site is down after the release, stdout log says:\n```\nUnhandled exception. System.DllNotFoundException: Unable to load DLL \'libwkhtmltox\' or one of its dependencies: The specified module could not be found. (0x8007007E)\n   at Contoso.Pdf.Native.Init()\n```\nany idea?' },
      },
    ],
    invalid: [
      {
        // The documented 1010 example (kb-facts §2, D-ts: 0x800700c1 = ERROR_BAD_EXE_FORMAT) inside a sentence.
        name: 'the bad-exe-format 1010 quoted in the middle of a sentence',
        form: 'in prose',
        evidence: { 'message.txt': "moved the site to the new box and now event viewer keeps saying Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x800700c1'. we publish win-x86 if that matters" },
      },
      {
        // The 500.32 title (kb-facts §1.2) in a German message, with the 1010 companion.
        name: 'a German report of 500.32 with the 1010 text',
        form: 'other language',
        evidence: { 'nachricht.txt': "Hallo zusammen, nach dem Umzug auf den neuen Server kommt nur noch HTTP Error 500.32 - ANCM Failed to Load dll. In der Ereignisanzeige steht: Failed to start application '/LM/W3SVC/3/ROOT', ErrorCode '0x800700c1'. Hat jemand eine Idee?" },
      },
      {
        // The 500.32 title and reason (kb-facts §1.2) retyped from the screen, in lower case.
        name: 'the 500.32 page retyped from memory',
        form: 'paraphrased',
        evidence: { 'message.txt': 'browser shows 500.32 ancm failed to load dll, something like "the application was likely published for a different bitness than w3wp.exe is running as"' },
      },
      {
        // A German Windows: Event Viewer's "Copy details as text" labels are localized, the ANCM message
        // (kb-facts §2, D-ts: 1010 with 0x800700c1) stays English (resources.h has no translations).
        name: 'the 1010 event copied from a German Event Viewer',
        form: 'other language',
        evidence: {
          'ereignis.txt': [
            'Protokollname: Application',
            'Quelle:        IIS AspNetCore Module V2',
            'Datum:         20.11.2026 03:12:44',
            'Ereignis-ID:   1010',
            'Aufgabenkategorie:Keine',
            'Ebene:         Fehler',
            'Schlüsselwörter:Klassisch',
            'Benutzer:      Nicht zutreffend',
            'Computer:      WEB01',
            'Beschreibung:',
            "Failed to start application '/LM/W3SVC/3/ROOT', ErrorCode '0x800700c1'.",
          ].join('\n'),
        },
      },
    ],
  },
});
