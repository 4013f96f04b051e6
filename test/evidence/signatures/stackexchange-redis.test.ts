import { SIGNATURES } from '../../../src/evidence/signatures/stackexchange-redis';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('stackexchange-redis', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line })).find((h) => h.clue === clue)?.value;

describe('StackExchange.Redis values', () => {
  it("takes the worker pool's Busy, Free and Min, not the IOCP pool's", () => {
    expect(valueOf('IOCP: (Busy=0,Free=1000,Min=4,Max=1000), WORKER: (Busy=32,Free=32735,Min=4,Max=32767), v: 2.1.30.38891', 'dotnet.threadpool-stats')).toBe('32,Free=32735,Min=4');
  });
});
