import cause from '../../src/causes/azure-gateway-timeout';
import { runCauseTests } from '../helpers/cause-tester';
import { appGatewayLog, frontDoorLog, nginxError, NGINX } from './edge-samples';
import { collect } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: 'an immediate 502 with no live backend is backend health', evidence: { 'agw.json': appGatewayLog(502, 'ERRORINFO_UPSTREAM_NO_LIVE', 0.002) } },
    { name: 'Front Door refused by the origin is not a timeout', evidence: { 'fd.json': frontDoorLog(503, 'OriginConnectionRefused', 0.02) } },
    { name: 'an nginx 504 with its own error line', evidence: { 'error.log': nginxError(NGINX.readTimeout) } },
  ],
  invalid: [
    {
      name: 'Application Gateway v2 504 with ERRORINFO_UPSTREAM_TIMED_OUT after 20 s',
      evidence: { 'agw.json': appGatewayLog(504, 'ERRORINFO_UPSTREAM_TIMED_OUT', 20.012) },
      minConfidence: 0.85,
      evidenceLines: [1],
      mentions: ['after 20 s', 'RequestTimeout 120', 'ERRORINFO_UPSTREAM_TIMED_OUT'],
    },
    {
      name: 'Front Door 503 with ErrorInfo OriginTimeout',
      evidence: { 'fd.json': frontDoorLog(503, 'OriginTimeout', 30.02) },
      minConfidence: 0.85,
      mentions: ['OriginTimeout', 'after 30 s', '--origin-response-timeout-seconds'],
    },
    {
      name: 'a v1 502 that took the full request timeout',
      evidence: { 'agw.json': appGatewayLog(502, 'X', 20.004).replace(', "error_info": "X"', '') },
      minConfidence: 0.65,
      mentions: ['v1 answers 502'],
    },
    {
      name: 'an Application Gateway 502 page alone is only a weak timeout candidate', trails: "Application Gateway's 502 page alone fits an unhealthy backend first.", behind: 'app-gateway-backend-unhealthy',
      evidence: { 'page.html': '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\n</body>\n</html>' },
      maxConfidence: 0.25,
      mentions: ['about 20 s'],
    },
  ],
});

describe('azure-gateway-timeout layer', () => {
  it('names the CDN layer for Front Door and the load balancer for Application Gateway', () => {
    expect(cause.match(collect({ 'fd.json': frontDoorLog(503, 'OriginTimeout', 30.02) }))?.layer).toBe('cdn');
    expect(cause.match(collect({ 'agw.json': appGatewayLog(504, 'ERRORINFO_UPSTREAM_TIMED_OUT', 20.012) }))?.layer).toBe('load-balancer');
  });
});
