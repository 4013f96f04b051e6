import cause from '../../src/causes/arr-no-healthy-server';
import { runCauseTests } from '../helpers/cause-tester';
import { iisLog, iisRow } from './edge-samples';

const PAGE_5024 = [
  '<html>',
  '<head><title>IIS 10.0 Detailed Error - 502.4 - Bad Gateway</title></head>',
  '<body>',
  '<h3>HTTP Error 502.4 - Bad Gateway</h3>',
  '<h4>No server is available to handle this request.</h4>',
  '<ul><li>Module: ApplicationRequestRouting</li><li>Notification: ExecuteRequestHandler</li><li>Handler: ApplicationRequestRoutingHandler</li><li>Error Code: 0x00000000</li></ul>',
  '</body></html>',
].join('\n');

runCauseTests(cause, {
  valid: [
    { name: 'ARR 502.3 timeouts are not 502.4', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/api', 502, 3, 12002, 29889)) } },
    { name: 'ANCM 502.5 startup failure', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/', 502, 5, 0, 1205)) } },
    { name: 'a 502 with substatus 0 from some other proxy', evidence: { 'u_ex261120.log': iisLog(iisRow('10:15:01', '/', 502, 0, 0, 12)) } },
  ],
  invalid: [
    {
      name: 'IIS rows 502.4 preceded by 502.3 errors',
      evidence: {
        'u_ex261120.log': iisLog(
          iisRow('10:14:58', '/api/orders', 502, 3, 12029, 21042),
          iisRow('10:15:01', '/api/orders', 502, 4, 0, 2),
          iisRow('10:15:02', '/', 502, 4, 0, 1),
          iisRow('10:15:03', '/api/cart', 502, 4, 0, 1),
        ),
      },
      minConfidence: 0.8,
      evidenceLines: [6],
      mentions: ['3 IIS log rows', 'Monitoring and Management', '1 502.3'],
    },
    {
      name: 'the 502.4 detailed error page',
      evidence: { 'page.html': PAGE_5024 },
      minConfidence: 0.8,
      mentions: ['statusCodeMatch', 'maxLiveTrafficFailures'],
    },
    {
      name: '502.4 in prose',
      evidence: { 'message.txt': 'After the deploy the ARR box returns HTTP Error 502.4 for every request.' },
      minConfidence: 0.55,
      maxConfidence: 0.8,
      mentions: ['Set Server Healthy'],
    },
  ],
  messy: {
    valid: [
      {
        // A 502.3 (WinHTTP error) is ARR reaching a server and failing, not "no server available".
        name: 'a 502.3 timeout in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'ARR gives HTTP Error 502.3 - Bad Gateway after 30 seconds, the log row is 502 3 12002 29889' },
      },
    ],
    invalid: [
      {
        // The 502.4 page sentence (kb-facts: "No server is available to handle this request.") retold.
        name: 'retold: no server is available, 502.4',
        form: 'paraphrased',
        evidence: { 'message.txt': 'ARR says no server is available to handle this request (502.4) even though both farm servers are up' },
      },
      {
        // W3C rows in the default field order (edge-samples iisRow) without the #Fields header.
        name: '502.4 rows without the #Fields header',
        form: 'header-less',
        evidence: {
          'rows.txt': [
            '2026-11-20 10:15:01 10.0.0.5 GET /api/orders - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 4 0 2',
            '2026-11-20 10:15:02 10.0.0.5 GET / - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 4 0 1',
          ].join('\n'),
        },
      },
      {
        // The IIS 502.4 heading in Spanish prose.
        name: 'Spanish prose with the 502.4 heading',
        form: 'other language',
        evidence: { 'mensaje.txt': 'Desde esta mañana el servidor ARR devuelve "HTTP Error 502.4 - Bad Gateway" para todas las peticiones. ¿Qué significa?' },
      },
      {
        // The 502.4 detailed error page (kb-facts 502.4) as Slack delivers pasted markup.
        name: 'the 502.4 page, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&lt;h3&gt;HTTP Error 502.4 - Bad Gateway&lt;/h3&gt;\n&lt;h4&gt;No server is available to handle this request.&lt;/h4&gt;\n&lt;ul&gt;&lt;li&gt;Module: ApplicationRequestRouting&lt;/li&gt;&lt;li&gt;Notification: ExecuteRequestHandler&lt;/li&gt;&lt;/ul&gt;' },
      },
    ],
  },
});
