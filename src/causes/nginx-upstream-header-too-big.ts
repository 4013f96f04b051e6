/**
 * nginx rejected the upstream's response headers and answered 502: `upstream sent too big header`
 * (the headers did not fit proxy_buffer_size, one memory page (4k or 8k) by default; ASP.NET Core
 * authentication cookies are the usual reason) or `upstream sent invalid header` / `no valid
 * HTTP/1.0 header` (not HTTP/1.x at all: often nginx talking plain HTTP to an HTTPS or
 * HTTP/2-only Kestrel endpoint).
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signalsWhere } from './query';
import { plural, upstreamOrigin } from './support/gateway-evidence';

interface NginxUpstreamHeaderTooBigFacts {
  /** What nginx's error log reports most: headers too big for proxy_buffer_size, or invalid. */
  kind: 'too-big' | 'invalid';
  /** Error-log lines that report it. */
  count: number;
  /** An invalid-header line says "no valid HTTP/1.0 header": not HTTP/1.x at all. */
  noValidHeader: boolean;
  upstream?: string;
}

export default defineCause<NginxUpstreamHeaderTooBigFacts>({
  id: 'nginx-upstream-header-too-big',
  title: "Upstream response headers did not fit nginx's proxy buffer or were invalid",
  family: 'proxy-origin',
  layer: 'reverse-proxy',
  clues: {
    'nginx.header-too-big': 'proves',
    'http.response-headers-too-big': 'strong',
  },
  description:
    'The application answered, but nginx could not accept its response headers: they were larger than proxy_buffer_size or were not valid HTTP/1.x, so nginx returned 502.',
  match(evidence) {
    const tooBig = signalsWhere(evidence, 'nginx-upstream', (d) => d.condition === 'header-too-big');
    const invalid = signalsWhere(evidence, 'nginx-upstream', (d) => d.condition === 'invalid-header');
    if (tooBig.length === 0 && invalid.length === 0) return undefined;
    const kind = tooBig.length >= invalid.length ? 'too-big' : 'invalid';
    // "no valid HTTP/1.0 header" usually means a protocol mismatch rather than a bad header value.
    const noValidHeader = invalid.some((s) => s.ref.text.includes('no valid HTTP/1.0 header'));
    const upstream = [...tooBig, ...invalid].find((s) => s.data.upstream !== undefined)?.data.upstream;
    return {
      confidence: kind === 'too-big' ? boosted(CONFIDENCE.strong, 0.05) : boosted(CONFIDENCE.likely + 0.1, noValidHeader ? 0.05 : 0),
      evidence: refsOf([...tooBig, ...invalid]),
      facts: { kind, count: tooBig.length + invalid.length, noValidHeader, upstream: upstreamOrigin(upstream) },
    };
  },
  steps({ facts }) {
    const upstream = facts.upstream ?? 'the upstream';
    const count = facts.count ?? 1;
    if (facts.kind === 'too-big') {
      return [
        `nginx read the response headers from ${upstream} into proxy_buffer_size (one memory page, 4k or 8k, by default) and they did not fit (${plural(count, 'line')}). The request itself worked; only the headers were too large.`,
        'Measure the headers of a failing response straight from the app: `curl -s -D - -o /dev/null http://127.0.0.1:<port>/<path> -H "Cookie: <the failing user\'s cookies>" | wc -c`. Large Set-Cookie headers are the usual reason: ASP.NET Core chunks a big authentication cookie into .AspNetCore.Cookies + C1, C2... (OpenID Connect with SaveTokens = true, many role/permission claims).',
        'It usually hits only some users (those with many claims or groups) and often right after login: the login callback sets the big cookie.',
      ];
    }
    if (facts.noValidHeader === true) {
      return [
        `"upstream sent no valid HTTP/1.0 header" means what came back from ${upstream} was not HTTP/1.x at all. Most often nginx talks plain HTTP to a port where Kestrel expects TLS (https:// in Kestrel's URLs) or only HTTP/2 (Protocols = Http2), or the port belongs to another service.`,
        'Compare proxy_pass with the app\'s "Now listening on:" lines: the scheme must match (`proxy_pass https://...` for an HTTPS endpoint) and the endpoint must allow HTTP/1.1 (Protocols Http1 or Http1AndHttp2).',
      ];
    }
    return [
      `nginx rejected a header line from ${upstream} as invalid (${plural(count, 'line')}). The app wrote a header name or value nginx does not accept: control characters, a line break inside a value, or a name with spaces or underscores.`,
      'Request the URL from the app directly and read the raw headers: `curl -s -D - -o /dev/null http://127.0.0.1:<port>/<path>`. Look for the header the error.log quotes, and for values copied from user input or exception messages.',
    ];
  },
  fix({ facts }) {
    if (facts.kind === 'too-big') {
      return {
        summary:
          'Give nginx buffers large enough for the real response headers and, better, keep them small: store the authentication ticket server-side (cookie SessionStore) or drop claims/tokens you do not need from the cookie.',
        language: 'nginx',
        snippet: ['location / {', '    proxy_pass              http://127.0.0.1:5000;', '    proxy_buffer_size       16k;   # must hold all response headers', '    proxy_buffers           8 16k;', '    proxy_busy_buffers_size 32k;', '}'].join('\n'),
      };
    }
    if (facts.noValidHeader === true) {
      return {
        summary: 'Make proxy_pass speak the protocol the Kestrel endpoint expects: plain HTTP/1.1 to an http:// endpoint (the usual setup behind nginx), or https:// to a TLS endpoint.',
        language: 'nginx',
        snippet: ['location / {', '    proxy_pass         http://127.0.0.1:5000;   # Kestrel: ASPNETCORE_URLS=http://127.0.0.1:5000', '    proxy_http_version 1.1;', '}'].join('\n'),
      };
    }
    return { summary: 'Stop the app from writing invalid header names or values (no user input or exception text in headers without encoding them).' };
  },
  wants: ['proxy-log', 'headers', 'stdout-log'],
  references: [
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffer_size',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/linux-nginx',
    'https://learn.microsoft.com/aspnet/core/security/authentication/cookie',
  ],
});
