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

describe('nginx and an upstream that does not speak HTTP/2', () => {
  it('takes the frame length, which is an HTTP/1.x status line read as a frame header', () => {
    // Line from a grpc_pass to an HTTP/1.x backend (the blog post quoted in many gRPC-behind-nginx threads).
    const line = '2026/11/20 10:15:02 [error] 29#29: *1 upstream sent too large http2 frame: 4740180 while reading response header from upstream, client: 172.18.0.1, server: , request: "POST /Echo/Echo HTTP/2.0", upstream: "grpc://172.18.0.2:8080", host: "localhost:8080"';
    expect(valueOf(line, 'nginx.upstream-not-http2')).toBe('4740180');
    expect((0x485454).toString()).toBe('4740180');
  });
  it('only error 13 (HTTP_1_1_REQUIRED) says the upstream wants HTTP/1.1', () => {
    expect(valueOf('upstream sent goaway with error 13 while reading response header from upstream, client: 10.0.0.7', 'nginx.upstream-not-http2')).toBeUndefined();
    expect(hits('upstream sent goaway with error 13 while reading response header from upstream, client: 10.0.0.7').map((h) => h.clue)).toContain('nginx.upstream-not-http2');
    expect(hits('upstream rejected request with error 2 while reading response header from upstream').map((h) => h.clue)).not.toContain('nginx.upstream-not-http2');
  });
});
