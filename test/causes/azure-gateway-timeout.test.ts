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
  messy: {
    valid: [
      {
        // Application Gateway access-log field (AGW error_info values) told in prose: no live backend, not a timeout.
        name: 'ERRORINFO_UPSTREAM_NO_LIVE in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'app gateway returns 502 right away, access log error_info = ERRORINFO_UPSTREAM_NO_LIVE' },
      },
    ],
    invalid: [
      {
        // Only the properties of an Application Gateway v2 access-log record (AGW field names), copied from the portal.
        name: 'the properties of an App Gateway record without the envelope',
        form: 'header-less',
        evidence: { 'props.txt': '"httpMethod": "POST", "requestUri": "/api/export", "httpStatus": 504, "serverRouted": "10.0.1.4:80", "serverStatus": "-", "timeTaken": 20.011, "error_info": "ERRORINFO_UPSTREAM_TIMED_OUT"' },
      },
      {
        // Front Door access-log ErrorInfo value (AFD) in a sentence.
        name: 'Front Door OriginTimeout in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'front door access logs show errorInfo OriginTimeout and httpStatusCode 503 for /api/export, always after ~30s' },
      },
      {
        // Application Gateway access-log columns as Log Analytics shows them (AzureDiagnostics:
        // httpStatus_d, timeTaken_d in seconds), behind the ingress controller whose request-timeout
        // annotation defaults to 30 s; the shape of Azure/application-gateway-kubernetes-ingress#770.
        name: 'a Log Analytics table: 504 after 30.2 s behind the ingress controller',
        form: 'split over lines',
        evidence: {
          'message.txt': [
            'We use the Application Gateway ingress controller in front of the pods; under load every request fails with 504.',
            'httpStatus_d | 504',
            '  | httpVersion_s | HTTP/1.1',
            '  | timeTaken_d | 30.211',
            '  | serverStatus_s | 504',
            'The backend logs show every request answered with 200.',
          ].join('\n'),
        },
      },
      {
        // AGW error_info value in Spanish prose.
        name: 'Spanish prose with ERRORINFO_UPSTREAM_TIMED_OUT',
        form: 'other language',
        evidence: { 'mensaje.txt': 'El Application Gateway devuelve 504 a los 20 segundos; en los logs de acceso aparece error_info ERRORINFO_UPSTREAM_TIMED_OUT para /api/informes.' },
      },
      {
        // A Front Door access-log record (AFD fields) pretty-printed over lines, as az monitor / Log Analytics shows it.
        name: 'a Front Door record pretty-printed over lines',
        form: 'split over lines',
        evidence: {
          'fd.json': [
            '{',
            '  "category": "FrontdoorAccessLog",',
            '  "properties": {',
            '    "requestUri": "https://www.example.com:443/api/export",',
            '    "timeTaken": "30.021",',
            '    "httpStatusCode": "503",',
            '    "errorInfo": "OriginTimeout"',
            '  }',
            '}',
          ].join('\n'),
        },
      },
    ],
  },
});

describe('azure-gateway-timeout layer', () => {
  it('names the CDN layer for Front Door and the load balancer for Application Gateway', () => {
    expect(cause.match(collect({ 'fd.json': frontDoorLog(503, 'OriginTimeout', 30.02) }))?.layer).toBe('cdn');
    expect(cause.match(collect({ 'agw.json': appGatewayLog(504, 'ERRORINFO_UPSTREAM_TIMED_OUT', 20.012) }))?.layer).toBe('load-balancer');
  });
});
