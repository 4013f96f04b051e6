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
  messy: {
    valid: [
      {
        // ALB access-log row where the target itself answered 502 (elb_status 502, target_status 502), edge-samples layout.
        name: 'a passed-through target 502 in a fence with prose',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'ALB logs for the failing call:',
            '```',
            'https 2026-11-20T10:15:01.412000Z app/my-alb/50dc6c495c0c9188 203.0.113.50:51234 10.0.10.21:80 0.000 2.013 0.000 502 502 612 1477 "GET https://www.example.com:443/reports HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-0123456789abcdef01234567" "www.example.com" "-" 0 2026-11-20T10:14:59.398000Z "forward" "-" "-" "10.0.10.21:80" "502" "-" "-"',
            '```',
          ].join('\n'),
        },
      },
    ],
    invalid: [
      {
        // ALB access-log row (field order from the ALB access-log docs, kb-facts ALB) with Spanish prose around it.
        name: 'Spanish prose around an ELB-generated 504 row',
        form: 'other language',
        evidence: {
          'mensaje.txt': [
            'Hola equipo, el ALB devuelve 504 en /reports/export justo después de 60 segundos. Esta es la línea del access log:',
            'https 2026-11-20T10:15:01.412000Z app/my-alb/50dc6c495c0c9188 203.0.113.50:51234 10.0.10.21:80 0.000 -1 -1 504 - 512 0 "GET https://www.example.com:443/reports/export HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-0123456789abcdef01234567" "www.example.com" "-" 0 2026-11-20T10:14:01.410000Z "forward" "-" "-" "10.0.10.21:80" "-" "-" "-"',
            '¿Alguien sabe qué timeout es?',
          ].join('\n'),
        },
      },
      {
        // The response kb-facts ALB describes (504 with Server: awselb/2.0) told in words.
        name: 'curl output retold: 504 with server awselb/2.0',
        form: 'paraphrased',
        evidence: { 'message.txt': 'curl -I against the api gives back HTTP/1.1 504 Gateway Time-out and the server header says awselb/2.0, always after ~60 sec on the export' },
      },
      {
        // The awselb 504 page (ALB docs) as Slack delivers pasted markup, headers above it.
        name: 'awselb 504 headers and page, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'HTTP/1.1 504 Gateway Time-out\nServer: awselb/2.0\nContent-Type: text/html\n\n&lt;html&gt;\n&lt;head&gt;&lt;title&gt;504 Gateway Time-out&lt;/title&gt;&lt;/head&gt;\n&lt;body&gt;\n&lt;center&gt;&lt;h1&gt;504 Gateway Time-out&lt;/h1&gt;&lt;/center&gt;\n&lt;/body&gt;\n&lt;/html&gt;' },
      },
      {
        // Two ELB-generated 504 rows in a Markdown fence (edge-samples ALB.timeout504 layout), real EKS write-up shape.
        name: 'two ELB 504 rows in a code fence',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'from s3 access logs:',
            '```',
            'h2 2023-01-07T09:22:52.872365Z app/k8s-apidev-95472999b0/0123456789 203.0.113.26:24502 10.0.2.61:1325 -1 -1 -1 504 - 49 202 "GET https://api.example.com:443/prefix-api/ HTTP/2.0" "curl/7.79.1" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/k8s-dev-api/0123456789abcdef "Root=1-63b939e2-312611fa7a64f07e63d24099" "api.example.com" "-" 1 2023-01-07T09:22:42.870000Z "forward" "-" "-" "10.0.2.61:1325" "-" "-" "-"',
            'h2 2023-01-07T09:24:10.110000Z app/k8s-apidev-95472999b0/0123456789 203.0.113.26:24510 10.0.2.61:1325 -1 -1 -1 504 - 49 202 "GET https://api.example.com:443/prefix-api/ HTTP/2.0" "curl/7.79.1" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/k8s-dev-api/0123456789abcdef "Root=1-63b939f0-312611fa7a64f07e63d24100" "api.example.com" "-" 1 2023-01-07T09:24:00.100000Z "forward" "-" "-" "10.0.2.61:1325" "-" "-" "-"',
            '```',
          ].join('\n'),
        },
      },
    ],
  },
});
