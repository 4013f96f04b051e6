/**
 * Signatures of HAProxy. See types.ts for what a signature is and how it is matched.
 *
 * HAProxy's HTTP log (option httplog) ends a request with `%ST %B %CC %CS %tsc`: status, bytes,
 * the two captured cookies (usually "- -") and the termination state, whose first two letters say
 * who ended the stream and in which phase (doc/configuration.txt 8.5): sC/SC (connecting: timeout
 * or refused), sH/SH (waiting for response headers), sD/SD (during data). Case matters to HAProxy
 * (s = timeout, S = server abort) but not to the scanner: both are server-side failures. When no
 * server was available the server field reads `<NOSRV>`.
 */
import type { Signature } from './types';

const STATES = 'haproxy doc/configuration.txt (8.5 Stream state at disconnection)';
const ERRORS = 'haproxy src/http.c (http_err_msgs)';

/** The termination state: `SH--`, `sC--`, `SD` (TCP mode). */
const STATE = /(?:^|\s)(s[chd](?:[-a-z]{2})?)(?=\s)/i;
/** The health check reason of a server going down. */
const CHECK_REASON = /reason:\s{0,2}(layer[4-7] [a-z ]{3,40})/i;

const HTTP = (server: string, timers: string, status: number, state: string) =>
  `Nov 20 10:15:02 lb1 haproxy[2211]: 203.0.113.7:51234 [20/Nov/2026:10:15:02.101] www~ be_shop/${server} ${timers} ${status} 209 - - ${state} 12/12/0/0/0 0/0 "GET /api/orders HTTP/1.1"`;
const BARE = (state: string, status: number) => `203.0.113.7:51234 [20/Nov/2026:10:15:02.101] www~ be_shop/shop1 0/0/0/-1/3 ${status} 209 - - ${state} 12/12/0/0/0 0/0 "GET /api/orders HTTP/1.1"`;
const OK = HTTP('shop1', '0/0/0/12/14', 200, '----');

export const SIGNATURES: readonly Signature[] = [
  // No server to send the request to (503)
  {
    clue: 'haproxy.no-server',
    all: ['no server is available to handle this request'],
    source: `${ERRORS} (503 body "No server is available to handle this request.")`,
    examples: { match: ['No server is available to handle this request.', '<html><body><h1>503 Service Unavailable</h1> No server is available to handle this request. </body></html>'] },
  },
  {
    clue: 'haproxy.no-server',
    all: ['<nosrv>'],
    value: STATE,
    source: `${STATES} (server name "<NOSRV>" when no server was assigned)`,
    examples: { match: [HTTP('<NOSRV>', '0/-1/-1/-1/0', 503, 'SC--')], noMatch: [OK] },
  },
  {
    clue: 'haproxy.no-server',
    all: ['has no server available'],
    value: /(?:backend|proxy)\s{1,2}'?([^\s'!]{1,100})'?\s{1,2}has no server available/i,
    source: 'haproxy src/backend.c ("%s \'%s\' has no server available!")',
    examples: { match: ["Nov 20 10:15:02 lb1 haproxy[2211]: backend be_shop has no server available!", "[ALERT]    (2211) : backend 'be_shop' has no server available!"] },
  },

  // The server failed: refused or timed out on connect, closed or timed out before or during the answer
  {
    clue: 'haproxy.server-error',
    all: ['- - sh'],
    value: STATE,
    source: `${STATES} (SH: server aborted before sending complete headers; sH: server timeout waiting for headers)`,
    examples: { match: [HTTP('shop1', '0/0/0/-1/3', 502, 'SH--'), HTTP('shop1', '0/0/0/-1/30001', 504, 'sH--'), BARE('SHNN', 502)], noMatch: [OK] },
  },
  {
    clue: 'haproxy.server-error',
    all: ['- - sc'],
    value: STATE,
    source: `${STATES} (SC: server refused the connection; sC: connect timeout)`,
    examples: { match: [HTTP('shop1', '0/0/-1/-1/1', 503, 'SC--'), HTTP('shop1', '0/0/-1/-1/15003', 503, 'sC--')], noMatch: [OK] },
  },
  {
    clue: 'haproxy.server-error',
    all: ['- - sd'],
    value: STATE,
    source: `${STATES} (SD: server aborted during the data phase; sD: server timeout during data)`,
    examples: { match: [HTTP('shop1', '0/0/0/5/120000', 200, 'SD--')], noMatch: [OK] },
  },
  {
    // TCP mode (2-letter state), or a line whose captured cookies are not "- -": HAProxy must be named
    clue: 'haproxy.server-error',
    all: ['haproxy'],
    any: [' sh-', ' sc-', ' sd-', ' sh ', ' sc ', ' sd '],
    value: STATE,
    source: STATES,
    examples: {
      match: ['Nov 20 10:15:02 lb1 haproxy[2211]: 10.0.0.7:40522 [20/Nov/2026:10:15:02.100] sql_in be_sql/sql1 1/0/12034 2311 SD 4/4/3/3/0 0/0', 'haproxy logs show SH-- on every failed request'],
      noMatch: ['Nov 20 10:15:02 lb1 haproxy[2211]: 10.0.0.7:40522 [20/Nov/2026:10:15:02.100] sql_in be_sql/sql1 1/0/12034 2311 -- 4/4/3/3/0 0/0', 'haproxy reload done, SSL certificates updated'],
    },
  },
  {
    clue: 'haproxy.server-error',
    all: ['the server returned an invalid or incomplete response'],
    source: `${ERRORS} (502 body)`,
    examples: { match: ['<html><body><h1>502 Bad Gateway</h1> The server returned an invalid or incomplete response. </body></html>'] },
  },
  {
    clue: 'haproxy.server-error',
    all: ["the server didn't respond in time"],
    source: `${ERRORS} (504 body)`,
    examples: { match: ["504 Gateway Time-out The server didn't respond in time."] },
  },
  {
    clue: 'haproxy.server-error',
    all: ['is down, reason: layer'],
    value: CHECK_REASON,
    source: 'haproxy src/server.c ("Server %s/%s is DOWN") with the check status descriptions of src/check.c ("Layer4 connection problem", "Layer7 wrong status")',
    examples: {
      match: ['Nov 20 10:15:02 lb1 haproxy[2211]: Server be_shop/shop1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left.', '[WARNING] Server be_shop/shop2 is DOWN, reason: Layer7 wrong status, code: 503, check duration: 4ms.'],
      noMatch: ['Server be_shop/shop1 is UP, reason: Layer7 check passed, code: 200'],
    },
  },
];
