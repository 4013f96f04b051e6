/**
 * Signatures of TLS (SslStream, OpenSSL, Go x509, Windows SChannel). See types.ts for what a
 * signature is and how it is matched.
 *
 * A TLS failure reaches a paste in layers: HttpClient's generic "The SSL connection could not be
 * established" (tls.connection-failed), SslStream's "The remote certificate is invalid ..."
 * (tls.remote-cert-invalid), and the reason (`RemoteCertificateNameMismatch`, `UntrustedRoot`,
 * `PartialChain`, `NotTimeValid`, or the OpenSSL / Go / SChannel / Node wording of the same
 * thing). A line raises every layer it shows, so the specific reason is kept when the generic
 * wrapper is all that was pasted, and the other way round.
 */
import type { Signature } from './types';

const SEC_RESX = (name: string): string => `dotnet/runtime src/libraries/System.Net.Security/src/Resources/Strings.resx (${name})`;
const HTTP_RESX = (name: string): string => `dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (${name})`;
const POLICY = 'dotnet/runtime System.Net.Security SslPolicyErrors enum names';
const CHAIN = 'dotnet/runtime System.Security.Cryptography.X509Certificates X509ChainStatusFlags enum names';
const OPENSSL_VERIFY = 'openssl crypto/x509/x509_txt.c (X509_verify_cert_error_string)';
const OPENSSL_SSL = 'openssl crypto/err/openssl.txt / ssl/ssl_err.c (SSL_R_* reason strings)';
const GO_X509 = 'golang crypto/x509 verify.go (CertificateInvalidError, HostnameError, UnknownAuthorityError)';
const GO_TLS = 'golang crypto/tls (alert.go, handshake_client.go, conn.go)';
const SCHANNEL = 'Windows winerror.h SEC_E_* / CERT_E_* texts (SChannel, as SslStream and WinHTTP report them)';
const NODE_TLS = 'nodejs lib/_tls_wrap.js and lib/tls.js (OpenSSL verify codes, checkServerIdentity)';

/** The .NET reason list after "The remote certificate is invalid ...: " (SslPolicyErrors / X509ChainStatusFlags). */
const CERT_REASON = /remote certificate is invalid[a-z ]{0,60}?: ?(\w{1,60}(?:, ?\w{1,60}){0,5})/i;
/** The OpenSSL reason, the Go alert or the Go server's handshake error, whichever the line has. */
const HANDSHAKE_REASON = /(?:ssl routines:\w{0,60}:|remote error: tls: |handshake error from [\w.:[\]-]{1,60}: |tls alert: ')([\w :-]{1,80})/i;

export const SIGNATURES: readonly Signature[] = [
  // --- The generic wrappers
  {
    clue: 'tls.connection-failed',
    all: ['ssl connection could not be established'],
    source: HTTP_RESX('net_http_ssl_connection_failed'),
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch',
        'The SSL connection could not be established',
      ],
    },
  },
  {
    clue: 'tls.connection-failed',
    all: ['secure channel'],
    any: ['could not create ssl/tls secure channel', 'error occurred in the secure channel support'],
    source: '.NET Framework System.Net WebException (SecureChannelFailure: "The request was aborted: Could not create SSL/TLS secure channel."); WinHTTP ERROR_WINHTTP_SECURE_CHANNEL_ERROR 12157 (kb-facts 3.3)',
    examples: {
      match: ['System.Net.WebException: The request was aborted: Could not create SSL/TLS secure channel.', 'An error occurred in the secure channel support'],
      noMatch: ['Could not establish trust relationship for the SSL/TLS secure channel'],
    },
  },
  {
    clue: 'tls.connection-failed',
    all: ['secure'],
    any: ['securechannelfailure', 'secureconnectionerror', 'error_winhttp_secure_channel_error'],
    source: '.NET WebExceptionStatus.SecureChannelFailure; dotnet/runtime HttpRequestError.SecureConnectionError; WinHTTP 12157 (kb-facts 3.3)',
    examples: { match: ['Status: SecureChannelFailure', 'HttpRequestError: SecureConnectionError', 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR'] },
  },
  {
    clue: 'tls.connection-failed',
    all: ['0x80072f7d'],
    source: 'kb-facts 3.3 (HRESULT 0x80072F7D = ERROR_WINHTTP_SECURE_CHANNEL_ERROR 12157)',
    examples: { match: ['WinHttpException (0x80072F7D): An error occurred in the secure channel support'] },
  },

  // --- The certificate failed validation (reason unknown or given separately)
  {
    clue: 'tls.remote-cert-invalid',
    all: ['remote certificate is invalid'],
    value: CERT_REASON,
    source: `${SEC_RESX('net_ssl_io_cert_validation')}; net_ssl_io_cert_chain_validation ("... because of errors in the certificate chain: {0}")`,
    examples: {
      match: [
        'System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
        'AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot',
        'The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch, RemoteCertificateChainErrors',
      ],
    },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['remote certificate was rejected by'],
    source: SEC_RESX('net_ssl_io_cert_custom_validation'),
    examples: {
      match: [
        'System.Security.Authentication.AuthenticationException: The remote certificate was rejected by the provided RemoteCertificateValidationCallback.',
        'The remote certificate was rejected by RemoteCertificateValidationCallback.',
      ],
    },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['remotecertificatechainerrors'],
    source: POLICY,
    examples: { match: ['sslPolicyErrors: RemoteCertificateChainErrors'] },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['certificate verify'],
    any: ['certificate verify failed', 'certificate verify error'],
    value: /certificate verify (?:error|failed)[:\s(]{1,4}([\w :,'.-]{1,100})/i,
    source: `${OPENSSL_SSL} (SSL_R_CERTIFICATE_VERIFY_FAILED); nginx src/event/ngx_event_openssl.c / ngx_http_upstream.c ("upstream SSL certificate verify error: (%d:%s)")`,
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed) while SSL handshaking to upstream',
        'upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream',
        '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
      ],
    },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['certificate_verify_failed'],
    source: 'OpenSSL / BoringSSL reason code name (CERTIFICATE_VERIFY_FAILED), as Envoy and Python print it',
    examples: { match: ['TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED'] },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['failed to verify certificate'],
    source: `${GO_TLS} (handshake_client.go: "tls: failed to verify certificate: %w")`,
    examples: { match: ['tls: failed to verify certificate: x509: certificate signed by unknown authority'] },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['revocation'],
    any: ['unable to check revocation', 'revocationstatusunknown', 'offlinerevocation', 'crypt_e_no_revocation_check'],
    source: `${CHAIN} (RevocationStatusUnknown, OfflineRevocation); ${SCHANNEL} (CRYPT_E_NO_REVOCATION_CHECK 0x80092012); WinHTTP ERROR_WINHTTP_SECURE_CERT_REV_FAILED 12057`,
    examples: {
      match: [
        'The revocation function was unable to check revocation for the certificate.',
        'The remote certificate is invalid because of errors in the certificate chain: RevocationStatusUnknown, OfflineRevocation',
      ],
      noMatch: ['Certificate revocation list updated'],
    },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['secure_cert_rev_failed'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_SECURE_CERT_REV_FAILED 12057)',
    examples: { match: ['ERROR_WINHTTP_SECURE_CERT_REV_FAILED'] },
  },
  {
    clue: 'tls.remote-cert-invalid',
    all: ['pkix path validation failed'],
    source: 'OpenJDK sun.security.validator (ValidatorException "PKIX path validation failed")',
    examples: { match: ['sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed'] },
  },

  // --- Name mismatch
  {
    clue: 'tls.name-mismatch',
    all: ['remotecertificatenamemismatch'],
    source: POLICY,
    examples: {
      match: [
        'The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch',
        'The remote certificate is invalid because of errors in the certificate chain: RemoteCertificateNameMismatch',
        'sslPolicyErrors = RemoteCertificateNameMismatch',
      ],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['x509: certificate is valid for'],
    value: /, not ([\w*.-]{1,253})/i,
    source: `${GO_X509} (HostnameError: "x509: certificate is valid for %s, not %s")`,
    examples: {
      match: [
        'tls: failed to verify certificate: x509: certificate is valid for ingress.local, not orders.example.com',
        'x509: certificate is valid for *.example.com, example.com, not api.internal',
      ],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['certificate is valid for', ', not '],
    none: ['days', 'year', 'month', 'hours'],
    value: /, not ([\w*.-]{1,253})/i,
    source: `${GO_X509} (HostnameError)`,
    examples: { match: ['500 Internal Server Error: certificate is valid for traefik.default, not whoami.local'], noMatch: ['the certificate is valid for 90 days, not a year'] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['x509: certificate'],
    any: ['is not valid for any names', 'relies on legacy common name field'],
    source: `${GO_X509} (HostnameError without SANs; "x509: certificate relies on legacy Common Name field, use SANs instead")`,
    examples: {
      match: [
        'x509: certificate is not valid for any names, but wanted to match backend.svc',
        'x509: certificate relies on legacy Common Name field, use SANs instead',
      ],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ["contain any ip sans"],
    value: /validate certificate for ([\w.:[\]-]{1,60}) because/i,
    source: `${GO_X509} (HostnameError: "x509: cannot validate certificate for %s because it doesn't contain any IP SANs")`,
    examples: { match: ["x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs"] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['hostname mismatch'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_HOSTNAME_MISMATCH 62); CPython Lib/ssl.py ("Hostname mismatch, certificate is not valid for ...")`,
    examples: {
      match: [
        'upstream SSL certificate verify error: (62:hostname mismatch) while SSL handshaking to upstream',
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'api.internal'. (_ssl.c:1006)",
      ],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['upstream ssl certificate does not match'],
    value: /does not match "([^"\n]{1,253})"/i,
    source: 'nginx src/http/ngx_http_upstream.c (ngx_ssl_check_host: "upstream SSL certificate does not match \\"%V\\"")',
    examples: { match: ['upstream SSL certificate does not match "backend.internal" while SSL handshaking to upstream, client: 10.0.0.1'] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['subject alternative'],
    any: ['match any of the subject alternative names', 'no subject alternative names matching', 'no subject alternative dns name matching'],
    source: 'Apache HttpClient DefaultHostnameVerifier ("Certificate for <host> doesn\'t match any of the subject alternative names"); OpenJDK sun.security.util.HostnameChecker',
    examples: {
      match: [
        'javax.net.ssl.SSLPeerUnverifiedException: Certificate for <api.internal> doesn\'t match any of the subject alternative names: [*.example.com]',
        'java.security.cert.CertificateException: No subject alternative names matching IP address 10.0.0.5 found',
        'No subject alternative DNS name matching backend found.',
      ],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['altname'],
    any: ["does not match certificate's altnames", "is not in the cert's altnames", 'err_tls_cert_altname_invalid'],
    source: `${NODE_TLS} (checkServerIdentity: "Hostname/IP does not match certificate's altnames", ERR_TLS_CERT_ALTNAME_INVALID)`,
    examples: {
      match: ["Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: api.internal. is not in the cert's altnames: DNS:*.example.com"],
      noMatch: ['subjectAltName = DNS:api.internal, DNS:localhost'],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['host name'],
    any: ['no alternative certificate subject name matches target host name', 'does not match target host name'],
    source: 'curl lib/vtls/openssl.c (verifyhost: "SSL: no alternative certificate subject name matches target host name")',
    examples: { match: ["curl: (60) SSL: no alternative certificate subject name matches target host name 'api.internal'"] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['target principal name is incorrect'],
    // SQL Server's Kerberos error reads the same and is not TLS.
    none: ['sspi'],
    source: `${SCHANNEL} (SEC_E_WRONG_PRINCIPAL 0x80090322)`,
    examples: {
      match: ['System.ComponentModel.Win32Exception (0x80090322): The target principal name is incorrect.'],
      noMatch: ['The target principal name is incorrect.  Cannot generate SSPI context.'],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['sec_e_wrong_principal'],
    source: `${SCHANNEL} (SEC_E_WRONG_PRINCIPAL 0x80090322)`,
    examples: { match: ['SEC_E_WRONG_PRINCIPAL'] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['cn_no_match'],
    source: `${SCHANNEL} (CERT_E_CN_NO_MATCH 0x800B010F)`,
    examples: { match: ['CERT_E_CN_NO_MATCH'] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['cn name does not match the passed value'],
    source: `${SCHANNEL} (CERT_E_CN_NO_MATCH: "The certificate's CN name does not match the passed value.")`,
    examples: { match: ["The certificate's CN name does not match the passed value."] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['secure_cert_cn_invalid'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_SECURE_CERT_CN_INVALID 12038)',
    examples: { match: ['ERROR_WINHTTP_SECURE_CERT_CN_INVALID'] },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['0x80'],
    any: ['0x80090322', '0x800b010f', '0x80072f06'],
    source: `${SCHANNEL} (SEC_E_WRONG_PRINCIPAL 0x80090322, CERT_E_CN_NO_MATCH 0x800B010F); WinHTTP 12038 = 0x80072F06`,
    examples: { match: ['CERT_E_CN_NO_MATCH (0x800B010F)', 'hr=0x80072F06', 'Win32Exception (0x80090322)'] },
  },

  // --- Untrusted root: self-signed, private CA, corporate TLS inspection
  {
    clue: 'tls.untrusted-root',
    all: ['untrustedroot'],
    source: CHAIN,
    examples: {
      match: [
        'The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot',
        'chain status: UntrustedRoot A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.',
      ],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['certificate signed by unknown authority'],
    source: `${GO_X509} (UnknownAuthorityError: "x509: certificate signed by unknown authority")`,
    examples: {
      match: [
        'Get "https://backend:8443/": tls: failed to verify certificate: x509: certificate signed by unknown authority',
        '500 Internal Server Error: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "dev")',
      ],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['issuer'],
    any: ['unable to get local issuer certificate', 'unable_to_get_issuer_cert_locally'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY 20); ${NODE_TLS}`,
    examples: {
      match: ['curl: (60) SSL certificate problem: unable to get local issuer certificate', 'Error: unable to get local issuer certificate code: UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
      noMatch: ['unable to get issuer certificate'],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['self'],
    any: ['self signed certificate in certificate chain', 'self-signed certificate in certificate chain', 'self_signed_cert_in_chain', 'depth_zero_self_signed_cert'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN 19, DEPTH_ZERO_SELF_SIGNED_CERT 18); ${NODE_TLS}`,
    examples: {
      match: [
        'Error: self-signed certificate in certificate chain code: SELF_SIGNED_CERT_IN_CHAIN',
        'SSL certificate problem: self signed certificate in certificate chain',
        'code: DEPTH_ZERO_SELF_SIGNED_CERT',
      ],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['self signed certificate'],
    any: ['error', 'problem', 'verify', 'failed', 'rejected', 'exception'],
    none: ['generate', 'create', 'how to'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT 18, OpenSSL 1.x wording)`,
    examples: {
      match: ['upstream SSL certificate verify error: (18:self signed certificate) while SSL handshaking to upstream', 'Error: self signed certificate'],
      noMatch: ['how to create a self signed certificate for kestrel'],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['self-signed certificate'],
    any: ['error', 'problem', 'verify', 'failed', 'rejected', 'exception'],
    none: ['generate', 'create', 'how to'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT 18, OpenSSL 3 wording); ${NODE_TLS}`,
    examples: {
      match: ['upstream SSL certificate verify error: (18:self-signed certificate) while SSL handshaking to upstream', 'curl: (60) SSL certificate problem: self-signed certificate'],
      noMatch: ['we use a self-signed certificate on the staging backend'],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['not trusted'],
    any: ['issued by an authority that is not trusted', 'terminated in a root certificate which is not trusted'],
    source: `${SCHANNEL} (SEC_E_UNTRUSTED_ROOT 0x80090325, CERT_E_UNTRUSTEDROOT 0x800B0109)`,
    examples: {
      match: [
        'A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)',
        'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.',
      ],
    },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['untrusted_root'],
    source: `${SCHANNEL} (SEC_E_UNTRUSTED_ROOT 0x80090325; CERT_E_UNTRUSTEDROOT is matched by the chain status name above)`,
    examples: { match: ['SEC_E_UNTRUSTED_ROOT', 'CERT_E_UNTRUSTEDROOT'] },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['secure_invalid_ca'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_SECURE_INVALID_CA 12045)',
    examples: { match: ['ERROR_WINHTTP_SECURE_INVALID_CA'] },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['0x80'],
    any: ['0x80090325', '0x800b0109', '0x80072f0d'],
    source: `${SCHANNEL} (0x80090325, 0x800B0109); WinHTTP 12045 = 0x80072F0D`,
    examples: { match: ['Win32Exception (0x80090325): The certificate chain was issued by an authority that is not trusted.', 'hr 0x80072F0D'] },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['certificate authority'],
    any: ['certificate authority is invalid or incorrect', 'tls: unknown certificate authority'],
    source: `WinHTTP ERROR_WINHTTP_SECURE_INVALID_CA 12045 text; ${GO_TLS} (alert unknown_ca: "unknown certificate authority")`,
    examples: { match: ['The certificate authority is invalid or incorrect', 'remote error: tls: unknown certificate authority'] },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['alert unknown ca'],
    source: `${OPENSSL_SSL} (SSL_R_TLSV1_ALERT_UNKNOWN_CA "tlsv1 alert unknown ca", SSL_R_SSLV3_ALERT_... )`,
    examples: { match: ['SSL_do_handshake() failed (SSL: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:SSL alert number 48)'] },
  },
  {
    clue: 'tls.untrusted-root',
    all: ['unable to find valid certification path'],
    source: 'OpenJDK sun.security.provider.certpath.SunCertPathBuilderException',
    examples: { match: ['PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target'] },
  },

  // --- Partial chain: an intermediate is missing
  {
    clue: 'tls.partial-chain',
    all: ['partialchain'],
    source: CHAIN,
    examples: { match: ['The remote certificate is invalid because of errors in the certificate chain: PartialChain', 'X509ChainStatusFlags.PartialChain'] },
  },
  {
    clue: 'tls.partial-chain',
    all: ['unable to verify the first certificate'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE 21); ${NODE_TLS}`,
    examples: {
      match: ['Error: unable to verify the first certificate code: UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'upstream SSL certificate verify error: (21:unable to verify the first certificate) while SSL handshaking to upstream'],
    },
  },
  {
    clue: 'tls.partial-chain',
    all: ['unable_to_verify_leaf_signature'],
    source: NODE_TLS,
    examples: { match: ["code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'"] },
  },
  {
    clue: 'tls.partial-chain',
    all: ['unable to get issuer certificate'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT 2)`,
    examples: { match: ['upstream SSL certificate verify error: (2:unable to get issuer certificate) while SSL handshaking to upstream'] },
  },
  {
    clue: 'tls.partial-chain',
    all: ['chain could not be built to a trusted root'],
    source: `${SCHANNEL} (CERT_E_CHAINING 0x800B010A), the PartialChain status text on Windows`,
    examples: { match: ['A certificate chain could not be built to a trusted root authority.'] },
  },

  // --- Expired or not yet valid
  {
    clue: 'tls.expired',
    all: ['nottimevalid'],
    source: CHAIN,
    examples: { match: ['The remote certificate is invalid because of errors in the certificate chain: NotTimeValid'] },
  },
  {
    clue: 'tls.expired',
    all: ['certificate has expired'],
    value: /is after ([\w:+.-]{8,40})/i,
    source: `${OPENSSL_VERIFY} (X509_V_ERR_CERT_HAS_EXPIRED 10); ${GO_X509} ("x509: certificate has expired or is not yet valid: current time %s is after %s"); ${SCHANNEL} (SEC_E_CERT_EXPIRED "The received certificate has expired")`,
    examples: {
      match: [
        'tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-20T10:15:02Z is after 2026-11-19T23:59:59Z',
        'upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream',
        'The received certificate has expired.',
      ],
      noMatch: ['the certificate expires in 10 days'],
    },
  },
  {
    clue: 'tls.expired',
    all: ['certificate is not yet valid'],
    source: `${OPENSSL_VERIFY} (X509_V_ERR_CERT_NOT_YET_VALID 9)`,
    examples: { match: ['SSL certificate problem: certificate is not yet valid'] },
  },
  {
    clue: 'tls.expired',
    all: ['expired'],
    any: ['cert_has_expired', 'alert certificate expired', 'tls: expired certificate', 'sec_e_cert_expired', 'cert_e_expired', 'certificateexpiredexception'],
    source: `${NODE_TLS} (CERT_HAS_EXPIRED); ${OPENSSL_SSL} (SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED); ${GO_TLS} (alert "expired certificate"); ${SCHANNEL} (SEC_E_CERT_EXPIRED, CERT_E_EXPIRED); OpenJDK java.security.cert.CertificateExpiredException`,
    examples: {
      match: [
        "Error: certificate has expired code: 'CERT_HAS_EXPIRED'",
        'sslv3 alert certificate expired',
        'remote error: tls: expired certificate',
        'SEC_E_CERT_EXPIRED',
        'java.security.cert.CertificateExpiredException: NotAfter: Tue Nov 19 23:59:59 UTC 2026',
      ],
    },
  },
  {
    clue: 'tls.expired',
    all: ['not within its validity period'],
    source: `${SCHANNEL} (CERT_E_EXPIRED 0x800B0101: "A required certificate is not within its validity period ...")`,
    examples: { match: ['A required certificate is not within its validity period when verifying against the current system clock or the timestamp in the signed file.'] },
  },
  {
    clue: 'tls.expired',
    all: ['0x80'],
    any: ['0x80090328', '0x800b0101', '0x80072f05'],
    source: `${SCHANNEL} (SEC_E_CERT_EXPIRED 0x80090328, CERT_E_EXPIRED 0x800B0101); WinHTTP ERROR_WINHTTP_SECURE_CERT_DATE_INVALID 12037 = 0x80072F05`,
    examples: { match: ['hr=0x800B0101', 'Win32Exception (0x80090328)'] },
  },
  {
    clue: 'tls.expired',
    all: ['error_winhttp_secure_cert_date_invalid'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_SECURE_CERT_DATE_INVALID 12037)',
    examples: { match: ['ERROR_WINHTTP_SECURE_CERT_DATE_INVALID'] },
  },

  // --- The other side closed the connection during the handshake
  {
    clue: 'tls.remote-closed',
    all: ['remote party has closed the transport stream'],
    source: SEC_RESX('net_auth_eof'),
    examples: {
      match: [
        'System.IO.IOException: Authentication failed because the remote party has closed the transport stream.',
        'The SSL connection could not be established, see inner exception. ---> System.IO.IOException: Authentication failed because the remote party has closed the transport stream.',
      ],
    },
  },
  {
    clue: 'tls.remote-closed',
    all: ['0 bytes from the transport stream'],
    source: SEC_RESX('net_io_eof'),
    examples: { match: ['System.IO.IOException: Received an unexpected EOF or 0 bytes from the transport stream.'] },
  },
  {
    clue: 'tls.remote-closed',
    all: ['peer closed connection in ssl handshake'],
    source: 'nginx src/event/ngx_event_openssl.c (ngx_ssl_handshake: "peer closed connection in SSL handshake")',
    examples: { match: ['peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking to upstream, client: 10.0.0.1', 'peer closed connection in SSL handshake while SSL handshaking to upstream'] },
  },
  {
    clue: 'tls.remote-closed',
    all: ['unexpected eof while reading'],
    any: ['ssl', 'tls'],
    source: `${OPENSSL_SSL} (SSL_R_UNEXPECTED_EOF_WHILE_READING, OpenSSL 3)`,
    examples: {
      match: ['SSL_do_handshake() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while SSL handshaking to upstream'],
      noMatch: ['parse failed: unexpected EOF while reading the config file'],
    },
  },
  {
    clue: 'tls.remote-closed',
    all: ['disconnected before secure tls connection'],
    source: `${NODE_TLS} (ECONNRESET "Client network socket disconnected before secure TLS connection was established")`,
    examples: { match: ['Error: Client network socket disconnected before secure TLS connection was established'] },
  },
  {
    clue: 'tls.remote-closed',
    all: ['ssl_error_syscall'],
    source: 'curl lib/vtls/openssl.c ("OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to %s")',
    examples: { match: ['curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to backend:443'] },
  },
  {
    clue: 'tls.remote-closed',
    all: ['tls handshake error', ': eof'],
    source: 'golang net/http server.go ("http: TLS handshake error from %s: %v" with io.EOF)',
    examples: { match: ['http: TLS handshake error from 10.0.0.7:53422: EOF'] },
  },
  {
    clue: 'tls.remote-closed',
    all: ['remote host terminated the handshake'],
    source: 'OpenJDK sun.security.ssl (SSLHandshakeException "Remote host terminated the handshake")',
    examples: { match: ['javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake'] },
  },

  // --- Protocol mismatch: versions or ciphers, or TLS spoken to a plain-HTTP port
  {
    clue: 'tls.protocol-mismatch',
    all: ['wrong version number'],
    any: ['ssl', 'tls', 'routines', 'handshak'],
    source: `${OPENSSL_SSL} (SSL_R_WRONG_VERSION_NUMBER: a TLS client got a non-TLS answer)`,
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream',
        'curl: (35) error:0A00010B:SSL routines::wrong version number',
      ],
      noMatch: ['package restore failed: wrong version number in lock file'],
    },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['wrong_version_number'],
    source: `${NODE_TLS} (ERR_SSL_WRONG_VERSION_NUMBER)`,
    examples: { match: ["code: 'ERR_SSL_WRONG_VERSION_NUMBER'"] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['packet length too long'],
    any: ['ssl', 'tls', 'routines'],
    source: `${OPENSSL_SSL} (SSL_R_PACKET_LENGTH_TOO_LONG)`,
    examples: { match: ['error:1408F092:SSL routines:ssl3_get_record:packet length too long'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['do not possess a common algorithm'],
    source: `${SCHANNEL} (SEC_E_ALGORITHM_MISMATCH 0x80090331)`,
    examples: {
      match: [
        'System.ComponentModel.Win32Exception (0x80090331): The client and server cannot communicate, because they do not possess a common algorithm.',
        'The client and server cannot communicate, because they do not possess a common algorithm',
      ],
    },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['0x80090331'],
    source: `${SCHANNEL} (SEC_E_ALGORITHM_MISMATCH 0x80090331)`,
    examples: { match: ['Win32Exception (0x80090331)'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['algorithm_mismatch'],
    source: `${SCHANNEL} (SEC_E_ALGORITHM_MISMATCH)`,
    examples: { match: ['SEC_E_ALGORITHM_MISMATCH'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['unsupported protocol'],
    any: ['ssl', 'tls', 'routines'],
    none: ['protocol scheme'],
    source: `${OPENSSL_SSL} (SSL_R_UNSUPPORTED_PROTOCOL)`,
    examples: {
      match: ['SSL_do_handshake() failed (SSL: error:1425F102:SSL routines:ssl_choose_client_version:unsupported protocol) while SSL handshaking to upstream'],
      noMatch: ['Get "api:8080/health": unsupported protocol scheme "" (TLS off)'],
    },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['cipher'],
    any: ['no shared cipher', 'no cipher suite supported by both', 'none of the cipher suites supported by the client', 'err_ssl_version_or_cipher_mismatch'],
    source: `${OPENSSL_SSL} (SSL_R_NO_SHARED_CIPHER); ${GO_TLS} ("tls: no cipher suite supported by both client and server"); SChannel event 36874; Chromium net_error_list.h (SSL_VERSION_OR_CIPHER_MISMATCH)`,
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher) while SSL handshaking',
        'http: TLS handshake error from 10.0.0.3:4431: tls: no cipher suite supported by both client and server',
        'An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server.',
        'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
      ],
    },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['protocol version'],
    any: ['alert protocol version', 'protocol version not supported', 'selected unsupported protocol version'],
    source: `${OPENSSL_SSL} (SSL_R_TLSV1_ALERT_PROTOCOL_VERSION); ${GO_TLS} (alert "protocol version not supported", "server selected unsupported protocol version")`,
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:1409442E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:SSL alert number 70)',
        'remote error: tls: protocol version not supported',
        'tls: server selected unsupported protocol version 301',
      ],
    },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['tls: '],
    any: ['offered only unsupported versions', 'no mutually supported protocol versions'],
    source: `${GO_TLS} (handshake_server.go: "tls: client offered only unsupported versions: %x"; "tls: no mutually supported protocol versions")`,
    examples: { match: ['http: TLS handshake error from 10.0.0.5:50122: tls: client offered only unsupported versions: [302 301]'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ["tls alert: 'protocolversion'"],
    source: `${SEC_RESX('net_auth_tls_alert')} with TlsAlertMessage.ProtocolVersion`,
    examples: { match: ["Authentication failed because the remote party sent a TLS alert: 'ProtocolVersion'."] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['server gave http response to https client'],
    source: 'golang net/http transport.go ("http: server gave HTTP response to HTTPS client")',
    examples: { match: ['Get "https://api:8080/": http: server gave HTTP response to HTTPS client'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['first record does not look like a tls handshake'],
    source: `${GO_TLS} (conn.go: "tls: first record does not look like a TLS handshake")`,
    examples: { match: ['500 Internal Server Error: tls: first record does not look like a TLS handshake'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['cannot determine the frame size'],
    source: SEC_RESX('net_frame_read_size'),
    examples: { match: ['System.IO.IOException: Cannot determine the frame size or a corrupted frame was received.'] },
  },
  {
    clue: 'tls.protocol-mismatch',
    all: ['unexpected packet format'],
    // On the server (Kestrel) the same text means plain HTTP reached a TLS endpoint: see below.
    none: ['failed to authenticate https connection'],
    source: SEC_RESX('net_ssl_io_frame'),
    examples: {
      match: ['System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.IO.IOException: The handshake failed due to an unexpected packet format.'],
    },
  },

  // --- TLS and plain HTTP met on one port: a TLS client read a non-TLS answer, or a server read
  // the other protocol's first bytes. The client-side wordings above also raise
  // tls.protocol-mismatch (the family's clue); this clue says which mismatch it is, so that a
  // cipher or version disagreement is not read as a wrong port or scheme.
  {
    clue: 'tls.port-scheme-mismatch',
    all: ['wrong version number'],
    any: ['ssl', 'tls', 'routines', 'handshak'],
    source: `${OPENSSL_SSL} (SSL_R_WRONG_VERSION_NUMBER: the first bytes back were not a TLS record, e.g. "HTTP/1.1 400")`,
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream',
        'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception. ---> Interop+OpenSsl+SslException: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL. ---> Interop+Crypto+OpenSslCryptographicException: error:0A00010B:SSL routines::wrong version number',
      ],
      noMatch: ['package restore failed: wrong version number in lock file'],
    },
  },
  {
    clue: 'tls.port-scheme-mismatch',
    all: ['wrong_version_number'],
    source: `${NODE_TLS} (ERR_SSL_WRONG_VERSION_NUMBER); envoyproxy/envoy source/common/tls/ssl_socket.cc (BoringSSL reason WRONG_VERSION_NUMBER in "TLS_error:|…:TLS_error_end")`,
    examples: {
      match: [
        "code: 'ERR_SSL_WRONG_VERSION_NUMBER'",
        'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: TLS_error:|268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end',
      ],
    },
  },
  {
    clue: 'tls.port-scheme-mismatch',
    all: ['unknown protocol'],
    any: ['routines', 'ssl23_get_server_hello'],
    source: `${OPENSSL_SSL} (SSL_R_UNKNOWN_PROTOCOL, OpenSSL 1.0 client: "SSL23_GET_SERVER_HELLO:unknown protocol")`,
    examples: { match: ['curl: (35) error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol'], noMatch: ['unknown protocol "ftp" in the rewrite target'] },
  },
  {
    clue: 'tls.port-scheme-mismatch',
    all: ['server gave http response to https client'],
    source: 'golang net/http transport.go ("http: server gave HTTP response to HTTPS client")',
    examples: { match: ['Get "https://api:8080/": http: server gave HTTP response to HTTPS client'] },
  },
  {
    clue: 'tls.port-scheme-mismatch',
    all: ['first record does not look like a tls handshake'],
    source: `${GO_TLS} (conn.go: "tls: first record does not look like a TLS handshake")`,
    examples: { match: ['time="2026-11-20T10:15:02Z" level=debug msg="\'500 Internal Server Error\' caused by: tls: first record does not look like a TLS handshake"'] },
  },
  {
    // Either side: a TLS client reading an HTTP answer, or Kestrel's HTTPS endpoint reading "GET /".
    clue: 'tls.port-scheme-mismatch',
    all: ['cannot determine the frame size'],
    source: `${SEC_RESX('net_frame_read_size')} (SslStream read a record header that is not TLS)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.IO.IOException: Cannot determine the frame size or a corrupted frame was received.',
      ],
    },
  },
  {
    // Kestrel .NET 8+ recognizes a TLS ClientHello on an http:// endpoint (logged as bad request data).
    clue: 'tls.port-scheme-mismatch',
    all: ['detected a tls handshake to an endpoint that does not have tls enabled'],
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/CoreStrings.resx (HttpParserTlsOverHttpError)',
    examples: {
      match: [
        'dbug: Microsoft.AspNetCore.Server.Kestrel.BadRequests[17] Connection id "0HN8J4K2Q1ABC" bad request data: "Detected a TLS handshake to an endpoint that does not have TLS enabled."',
        'Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Detected a TLS handshake to an endpoint that does not have TLS enabled.',
      ],
    },
  },
  {
    // Older Kestrel prints the ClientHello bytes as the request line: \x16\x03 opens every TLS handshake record.
    clue: 'tls.port-scheme-mismatch',
    all: ['invalid request line', '\\x16\\x03'],
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/CoreStrings.resx (BadRequest_InvalidRequestLine_Detail "Invalid request line: \'{detail}\'", bytes escaped as \\xNN)',
    examples: {
      match: ['Connection id "0HMA1B2C3D4E5" bad request data: "Invalid request line: \'\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\'"'],
      noMatch: ['Connection id "0HMA1B2C3D4E5" bad request data: "Invalid request line: \'GET /%%% HTTP/1.1\'"'],
    },
  },

  // --- Plain HTTP sent to a TLS port
  {
    clue: 'tls.plain-http-to-tls',
    all: ['plain http request was sent to https port'],
    source: 'nginx src/http/ngx_http_special_response.c (497: "The plain HTTP request was sent to HTTPS port")',
    examples: { match: ['400 Bad Request The plain HTTP request was sent to HTTPS port nginx'] },
  },
  {
    clue: 'tls.plain-http-to-tls',
    all: ['client sent an http request to an https server'],
    source: 'golang net/http server.go ("Client sent an HTTP request to an HTTPS server.")',
    examples: { match: ['Client sent an HTTP request to an HTTPS server.'] },
  },
  {
    clue: 'tls.plain-http-to-tls',
    all: ['failed to authenticate https connection', 'unexpected packet format'],
    source: `dotnet/aspnetcore src/Servers/Kestrel/Core/src/Middleware/HttpsConnectionMiddleware.cs ("Failed to authenticate HTTPS connection.") with ${SEC_RESX('net_ssl_io_frame')}`,
    examples: { match: ['dbug: Microsoft.AspNetCore.Server.Kestrel.Https.Internal.HttpsConnectionMiddleware[1] Failed to authenticate HTTPS connection. System.IO.IOException: The handshake failed due to an unexpected packet format.'] },
  },
  {
    // A TLS server answers plain HTTP with an alert record: \x15\x03 (alert, TLS 1.x) read as a status line.
    clue: 'tls.plain-http-to-tls',
    all: ['malformed http response', '\\x15\\x03'],
    source: 'golang net/http transport.go ("net/http: HTTP/1.x transport connection broken: malformed HTTP response %q")',
    examples: { match: ['Get "http://api:8443/health": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x15\\x03\\x01\\x00\\x02\\x02"'] },
  },
  {
    clue: 'tls.plain-http-to-tls',
    all: ['routines'],
    any: [':http request', ':https proxy request'],
    source: `${OPENSSL_SSL} (SSL_R_HTTP_REQUEST, SSL_R_HTTPS_PROXY_REQUEST: a TLS server got plain HTTP)`,
    examples: { match: ['SSL_do_handshake() failed (SSL: error:1408F09C:SSL routines:ssl3_get_record:http request) while SSL handshaking', 'error:0A00009C:SSL routines::http request'] },
  },

  // --- Trust relationship (.NET Framework WebException)
  {
    clue: 'tls.trust-relationship',
    all: ['trust relationship'],
    any: ['could not establish trust relationship', 'for the ssl/tls secure channel'],
    value: /with authority '([^'\n]{1,260})'/i,
    source: '.NET Framework System.Net WebException (TrustFailure: "Could not establish trust relationship for the SSL/TLS secure channel"); WCF SecurityNegotiationException ("... with authority \'%s\'")',
    examples: {
      match: [
        'System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
        "Could not establish trust relationship for the SSL/TLS secure channel with authority 'api.partner.com:443'.",
      ],
      noMatch: ['The trust relationship between this workstation and the primary domain failed.'],
    },
  },
  {
    clue: 'tls.trust-relationship',
    all: ['trustfailure'],
    source: '.NET Framework System.Net WebExceptionStatus.TrustFailure',
    examples: { match: ['WebException Status: TrustFailure'] },
  },

  // --- Generic handshake failures (proxy and gateway wordings)
  {
    clue: 'tls.handshake-failed',
    all: ['ssl_do_handshake() failed'],
    value: HANDSHAKE_REASON,
    source: 'nginx src/event/ngx_event_openssl.c (ngx_ssl_handshake: "SSL_do_handshake() failed")',
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 10.0.0.1, server: api.example.com',
      ],
    },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['handshake'],
    any: ['ssl handshake failed', 'tls handshake failed', 'ssl handshake failure', 'tls handshake failure', 'tls handshake error', 'ssl handshake error', 'tls handshake timeout', 'sslhandshakeexception'],
    none: ['websocket'],
    value: HANDSHAKE_REASON,
    source: `golang net/http server.go ("http: TLS handshake error from %s: %v") and transport.go ("net/http: TLS handshake timeout"); HAProxy ("SSL handshake failure"); Envoy / Traefik; OpenJDK SSLHandshakeException`,
    examples: {
      match: [
        'http: TLS handshake error from 10.42.0.1:53422: remote error: tls: bad certificate',
        'Get "https://backend/": net/http: TLS handshake timeout',
        'haproxy[12]: 10.0.0.1:51234 [20/Nov/2026:10:15:02.123] fe_https/1: SSL handshake failure',
        'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure',
      ],
      noMatch: ['WebSocket handshake failed: Unexpected response code: 502', 'SignalR negotiation failed'],
    },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['handshake failure'],
    any: ['alert', 'ssl', 'tls', 'routines'],
    none: ['websocket'],
    value: HANDSHAKE_REASON,
    source: `${OPENSSL_SSL} (SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE "sslv3 alert handshake failure"); ${GO_TLS} (alert "handshake failure")`,
    examples: { match: ['error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure', 'remote error: tls: handshake failure'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['alert'],
    any: ['alert bad certificate', 'alert certificate unknown', 'alert internal error', 'alert illegal parameter', 'alert decode error'],
    value: HANDSHAKE_REASON,
    source: `${OPENSSL_SSL} (SSL_R_SSLV3_ALERT_BAD_CERTIFICATE, SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN, SSL_R_TLSV1_ALERT_INTERNAL_ERROR ...)`,
    examples: { match: ['SSL_read() failed (SSL: error:14094412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:SSL alert number 42)', 'tlsv1 alert internal error'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['tls: '],
    any: ['tls: bad certificate', 'tls: internal error', 'tls: unknown certificate'],
    value: HANDSHAKE_REASON,
    source: `${GO_TLS} (alert.go texts: "bad certificate", "internal error", "unknown certificate")`,
    examples: { match: ['remote error: tls: bad certificate', 'remote error: tls: unknown certificate'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['remote party sent a tls alert'],
    value: HANDSHAKE_REASON,
    source: SEC_RESX('net_auth_tls_alert'),
    examples: { match: ["System.Security.Authentication.AuthenticationException: Authentication failed because the remote party sent a TLS alert: 'HandshakeFailure'."] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['authentication failed, see inner exception'],
    source: SEC_RESX('net_auth_SSPI'),
    examples: { match: ['System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception. ---> System.ComponentModel.Win32Exception (0x80090326): The message received was unexpected or badly formatted.'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['a security error occurred'],
    source: 'WinHTTP ERROR_WINHTTP_SECURE_FAILURE 12175 text (kb-facts 3.3)',
    examples: { match: ['WinHttpException (0x80072F8F): A security error occurred', 'System.Net.Http.WinHttpException: A security error occurred'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['secure_failure'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_SECURE_FAILURE 12175, kb-facts 3.3)',
    examples: { match: ['ERROR_WINHTTP_SECURE_FAILURE', 'WINHTTP_CALLBACK_STATUS_FLAG_SECURE_FAILURE'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['0x80072f8f'],
    source: 'kb-facts 3.3 (HRESULT 0x80072F8F = ERROR_WINHTTP_SECURE_FAILURE 12175)',
    examples: { match: ['Error 0x80072F8F'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['12175'],
    any: ['winhttp', 'win32 error', 'win32 status', 'sc-win32-status'],
    source: 'kb-facts 3.3 (ERROR_WINHTTP_SECURE_FAILURE 12175)',
    examples: { match: ['WinHTTP error 12175 while forwarding', 'win32 status 12175'], noMatch: ['request 12175 completed'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['message received was unexpected or badly formatted'],
    source: `${SCHANNEL} (SEC_E_ILLEGAL_MESSAGE 0x80090326)`,
    examples: { match: ['Win32Exception (0x80090326): The message received was unexpected or badly formatted.'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['credentials'],
    any: ['no credentials are available in the security package', 'credentials supplied to the package were not recognized', 'sec_e_no_credentials', 'sec_e_unknown_credentials'],
    source: `${SCHANNEL} (SEC_E_NO_CREDENTIALS 0x8009030E, SEC_E_UNKNOWN_CREDENTIALS 0x8009030D: the certificate's private key cannot be used)`,
    examples: {
      match: [
        'System.ComponentModel.Win32Exception (0x8009030E): No credentials are available in the security package',
        'Win32Exception (0x8009030D): The credentials supplied to the package were not recognized',
      ],
      noMatch: ['Login failed: invalid credentials'],
    },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['sec_e_'],
    any: ['sec_e_illegal_message', 'sec_e_internal_error'],
    source: `${SCHANNEL} (SEC_E_ILLEGAL_MESSAGE 0x80090326, SEC_E_INTERNAL_ERROR 0x80090304)`,
    examples: { match: ['SEC_E_ILLEGAL_MESSAGE'] },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['fatal'],
    any: ['fatal alert was received from the remote endpoint', 'fatal alert was generated and sent to the remote endpoint', 'fatal error occurred while creating a tls client credential', 'fatal error occurred while creating an ssl client credential'],
    value: /fatal alert code is (\d{1,3})/i,
    source: 'Windows SChannel events 36887 / 36888 / 36871 (System log)',
    examples: {
      match: [
        'A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 40.',
        'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 20.',
        'A fatal error occurred while creating a TLS client credential. The internal error state is 10013.',
      ],
    },
  },
  {
    clue: 'tls.handshake-failed',
    all: ['tls error:'],
    any: ['ssl routines', 'openssl_internal', 'transport failure', 'boringssl'],
    value: HANDSHAKE_REASON,
    source: 'envoyproxy/envoy source/common/tls (transport failure reason "TLS error: <code>:SSL routines:OPENSSL_internal:<REASON>")',
    examples: {
      match: ['upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER'],
    },
  },

  {
    // Envoy 1.2x writes the same reason as "TLS_error:|<code>:SSL routines:OPENSSL_internal:<REASON>:TLS_error_end"
    // (Istio's access log replaces the spaces with underscores).
    clue: 'tls.handshake-failed',
    all: ['tls_error:'],
    value: /OPENSSL_internal:([A-Z_]{4,60})/i,
    source: 'envoyproxy/envoy source/common/tls/ssl_socket.cc (failure reason "TLS_error:|…:TLS_error_end")',
    examples: {
      match: [
        'upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end',
        '[2026-11-20T10:15:02.123Z] "GET /api/orders HTTP/1.1" 503 URX,UF upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end} - "-" 0 91 12 - "10.0.0.7" "curl/8.5.0" "5f2c1a9e" "shop.example.com" "10.0.1.23:8443"',
      ],
    },
  },
  {
    clue: 'tls.name-mismatch',
    all: ['verify'],
    any: ['verify cert failed: san matcher', 'verify_cert_failed:_san_matcher', 'verify cert failed: verify san list', 'verify_cert_failed:_verify_san_list'],
    value: /certificate.SANs.are.\[([^\]\n]{1,200})\]/i,
    source: 'envoyproxy/envoy source/common/tls/cert_validator/default_validator.cc ("verify cert failed: SAN matcher", older "verify cert failed: verify SAN list")',
    examples: {
      match: [
        'transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: SAN matcher, certificate SANs are [orders.internal]:TLS_error_end',
        '[debug][connection] [source/common/tls/cert_validator/default_validator.cc:246] verify cert failed: SAN matcher',
        'upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify_cert_failed:_SAN_matcher,_certificate_SANs_are_[httpbin.org,_*.httpbin.org]:TLS_error_end}',
      ],
    },
  },

  // --- Client certificates
  {
    clue: 'tls.client-cert',
    all: ['certificate required'],
    any: ['alert certificate required', 'tls: certificate required', 'client certificate required'],
    source: `${OPENSSL_SSL} (SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED "tlsv13 alert certificate required"); ${GO_TLS} (alert "certificate required"); IIS 403.7 ("Client certificate required")`,
    examples: {
      match: [
        'SSL_do_handshake() failed (SSL: error:0A00045C:SSL routines::tlsv13 alert certificate required:SSL alert number 116) while SSL handshaking to upstream',
        'remote error: tls: certificate required',
        'HTTP Error 403.7 - Forbidden: Client certificate required.',
      ],
      noMatch: ['A valid SSL certificate is not required for localhost'],
    },
  },
  {
    clue: 'tls.client-cert',
    all: ['certificate_required'],
    source: 'TLS 1.3 alert name certificate_required (RFC 8446), as OpenSSL / Java print it',
    examples: { match: ['javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_required'] },
  },
  {
    clue: 'tls.client-cert',
    all: ['client certificate'],
    any: ['requires a client certificate', 'client certificate is required', 'client certificate was not provided', 'no client certificate'],
    none: ['not required', 'optional'],
    source: 'dotnet/aspnetcore Kestrel ClientCertificateMode.RequireCertificate / IIS SSL settings (Require client certificates) wordings',
    examples: { match: ['The remote server requires a client certificate', 'Forbidden: a client certificate is required to access this API'], noMatch: ['client certificate is optional on this endpoint'] },
  },
  {
    clue: 'tls.client-cert',
    all: ['no required ssl certificate was sent'],
    source: 'nginx src/http/ngx_http_special_response.c (496: "No required SSL certificate was sent")',
    examples: { match: ['400 Bad Request No required SSL certificate was sent nginx'] },
  },
  {
    clue: 'tls.client-cert',
    all: ['provide a certificate'],
    any: ['tls:', 'client'],
    source: `${GO_TLS} (handshake_server.go: "tls: client didn't provide a certificate")`,
    examples: { match: ["http: TLS handshake error from 10.0.0.9:41022: tls: client didn't provide a certificate"] },
  },
  {
    clue: 'tls.client-cert',
    all: ['peer did not return a certificate'],
    source: `${OPENSSL_SSL} (SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE)`,
    examples: { match: ['error:1417C0C7:SSL routines:tls_process_client_certificate:peer did not return a certificate'] },
  },
  {
    clue: 'tls.client-cert',
    all: ['remotecertificatenotavailable'],
    source: `${POLICY} (RemoteCertificateNotAvailable: on a server, the client sent no certificate)`,
    examples: { match: ['sslPolicyErrors: RemoteCertificateNotAvailable'] },
  },
];
