/**
 * Cloudflare reached the origin but got back something it could not pass on: 520 (an empty,
 * unknown or malformed answer: a crash mid-response, headers over 128 KB, a firewall reset, a
 * broken HTTP/2 origin) or a 502/504. Which 502/504 matters: a Cloudflare-branded page relays the
 * origin's own 502/504 (look at IIS); an unbranded one is Cloudflare's (compression, content-length,
 * traffic rerouting). This is the seed FAQ "Cloudflare returns 502 but my origin is up".
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { hasKind, iisRows, refsOf, signals } from './query';
import { cloudflareRayId, cloudflareStatusHits, plural, where } from './support/gateway-evidence';

interface CloudflareOriginBadResponseFacts {
  /** 520, or a 502/504 whose page says who made it (branded: the origin; unbranded: Cloudflare). */
  kind: 'unknown-response' | 'origin-error' | 'cloudflare-error' | 'gateway-error';
  rayId?: string;
  /** 5xx rows in the origin's IIS log, and the first one's status ("502.3") and place. */
  origin5xx: number;
  origin5xxRef?: string;
  origin5xxStatus?: string;
  iisLogPasted: boolean;
}

export default defineCause<CloudflareOriginBadResponseFacts>({
  id: 'cloudflare-origin-bad-response',
  title: 'Origin sent Cloudflare an empty, malformed or error response',
  family: 'proxy-origin',
  layer: 'cdn',
  clues: {
    'cloudflare.origin-bad-response': 'proves',
    'status.520': 'proves',
    'cloudflare.origin-502': 'strong',
  },
  description:
    'Cloudflare connected to the origin, but the answer was empty, malformed, too large in its headers, or itself a 502/504, so Cloudflare returned 520, 502 or 504.',
  match(evidence) {
    const unknown = cloudflareStatusHits(evidence, [520]);
    const gateway = cloudflareStatusHits(evidence, [502, 504], true);
    if (!unknown && !gateway) return undefined;
    const gatewaySignals = signals(evidence, 'cloudflare').filter((s) => s.data.status === 502 || s.data.status === 504);
    const branded = gatewaySignals.some((s) => s.data.branded === true);
    const unbranded = !branded && gatewaySignals.some((s) => s.data.branded === false);
    const origin5xx = iisRows(evidence, { status: [500, 502, 503, 504] });
    let confidence: number;
    let kind: 'unknown-response' | 'origin-error' | 'cloudflare-error' | 'gateway-error';
    if (unknown) {
      kind = 'unknown-response';
      confidence = boosted(unknown.identified ? CONFIDENCE.likely + 0.12 : CONFIDENCE.likely - 0.1, unknown.count > 1 ? 0.03 : 0);
    } else if (branded) {
      // The origin itself said 502/504; the origin-side cause explains it better than this one.
      kind = 'origin-error';
      confidence = CONFIDENCE.possible;
    } else if (unbranded) {
      kind = 'cloudflare-error';
      confidence = CONFIDENCE.likely - 0.05;
    } else {
      kind = 'gateway-error';
      confidence = CONFIDENCE.possible;
    }
    const refs = refsOf([...(unknown?.refs ?? []), ...(gateway?.refs ?? []), ...origin5xx.slice(0, 2).map((r) => r.ref)]);
    return {
      confidence,
      evidence: refs,
      facts: {
        kind,
        rayId: cloudflareRayId(evidence),
        origin5xx: origin5xx.length,
        origin5xxRef: origin5xx[0] ? where(origin5xx[0].ref) : undefined,
        origin5xxStatus: origin5xx[0] ? `${origin5xx[0].status}${origin5xx[0].substatus !== undefined ? `.${origin5xx[0].substatus}` : ''}` : undefined,
        iisLogPasted: hasKind(evidence, 'iis-log'),
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const kind = facts.kind;
    if (kind === 'unknown-response') {
      steps.push(
        'Error 520 means Cloudflare connected and sent the request, but the answer was empty, had no valid status line, or was reset: the origin process died mid-response, a firewall or security module reset the connection, the response headers exceeded 128 KB, or the origin announced HTTP/2 and then did not speak it.',
      );
      steps.push(
        'Check the origin around the failing minute: the Application and System event logs (.NET Runtime 1026, Application Error 1000, WAS 5009 for a worker that died) and the IIS log rows with sc-win32-status 64 or 10054 (connection dropped or reset).',
      );
      steps.push(
        'Measure the response headers of the failing URL straight from the origin: `curl -s -D headers.txt -o /dev/null --resolve example.com:443:<origin-ip> https://example.com/<path>`, then check the size of headers.txt and look for very large Set-Cookie headers (authentication cookies that grew with claims, chunked .AspNetCore.Cookies.C1, C2...).',
      );
      steps.push(
        'If the origin enables HTTP/2 over TLS, test with Cloudflare\'s "HTTP/2 to Origin" turned off (Speed > Optimization > Protocol Optimization): if the 520s stop, the origin\'s HTTP/2 is at fault.',
      );
    } else if (kind === 'origin-error') {
      steps.push(
        'The page is Cloudflare-branded, which means the origin itself answered 502/504 and Cloudflare passed it on: the failure is in IIS/ANCM or the app, not between Cloudflare and the origin.',
      );
    } else if (kind === 'cloudflare-error') {
      steps.push(
        'The 502/504 page does not mention Cloudflare, which means Cloudflare generated it: most often the origin sent gzip content with a wrong Content-Length or a broken compressed body, or a Cloudflare data center was rerouting traffic for a few seconds.',
      );
      steps.push('Turn off dynamic compression at the origin for a test (IIS: `Set-WebConfigurationProperty -PSPath IIS:\\ -Filter system.webServer/urlCompression -Name doDynamicCompression -Value false`). If the errors stop, fix the compression or the Content-Length the app writes.');
    } else {
      steps.push(
        'Cloudflare answered 502/504 for this request. Look at the page (not only the headers): a Cloudflare-branded page means the origin itself returned 502/504; an unbranded page means Cloudflare could not use the origin\'s answer.',
      );
    }
    const { origin5xxRef, origin5xxStatus } = facts;
    if (origin5xxRef !== undefined && origin5xxStatus !== undefined) {
      steps.push(
        `The origin's IIS log has ${plural(facts.origin5xx ?? 1, '5xx row')} (first: ${origin5xxStatus} at ${origin5xxRef}): the origin did answer with an error, so follow the cause that explains that status (for 502.3/502.5, the ANCM and app causes listed with this one).`,
      );
    } else if (facts.iisLogPasted === true) {
      steps.push('The pasted IIS log shows no 5xx row: if the failing request is absent entirely, compare the log\'s window (UTC) with the failure time; if it is there with 200, the response was broken in transit (size, compression, reset).');
    } else if (kind !== 'unknown-response') {
      steps.push('Find the request in the origin\'s IIS log (%SystemDrive%\\inetpub\\logs\\LogFiles\\W3SVC<siteId>) by UTC time: a 502.3 or 502.5 row there means the origin produced the error (ANCM could not get an answer from the app); no row means the request did not reach IIS.');
    }
    steps.push(
      'Cloudflare\'s "origin is up but I still get 502" checklist: response headers too large, malformed headers or status line, a response body the edge cannot process, and an origin certificate that Full (strict) rejects (that one shows as 526). Test the URL directly against the origin (curl --resolve) to compare.',
    );
    if (facts.rayId !== undefined) steps.push(`Quote Ray ID ${facts.rayId} with the UTC time and https://<your-domain>/cdn-cgi/trace if you open a Cloudflare support case.`);
    return steps;
  },
  fix({ facts }) {
    if (facts.kind === 'origin-error') {
      return { summary: 'Fix the origin\'s own 502/504 (see the IIS/ANCM cause that matches the origin\'s logs); Cloudflare only relayed it.' };
    }
    if (facts.kind === 'cloudflare-error') {
      return { summary: 'Make the origin\'s responses valid for a proxy: correct Content-Length with compression (or let IIS compress instead of the app), no broken gzip bodies. If it was a short burst during Cloudflare traffic rerouting, retries recover it.' };
    }
    return {
      summary:
        'Make the origin return a complete, valid HTTP response: stop the crash or reset that cuts it (see the origin\'s event log), keep response headers small (store claims server-side instead of in cookies), and disable HTTP/2 to Origin if the origin mishandles it.',
      language: 'csharp',
      snippet: [
        '// Keep the auth cookie small: hold the ticket server-side, send only a key.',
        'builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)',
        '    .AddCookie(options => options.SessionStore = new MemoryCacheTicketStore()); // your ITicketStore (use a distributed cache across servers)',
      ].join('\n'),
    };
  },
  wants: ['iis-log', 'error-page', 'event-log', 'headers'],
  references: [
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-520/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-502-504/',
    'https://learn.microsoft.com/aspnet/core/security/authentication/cookie',
  ],
});
