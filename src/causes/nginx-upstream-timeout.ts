/**
 * nginx gave up on the upstream (Kestrel) and answered 504: `upstream timed out (110: ...) while
 * reading response header from upstream` (proxy_read_timeout, 60 s by default: the app is slow),
 * `... while sending request to upstream` (proxy_send_timeout) or `... while connecting to
 * upstream` (proxy_connect_timeout: Kestrel did not accept the connection at all, a different
 * problem with different advice).
 */
import type { SignalData } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals, signalsWhere, statuses } from './query';
import { plural, signalsWithStatus, unidentified504s, upstreamOrigin } from './support/gateway-evidence';

const DEFAULT_TIMEOUT_S = 60;

/** The first segment of the path nginx asked for (`/fonts/` of `http://127.0.0.1:51056/fonts/x.ttf`): the slow route. */
function routeOf(upstream: string | undefined): string | undefined {
  const segment = upstream === undefined ? undefined : /^https?:\/\/[^/\s"]{1,200}(\/[^/?\s"]{1,100})\//.exec(upstream)?.[1];
  return segment ? `${segment}/` : undefined;
}

/** The snippet's upstream address and route: the user's own when the error line names them. */
function snippetTarget(facts: Partial<NginxUpstreamTimeoutFacts>): { origin: string; server: string; location: string } {
  const origin = facts.upstream !== undefined && /^https?:\/\//.test(facts.upstream) ? facts.upstream : 'http://127.0.0.1:5000';
  return { origin, server: origin.replace(/^https?:\/\//, ''), location: facts.route ?? (facts.upstream === undefined ? '/reports/' : '/') };
}

type NginxCondition = SignalData['nginx-upstream']['condition'];

interface NginxUpstreamTimeoutFacts {
  /** The timeout nginx's error log reports most often. */
  condition?: NginxCondition;
  /** Error-log lines that report a timeout. */
  count: number;
  upstream?: string;
  /** The first path segment asked of the upstream, as a location prefix: `/fonts/`. */
  route?: string;
  /** The longest 504 request in the access log, in seconds. */
  longestSeconds?: number;
  /** That request ended at nginx's 60 s default. */
  nearDefault: boolean;
  /** What showed the timeout, most telling first. */
  source: 'error-log' | 'page' | 'access-log' | 'bare';
}

export default defineCause<NginxUpstreamTimeoutFacts>({
  id: 'nginx-upstream-timeout',
  title: "Upstream did not answer within nginx's proxy timeout",
  family: 'request-timeout',
  layer: 'reverse-proxy',
  clues: {
    'nginx.upstream-timed-out': 'proves',
    'nginx.connect-timed-out': 'strong',
    'duration.near-60s': 'supports',
    // nginx answers 504 only when its own timer ran out: its page names the gateway that timed out
    // among the request-timeout causes (kept when gateway-forwarder-timeout joined the family).
    'nginx.page': 'hints',
  },
  description:
    'nginx waited for the upstream application longer than proxy_read_timeout, proxy_send_timeout or proxy_connect_timeout (60 s each by default) and answered 504 Gateway Time-out.',
  match(evidence) {
    const lines = signalsWhere(evidence, 'nginx-upstream', (d) => d.condition === 'read-timeout' || d.condition === 'send-timeout' || d.condition === 'connect-timeout');
    const pages = signalsWithStatus(evidence, 'nginx-server', [504]);
    // 504 rows of an nginx access log: origin proxy-log with no ALB/Azure signal on that line.
    const lbLines = new Set([...signals(evidence, 'alb-log'), ...signals(evidence, 'app-gateway'), ...signals(evidence, 'front-door')].map((s) => `${s.ref.source}:${s.ref.line}`));
    const accessRows = statuses(evidence, { status: 504, origin: 'proxy-log' }).filter((s) => !lbLines.has(`${s.ref.source}:${s.ref.line}`));
    const bare = lines.length + pages.length + accessRows.length === 0 ? unidentified504s(evidence) : [];
    if (lines.length === 0 && pages.length === 0 && accessRows.length === 0 && bare.length === 0) return undefined;

    const byCondition = new Map<NginxCondition, number>();
    for (const s of lines) byCondition.set(s.data.condition, (byCondition.get(s.data.condition) ?? 0) + 1);
    const condition = [...byCondition.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const times = accessRows.map((r) => r.timeTakenMs).filter((t): t is number => t !== undefined).map((t) => t / 1000);
    const longest = times.length > 0 ? Math.max(...times) : undefined;
    const nearDefault = longest !== undefined && Math.abs(longest - DEFAULT_TIMEOUT_S) <= 2;

    let confidence: number;
    if (lines.length > 0) {
      const base = condition === 'connect-timeout' ? CONFIDENCE.likely + 0.1 : CONFIDENCE.likely + 0.15;
      confidence = boosted(base, lines.length >= 3 ? 0.05 : 0, nearDefault ? 0.1 : 0);
    } else if (pages.length > 0) confidence = boosted(CONFIDENCE.likely, nearDefault ? 0.1 : 0);
    else if (accessRows.length > 0) confidence = boosted(CONFIDENCE.possible + 0.05, nearDefault ? 0.15 : 0);
    else confidence = CONFIDENCE.weak;

    const upstream = lines.find((s) => s.data.upstream !== undefined)?.data.upstream;
    return {
      confidence,
      evidence: refsOf([...lines, ...pages, ...accessRows, ...bare]),
      facts: {
        condition,
        count: lines.length,
        upstream: upstreamOrigin(upstream),
        route: routeOf(upstream),
        longestSeconds: longest === undefined ? undefined : Math.round(longest * 10) / 10,
        nearDefault,
        source: lines.length > 0 ? 'error-log' : pages.length > 0 ? 'page' : accessRows.length > 0 ? 'access-log' : 'bare',
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const upstream = facts.upstream ?? 'the upstream';
    const longest = facts.longestSeconds;
    if (facts.source === 'bare') {
      steps.push('A 504 means a gateway waited longer than it allows for the upstream (a 502 means it got an invalid answer or none). IIS and ANCM never generate a 504 themselves (they answer 502), so a proxy in front of the app, or a proxy inside it such as YARP, sent this one. If nginx is in front, its error.log has an "upstream timed out" line for each one; paste it, or the response headers (Server: nginx).');
    }
    if (facts.condition === 'connect-timeout') {
      steps.push(
        `nginx could not even open a TCP connection to ${upstream} within proxy_connect_timeout (60 s by default): the app did not accept connections. That is not a slow request: the process was hung or overloaded (accept backlog full, thread pool starved), the address is wrong, or a firewall drops the packets.`,
      );
      steps.push(
        'On the app host, check the app is alive and accepting: `systemctl status <app>.service`, `ss -ltn | grep <port>` (Recv-Q near the backlog means connections pile up unaccepted), and the app log for Kestrel heartbeat warnings ("the heartbeat has been running for ... This could be caused by thread pool starvation").',
      );
    } else {
      const count = facts.count !== undefined && facts.count > 0 ? ` (${plural(facts.count, 'error-log line')})` : '';
      steps.push(
        `nginx sent the request to ${upstream} and waited longer than proxy_read_timeout (60 s unless set) for the response headers${count}${facts.condition === 'send-timeout' ? '; for "while sending request to upstream" the limit hit was proxy_send_timeout, writing the request body to the app' : ''}. The app was reachable but too slow.`,
      );
      if (longest !== undefined) {
        steps.push(
          facts.nearDefault === true
            ? `The access log shows requests ending at ${longest} s, which is the 60 s default: nginx's timer, not the app, ended them.`
            : `The access log shows requests of up to ${longest} s; compare with the proxy_read_timeout in effect (\`nginx -T | grep -n proxy_read_timeout\`).`,
        );
      }
      steps.push(
        'Find the same requests in the app log (Kestrel logs "Request finished ... <elapsed>ms" at Information level): a request that finished after 60 s confirms the app is slow, not stuck; no "Request finished" at all points at a hang (dotnet-dump / dotnet-stack on the process).',
      );
    }
    steps.push('Add the upstream time to the nginx access log so every 504 shows how long nginx waited: `log_format timed \'$remote_addr [$time_local] "$request" $status rt=$request_time urt=$upstream_response_time\';`.');
    return steps;
  },
  fix({ facts }) {
    if (facts.condition === 'connect-timeout') {
      return {
        summary: 'Make the app accept connections again (restart the hung process, fix thread-pool starvation, scale out) and fail fast instead of hanging: a short proxy_connect_timeout with another upstream to try.',
        language: 'nginx',
        snippet: ['upstream app {', `    server ${snippetTarget(facts).server} max_fails=3 fail_timeout=10s;`, '}', 'location / {', '    proxy_pass            http://app;', '    proxy_connect_timeout 5s;', '    proxy_next_upstream   error timeout;', '}'].join('\n'),
      };
    }
    return {
      summary:
        'Make the endpoint answer within the timeout (move long work to a background job and poll), and raise proxy_read_timeout only for the routes that legitimately run long.',
      language: 'nginx',
      snippet: [`location ${snippetTarget(facts).location} {`, `    proxy_pass         ${snippetTarget(facts).origin};`, '    proxy_read_timeout 300s;   # only this slow route', '    proxy_send_timeout 300s;', '}'].join('\n'),
    };
  },
  wants: ['proxy-log', 'stdout-log', 'headers'],
  references: [
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout',
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_connect_timeout',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/linux-nginx',
  ],
});
