/**
 * Azure Application Gateway 502: it had no backend it could use. Every pool member failed the
 * health probe (the default probe asks http://127.0.0.1:<port>/ and wants 200-399), the pool is
 * empty, or an NSG, UDR or custom DNS keeps the gateway from the backend. Access-log error_info
 * ERRORINFO_UPSTREAM_NO_LIVE says it outright. Timeouts and TLS have their own causes.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { agwInfo, plural, secondsOnLine } from './support/gateway-evidence';

/** Application Gateway's default request timeout (BackendHttpSetting), seconds. */
const REQUEST_TIMEOUT_S = 20;

interface AppGatewayBackendUnhealthyFacts {
  /** Access-log lines with ERRORINFO_UPSTREAM_NO_LIVE. */
  noLive: number;
  /** The most telling failure: no live backend, a connection the backend closed, or only the 502 page. */
  kind: 'no-live' | 'closed' | 'page';
}

export default defineCause<AppGatewayBackendUnhealthyFacts>({
  id: 'app-gateway-backend-unhealthy',
  title: 'Application Gateway had no healthy backend to send the request to',
  family: 'proxy-origin',
  layer: 'load-balancer',
  clues: {
    // The report names an Azure gateway: one of its own causes, whichever the clues pick among them.
    'azure-gateway.named': 'supports',
    'appgw.backend-unhealthy': 'proves',
    'appgw.page': 'supports',
  },
  description:
    'Azure Application Gateway answered 502 because no backend pool member was healthy or reachable: the health probe failed, the pool is empty, or network rules block the gateway from the backend.',
  match(evidence) {
    const candidates = signals(evidence, 'app-gateway').filter((s) => {
      const info = agwInfo(s);
      if (info === 'ERRORINFO_UPSTREAM_NO_LIVE' || info === 'ERRORINFO_UPSTREAM_CLOSED_CONNECTION') return true;
      if (info === 'ERRORINFO_UPSTREAM_TIMED_OUT' || s.data.status !== 502) return false;
      // A 502 after the full request timeout is the v1 timeout, not an unhealthy pool.
      const taken = secondsOnLine(evidence, s.ref);
      return taken === undefined || taken < REQUEST_TIMEOUT_S - 1;
    });
    if (candidates.length === 0) return undefined;
    const infos = candidates.map((s) => agwInfo(s));
    const noLive = infos.filter((i) => i === 'ERRORINFO_UPSTREAM_NO_LIVE').length;
    const closed = infos.filter((i) => i === 'ERRORINFO_UPSTREAM_CLOSED_CONNECTION').length;
    let confidence: number;
    if (noLive > 0) confidence = boosted(CONFIDENCE.strong, noLive >= 3 ? 0.05 : 0);
    // The docs read a closed connection as the backend hanging up (a crash, or a server at its
    // limits): health is one reading of it, the crash family's the first.
    else if (closed > 0) confidence = CONFIDENCE.possible;
    else confidence = boosted(CONFIDENCE.likely, candidates.length >= 3 ? 0.03 : 0);
    return {
      confidence,
      evidence: refsOf(candidates),
      facts: {
        noLive,
        kind: noLive > 0 ? 'no-live' : closed > 0 ? 'closed' : 'page',
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.kind === 'no-live') {
      steps.push(`${plural(facts.noLive ?? 1, 'access-log line')} say ERRORINFO_UPSTREAM_NO_LIVE: at those times the gateway had no live backend server at all.`);
    } else if (facts.kind === 'closed') {
      steps.push(
        'ERRORINFO_UPSTREAM_CLOSED_CONNECTION: the backend closed the connection before answering (a crash or recycle mid-request, or a server at its connection limit). Check the backend\'s event logs at those times (.NET Runtime 1026, WAS 5009/5011, 5074-5080) as well as backend health.',
      );
    } else {
      steps.push(
        'Application Gateway returns this 502 when it cannot use any backend: all pool members unhealthy, an empty pool, or NSG/UDR/custom DNS blocking the backend. A slow backend gives the same 502 on v1 after the 20 s request timeout (v2 answers 504).',
      );
    }
    steps.push(
      'Open the gateway\'s Backend health blade, or run `az network application-gateway show-backend-health --resource-group <rg> --name <gateway>`: each server\'s status and its message name the failure (probe status code, timeout, certificate, unreachable).',
    );
    steps.push(
      'The default probe requests http://127.0.0.1:<backend-port>/ with Host 127.0.0.1 and needs 200-399 within 30 s. On IIS a site bound to a host name answers that with 404, and an app behind login answers 302/401: give the gateway a custom probe with the real host name and an anonymous path.',
    );
    steps.push(
      'Check the network path: NSGs on the gateway subnet must allow the GatewayManager ports (65200-65535 for v2, 65503-65534 for v1); a UDR on that subnet must not send backend traffic to an appliance; a custom DNS server on the VNet must resolve backend FQDNs. `az network application-gateway show --query backendAddressPools` shows an empty pool.',
    );
    return steps;
  },
  fix() {
    return {
      summary:
        'Give the gateway a backend it can reach and a probe the app passes: a custom health probe with the site\'s host name and an anonymous health path that returns 200, a non-empty pool, and NSG/UDR/DNS that let the gateway reach it.',
      language: 'text',
      snippet: [
        'az network application-gateway probe create --resource-group <rg> --gateway-name <gateway> \\',
        '  --name app-health --protocol Http --host example.com --path /healthz \\',
        '  --interval 30 --timeout 30 --threshold 3 --match-status-codes 200-399',
        'az network application-gateway http-settings update --resource-group <rg> --gateway-name <gateway> \\',
        '  --name <http-settings> --probe app-health',
      ].join('\n'),
    };
  },
  wants: ['proxy-log', 'error-page', 'headers'],
  references: [
    'https://learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502',
    'https://learn.microsoft.com/azure/application-gateway/application-gateway-probe-overview',
    'https://learn.microsoft.com/azure/application-gateway/application-gateway-backend-health-troubleshooting',
  ],
});
