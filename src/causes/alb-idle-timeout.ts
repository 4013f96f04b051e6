/**
 * AWS Application Load Balancer 504: the target did not answer before the idle timeout (60 s by
 * default) or the load balancer could not connect to it within its fixed 10 s connection timeout.
 * The access log tells them apart: elb_status_code 504 with target_status_code "-" is an
 * ELB-generated 504, and the time between request_creation_time and timestamp says which timer.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signalsWhere } from './query';
import { albElapsedSeconds } from './support/alb-timing';
import { plural, signalsWithStatus, unidentified504s } from './support/gateway-evidence';

const IDLE_TIMEOUT_S = 60;
const CONNECT_TIMEOUT_S = 10;

interface AlbIdleTimeoutFacts {
  /** What showed the 504: the ALB access log, a response from the ALB, or a bare 504 nothing attributes. */
  source: 'access-log' | 'response' | 'bare';
  count: number;
  /** Which ALB timer fired, from how long the request took. */
  timer: 'connect' | 'idle' | 'unknown';
  /** Seconds from the request's arrival to the 504. */
  elapsed?: number;
  target?: string;
  targets: number;
}

export default defineCause<AlbIdleTimeoutFacts>({
  id: 'alb-idle-timeout',
  title: "Target did not answer within the ALB's idle timeout",
  family: 'request-timeout',
  layer: 'load-balancer',
  clues: {
    'alb.target-timeout': 'proves',
    'duration.near-60s': 'supports',
    'alb.page': 'supports',
  },
  description:
    'The Application Load Balancer gave up waiting for the target (after the idle timeout, 60 s by default, or after failing to connect within 10 s) and answered 504 itself.',
  match(evidence) {
    const logs = signalsWhere(evidence, 'alb-log', (d) => d.elbStatus === 504 && d.targetStatus === undefined);
    const pages = signalsWithStatus(evidence, 'aws-alb', [504]);
    const bare = logs.length === 0 && pages.length === 0 ? unidentified504s(evidence) : [];
    if (logs.length === 0 && pages.length === 0 && bare.length === 0) return undefined;

    let elapsed: number | undefined;
    for (const s of logs) {
      // The ref text is cut at ~300 characters, so the line itself rarely still holds request_creation_time.
      const e = s.data.elapsedSeconds ?? albElapsedSeconds(s.ref.text);
      if (e !== undefined && (elapsed === undefined || e > elapsed)) elapsed = e;
    }
    const longestTarget = Math.max(-1, ...logs.map((s) => s.data.targetSeconds));
    const timer =
      elapsed !== undefined && elapsed >= CONNECT_TIMEOUT_S - 1 && elapsed <= CONNECT_TIMEOUT_S + 2
        ? 'connect'
        : (elapsed !== undefined && elapsed >= IDLE_TIMEOUT_S - 2) || longestTarget >= IDLE_TIMEOUT_S - 2
          ? 'idle'
          : 'unknown';
    const targets = [...new Set(logs.map((s) => s.data.target).filter((t): t is string => t !== undefined))];

    let confidence: number;
    if (logs.length > 0) confidence = boosted(CONFIDENCE.strong, logs.length >= 3 ? 0.05 : 0, timer !== 'unknown' ? 0.05 : 0);
    else if (pages.length > 0) confidence = CONFIDENCE.likely + 0.05;
    else confidence = CONFIDENCE.weak;
    return {
      confidence,
      evidence: refsOf([...logs, ...pages, ...bare]),
      facts: {
        source: logs.length > 0 ? 'access-log' : pages.length > 0 ? 'response' : 'bare',
        count: logs.length || pages.length || bare.length,
        timer,
        elapsed,
        target: targets[0],
        targets: targets.length,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.source === 'bare') {
      steps.push(
        'A 504 means a gateway waited longer than it allows for the upstream (a 502 means it got an invalid answer or none). IIS and ANCM never generate a 504 themselves (they answer 502), so a proxy in front of the app, or a proxy inside it such as YARP, sent this one. Nothing in the evidence says which proxy: paste the response headers (Server: awselb/2.0 means an AWS load balancer) or the proxy\'s log line for the failing request.',
      );
    }
    const elapsed = facts.elapsed;
    if (facts.timer === 'connect') {
      steps.push(
        `The load balancer answered ${elapsed} s after the request arrived, which is its fixed ${CONNECT_TIMEOUT_S} s connection timeout: it could not open a TCP connection to the target${facts.target !== undefined ? ` ${facts.target}` : ''}. The target was stopping (deregistered or draining), not listening on the target-group port, or a security group/NACL dropped the connection.`,
      );
      steps.push(
        'Check the target group: `aws elbv2 describe-target-health --target-group-arn <arn>` (draining or unhealthy targets), and that the instance security group allows the load balancer\'s security group on the target port and the subnet NACLs allow ephemeral ports 1024-65535 back.',
      );
    } else {
      steps.push(
        `An ELB-generated 504 (elb_status_code 504, target_status_code "-") means the target${facts.target !== undefined ? ` ${facts.target}` : ''} sent no response before the load balancer's idle timeout (${IDLE_TIMEOUT_S} s unless changed) or could not be reached within ${CONNECT_TIMEOUT_S} s.${elapsed !== undefined ? ` This request took ${elapsed} s from arrival to the 504.` : ''}`,
      );
      steps.push(
        'Read the configured idle timeout: `aws elbv2 describe-load-balancer-attributes --load-balancer-arn <arn>` (Key idle_timeout.timeout_seconds). If the failing requests last about that long, the app is simply slower than the load balancer waits.',
      );
      steps.push(
        'Find the same requests on the target: the IIS log (time-taken in ms, UTC times) or the Kestrel log. A row with the full duration and status 200 means the app finished after the client already had the 504; no row at all means the request never reached IIS (connection problem).',
      );
    }
    if (facts.source === 'access-log') {
      const count = facts.count ?? 1;
      steps.push(
        `The access log shows ${plural(count, 'ELB-generated 504')}${facts.targets !== undefined && facts.targets > 1 ? ` across ${facts.targets} targets (so not one bad instance)` : ''}. Compare with the CloudWatch metrics HTTPCode_ELB_504_Count and TargetResponseTime for the same period.`,
      );
    } else if (facts.source === 'response') {
      steps.push('Enable ALB access logs (load balancer attributes access_logs.s3.enabled) and look for the failing requests: elb_status_code 504 with target_processing_time -1 confirms the load balancer gave up on the target.');
    }
    steps.push(
      "Keep the target's keep-alive longer than the idle timeout if you raise it: Kestrel's KeepAliveTimeout defaults to 130 s and IIS's connectionTimeout to 120 s, so an idle timeout above those turns this 504 into intermittent 502s.",
    );
    return steps;
  },
  fix({ facts }) {
    if (facts.timer === 'connect') {
      return {
        summary: 'Let the load balancer connect: keep deregistering targets serving until the deregistration delay ends (delay process exit, e.g. a preStop sleep), keep the app listening on the target-group port, and allow the load balancer security group in.',
        language: 'text',
        snippet: 'aws elbv2 describe-target-health --target-group-arn <target-group-arn>\naws elbv2 modify-target-group-attributes --target-group-arn <target-group-arn> --attributes Key=deregistration_delay.timeout_seconds,Value=30',
      };
    }
    return {
      summary:
        'Make the request finish within the idle timeout (move long work to a background job with a status endpoint), or raise the idle timeout to cover it. If you raise it past 120 s, raise Kestrel KeepAliveTimeout / IIS connectionTimeout above it too.',
      language: 'text',
      snippet:
        'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=idle_timeout.timeout_seconds,Value=120',
    };
  },
  wants: ['proxy-log', 'headers', 'iis-log'],
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html',
  ],
});
