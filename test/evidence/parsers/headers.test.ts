import { parseHeaders } from '../../../src/evidence/parsers/headers';
import type { Signal } from '../../../src/evidence/types';
import { collectText, fixture, segmentOf } from './segment-fixture';

const headersOf = (text: string, firstLine = 1) => parseHeaders(segmentOf('headers', text, { source: 'headers.txt', firstLine }));
const byId = (signals: Signal[] | undefined, id: string) => (signals ?? []).filter((s) => s.id === id);

describe('parseHeaders: curl -v', () => {
  const facts = headersOf(fixture('headers', 'curl-v-cloudflare-502.txt'));

  it('reads the `< ` response lines into one header set with lower-case names', () => {
    expect(facts.headers).toHaveLength(1);
    const set = facts.headers![0]!;
    expect(set.status).toBe(502);
    expect(set.statusRef).toMatchObject({ source: 'headers.txt', line: 9, text: '< HTTP/2 502' });
    expect(set.headers['server']?.[0]?.value).toBe('cloudflare');
    expect(set.headers['cf-ray']?.[0]).toMatchObject({ value: '8d2f1c3b4a5e6f70-FRA', ref: { line: 15 } });
  });

  it('keeps the request headers (`> `) and curl info lines (`* `) out, without problems', () => {
    const set = facts.headers![0]!;
    expect(set.headers['host']).toBeUndefined();
    expect(set.headers['user-agent']).toBeUndefined();
    expect(facts.problems).toEqual([]);
  });

  it('gives a StatusObservation with the request target curl sent', () => {
    expect(facts.statuses).toEqual([
      { status: 502, origin: 'headers', url: '/api/orders', ref: { source: 'headers.txt', line: 9, text: '< HTTP/2 502' } },
    ]);
  });

  it('names Cloudflare with the status and the ray id', () => {
    const [cf] = byId(facts.signals, 'cloudflare');
    expect(cf?.data).toEqual({ status: 502, rayId: '8d2f1c3b4a5e6f70-FRA' });
    expect(cf?.ref.line).toBe(14); // the `server: cloudflare` line
  });
});

describe('parseHeaders: raw responses', () => {
  it('keeps repeated headers (real Cloudflare 520 from curl -I)', () => {
    const facts = headersOf(fixture('headers', 'curl-i-cloudflare-520-real.txt'));
    const set = facts.headers![0]!;
    expect(set.headers['set-cookie']).toHaveLength(2);
    expect(set.headers['cf-ray']?.[0]?.value).toBe('4ee02a558935bdc3-AMS');
    expect(byId(facts.signals, 'cloudflare')[0]?.data).toEqual({ status: 520, rayId: '4ee02a558935bdc3-AMS' });
  });

  it('reads `curl -iv` once although curl prints every response line twice (real Kestrel 400)', () => {
    const facts = headersOf(fixture('headers', 'curl-iv-kestrel-400-real.txt'));
    expect(facts.headers).toHaveLength(1);
    expect(facts.statuses).toHaveLength(1);
    expect(facts.statuses![0]).toMatchObject({ status: 400, url: '/notfound', ref: { line: 13 } });
    expect(facts.headers![0]!.headers['connection']).toHaveLength(1);
    expect(byId(facts.signals, 'kestrel-server')).toHaveLength(1);
  });

  it('starts a new header set at each status line of a redirect chain', () => {
    const facts = headersOf(fixture('headers', 'redirect-chain-iis-arr-502.txt'));
    expect(facts.headers!.map((h) => h.status)).toEqual([301, 502]);
    expect(facts.statuses!.map((s) => [s.status, s.ref.line])).toEqual([
      [301, 1],
      [502, 7],
    ]);
    expect(facts.headers![1]!.headers['x-powered-by']!.map((v) => v.value)).toEqual(['ARR/3.0', 'ASP.NET']);
    expect(byId(facts.signals, 'iis-server').map((s) => [s.data, s.ref.line])).toEqual([
      [{ version: '10.0' }, 4],
      [{ version: '10.0' }, 9],
    ]);
    const arr = byId(facts.signals, 'arr-proxy');
    expect(arr.map((s) => [s.data, s.ref.line])).toEqual([[{ version: '3.0' }, 10]]);
  });

  it('names Application Gateway v2 from its Server header', () => {
    const facts = headersOf(fixture('headers', 'app-gateway-v2-502.txt'));
    expect(byId(facts.signals, 'app-gateway').map((s) => s.data)).toEqual([{ status: 502 }]);
  });

  it.each([
    ['Server: awselb/2.0', 'aws-alb', { status: 502 }],
    ['Server: nginx', 'nginx-server', { status: 502 }],
    ['Server: nginx/1.24.0', 'nginx-server', { status: 502 }],
    ['Server: Microsoft-IIS/8.5', 'iis-server', { version: '8.5' }],
    ['Server: Kestrel', 'kestrel-server', {}],
    ['X-Azure-Ref: 0mMxsXwAAAABEalekYeI4S55qpi5R7R0', 'front-door', { status: 502, ref: '0mMxsXwAAAABEalekYeI4S55qpi5R7R0' }],
    ['X-Powered-By: ARR/3.0', 'arr-proxy', { version: '3.0' }],
    ['CF-RAY: 8d2f1c3b4a5e6f70-FRA', 'cloudflare', { status: 502, rayId: '8d2f1c3b4a5e6f70-FRA' }],
  ])('%s → %s', (header, id, data) => {
    const facts = headersOf(`HTTP/1.1 502 Bad Gateway\n${header}`);
    const found = byId(facts.signals, id);
    expect(found).toHaveLength(1);
    expect(found[0]?.data).toEqual(data);
    expect(found[0]?.ref.line).toBe(2);
  });

  it('does not name a layer from headers that identify none', () => {
    const facts = headersOf('HTTP/1.1 502 Bad Gateway\nServer: Apache\nContent-Type: text/html');
    expect(facts.signals).toEqual([]);
  });
});

describe('parseHeaders: DevTools copies', () => {
  it('reads the General section and skips the request headers', () => {
    const facts = headersOf(fixture('headers', 'devtools-alb-502.txt'));
    expect(facts.statuses).toEqual([
      expect.objectContaining({ status: 502, origin: 'headers', url: 'https://shop.example.com/api/orders', ref: expect.objectContaining({ line: 3 }) }),
    ]);
    const set = facts.headers![0]!;
    expect(Object.keys(set.headers).sort()).toEqual(['content-length', 'content-type', 'date', 'server']);
    expect(byId(facts.signals, 'aws-alb').map((s) => s.data)).toEqual([{ status: 502 }]);
  });

  it('reads names and values on separate lines (newer DevTools), through the whole pipeline', () => {
    const evidence = collectText('devtools.txt', fixture('headers', 'devtools-split-front-door-504.txt'));
    expect(evidence.inputs[0]!.kinds).toEqual(['headers']);
    expect(evidence.statuses).toEqual([expect.objectContaining({ status: 504, origin: 'headers', url: 'https://www.example.com/checkout' })]);
    const set = evidence.headers[0]!;
    expect(set.headers['x-azure-ref']?.[0]).toMatchObject({ value: '20261120T101501Z-16b5f8d6c4d2xq7ghc1fra0000000001000000000012ab', ref: { line: 17 } });
    // General values (an address with a port, a URL) are values, not headers of their own.
    expect(Object.keys(set.headers).sort()).toEqual(['cache-control', 'content-length', 'date', 'x-azure-ref', 'x-cache']);
    const [fd] = evidence.signals.filter((s) => s.id === 'front-door');
    expect(fd?.data).toEqual({ status: 504, ref: '20261120T101501Z-16b5f8d6c4d2xq7ghc1fra0000000001000000000012ab' });
  });

  it('reads an HTTP/2 `:status` pseudo-header', () => {
    const facts = headersOf(':status: 503\nserver: cloudflare');
    expect(facts.headers![0]!.status).toBe(503);
    expect(byId(facts.signals, 'cloudflare')[0]?.data).toEqual({ status: 503 });
  });
});

describe('parseHeaders: without a status line', () => {
  it('still becomes a headers segment and a header set (pipeline)', () => {
    const evidence = collectText('headers.txt', fixture('headers', 'nginx-no-status-line.txt'));
    expect(evidence.inputs[0]!.kinds).toEqual(['headers']);
    expect(evidence.headers).toHaveLength(1);
    expect(evidence.headers[0]!.status).toBeUndefined();
    expect(evidence.statuses.filter((s) => s.origin === 'headers')).toEqual([]);
    expect(evidence.signals.filter((s) => s.id === 'nginx-server').map((s) => s.data)).toEqual([{}]);
  });
});

describe('parseHeaders: robustness', () => {
  it('numbers refs from the segment start in the source', () => {
    const facts = headersOf('HTTP/1.1 502 Bad Gateway\nServer: cloudflare', 40);
    expect(facts.statuses![0]!.ref.line).toBe(40);
    expect(facts.signals![0]!.ref.line).toBe(41);
  });

  it('reports a status line without a three-digit status, with its line, and reads on', () => {
    const facts = headersOf('HTTP/1.1 5xx Bad Gateway\nServer: nginx', 7);
    expect(facts.problems).toEqual([expect.objectContaining({ source: 'headers.txt', line: 7 })]);
    expect(facts.headers![0]!.headers['server']?.[0]?.value).toBe('nginx');
  });

  it('cuts a very long header line in its ref but keeps the value', () => {
    const long = 'x'.repeat(16000);
    const facts = headersOf(`HTTP/1.1 502 Bad Gateway\nContent-Security-Policy: ${long}`);
    const value = facts.headers![0]!.headers['content-security-policy']![0]!;
    expect(value.value).toHaveLength(16000);
    expect(value.ref.text.length).toBeLessThanOrEqual(300);
  });

  it('ignores body text after the headers', () => {
    const facts = headersOf('HTTP/1.1 502 Bad Gateway\nServer: cloudflare\n\nerror code: 502');
    expect(facts.headers![0]!.headers['error code']).toBeUndefined();
    expect(facts.problems).toEqual([]);
  });
});
