/**
 * nginx could not get an answer from the upstream (Kestrel) and answered 502: the connection was
 * refused (nothing listening: the app is stopped, crashed, restarting or on another port), reset,
 * or closed before any header (the process died mid-request, or a kept-alive connection closed
 * under nginx); or every server in the upstream block was marked failed ("no live upstreams").
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals, signalsWhere } from './query';
import { plural, signalsWithStatus, upstreamOrigin, upstreamPort } from './support/gateway-evidence';

type Condition = 'refused' | 'no-live' | 'reset' | 'premature-close';
const CONDITIONS: readonly Condition[] = ['refused', 'premature-close', 'reset', 'no-live'];

interface NginxUpstreamUnreachableFacts {
  /** The failure nginx's error log reports most (a consequence like no-live last), or only its 502 page. */
  condition: Condition | 'page';
  /** nginx error-log lines about the failure. */
  count: number;
  upstream?: string;
  port?: string;
  /** The app's output shows it stopping or dying. */
  appDied: boolean;
}

export default defineCause<NginxUpstreamUnreachableFacts>({
  id: 'nginx-upstream-unreachable',
  title: "Upstream app refused or dropped nginx's connection",
  family: 'proxy-origin',
  layer: 'reverse-proxy',
  clues: {
    'nginx.connect-refused': 'proves',
    'nginx.no-live-upstreams': 'proves',
    'net.connection-refused': 'supports',
    'nginx.premature-close': 'proves',
    'nginx.reset-by-peer': 'strong',
    // The app's own start-up lines say it listens where nginx does not dial: that explains the
    // refusals (app-listens-elsewhere).
    'hosting.listening-localhost': 'against',
    'ports-disagree': 'against',
  },
  description:
    'nginx answered 502 because the upstream application refused the connection, reset or closed it before sending headers, or every upstream server was marked down.',
  match(evidence) {
    const lines = signalsWhere(evidence, 'nginx-upstream', (d) => (CONDITIONS as readonly string[]).includes(d.condition));
    const otherUpstream = signals(evidence, 'nginx-upstream').length > lines.length;
    const pages = lines.length === 0 && !otherUpstream ? signalsWithStatus(evidence, 'nginx-server', [502]) : [];
    if (lines.length === 0 && pages.length === 0) return undefined;
    const counts = new Map<string, number>();
    for (const s of lines) counts.set(s.data.condition, (counts.get(s.data.condition) ?? 0) + 1);
    // "no live upstreams" is a consequence: prefer the failure that marked the servers down.
    const ranked = [...counts.entries()].sort((a, b) => (a[0] === 'no-live' ? 1 : 0) - (b[0] === 'no-live' ? 1 : 0) || b[1] - a[1]);
    const condition = ranked[0]?.[0] as Condition | undefined;
    const appDied = [
      ...signals(evidence, 'host-stopping'),
      ...signals(evidence, 'unhandled-exception').filter((s) => s.data.fatal !== false),
      ...signals(evidence, 'stack-overflow'),
      ...signals(evidence, 'out-of-memory'),
    ];
    let confidence: number;
    if (lines.length > 0) {
      const base = condition === 'refused' ? CONFIDENCE.likely + 0.15 : CONFIDENCE.likely + 0.1;
      confidence = boosted(base, lines.length >= 3 ? 0.05 : 0, appDied.length > 0 ? 0.08 : 0);
    } else {
      confidence = CONFIDENCE.possible;
    }
    const upstream = lines.find((s) => s.data.upstream !== undefined)?.data.upstream;
    return {
      confidence,
      evidence: refsOf([...lines, ...pages, ...appDied.slice(0, 2)]),
      facts: {
        condition: condition ?? 'page',
        count: lines.length,
        upstream: upstreamOrigin(upstream),
        port: upstreamPort(upstream),
        appDied: appDied.length > 0,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const upstream = facts.upstream ?? 'the upstream';
    const port = facts.port ?? '<port>';
    const count = facts.count ?? 0;
    switch (facts.condition) {
      case 'refused':
        steps.push(`nginx got "Connection refused" from ${upstream} (${plural(count, 'line')}): nothing was listening on port ${port} at that moment. The app was stopped, crashed and restarting, or listens on another address or port than proxy_pass names.`);
        steps.push(`On the app host: \`systemctl status <app>.service\` (Active and the restart counter), \`journalctl -u <app>.service --since "-1h"\` (the exit reason), and \`ss -ltnp | grep :${port}\` (is anything listening?). Compare the "Now listening on:" line the app logs at start with ${upstream}.`);
        break;
      case 'premature-close':
      case 'reset':
        steps.push(`${upstream} accepted the connection and then closed or reset it before sending response headers (${plural(count, 'line')}): the app process died or restarted during the request, or a connection nginx kept alive was closed by the app just as nginx reused it.`);
        steps.push('Check whether the app restarted at those times: `journalctl -u <app>.service` (exit codes, "Application is shutting down..."), `dmesg | grep -i "killed process"` (the OOM killer), and the app log for an unhandled exception or "Stack overflow."');
        steps.push('If you use `keepalive` in the upstream block, nginx must speak HTTP/1.1 with an empty Connection header (`proxy_http_version 1.1; proxy_set_header Connection "";`) and its upstream keepalive_timeout (60 s by default) must stay below Kestrel\'s KeepAliveTimeout (130 s by default), so that nginx, not Kestrel, closes idle connections.');
        break;
      case 'no-live':
        steps.push('"no live upstreams" means nginx had marked every server of the upstream block as failed (max_fails within fail_timeout) and did not even try: look at the errors just before it (refused, timed out, reset) for the real failure.');
        break;
      default:
        steps.push('nginx answered 502 (its own "502 Bad Gateway" page). Its error.log says why for each request: connect() failed (refused), upstream prematurely closed, upstream sent too big header, or an SSL error. Paste the error.log lines for the failing minute.');
    }
    if (facts.appDied === true) steps.push('The pasted app output shows the process stopping or an unhandled exception: requests in flight at that moment end as this 502. Fix that failure first.');
    steps.push('Run the app under a supervisor that restarts it (systemd Restart=always), so a crash costs seconds of 502s instead of an outage.');
    return steps;
  },
  fix({ facts }) {
    // Where nginx connects, as its error.log says (host and port), else the usual local Kestrel.
    const origin = facts.upstream !== undefined && facts.port !== undefined ? facts.upstream : 'http://127.0.0.1:5000';
    if (facts.condition === 'premature-close' || facts.condition === 'reset') {
      return {
        summary: 'Stop the app from dying mid-request (fix the crash, memory limit or restart) and let nginx reuse connections safely: HTTP/1.1 keepalive with an idle timeout shorter than Kestrel\'s, and retry idempotent requests on another upstream.',
        language: 'nginx',
        snippet: ['upstream app {', `    server ${origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')};`, '    keepalive 32;', '    keepalive_timeout 60s;   # below Kestrel KeepAliveTimeout (130 s)', '}', 'location / {', '    proxy_pass          http://app;', '    proxy_http_version  1.1;', '    proxy_set_header    Connection "";', '    proxy_next_upstream error timeout http_502;', '}'].join('\n'),
      };
    }
    return {
      summary: 'Keep the app listening where nginx expects it: run it as a service that restarts on failure, bind Kestrel to the address in proxy_pass (ASPNETCORE_URLS), and add a second instance behind the upstream block if restarts must not show.',
      language: 'text',
      snippet: ['# /etc/systemd/system/app.service', '[Service]', 'WorkingDirectory=/var/www/app', 'ExecStart=/usr/bin/dotnet /var/www/app/App.dll', 'Restart=always', 'RestartSec=5', `Environment=ASPNETCORE_URLS=${origin}`].join('\n'),
    };
  },
  wants: ['proxy-log', 'stdout-log', 'event-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/linux-nginx',
    'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#keepalive',
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream',
  ],
});
