import { SIGNATURES } from '../../../src/evidence/signatures/azure-gateways';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('azure-gateways', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));
const valueOf = (line: string, clue: string) => hits(line).find((h) => h.clue === clue)?.value;
const record = (info: string, status: number) =>
  `{"category":"FrontDoorAccessLog","properties":{"trackingReference":"20261120T101502Z-16d5f9c7b8gq2zr5hC1FRAa5zw0000000f4g000000001ab2","httpStatusCode":"${status}","originName":"shop-app.azurewebsites.net:443","errorInfo":"${info}"}}`;

describe('Front Door ErrorInfo and App Gateway values', () => {
  it('takes the ErrorInfo value, not the originName field', () => {
    expect(valueOf(record('OriginTimeout', 504), 'frontdoor.origin-timeout')).toBe('OriginTimeout');
    expect(valueOf(record('OriginConnectionRefused', 502), 'frontdoor.origin-error')).toBe('OriginConnectionRefused');
    expect(valueOf(record('CertificateNameCheckFailed', 502), 'frontdoor.origin-tls')).toBe('CertificateNameCheckFailed');
  });

  it('a successful Front Door record raises no origin clue', () => {
    expect(hits(record('NoError', 200)).map((h) => h.clue).filter((c) => c.startsWith('frontdoor.origin'))).toEqual([]);
  });

  it('takes the status code the probe received', () => {
    expect(valueOf("Status code of the backend's HTTP response did not match the probe setting. Expected:200-399 Received:404.", 'appgw.backend-unhealthy')).toBe('404');
  });
});
