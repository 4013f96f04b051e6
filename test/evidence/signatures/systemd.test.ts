import { SIGNATURES } from '../../../src/evidence/signatures/systemd';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('systemd', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));

describe('systemd exit lines', () => {
  it('keeps how the main process ended as the value', () => {
    const line = 'Nov 20 10:15:02 web1 systemd[1]: kestrel-shop.service: Main process exited, code=killed, status=6/ABRT';
    expect(hits(line).find((h) => h.clue === 'systemd.main-exited')?.value).toBe('code=killed, status=6/ABRT');
    expect(hits(line).map((h) => h.clue)).toContain('dotnet.fail-fast');
  });

  it('an exit code is not a signal: status=1 raises no crash kind', () => {
    const clues = hits('kestrel-shop.service: Main process exited, code=exited, status=1/FAILURE').map((h) => h.clue);
    expect(clues).toEqual(['systemd.main-exited']);
  });
});
