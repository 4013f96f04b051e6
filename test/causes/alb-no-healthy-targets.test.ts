import cause from '../../src/causes/alb-no-healthy-targets';
import { runCauseTests } from '../helpers/cause-tester';
import { ALB, albHeaders, nginxPage } from './edge-samples';

const ALB_503_PAGE = '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n</body>\n</html>';

runCauseTests(cause, {
  valid: [
    { name: 'nginx answers the same 503 page but signs it', evidence: { 'page.html': nginxPage(503, 'Service Temporarily Unavailable') } },
    { name: 'IIS/HTTP.sys 503 for a stopped app pool', evidence: { 'page.txt': 'Service Unavailable\n\nHTTP Error 503. The service is unavailable.' } },
    { name: 'an ELB 502 is a target connection failure', evidence: { 'alb.log': ALB.closedIdle } },
  ],
  invalid: [
    {
      name: 'ELB-generated 503 with no target chosen',
      evidence: { 'alb.log': ALB.noTarget503 },
      minConfidence: 0.85,
      evidenceLines: [1],
      mentions: ['target:port "-"', 'describe-target-health', 'Target.ResponseCodeMismatch'],
    },
    {
      name: '503 from awselb in the headers',
      evidence: { 'headers.txt': albHeaders(503, 'Service Temporarily Unavailable') },
      minConfidence: 0.65,
      mentions: ['MapHealthChecks', 'load balancer\'s own answer'],
    },
    {
      name: 'the bare ALB 503 page is only a weak lookalike', trails: "An ALB 503 page without the access log fits other 503s too.",
      evidence: { 'page.html': ALB_503_PAGE },
      maxConfidence: 0.25,
      mentions: ['Server: awselb/2.0 to confirm'],
    },
  ],
});
