/**
 * An Azure gateway stopped waiting for the backend. Application Gateway waits the
 * BackendHttpSetting request timeout (20 s by default): v1 then answers 502, v2 retries another
 * pool member and answers 504. Front Door waits its origin response timeout (30 s by default on
 * classic, 16-240 s configurable on Standard/Premium) and answers 504 with ErrorInfo OriginTimeout
 * (503 on some tiers).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { agwInfo, secondsOnLine, unidentified504s } from './support/gateway-evidence';

const AGW_TIMEOUT_S = 20;
const AFD_TIMEOUT_S = 30;

interface AzureGatewayTimeoutFacts {
  gateway: 'front-door' | 'app-gateway' | 'unknown';
  /** The gateway's own word for the timeout, when its log says it. */
  errorInfo?: 'OriginTimeout' | 'ERRORINFO_UPSTREAM_TIMED_OUT';
  /** The longest failing request, in seconds. */
  observedSeconds?: number;
  /** Only bare Application Gateway 502s: v1's timeout or backend health, the timing tells. */
  v1Only: boolean;
}

export default defineCause<AzureGatewayTimeoutFacts>({
  id: 'azure-gateway-timeout',
  title: "Backend did not answer within the Azure gateway's request timeout",
  family: 'request-timeout',
  layer: 'load-balancer',
  clues: {
    // The report names an Azure gateway: one of its own causes, whichever the clues pick among them.
    'azure-gateway.named': 'supports',
    'appgw.backend-timeout': 'proves',
    'frontdoor.origin-timeout': 'proves',
    'appservice.timeout-230': 'proves',
    'duration.near-230s': 'strong',
    'duration.near-20s': 'supports',
    // Front Door's origin timeout (kb-facts 6.3) and the Application Gateway ingress controller's
    // request-timeout annotation (learn.microsoft.com application-gateway/ingress-controller-annotations)
    // default to 30 s.
    'duration.near-30s': 'supports',
  },
  description:
    'Azure Application Gateway (20 s by default) or Front Door (30 s by default) stopped waiting for the backend and answered 502/504 itself.',
  match(evidence) {
    const fdTimeout = signals(evidence, 'front-door').filter((s) => s.data.errorInfo === 'OriginTimeout');
    const fd504 = signals(evidence, 'front-door').filter((s) => s.data.status === 504 && s.data.errorInfo === undefined);
    const agw = signals(evidence, 'app-gateway');
    const agwTimedOut = agw.filter((s) => agwInfo(s) === 'ERRORINFO_UPSTREAM_TIMED_OUT');
    const agw504 = agw.filter((s) => s.data.status === 504 && !agwTimedOut.includes(s));
    const agw502Slow = agw.filter((s) => {
      if (s.data.status !== 502 || agwTimedOut.includes(s)) return false;
      const taken = secondsOnLine(evidence, s.ref);
      return taken !== undefined && taken >= AGW_TIMEOUT_S - 1;
    });
    const agw502 = agw.filter((s) => s.data.status === 502 && agwInfo(s) === undefined && !agw502Slow.includes(s));
    const bare = unidentified504s(evidence);

    const frontDoor = fdTimeout.length + fd504.length > 0;
    const appGateway = agwTimedOut.length + agw504.length + agw502Slow.length > 0;
    let confidence: number;
    if (fdTimeout.length > 0 || agwTimedOut.length > 0) confidence = boosted(CONFIDENCE.strong, 0.05);
    else if (agw504.length > 0 || agw502Slow.length > 0) confidence = CONFIDENCE.likely + 0.1;
    else if (fd504.length > 0) confidence = CONFIDENCE.likely;
    else if (agw502.length > 0) confidence = CONFIDENCE.weak + 0.05;
    else if (bare.length > 0) confidence = CONFIDENCE.weak;
    else return undefined;

    const refs = refsOf([...fdTimeout, ...agwTimedOut, ...agw504, ...agw502Slow, ...fd504, ...agw502, ...bare]);
    const gateway = frontDoor && !appGateway ? 'front-door' : appGateway || agw502.length > 0 ? 'app-gateway' : 'unknown';
    let observed: number | undefined;
    for (const s of [...fdTimeout, ...agwTimedOut, ...agw504, ...agw502Slow, ...fd504]) {
      const taken = secondsOnLine(evidence, s.ref);
      if (taken !== undefined && (observed === undefined || taken > observed)) observed = taken;
    }
    return {
      confidence,
      evidence: refs,
      layer: gateway === 'front-door' ? 'cdn' : 'load-balancer',
      facts: {
        gateway,
        errorInfo: fdTimeout.length > 0 ? 'OriginTimeout' : agwTimedOut.length > 0 ? 'ERRORINFO_UPSTREAM_TIMED_OUT' : undefined,
        observedSeconds: observed === undefined ? undefined : Math.round(observed * 10) / 10,
        v1Only: gateway === 'app-gateway' && !appGateway,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const observed = facts.observedSeconds;
    if (facts.gateway === 'front-door') {
      steps.push(
        `Front Door waited for the origin's response and gave up${facts.errorInfo === 'OriginTimeout' ? ' (ErrorInfo OriginTimeout)' : ''}${observed !== undefined ? ` after ${observed} s` : ''}. Its origin response timeout is ${AFD_TIMEOUT_S} s by default on classic Front Door; Standard/Premium let you set 16-240 s on the endpoint.`,
      );
      steps.push(
        'Find the request on the origin by its X-Azure-Ref (Front Door sends it to the origin; it equals TrackingReference in the access log). In the origin\'s IIS log a row with a long time-taken means the app was slow; no row means Front Door could not get the request to it.',
      );
      steps.push('In Log Analytics: `AzureDiagnostics | where Category == "FrontDoorAccessLog" and ErrorInfo_s == "OriginTimeout"` (classic) or the AzureFrontDoor access log table for Standard/Premium, grouped by requestUri, shows which endpoints time out.');
    } else if (facts.gateway === 'app-gateway') {
      if (facts.v1Only === true) {
        steps.push(
          'Application Gateway v1 answers a backend timeout with 502 after its request timeout (20 s by default), the same status as an unhealthy pool. Check whether these 502s took about 20 s (timeTaken in the access log): if so, it is this timeout; if they were immediate, it is backend health.',
        );
      } else {
        steps.push(
          `Application Gateway stopped waiting for the backend${facts.errorInfo === 'ERRORINFO_UPSTREAM_TIMED_OUT' ? ' (error_info ERRORINFO_UPSTREAM_TIMED_OUT)' : ''}${observed !== undefined ? ` after ${observed} s` : ''}. The request timeout in the BackendHttpSetting is ${AGW_TIMEOUT_S} s by default; v2 then retries another pool member and answers 504, v1 answers 502.`,
        );
      }
      steps.push('Read the configured value: `az network application-gateway http-settings list --resource-group <rg> --gateway-name <gateway> --query "[].{name:name, timeout:requestTimeout}"`. Failing requests that last exactly that long confirm the timeout.');
      steps.push('Find the same requests in the backend\'s IIS log (time-taken, UTC): a long-running 200 there means the app finished after the gateway gave up.');
    } else {
      steps.push('A 504 means a gateway waited longer than it allows for the upstream (a 502 means it got an invalid answer or none). IIS and ANCM never generate a 504 themselves (they answer 502), so a proxy in front of the app, or a proxy inside it such as YARP, sent this one. If the site is behind Azure Application Gateway or Front Door, their access logs name the timeout (ERRORINFO_UPSTREAM_TIMED_OUT, ErrorInfo OriginTimeout); paste a failing line or the response headers (X-Azure-Ref means Front Door).');
    }
    steps.push('Whatever the gateway allows, a request that runs longer than it is the problem to fix: profile the slow endpoint (the IIS log\'s slowest URLs, dotnet-trace/dotnet-counters on the app).');
    return steps;
  },
  fix({ facts }) {
    if (facts.gateway === 'front-door') {
      return {
        summary: 'Make the origin answer within Front Door\'s origin response timeout (move long work to a background job with a status endpoint); raise the timeout on the Front Door profile (Standard/Premium: 16-240 s) only for genuinely long requests.',
        language: 'text',
        snippet: 'az afd profile update --resource-group <rg> --profile-name <profile> --origin-response-timeout-seconds 120',
      };
    }
    return {
      summary: 'Make the backend answer within the gateway\'s request timeout (move long work to a background job with a status endpoint), or raise the request timeout on the BackendHttpSetting used by the slow route.',
      language: 'powershell',
      snippet: [
        '$gw = Get-AzApplicationGateway -Name <gateway> -ResourceGroupName <rg>',
        'Set-AzApplicationGatewayBackendHttpSetting -ApplicationGateway $gw -Name <http-settings> -Port 80 -Protocol Http -CookieBasedAffinity Disabled -RequestTimeout 120',
        'Set-AzApplicationGateway -ApplicationGateway $gw',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'headers', 'iis-log'],
  references: [
    'https://learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502',
    'https://learn.microsoft.com/azure/frontdoor/troubleshoot-issues',
    'https://learn.microsoft.com/azure/application-gateway/monitor-application-gateway-reference',
  ],
});
