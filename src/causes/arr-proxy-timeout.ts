/**
 * IIS Application Request Routing proxies with WinHTTP too, and times out on its own clock: the web
 * farm protocol timeout (default 30 s) or, for URL Rewrite reverse-proxy rules without a farm, the
 * server proxy timeout (default 2 minutes). The backend was slower than that, ARR answered 502.3.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { arrEvidence, failureRefs, failureTiming, gatewayFailure, nearTimeout, win32Label } from './support/gateway-failures';

const TIMEOUT = [12002];
/** webFarm/applicationRequestRouting/protocol@timeout default. */
const FARM_SECONDS = 30;
/** system.webServer/proxy@timeout default. */
const PROXY_SECONDS = 120;

interface ArrProxyTimeoutFacts {
  /** How long the failing requests typically ran, when the evidence says. */
  seconds?: number;
  /** Which ARR default the duration matches: the web farm's 30 s or the server proxy's 2 minutes. */
  timeout?: 'farm' | 'proxy';
  arrSeen: boolean;
  /** The farm member FREB says the request was routed to. */
  server?: string;
  url?: string;
}

export default defineCause<ArrProxyTimeoutFacts>({
  id: 'arr-proxy-timeout',
  title: "The backend was slower than ARR's proxy timeout",
  family: 'request-timeout',
  layer: 'reverse-proxy',
  clues: {
    'win32.12002': 'hints',
    'duration.near-30s': 'strong',
    // ARR's proxy timeout defaults to 120 s too (ANCM's requestTimeout does).
    'duration.near-120s': 'supports',
    // Another gateway is named as the one in front: a 30 s wait is more likely its timeout.
    'azure-gateway.named': 'against',
  },
  description:
    "IIS Application Request Routing forwarded the request and gave up waiting (ERROR_WINHTTP_TIMEOUT) after its own timeout: 30 seconds for a web farm by default, 2 minutes for a URL Rewrite reverse-proxy rule. ARR then returned 502.3 although the backend may still be working.",
  match(evidence) {
    const failure = gatewayFailure(evidence, TIMEOUT);
    if (!failure) return undefined;
    const arr = arrEvidence(evidence);
    // ANCM itself set the 502.3 (FREB names the module) and no ARR anywhere: not ARR's timeout.
    const ancmSetIt = signals(evidence, 'freb-module-error').some((s) => /^AspNetCoreModule/i.test(s.data.module));
    if (arr.length === 0 && ancmSetIt) return undefined;

    const timing = failureTiming(evidence, failure, TIMEOUT);
    const near30 = timing !== undefined && (nearTimeout(timing.typicalMs, FARM_SECONDS) || nearTimeout(timing.maxMs, FARM_SECONDS));
    const near120 = timing !== undefined && (nearTimeout(timing.typicalMs, PROXY_SECONDS) || nearTimeout(timing.maxMs, PROXY_SECONDS));

    let confidence: number;
    if (arr.length > 0) {
      confidence = failure.paired ? CONFIDENCE.likely : CONFIDENCE.likely - 0.1;
      if (near30 || near120) confidence = boosted(CONFIDENCE.strong, failure.paired ? 0.05 : 0);
    } else if (near30 && evidence.webConfigs.every((c) => c.aspNetCore?.attributes.requestTimeout === undefined)) {
      // 30 s is ARR's farm default and far from ANCM's 2 minutes: without any ANCM evidence, ARR is a fair guess.
      confidence = CONFIDENCE.possible + 0.1;
    } else if (timing !== undefined && !near30 && !near120) {
      // Neither of ARR's defaults fits and nothing shows ARR: a custom ARR timeout is possible but unsupported.
      return undefined;
    } else {
      // An IIS log alone cannot tell ARR from ANCM; ARR stays an honest, weak alternative.
      confidence = CONFIDENCE.weak + 0.05;
    }

    const routed = signals(evidence, 'freb-arr-routed')[0];
    return {
      confidence,
      evidence: refsOf([...(timing?.ref ? [timing.ref] : []), ...arr, ...failureRefs(failure)]),
      facts: {
        seconds: timing ? Math.round(timing.typicalMs / 1000) : undefined,
        timeout: near30 ? 'farm' : near120 ? 'proxy' : undefined,
        arrSeen: arr.length > 0,
        server: routed?.data.server,
        url: failure.urls[0],
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const ran = facts.seconds !== undefined ? `The failing requests ran ${facts.seconds} s` : 'The failing requests';
    if (facts.timeout === 'farm') {
      steps.push(`${ran}, which is ARR's web farm protocol timeout default (00:00:30): ARR stopped waiting for the backend and returned 502.3 with Win32 ${win32Label(12002)}.`);
    } else if (facts.timeout === 'proxy') {
      steps.push(`${ran}, which is ARR's server proxy timeout default (00:02:00, system.webServer/proxy): ARR stopped waiting and returned 502.3 with Win32 ${win32Label(12002)}. (ANCM's requestTimeout is also 2 minutes by default: the FREB module name tells which one answered.)`);
    } else {
      steps.push(`${ran} ended in 502.3 with Win32 ${win32Label(12002)}. Compare their time-taken with ARR's timeouts: 30 s for a web farm, 2 minutes for the server proxy, or the value configured on the farm.`);
    }
    if (!facts.arrSeen) {
      steps.push('Nothing pasted proves ARR is in the path. Look at the response headers (X-Powered-By: ARR/3.0) or a FREB trace (ARR_SERVER_ROUTED, ModuleName="ApplicationRequestRouting") on the front server; if the module is AspNetCoreModule, the ANCM requestTimeout cause applies instead.');
    }
    if (facts.server) steps.push(`FREB shows the request was routed to ${facts.server}: check that server's IIS log for the same request and how long it really took.`);
    steps.push(
      'Find out which WinHTTP timeout fired (resolve, connect, send or receive) with a WinHTTP trace on the ARR server: "netsh trace start scenario=internetclient capture=yes tracefile=C:\\temp\\arr.etl", reproduce, "netsh trace stop".',
      `Look at the backend for the slow request${facts.url ? ` (${facts.url})` : ''}: if it legitimately runs longer than the timeout, move the work off the request (202 + polling, background jobs); otherwise find where it spends the time.`,
    );
    return steps;
  },
  fix({ facts }) {
    return {
      summary: `Make the backend answer within ARR's timeout; if it must take longer, raise the ${facts.timeout === 'proxy' ? 'server proxy timeout' : facts.timeout === 'farm' ? 'web farm protocol timeout' : 'ARR timeout that applies (web farm protocol timeout or server proxy timeout)'} to a bit more than the slowest legitimate request.`,
      language: 'powershell',
      snippet: [
        '$appcmd = "$env:windir\\system32\\inetsrv\\appcmd.exe"',
        "# Web farm (Server Farms in IIS Manager): protocol timeout, default 00:00:30. Replace MyFarm with your farm's name.",
        "& $appcmd set config -section:webFarms \"/[name='MyFarm'].applicationRequestRouting.protocol.timeout:00:02:00\" /commit:apphost",
        '# Server-wide proxy used by URL Rewrite reverse-proxy rules: timeout, default 00:02:00',
        '& $appcmd set config -section:system.webServer/proxy /timeout:00:05:00 /commit:apphost',
      ].join('\n'),
    };
  },
  wants: ['freb', 'headers', 'iis-log'],
  references: [
    'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr',
    'https://learn.microsoft.com/iis/extensions/configuring-application-request-routing-arr/define-and-configure-an-application-request-routing-server-farm',
  ],
});
