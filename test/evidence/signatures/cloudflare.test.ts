import { SIGNATURES } from '../../../src/evidence/signatures/cloudflare';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { cluesOf, runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('cloudflare', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line })).find((h) => h.clue === clue)?.value;
const ORIGIN = ['cloudflare.origin-timeout', 'cloudflare.origin-down', 'cloudflare.origin-bad-response', 'cloudflare.origin-tls'];

describe('cloudflare values and near misses', () => {
  it('takes the 52x code as the value of the page clue', () => {
    expect(valueOf('shop.example.com | 524: A timeout occurred', 'cloudflare.page')).toBe('524');
    expect(valueOf('A timeout occurred Error code 524', 'cloudflare.origin-timeout')).toBe('524');
    expect(valueOf('Web server is down Error code 521', 'cloudflare.origin-down')).toBe('521');
    expect(valueOf('HTTP/2 526', 'cloudflare.origin-tls')).toBe('526');
  });

  it('does not read a code out of a ray id or a timestamp', () => {
    expect(valueOf('cf-ray: 8e1f2a524c5d6e7f-FRA', 'cloudflare.page')).toBeUndefined();
    expect(valueOf('Cloudflare Ray ID: 8e1f2a3b4c5d6e7f • 2026-11-20 10:15:20 UTC', 'cloudflare.page')).toBeUndefined();
  });

  it('a Cloudflare 403 page names Cloudflare but no origin failure', () => {
    for (const line of ['Sorry, you have been blocked', 'Cloudflare Ray ID: 8e1f2a3b4c5d6e7f • Performance & security by Cloudflare', 'Error 1020 Access denied', 'Attention Required! | Cloudflare']) {
      expect(cluesOf(line).filter((c) => ORIGIN.includes(c))).toEqual([]);
    }
    expect(cluesOf('Cloudflare Ray ID: 8e1f2a3b4c5d6e7f • Performance & security by Cloudflare')).toContain('cloudflare.page');
  });

  it('a 200 response through Cloudflare raises no origin failure', () => {
    expect(cluesOf('HTTP/2 200').filter((c) => ORIGIN.includes(c))).toEqual([]);
    expect(cluesOf('cf-cache-status: HIT').filter((c) => ORIGIN.includes(c))).toEqual([]);
  });
});
