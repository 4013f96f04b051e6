import cause from '../../src/causes/backend-not-listening';
import { runCauseTests } from '../helpers/cause-tester';
import { events, iisLog, iisRow, was5009, webConfig } from './support/windows-evidence';

const FREB_12029 =
  'Warning ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954429", ConfigExceptionInfo=""';

runCauseTests(cause, {
  valid: [
    {
      name: 'a reset (12030) means Kestrel was reached, then lost',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12030, 2001)]) },
    },
    {
      name: 'a 502.5 startup failure page is the startup cause',
      evidence: {
        'page.html': '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure</title>\n</head>\n<body>\n<h1>HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure</h1>\n</body>\n</html>',
      },
    },
    {
      name: 'a refused connection from nginx (no ANCM) is the nginx cause, not a WinHTTP code',
      evidence: {
        'error.log':
          '2026/11/20 10:15:01 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://127.0.0.1:5000/api/orders", host: "example.com"',
      },
    },
  ],
  invalid: [
    {
      name: 'FREB ErrorCode 2147954429 on a 502.3 (aspnet/IISIntegration#311)',
      evidence: { 'fr000011.txt': FREB_12029 },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      evidenceLines: [1],
      mentions: ['ERROR_WINHTTP_CANNOT_CONNECT', 'netstat -ano'],
    },
    {
      name: '502.3 12029 rows and a web.config that pins ASPNETCORE_URLS',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12029, 1010), iisRow('10:15:03', 'GET', '/', 502, 3, 12029, 1004)]),
        'web.config': webConfig('', ['<environmentVariables>', '  <environmentVariable name="ASPNETCORE_URLS" value="http://localhost:5000" />', '</environmentVariables>']),
      },
      minConfidence: 0.8,
      evidenceLines: ['u_ex261120.log:5', 'web.config:10'],
      mentions: ['ASPNETCORE_URLS="http://localhost:5000"', 'Remove the ASPNETCORE_URLS'],
    },
    {
      name: '502.3 12029 after WAS saw the worker crash',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12029, 1010)]),
        'system-events.txt': events(was5009('ShopPool', 4242, '0xe0434352')),
      },
      minConfidence: 0.8,
      mentions: ['Microsoft-Windows-WAS 5009'],
    },
  ],
  messy: {
    valid: [
      {
        // nginx "connect() failed (111: Connection refused)" (kb-facts §6.4) in a fence: the nginx cause, not ANCM's WinHTTP code.
        name: 'an nginx refused connection in a code fence',
        form: 'fenced',
        evidence: {
          'message.txt': [
            '```',
            '2026/11/20 14:02:11 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: api.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://127.0.0.1:5000/api/orders", host: "api.example.com"',
            '```',
          ].join('\n'),
        },
      },
    ],
    invalid: [
      {
        // Real sample: the tab-separated FREB row in https://github.com/aspnet/IISIntegration/issues/311 (comment 52),
        // the ErrorCode in decimal (2147954429 = 0x80072EFD, ERROR_WINHTTP_CANNOT_CONNECT) mid-line.
        name: 'a FREB row with ErrorCode 2147954429 between tabs (aspnet/IISIntegration#311)',
        form: 'mid-line',
        evidence: { 'freb.txt': 'Warning\tModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954429", ConfigExceptionInfo=""\t12:35:28.130' },
      },
      {
        // 502.3 with ERROR_WINHTTP_CANNOT_CONNECT (kb-facts §3.3: 12029) in a German message.
        name: 'a German report of 502.3 rows with 12029',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Seit heute Mittag liefert IIS nur noch 502.3. Im IIS-Log steht bei jedem Request 502 3 12029, der dotnet-Prozess läuft aber laut Task-Manager noch.' },
      },
      {
        // The WinHTTP text for 12029 (kb-facts §3.3) in Slack's escaped quote, with the 502.3.
        name: 'the cannot-connect text in a Slack quote',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': '&gt; HTTP Error 502.3 - Bad Gateway\n&gt; A connection with the server could not be established\n&gt; Error Code 0x80072efd\nsite down since 14:00 &amp; kestrel process is still there' },
      },
    ],
  },
});
