import { SIGNATURES } from '../../../src/evidence/signatures/net-http';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { cluesOf, runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('net-http', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string): string | undefined => scanner.scan(line, () => ({ source: 'paste', line: 1, text: '' })).find((h) => h.clue === clue)?.value;

describe('net-http values', () => {
  it.each([
    ['System.Net.Http.HttpRequestException: Connection refused (orders-api:8080)', 'net.connection-refused', 'orders-api:8080'],
    ['No connection could be made because the target machine actively refused it. (localhost:5000)', 'net.connection-refused', 'localhost:5000'],
    ['No connection could be made because the target machine actively refused it 127.0.0.1:5000', 'net.connection-refused', '127.0.0.1:5000'],
    ['dial tcp 10.244.1.17:8080: connect: connection refused', 'net.connection-refused', '10.244.1.17:8080'],
    ['connect ECONNREFUSED [::1]:5000', 'net.connection-refused', '[::1]:5000'],
    ['read tcp 10.0.0.12:51822->10.0.0.40:8080: read: connection reset by peer', 'net.connection-reset', '10.0.0.40:8080'],
    ['System.Net.Http.HttpRequestException: No such host is known. (orders-api:80)', 'net.host-unresolved', 'orders-api'],
    ['dial tcp: lookup orders-api.default.svc.cluster.local on 10.96.0.10:53: no such host', 'net.host-unresolved', 'orders-api.default.svc.cluster.local'],
    ['Error: getaddrinfo ENOTFOUND db.internal', 'net.host-unresolved', 'db.internal'],
    ["The remote name could not be resolved: 'api.partner.com'", 'net.host-unresolved', 'api.partner.com'],
    ['A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond. (10.0.3.4:443)', 'net.connect-timeout', '10.0.3.4:443'],
    ['dial tcp 10.0.1.9:8080: i/o timeout', 'net.connect-timeout', '10.0.1.9:8080'],
    ['Failed to bind to address http://127.0.0.1:5000: address already in use.', 'net.address-in-use', 'http://127.0.0.1:5000'],
    ['listen tcp :8080: bind: address already in use', 'net.address-in-use', ':8080'],
    ['dial tcp 10.42.0.17:8080: connect: no route to host', 'net.unreachable', '10.42.0.17:8080'],
    ['The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.', 'http.client-timeout', '100'],
    ["The operation didn't complete within the allowed timeout of '00:00:30'.", 'http.client-timeout', '00:00:30'],
    ["Received an invalid status line: 'SSH-2.0-OpenSSH_8.9'.", 'http.response-ended', 'SSH-2.0-OpenSSH_8.9'],
    ['The HTTP response headers length exceeded the set limit of 65536 bytes.', 'http.response-headers-too-big', '65536'],
  ])('%s → %s = %s', (line, clue, value) => {
    expect(valueOf(line, clue)).toBe(value);
  });
});

describe('net-http on whole chains', () => {
  it('a refused connection behind HttpClient raises both the send failure and the refusal', () => {
    const line = 'System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.Net.Sockets.SocketException (111): Connection refused';
    expect(cluesOf(line)).toEqual(expect.arrayContaining(['http.send-failed', 'net.connection-refused']));
  });
  it('a read timeout is not a connect timeout', () => {
    expect(cluesOf('upstream timed out (110: Connection timed out) while reading response header from upstream')).not.toContain('net.connect-timeout');
  });
  it('an EAGAIN that is not a name lookup is not an unresolved host', () => {
    expect(cluesOf('System.Net.Sockets.SocketException (11): Resource temporarily unavailable')).not.toContain('net.host-unresolved');
  });
});
