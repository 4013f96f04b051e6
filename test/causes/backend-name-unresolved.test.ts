import cause from '../../src/causes/backend-name-unresolved';
import { hostOfUrl, needsNoLookup } from '../../src/causes/support/proxy-targets';
import { runCauseTests } from '../helpers/cause-tester';
import { iisLog, iisRow } from './support/windows-evidence';

const ARR_HEADERS = 'HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\nServer: Microsoft-IIS/10.0\nX-Powered-By: ARR/3.0\nX-Powered-By: ASP.NET';

/** A proxy site's web.config with one reverse-proxy rule; the action sits on line 8. */
function rewriteConfig(url: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<configuration>',
    '  <system.webServer>',
    '    <rewrite>',
    '      <rules>',
    '        <rule name="ReverseProxyInboundRule1" stopProcessing="true">',
    '          <match url="(.*)" />',
    `          <action type="Rewrite" url="${url}" />`,
    '        </rule>',
    '      </rules>',
    '    </rewrite>',
    '  </system.webServer>',
    '</configuration>',
  ].join('\n');
}

runCauseTests(cause, {
  valid: [
    {
      name: 'a 502.3 with 12029 means the name resolved and the connection was refused',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12029, 1010)]), 'headers.txt': ARR_HEADERS },
    },
    {
      name: "a 502.3 with 12002 after 30 s is ARR's timeout, the back end was reached",
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12002, 29889)]), 'headers.txt': ARR_HEADERS },
    },
    {
      name: 'a reverse-proxy rule to a host name, with no failure, is just configuration',
      evidence: { 'web.config': rewriteConfig('http://app01:5000/{R:1}') },
    },
    {
      name: "nginx's own resolver failure is not a WinHTTP code",
      evidence: {
        'error.log':
          '2026/11/20 10:15:01 [error] 1234#1234: *5678 backend.internal could not be resolved (3: Host not found), client: 203.0.113.7, server: example.com, request: "GET /api/orders HTTP/1.1", host: "example.com"',
      },
    },
  ],
  invalid: [
    {
      name: 'one IIS row 502 3 12007 with nothing else: likely, and asks where the rule points',
      evidence: { 'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12007, 15)]) },
      minConfidence: 0.55,
      maxConfidence: 0.65,
      evidenceLines: [5],
      mentions: ['ERROR_WINHTTP_NAME_NOT_RESOLVED, HRESULT 0x80072EE7', 'ANCM always forwards to 127.0.0.1', '-section:system.webServer/rewrite/rules', 'Resolve-DnsName <backend-host>'],
    },
    {
      name: 'IIS rows, ARR headers and the rewrite rule to a short host name',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/orders', 502, 3, 12007, 15), iisRow('10:15:03', 'GET', '/', 502, 3, 12007, 12)]),
        'headers.txt': ARR_HEADERS,
        'web.config': rewriteConfig('http://app01:5000/{R:1}'),
      },
      minConfidence: 0.8,
      evidenceLines: ['u_ex261120.log:5', 'headers.txt:4', 'web.config:8'],
      mentions: ['2 requests failed', 'http://app01:5000/{R:1}', '"app01" is a short name', 'Resolve-DnsName app01', 'url="http://app01.contoso.local:5000/{R:1}"', 'Test-NetConnection app01.contoso.local -Port 5000'],
    },
    {
      name: 'a busy log with many failing rows still shows the rule that names the host',
      evidence: {
        'u_ex261120.log': iisLog(Array.from({ length: 12 }, (_, i) => iisRow(`10:15:${String(10 + i)}`, 'GET', `/api/items/${i}`, 502, 3, 12007, 10 + i))),
        'web.config': rewriteConfig('http://catalog-api.contoso.local/{R:1}'),
      },
      minConfidence: 0.8,
      evidenceLines: ['web.config:8'],
      mentions: ['12 requests failed', 'Test-NetConnection catalog-api.contoso.local -Port 80'],
    },
    {
      name: 'nine FREB traces do not push the rule that names the host out of the evidence lines',
      evidence: {
        ...Object.fromEntries(
          Array.from({ length: 9 }, (_, i) => [
            `fr00004${i}.txt`,
            'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="ApplicationRequestRouting", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954407", ConfigExceptionInfo=""',
          ]),
        ),
        'web.config': rewriteConfig('https://orders.contoso.local/{R:1}'),
      },
      minConfidence: 0.8,
      evidenceLines: ['fr000040.txt:1', 'web.config:8'],
      mentions: ['9 requests failed', 'Test-NetConnection orders.contoso.local -Port 443'],
    },
    {
      name: 'FREB: ARR routed to a farm member and set 502.3 with ErrorCode 2147954407 (decimal)',
      evidence: {
        'fr000021.txt': [
          'ARR_SERVER_ROUTED RoutingReason="LoadBalancing", Server="app02.contoso.local", State="Active", TotalRequests="1", FailedRequests="1", CurrentRequests="1", BytesSent="0", BytesReceived="0", ResponseTime="0"',
          'MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="ApplicationRequestRouting", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954407", ConfigExceptionInfo=""',
        ].join('\n'),
      },
      minConfidence: 0.8,
      evidenceLines: [1, 2],
      mentions: ['app02.contoso.local', 'FREB ARR_SERVER_ROUTED', 'Resolve-DnsName app02.contoso.local'],
    },
    {
      name: 'the ARR detailed error page with Error Code 0x80072ee7 (hex)',
      evidence: {
        'page.html': [
          '<html>',
          '<head><title>IIS 10.0 Detailed Error - 502.3 - Bad Gateway</title></head>',
          '<body>',
          '<h3>HTTP Error 502.3 - Bad Gateway</h3>',
          '<h4>The server name or address could not be resolved</h4>',
          '<ul><li>Module: ApplicationRequestRouting</li><li>Notification: ExecuteRequestHandler</li><li>Handler: ApplicationRequestRoutingHandler</li><li>Error Code: 0x80072ee7</li></ul>',
          '</body></html>',
        ].join('\n'),
      },
      minConfidence: 0.8,
      evidenceLines: [6],
      mentions: ['hosts', 'netsh winhttp show proxy'],
    },
    {
      name: 'prose naming only the hex code stays possible',
      evidence: { 'report.txt': 'After the DNS migration the shop shows a gateway error, code 0x80072EE7.' },
      maxConfidence: 0.4,
      evidenceLines: [1],
      mentions: ['The pasted text names Win32 12007', 'Resolve-DnsName'],
    },
    {
      name: 'prose with 502.3 and the decimal code is a little more than possible, not likely',
      evidence: { 'report.txt': 'IIS answers HTTP Error 502.3 - Bad Gateway with error code 2147954407 for every request to /api.' },
      minConfidence: 0.4,
      maxConfidence: 0.5,
      evidenceLines: [1],
    },
    {
      name: 'a rule that forwards to {HTTP_HOST} takes the public name the client sent',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/', 502, 3, 12007, 3020)]),
        'web.config': rewriteConfig('https://{HTTP_HOST}/{R:1}'),
      },
      minConfidence: 0.8,
      evidenceLines: ['web.config:8'],
      mentions: ['server variable', 'Resolve-DnsName <backend-host>', 'backend.internal'],
    },
    {
      name: 'a web farm in a pasted applicationHost.config names the member host',
      evidence: {
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/', 502, 3, 12007, 8)]),
        'applicationHost.config': [
          '<configuration>',
          '  <webFarms>',
          '    <webFarm name="app-farm" enabled="true">',
          '      <server address="10.0.0.11" enabled="true" />',
          '      <server address="app02" enabled="true" />',
          '    </webFarm>',
          '  </webFarms>',
          '</configuration>',
        ].join('\n'),
      },
      minConfidence: 0.8,
      evidenceLines: ['applicationHost.config:5'],
      mentions: ['web farm member names the host "app02"', '"app02" is a short name', '<server address="app02.contoso.local" enabled="true" />'],
    },
    {
      name: 'ANCM named as the module holds the confidence back',
      evidence: {
        'fr000022.txt':
          'MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954407", ConfigExceptionInfo=""',
      },
      maxConfidence: 0.5,
      evidenceLines: [1],
      mentions: ['names AspNetCoreModule rather than ARR'],
    },
  ],
  messy: {
    valid: [
      {
        // nginx's resolver error (ngx_http_upstream.c "%V could not be resolved (%i: %s)") in a sentence: nginx, not WinHTTP.
        name: "nginx's resolver error in prose",
        form: 'in prose',
        evidence: { 'message.txt': 'nginx logs "backend.internal could not be resolved (3: Host not found)" since the DNS change' },
      },
    ],
    invalid: [
      {
        // W3C row values (kb-facts WinHTTP: 12007 = ERROR_WINHTTP_NAME_NOT_RESOLVED) in a sentence.
        name: '502 3 12007 in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'since the DNS change ARR gives 502.3 on every request, IIS log shows 502 3 12007 and time-taken 15' },
      },
      {
        // The ARR 502.3 page text (ARR-doc: "The server name or address could not be resolved", 0x80072ee7) without markup.
        name: "ARR's 502.3 page as text, without markup",
        form: 'header-less',
        evidence: { 'page.txt': 'HTTP Error 502.3 - Bad Gateway\nThe server name or address could not be resolved\nModule ApplicationRequestRouting\nNotification ExecuteRequestHandler\nError Code 0x80072ee7' },
      },
      {
        // FREB MODULE_SET_RESPONSE_ERROR_STATUS with the decimal HRESULT of 12007, in a fence with prose.
        name: 'the FREB line in a fence with prose',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'FREB says:',
            '```',
            'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="ApplicationRequestRouting", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954407", ConfigExceptionInfo=""',
            '```',
            'the rewrite rule points at http://app01:5000',
          ].join('\n'),
        },
      },
      {
        // The HRESULT and its meaning in French prose.
        name: 'French prose with 502.3 and 0x80072EE7',
        form: 'other language',
        evidence: { 'message.txt': 'Depuis la migration DNS, le reverse proxy IIS (ARR) renvoie une erreur 502.3 avec le code 0x80072EE7 pour chaque requête.' },
      },
    ],
  },
});

describe('proxy targets', () => {
  it('reads the host of an action url, with ports, credentials and server variables', () => {
    expect(hostOfUrl('http://app01:5000/{R:1}')).toBe('app01');
    expect(hostOfUrl('HTTPS://backend.contoso.local/api')).toBe('backend.contoso.local');
    expect(hostOfUrl('http://user@backend.contoso.local:8080')).toBe('backend.contoso.local');
    expect(hostOfUrl('http://{C:1}/{R:1}')).toBe('{C:1}');
    expect(hostOfUrl('http://[2001:db8::5]:5000/')).toBe('[2001:db8::5]');
    expect(hostOfUrl('/relative/{R:1}')).toBeUndefined();
  });

  it('knows which hosts never go to DNS', () => {
    expect(needsNoLookup('10.0.0.11')).toBe(true);
    expect(needsNoLookup('[2001:db8::5]')).toBe(true);
    expect(needsNoLookup('LOCALHOST')).toBe(true);
    expect(needsNoLookup('app01')).toBe(false);
  });
});
