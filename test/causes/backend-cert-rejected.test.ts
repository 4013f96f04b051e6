import cause from '../../src/causes/backend-cert-rejected';
import { collect, runCauseTests } from '../helpers/cause-tester';
import { NGINX, nginxError } from './edge-samples';

/**
 * YARP's forwarding error with SslStream's chain status, as posted in berhir/AspNetCore.SpaYarp#19
 * (HttpForwarder[48], dotnet/yarp HttpForwarder.cs; System.Net.Security Strings.resx
 * net_ssl_io_cert_chain_validation with X509ChainStatusFlags.UntrustedRoot).
 */
const YARP_UNTRUSTED = [
  'info: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
  '      Request: An error was encountered before receiving a response.',
  '      System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.',
  '       ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot',
].join('\n');

/**
 * Ocelot's responder line (format of ThreeMammals/Ocelot#1662: "Error Code: ConnectionToDownstreamServiceError
 * Message: Error connecting to downstream service, exception: ...") around SslStream's name check
 * (net_ssl_io_cert_validation with SslPolicyErrors.RemoteCertificateNameMismatch, as in dotnet/yarp#2137).
 */
const OCELOT_NAME_MISMATCH =
  'warn: Ocelot.Responder.Middleware.ResponderMiddleware[0] requestId: 0HMR0TMTEM44N:00000003, previousRequestId: no previous request id, message: Error Code: ConnectionToDownstreamServiceError Message: Error connecting to downstream service, exception: System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch';

/**
 * Traefik v3's proxy error (traefik/traefik pkg/proxy/httputil/proxy.go, zerolog) with Go's
 * UnknownAuthorityError (crypto/x509 verify.go), behind a compose prefix, pasted into Slack (&gt;).
 */
const TRAEFIK_UNKNOWN_CA =
  'traefik-1  | 2026-11-20T10:15:02Z ERR github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:113 &gt; 500 Internal Server Error error="tls: failed to verify certificate: x509: certificate signed by unknown authority"';

/** Envoy's local reply with the older SAN wording (envoyproxy/envoy default_validator.cc "verify cert failed: verify SAN list"). */
const ENVOY_SAN =
  'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: verify SAN list:TLS_error_end';

/** The JSON console logger (Microsoft.Extensions.Logging.Console JsonConsoleFormatter) of a YARP gateway: PartialChain. */
const YARP_JSON_PARTIAL =
  '{"EventId":48,"LogLevel":"Warning","Category":"Yarp.ReverseProxy.Forwarder.HttpForwarder","Message":"Request: An error was encountered before receiving a response.","Exception":"System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\\n ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: PartialChain"}';

/** http-proxy-middleware in a SPA dev server proxying to Kestrel's dev certificate (the Angular/React template proxy). */
const HPM_SELF_SIGNED =
  '[HPM] Error occurred while proxying request localhost:44400/weatherforecast to https://localhost:7085/ [DEPTH_ZERO_SELF_SIGNED_CERT] (https://nodejs.org/api/errors.html#errors_common_system_errors)';

runCauseTests(cause, {
  valid: [
    { name: "nginx's own upstream verify error belongs to nginx-upstream-tls", evidence: { 'error.log': nginxError(NGINX.sslVerify, 'https://backend.example.com:5001/') } },
    {
      name: 'SqlClient distrusting SQL Server is a database connection, not a gateway (Microsoft.Data.SqlClient, provider: SSL Provider)',
      evidence: {
        'stdout.log':
          'Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)',
      },
    },
    {
      name: 'a TLS version disagreement is not a certificate verdict (net_auth_tls_alert ProtocolVersion)',
      evidence: {
        'gateway.log': [
          'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
          '      Request: An error was encountered before receiving a response.',
          "      System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n       ---> System.Security.Authentication.AuthenticationException: Authentication failed because the remote party sent a TLS alert: 'ProtocolVersion'.",
        ].join('\n'),
      },
    },
    {
      name: "Application Gateway's trusted-root mismatch belongs to azure-gateway-backend-tls",
      evidence: { 'health.txt': 'The root certificate of the server certificate used by the backend does not match the trusted root certificate added to the application gateway. Ensure that you add the correct root certificate to whitelist the backend' },
    },
  ],
  invalid: [
    {
      name: 'YARP: UntrustedRoot, in a code fence with prose around it',
      evidence: { 'slack.txt': ['I have an error when the middleware tries to see if the spa is started', '```', YARP_UNTRUSTED, '```', 'Is there any way to make it work ?'].join('\n') },
      minConfidence: 0.8,
      evidenceLines: [6],
      mentions: ['YARP rejected', 'Untrusted root', 'update-ca-certificates', 'DangerousAcceptAnyServerCertificate'],
    },
    {
      name: 'Ocelot: RemoteCertificateNameMismatch mid-line in the responder log',
      evidence: { 'ocelot.log': OCELOT_NAME_MISMATCH },
      minConfidence: 0.8,
      evidenceLines: [1],
      mentions: ['Ocelot rejected', 'DownstreamHostAndPorts', 'SAN', 'orders.internal.example.com'],
    },
    {
      name: 'Traefik: x509 unknown authority, Slack-escaped behind a compose prefix',
      evidence: { 'thread.txt': TRAEFIK_UNKNOWN_CA },
      minConfidence: 0.8,
      mentions: ['Traefik rejected', 'insecureSkipVerify', 'update-ca-certificates'],
    },
    {
      name: 'Envoy: CERTIFICATE_VERIFY_FAILED with the SAN list check, header-less body',
      evidence: { 'curl.txt': ENVOY_SAN },
      minConfidence: 0.8,
      mentions: ['Envoy rejected', 'Name mismatch', 'SNI'],
    },
    {
      name: 'YARP JSON console log: PartialChain',
      evidence: { 'gateway.json': YARP_JSON_PARTIAL },
      minConfidence: 0.8,
      mentions: ['intermediate', 'fullchain.pem'],
    },
    {
      name: "the app's own HttpClient: NotTimeValid in a sentence",
      evidence: {
        'message.txt':
          'our BFF calls the pricing API and since this morning every call fails with System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: NotTimeValid',
      },
      minConfidence: 0.6,
      mentions: ['HttpClient (.NET) rejected', 'before any request left the app', 'Expired', 'renew', 'x509 -noout -subject -dates'],
    },
    {
      name: "a Node dev-server proxy and Kestrel's development certificate",
      evidence: { 'npm.log': HPM_SELF_SIGNED },
      minConfidence: 0.55,
      mentions: ['Node', 'NODE_EXTRA_CA_CERTS'],
    },
  ],
  messy: {
    valid: [
      {
        // SqlClient's SSL Provider error (Microsoft.Data.SqlClient Strings.resx) in a sentence: the database, not a gateway.
        name: "SqlClient's untrusted chain in prose",
        form: 'in prose',
        evidence: { 'message.txt': 'startup fails with: A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)' },
      },
    ],
    invalid: [
      {
        // The issue's own example: HttpClient's net_http_ssl_connection_failed and SslStream's verdict, in prose.
        name: 'our yarp logs say: the SSL connection could not be established, name mismatch',
        form: 'in prose',
        evidence: { 'message.txt': 'our yarp logs say: System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch' },
      },
      {
        // https://github.com/win-acme/win-acme/issues/1634 (the error as the reporter retyped it)
        name: 'the error as retyped in a win-acme issue (real)',
        form: 'paraphrased',
        evidence: { 'issue.txt': 'Entire error:  (AuthenticationException): The remote certificate is invalid according to the validation procedure.\n Wrapped in HttpRequestException: The SSL connection could not be established, see inner exception.' },
      },
      {
        // https://github.com/JeffreySu/WeiXinMPSDK/issues/1299 (title and the reporter's Chinese lead-in)
        name: 'Chinese lead-in around the exception (real)',
        form: 'other language',
        evidence: { 'issue.txt': 'The remote certificate is invalid according to the validation procedure.\n完整错误信息\nSystem.AggregateException\nOne or more errors occurred. (The SSL connection could not be established, see inner exception.)' },
      },
      {
        // SslStream's chain verdict (net_ssl_io_cert_chain_validation) wrapped by the console before "chain:".
        name: 'the chain verdict wrapped before "chain: UntrustedRoot"',
        form: 'split over lines',
        evidence: {
          'gateway.log': [
            'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
            '      System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.',
            '       ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate',
            'chain: UntrustedRoot',
          ].join('\n'),
        },
      },
      {
        // HttpClient's chain with SslStream's callback verdict (net_ssl_io_cert_custom_validation), the "--->" arrows escaped by Slack.
        name: 'the callback rejected the certificate, arrows Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n ---&gt; System.Security.Authentication.AuthenticationException: The remote certificate was rejected by the provided RemoteCertificateValidationCallback.' },
      },
    ],
  },
});

describe('backend-cert-rejected layer', () => {
  it("is the app when the failing HttpClient is the app's own", () => {
    const match = cause.match(collect({ 'app.log': 'System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: NotTimeValid' }));
    expect(match?.layer).toBe('app');
  });
});

