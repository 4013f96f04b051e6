/**
 * Signatures of the AWS Application Load Balancer. See types.ts for what a signature is and how it
 * is matched.
 *
 * ALB's own error pages carry no name (`<title>502 Bad Gateway</title>`); only the header
 * `Server: awselb/2.0` says who drew them (kb-facts 6.2). Its access log says more: a line whose
 * elb_status_code is 502/503/504 while target_status_code is "-" is a failure of the load
 * balancer's own (no answer from the target). Target health reason codes (describe-target-health,
 * the console's Targets tab) say why targets were taken out.
 */
import type { Signature } from './types';

const KB = 'kb-facts 6.2';
const LOGS = 'docs.aws.amazon.com elasticloadbalancing/latest/application/load-balancer-access-logs.html (elb_status_code, target_status_code "-")';
const HEALTH = 'docs.aws.amazon.com elasticloadbalancing/latest/APIReference/API_TargetHealth.html (reason codes)';

/** The fields an ALB access log line has besides its status codes: the trace id, the target group ARN. */
const ALB_LINE = ['"root=1-', 'targetgroup/', 'elasticloadbalancing'];
/** The ELB status before a target status of "-". */
const ELB_STATUS = /\s(5\d\d)\s-\s/;
/** Words that name an AWS load balancer in prose ("the ALB", "ALB:", "ELB"), never inside a word like "album". */
const ALB_WORDS = ['elb', ' alb ', ' alb,', ' alb.', ' alb:', ' alb)', '(alb', 'alb:', 'application load balancer', 'aws load balancer'];

/** A target health reason code. */
const REASON = /\b((?:Target|Elb)\.[A-Za-z]{3,40})\b/i;
/** A status code near awselb (a header block or a page pasted on one line). */
const STATUS = /\b([45]\d\d)\b/;

const LINE = (elb: string, target: string, times = '0.001 -1 -1') =>
  `h2 2026-11-20T10:15:02.123456Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234 10.0.1.23:8080 ${times} ${elb} ${target} 712 277 "GET https://shop.example.com:443/api/orders HTTP/2.0" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-tg/73e2d6bc24d8a067 "Root=1-6739a1b2-36d228ad5d99923122bbe354" "shop.example.com" "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c" 0 2026-11-20T10:15:02.122000Z "forward" "-" "-" "10.0.1.23:8080" "-" "-" "-"`;
const OK_LINE = LINE('200', '200', '0.000 0.012 0.000');
const TARGET_502 = LINE('502', '502', '0.000 0.020 0.000');

export const SIGNATURES: readonly Signature[] = [
  // The load balancer answered itself
  {
    clue: 'alb.page',
    all: ['awselb'],
    value: STATUS,
    source: `${KB} (ELB-generated responses carry Server: awselb/2.0)`,
    examples: { match: ['server: awselb/2.0', 'HTTP/1.1 502 Bad Gateway Server: awselb/2.0 Content-Type: text/html Content-Length: 122'], noMatch: ['server: Kestrel', 'server: nginx/1.24.0'] },
  },
  {
    clue: 'alb.page',
    all: ['502 bad gateway'],
    any: ALB_WORDS,
    value: STATUS,
    source: `${KB} (ALB 502 page <title>502 Bad Gateway</title>, content-length 122)`,
    examples: { match: ['the ALB returns 502 Bad Gateway after the deploy', '502 Bad Gateway from the AWS load balancer'], noMatch: ['502 Bad Gateway nginx/1.24.0', 'our album page gives 502 Bad Gateway'] },
  },
  {
    clue: 'alb.page',
    all: ['httpcode_elb_5'],
    value: /httpcode_elb_(5\d\d|5xx)/i,
    source: 'docs.aws.amazon.com elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html (HTTPCode_ELB_5XX_Count, HTTPCode_ELB_502_Count)',
    examples: { match: ['HTTPCode_ELB_5XX_Count spiked to 340 at 10:15', 'alarm on HTTPCode_ELB_502_Count > 0'], noMatch: ['HTTPCode_Target_5XX_Count 12'] },
  },

  // The target failed the connection: reset, closed, malformed answer (ELB 502, target status "-")
  {
    clue: 'alb.target-failed',
    all: [' 502 - '],
    any: ALB_LINE,
    value: ELB_STATUS,
    source: LOGS,
    examples: { match: [LINE('502', '-')], noMatch: [OK_LINE, TARGET_502, '10.0.0.7 - - [20/Nov/2026:10:15:02 +0000] "GET /app/x HTTP/1.1" 502 - "-" "curl/8.5.0"'] },
  },
  {
    clue: 'alb.target-failed',
    all: ['targetconnectionerrorcount'],
    source: 'docs.aws.amazon.com elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html (TargetConnectionErrorCount), kb-facts 6.2',
    examples: { match: ['TargetConnectionErrorCount went from 0 to 85 during the deploy'] },
  },
  {
    clue: 'alb.target-failed',
    all: ['httpcode_elb_502'],
    source: 'docs.aws.amazon.com elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html (HTTPCode_ELB_502_Count)',
    examples: { match: ['HTTPCode_ELB_502_Count: 17'] },
  },

  {
    // A 502 that awselb signed is the load balancer's own: it could not get an answer from the target.
    clue: 'alb.target-failed',
    all: ['awselb', '502'],
    any: ['502 bad gateway', 'http/1.1 502', 'http/2 502', ' 502 ', ' 502,'],
    source: `${KB} (an ELB-generated 502 carries Server: awselb/2.0: target connection failure)`,
    examples: { match: ['we get 502 Bad Gateway and the response has Server: awselb/2.0', 'HTTP/1.1 502 Bad Gateway Server: awselb/2.0 Content-Type: text/html'], noMatch: ['HTTP/1.1 504 Gateway Time-out Server: awselb/2.0', 'server: awselb/2.0'] },
  },

  // The target did not answer before the idle timeout (ELB 504, target status "-")
  {
    clue: 'alb.target-timeout',
    all: ['awselb', '504'],
    any: ['504 gateway time', 'http/1.1 504', 'http/2 504', ' 504 ', ' 504,'],
    source: `${KB} (an ELB-generated 504 carries Server: awselb/2.0: the target did not answer in time)`,
    examples: { match: ['curl shows HTTP/1.1 504 Gateway Time-out and server awselb/2.0', 'HTTP/1.1 504 Gateway Time-out Server: awselb/2.0'], noMatch: ['HTTP/1.1 502 Bad Gateway Server: awselb/2.0'] },
  },
  {
    clue: 'alb.target-timeout',
    all: [' 504 - '],
    any: ALB_LINE,
    value: ELB_STATUS,
    source: LOGS,
    examples: { match: [LINE('504', '-', '0.000 -1 -1')], noMatch: [OK_LINE, LINE('504', '504', '0.000 0.300 0.000')] },
  },
  {
    clue: 'alb.target-timeout',
    all: ['httpcode_elb_504'],
    source: 'docs.aws.amazon.com elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html (HTTPCode_ELB_504_Count)',
    examples: { match: ['HTTPCode_ELB_504_Count jumps every time the export runs'] },
  },

  // No target to send to (ELB 503 without a target), or targets marked unhealthy
  {
    clue: 'alb.no-healthy-targets',
    all: [' 503 - '],
    any: ALB_LINE,
    value: ELB_STATUS,
    source: LOGS,
    examples: { match: [LINE('503', '-', '-1 -1 -1')], noMatch: [OK_LINE] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['503 service temporarily unavailable'],
    any: [...ALB_WORDS, 'load balancer', 'target group'],
    none: ['nginx', 'openresty', 'cloudflare'],
    source: `${KB} (no registered targets → body "503 Service Temporarily Unavailable", content-length 162)`,
    examples: { match: ['<title>503 Service Temporarily Unavailable</title> server: awselb/2.0', 'the ALB says 503 Service Temporarily Unavailable'], noMatch: ['503 Service Temporarily Unavailable nginx'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['target.responsecodemismatch'],
    value: REASON,
    source: `${HEALTH} (Target.ResponseCodeMismatch: the health checks did not return an expected HTTP code)`,
    examples: { match: ['"Reason": "Target.ResponseCodeMismatch",', 'i-0abc123 10.0.1.23 8080 unhealthy Target.ResponseCodeMismatch'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['health checks failed with these codes'],
    value: /these codes:\s{0,3}\[([\d, ]{3,40})\]/i,
    source: `${HEALTH} (description of Target.ResponseCodeMismatch)`,
    examples: { match: ['"Description": "Health checks failed with these codes: [502]"'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['target.failedhealthchecks'],
    value: REASON,
    source: `${HEALTH} (Target.FailedHealthChecks: error while connecting or malformed response)`,
    examples: { match: ['"Reason": "Target.FailedHealthChecks",'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['target.timeout'],
    any: ['reason', 'health', 'unhealthy', 'target group', ...ALB_WORDS],
    value: REASON,
    source: `${HEALTH} (Target.Timeout: the health check requests timed out)`,
    examples: { match: ['"Reason": "Target.Timeout",', 'targets are unhealthy with Target.Timeout'], noMatch: ['httpClient.target.timeout = 30'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['target.notregistered'],
    value: REASON,
    source: `${HEALTH} (Target.NotRegistered: the target is not registered with the target group)`,
    examples: { match: ['"State": "unused", "Reason": "Target.NotRegistered"'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['elb.internalerror'],
    value: REASON,
    source: `${HEALTH} (Elb.InternalError: the health checks failed due to an internal error)`,
    examples: { match: ['"Reason": "Elb.InternalError"'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['no healthy targets'],
    any: [...ALB_WORDS, 'target group', 'load balancer', 'aws'],
    source: `${KB} (503 when no target is healthy)`,
    examples: { match: ['ALB: there are no healthy targets in shop-tg', 'the target group has no healthy targets'], noMatch: ['no healthy targets left in the rotation'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['no registered targets'],
    any: [...ALB_WORDS, 'target group', 'load balancer', 'there are no registered targets'],
    source: `${KB} (target group has no registered targets → 503)`,
    examples: { match: ['There are no registered targets in this target group', 'target group shop-tg has no registered targets'] },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['unhealthy'],
    any: ['target group', 'targetgroup', 'target health', 'health checks failed', ...ALB_WORDS],
    none: ['application gateway', 'appgw', 'backend pool'],
    value: REASON,
    source: `${HEALTH} (State: unhealthy)`,
    examples: {
      match: ['i-0abc123def 8080 eu-west-1a unhealthy Health checks failed', 'all targets in target group shop-tg are unhealthy after the deploy'],
      noMatch: ['AppGW marks the only backend as Unhealthy', 'the container is unhealthy (docker ps)'],
    },
  },
  {
    clue: 'alb.no-healthy-targets',
    all: ['unhealthyhostcount'],
    source: 'docs.aws.amazon.com elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html (UnHealthyHostCount)',
    examples: { match: ['UnHealthyHostCount is 2 of 2 for shop-tg'] },
  },
];
