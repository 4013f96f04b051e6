/**
 * Signatures of Cloudflare. See types.ts for what a signature is and how it is matched.
 *
 * Cloudflare's 5xx pages (kb-facts 6.1) have a title `<host> | 52x: <name>`, a heading with
 * "Error code 52x", a "What happened?" sentence of their own and a footer "Cloudflare Ray ID: … •
 * Performance & security by Cloudflare". A paste usually keeps one of these pieces, so each code
 * is recognized by its name, its sentence and its number, and every piece also says that
 * Cloudflare answered (`cloudflare.page`, value: the code when the line shows it). Codes 520-527
 * and 530 are Cloudflare's own; 502/504 pages say "The web server reported a … error" when the
 * origin returned them.
 */
import type { Signature } from './types';

const DOCS = 'cloudflare/cloudflare-docs src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors';
const KB = 'kb-facts 6.1';

/** A Cloudflare status code on the line: 502/503/504, 520-527, 530 (not inside a ray id or a number). */
const CODE = /(?<![\w.:/-])(5(?:0[234]|2[0-7]|30))(?![\w.])/;

type Example = Signature['examples'];

/**
 * Ways a code is written next to its number: "Error 524", "Error code 524", a status line, and
 * "error" in the languages threads are written in ("524 错误", "エラー 524", "Fehler 524"; CJK text
 * is spaced by normalize.ts).
 */
function numbered(code: number): string[] {
  const translated = [`${code} 错误`, `错误 ${code}`, `${code} 報錯`, `${code} エラー`, `エラー ${code}`, `erreur ${code}`, `fehler ${code}`, `${code} fehler`, `ошибка ${code}`, `ошибку ${code}`, `erro ${code}`];
  // How reports name it in passing: "524 issues", "524s", "524 Origin Time-out", "522 timeout".
  const passing = [`${code} issue`, `${code}s `, `${code}s.`, `${code}s,`, `${code} origin`, `${code} time`];
  return [`error ${code}`, `error code ${code}`, `http/1.1 ${code}`, `http/2 ${code}`, `status ${code}`, `status code ${code}`, `cloudflare ${code}`, `${code} error`, ...passing, ...translated];
}

/** The code followed by another digit is another number (a port, an id): "Error code 5201". */
function longer(code: number): string[] {
  return Array.from({ length: 10 }, (_, d) => `${code}${d}`);
}

/** The same text as evidence of the specific clue and of a Cloudflare page. */
function withPage(clue: string, s: Omit<Signature, 'clue' | 'value'>): Signature[] {
  return [
    { ...s, clue, value: CODE },
    { ...s, clue: 'cloudflare.page', value: CODE, examples: { match: s.examples.match } },
  ];
}

const RAY_FOOTER = 'Cloudflare Ray ID: 8e1f2a3b4c5d6e7f • Your IP: Click to reveal • Performance & security by Cloudflare';
const BLOCKED_403 = 'Sorry, you have been blocked You are unable to access shop.example.com Cloudflare Ray ID: 8e1f2a3b4c5d6e7f';
const ACCESS_DENIED = 'Error 1020 Access denied: shop.example.com used Cloudflare to restrict access';
const RAY_WITH_DIGITS = 'Cloudflare Ray ID: 8e1f2a524c5d6e7f • Performance & security by Cloudflare';
const NO_MATCH: Example['noMatch'] = [BLOCKED_403, ACCESS_DENIED, RAY_WITH_DIGITS];

export const SIGNATURES: readonly Signature[] = [
  // The page or the headers say Cloudflare answered
  {
    clue: 'cloudflare.page',
    all: ['cloudflare ray id'],
    value: CODE,
    source: `${KB} (page footer "Cloudflare Ray ID: … • Performance & security by Cloudflare")`,
    examples: { match: [RAY_FOOTER, 'Cloudflare Ray ID: 8e1f2a3b4c5d6e7f'], noMatch: ['Ray ID: 8e1f2a3b4c5d6e7f'] },
  },
  {
    clue: 'cloudflare.page',
    all: ['security by cloudflare'],
    value: CODE,
    source: `${KB} (page footer)`,
    examples: { match: ['Performance & security by Cloudflare'] },
  },
  {
    clue: 'cloudflare.page',
    all: ['cf-ray'],
    value: CODE,
    source: 'developers.cloudflare.com fundamentals/reference/http-headers (CF-Ray), kb-facts 6.1',
    examples: { match: ['cf-ray: 8e1f2a3b4c5d6e7f-FRA', 'CF-RAY: 8e1f2a3b4c5d6e7f-AMS'], noMatch: ['x-request-id: 8e1f2a3b4c5d6e7f'] },
  },
  {
    clue: 'cloudflare.page',
    all: ['server: cloudflare'],
    value: CODE,
    source: 'developers.cloudflare.com fundamentals/reference/http-headers (Server: cloudflare), kb-facts 6.1',
    examples: { match: ['server: cloudflare', 'Server: cloudflare'], noMatch: ['server: nginx/1.24.0'] },
  },
  {
    clue: 'cloudflare.page',
    all: ['cf-error-details'],
    value: CODE,
    source: `${KB} (error page markup <div id="cf-error-details">)`,
    examples: { match: ['<div id="cf-error-details" class="cf-error-details-wrapper">'] },
  },
  {
    clue: 'cloudflare.page',
    all: ['/cdn-cgi/'],
    value: CODE,
    source: `${KB} (error pages load /cdn-cgi/styles/…; diagnostic URL /cdn-cgi/trace)`,
    examples: { match: ['<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/cf.errors.css" />', 'curl https://shop.example.com/cdn-cgi/trace'] },
  },
  {
    clue: 'cloudflare.page',
    all: ['cloudflare'],
    any: [' 520', ' 521', ' 522', ' 523', ' 524', ' 525', ' 526', ' 527', ' 530', ' 502', ' 504'],
    value: CODE,
    source: KB,
    examples: { match: ['Cloudflare returns 522 for every request since the migration', 'the site behind cloudflare answers 502 Bad Gateway'], noMatch: ['we moved DNS to cloudflare yesterday'] },
  },
  {
    // The unbranded page Cloudflare draws itself (kb-facts 6.1): a bare heading signed "cloudflare"
    clue: 'cloudflare.page',
    all: ['<center>cloudflare'],
    value: CODE,
    source: `${KB} (unbranded 502/504 page signed "cloudflare")`,
    examples: { match: ['<hr><center>cloudflare</center>'] },
  },

  // 520: the origin answered with something empty or unreadable
  ...withPage('cloudflare.origin-bad-response', {
    all: ['returning an unknown error'],
    source: `${DOCS}/error-520.mdx ("Web server is returning an unknown error")`,
    examples: { match: ['shop.example.com | 520: Web server is returning an unknown error', 'Web server is returning an unknown error Error code 520'] },
  }),
  ...withPage('cloudflare.origin-bad-response', {
    all: ['an unknown error'],
    any: ['520:', 'error 520', 'error code 520', ' 520 '],
    source: `${DOCS}/error-520.mdx ("Error 520: web server returns an unknown error")`,
    examples: { match: ['Error 520: web server returns an unknown error'], noMatch: ['An unknown error occurred while processing order 5201'] },
  }),
  ...withPage('cloudflare.origin-bad-response', {
    all: ['unknown connection issue between cloudflare'],
    source: `${KB} (520 page: "There is an unknown connection issue between Cloudflare and the origin web server")`,
    examples: { match: ['What happened? There is an unknown connection issue between Cloudflare and the origin web server. As a result, the web page can not be displayed.'] },
  }),
  ...withPage('cloudflare.origin-bad-response', {
    all: ['520'],
    any: numbered(520),
    none: longer(520),
    source: `${DOCS}/error-520.mdx`,
    examples: { match: ['Error code 520', 'HTTP/2 520', 'we get Cloudflare 520 errors on POST /api/orders'], noMatch: ['Error code 5201', 'listening on port 5200'] },
  }),
  ...withPage('cloudflare.origin-bad-response', {
    // The branded 502 page: the origin itself answered 502
    all: ['reported a bad gateway error'],
    source: `${DOCS}/error-502-504.mdx; ${KB} (branded page: "The web server reported a bad gateway error.")`,
    examples: { match: ['Bad gateway Error code 502 Visit cloudflare.com for more information. The web server reported a bad gateway error.', 'The web server reported a bad gateway error.'] },
  }),

  // 521: the origin refused the connection
  ...withPage('cloudflare.origin-down', {
    all: ['web server is down'],
    any: ['521', 'cloudflare'],
    source: `${DOCS}/error-521.mdx ("Web server is down")`,
    examples: { match: ['shop.example.com | 521: Web server is down', 'Web server is down Error code 521'], noMatch: ['our web server is down for maintenance tonight'] },
  }),
  ...withPage('cloudflare.origin-down', {
    all: ['web server is not returning a connection'],
    source: `${KB} (521 page: "The web server is not returning a connection. As a result, the web page is not displaying.")`,
    examples: { match: ['The web server is not returning a connection. As a result, the web page is not displaying.'] },
  }),
  ...withPage('cloudflare.origin-down', {
    all: ['521'],
    any: numbered(521),
    none: longer(521),
    source: `${DOCS}/error-521.mdx`,
    examples: { match: ['Error 521', 'curl -I shows HTTP/2 521'], noMatch: NO_MATCH },
  }),
  // 522: no TCP connection to the origin in time
  ...withPage('cloudflare.origin-down', {
    all: ['initial connection between cloudflare'],
    source: `${KB} (522 page: "The initial connection between Cloudflare's network and the origin web server timed out.")`,
    examples: { match: ["The initial connection between Cloudflare's network and the origin web server timed out. As a result, the web page can not be displayed."] },
  }),
  ...withPage('cloudflare.origin-down', {
    all: ['522'],
    any: [...numbered(522), '522: connection timed out'],
    none: longer(522),
    source: `${DOCS}/error-522.mdx ("Connection timed out")`,
    examples: { match: ['shop.example.com | 522: Connection timed out', 'Connection timed out Error code 522', 'An Error 522 means that the request was able to connect to your web server, but that the request didn\'t finish.'], noMatch: ['upstream timed out (110: Connection timed out) while connecting to upstream, upstream: "http://10.0.0.5:5220/"'] },
  }),
  // 523: no route to the origin
  ...withPage('cloudflare.origin-down', {
    all: ['origin is unreachable'],
    any: ['523', 'cloudflare'],
    source: `${DOCS}/error-523.mdx ("Origin is unreachable")`,
    examples: { match: ['shop.example.com | 523: Origin is unreachable', 'Origin is unreachable Error code 523'], noMatch: ['the origin is unreachable from the build agent'] },
  }),
  ...withPage('cloudflare.origin-down', {
    all: ['origin web server is not reachable'],
    source: `${KB} (523 page: "The origin web server is not reachable.")`,
    examples: { match: ['What happened? The origin web server is not reachable.'] },
  }),
  ...withPage('cloudflare.origin-down', {
    all: ['523'],
    any: numbered(523),
    none: longer(523),
    source: `${DOCS}/error-523.mdx`,
    examples: { match: ['Error 523', 'A 523 error means that Cloudflare could not reach your host web server. Error code 523'], noMatch: NO_MATCH },
  }),
  // 530 with 1016 / 1033: the origin name or the tunnel to it is gone
  ...withPage('cloudflare.origin-down', {
    all: ['origin dns error'],
    source: `${DOCS}/error-530.mdx (530 with error 1016 "Origin DNS error")`,
    examples: { match: ['Error 1016 Origin DNS error', 'shop.example.com | 530: Origin DNS error'] },
  }),
  ...withPage('cloudflare.origin-down', {
    all: ['tunnel error'],
    any: ['1033', 'cloudflare tunnel', 'argo tunnel'],
    source: `${DOCS}/error-530.mdx (530 with error 1033 "Cloudflare Tunnel error", formerly "Argo Tunnel error")`,
    examples: { match: ['Error 1033 Ray ID: 8e1f2a3b4c5d6e7f Cloudflare Tunnel error', 'Argo Tunnel error'], noMatch: ['ssh tunnel error: connection closed'] },
  }),
  {
    // cloudflared (the tunnel connector) could not reach the origin service behind it
    clue: 'cloudflare.origin-down',
    all: ['unable to reach the origin service'],
    value: /(dial tcp [^\s:]{1,100}:\d{1,5}: [a-z: ]{3,60})/i,
    source: 'cloudflare/cloudflared connection/ (origin service errors logged by cloudflared)',
    examples: { match: ['2026-11-20T10:15:02Z ERR  error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 127.0.0.1:5000: connect: connection refused" cfRay=8e1f2a3b4c5d6e7f-FRA originService=http://localhost:5000'] },
  },

  // 524: connected, but no HTTP answer before the proxy read timeout (100-120 s)
  ...withPage('cloudflare.origin-timeout', {
    all: ['a timeout occurred'],
    any: ['524', 'cloudflare'],
    source: `${DOCS}/error-524.mdx ("A timeout occurred")`,
    examples: { match: ['shop.example.com | 524: A timeout occurred', 'A timeout occurred Error code 524'], noMatch: ['A timeout occurred while waiting for the database'] },
  }),
  ...withPage('cloudflare.origin-timeout', {
    all: ['web server timed out responding'],
    source: `${KB} (524 page: "The origin web server timed out responding to this request.")`,
    examples: { match: ['What happened? The origin web server timed out responding to this request.'] },
  }),
  ...withPage('cloudflare.origin-timeout', {
    all: ['did not receive a timely http response'],
    source: `${DOCS}/error-524.mdx (newer page: "Cloudflare was able to complete a TCP connection to the origin server, but did not receive a timely HTTP response.")`,
    examples: { match: ['Cloudflare was able to complete a TCP connection to the origin server, but did not receive a timely HTTP response.'] },
  }),
  ...withPage('cloudflare.origin-timeout', {
    all: ['524'],
    any: numbered(524),
    none: longer(524),
    source: `${DOCS}/error-524.mdx`,
    examples: { match: ['Error 524', 'HTTP/2 524', 'the export endpoint fails with cloudflare 524 after 100 seconds', 'PR preview often fails with 524 Origin Time-out', 'you facing 524 issues in some tasks'], noMatch: NO_MATCH },
  }),

  // 525 / 526: TLS between Cloudflare and the origin
  ...withPage('cloudflare.origin-tls', {
    all: ['ssl handshake failed'],
    any: ['525', 'cloudflare'],
    source: `${DOCS}/error-525.mdx ("SSL handshake failed")`,
    examples: { match: ['shop.example.com | 525: SSL handshake failed', 'SSL handshake failed Error code 525'], noMatch: ['SSL handshake failed: unknown CA'] },
  }),
  ...withPage('cloudflare.origin-tls', {
    all: ['unable to establish an ssl connection to the origin'],
    source: `${KB} (525 page: "Cloudflare is unable to establish an SSL connection to the origin server.")`,
    examples: { match: ['Cloudflare is unable to establish an SSL connection to the origin server.'] },
  }),
  ...withPage('cloudflare.origin-tls', {
    all: ['525'],
    any: numbered(525),
    none: longer(525),
    source: `${DOCS}/error-525.mdx`,
    examples: { match: ['Error 525', 'Error code 525'], noMatch: NO_MATCH },
  }),
  ...withPage('cloudflare.origin-tls', {
    all: ['invalid ssl certificate'],
    any: ['526', 'cloudflare'],
    source: `${DOCS}/error-526.mdx ("Invalid SSL certificate")`,
    examples: { match: ['shop.example.com | 526: Invalid SSL certificate', 'Invalid SSL certificate Error code 526'], noMatch: ['NET::ERR_CERT_AUTHORITY_INVALID invalid SSL certificate on staging'] },
  }),
  ...withPage('cloudflare.origin-tls', {
    all: ['origin web server does not have a valid ssl'],
    source: `${KB} (526 page: "The origin web server does not have a valid SSL certificate.")`,
    examples: { match: ['What happened? The origin web server does not have a valid SSL certificate.'] },
  }),
  ...withPage('cloudflare.origin-tls', {
    all: ['526'],
    any: numbered(526),
    none: longer(526),
    source: `${DOCS}/error-526.mdx`,
    examples: { match: ['Error 526', 'Error code 526'], noMatch: NO_MATCH },
  }),

  // The branded 504 page: the origin (or a gateway behind Cloudflare) answered 504
  {
    clue: 'cloudflare.page',
    all: ['reported a gateway time-out error'],
    value: CODE,
    source: `${DOCS}/error-502-504.mdx; ${KB} (branded page: "The web server reported a gateway time-out error.")`,
    examples: { match: ['Gateway time-out Error code 504 Visit cloudflare.com for more information. The web server reported a gateway time-out error.'] },
  },
  {
    clue: 'proxy.gateway-timeout',
    all: ['reported a gateway time-out error'],
    // Like every proxy.gateway-timeout text (nginx.ts says why).
    names: true,
    source: `${DOCS}/error-502-504.mdx; ${KB}`,
    examples: { match: ['The web server reported a gateway time-out error.'] },
  },
];
