import { SIGNATURES } from '../../../src/evidence/signatures/app-service';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('app-service', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line })).find((h) => h.clue === clue)?.value;

describe('App Service values', () => {
  it('takes the port App Service pinged', () => {
    expect(valueOf("Container shop-api_0_5e1c2a7b didn't respond to HTTP pings on port: 8080, failing site start.", 'appservice.container-not-responding')).toBe('8080');
  });

  it('takes the seconds a start-up took', () => {
    expect(valueOf('Container shop-api_0_5e1c2a7b for site shop-api did not start within expected time limit. Elapsed time = 230.1842781 sec', 'appservice.container-not-responding')).toBe('230.1842781');
  });

  it('takes the address the front end could not forward to', () => {
    expect(valueOf('Failed to forward request to http://169.254.129.3:8080. Encountered a System.Threading.Tasks.TaskCanceledException', 'appservice.container-not-responding')).toBe('http://169.254.129.3:8080');
  });
});
