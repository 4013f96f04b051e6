import { SIGNATURES } from '../../../src/evidence/signatures/tls';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { cluesOf, runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('tls', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string): string | undefined => scanner.scan(line, () => ({ source: 'paste', line: 1, text: '' })).find((h) => h.clue === clue)?.value;

describe('tls on whole chains', () => {
  it('HttpClient wrapper, SslStream validation and the reason each raise their clue', () => {
    const line =
      'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch';
    expect(cluesOf(line)).toEqual(expect.arrayContaining(['tls.connection-failed', 'tls.remote-cert-invalid', 'tls.name-mismatch']));
    expect(cluesOf(line)).not.toContain('tls.untrusted-root');
  });
  it.each([
    ['The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot', 'tls.untrusted-root'],
    ['The remote certificate is invalid because of errors in the certificate chain: PartialChain', 'tls.partial-chain'],
    ['The remote certificate is invalid because of errors in the certificate chain: NotTimeValid', 'tls.expired'],
  ])('the chain status names the reason: %s', (line, clue) => {
    expect(cluesOf(line)).toEqual(expect.arrayContaining(['tls.remote-cert-invalid', clue]));
  });
  it('nginx wraps the OpenSSL reason in a generic handshake failure: both are raised', () => {
    const line = 'SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream';
    expect(cluesOf(line)).toEqual(expect.arrayContaining(['tls.handshake-failed', 'tls.protocol-mismatch']));
  });
  it('a plain HTTP request to Kestrel\'s TLS endpoint is plain-http-to-tls, not protocol-mismatch', () => {
    const line = 'Failed to authenticate HTTPS connection. System.IO.IOException: The handshake failed due to an unexpected packet format.';
    expect(cluesOf(line)).toContain('tls.plain-http-to-tls');
    expect(cluesOf(line)).not.toContain('tls.protocol-mismatch');
  });
});

describe('tls values', () => {
  it.each([
    ['The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch, RemoteCertificateChainErrors', 'tls.remote-cert-invalid', 'RemoteCertificateNameMismatch, RemoteCertificateChainErrors'],
    ['upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream', 'tls.remote-cert-invalid', '20:unable to get local issuer certificate'],
    ['x509: certificate is valid for ingress.local, not orders.example.com', 'tls.name-mismatch', 'orders.example.com'],
    ['upstream SSL certificate does not match "backend.internal" while SSL handshaking to upstream', 'tls.name-mismatch', 'backend.internal'],
    ['x509: certificate has expired or is not yet valid: current time 2026-11-20T10:15:02Z is after 2026-11-19T23:59:59Z', 'tls.expired', '2026-11-19T23:59:59Z'],
    ['SSL_do_handshake() failed (SSL: error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:SSL alert number 40)', 'tls.handshake-failed', 'sslv3 alert handshake failure:SSL alert number 40'],
    ['http: TLS handshake error from 10.42.0.1:53422: remote error: tls: bad certificate', 'tls.handshake-failed', 'remote error: tls: bad certificate'],
    ["Authentication failed because the remote party sent a TLS alert: 'HandshakeFailure'.", 'tls.handshake-failed', 'HandshakeFailure'],
    ["Could not establish trust relationship for the SSL/TLS secure channel with authority 'api.partner.com:443'.", 'tls.trust-relationship', 'api.partner.com:443'],
    ['A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 40.', 'tls.handshake-failed', '40'],
  ])('%s → %s = %s', (line, clue, value) => {
    expect(valueOf(line, clue)).toBe(value);
  });
});

describe('tls: a wrong port or scheme is told apart from a version or cipher mismatch', () => {
  it.each([
    'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream',
    'Get "https://api:8080/": http: server gave HTTP response to HTTPS client',
    'System.IO.IOException: Cannot determine the frame size or a corrupted frame was received.',
  ])('%s → port-scheme-mismatch and protocol-mismatch', (line) => {
    expect(cluesOf(line)).toEqual(expect.arrayContaining(['tls.port-scheme-mismatch', 'tls.protocol-mismatch']));
  });
  it.each([
    'SSL_do_handshake() failed (SSL: error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher) while SSL handshaking',
    'remote error: tls: protocol version not supported',
  ])('%s → protocol-mismatch only', (line) => {
    expect(cluesOf(line)).toContain('tls.protocol-mismatch');
    expect(cluesOf(line)).not.toContain('tls.port-scheme-mismatch');
  });
  it('Kestrel seeing a ClientHello on its http endpoint', () => {
    expect(cluesOf('Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Detected a TLS handshake to an endpoint that does not have TLS enabled.')).toContain('tls.port-scheme-mismatch');
  });
});

describe('tls: Envoy wordings', () => {
  it('takes the BoringSSL reason and the SANs Envoy saw', () => {
    expect(valueOf('transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end', 'tls.handshake-failed')).toBe('CERTIFICATE_VERIFY_FAILED');
    expect(valueOf('TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: SAN matcher, certificate SANs are [orders.internal]:TLS_error_end', 'tls.name-mismatch')).toBe('orders.internal');
  });
  it('a certificate verify failure is a rejected certificate, with Envoy\'s name mismatch when it says so', () => {
    const line = 'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: SAN matcher, certificate SANs are [orders.internal]:TLS_error_end';
    expect(cluesOf(line)).toEqual(expect.arrayContaining(['tls.remote-cert-invalid', 'tls.name-mismatch', 'envoy.upstream-failure']));
  });
});
