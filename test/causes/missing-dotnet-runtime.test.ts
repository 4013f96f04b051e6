import cause from '../../src/causes/missing-dotnet-runtime';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, lineOf } from './startup-fixtures';

const NET8_STDOUT = [
  'You must install or update .NET to run this application.',
  '',
  'App: C:\\inetpub\\shop\\Contoso.Shop.dll',
  'Architecture: x64',
  "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
  '.NET location: C:\\Program Files\\dotnet\\',
  '',
  'The following frameworks were found:',
  '  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  '',
  'Learn about framework resolution:',
  'https://aka.ms/dotnet/app-launch-failed',
].join('\n');
const EMBEDDED_22 = eventText(
  1020,
  [
    "Application '/LM/W3SVC/99/ROOT' with physical root 'X:\\Inetpub\\blog.example.com\\' failed to start process with commandline 'dotnet .\\App.dll' with multiple retries. Failed to bind to port '39644'. First 30KB characters of captured stdout and stderr logs from multiple retries:",
    'It was not possible to find any compatible framework version',
    "The framework 'Microsoft.AspNetCore.App', version '2.2.0' (x64) was not found.",
    '  - The following frameworks were found:',
    '      6.0.0 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  ].join('\n'),
);
const HEALTHY = ['info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://127.0.0.1:24567', 'info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.', 'info: Microsoft.Hosting.Lifetime[0]', '      Hosting environment: Production'].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'a healthy Kestrel start in the stdout log', evidence: { 'stdout_20261120101501_4242.log': HEALTHY } },
    { name: 'the 502.5 page without any host output', evidence: { 'page.html': ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure') } },
    {
      name: 'a 1010 with another HRESULT (bitness: 0x800700c1)',
      evidence: { 'application-events.txt': eventText(1010, "Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x800700c1'.") },
    },
  ],
  invalid: [
    {
      name: 'the .NET 8 host says the framework is missing (stdout log)',
      evidence: { 'stdout_20261120101501_4242.log': NET8_STDOUT },
      minConfidence: 0.8,
      evidenceLines: [1],
      mentions: ['Microsoft.AspNetCore.App 8.0.0', 'https://dotnet.microsoft.com/download/dotnet/8.0', 'net stop was /y'],
    },
    {
      name: 'ANCM 1020 embeds the 2.x host message (real: Blogifier#305)',
      evidence: { 'application-events.txt': EMBEDDED_22 },
      minConfidence: 0.85,
      evidenceLines: [lineOf(EMBEDDED_22, 'It was not possible')],
      mentions: ['Microsoft.AspNetCore.App 2.2.0', '6.0.0', 'out of support', 'dotnet run'],
    },
    {
      name: 'the 500.31 page',
      evidence: { 'page.html': ancmPage(500, 31, 'ANCM Failed to Find Native Dependencies', ['The specified version of Microsoft.NetCore.App or Microsoft.AspNetCore.App was not found.']) },
      minConfidence: 0.75,
      evidenceLines: [5],
      mentions: ['dotnet --list-runtimes'],
    },
    {
      name: 'ANCM 1027 "Unable to locate application dependencies"',
      evidence: { 'application-events.txt': eventText(1027, 'Unable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.') },
      minConfidence: 0.75,
      evidenceLines: [11],
      mentions: ['Hosting Bundle'],
    },
  ],
  messy: {
    valid: [
      {
        // Kestrel lifecycle lines (kb-facts §6.5) after the runtime was installed: nothing missing any more.
        name: 'a healthy start after installing the hosting bundle, in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'installed the 8.0 hosting bundle and did an iisreset, now stdout has "Now listening on: http://127.0.0.1:31544" and "Application started. Press Ctrl+C to shut down." but users still report a 502 now and then' },
      },
    ],
    invalid: [
      {
        // hostfxr template (kb-facts §7, dotnet/runtime fx_resolver.messages.cpp) in a French message.
        name: 'a French report around the hostfxr framework-not-found text',
        form: 'other language',
        evidence: { 'message.txt': "Bonjour, depuis la mise à jour le site renvoie une erreur 500.31. Dans le journal on voit : The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found. Le serveur n'a que le runtime 6.0, c'est normal ?" },
      },
      {
        // The .NET 6+ host output (kb-facts §7) pasted in a code fence.
        name: 'the .NET host output in a code fence',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'stdout log after enabling stdoutLogEnabled:',
            '```',
            'You must install or update .NET to run this application.',
            '',
            'App: C:\\inetpub\\api\\Contoso.Api.dll',
            'Architecture: x64',
            "Framework: 'Microsoft.NETCore.App', version '9.0.0' (x64)",
            '.NET location: C:\\Program Files\\dotnet\\',
            '```',
          ].join('\n'),
        },
      },
      {
        // The .NET Core 2.x/3.x host wording (kb-facts §7, D-err) with the found frameworks, as Slack escapes it.
        name: 'the 3.x host wording with the web.config quoted, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'message.txt': [
            'our &lt;aspNetCore processPath="dotnet" arguments=".\\Api.dll" /&gt; app gets 502.5 &amp; the stdout log has',
            'It was not possible to find any compatible framework version',
            "The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found.",
            '  - The following frameworks were found:',
            '      2.2.8 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
          ].join('\n'),
        },
      },
      {
        // hostfxr template (kb-facts §7) wrapped before "was not found".
        name: 'the framework-not-found text wrapped before "found"',
        form: 'split over lines',
        evidence: { 'stdout.log': "The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not\nfound.\n  - The following frameworks were found:\n      6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]" },
      },
    ],
  },
});
