import { SIGNATURES } from '../../../src/evidence/signatures/haproxy';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('haproxy', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));
const valueOf = (line: string, clue: string) => hits(line).find((h) => h.clue === clue)?.value;
const line = (state: string, status = 502, server = 'shop1') =>
  `Nov 20 10:15:02 lb1 haproxy[2211]: 203.0.113.7:51234 [20/Nov/2026:10:15:02.101] www~ be_shop/${server} 0/0/0/-1/3 ${status} 209 - - ${state} 12/12/0/0/0 0/0 "GET /api/orders HTTP/1.1"`;

describe('HAProxy termination states', () => {
  it('takes the termination state', () => {
    expect(valueOf(line('SH--'), 'haproxy.server-error')).toBe('SH--');
    expect(valueOf(line('sC--', 503), 'haproxy.server-error')).toBe('sC--');
    expect(valueOf(line('SC--', 503, '<NOSRV>'), 'haproxy.no-server')).toBe('SC--');
  });

  it('a normal or client-side ending raises nothing', () => {
    expect(hits(line('----', 200))).toEqual([]);
    expect(hits(line('CD--', 200))).toEqual([]);
    expect(hits(line('cR--', 408))).toEqual([]);
  });

  it('takes the health check reason', () => {
    expect(valueOf('Server be_shop/shop1 is DOWN, reason: Layer4 connection problem, info: "Connection refused"', 'haproxy.server-error')).toBe('Layer4 connection problem');
  });
});
