import { SIGNATURES } from '../../../src/evidence/signatures/nginx';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('nginx', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));
const valueOf = (line: string, clue: string) => hits(line).find((h) => h.clue === clue)?.value;

describe('nginx values', () => {
  it('takes the upstream address from the context fields', () => {
    const line = '2026/11/20 10:15:02 [error] 31#31: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.7, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "shop"';
    expect(valueOf(line, 'nginx.connect-refused')).toBe('http://127.0.0.1:5000/');
  });

  it('takes the host that did not resolve', () => {
    expect(valueOf('nginx: [emerg] host not found in upstream "shop-api:8080" in /etc/nginx/conf.d/default.conf:12', 'nginx.host-not-found')).toBe('shop-api:8080');
    expect(valueOf('*3 shop-api.svc could not be resolved (3: Host not found), client: 10.0.0.7', 'nginx.host-not-found')).toBe('shop-api.svc');
  });

  it('takes the status of a page', () => {
    expect(valueOf('504 Gateway Time-out nginx/1.18.0', 'nginx.page')).toBe('504');
  });

  it('tells a connect timeout from a read timeout', () => {
    const connect = 'upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.7';
    const read = 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.7';
    expect(hits(connect).map((h) => h.clue)).toEqual(['nginx.connect-timed-out']);
    expect(hits(read).map((h) => h.clue)).toEqual(['nginx.upstream-timed-out']);
  });

  it('raises nothing on a successful access log line or a client-side error', () => {
    expect(hits('10.0.0.7 - - [20/Nov/2026:10:15:02 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.5.0"')).toEqual([]);
    expect(hits('2026/11/20 10:15:02 [info] 31#31: *9 client closed connection while waiting for request, client: 10.0.0.7, server: 0.0.0.0:80')).toEqual([]);
  });
});
