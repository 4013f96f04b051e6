/**
 * 502.3 with ERROR_WINHTTP_INVALID_SERVER_RESPONSE or a header-size overflow: ANCM reached Kestrel
 * and got bytes back, but not a response it could forward: malformed or cut short, or with
 * headers larger than WinHTTP accepts (typically large cookies).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals } from './query';
import { failureRefs, gatewayFailure, windowText, win32Label } from './support/gateway-failures';

const INVALID_RESPONSE = 12152;
const HEADER_OVERFLOW = [12182, 12183];

interface InvalidBackendResponseFacts {
  /** 12152 (invalid response) or 12182/12183 (header size overflow), whichever was seen most. */
  win32: number;
  /** The code is a header size overflow. */
  overflow: boolean;
  count: number;
  /** The IIS log's time window, or '' without a log. */
  window: string;
  /** The app output shows an exception during a request. */
  aborted: boolean;
}

export default defineCause<InvalidBackendResponseFacts>({
  id: 'invalid-backend-response',
  title: 'The app sent ANCM a malformed or oversized response',
  family: 'crash-mid-request',
  layer: 'ancm',
  clues: {
    // ERROR_WINHTTP_HEADER_SIZE_OVERFLOW: the backend's response headers were too large to read.
    'win32.12182': 'strong',
    'win32.12152': 'proves',
    'http.response-ended': 'supports',
    'nginx.invalid-header': 'supports',
  },
  description:
    'ANCM received something from Kestrel that WinHTTP could not read as an HTTP response: an empty or cut-off answer (the app failed after it started writing), or response headers bigger than WinHTTP allows (large Set-Cookie values).',
  match(evidence) {
    const failure = gatewayFailure(evidence, [INVALID_RESPONSE, ...HEADER_OVERFLOW]);
    if (!failure) return undefined;
    const base = failure.exact ? CONFIDENCE.likely : failure.paired ? CONFIDENCE.likely - 0.05 : CONFIDENCE.possible;
    const overflow = HEADER_OVERFLOW.includes(failure.win32);
    // An exception after the response started is the usual way an app writes a broken response.
    const aborted = [...signals(evidence, 'kestrel-request-aborted'), ...signals(evidence, 'kestrel-app-error')];
    const boosts: number[] = [];
    if (!overflow && failure.paired && aborted.length > 0) boosts.push(CONFIDENCE.strong - base);
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...failureRefs(failure), ...aborted.map((s) => s.ref)]),
      facts: {
        win32: failure.win32,
        overflow,
        count: failure.logCount || failure.rows.length || failure.codes.length,
        window: windowText(evidence),
        aborted: aborted.length > 0,
      },
    };
  },
  steps({ facts }) {
    const { win32, count } = facts;
    // Without facts, name both codes this cause covers and what tells them apart.
    const steps = [
      win32 !== undefined && count !== undefined
        ? `${count} request${count === 1 ? '' : 's'} failed with Win32 ${win32Label(win32)}${facts.window ? ` ${facts.window}` : ''}: Kestrel answered, but not with a response WinHTTP could forward.`
        : `Requests failed with Win32 ${win32Label(INVALID_RESPONSE)} or a header size overflow (${HEADER_OVERFLOW.join(', ')}): Kestrel answered, but not with a response WinHTTP could forward. The IIS log's sc-win32-status says which: ${INVALID_RESPONSE} is a malformed or cut-off response, ${HEADER_OVERFLOW.join(' or ')} response headers too large (usually big Set-Cookie values).`,
    ];
    if (facts.overflow) {
      steps.push(
        'The response headers were too large for WinHTTP. Capture the response from the server itself (curl -sv http://localhost:<port>/path with the same cookies, or the browser dev tools) and add up the Set-Cookie and custom header sizes.',
      );
      steps.push('Chunked authentication cookies (.AspNetCore.CookiesC1, C2..., OpenID Connect nonce and correlation cookies piling up) are the usual culprit; count the Set-Cookie headers of one response.');
    } else {
      steps.push(
        'Find out what the app wrote: enable stdout logging (or your app logs) and look for an exception thrown after the response had started ("The response has been aborted due to an unhandled application exception", "Response Content-Length mismatch").',
        'Reproduce against Kestrel directly, bypassing IIS (curl -sv http://localhost:<port>/path on the server): look for an empty reply, a Content-Length that does not match the body, or a non-HTTP answer.',
        'Middleware that writes to the response stream directly (compression, custom streaming, raw sockets) and Transfer-Encoding/Content-Length set by hand are frequent sources; so is a NuGet package that writes its own status line.',
      );
      if (facts.aborted) steps.push('The app output shows an unhandled exception during a request: fix it first, it is the most likely source of the cut-off responses.');
    }
    return steps;
  },
  fix({ facts }) {
    if (facts.overflow) {
      return {
        summary: 'Shrink the response headers: keep authentication cookies small (store claims server-side with a session store, ITicketStore), drop oversized custom headers.',
        language: 'csharp',
        snippet: [
          '// Keep the auth cookie small: store the ticket server-side, the cookie only carries a key',
          'builder.Services.AddSingleton<ITicketStore, DistributedCacheTicketStore>(); // your ITicketStore implementation',
          'builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)',
          '    .Configure<ITicketStore>((options, store) => options.SessionStore = store);',
        ].join('\n'),
      };
    }
    return {
      summary: 'Make the app always finish a well-formed response: catch exceptions before the response starts (UseExceptionHandler first in the pipeline), never set Content-Length by hand, and let Kestrel frame the body.',
      language: 'csharp',
      snippet: [
        'var app = builder.Build();',
        '// First in the pipeline, so exceptions become a clean 500 instead of a cut-off response',
        'app.UseExceptionHandler("/error");',
        '// ...',
        '// Write bodies through the framework; do not set Content-Length or Transfer-Encoding yourself',
        'app.MapGet("/report", async (HttpContext ctx) => await ctx.Response.WriteAsync(await BuildReportAsync()));',
      ].join('\n'),
    };
  },
  wants: ['stdout-log', 'headers', 'freb', 'iis-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    'https://learn.microsoft.com/windows/win32/winhttp/error-messages',
    'https://github.com/aspnet/IISIntegration/issues/903',
  ],
});

