import cause from '../../src/causes/app-gateway-backend-unhealthy';
import { runCauseTests } from '../helpers/cause-tester';
import { APP_GATEWAY_PAGE, appGatewayLog, nginxPage } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'a 504 after the request timeout is the timeout cause', evidence: { 'agw.json': appGatewayLog(504, 'ERRORINFO_UPSTREAM_TIMED_OUT', 20.012) } },
    { name: 'a v1 502 that took the full 20 s is the timeout too', evidence: { 'agw.json': appGatewayLog(502, 'ERRORINFO_NO_ERROR', 20.004).replace(', "error_info": "ERRORINFO_NO_ERROR"', '') } },
    { name: 'an nginx 502 page is not Application Gateway', evidence: { 'page.html': nginxPage(502, 'Bad Gateway') } },
    { name: 'healthy gateway traffic', evidence: { 'agw.json': appGatewayLog(200, 'ERRORINFO_NO_ERROR', 0.034) } },
  ],
  invalid: [
    {
      name: 'access log says ERRORINFO_UPSTREAM_NO_LIVE',
      evidence: { 'agw.json': [appGatewayLog(502, 'ERRORINFO_UPSTREAM_NO_LIVE', 0.002), appGatewayLog(502, 'ERRORINFO_UPSTREAM_NO_LIVE', 0.001, '10:15:02'), appGatewayLog(502, 'ERRORINFO_UPSTREAM_NO_LIVE', 0.001, '10:15:03')].join('\n') },
      minConfidence: 0.85,
      evidenceLines: [1, 2, 3],
      mentions: ['3 access-log lines say ERRORINFO_UPSTREAM_NO_LIVE', 'show-backend-health', '127.0.0.1'],
    },
    {
      name: 'the v2 502 page from curl (real: https://github.com/MicrosoftDocs/azure-docs/issues/110739)',
      evidence: { 'curl.txt': `$ curl 203.0.113.183\n${APP_GATEWAY_PAGE}` },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      mentions: ['65200-65535', 'probe create'],
    },
    {
      name: 'backend closed the connection',
      evidence: { 'agw.json': appGatewayLog(502, 'ERRORINFO_UPSTREAM_CLOSED_CONNECTION', 3.2) },
      mentions: ['ERRORINFO_UPSTREAM_CLOSED_CONNECTION', 'WAS 5009'],
    },
  ],
});
