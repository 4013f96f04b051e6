import { SIGNATURES } from '../../../src/evidence/signatures/aws-alb';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('aws-alb', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));
const valueOf = (line: string, clue: string) => hits(line).find((h) => h.clue === clue)?.value;
const entry = (times: string, elb: string, target: string) =>
  `https 2026-11-20T10:15:02.123456Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234 10.0.1.23:8080 ${times} ${elb} ${target} 34 366 "GET https://shop.example.com:443/ HTTP/1.1" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-tg/73e2d6bc24d8a067 "Root=1-6739a1b2-36d228ad5d99923122bbe354" "shop.example.com" "-" 0 2026-11-20T10:15:02.000000Z "forward" "-" "-" "10.0.1.23:8080" "-" "-" "-"`;

describe('ALB access log lines', () => {
  it('reads the ELB status when the target gave no answer', () => {
    expect(valueOf(entry('0.000 -1 -1', '502', '-'), 'alb.target-failed')).toBe('502');
    expect(valueOf(entry('0.000 -1 -1', '504', '-'), 'alb.target-timeout')).toBe('504');
  });

  it('raises nothing for a 200 or for a 502 the target itself returned', () => {
    expect(hits(entry('0.000 0.004 0.000', '200', '200'))).toEqual([]);
    expect(hits(entry('0.000 0.004 0.000', '502', '502'))).toEqual([]);
  });

  it('takes the target health reason code', () => {
    expect(valueOf('"Reason": "Target.ResponseCodeMismatch",', 'alb.no-healthy-targets')).toBe('Target.ResponseCodeMismatch');
    expect(valueOf('"Description": "Health checks failed with these codes: [502]"', 'alb.no-healthy-targets')).toBe('502');
  });
});
