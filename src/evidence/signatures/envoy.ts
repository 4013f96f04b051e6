/**
 * Signatures of Envoy (and what is built on it: Istio, Contour, Emissary, Gloo, Azure Container
 * Apps ingress). See types.ts for what a signature is and how it is matched.
 *
 * Envoy's local replies are short bodies ("upstream connect error or disconnect/reset before
 * headers. reset reason: connection failure", "no healthy upstream", "upstream request timeout");
 * its access log says the same with response flags after the status (`" 503 UF `, `" 504 UT `)
 * and, in Istio's format, with response code details (`upstream_reset_before_response_started{…}`).
 */
import type { Signature } from './types';

const FLAGS_DOC = 'Envoy access log response flags documentation (envoyproxy/envoy docs/root/configuration/observability/access_log/usage.rst: UF, UH, UT, URX, UC, UPE, UO)';
const DETAILS_DOC = 'Envoy response code details documentation (envoyproxy/envoy docs/root/configuration/http/http_conn_man/response_code_details.rst)';
const ROUTER = 'envoyproxy/envoy source/common/router/router.cc (local reply bodies)';

/** The reset reason of a local reply: "reset reason: connection failure". */
const RESET_REASON = /reset reason:\s{0,3}([a-z][a-z ]{2,40})/i;
/** The response flags after the status of a text access log line: `" 503 UF,URX `. */
const FLAGS = /"\s\d{1,3}\s([A-Z]{2,4}(?:,[A-Z]{2,4}){0,5})(?=\s)/i;
/** The response flags of a JSON access log line. */
const JSON_FLAGS = /response_flags"\s{0,2}:\s{0,2}"([A-Z,]{2,40})"/i;
/** The detail in braces: `upstream_reset_before_response_started{connection_failure}`. */
const DETAIL = /upstream_reset_before_response_started\{([a-z_|:0-9 ]{1,100})\}/i;

const LOG = (status: number, flags: string, details = '-') =>
  `[2026-11-20T10:15:02.123Z] "GET /api/orders HTTP/1.1" ${status} ${flags} ${details} "-" 0 91 3 - "10.0.0.7" "curl/8.5.0" "5f2c1a9e-3b7d-4c1e-9a2f-0c6d8e7f1a2b" "shop.example.com" "10.0.1.23:8080" outbound|8080||orders.default.svc.cluster.local`;
const OK_LOG = LOG(200, '-', 'via_upstream');

export const SIGNATURES: readonly Signature[] = [
  // The upstream refused, reset or dropped the connection before answering (503, or 502 for UPE)
  {
    clue: 'envoy.upstream-failure',
    all: ['upstream connect error or disconnect/reset before headers'],
    value: RESET_REASON,
    source: ROUTER,
    examples: {
      match: [
        'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
        'upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: Connection refused',
        'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
      ],
    },
  },
  {
    clue: 'envoy.upstream-failure',
    all: ['reset reason:'],
    any: ['connection failure', 'connection termination', 'overflow', 'remote reset', 'connection timeout', 'protocol error', 'remote refused stream reset'],
    value: RESET_REASON,
    source: `${ROUTER}; envoyproxy/envoy source/common/http/utility.cc (resetReasonToString)`,
    examples: { match: ['reset reason: overflow', 'got a 503 from the sidecar: reset reason: connection termination'], noMatch: ['reset reason: local reset'] },
  },
  {
    clue: 'envoy.upstream-failure',
    all: ['delayed connect error:'],
    value: /delayed connect error:\s{0,2}(\d{1,5}|[a-z ]{3,40})/i,
    source: 'envoyproxy/envoy source/common/network/connection_impl.cc ("delayed connect error")',
    examples: { match: ['transport failure reason: delayed connect error: 111'] },
  },
  {
    clue: 'envoy.upstream-failure',
    all: ['upstream_reset_before_response_started'],
    value: DETAIL,
    source: DETAILS_DOC,
    examples: { match: [LOG(503, 'UF', 'upstream_reset_before_response_started{connection_failure}'), LOG(503, 'UC', 'upstream_reset_before_response_started{connection_termination}')] },
  },
  {
    clue: 'envoy.upstream-failure',
    all: ['" 503 u'],
    any: ['" 503 uf', '" 503 urx', '" 503 uc', '" 503 uo', '" 503 ur '],
    value: FLAGS,
    source: `${FLAGS_DOC} (UF upstream connection failure, URX retry limit exceeded, UC upstream connection termination, UO overflow, UR upstream remote reset)`,
    examples: { match: [LOG(503, 'UF'), LOG(503, 'URX,UF'), LOG(503, 'UC'), LOG(503, 'UO')], noMatch: [OK_LOG, LOG(503, 'UH')] },
  },
  {
    clue: 'envoy.upstream-failure',
    all: ['" 502 upe'],
    value: FLAGS,
    source: `${FLAGS_DOC} (UPE upstream protocol error)`,
    examples: { match: [LOG(502, 'UPE')] },
  },
  {
    // TCP proxy lines have status 0
    clue: 'envoy.upstream-failure',
    all: ['" 0 uf'],
    value: FLAGS,
    source: `${FLAGS_DOC} (UF on a TCP proxy line)`,
    examples: { match: ['[2026-11-20T10:15:02.123Z] "- - -" 0 UF 0 0 1 - "-" "-" "-" "-" "10.0.1.40:5432" outbound|5432||sql.default.svc.cluster.local'] },
  },
  {
    clue: 'envoy.upstream-failure',
    all: ['response_flags'],
    any: ['"uf"', '"uf,', ',uf"', '"urx', ',urx', '"uc"', '"uc,', '"upe"', '"uo"'],
    value: JSON_FLAGS,
    source: FLAGS_DOC,
    examples: { match: ['{"response_code":503,"response_flags":"UF,URX","upstream_host":"10.0.1.23:8080"}', '{"response_code": 503, "response_flags": "UC"}'], noMatch: ['{"response_code":200,"response_flags":"-"}'] },
  },

  // No healthy host in the upstream cluster (503 UH)
  {
    clue: 'envoy.no-healthy-upstream',
    all: ['no healthy upstream'],
    source: ROUTER,
    examples: { match: ['no healthy upstream', 'HTTP/1.1 503 Service Unavailable content-length: 19 content-type: text/plain server: envoy no healthy upstream'], noMatch: ['no live upstreams while connecting to upstream'] },
  },
  {
    clue: 'envoy.no-healthy-upstream',
    all: ['no_healthy_upstream'],
    source: DETAILS_DOC,
    examples: { match: [LOG(503, 'UH', 'no_healthy_upstream')] },
  },
  {
    clue: 'envoy.no-healthy-upstream',
    all: ['" 503 uh'],
    value: FLAGS,
    source: `${FLAGS_DOC} (UH no healthy upstream hosts)`,
    examples: { match: [LOG(503, 'UH')], noMatch: [OK_LOG] },
  },
  {
    clue: 'envoy.no-healthy-upstream',
    all: ['response_flags'],
    any: ['"uh"', '"uh,', ',uh"'],
    value: JSON_FLAGS,
    source: FLAGS_DOC,
    examples: { match: ['{"response_code":503,"response_flags":"UH","upstream_cluster":"outbound|8080||orders"}'] },
  },

  // The upstream did not answer within the route timeout (504 UT)
  {
    clue: 'envoy.upstream-timeout',
    all: ['upstream request timeout'],
    source: ROUTER,
    examples: { match: ['upstream request timeout', 'HTTP/1.1 504 Gateway Timeout server: envoy upstream request timeout'], noMatch: ['upstream timed out (110: Connection timed out) while reading response header from upstream'] },
  },
  {
    clue: 'envoy.upstream-timeout',
    all: ['upstream_response_timeout'],
    source: DETAILS_DOC,
    examples: { match: [LOG(504, 'UT', 'upstream_response_timeout')] },
  },
  {
    clue: 'envoy.upstream-timeout',
    all: ['upstream_per_try_timeout'],
    source: DETAILS_DOC,
    examples: { match: [LOG(504, 'UT', 'upstream_per_try_timeout')] },
  },
  {
    clue: 'envoy.upstream-timeout',
    all: ['" 504 ut'],
    value: FLAGS,
    source: `${FLAGS_DOC} (UT upstream request timeout)`,
    examples: { match: [LOG(504, 'UT')], noMatch: [OK_LOG] },
  },
  {
    clue: 'envoy.upstream-timeout',
    all: ['response_flags'],
    any: ['"ut"', '"ut,', ',ut"'],
    value: JSON_FLAGS,
    source: FLAGS_DOC,
    examples: { match: ['{"response_code":504,"response_flags":"UT","duration":15001}'] },
  },
];
