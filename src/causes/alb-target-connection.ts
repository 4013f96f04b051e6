/**
 * AWS Application Load Balancer 502 (ELB-generated): the connection to the target failed. The
 * target refused or reset the connection, closed it while the load balancer had a request on it
 * (typically a keep-alive timeout on the target shorter than the ALB idle timeout), crashed
 * mid-response, or sent a malformed response. The access log's processing times tell which.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signalsWhere } from './query';
import { plural, signalsWithStatus } from './support/gateway-evidence';
import type { SignalData } from '../evidence/types';

type Pattern = 'never-dispatched' | 'closed-idle-connection' | 'closed-during-request' | 'unknown';

/** Reads one ELB-generated 502 line the way the ALB troubleshooting guide does. */
function patternOf(d: SignalData['alb-log']): Pattern {
  if (d.target === undefined) return 'never-dispatched';
  // -1 target time with a chosen target: the request could not be sent, the target had closed the connection.
  if (d.targetSeconds < 0) return 'closed-idle-connection';
  // The target had the request (target time counted) but no usable response came back.
  if (d.responseSeconds < 0) return 'closed-during-request';
  return 'unknown';
}

const PATTERN_TEXT: Record<Pattern, string> = {
  'never-dispatched':
    'target:port is "-": the load balancer never got a connection to a target: the target refused or reset the TCP connection (nothing listening on the target-group port), or the network answered with an ICMP error.',
  'closed-idle-connection':
    'target_processing_time is -1 with a target chosen: the load balancer could not send the request because the target had closed the connection. This is the keep-alive race: the target closes idle connections sooner than the load balancer\'s idle timeout (60 s by default), and the load balancer reuses one just as it closes.',
  'closed-during-request':
    'target_processing_time is set but response_processing_time is -1: the target received the request and then closed or reset the connection, or sent something that is not valid HTTP, before a complete response. AWS names a target keep-alive shorter than the idle timeout as the usual reason; a crash or recycle mid-request and malformed response headers end the same way.',
  unknown: 'The processing times do not single out one failure; the target closed, reset or garbled the connection.',
};

interface AlbTargetConnectionFacts {
  /** What showed the ELB's own 502: its access log, or a response from it. */
  source: 'access-log' | 'response';
  count: number;
  /** How the failing lines fail most often, and in how many different ways. */
  pattern: Pattern;
  patterns: number;
  /** The longest target processing time of those lines, in seconds. */
  maxTargetSeconds?: number;
}

export default defineCause<AlbTargetConnectionFacts>({
  id: 'alb-target-connection',
  title: 'ALB target closed or reset the connection',
  family: 'proxy-origin',
  layer: 'load-balancer',
  clues: {
    'alb.target-failed': 'proves',
  },
  description:
    'The Application Load Balancer sent (or tried to send) the request to a target, but the target refused, reset or closed the connection, or answered with something that is not valid HTTP, so the load balancer returned 502.',
  match(evidence) {
    const logs = signalsWhere(evidence, 'alb-log', (d) => d.elbStatus === 502 && d.targetStatus === undefined);
    const pages = signalsWithStatus(evidence, 'aws-alb', [502]);
    if (logs.length === 0 && pages.length === 0) return undefined;
    const counts = new Map<Pattern, number>();
    for (const s of logs) counts.set(patternOf(s.data), (counts.get(patternOf(s.data)) ?? 0) + 1);
    const pattern = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
    const targetTimes = logs.map((s) => s.data.targetSeconds).filter((t) => t >= 0);
    const confidence =
      logs.length > 0
        ? boosted(CONFIDENCE.likely + 0.12, logs.length >= 3 ? 0.05 : 0, pattern !== 'unknown' ? 0.03 : 0)
        : CONFIDENCE.likely + 0.05;
    return {
      confidence,
      evidence: refsOf([...logs, ...pages]),
      facts: {
        source: logs.length > 0 ? 'access-log' : 'response',
        count: logs.length || pages.length,
        pattern,
        patterns: counts.size,
        maxTargetSeconds: targetTimes.length > 0 ? Math.max(...targetTimes) : undefined,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const pattern = facts.pattern ?? 'unknown';
    if (facts.source === 'access-log') {
      const count = facts.count ?? 1;
      steps.push(`The access log has ${plural(count, 'ELB-generated 502')} (elb_status_code 502, target_status_code "-"). ${PATTERN_TEXT[pattern]}`);
      if (facts.patterns !== undefined && facts.patterns > 1) steps.push('The lines do not all fail the same way: read each one\'s target:port and the three processing times; a mix usually means targets restarting (deploys, crashes) rather than one setting.');
    } else {
      steps.push(
        'Server: awselb/2.0 on a 502 means the load balancer generated it (a target\'s own 502 would carry the target\'s Server header). Turn on access logs (access_logs.s3.enabled) and read the failing lines: target:port and the three *_processing_time fields say whether the target refused, closed an idle connection or died mid-request.',
      );
    }
    if (pattern !== 'never-dispatched') {
      steps.push(
        'Compare the target\'s keep-alive with the idle timeout (`aws elbv2 describe-load-balancer-attributes --load-balancer-arn <arn>`, idle_timeout.timeout_seconds): Kestrel keeps idle connections 130 s and IIS 120 s (connectionTimeout), both above the 60 s default, so with them the race only appears if the idle timeout was raised above 120 s, or if another server sits in between (nginx keepalive_timeout 75 s, Apache KeepAliveTimeout 5 s, Node 5 s).',
      );
    }
    if (pattern === 'closed-during-request' || pattern === 'unknown') {
      const t = facts.maxTargetSeconds !== undefined ? ` (the target worked on a request for up to ${facts.maxTargetSeconds} s)` : '';
      steps.push(
        `Check the target at the failing times${t}: the Windows Application log (.NET Runtime 1026, Application Error 1000), System log (WAS 5009, 5011 for a worker that died, 5074-5080 for recycles), or the container/Kestrel log for a restart. Requests cut mid-way by a crash or recycle end exactly like this.`,
      );
    }
    if (pattern === 'never-dispatched') {
      steps.push(
        'On the target, confirm the app listens on the target-group port and protocol: `netstat -ano | findstr :<port>`; for an HTTPS target group, that the target completes a TLS handshake (the load balancer gives up after 10 s).',
      );
    }
    steps.push('CloudWatch: HTTPCode_ELB_502_Count rising with TargetConnectionErrorCount points at connections that could not be opened; ELB 502s without connection errors point at connections closed or garbled by the target.');
    return steps;
  },
  fix({ facts }) {
    if (facts.pattern === 'never-dispatched') {
      return { summary: 'Make the target accept connections on the target-group port (app running and bound, security group allowing the load balancer) and let the health check take it out of rotation when it does not.' };
    }
    if (facts.pattern === 'closed-during-request') {
      return { summary: 'Stop the target from dropping requests mid-way: fix the crash or recycle at the failing times, drain before stopping (deregistration delay longer than the longest request), and make sure the app writes valid HTTP headers.' };
    }
    return {
      summary:
        'Keep the target\'s keep-alive timeout longer than the load balancer\'s idle timeout, so the load balancer, not the target, closes idle connections. Kestrel (130 s) and IIS (120 s) already exceed the 60 s default; set them above any raised idle timeout.',
      language: 'csharp',
      snippet: [
        '// Kestrel: keep idle connections open longer than the ALB idle timeout (here 120 s).',
        'builder.WebHost.ConfigureKestrel(options =>',
        '    options.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(180));',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'event-log', 'headers'],
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html',
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/options',
  ],
});
