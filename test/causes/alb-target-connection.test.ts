import cause from '../../src/causes/alb-target-connection';
import { runCauseTests } from '../helpers/cause-tester';
import { ALB, albHeaders } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'the target itself answered 502 (target_status_code 502): the ALB only passed it on', evidence: { 'alb.log': ALB.passthrough502 } },
    { name: 'an ELB 504 is a timeout', evidence: { 'alb.log': ALB.timeout504 } },
    { name: 'an IIS 502 response is not from the load balancer', evidence: { 'headers.txt': 'HTTP/1.1 502 Bad Gateway\nServer: Microsoft-IIS/10.0\nX-Powered-By: ASP.NET' } },
  ],
  invalid: [
    {
      name: 'the AWS example: target_processing_time 4.205, response -1 (real: https://github.com/medplum/medplum/issues/2253)',
      evidence: { 'alb.log': ALB.closedDuringRequest },
      minConfidence: 0.7,
      evidenceLines: [1],
      mentions: ['response_processing_time is -1', 'keep-alive', '4.205 s'],
    },
    {
      name: 'target_processing_time -1 with a chosen target: the keep-alive race',
      evidence: { 'alb.log': [ALB.closedIdle, ALB.closedIdle.replace('10:15:01.412', '10:16:11.020'), ALB.closedIdle.replace('10:15:01.412', '10:17:43.909')].join('\n') },
      minConfidence: 0.8,
      mentions: ['3 ELB-generated 502s', 'keep-alive race', 'KeepAliveTimeout'],
    },
    {
      name: 'never dispatched: target:port is "-"',
      evidence: { 'alb.log': ALB.closedIdle.replace('10.0.10.21:80 0.000 -1 -1 502', '- 0.000 -1 -1 502') },
      mentions: ['never got a connection', 'netstat -ano'],
    },
    {
      name: 'a 502 from awselb in the response headers',
      evidence: { 'headers.txt': albHeaders(502, 'Bad Gateway') },
      minConfidence: 0.6,
      maxConfidence: 0.7,
      mentions: ['Server: awselb/2.0 on a 502'],
    },
  ],
});
