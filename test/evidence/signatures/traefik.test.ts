import { SIGNATURES } from '../../../src/evidence/signatures/traefik';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { cluesOf, runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('traefik', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line })).find((h) => h.clue === clue)?.value;

describe('Traefik', () => {
  it('takes the status Traefik answered with', () => {
    expect(valueOf(`time="2026-11-20T10:15:02Z" level=debug msg="'504 Gateway Timeout' caused by: net/http: timeout awaiting response headers"`, 'traefik.bad-gateway')).toBe('504');
    expect(valueOf('10.0.0.7 - - [20/Nov/2026:10:15:02 +0000] "GET / HTTP/1.1" 502 11 "-" "curl/8.5.0" 17 "shop@docker" "http://172.18.0.5:8080" 1ms', 'traefik.bad-gateway')).toBe('502');
  });

  it('a successful access log line raises nothing', () => {
    expect(cluesOf('10.0.0.7 - - [20/Nov/2026:10:15:02 +0000] "GET / HTTP/1.1" 200 5120 "-" "curl/8.5.0" 17 "shop@docker" "http://172.18.0.5:8080" 12ms')).toEqual([]);
  });
});
