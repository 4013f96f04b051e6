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
});
