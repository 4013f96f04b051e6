import { SIGNATURES } from '../../../src/evidence/signatures/envoy';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('envoy', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));
const valueOf = (line: string, clue: string) => hits(line).find((h) => h.clue === clue)?.value;

describe('Envoy values', () => {
  it('takes the reset reason of a local reply', () => {
    expect(valueOf('upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111', 'envoy.upstream-failure')).toBe('connection failure');
  });

  it('takes the response flags of an access log line', () => {
    expect(valueOf('[2026-11-20T10:15:02.123Z] "GET / HTTP/1.1" 503 URX,UF 0 91 30 - "-" "curl/8.5.0" "5f2c" "shop" "10.0.1.23:8080"', 'envoy.upstream-failure')).toBe('URX,UF');
    expect(valueOf('{"response_code":504,"response_flags":"UT"}', 'envoy.upstream-timeout')).toBe('UT');
  });

  it('a 200 line raises nothing', () => {
    expect(hits('[2026-11-20T10:15:02.123Z] "GET / HTTP/1.1" 200 - via_upstream - "-" 0 612 3 2 "-" "curl/8.5.0" "5f2c" "shop" "10.0.1.23:8080"')).toEqual([]);
  });
});
