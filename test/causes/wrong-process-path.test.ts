import cause, { configProblem } from '../../src/causes/wrong-process-path';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, events, lineOf, webConfig } from './startup-fixtures';

const GOOD = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');
const LAUNCHER = webConfig('<aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" />');
const RUN_ARGS = webConfig('<aspNetCore processPath="dotnet" arguments="run" stdoutLogEnabled="false" hostingModel="outofprocess" />');
const NOT_FOUND = events(
  eventText(
    1000,
    "Application '/LM/W3SVC/31/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Contoso.Shop.dll' at stage 'CreateProcessW', ErrorCode = '0x80070002', assigned port 19731, retryCounter '0'.",
    { level: 'Warning' },
  ),
  eventText(1010, "Failed to start application '/LM/W3SVC/31/ROOT', ErrorCode '0x8007023e'."),
);
const EXE_MISSING = eventText(1031, "Application 'C:\\inetpub\\shop\\' failed to start. Exception message:\nExecutable was not found at 'C:\\inetpub\\shop\\Contoso.Shop.exe'");
const POST_START = eventText(
  1000,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Contoso.Shop.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 24567, retryCounter '1'.",
  { level: 'Warning' },
);

describe('configProblem', () => {
  it.each([
    ['%LAUNCHER_PATH%', '%LAUNCHER_ARGS%', 'launcher-placeholder'],
    ['bin\\IISSupport\\VSIISExeLauncher.exe', '-argFile IISExeLauncherArgs.txt', 'vs-launcher'],
    ['dotnet', 'run', 'sdk-command'],
    ['dotnet', '', 'no-dll'],
    ['C:\\Program Files\\dotnet\\dotnet.exe', '.\\Shop.exe', 'no-dll'],
    // aspnet/IISIntegration#137: a mistyped DLL name still contains ".dll".
    ['dotnet.exe', '.\\HelloMvc.dllaa', 'no-dll'],
    ['.\\Contoso.Shop.dll', '', 'dll-as-process'],
    ['C:\\inetpub\\shop\\', '', 'folder'],
    ['.\\Contoso.Shop', '', 'no-extension'],
  ])('%s %s → %s', (path, args, expected) => {
    expect(configProblem(path, args)).toBe(expected);
  });

  it.each([
    ['dotnet', '.\\Contoso.Shop.dll'],
    ['dotnet.exe', '.\\Contoso.Shop.dll --urls-ignored'],
    ['.\\Contoso.Shop.exe', ''],
    ['C:\\Program Files\\dotnet\\dotnet.exe', 'C:\\inetpub\\shop\\Contoso.Shop.dll'],
    ['dotnet', '"C:\\inetpub\\my shop\\Contoso.Shop.dll" --contentRoot .'],
    ['dotnet', 'exec --runtimeconfig .\\Contoso.Shop.runtimeconfig.json .\\Contoso.Shop.dll'],
  ])('accepts %s %s', (path, args) => {
    expect(configProblem(path, args)).toBeUndefined();
  });
});

runCauseTests(cause, {
  valid: [
    { name: 'a correct web.config with nothing failing', evidence: { 'web.config': GOOD } },
    {
      name: 'a 404 page whose 0x80070002 is a missing static file, not a process',
      evidence: { 'page.txt': 'HTTP Error 404.0 - Not Found\nThe resource you are looking for has been removed, had its name changed, or is temporarily unavailable.\nError Code\t   0x80070002' },
    },
    { name: 'the process started and exited at PostStartCheck (0x8027025B)', evidence: { 'application-events.txt': POST_START } },
  ],
  invalid: [
    {
      // ANCM V1's event 1000 template with an empty command line (processPath resolved to nothing).
      name: 'ANCM ran an empty command line, said in prose around the event text',
      evidence: { 'notes.txt': `The site gives HTTP Error 502.5 - Process Failure and Event Viewer logs:\nFailed to start process with commandline '"" ', ErrorCode = '0x80070057'\nfrom the source IIS AspNetCore Module.` },
      minConfidence: 0.55,
      evidenceLines: [2],
      mentions: ['processPath'],
    },
    {
      // The .NET host's muxer message (fx_muxer.cpp) in the stdout log beside ANCM V1's event.
      name: 'the .NET host says the DLL in arguments does not exist',
      evidence: {
        'events.txt': "Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll', ErrorCode = '0x80004005 : 80008081.",
        'stdout.log': "The application to execute does not exist: 'C:\\inetpub\\shop\\Shop.dll'.",
      },
      minConfidence: 0.6,
      mentions: ['Shop.dll'],
    },
    {
      name: 'the published web.config still holds %LAUNCHER_PATH% (with the 502.5 page)',
      evidence: { 'web.config': LAUNCHER, 'page.html': ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure') },
      minConfidence: 0.6,
      evidenceLines: [`web.config:${lineOf(LAUNCHER, '%LAUNCHER_PATH%')}`],
      mentions: ['%LAUNCHER_PATH%', 'processPath="dotnet" arguments=".\\YourApp.dll"'],
    },
    {
      name: '"Did you mean to run dotnet SDK commands?" with arguments="run"',
      evidence: {
        'stdout.log': 'Did you mean to run dotnet SDK commands? Please install dotnet SDK from:\n  https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409',
        'web.config': RUN_ARGS,
      },
      minConfidence: 0.9,
      evidenceLines: ['stdout.log:1', `web.config:${lineOf(RUN_ARGS, 'arguments="run"')}`],
      mentions: ['arguments="run"', 'SDK command'],
    },
    {
      name: 'CreateProcessW fails with 0x80070002 though processPath and arguments look right (real shape: dotnet/aspnetcore#9151)',
      evidence: { 'application-events.txt': NOT_FOUND, 'web.config': GOOD },
      minConfidence: 0.6,
      evidenceLines: ['application-events.txt:11'],
      mentions: ['`dotnet .\\Contoso.Shop.dll`', 'stage CreateProcessW', 'SYSTEM PATH', 'C:\\Program Files\\dotnet\\dotnet.exe'],
    },
    {
      name: 'in-process: "Executable was not found" (1031)',
      evidence: { 'application-events.txt': EXE_MISSING },
      minConfidence: 0.75,
      evidenceLines: [lineOf(EXE_MISSING, 'Executable was not found')],
      mentions: ["C:\\inetpub\\shop\\Contoso.Shop.exe", 'Contoso.Shop.dll'],
    },
  ],
  messy: {
    valid: [
      {
        // ANCM 1000 at PostStartCheck (kb-facts §1.1: the process started and exited) in a sentence: the path was right.
        name: 'a PostStartCheck exit quoted in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': "the event log shows Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Api.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 20417, retryCounter '1'. twice" },
      },
    ],
    invalid: [
      {
        // The troubleshooting docs' layout (azure-iis-errors-reference "Incorrect arguments"): the
        // 500.0 page and hostfxr's SDK hint as Markdown bullets. The hint explains the handler
        // load failure away: the arguments name no app.
        name: 'the 500.0 page and the SDK hint as Markdown bullets',
        form: 'in prose',
        evidence: {
          'message.md': [
            '* **Browser:** HTTP Error 500.0 - ANCM In-Process Handler Load Failure',
            '* **ASP.NET Core Module stdout Log:** Did you mean to run dotnet SDK commands? Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409',
          ].join('\n'),
        },
      },
      {
        // The dotnet host's wrong-arguments text (kb-facts §2, D-err) inside a French message.
        name: 'a French report around "Did you mean to run dotnet SDK commands?"',
        form: 'other language',
        evidence: { 'message.txt': 'Bonjour, le site renvoie 502.5 et le log stdout contient seulement : Did you mean to run dotnet SDK commands? Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409 . Une idée ?' },
      },
      {
        // The same text as Slack escapes it (the & of the link), with the element that names a dll that is not there.
        name: 'the SDK-commands text and the element, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'message.txt': [
            '&lt;aspNetCore processPath="dotnet" arguments=".\\bin\\Release\\net8.0\\Api.dll" hostingModel="outofprocess" /&gt;',
            'stdout: Did you mean to run dotnet SDK commands? Please install dotnet SDK from:',
            '  https://go.microsoft.com/fwlink/?LinkID=798306&amp;clcid=0x409',
          ].join('\n'),
        },
      },
      {
        // ANCM 1000 at CreateProcessW with file-not-found (kb-facts §2, D-err) and the unreplaced launcher variables, without the header.
        name: 'a CreateProcessW file-not-found with %LAUNCHER_PATH% and no header',
        form: 'header-less',
        evidence: { 'event.txt': "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to start process with commandline '%LAUNCHER_PATH% %LAUNCHER_ARGS%' at stage 'CreateProcessW', ErrorCode = '0x80070002', assigned port 12000, retryCounter '0'." },
      },
    ],
  },
});
