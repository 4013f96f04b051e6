/**
 * AWS Application Load Balancer 503: the target group has no registered targets, or none that
 * pass the health check, so there is nobody to send the request to. The load balancer answers
 * with its own `503 Service Temporarily Unavailable` page. For IIS targets the health check path
 * is the usual suspect (a 302 to a login page, a 404 for the probe's Host header).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals, signalsWhere, statuses } from './query';
import { plural, signalsWithStatus } from './support/gateway-evidence';

interface AlbNoHealthyTargetsFacts {
  /** What showed the ELB's own 503: its access log, a response from it, or a page that only looks like it. */
  source: 'access-log' | 'response' | 'lookalike';
  count: number;
  /** Access-log lines with no target chosen (target:port "-"). */
  neverDispatched: number;
}

export default defineCause<AlbNoHealthyTargetsFacts>({
  id: 'alb-no-healthy-targets',
  title: 'ALB target group has no healthy registered targets',
  family: 'proxy-origin',
  layer: 'load-balancer',
  clues: {
    'alb.no-healthy-targets': 'proves',
  },
  description:
    'The Application Load Balancer had no registered target that passed its health check, so it answered 503 Service Temporarily Unavailable without contacting the app.',
  match(evidence) {
    const logs = signalsWhere(evidence, 'alb-log', (d) => d.elbStatus === 503 && d.targetStatus === undefined);
    const pages = signalsWithStatus(evidence, 'aws-alb', [503]);
    // The same page text is nginx's 503 too; only count it when nothing names another server.
    const otherServer = signals(evidence, 'nginx-server').length > 0 || signals(evidence, 'iis-server').length > 0;
    const lookalike =
      logs.length === 0 && pages.length === 0 && !otherServer
        ? statuses(evidence, { status: 503, origin: ['error-page', 'headers'] }).filter((s) => s.ref.text.includes('Service Temporarily Unavailable'))
        : [];
    if (logs.length === 0 && pages.length === 0 && lookalike.length === 0) return undefined;
    const neverDispatched = logs.filter((s) => s.data.target === undefined).length;
    let confidence: number;
    if (logs.length > 0) confidence = boosted(CONFIDENCE.strong, neverDispatched === logs.length ? 0.05 : 0, logs.length >= 3 ? 0.03 : 0);
    else if (pages.length > 0) confidence = CONFIDENCE.likely + 0.1;
    else confidence = CONFIDENCE.weak + 0.05;
    return {
      confidence,
      evidence: refsOf([...logs, ...pages, ...lookalike]),
      facts: {
        source: logs.length > 0 ? 'access-log' : pages.length > 0 ? 'response' : 'lookalike',
        count: logs.length || pages.length || lookalike.length,
        neverDispatched,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.source === 'lookalike') {
      steps.push(
        'The page says "503 Service Temporarily Unavailable" with no server named. An AWS load balancer with no healthy target answers exactly that (nginx does too, but adds its name at the bottom). Check the response headers for Server: awselb/2.0 to confirm.',
      );
    } else if (facts.source === 'access-log') {
      const count = facts.count ?? 1;
      steps.push(
        `The access log has ${plural(count, 'ELB-generated 503')}${facts.neverDispatched !== undefined && facts.neverDispatched > 0 ? `, ${facts.neverDispatched} with target:port "-" (no target was chosen)` : ''}: the target group had no registered or healthy target at those times.`,
      );
    } else {
      steps.push('Server: awselb/2.0 with 503 is the load balancer\'s own answer: the target group had no registered or healthy target. The app was never called.');
    }
    steps.push(
      'List the targets and why they are out: `aws elbv2 describe-target-health --target-group-arn <arn>`. The Reason field says it: Target.NotRegistered, Target.FailedHealthChecks, Target.ResponseCodeMismatch (the health check got e.g. 302/404), Target.Timeout, Elb.RegistrationInProgress or Target.DeregistrationInProgress.',
    );
    steps.push(
      'Request the health check path on a target yourself, with the port and Host the load balancer uses: `curl -i http://<target-ip>:<port>/<health-path>`. On IIS, a binding with a host name answers 404 to a probe that sends the IP as Host, and an authenticated site answers 302/401; both fail the default matcher (200).',
    );
    steps.push('Check that the target\'s security group allows the load balancer\'s security group on the health-check port, and that deployments keep at least one healthy target registered (503s that line up with deploys mean all targets were replaced at once).');
    return steps;
  },
  fix() {
    return {
      summary:
        'Register the targets and give them a health check they pass: an anonymous endpoint that returns 200 without redirects (ASP.NET Core health checks), matched on 200-399 if needed, reachable on the health-check port.',
      language: 'csharp',
      snippet: [
        '// Program.cs: an anonymous health endpoint for the load balancer',
        'builder.Services.AddHealthChecks();',
        'app.MapHealthChecks("/healthz").AllowAnonymous();',
        '',
        '// then: aws elbv2 modify-target-group --target-group-arn <arn> --health-check-path /healthz --matcher HttpCode=200-399',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'headers', 'error-page'],
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/health-checks',
  ],
});
