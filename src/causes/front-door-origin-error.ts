/**
 * Azure Front Door could not get a usable answer from the origin: it could not connect
 * (OriginConnectionError / OriginConnectionRefused), the connection dropped
 * (OriginConnectionAborted), the answer was invalid (OriginInvalidResponse, ResponseHeaderTooBig)
 * or the origin host name did not resolve (DNSFailure, DNSNameNotResolved, DNSTimeout). Front
 * Door then shows "Our services aren't available right now" with a reference string.
 * OriginTimeout and the certificate ErrorInfo values have their own causes.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { isHeaderLine, plural } from './support/gateway-evidence';

/** ErrorInfo values that blame the connection to the origin or its answer, with what each means. */
const ORIGIN_ERRORS: Record<string, string> = {
  OriginConnectionRefused: 'the origin refused the TCP connection (nothing listening on the origin port, or a firewall rejecting Front Door)',
  OriginConnectionError: 'Front Door could not establish a connection to the origin (unreachable address, blocked port, origin down)',
  OriginConnectionAborted: 'the connection to the origin was cut before a full response arrived (the app crashed or recycled mid-request, or a firewall reset it)',
  OriginInvalidResponse: 'the origin answered with something that is not valid HTTP, or an invalid response to a range request (Accept-Encoding together with byte ranges is a known trigger)',
  OriginError: 'the origin failed in a way Front Door could not classify further',
  OriginInvalidRequest: 'the origin rejected the request Front Door forwarded as invalid (host header, URL or headers it does not accept)',
  ResponseHeaderTooBig: 'the origin\'s response headers were larger than Front Door accepts (large Set-Cookie headers are the usual reason)',
  DNSFailure: 'Front Door could not resolve the origin host name',
  DNSNameNotResolved: 'the origin host name does not exist in DNS',
  DNSTimeout: 'resolving the origin host name timed out',
};

interface FrontDoorOriginErrorFacts {
  /** The ErrorInfo most lines give, one of ORIGIN_ERRORS (which says what it means). */
  errorInfo?: string;
  /** Requests with that ErrorInfo (or Front Door error pages when none is named). */
  count: number;
  /** The reference on Front Door's page (X-Azure-Ref). */
  trackingRef?: string;
}

export default defineCause<FrontDoorOriginErrorFacts>({
  id: 'front-door-origin-error',
  title: 'Front Door could not connect to the origin or got an invalid answer',
  family: 'proxy-origin',
  layer: 'cdn',
  clues: {
    // The report names an Azure gateway: one of its own causes, whichever the clues pick among them.
    'azure-gateway.named': 'supports',
    'frontdoor.origin-error': 'strong',
  },
  description:
    'Azure Front Door could not connect to the origin, lost the connection, could not resolve it, or received an invalid response, and answered 502/503 with its own error page.',
  match(evidence) {
    const frontDoor = signals(evidence, 'front-door');
    const named = frontDoor.filter((s) => s.data.errorInfo !== undefined && s.data.errorInfo in ORIGIN_ERRORS);
    // A Front Door error page or 502/503 without ErrorInfo: this cause is the likeliest of several.
    // A bare X-Azure-Ref header (no status) is on every Front Door response, good or bad: not evidence.
    const unnamed = frontDoor.filter(
      (s) =>
        s.data.errorInfo === undefined &&
        (s.data.status === 502 || s.data.status === 503 || (s.data.status === undefined && !isHeaderLine(evidence, s.ref))),
    );
    if (named.length === 0 && unnamed.length === 0) return undefined;
    const counts = new Map<string, number>();
    for (const s of named) counts.set(s.data.errorInfo as string, (counts.get(s.data.errorInfo as string) ?? 0) + 1);
    const errorInfo = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const ref = [...named, ...unnamed].find((s) => s.data.ref !== undefined)?.data.ref;
    return {
      confidence: named.length > 0 ? boosted(CONFIDENCE.strong, named.length >= 3 ? 0.05 : 0) : CONFIDENCE.possible + 0.05,
      evidence: refsOf([...named, ...unnamed]),
      facts: { errorInfo, count: named.length || unnamed.length, trackingRef: ref },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const info = facts.errorInfo;
    const meaning = info !== undefined ? ORIGIN_ERRORS[info] : undefined;
    if (info !== undefined && meaning !== undefined) {
      steps.push(`Front Door logged ErrorInfo ${info} (${plural(facts.count ?? 1, 'request')}): ${meaning}.`);
    } else {
      steps.push(
        'This is Front Door\'s own error page, shown when it could not get a usable answer from the origin. The ErrorInfo field of the Front Door access log says why: find the request by the reference string on the page (it equals the X-Azure-Ref header and the access log\'s TrackingReference).',
      );
    }
    if (facts.trackingRef !== undefined) steps.push(`Look up reference ${facts.trackingRef} in the access log (Log Analytics: FrontDoorAccessLog / AzureFrontDoor access log, trackingReference field).`);
    if (info === undefined || info.startsWith('OriginConnection') || info === 'OriginError') {
      steps.push(
        'Check the origin from outside: `Test-NetConnection <origin-host> -Port 443` and `curl -v https://<origin-host>/` with the origin host header Front Door sends. If the origin only allows Front Door, allow the AzureFrontDoor.Backend service tag and check the X-Azure-FDID header filter.',
      );
      steps.push('On the origin, look at the failing times: the IIS log (no row = the connection never got through), the Application/System event logs for a crashed or recycled worker (.NET Runtime 1026, WAS 5009, 5074-5080).');
    }
    if (info !== undefined && info.startsWith('DNS')) {
      steps.push('Resolve the origin host name configured in the origin group: `Resolve-DnsName <origin-host>`. A deleted App Service, a renamed VM DNS label or a private-only record gives this error.');
    }
    if (info === 'OriginInvalidResponse' || info === 'ResponseHeaderTooBig') {
      steps.push('Request the failing URL from the origin directly and inspect the status line and headers: `curl -s -D - -o /dev/null https://<origin-host>/<path>`. Look for very large Set-Cookie headers, duplicate Content-Length or invalid header characters.');
    }
    steps.push('Front Door health probes (header X-FD-HealthProbe) must get 200 from the probe path; origins that fail them are taken out, and with none left every request fails.');
    return steps;
  },
  fix({ facts }) {
    const info = facts.errorInfo ?? '';
    if (info.startsWith('DNS')) return { summary: 'Point the Front Door origin at a host name that resolves publicly to the running origin.' };
    if (info === 'OriginInvalidResponse' || info === 'ResponseHeaderTooBig') {
      return { summary: 'Make the origin return valid, compact responses: small headers (keep auth state server-side), a correct Content-Length, and no compression on range requests if Front Door compression is on.' };
    }
    return {
      summary: 'Let Front Door reach a running origin: keep the app up (fix the crash/recycle at the failing times), allow the AzureFrontDoor.Backend service tag on the origin port, and give the origin group a health probe path the app answers with 200.',
    };
  },
  wants: ['proxy-log', 'headers', 'iis-log'],
  references: [
    'https://learn.microsoft.com/azure/frontdoor/troubleshoot-issues',
    'https://learn.microsoft.com/azure/frontdoor/front-door-diagnostics',
    'https://learn.microsoft.com/azure/frontdoor/origin-security',
  ],
});
