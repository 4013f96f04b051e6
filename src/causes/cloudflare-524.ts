/**
 * Cloudflare 524: the TCP connection to the origin worked, but no HTTP response came back within
 * Cloudflare's Proxy Read Timeout (120 s today; 100 s in older docs and community answers).
 * The origin is up but too slow, so the fix is on the origin (or an Enterprise timeout raise).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { hasKind } from './query';
import { cloudflareRayId, cloudflareStatusHits, slowestIisRequest, where } from './support/gateway-evidence';

/** Cloudflare's default Proxy Read Timeout in current docs. */
const READ_TIMEOUT_S = 120;
/** The value older docs and many answers still quote; origin requests past it corroborate too. */
const OLD_READ_TIMEOUT_S = 100;

interface Cloudflare524Facts {
  rayId?: string;
  /** The longest request in the pasted IIS log, in seconds. */
  originSeconds?: number;
  /** Where that request is ("u_ex.log line 4"), when it ran past Cloudflare's timeout. */
  originSlowRef?: string;
  iisLogPasted: boolean;
}

export default defineCause<Cloudflare524Facts>({
  id: 'cloudflare-524',
  title: "Origin did not answer within Cloudflare's 120 s proxy read timeout",
  family: 'request-timeout',
  layer: 'cdn',
  clues: {
    // 524 is Cloudflare's own code: only its 100 s origin timeout produces it.
    'cloudflare.origin-timeout': 'proves',
    'status.524': 'proves',
    'duration.near-100s': 'supports',
  },
  description:
    'Cloudflare reached the origin and sent the request, but the origin did not return a response before the Proxy Read Timeout, so Cloudflare answered 524 on its behalf.',
  match(evidence) {
    const hits = cloudflareStatusHits(evidence, [524]);
    if (!hits) return undefined;
    const slow = slowestIisRequest(evidence);
    const slowEnough = slow !== undefined && slow.seconds >= OLD_READ_TIMEOUT_S;
    // A Cloudflare page or header with 524 admits one reading; a 524 in prose is nearly as specific.
    const base = hits.identified ? CONFIDENCE.strong : CONFIDENCE.likely - 0.05;
    const refs = slowEnough && slow.ref ? [...hits.refs, slow.ref] : hits.refs;
    return {
      confidence: boosted(base, slowEnough ? 0.12 : 0, hits.count > 1 ? 0.03 : 0),
      evidence: refs,
      facts: {
        rayId: cloudflareRayId(evidence),
        originSeconds: slow === undefined ? undefined : Math.round(slow.seconds),
        originSlowRef: slowEnough && slow.ref ? where(slow.ref) : undefined,
        iisLogPasted: hasKind(evidence, 'iis-log'),
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    steps.push(
      `Cloudflare connected to the origin and then waited ${READ_TIMEOUT_S} s (the default Proxy Read Timeout; older docs say ${OLD_READ_TIMEOUT_S} s) without receiving a response, so it sent error 524 itself. The origin was reachable: look for a slow request, not a down server.`,
    );
    const originSeconds = facts.originSeconds;
    if (originSeconds !== undefined && originSeconds >= OLD_READ_TIMEOUT_S) {
      steps.push(
        `The pasted IIS log has a request that ran ${originSeconds} s${facts.originSlowRef !== undefined ? ` (${facts.originSlowRef})` : ''}: longer than Cloudflare waits. IIS finished it, so the work completed while the visitor already had a 524. Profile that URL first.`,
      );
    } else if (facts.iisLogPasted === true) {
      steps.push(
        `The pasted IIS log has no request of ${OLD_READ_TIMEOUT_S} s or more. Make sure it is the origin's log for the failing window (IIS writes UTC times) and that time-taken is logged; a 524 request shows up there with a long time-taken, usually with status 200.`,
      );
    } else {
      steps.push(
        `On the origin, open %SystemDrive%\\inetpub\\logs\\LogFiles\\W3SVC<siteId>\\u_exYYMMDD.log for the failing minute (UTC) and look for the URL with time-taken of ${OLD_READ_TIMEOUT_S * 1000} ms or more.`,
      );
    }
    const ray = facts.rayId;
    steps.push(
      `Cloudflare sends each request's Ray ID to the origin in the CF-RAY request header${ray ? ` (this one: ${ray})` : ''}. Add it to IIS logging (site > Logging > Select Fields > Add Field, source type Request Header, source CF-RAY) so the next 524 maps to exactly one origin row.`,
    );
    steps.push(
      'Time the endpoint without Cloudflare, from a machine that can reach the origin: `curl -s -o /dev/null -w "%{time_starttransfer}\\n" --resolve example.com:443:<origin-ip> https://example.com/<path>`. A first byte after 120 s reproduces the 524.',
    );
    steps.push(
      "If the app runs out-of-process behind IIS, ANCM's requestTimeout (00:02:00 by default) is about the same length: whichever gives up first decides whether the visitor sees Cloudflare's 524 or a 502.3 from the origin. Both point at the same slow request.",
    );
    return steps;
  },
  fix() {
    return {
      summary:
        "Make the origin answer within 120 s. Move long work off the request: accept it, return 202 Accepted with a status URL, do the work in a background service and let the client poll. Serve genuinely long exports from a DNS-only (grey-clouded) hostname. Enterprise plans can raise the Proxy Read Timeout (up to 6000 s) with a Cache Rule or the zone's proxy_read_timeout setting; other plans cannot change it.",
      language: 'csharp',
      snippet: [
        '// Accept the job, answer at once, let the client poll: no request waits for the work.',
        'app.MapPost("/reports", async (ReportRequest request, Channel<ReportJob> queue) =>',
        '{',
        '    var job = new ReportJob(Guid.NewGuid(), request);',
        '    await queue.Writer.WriteAsync(job);            // drained by a BackgroundService',
        '    return Results.Accepted($"/reports/{job.Id}", new { job.Id });',
        '});',
        'app.MapGet("/reports/{id:guid}", (Guid id, ReportStore store) =>',
        '    store.TryGet(id, out var report) ? Results.Ok(report) : Results.Accepted($"/reports/{id}"));',
      ].join('\n'),
    };
  },
  wants: ['iis-log', 'error-page', 'headers'],
  references: [
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/',
    'https://developers.cloudflare.com/fundamentals/reference/connection-limits/',
    'https://learn.microsoft.com/aspnet/core/fundamentals/host/hosted-services',
  ],
});
