import { parseProxyLog } from '../../../src/evidence/parsers/proxy-log';
import { splitAlbFields } from '../../../src/evidence/parsers/alb-fields';
import type { Signal } from '../../../src/evidence/types';
import { collectText, fixture, segmentOf } from './segment-fixture';
import { expectLinearTime } from '../../helpers/linear-time';

const logOf = (text: string, firstLine = 1) => parseProxyLog(segmentOf('proxy-log', text, { source: 'proxy.log', firstLine }));
const fromFixture = (name: string) => logOf(fixture('proxy-log', name));
const signalsOf = <K extends Signal['id']>(signals: Signal[] | undefined, id: K) =>
  (signals ?? []).filter((s): s is Signal<K> => s.id === id);

describe('nginx error.log', () => {
  const facts = fromFixture('nginx-error-conditions.log');
  const byLine = new Map(signalsOf(facts.signals, 'nginx-upstream').map((s) => [s.ref.line, s.data]));

  it.each([
    [1, 'refused', 502, 'connect() failed (111: Connection refused)'],
    [2, 'connect-timeout', 504, 'upstream timed out ... while connecting to upstream'],
    [3, 'read-timeout', 504, 'upstream timed out ... while reading response header'],
    [4, 'send-timeout', 504, 'upstream timed out ... while sending request'],
    [5, 'premature-close', 502, 'upstream prematurely closed connection'],
    [6, 'reset', 502, 'recv() failed (104: Connection reset by peer)'],
    [7, 'reset', 502, 'readv() failed (104: ...) while reading upstream'],
    [8, 'reset', 502, 'writev() failed (32: Broken pipe)'],
    [9, 'no-live', 502, 'no live upstreams'],
    [10, 'header-too-big', 502, 'upstream sent too big header'],
    [11, 'invalid-header', 502, 'upstream sent invalid header'],
    [12, 'invalid-header', 502, 'upstream sent no valid HTTP/1.0 header'],
    [13, 'ssl-handshake', 502, 'SSL_do_handshake() failed ... to upstream'],
    [14, 'ssl-handshake', 502, 'upstream SSL certificate verify error'],
    [17, 'refused', 502, 'connect() to unix:... failed (2: No such file or directory)'],
  ])('line %d → %s %d (%s)', (line, condition, status) => {
    expect(byLine.get(line)).toMatchObject({ condition, status });
  });

  it('gives the upstream address and a StatusObservation with the request path', () => {
    expect(byLine.get(1)).toEqual({ condition: 'refused', status: 502, upstream: 'http://127.0.0.1:5000/api/orders' });
    expect(facts.statuses![0]).toEqual({
      status: 502,
      origin: 'proxy-log',
      url: '/api/orders',
      ref: expect.objectContaining({ source: 'proxy.log', line: 1 }),
    });
  });

  it('skips warnings and client-side errors, and gives a connect failure without a condition only its status', () => {
    expect(byLine.has(15)).toBe(false); // [warn] upstream server temporarily disabled
    expect(byLine.has(16)).toBe(false); // reset while reading the *client* request line
    expect(byLine.has(18)).toBe(false); // (113: No route to host): no condition of its own
    expect(facts.statuses!.filter((s) => s.ref.line === 18).map((s) => s.status)).toEqual([502]);
    expect(facts.statuses!.some((s) => s.ref.line === 15 || s.ref.line === 16)).toBe(false);
    expect(facts.problems).toEqual([]);
  });

  it('reads a real error log: refused and no live upstreams, notices skipped', () => {
    const real = fromFixture('nginx-error-remotely-real.log');
    expect(signalsOf(real.signals, 'nginx-upstream').map((s) => [s.ref.line, s.data.condition, s.data.upstream])).toEqual([
      [1, 'refused', 'http://[::1]:5000/'],
      [2, 'refused', 'http://127.0.0.1:5000/'],
      [3, 'no-live', 'http://localhost/favicon.ico'],
      [7, 'refused', 'http://127.0.0.1:5000/'],
    ]);
    expect(real.problems).toEqual([]);
  });

  it('reads a real premature close behind Kestrel', () => {
    const real = fromFixture('nginx-error-premature-close-real.log');
    expect(signalsOf(real.signals, 'nginx-upstream').map((s) => s.data)).toEqual([
      { condition: 'premature-close', status: 502, upstream: 'http://10.0.0.253:8081/api/Provider/1/ServerList' },
      { condition: 'premature-close', status: 502, upstream: 'http://10.0.0.253:8081/api/Providers' },
    ]);
  });

  it('reads a line pasted without its timestamp (real, through the pipeline)', () => {
    const line =
      '5181277 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: , request: "GET /api/orders?key=value HTTP/1.1", upstream: "http://10.0.0.4:1234/api/orders?key=value", host: "api.example.com"';
    const evidence = collectText('error.log', line);
    expect(evidence.inputs[0]!.kinds).toEqual(['proxy-log']);
    expect(evidence.signals.filter((s) => s.id === 'nginx-upstream').map((s) => s.data)).toEqual([
      { condition: 'refused', status: 502, upstream: 'http://10.0.0.4:1234/api/orders?key=value' },
    ]);
  });

  it('does not let a request path fake a condition', () => {
    const facts2 = logOf('2026/11/20 10:15:01 [error] 1#1: *1 open() "/srv/x" failed (2: No such file or directory), client: 203.0.113.7, server: example.com, request: "GET /no live upstreams HTTP/1.1", host: "example.com"');
    expect(facts2.signals).toEqual([]);
    expect(facts2.statuses).toEqual([]);
  });
});

describe('nginx access log', () => {
  const facts = fromFixture('nginx-access.log');

  it('gives a StatusObservation per 5xx line with the time it took', () => {
    expect(facts.statuses!.map((s) => [s.ref.line, s.status, s.url, s.timeTakenMs])).toEqual([
      [1, 502, '/api', undefined],
      [2, 504, '/api/report', 60002], // rt= (request time) wins over urt=
      [3, 502, '/api/orders', 3], // upstream_response_time over two upstreams: 0.001 + 0.002
      [5, 504, '/api/upload', 60004], // ingress-nginx layout: request_length request_time [upstream]
    ]);
    expect(facts.signals).toEqual([]);
  });

  it('reports a line that starts like an access row but cannot be read', () => {
    expect(facts.problems).toEqual([expect.objectContaining({ source: 'proxy.log', line: 6 })]);
  });

  it('reads a real error + access pair from an ingress controller', () => {
    const real = fromFixture('nginx-ingress-premature-close-real.log');
    expect(real.statuses!.map((s) => [s.ref.line, s.status, s.url])).toEqual([
      [1, 502, '/'],
      [2, 502, '/'],
      [3, 502, '/favicon.ico'],
      [4, 502, '/favicon.ico'],
    ]);
    expect(signalsOf(real.signals, 'nginx-upstream')).toHaveLength(2);
  });

  it('classifies access rows as proxy-log in the pipeline', () => {
    const evidence = collectText('access.log', fixture('proxy-log', 'nginx-access-sentry-real.log'));
    expect(evidence.inputs[0]!.kinds).toEqual(['proxy-log']);
    expect(evidence.statuses.map((s) => [s.ref.line, s.status])).toEqual([
      [1, 502],
      [2, 502],
    ]);
  });
});

describe('AWS ALB access log', () => {
  const facts = fromFixture('alb-entries.log');
  const alb = signalsOf(facts.signals, 'alb-log');

  it('reads a 502 with no target response: target status undefined, -1 times kept', () => {
    expect(alb[0]!.data).toEqual({ elbStatus: 502, requestSeconds: 0, targetSeconds: -1, responseSeconds: -1, target: '10.0.1.15:5000' });
    expect(alb[0]!.ref.line).toBe(1);
    expect(facts.statuses![0]).toMatchObject({ status: 502, origin: 'proxy-log', url: 'https://shop.example.com:443/api/orders', timeTakenMs: 0 });
  });

  it('gives no time when no processing time was measured', () => {
    expect(alb[1]!.data).toMatchObject({ elbStatus: 504, requestSeconds: -1, targetSeconds: -1, responseSeconds: -1 });
    expect(facts.statuses![1]!.timeTakenMs).toBeUndefined();
  });

  it('skips 2xx entries and reads a 503 never dispatched (target `-`)', () => {
    expect(alb.map((s) => s.ref.line)).toEqual([1, 2, 4, 5]);
    expect(alb[2]!.data.target).toBeUndefined();
    expect(alb[2]!.data.elbStatus).toBe(503);
  });

  it('sums the processing times it has (target closed after 2 ms)', () => {
    expect(facts.statuses![3]!.timeTakenMs).toBe(2);
  });

  it('reports an entry with a malformed field, with its line', () => {
    expect(facts.problems).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('target_processing_time') })]);
  });

  it('joins an entry wrapped over several lines as the AWS docs print it (pipeline)', () => {
    const evidence = collectText('alb.log', fixture('proxy-log', 'alb-lambda-502-docs.log'));
    expect(evidence.inputs[0]!.kinds).toEqual(['proxy-log']);
    const [entry] = evidence.signals.filter((s) => s.id === 'alb-log');
    expect(entry?.data).toEqual({ elbStatus: 502, requestSeconds: 0, targetSeconds: 0.001, responseSeconds: 0, errorReason: 'LambdaInvalidResponse' });
    expect(entry?.ref.line).toBe(1);
    expect(evidence.problems).toEqual([]);
  });

  it('reads a real entry cut after trace_id (keep-alive race, target closed after 4.2 s)', () => {
    const real = fromFixture('alb-502-knowledge-center-real.log');
    expect(signalsOf(real.signals, 'alb-log')[0]!.data).toEqual({ elbStatus: 502, requestSeconds: 0.001, targetSeconds: 4.205, responseSeconds: -1, target: '10.0.0.1:80' });
    expect(real.statuses![0]!.timeTakenMs).toBe(4206);
  });

  it('reports an entry with too few fields', () => {
    const short = logOf('http 2026-11-20T10:15:01.000000Z app/a/b 203.0.113.7:1 - 0.1', 3);
    expect(short.problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('6 fields') })]);
  });

  it('survives an unterminated quote in a 16 KB line, reports it and keeps the fields before it', () => {
    const line = `https 2026-11-20T10:15:01.000000Z app/a/b 203.0.113.7:1 10.0.0.1:80 0.001 -1 -1 502 - 1 2 "GET /x HTTP/1.1 ${'a'.repeat(16300)}`;
    const hostile = expectLinearTime((l) => logOf(l), line);
    expect(hostile.problems!.some((p) => p.message.includes('closing quote') && p.line === 1)).toBe(true);
    expect(signalsOf(hostile.signals, 'alb-log')[0]!.data.elbStatus).toBe(502);
    expect(hostile.statuses![0]!.ref.text.length).toBeLessThanOrEqual(300);
  });

  it('tokenizes quoted fields with escaped quotes', () => {
    expect(splitAlbFields('a "b \\"c\\" d" - "e"')).toEqual({ fields: ['a', 'b "c" d', '-', 'e'], unterminated: false });
  });
});

describe('Azure access log records (JSON lines)', () => {
  it('reads Front Door records: status, ErrorInfo and tracking reference, 5xx only', () => {
    const facts = fromFixture('front-door.jsonl');
    expect(signalsOf(facts.signals, 'front-door').map((s) => [s.ref.line, s.data])).toEqual([
      [1, { status: 504, errorInfo: 'OriginTimeout', ref: '20261120T101501Z-16b5f8d6c4d2xq7ghc1fra0000000001000000000012ab' }],
      [3, { status: 503, errorInfo: 'OriginConnectionRefused', ref: '08Q3gXgAAAAAe0s71BET/QYwmqtpHO7uAU0pDRURHRTA1MDgANjMxNTAwZDAtOTRiNS00YzIwLTljY2YtNjFhNzMyOWQyYTgy' }],
    ]);
    expect(facts.statuses![0]).toMatchObject({ status: 504, origin: 'proxy-log', url: 'https://www.example.com:443/checkout', timeTakenMs: 30013 });
    expect(facts.problems).toEqual([expect.objectContaining({ line: 4 })]);
  });

  it('reads Application Gateway v2 and v1 records, v1 invalid JSON included', () => {
    const facts = fromFixture('app-gateway.jsonl');
    expect(signalsOf(facts.signals, 'app-gateway').map((s) => [s.ref.line, s.data])).toEqual([
      [1, { status: 502, errorInfo: 'ERRORINFO_UPSTREAM_NO_LIVE' }],
      [2, { status: 504, errorInfo: 'ERRORINFO_UPSTREAM_TIMED_OUT' }],
      [4, { status: 502 }],
    ]);
    // v2 timeTaken is in seconds, v1 in milliseconds.
    expect(facts.statuses!.map((s) => [s.url, s.timeTakenMs])).toEqual([
      ['/api/orders', 12],
      ['/api/report', 20004],
      ['/api/orders', 30012],
    ]);
    expect(facts.problems).toEqual([]);
  });

  it('reads Log Analytics column names (`_d`, `_s` suffixes)', () => {
    const facts = logOf('{"TimeGenerated": "2026-11-20T10:15:01Z", "httpStatus_d": 504, "timeTaken_d": 20.01, "serverStatus_s": "-", "error_info_s": "ERRORINFO_UPSTREAM_TIMED_OUT", "requestUri_s": "/api/report"}');
    expect(facts.signals).toEqual([expect.objectContaining({ id: 'app-gateway', data: { status: 504, errorInfo: 'ERRORINFO_UPSTREAM_TIMED_OUT' } })]);
    expect(facts.statuses![0]!.timeTakenMs).toBe(20010);
  });

  it('classifies the records as proxy-log in the pipeline', () => {
    const evidence = collectText('afd.jsonl', fixture('proxy-log', 'front-door.jsonl'));
    expect(evidence.inputs[0]!.kinds).toEqual(['proxy-log']);
  });
});

describe('proxy-log robustness', () => {
  it('numbers refs from the segment start in the source', () => {
    const facts = logOf('\n2026/11/20 10:15:01 [error] 1#1: *1 no live upstreams while connecting to upstream, client: 203.0.113.7, server: x, request: "GET / HTTP/1.1", upstream: "http://b/", host: "x"', 100);
    expect(facts.signals![0]!.ref.line).toBe(101);
  });

  it('skips prose between log lines without problems', () => {
    const facts = logOf('these started at 10:15\n2026/11/20 10:15:01 [notice] 1#1: signal process started\nany idea?');
    expect(facts).toEqual({ statuses: [], signals: [], problems: [] });
  });
});
