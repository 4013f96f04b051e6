import { SIGNATURES } from '../../../src/evidence/signatures/ocelot';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('ocelot', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line })).find((h) => h.clue === clue)?.value;

describe('Ocelot values', () => {
  it('takes the OcelotErrorCode name', () => {
    expect(valueOf('ConnectionToDownstreamServiceError: Error connecting to downstream service, exception: System.Net.Http.HttpRequestException: Connection refused', 'ocelot.downstream-error')).toBe('ConnectionToDownstreamServiceError');
    expect(valueOf('Error Code: RequestTimedOutError Message: Timeout making http request', 'ocelot.timeout')).toBe('RequestTimedOutError');
  });

  it('a 200 downstream response raises no failure clue, only that Ocelot is in the picture', () => {
    const hits = scanner.scan('info: Ocelot.Requester.Middleware.HttpRequesterMiddleware[0] 200 OK status code of request URI: http://orders-api:8080/api/orders', () => ({ source: 'paste', line: 1, text: '' }));
    expect(hits.map((h) => h.clue)).toEqual(['dotnet-gateway.named']);
  });
});
