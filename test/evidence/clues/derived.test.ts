/**
 * Derived clues: what follows from other clues. Tested on hit lists (the arithmetic) and on real
 * pastes through the collector (that the signatures feed it the values it needs).
 */
import { derivedClues, portOf } from '../../../src/evidence/clues/derived';
import { cluesOf } from '../../../src/evidence/clues';
import type { ClueHit } from '../../../src/evidence/signatures/types';
import { collect } from '../../helpers/cause-tester';

const hit = (clue: string, value?: string, text = ''): ClueHit => ({ clue, ref: { source: 'paste', line: 1, text }, ...(value === undefined ? {} : { value }) });
const derived = (...hits: ClueHit[]) => derivedClues(hits).map((h) => [h.clue, h.value]);

describe('portOf', () => {
  it.each([
    ['http://[::]:8080', '8080'],
    ['http://localhost:5000/', '5000'],
    ['http://172.18.0.3:80/api/orders', '80'],
    ['api:8080', '8080'],
    ['[::1]:5000', '5000'],
    ['8080', '8080'],
    ['http://+:80', '80'],
  ])('%s → %s', (address, port) => expect(portOf(address)).toBe(port));
  it.each(['http://orders-api/', 'unix:/run/app.sock', '[::1]', 'http://localhost:99999'])('%s has no port', (address) => expect(portOf(address)).toBeUndefined());
});

describe('durations near a gateway limit', () => {
  it('names the limits of the .NET gateways: Ocelot 90 s, Envoy 15 s', () => {
    expect(derived(hit('duration', '90012'))).toEqual(expect.arrayContaining([['duration.near-90s', '90012']]));
    expect(derived(hit('duration', '15003'))).toEqual(expect.arrayContaining([['duration.near-15s', '15003']]));
    expect(derived(hit('duration', '100004')).map(([c]) => c)).not.toContain('duration.near-90s');
  });
});

describe('a duration well past 120 s', () => {
  it('says the request outlived the 120 s default of ANCM and ARR', () => {
    expect(derived(hit('duration', '300000')).map(([c]) => c)).toContain('duration.beyond-120s');
  });
  it('not at the limit itself, which is its own clue', () => {
    const clues = derived(hit('duration', '120031')).map(([c]) => c);
    expect(clues).toContain('duration.near-120s');
    expect(clues).not.toContain('duration.beyond-120s');
  });
  it('from repro code pasted with the error', () => {
    expect(cluesOf(collect({ 'message.txt': 'await Task.Delay(TimeSpan.FromMinutes(5));\nreturns a 502.3 Bad Gateway error' })).has('duration.beyond-120s')).toBe(true);
  });
});

describe('ports-disagree', () => {
  it('the app listens on 8080, nginx was refused on 80', () => {
    expect(derived(hit('hosting.listening', 'http://[::]:8080'), hit('nginx.connect-refused', 'http://172.18.0.3:80/'))).toEqual([['ports-disagree', 'listens 8080; targeted 80']]);
  });
  it('no disagreement when the refused port is the one the app listens on (it was down, not elsewhere)', () => {
    expect(derived(hit('hosting.listening', 'http://localhost:5000'), hit('nginx.connect-refused', 'http://127.0.0.1:5000/'))).toEqual([]);
  });
  it('a refused database port says nothing about the app', () => {
    expect(derived(hit('hosting.listening', 'http://[::]:8080'), hit('net.connection-refused', 'db:5432'))).toEqual([]);
  });
  it('needs both sides: a refusal alone, or a listening line alone, is not a disagreement', () => {
    expect(derived(hit('nginx.connect-refused', 'http://172.18.0.3:80/'))).toEqual([]);
    expect(derived(hit('hosting.listening', 'http://[::]:8080'))).toEqual([]);
  });
  it('container routing counts when nothing was refused; the app side of ASPNETCORE_* is the app', () => {
    const appSide = hit('container.port-mismatch', '8080', 'ENV ASPNETCORE_HTTP_PORTS=8080');
    const routing = hit('container.port-mismatch', '80', 'ports: - "8000:80"');
    expect(derived(appSide, routing)).toEqual([['ports-disagree', 'listens 8080; targeted 80']]);
    expect(derived(appSide, hit('container.port-mismatch', '8080', 'ports: - "8000:8080"'))).toEqual([]);
  });
  it('a refusal outweighs routing settings: EXPOSE 8080 does not hide a proxy dialing 80', () => {
    expect(derived(hit('hosting.listening', 'http://[::]:8080'), hit('container.port-mismatch', '8080', 'EXPOSE 8080'), hit('net.connection-refused', 'api:80'))).toEqual([['ports-disagree', 'listens 8080; targeted 80']]);
  });
});

describe('ports-disagree on pasted evidence', () => {
  it('a .NET 8 container log and the nginx error line', () => {
    const evidence = collect({
      'api.log': 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:8080\ninfo: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.',
      'error.log': '2026/11/20 10:15:02 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://172.18.0.3:80/", host: "localhost"',
    });
    const seen = cluesOf(evidence).get('ports-disagree');
    expect(seen?.values).toEqual(['listens 8080; targeted 80']);
    expect(seen?.refs[0]?.source).toBe('error.log');
  });
  it('Go (Traefik) dialing the old port of a .NET 8 app, Slack-escaped', () => {
    const evidence = collect({
      'thread.txt': [
        'api-1      | info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080',
        'traefik-1  | 2026-11-20T10:15:02Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:113 &gt; 502 Bad Gateway error="dial tcp 172.18.0.5:80: connect: connection refused"',
      ].join('\n'),
    }, true);
    expect(cluesOf(evidence).get('ports-disagree')?.values).toEqual(['listens 8080; targeted 80']);
  });
});

describe('proxy.scheme-port-swapped', () => {
  it("a proxy's target with plain HTTP on 443 or TLS on 80, from any clue that carries the target", () => {
    expect(derived(hit('nginx.premature-close', 'http://10.244.1.17:443/'))).toEqual([['proxy.scheme-port-swapped', 'http://10.244.1.17:443/']]);
    expect(derived(hit('yarp.destination', 'https://orders:80/api'))).toEqual([['proxy.scheme-port-swapped', 'https://orders:80/api']]);
  });

  it('nothing for usual pairs, or for a swapped address that is not a proxy target', () => {
    expect(derived(hit('nginx.premature-close', 'http://10.244.1.17:8080/'), hit('yarp.destination', 'https://orders:443/'))).toEqual([]);
    expect(derived(hit('net.connection-refused', 'http://10.0.0.4:443/')).map(([c]) => c)).not.toContain('proxy.scheme-port-swapped');
  });
});

describe('hosting.scheme-port-swapped', () => {
  it('plain HTTP on 443, or HTTPS on 80, as Kestrel says it listens', () => {
    expect(derived(hit('hosting.listening', 'http://0.0.0.0:443'))).toEqual([['hosting.scheme-port-swapped', 'http://0.0.0.0:443']]);
    expect(derived(hit('hosting.listening', 'https://[::]:80'))).toEqual([['hosting.scheme-port-swapped', 'https://[::]:80']]);
    // Markdown emphasis or punctuation after the address does not hide the port.
    expect(derived(hit('hosting.listening', 'http://0.0.0.0:443*'))).toEqual([['hosting.scheme-port-swapped', 'http://0.0.0.0:443*']]);
  });

  it('nothing for the usual pairs, other ports or longer port numbers', () => {
    expect(derived(hit('hosting.listening', 'https://0.0.0.0:443'), hit('hosting.listening', 'http://0.0.0.0:80'), hit('hosting.listening', 'http://[::]:8080'))).toEqual([]);
    expect(derived(hit('hosting.listening', 'http://localhost:4430'), hit('hosting.listening', 'https://localhost:8080'))).toEqual([]);
  });

  it('from the host log of an app whose UseHttps threw and was swallowed (aspnet/KestrelHttpServer#2110 layout)', () => {
    const evidence = collect({ 'journal.txt': ['Hosting environment: Production', 'Now listening on: http://0.0.0.0:80', 'Now listening on: http://0.0.0.0:443', 'Application started. Press Ctrl+C to shut down.'].join('\n') });
    const seen = cluesOf(evidence).get('hosting.scheme-port-swapped');
    expect(seen?.refs.map((r) => r.line)).toEqual([3]);
    expect(seen?.values).toEqual(['http://0.0.0.0:443']);
  });
});
