import cause from '../../src/causes/backend-tls-failure';
import { runCauseTests, collect } from '../helpers/cause-tester';
import { iisLog, iisRow } from './edge-samples';

const PAGE_5023_TLS = [
  '<html>',
  '<head><title>IIS 10.0 Detailed Error - 502.3 - Bad Gateway</title></head>',
  '<body>',
  '<h3>HTTP Error 502.3 - Bad Gateway</h3>',
  '<h4>A security error occurred</h4>',
  '<ul><li>Module: ApplicationRequestRouting</li><li>Notification: ExecuteRequestHandler</li><li>Handler: ApplicationRequestRoutingHandler</li><li>Error Code: 0x80072f8f</li></ul>',
  '</body></html>',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: '502.3 with 12002 is a timeout', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/api', 502, 3, 12002, 120015)) } },
    { name: '502.3 with 12030 is a dropped connection', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/api', 502, 3, 12030, 5012)) } },
    { name: 'a 502.3 page without a TLS code', evidence: { 'page.txt': 'HTTP Error 502.3 - Bad Gateway\nThe operation timed out\nError Code 0x80072ee2' } },
  ],
  invalid: [
    {
      name: 'IIS rows 502.3 with 12175 behind ARR',
      evidence: {
        'u_ex261120.log': iisLog(iisRow('10:15:01', '/api', 502, 3, 12175, 15), iisRow('10:15:02', '/api', 502, 3, 12175, 12), iisRow('10:15:04', '/', 502, 3, 12175, 14)),
        'headers.txt': 'HTTP/1.1 502 Bad Gateway\nServer: Microsoft-IIS/10.0\nX-Powered-By: ARR/3.0\nX-Powered-By: ASP.NET',
      },
      minConfidence: 0.9,
      evidenceLines: ['u_ex261120.log:5'],
      mentions: ['ERROR_WINHTTP_SECURE_FAILURE', '0x80072F8F', '3 502.3 rows', 'LocalMachine\\Root'],
    },
    {
      name: 'the ARR detailed error page with Error Code 0x80072f8f',
      evidence: { 'page.html': PAGE_5023_TLS },
      minConfidence: 0.75,
      evidenceLines: [6],
      mentions: ['Invoke-WebRequest', 'Import-Certificate'],
    },
    {
      name: 'a secure channel error (12157) in prose with a 502',
      evidence: { 'message.txt': 'ARR returns 502.3 and the IIS log has sc-win32-status 12157 for the https backend.' },
      minConfidence: 0.6,
      mentions: ['ERROR_WINHTTP_SECURE_CHANNEL_ERROR', 'DefaultSecureProtocols', 'Schannel'],
    },
  ],
  messy: {
    valid: [
      {
        // A 12002 timeout (kb-facts WinHTTP codes) told in prose: not TLS.
        name: 'a 12002 timeout in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'ARR returns 502.3 after 30 s with sc-win32-status 12002' },
      },
    ],
    invalid: [
      {
        // W3C rows in the default field order (edge-samples iisRow) with 12175 (ERROR_WINHTTP_SECURE_FAILURE), no #Fields header.
        name: '502 3 12175 rows without the #Fields header',
        form: 'header-less',
        evidence: {
          'rows.txt': [
            '2026-11-20 10:15:01 10.0.0.5 GET /api - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 3 12175 15',
            '2026-11-20 10:15:02 10.0.0.5 GET /api - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 3 12175 12',
          ].join('\n'),
        },
      },
      {
        // ARR's 502.3 page text (ARR-doc "A security error occurred", 0x80072f8f) without markup.
        name: "ARR's 502.3 security-error page as text",
        form: 'paraphrased',
        evidence: { 'page.txt': 'HTTP Error 502.3 - Bad Gateway\nA security error occurred\nModule ApplicationRequestRouting\nError Code 0x80072f8f' },
      },
      {
        // The HRESULT and its WinHTTP name in Spanish prose.
        name: 'Spanish prose with 0x80072F8F',
        form: 'other language',
        evidence: { 'mensaje.txt': 'ARR devuelve 502.3 con el código 0x80072F8F (ERROR_WINHTTP_SECURE_FAILURE) cuando reenvía al backend por https.' },
      },
      {
        // The same page as Slack delivers pasted markup.
        name: 'the security-error page, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&lt;h3&gt;HTTP Error 502.3 - Bad Gateway&lt;/h3&gt;\n&lt;h4&gt;A security error occurred&lt;/h4&gt;\n&lt;ul&gt;&lt;li&gt;Module: ApplicationRequestRouting&lt;/li&gt;&lt;li&gt;Error Code: 0x80072f8f&lt;/li&gt;&lt;/ul&gt;' },
      },
    ],
  },
});

describe('backend-tls-failure layer', () => {
  it('names ARR (reverse proxy) when ARR is in the evidence', () => {
    const match = cause.match(collect({ 'u_ex261120.log': iisLog(iisRow('10:15:01', '/api', 502, 3, 12175, 15)), 'headers.txt': 'HTTP/1.1 502 Bad Gateway\nX-Powered-By: ARR/3.0' }));
    expect(match?.layer).toBe('reverse-proxy');
  });
});
