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
  messy: {
    valid: [
      {
        // nginx's own 503 page (ngx_http_special_response.c) as Slack delivers pasted markup: signed by nginx.
        name: "nginx's signed 503 page, Slack-escaped",
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&lt;html&gt;\n&lt;head&gt;&lt;title&gt;503 Service Temporarily Unavailable&lt;/title&gt;&lt;/head&gt;\n&lt;body&gt;\n&lt;center&gt;&lt;h1&gt;503 Service Temporarily Unavailable&lt;/h1&gt;&lt;/center&gt;\n&lt;hr&gt;&lt;center&gt;nginx/1.24.0&lt;/center&gt;\n&lt;/body&gt;\n&lt;/html&gt;' },
      },
    ],
    invalid: [
      {
        // The ALB's own 503 (kb-facts ALB: Server: awselb/2.0, no registered/healthy targets) told in a sentence.
        name: 'retold: 503 with server awselb/2.0',
        form: 'paraphrased',
        evidence: { 'message.txt': 'every request gets 503 Service Temporarily Unavailable, response header server: awselb/2.0' },
      },
      {
        // ELB-generated 503 row with target:port "-" (edge-samples ALB.noTarget503 layout) in Portuguese prose.
        name: 'Portuguese prose around an ELB 503 row with no target',
        form: 'other language',
        evidence: {
          'mensagem.txt': [
            'Pessoal, depois do deploy o ALB só responde 503. Linha do access log:',
            'https 2026-11-20T10:15:01.000000Z app/my-alb/50dc6c495c0c9188 203.0.113.7:51234 - -1 -1 -1 503 - 120 326 "GET https://www.example.com:443/ HTTP/1.1" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-1111111111111111" "www.example.com" "-" 0 2026-11-20T10:15:01.000000Z "forward" "-" "-" "-" "-" "-" "-"',
          ].join('\n'),
        },
      },
      {
        // awselb headers and its 503 page (ALB docs), Slack-escaped.
        name: 'awselb 503 headers and page, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'HTTP/1.1 503 Service Temporarily Unavailable\nServer: awselb/2.0\nContent-Type: text/html\n\n&lt;html&gt;\n&lt;head&gt;&lt;title&gt;503 Service Temporarily Unavailable&lt;/title&gt;&lt;/head&gt;\n&lt;body&gt;\n&lt;center&gt;&lt;h1&gt;503 Service Temporarily Unavailable&lt;/h1&gt;&lt;/center&gt;\n&lt;/body&gt;\n&lt;/html&gt;' },
      },
      {
        // The same ELB 503 row in a Markdown fence with a remark.
        name: 'an ELB 503 row in a fence',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'alb log:',
            '```',
            'https 2026-11-20T10:15:01.000000Z app/my-alb/50dc6c495c0c9188 203.0.113.7:51234 - -1 -1 -1 503 - 120 326 "GET https://www.example.com:443/ HTTP/1.1" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-1111111111111111" "www.example.com" "-" 0 2026-11-20T10:15:01.000000Z "forward" "-" "-" "-" "-" "-" "-"',
            '```',
            'target group is empty after the asg replaced the instances?',
          ].join('\n'),
        },
      },
    ],
  },
});
