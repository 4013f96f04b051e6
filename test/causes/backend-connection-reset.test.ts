import cause from '../../src/causes/backend-connection-reset';
import { runCauseTests } from '../helpers/cause-tester';
import { dotnetRuntime1026, events, iisLog, iisRow } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'a 502 that headers attribute to Cloudflare is not a bare 502',
      evidence: { 'headers.txt': 'HTTP/2 502\nserver: cloudflare\ncf-ray: 8d2f1c3b4a5e6f70-FRA' },
    },
    {
      name: 'a 502.3 with 12002 is a timeout, not a dropped connection',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/report', 502, 3, 12002, 120015)]) },
    },
    {
      name: 'a 502.3 with 12029 means nothing listened, not a dropped connection',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12029, 1023)]) },
    },
    {
      name: 'win32 64 on 200 rows is a client that went away, not a backend failure',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/css/site.css', 200, 0, 64, 15), iisRow('10:15:02', 'GET', '/', 200, 0, 0, 31)]),
      },
    },
    {
      name: 'a 502.5 startup failure has no broken connection',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/', 502, 5, 0, 2035)]) },
    },
  ],
  invalid: [
    {
      name: 'IIS row 502 3 64 (aspnet/IISIntegration#201)',
      evidence: {
        'u_ex161210.log': [
          '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
          '2016-12-10 03:47:14 10.0.0.5 GET /xyz - 80 - 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 502 3 64 343',
        ].join('\n'),
      },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      evidenceLines: [2],
      mentions: ['ERROR_NETNAME_DELETED', '1 request was in flight'],
    },
    {
      name: '502.3 with 12030 rows and a .NET Runtime crash at the same time', trails: "The crash at the same minute explains the resets: unhandled-exception-crash leads.", behind: 'unhandled-exception-crash',
      evidence: {
        'u_ex261120.log': iisLog([
          iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12030, 2001),
          iisRow('10:15:01', 'POST', '/api/cart', 502, 3, 12030, 1874),
          iisRow('10:15:02', 'GET', '/', 502, 3, 12030, 950),
        ]),
        'application-events.txt': events(dotnetRuntime1026('dotnet.exe', ['Exception Info: System.InvalidOperationException: Sequence contains no elements', '   at System.Linq.ThrowHelper.ThrowNoElementsException()'])),
      },
      minConfidence: 0.75,
      maxConfidence: 0.79,
      evidenceLines: ['u_ex261120.log:5', 'application-events.txt:4'],
      mentions: ['3 requests were in flight', '.NET Runtime 1026', 'ERROR_WINHTTP_CONNECTION_ERROR'],
    },
    {
      name: 'FREB ErrorCode 0x800704cd on a 502.3 set by AspNetCoreModule (aspnet/AspNetCoreModule#235)',
      evidence: {
        'fr000011.txt':
          'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="An operation was attempted on a nonexistent network connection. (0x800704cd)", ConfigExceptionInfo=""',
      },
      minConfidence: 0.5,
      evidenceLines: [1],
      mentions: ['ERROR_CONNECTION_INVALID'],
    },
    {
      name: 'a bare HRESULT 0x80072EFE in prose is only a possibility',
      evidence: { 'notes.txt': 'the logs show HRESULT 0x80072EFE now and then' },
      maxConfidence: 0.4,
      evidenceLines: [1],
      mentions: ['Confirm it is a 502.3'],
    },
  ],
  messy: {
    valid: [
      {
        // 502.3 with ERROR_WINHTTP_TIMEOUT (kb-facts §3.3: 12002) in a Spanish message: a timeout, not a reset.
        name: 'a Spanish report of 502.3 rows with 12002',
        form: 'other language',
        evidence: { 'mensaje.txt': 'Los informes largos fallan siempre a los 2 minutos. En el log de IIS: 502 3 12002 120015. ¿Es un timeout?' },
      },
    ],
    invalid: [
      {
        // Real sample: the FREB rendering quoted in https://github.com/aspnet/IISIntegration/issues/201 (comment of
        // 2016-12-10), where the ErrorCode text wraps before its HRESULT.
        name: 'the FREB 0x800704cd text wrapped before its code (aspnet/IISIntegration#201)',
        form: 'split over lines',
        evidence: {
          'message.txt': [
            'IIS failed request tracing showed the following:',
            '`ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="An operation was attempted on a nonexistent network connection.',
            ' (0x800704cd)", ConfigExceptionInfo=""`',
          ].join('\n'),
        },
      },
      {
        // ANCM 502.3 IIS rows (kb-facts §3.3: 12030 ERROR_WINHTTP_CONNECTION_ERROR) quoted in a chat line.
        name: 'a 502 3 12030 row quoted in a chat line',
        form: 'mid-line',
        evidence: { 'chat.txt': '[14:02] ops: got a bunch of these in u_ex: `2026-11-20 14:02:11 10.0.0.5 POST /api/upload - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12030 4211` while the app was busy' },
      },
      {
        // 502.3 with ERROR_NETNAME_DELETED (kb-facts §3.1, §3.3: win32 64, IISIntegration#201) retold.
        name: 'a retold 502.3 with win32 64',
        form: 'paraphrased',
        evidence: { 'message.txt': 'random 502.3 in the IIS log, sc-win32-status is 64 every time, kestrel log says the request finished with 200' },
      },
    ],
  },
});
