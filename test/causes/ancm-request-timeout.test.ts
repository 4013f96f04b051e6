import cause from '../../src/causes/ancm-request-timeout';
import { collect, runCauseTests } from '../helpers/cause-tester';
import { iisLog, iisRow, webConfig } from './support/windows-evidence';

const ROWS_120 = iisLog([
  iisRow('10:15:01', 'POST', '/api/reports', 502, 3, 12002, 120015),
  iisRow('10:19:22', 'POST', '/api/reports', 502, 3, 12002, 120031),
  iisRow('10:19:25', 'GET', '/', 200, 0, 0, 12),
]);
const ROWS_300 = iisLog([iisRow('10:15:01', 'POST', '/api/import', 502, 3, 12002, 300047), iisRow('10:25:11', 'POST', '/api/import', 502, 3, 12002, 300012)]);

runCauseTests(cause, {
  valid: [
    {
      name: 'a 502 that headers attribute to Cloudflare is not a bare 502',
      evidence: { 'headers.txt': 'HTTP/2 502\nserver: cloudflare\ncf-ray: 8d2f1c3b4a5e6f70-FRA' },
    },
    {
      name: 'ARR answered (X-Powered-By: ARR): its proxy timeout fired, not ANCM',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/search', 502, 3, 12002, 29889)]),
        'headers.txt': 'HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\nServer: Microsoft-IIS/10.0\nX-Powered-By: ARR/3.0\nX-Powered-By: ASP.NET',
      },
    },
    {
      name: 'a reset (12030) is a crash or recycle, not a timeout',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12030, 2001)]) },
    },
    {
      name: 'a Cloudflare 524 is the edge timeout',
      evidence: { 'notes.txt': 'Cloudflare shows Error 524 A timeout occurred after about 100 seconds' },
    },
  ],
  invalid: [
    {
      name: 'rows that ran 120 s, the default requestTimeout',
      evidence: { 'u_ex261120.log': ROWS_120 },
      minConfidence: 0.95,
      evidenceLines: [6],
      mentions: ['ran 120 s', "ANCM's default requestTimeout of 2 minutes (00:02:00)", 'ERROR_WINHTTP_TIMEOUT', '/api/reports', '00:04:00'],
    },
    {
      name: 'rows that ran 300 s with requestTimeout="00:05:00" in the pasted web.config',
      evidence: { 'u_ex261120.log': ROWS_300, 'web.config': webConfig('requestTimeout="00:05:00"') },
      minConfidence: 0.95,
      evidenceLines: ['u_ex261120.log:5', 'web.config:8'],
      mentions: ['ran 300 s', 'your requestTimeout 00:05:00 (web.config line 8)', '00:10:00'],
    },
    {
      name: 'FREB 502.3 with ErrorCode 2147954402 set by AspNetCoreModule (aspnet/AspNetCoreModule#287)',
      evidence: {
        'fr000042.txt': [
          '92. | GENERAL_SET_REQUEST_HEADER | HeaderName="Connection", HeaderValue="", Replace="true" | 21:06:53.057',
          '93. | MODULE_SET_RESPONSE_ERROR_STATUSWarning | ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo="" | 21:08:55.104',
        ].join('\n'),
      },
      minConfidence: 0.6,
      maxConfidence: 0.8,
      evidenceLines: [2],
      mentions: ['Confirm it is ANCM', 'aspnet/AspNetCoreModule#287'],
    },
    {
      name: 'in-process hosting: requestTimeout does not apply, so only a weak candidate',
      evidence: {
        'u_ex261120.log': ROWS_120,
        'web.config': '<aspNetCore processPath=".\\Shop.exe" stdoutLogEnabled="false" hostingModel="inprocess" />',
      },
      maxConfidence: 0.3,
      mentions: ['hostingModel="inprocess"'],
    },
    {
      name: 'timeouts on many URLs with Kestrel starvation warnings: the timeout is the symptom', trails: "The starvation warnings explain the timeouts: thread-pool-starvation leads.", behind: 'thread-pool-starvation',
      evidence: {
        'u_ex261120.log': iisLog([
          iisRow('10:15:01', 'GET', '/api/products', 502, 3, 12002, 120012),
          iisRow('10:15:03', 'GET', '/api/cart', 502, 3, 12002, 120034),
          iisRow('10:15:09', 'GET', '/', 502, 3, 12002, 120008),
          iisRow('10:15:20', 'GET', '/api/search', 502, 3, 12002, 120021),
        ]),
        'stdout_20261120101501_4242.log': [
          'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
          '      As of "11/20/2026 10:14:05 +00:00", the heartbeat has been running for "00:00:07.2134567" which is longer than "00:00:01". This could be caused by thread pool starvation.',
        ].join('\n'),
      },
      // Capped at "likely" when the app itself shows starvation, so the cause that explains it leads.
      minConfidence: 0.6,
      maxConfidence: 0.6,
      mentions: ['the app as a whole was stuck'],
    },
    {
      name: 'prose with 502.3, the signed decimal HRESULT and the WinINet name',
      evidence: { 'notes.txt': 'IIS returns HTTP Error 502.3 - Bad Gateway, FREB ErrorCode -2147012894 (WININET_E_TIMEOUT)' },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      mentions: ['Confirm it is ANCM'],
    },
    {
      name: 'the decimal HRESULT alone in prose (seed article)',
      evidence: { 'notes.txt': 'IIS log shows the error comes from AspNetCoreModule and the error code is 2147954402' },
      maxConfidence: 0.4,
      mentions: ['Confirm it is ANCM'],
    },
  ],
  messy: {
    valid: [
      {
        // W3C row fields (kb-facts IIS log) in prose: 12030 is ERROR_WINHTTP_CONNECTION_ERROR, a reset.
        name: 'a 12030 reset after 2 s told in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'IIS log has 502 3 12030 with time-taken 2001 on /api/orders, the out-of-process app is behind ANCM' },
      },
    ],
    invalid: [
      {
        // W3C rows in the default field order (edge-samples iisRow) without the #Fields header.
        name: 'IIS rows that ran 120 s without the #Fields header',
        form: 'header-less',
        evidence: {
          'rows.txt': [
            '2026-11-20 10:15:01 10.0.0.5 POST /api/reports - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 3 12002 120015',
            '2026-11-20 10:19:22 10.0.0.5 POST /api/reports - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 3 12002 120031',
          ].join('\n'),
        },
      },
      {
        // ANCM's 502.3 (kb-facts ANCM: WinHTTP 12002 = ERROR_WINHTTP_TIMEOUT, requestTimeout default 2 min) retold.
        name: 'retold: 502.3 after exactly two minutes, win32 status 12002',
        form: 'paraphrased',
        evidence: { 'message.txt': 'our ASP.NET Core app (out of process, AspNetCoreModuleV2) gives HTTP Error 502.3 - Bad Gateway after exactly 2 minutes on the big report. sc-win32-status is 12002' },
      },
      {
        // FREB MODULE_SET_RESPONSE_ERROR_STATUS (aspnet/AspNetCoreModule#287 layout) in a fence with prose.
        name: 'the FREB line in a fence with prose',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'failed request tracing for the slow POST:',
            '```',
            'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo=""',
            '```',
            'it always takes 120 s before this shows up',
          ].join('\n'),
        },
      },
      {
        // The shape of dotnet/aspnetcore#1857: an action that waits five minutes (repro code) and
        // "returns a 502.3 Bad Gateway error", no Win32 code, no log.
        name: 'a repro that waits 5 minutes and gets a bare 502.3',
        form: 'in prose',
        evidence: {
          'message.txt': [
            'Executing this code:',
            '```',
            'public async Task<IActionResult> Export()',
            '{',
            '    await Task.Delay(TimeSpan.FromMinutes(5)); // simulate the slow export',
            '    return Content("done");',
            '}',
            '```',
            'returns a 502.3 Bad Gateway error, yet the file does get written.',
          ].join('\n'),
        },
      },
      {
        // IIS 502.3 page title (A-page / D-err) and a W3C row in French prose.
        name: 'French prose with the 502.3 title and a 120 s row',
        form: 'other language',
        evidence: {
          'message.txt': [
            'Bonjour, notre appli ASP.NET Core derrière IIS renvoie « HTTP Error 502.3 - Bad Gateway » au bout de 120 secondes.',
            'Dans le journal IIS : 2026-11-20 10:15:01 10.0.0.5 POST /api/rapports - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120031',
          ].join('\n'),
        },
      },
    ],
  },
});

describe('ancm-request-timeout fix', () => {
  it('suggests doubling the observed timeout as a requestTimeout change', () => {
    const evidence = collect({ 'u_ex261120.log': ROWS_300, 'web.config': webConfig('requestTimeout="00:05:00"') });
    const match = cause.match(evidence);
    expect(match).toBeDefined();
    const fix = cause.fix({ evidence, match: match!, facts: match!.facts ?? {} });
    expect(fix.change).toEqual({ set: { requestTimeout: '00:10:00' } });
  });

  it('caps the suggestion at 30 minutes', () => {
    const rows = iisLog([iisRow('10:15:01', 'POST', '/api/import', 502, 3, 12002, 1_200_040)]);
    const evidence = collect({ 'u_ex261120.log': rows, 'web.config': webConfig('requestTimeout="00:20:00"') });
    const match = cause.match(evidence);
    expect(match?.facts?.matchesTimeout).toBe(true);
    const fix = cause.fix({ evidence, match: match!, facts: match!.facts ?? {} });
    expect(fix.change?.set?.requestTimeout).toBe('00:30:00');
  });
});
