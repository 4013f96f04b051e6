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
      // Application Gateway's documentation reads ERRORINFO_UPSTREAM_CLOSED_CONNECTION as the
      // backend hanging up before it answered (it crashed or reached its limits): a crash mid-request
      // leads; backend health stays a candidate with its own reading of the line.
      name: 'backend closed the connection', trails: 'The backend hung up mid-request (Application Gateway docs): the crash family leads.', behind: 'crash-mid-request-unexplained',
      evidence: { 'agw.json': appGatewayLog(502, 'ERRORINFO_UPSTREAM_CLOSED_CONNECTION', 3.2) },
      mentions: ['ERRORINFO_UPSTREAM_CLOSED_CONNECTION', 'WAS 5009'],
    },
  ],
  messy: {
    valid: [
      {
        // Application Gateway error_info value (AGW) for a timeout, in a sentence.
        name: 'ERRORINFO_UPSTREAM_TIMED_OUT in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'the app gateway access log has httpStatus 504 and error_info ERRORINFO_UPSTREAM_TIMED_OUT after 20 s for /api/export' },
      },
    ],
    invalid: [
      {
        // Application Gateway v2 access-log field values (AGW) told in a sentence.
        name: 'ERRORINFO_UPSTREAM_NO_LIVE in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'app gateway returns 502 instantly, access log says error_info ERRORINFO_UPSTREAM_NO_LIVE, timeTaken 0.001' },
      },
      {
        // The v2 502 page (real, https://github.com/MicrosoftDocs/azure-docs/issues/110739) as Slack delivers pasted markup.
        name: 'the v2 502 page, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'site is down:\n&lt;html&gt;\n&lt;head&gt;&lt;title&gt;502 Bad Gateway&lt;/title&gt;&lt;/head&gt;\n&lt;body&gt;\n&lt;center&gt;&lt;h1&gt;502 Bad Gateway&lt;/h1&gt;&lt;/center&gt;\n&lt;hr&gt;&lt;center&gt;Microsoft-Azure-Application-Gateway/v2&lt;/center&gt;\n&lt;/body&gt;\n&lt;/html&gt;' },
      },
      {
        // The properties of an Application Gateway access-log record (AGW field names), without the envelope.
        name: 'the properties of an App Gateway record without the envelope',
        form: 'header-less',
        evidence: { 'props.txt': '"httpMethod": "GET", "requestUri": "/", "httpStatus": 502, "serverRouted": "-", "serverStatus": "-", "timeTaken": 0.002, "error_info": "ERRORINFO_UPSTREAM_NO_LIVE"' },
      },
      {
        // The Backend health "Details" text (azure-docs application-gateway-backend-health-troubleshooting) in German prose.
        name: 'German prose around the backend health message',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Das Application Gateway liefert 502. Unter Back-End-Integrität steht: Cannot connect to backend server. Check whether any NSG/UDR/Firewall is blocking access to the server. Das Backend ist eine App auf IIS.' },
      },
    ],
  },
});
