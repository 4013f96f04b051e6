import cause from '../../src/causes/alb-idle-timeout';
import { runCauseTests } from '../helpers/cause-tester';
import { ALB, albHeaders, nginxError, NGINX } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'an ELB-generated 502 is a connection failure, not a timeout', evidence: { 'alb.log': ALB.closedIdle } },
    { name: 'a 504 the target itself returned is passed through, not an ALB timeout', evidence: { 'alb.log': ALB.passthrough502.replace(' 502 502 ', ' 504 504 ') } },
    { name: 'healthy ALB traffic', evidence: { 'alb.log': ALB.ok200 } },
    { name: 'a 504 that nginx logs as its own timeout belongs to nginx', evidence: { 'error.log': nginxError(NGINX.readTimeout) } },
  ],
  invalid: [
    {
      name: 'ELB-generated 504s in the access log',
      evidence: { 'alb.log': [ALB.timeout504, ALB.idle504('10:15:01'), ALB.idle504('10:15:07')].join('\n') },
      minConfidence: 0.85,
      evidenceLines: [1, 2, 3],
      mentions: ['3 ELB-generated 504s', 'idle_timeout.timeout_seconds', '130 s'],
    },
    {
      name: 'a 504 from awselb in response headers (real: https://github.com/TykTechnologies/tyk/issues/302)',
      evidence: { 'headers.txt': 'HTTP/1.1 504 Gateway Time-out\nServer: awselb/2.0' },
      minConfidence: 0.6,
      maxConfidence: 0.7,
      mentions: ['access_logs.s3.enabled', 'Value=120'],
    },
    {
      name: 'a bare 504 in prose is one weak candidate among the proxies', trails: "A bare 504 fits every gateway's timeout: the family-level answer leads.",
      evidence: { 'message.txt': 'Since this morning the API answers 504 Gateway Timeout after a minute.' },
      maxConfidence: 0.15,
      mentions: ['never generate a 504', 'Server: awselb/2.0'],
    },
    {
      name: 'awselb 504 headers plus a nginx-free page body',
      evidence: { 'headers.txt': albHeaders(504, 'Gateway Time-out'), 'page.html': '<html>\n<head><title>504 Gateway Time-out</title></head>\n<body>\n<center><h1>504 Gateway Time-out</h1></center>\n</body>\n</html>' },
      minConfidence: 0.6,
    },
  ],
});
