import cause from '../../src/causes/stdout-log-path-invalid';
import { runCauseTests } from '../helpers/cause-tester';
import { eventText, iisDetailedError, lineOf, webConfig } from './startup-fixtures';

const CONFIG_ON = webConfig('<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess" />');
const CREATE_FAILED = eventText(1004, "Could not create stdoutLogFile \\\\?\\C:\\inetpub\\shop\\logs\\stdout_20261120101501_4242.log, ErrorCode = '0x80070005'.", { level: 'Warning' });
const REDIRECT_FAILED =
  'Could not start stdout redirection in C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll. Exception message: HRESULT 0x80070005 returned at D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\CommonLib\\fileoutputmanager.cpp:84.';
const START_FAILED = eventText(
  1020,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Contoso.Shop.dll' with multiple retries. Failed to bind to port '24567'. First 30KB characters of captured stdout and stderr logs from multiple retries:\nProcess Id: 4242.",
);

runCauseTests(cause, {
  valid: [
    { name: 'stdout logging on and nothing failing', evidence: { 'web.config': CONFIG_ON } },
    {
      name: 'access denied on web.config itself (a 500.19, not the stdout log)',
      evidence: { 'page.txt': iisDetailedError(500, 19, { Module: 'IIS Web Core', 'Error Code': '0x80070005', 'Config Error': 'Cannot read configuration file due to insufficient permissions' }) },
    },
    { name: 'a start failure with no stdout-log complaint', evidence: { 'application-events.txt': START_FAILED } },
  ],
  invalid: [
    {
      name: 'ANCM 1004: access denied creating the stdout file (modest confidence)',
      evidence: { 'application-events.txt': CREATE_FAILED, 'web.config': CONFIG_ON },
      minConfidence: 0.3,
      maxConfidence: 0.5,
      evidenceLines: ['application-events.txt:11', `web.config:${lineOf(CONFIG_ON, 'stdoutLogFile')}`],
      mentions: ['\\\\?\\C:\\inetpub\\shop\\logs\\stdout_20261120101501_4242.log', 'access denied', 'rarely causes a 502', '(OI)(CI)M'],
    },
    {
      name: 'in-process "Could not start stdout redirection" with HRESULT 0x80070005',
      evidence: { 'app-event.txt': REDIRECT_FAILED },
      maxConfidence: 0.5,
      evidenceLines: [1],
      mentions: ['0x80070005: access denied'],
    },
    {
      name: 'ANCM V1 on Azure: path not found as a signed decimal (real: aspnet/IISIntegration#215)',
      evidence: {
        'ancm-log.txt': "Process '9336' started successfully and is listening on port '6589'.\nWarning: Could not create stdoutLogFile \\\\?\\D:\\home\\site\\wwwroot\\logs\\stdout_408_201662915587.log, ErrorCode = -2147024893.",
      },
      maxConfidence: 0.5,
      evidenceLines: [2],
      mentions: ['path not found', '%home%\\LogFiles\\stdout'],
    },
    {
      name: 'the log path problem beside a real start failure: says the stdout file will hold the exception', trails: "The start failure beside it is the outage; the log path only hides its details.",
      evidence: { 'application-events.txt': `${START_FAILED}\n\n${CREATE_FAILED}` },
      maxConfidence: 0.55,
      mentions: ['will hold the exception'],
    },
  ],
  messy: {
    valid: [
      {
        // stdout logging working, retold: nothing wrong with the path.
        name: 'stdout logging that works, retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'turned on stdoutLogEnabled with stdoutLogFile=".\\logs\\stdout", the logs folder fills up fine with stdout_*.log files, nothing interesting in them' },
      },
    ],
    invalid: [
      {
        // In-process redirection failure (kb-facts §2, D-err) wrapped before the source file name.
        name: 'the stdout redirection failure wrapped over two lines',
        form: 'split over lines',
        evidence: { 'event.txt': "Could not start stdout redirection in 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Exception message: HRESULT 0x80070005 returned at\nD:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\CommonLib\\fileoutputmanager.cpp:84." },
      },
      {
        // ANCM 1004 (kb-facts §1.1: Could not create stdoutLogFile) in a sentence, path not found (0x80070003).
        name: 'the 1004 text inside a sentence',
        form: 'in prose',
        evidence: { 'message.txt': "event 1004 keeps saying Could not create stdoutLogFile C:\\inetpub\\api\\logs\\stdout_20261120031244_4242.log, ErrorCode = '0x80070003'. maybe the logs folder is not deployed?" },
      },
      {
        // The same 1004 with access denied and the element, as Slack escapes it.
        name: 'the 1004 access-denied text with the element, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'message.txt': [
            'config: &lt;aspNetCore processPath="dotnet" arguments=".\\Api.dll" stdoutLogEnabled="true" stdoutLogFile="D:\\logs\\api\\stdout" /&gt;',
            "event log: Could not create stdoutLogFile D:\\logs\\api\\stdout_20261120031244_4242.log, ErrorCode = '0x80070005'.",
          ].join('\n'),
        },
      },
    ],
  },
});
