import cause from '../../src/causes/invalid-backend-response';
import { runCauseTests } from '../helpers/cause-tester';
import { iisLog, iisRow } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a reset (12030) is a dropped connection, not a bad response',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12030, 2001)]) },
    },
    {
      name: 'a timeout (12002) is the request-timeout cause',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/report', 502, 3, 12002, 120015)]) },
    },
    {
      name: 'nginx "upstream sent too big header" is the nginx header cause',
      evidence: {
        'error.log':
          '2026/11/20 10:15:01 [error] 1234#1234: *5678 upstream sent too big header while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "GET /signin-oidc HTTP/1.1", upstream: "http://127.0.0.1:5000/signin-oidc", host: "example.com"',
      },
    },
  ],
  invalid: [
    {
      name: 'FREB ErrorCode 2147954552 set by AspNetCoreModule (aspnet/IISIntegration#903)',
      evidence: {
        'freb.txt': [
          'MODULE_SET_RESPONSE_ERROR_STATUS',
          'ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954552", ConfigExceptionInfo=""',
        ].join('\n'),
      },
      minConfidence: 0.5,
      maxConfidence: 0.7,
      evidenceLines: [2],
      mentions: ['ERROR_WINHTTP_INVALID_SERVER_RESPONSE', 'curl -sv'],
    },
    {
      name: '502.3 12152 rows and the app aborting responses after an exception',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/export', 502, 3, 12152, 812), iisRow('10:17:44', 'GET', '/api/export', 502, 3, 12152, 790)]),
        'stdout_20261120101501_4242.log': [
          'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
          '      Connection id "0HN8B6M6V5T1K", Request id "0HN8B6M6V5T1K:00000001": An unhandled exception was thrown by the application.',
          '      System.InvalidOperationException: Response Content-Length mismatch: too few bytes written (0 of 5120).',
        ].join('\n'),
      },
      minConfidence: 0.8,
      evidenceLines: ['u_ex261120.log:5'],
      mentions: ['2 requests failed', 'unhandled exception during a request'],
    },
    {
      name: 'response headers overflow (12182)',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/signin-oidc', 502, 3, 12182, 95)]) },
      minConfidence: 0.55,
      mentions: ['ERROR_WINHTTP_HEADER_SIZE_OVERFLOW', 'Set-Cookie', 'ITicketStore'],
    },
  ],
  messy: {
    valid: [
      {
        // 502.3 with a reset (kb-facts §3.3: 12030) retold: a dropped connection, not a bad response.
        name: 'a retold 502.3 with 12030',
        form: 'paraphrased',
        evidence: { 'message.txt': 'we see 502.3 with win32 status 12030 on big uploads, the connection with the server was terminated abnormally' },
      },
    ],
    invalid: [
      {
        // FREB rendering (kb-facts §4) of ERROR_WINHTTP_INVALID_SERVER_RESPONSE (kb-facts §3.3: 0x80072F78) without the event row.
        name: 'the FREB invalid-response text without its event row',
        form: 'header-less',
        evidence: { 'freb.txt': 'ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="The server returned an invalid or unrecognized response (0x80072f78)", ConfigExceptionInfo=""' },
      },
      {
        // 502.3 IIS row with 12152 (kb-facts §3.3) in a sentence.
        name: 'a 502 3 12152 row in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'only the /api/export endpoint fails, IIS logs it as 502 3 12152 every time, other endpoints are fine' },
      },
      {
        // Header overflow (kb-facts §3.3: 12182 ERROR_WINHTTP_HEADER_SIZE_OVERFLOW) in a French message.
        name: 'a French report of 502.3 with 12182',
        form: 'other language',
        evidence: { 'message.txt': "Bonjour, après connexion certains utilisateurs ont une 502.3. Dans le log IIS : 502 3 12182. Les cookies d'authentification sont très gros." },
      },
    ],
  },
});
