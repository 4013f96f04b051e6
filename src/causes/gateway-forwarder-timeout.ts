/**
 * A .NET or API gateway's own timer ran out before the backend sent its response headers, and the
 * gateway answered for it: YARP's ActivityTimeout (100 s by default, "RequestTimedOut" → 504),
 * Ocelot's per-route timeout (QoSOptions.TimeoutValue, else 90 s; RequestTimedOutError → 503),
 * Envoy's route timeout (15 s by default, "upstream request timeout" → 504), API Management's
 * forward-request timeout, or the HttpClient.Timeout of a BFF (100 s by default). The backend
 * may have finished the work later; nobody was waiting any more.
 */
import { defineCause, type CauseFix } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { anyOf, clue, clueRefs, clueValues } from './support/clue-query';

interface Gateway {
  name: string;
  /** The clue that says this gateway timed out. */
  clue: string;
  /** Its limit when nothing in the evidence sets another, in seconds. */
  defaultSeconds: number;
  setting: string;
}

const GATEWAYS: readonly Gateway[] = [
  { name: 'YARP', clue: 'yarp.timeout', defaultSeconds: 100, setting: 'the cluster\'s HttpRequest.ActivityTimeout (100 s by default), or a route Timeout / TimeoutPolicy (.NET 8 request timeouts)' },
  { name: 'Ocelot', clue: 'ocelot.timeout', defaultSeconds: 90, setting: 'the route\'s QoSOptions.TimeoutValue in milliseconds, else 90 s (MessageInvokerPool.DefaultRequestTimeoutSeconds); Ocelot answers 503 for RequestTimedOutError (504 in the newest versions)' },
  { name: 'Envoy', clue: 'envoy.upstream-timeout', defaultSeconds: 15, setting: 'the route timeout, 15 s by default in Envoy (an Istio VirtualService `timeout`, a Contour or Emissary route timeout)' },
  { name: 'API Management', clue: 'apim.timeout', defaultSeconds: 300, setting: 'the forward-request policy\'s timeout attribute (300 s by default; values above 240 s may not be honored because idle connections are dropped)' },
];
const HTTP_CLIENT: Gateway = { name: 'HttpClient', clue: 'http.client-timeout', defaultSeconds: 100, setting: 'HttpClient.Timeout (100 s by default) or a resilience handler\'s timeout' };

/** The clues that name a .NET gateway even when its timeout shows only as HttpClient's. */
const YARP_CONTEXT = ['yarp.forwarder-error', 'yarp.destination'];
const OCELOT_CONTEXT = ['ocelot.downstream-error'];
/** A gateway answered for the backend: the HttpClient that timed out was a proxy's, not a dependency call's. */
const PROXY_CONTEXT = ['status.502', 'status.503', 'status.504', 'proxy.gateway-timeout', 'proxy.bad-gateway', 'narrative.proxy-words', ...YARP_CONTEXT, ...OCELOT_CONTEXT];

/** Seconds from `100`, `100.5` or a TimeSpan `00:00:30`. */
function toSeconds(value: string): number | undefined {
  if (/^\d{1,7}(\.\d{1,3})?$/.test(value)) return Number(value);
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.\d{1,7})?$/.exec(value);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

interface GatewayForwarderTimeoutFacts {
  /** The gateway whose timer fired (one of GATEWAYS, or HttpClient), and the setting that holds its limit. */
  gateway: string;
  setting: string;
  /** The limit in seconds: configured in the evidence, or the gateway's default. */
  limit: number;
  limitFrom: 'evidence' | 'default';
  /** The longest failing request in the paste, in seconds, and whether it ended at the limit. */
  seconds?: number;
  atLimit: boolean;
  /** A proxy is in the paste, so the HttpClient is not only the app's own. */
  proxy: boolean;
}

export default defineCause<GatewayForwarderTimeoutFacts>({
  id: 'gateway-forwarder-timeout',
  title: "A .NET or API gateway's own timeout expired before the backend answered",
  family: 'request-timeout',
  layer: 'reverse-proxy',
  clues: {
    'yarp.timeout': 'strong',
    'ocelot.timeout': 'strong',
    'envoy.upstream-timeout': 'strong',
    'apim.timeout': 'strong',
    'http.client-timeout': 'supports',
    // The defaults of these gateways: YARP's and HttpClient's 100 s, Ocelot's 90 s. (Envoy's 15 s is
    // also nginx's three 5 s connect tries, so it stays out: match() compares it once Envoy is named.)
    'duration.near-100s': 'supports',
    'duration.near-90s': 'supports',
    // Well past 120 s is past YARP's 100 s and Ocelot's 90 s too; and the gateway named is theirs.
    'duration.beyond-120s': 'supports',
    'dotnet-gateway.named': 'supports',
    // Another gateway's timer in the paste: that gateway is the one that gave up (its own cause).
    'nginx.upstream-timed-out': 'against',
    'nginx.connect-timed-out': 'against',
    'cloudflare.origin-timeout': 'against',
    'alb.target-timeout': 'against',
    'appgw.backend-timeout': 'against',
    'frontdoor.origin-timeout': 'against',
    'appservice.timeout-230': 'against',
    'win32.12002': 'against',
  },
  description:
    'The gateway in front of the app (YARP, Ocelot, Envoy/Istio, Azure API Management, or a BFF\'s HttpClient) stopped waiting after its own timeout and answered 504 (or 503) itself, while the backend was still working.',
  match(evidence) {
    const named = GATEWAYS.find((g) => anyOf(evidence, [g.clue]));
    const clientTimeout = anyOf(evidence, [HTTP_CLIENT.clue]);
    if (!named && !clientTimeout) return undefined;
    // HttpClient's timeout text inside a YARP or Ocelot log is that gateway's client.
    const gateway = named ?? (anyOf(evidence, YARP_CONTEXT) ? GATEWAYS[0]! : anyOf(evidence, OCELOT_CONTEXT) ? GATEWAYS[1]! : HTTP_CLIENT);
    const configured = clueValues(evidence, gateway.name === 'API Management' ? ['apim.timeout-setting'] : [HTTP_CLIENT.clue]).map(toSeconds).find((s) => s !== undefined);
    const limit = configured ?? gateway.defaultSeconds;
    const durations = clueValues(evidence, ['duration']).map(Number).filter((ms) => Number.isFinite(ms));
    const longest = durations.length > 0 ? Math.max(...durations) / 1000 : undefined;
    const atLimit = longest !== undefined && Math.abs(longest - limit) <= limit * 0.06;
    const proxy = named !== undefined || anyOf(evidence, PROXY_CONTEXT);
    // Only narrative words about ActivityTimeout: a hint, not a log line.
    const narrativeOnly = named !== undefined && clue(evidence, named.clue)?.narrative === true;
    let confidence: number;
    if (named && !narrativeOnly) confidence = boosted(CONFIDENCE.strong, atLimit ? 0.05 : 0, anyOf(evidence, ['status.504', 'status.503']) ? 0.05 : 0);
    else if (named) confidence = CONFIDENCE.likely - 0.1;
    else confidence = proxy ? boosted(CONFIDENCE.likely, atLimit ? 0.05 : 0) : CONFIDENCE.possible;
    return {
      confidence,
      evidence: clueRefs(evidence, [gateway.clue, HTTP_CLIENT.clue, 'apim.timeout-setting', 'duration']).slice(0, 8),
      facts: {
        gateway: gateway.name,
        setting: gateway.setting,
        limit,
        limitFrom: configured !== undefined ? 'evidence' : 'default',
        seconds: longest,
        atLimit,
        proxy,
      },
      // A BFF's or API's own HttpClient that timed out is the app's code, not a proxy in front of it.
      layer: gateway === HTTP_CLIENT && !proxy ? 'app' : 'reverse-proxy',
    };
  },
  steps({ facts }) {
    const gateway = facts.gateway ?? 'The gateway';
    const { limit, setting } = facts;
    const limitText = limit === undefined ? 'its timeout' : `${limit} s${facts.limitFrom === 'default' ? ' (its default)' : ''}`;
    const steps = [
      `${gateway} stopped waiting for the backend's response headers after ${limitText} and answered the client itself.${setting !== undefined ? ` The limit is ${setting}.` : ''}`,
    ];
    if (facts.seconds !== undefined) {
      steps.push(facts.atLimit === true ? `The failing request ran ${facts.seconds.toFixed(1)} s: right at that limit, so it is the timer and not the backend that ended it.` : `The longest failing request in the paste ran ${facts.seconds.toFixed(1)} s; compare it with the limit above and with the backend's own timing for the same request.`);
    }
    if (gateway === 'HttpClient' && facts.proxy !== true) {
      steps.push('Here the HttpClient belongs to the app (a BFF or an API calling another API): the dependency it calls is slow. The app then answers with its own error, which a proxy in front may pass on as 502/500.');
    }
    steps.push(
      'Look at the backend for the same request (time and path, or the trace id): is it slow every time (a long report, an export, an LLM call) or only sometimes (a lock, a cold start, an exhausted pool)?',
      'If the long request is legitimate, raise the limit for that route only, and keep every hop in front at least as long (Azure App Service 230 s, nginx proxy_read_timeout 60 s, load balancer idle timeouts). Better still, make it asynchronous: 202 Accepted with a status URL.',
    );
    return steps;
  },
  fix({ facts }): CauseFix {
    // A suggestion only: double the limit that fired, at least five minutes.
    const longer = facts.limit !== undefined ? Math.max(300, Math.round(facts.limit * 2)) : 300;
    const span = `${String(Math.floor(longer / 3600)).padStart(2, '0')}:${String(Math.floor((longer % 3600) / 60)).padStart(2, '0')}:${String(longer % 60).padStart(2, '0')}`;
    switch (facts.gateway) {
      case 'Ocelot':
        return { summary: 'Give the slow route a longer timeout in ocelot.json (milliseconds), and fix or offload what makes it slow.', language: 'json', snippet: ['{', '  "UpstreamPathTemplate": "/reports/{everything}",', '  "DownstreamPathTemplate": "/reports/{everything}",', `  "QoSOptions": { "TimeoutValue": ${longer * 1000} }`, '}'].join('\n') };
      case 'Envoy':
        return { summary: 'Set a longer route timeout for the slow path (here an Istio VirtualService).', language: 'text', snippet: ['apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'spec:', '  http:', '  - match: [{ uri: { prefix: /reports } }]', `    timeout: ${longer}s`, '    route: [{ destination: { host: reports-api } }]'].join('\n') };
      case 'API Management':
        return { summary: 'Raise the forward-request timeout for the API or operation (values above 240 s may not be honored).', language: 'xml', snippet: ['<backend>', '  <forward-request timeout="240" />', '</backend>'].join('\n') };
      case 'HttpClient':
        return { summary: 'Give the named client a timeout that fits the call, and handle the timeout (retry, fallback, or a 504 of your own).', language: 'csharp', snippet: `builder.Services.AddHttpClient("reports", c => c.Timeout = TimeSpan.FromSeconds(${longer}));` };
      default:
        return {
          summary:
            facts.gateway === 'YARP'
              ? 'Raise YARP\'s activity timeout on the cluster that serves the slow requests (and the route Timeout if one is set).'
              : 'Raise the gateway\'s timeout for the slow route only (here YARP\'s cluster activity timeout), and fix or offload what makes the backend slow.',
          language: 'json',
          snippet: ['"ReverseProxy": {', '  "Clusters": {', '    "reports": {', `      "HttpRequest": { "ActivityTimeout": "${span}" },`, '      "Destinations": { "d1": { "Address": "http://reports-api:8080/" } }', '    }', '  }', '}'].join('\n'),
        };
    }
  },
  wants: ['proxy-log', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/yarp/timeouts',
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/yarp/http-client-config',
    'https://ocelot.readthedocs.io/en/latest/features/qualityofservice.html',
    'https://learn.microsoft.com/azure/api-management/forward-request-policy',
    'https://learn.microsoft.com/dotnet/api/system.net.http.httpclient.timeout',
  ],
});
