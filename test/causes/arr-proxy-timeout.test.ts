import cause from '../../src/causes/arr-proxy-timeout';
import { runCauseTests } from '../helpers/cause-tester';
import { iisLog, iisRow } from './support/windows-evidence';

const ARR_HEADERS = 'HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\nServer: Microsoft-IIS/10.0\nX-Powered-By: ARR/3.0\nX-Powered-By: ASP.NET';
/** The row of the ARR troubleshooting article, with only the fields it shows. */
const ARR_DOC_ROW = '#Fields: sc-status sc-substatus sc-win32-status time-taken\n502 3 12002 29889';

runCauseTests(cause, {
  valid: [
    {
      name: 'the 502.3 was set by AspNetCoreModule and nothing shows ARR',
      evidence: {
        'fr000042.txt':
          '93. | MODULE_SET_RESPONSE_ERROR_STATUSWarning | ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo="" | 21:08:55.104',
      },
    },
    {
      name: 'ARR in the path but the backend reset the connection (12030)',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12030, 2001)]), 'headers.txt': ARR_HEADERS },
    },
    {
      name: 'a 300 s timeout fits neither ARR default and nothing shows ARR',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'POST', '/api/import', 502, 3, 12002, 300047)]) },
    },
    {
      name: 'ARR answering 200 is healthy',
      evidence: { 'headers.txt': 'HTTP/1.1 200 OK\nContent-Type: text/html\nServer: Microsoft-IIS/10.0\nX-Powered-By: ARR/3.0' },
    },
  ],
  invalid: [
    {
      name: 'the ARR article row (29,889 ms) with ARR in the response headers',
      evidence: { 'u_ex120409.log': ARR_DOC_ROW, 'headers.txt': ARR_HEADERS },
      minConfidence: 0.8,
      evidenceLines: ['u_ex120409.log:2', 'headers.txt:4'],
      mentions: ['ran 30 s', "ARR's web farm protocol timeout default (00:00:30)", 'applicationRequestRouting.protocol.timeout'],
    },
    {
      name: 'a 30 s 502.3 12002 without any ARR or ANCM evidence',
      evidence: { 'u_ex120409.log': ARR_DOC_ROW },
      minConfidence: 0.4,
      maxConfidence: 0.5,
      mentions: ['Nothing pasted proves ARR'],
    },
    {
      name: 'a 120 s 502.3 12002 alone stays a weak alternative to ANCM', trails: "Without ARR in the evidence, ANCM is the forwarder that timed out.", behind: 'ancm-request-timeout',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'POST', '/api/reports', 502, 3, 12002, 120015)]) },
      maxConfidence: 0.25,
      mentions: ["ARR's server proxy timeout default (00:02:00"],
    },
    {
      name: 'FREB shows ARR routing the request to a farm member and timing out',
      evidence: {
        'fr000017.txt': [
          'ARR_SERVER_ROUTED RoutingReason="LoadBalancing", Server="app01.contoso.local", State="Active", TotalRequests="3", FailedRequests="2", CurrentRequests="1", BytesSent="648", BytesReceived="0", ResponseTime="15"',
          'MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="ApplicationRequestRouting", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo=""',
        ].join('\n'),
      },
      minConfidence: 0.55,
      evidenceLines: [1, 2],
      mentions: ['app01.contoso.local', 'netsh trace start scenario=internetclient'],
    },
  ],
  messy: {
    valid: [
      {
        // ARR headers with a 12029 row (ERROR_WINHTTP_CANNOT_CONNECT, kb-facts WinHTTP codes): refused, not timed out.
        name: 'ARR with 12029 (cannot connect) in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'the ARR server (X-Powered-By: ARR/3.0) gives 502.3 instantly, IIS log row is 502 3 12029 15' },
      },
    ],
    invalid: [
      {
        // ARR's 502.3 with ERROR_WINHTTP_TIMEOUT and the 30 s protocol timeout default (ARR-doc, ARR-s) in one sentence.
        name: 'ARR 502.3 after 30 s in one sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'Our ARR box (X-Powered-By: ARR/3.0) returns 502.3 after exactly 30 seconds; the IIS log row is 502 3 12002 29889' },
      },
      {
        // ARR's detailed error page text (ARR-doc: "The operation timed out", 0x80072ee2) without its markup.
        name: "ARR's 502.3 page as text, without markup",
        form: 'header-less',
        evidence: { 'page.txt': 'HTTP Error 502.3 - Bad Gateway\nThe operation timed out\nModule ApplicationRequestRouting\nNotification ExecuteRequestHandler\nHandler ApplicationRequestRoutingHandler\nError Code 0x80072ee2' },
      },
      {
        // FREB lines (ARR_SERVER_ROUTED, MODULE_SET_RESPONSE_ERROR_STATUS by ApplicationRequestRouting) inside a fence.
        name: 'FREB in a fence with a remark',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'FREB from the ARR front end:',
            '```',
            'ARR_SERVER_ROUTED RoutingReason="LoadBalancing", Server="app03.contoso.local", State="Active", TotalRequests="9", FailedRequests="4", CurrentRequests="2", BytesSent="512", BytesReceived="0", ResponseTime="30000"',
            'MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="ApplicationRequestRouting", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo=""',
            '```',
          ].join('\n'),
        },
      },
      {
        // Same facts (ARR header, 502 3 12002 ~30 s) in Japanese prose.
        name: 'Japanese prose with the ARR header and a 30 s row',
        form: 'other language',
        evidence: { 'message.txt': 'ARR経由でアクセスすると30秒で502.3になります。\nIISログ: 502 3 12002 30012\nレスポンスヘッダー: X-Powered-By: ARR/3.0' },
      },
    ],
  },
});
