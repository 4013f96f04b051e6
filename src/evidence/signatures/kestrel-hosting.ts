/** Signatures of Kestrel and the generic host. See types.ts for what a signature is and how it is matched. */
import type { Signature } from './types';

const CORE_STRINGS = 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/CoreStrings.resx';
const KESTREL_TRACE = 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/Infrastructure/KestrelTrace.General.cs';
const KESTREL_SERVER = 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/KestrelServerImpl.cs';
const HOST_LOG = 'dotnet/runtime src/libraries/Microsoft.Extensions.Hosting/src/Internal/HostingLoggerExtensions.cs';
const CONSOLE_LIFETIME = 'dotnet/runtime src/libraries/Microsoft.Extensions.Hosting/src/Internal/ConsoleLifetime.cs';
const WEB_HOST_LOG = 'dotnet/aspnetcore src/Hosting/Hosting/src/Internal/HostingLoggerExtensions.cs';

/** An address as Kestrel prints it: `http://127.0.0.1:5000`, `http://[::]:80`, `https://+:443`, `unix:/tmp/kestrel.sock`. */
const ADDRESS = String.raw`(?:https?://|unix:)[^\s'"<>,;]{1,200}`;

/** Sockets messages that name a port Kestrel failed to take, when the line says it was Kestrel binding. */
const KESTREL_BIND_CONTEXT = ['Failed to bind to address', 'Kestrel', 'AddressInUseException', 'SocketConnectionListener', 'AddressBinder'];
/** The same socket errors from an outbound HttpClient call are not a bind failure (net-http owns those). */
const OUTBOUND = ['HttpRequestException', 'System.Net.Http', 'ConnectToTcpHost', 'ConnectAsync'];

export const SIGNATURES: readonly Signature[] = [
  {
    // KestrelServerLimits.MaxConcurrentConnections reached: Kestrel turns connections away.
    clue: 'net.connection-limit',
    all: ['rejected because the maximum number of concurrent connections has been reached'],
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/Infrastructure/KestrelTrace.Connections.cs (ConnectionRejected, event 24)',
    examples: {
      match: ['warn: Microsoft.AspNetCore.Server.Kestrel.Connections[24] Connection id "0HN8B6M6V5T1K" rejected because the maximum number of concurrent connections has been reached.'],
    },
  },
  // ── Bind failures ───────────────────────────────────────────────────────────────────────────
  {
    clue: 'kestrel.bind-failed',
    all: ['Failed to bind to address'],
    value: new RegExp(String.raw`failed to bind to address (${ADDRESS}?)(?::\s|\.?(?:\s|$))`, 'i'),
    source: `${CORE_STRINGS} (EndpointAlreadyInUse, AddressBindingFailed)`,
    examples: {
      match: [
        'System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.',
        'Unhandled exception. System.IO.IOException: Failed to bind to address http://[::]:80: address already in use.',
        'crit: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel. System.IO.IOException: Failed to bind to address https://0.0.0.0:443.',
      ],
      noMatch: [
        'Failed to bind to http://[::]:8080 (IPv6Any). Attempting to bind to http://0.0.0.0:8080 instead.',
        'Now listening on: http://[::]:8080',
      ],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['address already in use'],
    // nginx, Node and Docker print the same errno text for their own listeners.
    none: ['bind() to', '[emerg]', 'listen EADDRINUSE', 'userland proxy', 'bind: address already in use', 'port is already allocated'],
    source: `${CORE_STRINGS} (EndpointAlreadyInUse); Linux errno EADDRINUSE (98) as SocketException prints it`,
    examples: {
      match: [
        'System.Net.Sockets.SocketException (98): Address already in use',
        ' ---> Microsoft.AspNetCore.Connections.AddressInUseException: Address already in use',
        'Error -4091 EADDRINUSE address already in use',
      ],
      noMatch: [
        'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
        'Error: listen EADDRINUSE: address already in use :::3000',
        'Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use.',
      ],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['AddressInUseException'],
    source: 'dotnet/aspnetcore src/Servers/Connections.Abstractions/src/Exceptions/AddressInUseException.cs',
    examples: {
      match: [' ---> Microsoft.AspNetCore.Connections.AddressInUseException: 通常每个套接字地址(协议/网络地址/端口)只允许使用一次。'],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['Only one usage of each socket address'],
    any: KESTREL_BIND_CONTEXT,
    none: OUTBOUND,
    source: 'Windows WSAEADDRINUSE (10048) text under a Kestrel bind (kb-facts 6.5)',
    examples: {
      match: [
        'Microsoft.AspNetCore.Connections.AddressInUseException: Only one usage of each socket address (protocol/network address/port) is normally permitted.',
        'at Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketConnectionListener.Bind() SocketException (10048): Only one usage of each socket address (protocol/network address/port) is normally permitted.',
      ],
      noMatch: [
        'System.Net.Http.HttpRequestException: Only one usage of each socket address (protocol/network address/port) is normally permitted. (payments.contoso.com:443)',
      ],
    },
  },
  {
    // Not a failed start: Kestrel binds "localhost" as two loopback listeners and only logs (at
    // Information) the family it could not bind, typically IPv6 in a container; it throws only when
    // both fail ("Failed to bind to address" above). What the line does say is that the app listens
    // on loopback only, which a proxy outside the container cannot reach.
    clue: 'hosting.listening-localhost',
    all: ['Unable to bind to', 'loopback interface'],
    value: new RegExp(String.raw`unable to bind to (${ADDRESS}?) on the`, 'i'),
    source: `${CORE_STRINGS} (NetworkInterfaceBindingFailed, logged by src/Servers/Kestrel/Core/src/LocalhostListenOptions.cs)`,
    examples: {
      match: ["Unable to bind to http://localhost:5000 on the IPv6 loopback interface: 'Cannot assign requested address'."],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['access a socket in a way forbidden by its access permissions'],
    // Without a bind in sight this is App Service's outbound connection limit (net-http.ts).
    any: KESTREL_BIND_CONTEXT,
    none: OUTBOUND,
    source: 'Windows WSAEACCES (10013) text: a reserved or excluded port under a Kestrel bind',
    examples: {
      match: [
        'at Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketConnectionListener.Bind() System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions.',
        'Failed to bind to address http://127.0.0.1:5000. An attempt was made to access a socket in a way forbidden by its access permissions',
      ],
      noMatch: [
        'System.Net.Http.HttpRequestException: An attempt was made to access a socket in a way forbidden by its access permissions. (api.contoso.com:443)',
      ],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['SocketException (13)'],
    none: OUTBOUND,
    source: 'Linux EACCES (13) as SocketException prints it: a port below 1024 without the privilege (kb-facts 7)',
    examples: {
      match: ['System.Net.Sockets.SocketException (13): Permission denied', 'Unable to start Kestrel. System.Net.Sockets.SocketException (13) : Permission denied'],
      noMatch: ['open /var/log/app.log: permission denied'],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['Permission denied'],
    any: ['Failed to bind to address', 'Unable to start Kestrel', 'EACCES permission denied'],
    none: OUTBOUND,
    source: `${KESTREL_SERVER} (Unable to start Kestrel) over a Linux EACCES bind; libuv transport (EACCES)`,
    examples: {
      match: ['Unable to start Kestrel. Permission denied', 'Microsoft.AspNetCore.Server.Kestrel.Internal.Networking.UvException: Error -4092 EACCES permission denied'],
      noMatch: ['Permission denied (publickey).'],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['requested address is not valid in its context'],
    any: KESTREL_BIND_CONTEXT,
    none: OUTBOUND,
    source: 'Windows WSAEADDRNOTAVAIL (10049) text under a Kestrel bind: an IP the machine does not have',
    examples: {
      match: ['System.IO.IOException: Failed to bind to address http://10.1.2.3:5000. ---> SocketException (10049): The requested address is not valid in its context.'],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['Cannot assign requested address'],
    any: KESTREL_BIND_CONTEXT,
    none: OUTBOUND,
    source: 'Linux EADDRNOTAVAIL (99) under a Kestrel bind: an IP the machine does not have',
    examples: {
      match: ['System.IO.IOException: Failed to bind to address http://10.1.2.3:5000. ---> System.Net.Sockets.SocketException (99): Cannot assign requested address'],
      noMatch: ['System.Net.Http.HttpRequestException: Cannot assign requested address (orders.svc:80)'],
    },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['Unrecognized scheme in server address'],
    value: /unrecognized scheme in server address '([^'\s]{1,200})'/i,
    source: `${CORE_STRINGS} (UnsupportedAddressScheme)`,
    examples: { match: ["System.InvalidOperationException: Unrecognized scheme in server address 'tcp://0.0.0.0:5000'. Only 'http://' and 'https://' are supported."] },
  },
  {
    clue: 'kestrel.bind-failed',
    all: ['Dynamic port binding is not supported when binding to localhost'],
    source: `${CORE_STRINGS} (DynamicPortOnLocalhostNotSupported)`,
    examples: { match: ['Dynamic port binding is not supported when binding to localhost. You must either bind to 127.0.0.1:0 or [::1]:0, or both.'] },
  },

  // ── Heartbeat (thread pool starvation seen from Kestrel) ────────────────────────────────────
  {
    clue: 'kestrel.heartbeat-slow',
    all: ['heartbeat has been running for'],
    value: /heartbeat has been running for "?([\d:.]{1,30})/i,
    source: `${KESTREL_TRACE} (HeartbeatSlow, event 22, .NET 5+ wording)`,
    examples: {
      match: [
        'As of "11/20/2026 10:15:04 +00:00", the heartbeat has been running for "00:00:04.7981284" which is longer than "00:00:01". This could be caused by thread pool starvation.',
        '[11:34:50] [WRN] [9] Microsoft.AspNetCore.Server.Kestrel: As of "04/15/2023 18:34:49 +00:00", the heartbeat has been running for "00:00:01.0594309" which is longer than "00:00:01".',
      ],
    },
  },
  {
    clue: 'kestrel.heartbeat-slow',
    all: ['Heartbeat took longer than'],
    source: `${KESTREL_TRACE} (HeartbeatSlow, event 22, ASP.NET Core 2.x-3.x wording)`,
    examples: {
      match: ['Level:WARN Message:Heartbeat took longer than "00:00:01" at "11/22/2019 04:09:11 +00:00". This could be caused by thread pool starvation.'],
    },
  },
  {
    clue: 'kestrel.heartbeat-slow',
    all: ['could be caused by thread pool starvation'],
    source: `${KESTREL_TRACE} (HeartbeatSlow: the sentence both wordings end with)`,
    examples: { match: ['This could be caused by thread pool starvation.'], noMatch: ['Could thread pool starvation cause our 502s?'] },
  },
  {
    clue: 'kestrel.heartbeat-slow',
    all: ['Microsoft.AspNetCore.Server.Kestrel[22]'],
    source: `${KESTREL_TRACE} (HeartbeatSlow is event 22 of the Kestrel category)`,
    examples: { match: ['warn: Microsoft.AspNetCore.Server.Kestrel[22]'], noMatch: ['warn: Microsoft.AspNetCore.Server.Kestrel[220]'] },
  },

  // ── The application threw (Kestrel[13]) ─────────────────────────────────────────────────────
  {
    clue: 'kestrel.app-error',
    all: ['An unhandled exception was thrown by the application'],
    source: `${KESTREL_TRACE} (ApplicationError, event 13); the IIS in-process server logs the same words`,
    examples: {
      match: [
        'Connection id "0HN8Q3V1K2M4R", Request id "0HN8Q3V1K2M4R:00000002": An unhandled exception was thrown by the application.',
        'Connection ID "16357073452399656982", Request ID "4000c5d7-0000-e300-b63f-84710c7967bb": An unhandled exception was thrown by the application.',
      ],
      noMatch: ['An unhandled exception has occurred while executing the request.'],
    },
  },
  {
    clue: 'kestrel.app-error',
    all: ['Microsoft.AspNetCore.Server.Kestrel[13]'],
    source: `${KESTREL_TRACE} (ApplicationError is event 13 of the Kestrel category)`,
    examples: { match: ['fail: Microsoft.AspNetCore.Server.Kestrel[13]'], noMatch: ['info: Microsoft.AspNetCore.Server.Kestrel[130]'] },
  },

  // ── Kestrel did not start ───────────────────────────────────────────────────────────────────
  {
    clue: 'kestrel.unable-to-start',
    all: ['Unable to start Kestrel'],
    source: `${KESTREL_SERVER} (StartAsync: LogCritical "Unable to start Kestrel.")`,
    examples: {
      match: [
        'crit: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel.',
        '"error.message": "Unable to start Kestrel.", "error.type": "System.InvalidOperationException"',
      ],
      noMatch: ['Application started. Press Ctrl+C to shut down.', 'Now listening on: http://[::]:8080'],
    },
  },
  {
    clue: 'kestrel.unable-to-start',
    all: ['crit: Microsoft.AspNetCore.Server.Kestrel[0]'],
    source: `${KESTREL_SERVER} (Unable to start Kestrel is the Kestrel category's critical event 0)`,
    examples: { match: ['crit: Microsoft.AspNetCore.Server.Kestrel[0]'], noMatch: ['warn: Microsoft.AspNetCore.Server.Kestrel[0]'] },
  },

  // ── HTTPS endpoint without a certificate ────────────────────────────────────────────────────
  {
    clue: 'kestrel.https-cert-missing',
    all: ['No server certificate was specified'],
    source: `${CORE_STRINGS} (NoCertSpecifiedNoDevelopmentCertificateFound)`,
    examples: {
      match: [
        'System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
        'Unable to start Kestrel. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found.',
      ],
    },
  },
  {
    clue: 'kestrel.https-cert-missing',
    all: ['default developer certificate could not be found'],
    source: `${CORE_STRINGS} (NoCertSpecifiedNoDevelopmentCertificateFound, the second half when the line is split)`,
    examples: { match: ['and the default developer certificate could not be found or is out of date.'] },
  },
  {
    clue: 'kestrel.https-cert-missing',
    all: ['Unable to configure HTTPS endpoint'],
    source: `${CORE_STRINGS} (NoCertSpecifiedNoDevelopmentCertificateFound, the first sentence alone)`,
    examples: { match: ['System.InvalidOperationException: Unable to configure HTTPS endpoint.'] },
  },
  {
    clue: 'kestrel.https-cert-missing',
    all: ['developer certificate is in an invalid state'],
    source: `${CORE_STRINGS} (BadDeveloperCertificateState)`,
    examples: {
      match: [
        "The ASP.NET Core developer certificate is in an invalid state. To fix this issue, run the following commands 'dotnet dev-certs https --clean' and 'dotnet dev-certs https'",
      ],
    },
  },
  {
    clue: 'kestrel.https-cert-missing',
    all: ['with AllowInvalid setting'],
    value: /the requested certificate (.{0,200}?) could not be found in/i,
    source: `${CORE_STRINGS} (CertNotFoundInStore)`,
    examples: {
      match: ['System.InvalidOperationException: The requested certificate CN=api.contoso.com could not be found in LocalMachine/My with AllowInvalid setting: False.'],
    },
  },
  {
    clue: 'kestrel.https-cert-missing',
    all: ['The provided key file is missing or invalid'],
    source: `${CORE_STRINGS} (InvalidPemKey)`,
    examples: { match: ['System.InvalidOperationException: The provided key file is missing or invalid.'] },
  },

  // ── HTTP/2-only endpoints ───────────────────────────────────────────────────────────────────
  {
    clue: 'kestrel.http2-only',
    all: ['HTTP/2-only endpoint'],
    source: `${CORE_STRINGS} (EndPointHttp2NotNegotiated)`,
    examples: { match: ['HTTP/2 over TLS was not negotiated on an HTTP/2-only endpoint.'] },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['request was sent to an HTTP/2 only endpoint'],
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/Http2/Http2Connection.cs (the 400 body for an HTTP/1.x request on an h2c-only endpoint)',
    examples: {
      match: ['An HTTP/1.x request was sent to an HTTP/2 only endpoint.', 'curl gives 400 An HTTP/1.x request was sent to an HTTP/2 only endpoint'],
    },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['Possible incorrect HTTP version detected'],
    value: /(expected http\/[\d.]{1,3} but received http\/[\d.]{1,3})/i,
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/Infrastructure/KestrelTrace.Connections.cs (PossibleInvalidHttpVersionDetected, event 54)',
    examples: {
      match: ['Connection id "0HMPL4JQ4J2K7": Invalid content received on connection. Possible incorrect HTTP version detected. Expected HTTP/2 but received HTTP/1.1.'],
    },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['Invalid HTTP/2 connection preface'],
    source: `${CORE_STRINGS} (Http2ErrorInvalidPreface: HTTP/1.x bytes on an HTTP/2 connection)`,
    examples: { match: ['Microsoft.AspNetCore.Server.Kestrel.Http2.Http2ConnectionErrorException: HTTP/2 connection error (PROTOCOL_ERROR): Invalid HTTP/2 connection preface.'] },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['HTTP_1_1_REQUIRED'],
    source: "RFC 9113 error code 0xd as System.Net.Http prints it (dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx, net_http_http2_stream_error)",
    examples: {
      match: ["System.Net.Http.HttpRequestException: The HTTP/2 server reset the stream. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd)."],
      noMatch: ["The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'PROTOCOL_ERROR' (0x1)."],
    },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['while unable to establish HTTP/2 connection'],
    source: 'dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (net_http_requested_version_cannot_establish)',
    examples: { match: ['Requesting HTTP version 2.0 with version policy RequestVersionExact while unable to establish HTTP/2 connection.'] },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['Response protocol downgraded to HTTP/1.1'],
    source: 'grpc/grpc-dotnet Grpc.Net.Client response validation (a gRPC call answered over HTTP/1.1, e.g. by a proxy)',
    examples: { match: ['Grpc.Core.RpcException: Status(StatusCode="Internal", Detail="Bad gRPC response. Response protocol downgraded to HTTP/1.1.")'] },
  },

  {
    // An HTTP/2 client (h2c prior knowledge: grpc_pass, YARP Version 2 + RequestVersionExact) on an HTTP/1.x-only endpoint
    clue: 'kestrel.http2-only',
    all: ["Unrecognized HTTP version: 'HTTP/2"],
    source: `${CORE_STRINGS} (BadRequest_UnrecognizedHTTPVersion "Unrecognized HTTP version: '{detail}'" for the HTTP/2 preface "PRI * HTTP/2.0")`,
    examples: {
      match: ["Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Unrecognized HTTP version: 'HTTP/2.0'"],
      noMatch: ["Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Unrecognized HTTP version: 'HTTP/1.2'"],
    },
  },
  {
    clue: 'kestrel.http2-only',
    all: ['did not complete the HTTP/2 handshake'],
    source: 'dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (net_http_http2_connection_not_established: an HTTP/2 request over cleartext to a server that does not speak HTTP/2 there)',
    examples: { match: ['System.Net.Http.HttpRequestException: An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.'] },
  },

  {
    // A startup warning that predicts every h2c (prior-knowledge HTTP/2) failure on that endpoint.
    clue: 'kestrel.h2c-disabled',
    all: ['HTTP/2 is not enabled for', 'TLS is not enabled'],
    value: /HTTP\/2 is not enabled for ([^\s.]{1,100}(?:\.[^\s.]{1,100}){0,6})\. The endpoint/i,
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/Infrastructure/KestrelTrace.General.cs (Http2DisabledWithHttp1AndNoTls, event 64)',
    examples: {
      match: [
        'warn: Microsoft.AspNetCore.Server.Kestrel[64] HTTP/2 is not enabled for 127.0.0.1:5003. The endpoint is configured to use HTTP/1.1 and HTTP/2, but TLS is not enabled. HTTP/2 requires TLS application protocol negotiation. Connections to this endpoint will use HTTP/1.1.',
      ],
      noMatch: ['HTTP/2 is not enabled on this browser'],
    },
  },

  // ── The server side of a TLS handshake ──────────────────────────────────────────────────────
  {
    clue: 'kestrel.https-handshake-failed',
    all: ['Failed to authenticate HTTPS connection'],
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Middleware/HttpsConnectionMiddleware.cs (AuthenticationFailed, event 1, Debug: "Failed to authenticate HTTPS connection.")',
    examples: {
      match: [
        '      Failed to authenticate HTTPS connection.',
        '[10:15:02 DBG] Failed to authenticate HTTPS connection.',
      ],
    },
  },
  {
    clue: 'kestrel.https-handshake-failed',
    all: ['HttpsConnectionMiddleware[1]'],
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Middleware/HttpsConnectionMiddleware.cs (LoggerMessage 1 AuthenticationFailed; the console logger prints the category line first)',
    examples: { match: ['dbug: Microsoft.AspNetCore.Server.Kestrel.Https.Internal.HttpsConnectionMiddleware[1]'], noMatch: ['dbug: Microsoft.AspNetCore.Server.Kestrel.Https.Internal.HttpsConnectionMiddleware[3]'] },
  },

  // ── Aborted responses ───────────────────────────────────────────────────────────────────────
  {
    clue: 'kestrel.response-aborted',
    all: ['Response Content-Length mismatch'],
    value: /(too (?:few|many) bytes written \(\d{1,15} of \d{1,15}\))/i,
    source: `${CORE_STRINGS} (TooFewBytesWritten, TooManyBytesWritten)`,
    examples: {
      match: [
        'System.InvalidOperationException: Response Content-Length mismatch: too few bytes written (0 of 1245).',
        'System.InvalidOperationException: Response Content-Length mismatch: too many bytes written (2048 of 1024).',
      ],
    },
  },
  {
    clue: 'kestrel.response-aborted',
    all: ['response has been aborted due to an unhandled application exception'],
    source: `${CORE_STRINGS} (UnhandledApplicationException)`,
    examples: { match: ['System.InvalidOperationException: The response has been aborted due to an unhandled application exception.'] },
  },
  {
    clue: 'kestrel.response-aborted',
    all: ['Connection processing ended abnormally'],
    source: `${CORE_STRINGS} (RequestProcessingEndError)`,
    examples: { match: ['Connection id "0HN8Q3V1K2M4R": Connection processing ended abnormally.'] },
  },
  {
    clue: 'kestrel.response-aborted',
    all: ['error occurred after the response headers were sent'],
    source: `${CORE_STRINGS} (Http2StreamErrorAfterHeaders, Http3StreamErrorAfterHeaders)`,
    examples: { match: ['An error occurred after the response headers were sent, a reset is being sent.'] },
  },

  // ── Slow request bodies and headers ─────────────────────────────────────────────────────────
  {
    clue: 'kestrel.request-body-slow',
    all: ['request body timed out due to data arriving too slowly'],
    source: `${CORE_STRINGS} (BadRequest_RequestBodyTimeout)`,
    examples: {
      match: ['Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.'],
    },
  },
  {
    clue: 'kestrel.request-body-slow',
    all: ['MinRequestBodyDataRate'],
    source: `${CORE_STRINGS} (BadRequest_RequestBodyTimeout names the limit)`,
    examples: { match: ['See MinRequestBodyDataRate.'] },
  },
  {
    clue: 'kestrel.request-body-slow',
    all: ['Reading the request headers timed out'],
    source: `${CORE_STRINGS} (BadRequest_RequestHeadersTimeout)`,
    examples: { match: ['Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Reading the request headers timed out.'] },
  },
  {
    clue: 'kestrel.request-body-slow',
    all: ['not sent by the client at a minimum of'],
    value: /at a minimum of (\d{1,10}) bytes/i,
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/Infrastructure/KestrelTrace.BadRequests.cs (RequestBodyMinimumDataRateNotSatisfied, event 27)',
    examples: {
      match: ['Connection id "0HMPL4JQ4J2K7", Request id "0HMPL4JQ4J2K7:00000003": the request timed out because it was not sent by the client at a minimum of 240 bytes/second.'],
    },
  },

  // ── Generic host lifecycle ──────────────────────────────────────────────────────────────────
  {
    clue: 'hosting.listening',
    all: ['Now listening on:'],
    value: /now listening on:\s{0,5}(\S{1,200})/i,
    source: 'dotnet/aspnetcore src/Hosting/Hosting/src/GenericHost/GenericWebHostService.cs (Microsoft.Hosting.Lifetime[14])',
    examples: { match: ['Now listening on: http://[::]:8080', 'info: Microsoft.Hosting.Lifetime[14] Now listening on: https://localhost:5001'] },
  },
  {
    clue: 'hosting.listening-localhost',
    all: ['Now listening on:'],
    any: ['://localhost', '://127.0.0.1', '://[::1]'],
    value: /now listening on:\s{0,5}(\S{1,200})/i,
    source: 'dotnet/aspnetcore src/Hosting/Hosting/src/GenericHost/GenericWebHostService.cs (Microsoft.Hosting.Lifetime[14]) with a loopback address',
    examples: {
      match: ['Now listening on: http://localhost:5000', 'Now listening on: http://127.0.0.1:21456', 'Now listening on: https://[::1]:5001'],
      noMatch: ['Now listening on: http://[::]:8080', 'Now listening on: http://0.0.0.0:5000', 'Now listening on: http://+:80', 'Now listening on: http://10.0.0.4:5000'],
    },
  },
  {
    clue: 'hosting.started',
    all: ['Application started. Press Ctrl+C'],
    source: `${CONSOLE_LIFETIME} (OnApplicationStarted)`,
    examples: { match: ['info: Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.'] },
  },
  {
    clue: 'hosting.started',
    all: ['Application started. Hosting environment:'],
    source: 'dotnet/runtime src/libraries/Microsoft.Extensions.Hosting.Systemd/src/SystemdLifetime.cs and Microsoft.Extensions.Hosting.WindowsServices (WindowsServiceLifetime)',
    examples: { match: ['Application started. Hosting environment: Production; Content root path: /app'], noMatch: ['the application started failing after the deploy'] },
  },
  {
    clue: 'hosting.shutting-down',
    all: ['Application is shutting down'],
    source: `${CONSOLE_LIFETIME} (OnApplicationStopping)`,
    examples: { match: ['info: Microsoft.Hosting.Lifetime[0] Application is shutting down...'], noMatch: ['Application started. Press Ctrl+C to shut down.'] },
  },
  {
    clue: 'hosting.shutting-down',
    all: ['Hosting shutdown'],
    source: 'dotnet/aspnetcore src/Hosting/Hosting/src/Internal/HostingLoggerExtensions.cs (Shutdown, event 5, Debug: "Hosting shutdown"; WebHost in 2.x, GenericWebHostService since 3.0)',
    examples: { match: ['dbug: Microsoft.AspNetCore.Hosting.Internal.WebHost[5] Hosting shutdown'], noMatch: ['Hosting started'] },
  },
  {
    clue: 'hosting.shutting-down',
    all: ['Waiting for the host to be disposed'],
    source: `${CONSOLE_LIFETIME} (OnProcessExit: SIGTERM or process exit while the host is still running)`,
    examples: { match: ["Waiting for the host to be disposed. Ensure all 'IHost' instances are wrapped in 'using' blocks."] },
  },
  {
    clue: 'hosting.shutting-down',
    all: ['BackgroundService has thrown an unhandled exception'],
    source: `${HOST_LOG} (BackgroundServiceStoppingHost)`,
    examples: { match: ['The HostOptions.BackgroundServiceExceptionBehavior is configured to StopHost. A BackgroundService has thrown an unhandled exception, and the host instance is stopping.'] },
  },
  // Kestrel refused a body over MaxRequestBodySize (413) and closed the connection: behind ANCM or
  // a proxy that was still sending, the forwarded request breaks (a 502.3 with a reset).
  {
    clue: 'kestrel.body-too-large',
    all: ['request body too large'],
    source: `${CORE_STRINGS} (BadRequest_RequestBodyTooLarge: "Request body too large. The max request body size is {0} bytes.")`,
    examples: { match: ['Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Request body too large. The max request body size is 30000000 bytes.'], noMatch: ['the request body was small'] },
  },
  {
    clue: 'kestrel.body-too-large',
    all: ['request too large'],
    any: ['exception', '413'],
    source: `${CORE_STRINGS} (BadRequest_RequestBodyTooLarge), as people name it`,
    examples: { match: ['Try to catch the Request too large exception and return a 413'], noMatch: ['the request too large for the cache was skipped'] },
  },
  // Kestrel closing a connection under a request it had answered: a proxy still sending the body,
  // or reusing the connection, sees a reset and answers 502.
  {
    clue: 'kestrel.body-not-read',
    all: ['completed without reading the entire request body'],
    source: `${KESTREL_TRACE} (RequestBodyNotEntirelyRead, event 32)`,
    examples: { match: ['Connection id "0HLK1U0KE50PM", Request id "0HLK1U0KE50PM:00000001": the application completed without reading the entire request body.'] },
  },
  {
    clue: 'kestrel.body-drain-timeout',
    all: ['automatic draining of the request body timed out'],
    source: `${KESTREL_TRACE} (RequestBodyDrainTimedOut, event 33: Kestrel then closes the connection)`,
    examples: { match: ['Connection id "0HLK1U0KE50PM", Request id "0HLK1U0KE50PM:00000001": automatic draining of the request body timed out after taking over 5 seconds.'] },
  },
  {
    clue: 'kestrel.app-aborted',
    all: ['the application aborted the connection'],
    source: `${KESTREL_TRACE} (ApplicationAbortedConnection, event 34: HttpContext.Abort() was called)`,
    examples: { match: ['Connection id "0HMV5QK8I2J3L", Request id "0HMV5QK8I2J3L:00000002": the application aborted the connection.'] },
  },
  {
    // The app's own code ending requests without a response: HttpContext.Abort(), the URL rewrite
    // AbortRequest action (IIS's and ASP.NET Core's rewrite middleware alike). Behind IIS or a proxy
    // that is a 502, not a closed connection the client sees.
    clue: 'app.aborts-requests',
    all: ['abort'],
    any: ['HttpContext.Abort()', 'context.Abort()', 'httpContext.Abort()', 'type="AbortRequest"', 'new AbortAction(', 'AbortAction()'],
    source: 'dotnet/aspnetcore src/Http/Http.Abstractions/src/HttpContext.cs (Abort) and src/Middleware/Rewrite/src/UrlActions/AbortAction.cs; IIS URL Rewrite action type AbortRequest',
    examples: { match: ['if (blocked) { HttpContext.Abort(); return; }', '<action type="AbortRequest" />', 'var action = new AbortAction();'], noMatch: ['The request was aborted: Could not create SSL/TLS secure channel.'] },
  },
  // The app on its way out: a frame of the exit or stop path in a stack, or the app asking to stop.
  // An exception thrown there ended a process that was stopping anyway.
  ...(
    [
      ['AppContext.OnProcessExit', 'dotnet/runtime src/libraries/System.Private.CoreLib/src/System/AppContext.cs (OnProcessExit runs the ProcessExit handlers)', '   at System.AppContext.OnProcessExit(Object sender, EventArgs e)'],
      ['AttachCtrlcSigtermShutdown', 'dotnet/aspnetcore src/Hosting/Hosting/src/WebHostExtensions.cs (2.x: Ctrl+C and SIGTERM handlers)', '   at Microsoft.AspNetCore.Hosting.WebHostExtensions.<>c__DisplayClass6_0.<AttachCtrlcSigtermShutdown>g__Shutdown|0()'],
      ['ConsoleLifetime.OnProcessExit', `${CONSOLE_LIFETIME} (OnProcessExit)`, '   at Microsoft.Extensions.Hosting.Internal.ConsoleLifetime.OnProcessExit(Object sender, EventArgs e)'],
      ['Internal.Host.StopAsync', 'dotnet/runtime src/libraries/Microsoft.Extensions.Hosting/src/Internal/Host.cs (StopAsync)', '   at Microsoft.Extensions.Hosting.Internal.Host.StopAsync(CancellationToken cancellationToken)'],
      ['StopApplication()', 'dotnet/runtime src/libraries/Microsoft.Extensions.Hosting.Abstractions/src/IHostApplicationLifetime.cs (StopApplication)', 'when I call lifetime.StopApplication(), every in-flight request is killed'],
    ] as const
  ).map(
    ([text, source, example]): Signature => ({
      clue: 'hosting.shutdown-path',
      all: [text],
      source,
      examples: { match: [example], noMatch: ['   at Shop.Program.Main(String[] args)'] },
    }),
  ),
  {
    clue: 'hosting.failed',
    all: ['Hosting failed to start'],
    source: `${HOST_LOG} (HostedServiceStartupFaulted, Microsoft.Extensions.Hosting.Internal.Host[11])`,
    examples: {
      match: ['fail: Microsoft.Extensions.Hosting.Internal.Host[11] Hosting failed to start'],
      noMatch: ['Application started. Press Ctrl+C to shut down.', 'Hosting environment: Production'],
    },
  },
  {
    clue: 'hosting.failed',
    all: ['Microsoft.Extensions.Hosting.Internal.Host[11]'],
    source: `${HOST_LOG} (HostedServiceStartupFaulted is event 11 of the Host category)`,
    examples: { match: ['fail: Microsoft.Extensions.Hosting.Internal.Host[11]'], noMatch: ['info: Microsoft.Extensions.Hosting.Internal.Host[1]'] },
  },
  {
    clue: 'hosting.failed',
    all: ['An error occurred starting the application'],
    source: `${WEB_HOST_LOG} (ApplicationError, Microsoft.AspNetCore.Hosting.Diagnostics[6])`,
    examples: { match: ['crit: Microsoft.AspNetCore.Hosting.Diagnostics[6] An error occurred starting the application'] },
  },
  {
    clue: 'hosting.failed',
    all: ['Application startup exception'],
    source: `${WEB_HOST_LOG} (2.x ApplicationError: "Application startup exception", LoggerEventIds.ApplicationStartupException)`,
    examples: {
      match: ['Application startup exception: System.ArgumentNullException: Value cannot be null.', 'crit: Microsoft.AspNetCore.Hosting.Internal.WebHost[6] Application startup exception'],
      noMatch: ['Application started. Press Ctrl+C to shut down.'],
    },
  },
  {
    // The page Hosting serves when startup threw and detailed errors are on (CaptureStartupErrors);
    // its footer names the runtime and the Hosting version. Apps log the same words themselves.
    clue: 'hosting.failed',
    all: ['error occurred while starting the application'],
    source: 'dotnet/aspnetcore src/Hosting/Hosting/src/Internal/ErrorPage (the startup error page), and the same words in apps\' own startup logging',
    examples: { match: ['An error occurred while starting the application.', '> An error occurred while starting the application.'] },
  },

  // ── Where the app is told to listen ─────────────────────────────────────────────────────────
  {
    clue: 'hosting.port-config',
    all: ['ASPNETCORE_URLS'],
    value: /ASPNETCORE_URLS["']?\s{0,3}(?:[=:]|\s{1,3}value\s{0,3}=)\s{0,3}["']?([^\s"',;<>]{1,200})/i,
    source: 'dotnet/aspnetcore src/Hosting/Abstractions/src/WebHostDefaults.cs (ServerUrlsKey "urls", ASPNETCORE_ prefix); learn.microsoft.com aspnet/core/fundamentals/servers/kestrel/endpoints',
    examples: {
      match: [
        'ASPNETCORE_URLS=http://+:80',
        'ENV ASPNETCORE_URLS=http://0.0.0.0:5000',
        '"ASPNETCORE_URLS": "http://localhost:5000"',
        '<environmentVariable name="ASPNETCORE_URLS" value="http://localhost:5080" />',
      ],
    },
  },
  {
    clue: 'hosting.port-config',
    all: ['ASPNETCORE_HTTP_PORTS'],
    value: /ASPNETCORE_HTTP_PORTS["']?\s{0,3}[=:]\s{0,3}["']?([\d;,]{1,60})/i,
    source: 'dotnet/aspnetcore src/Hosting/Abstractions/src/WebHostDefaults.cs (HttpPortsKey, .NET 8+); learn.microsoft.com aspnet/core/fundamentals/servers/kestrel/endpoints',
    examples: { match: ['ASPNETCORE_HTTP_PORTS=8080', '-e ASPNETCORE_HTTP_PORTS=5000;5001'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['ASPNETCORE_HTTPS_PORTS'],
    value: /ASPNETCORE_HTTPS_PORTS["']?\s{0,3}[=:]\s{0,3}["']?([\d;,]{1,60})/i,
    source: 'dotnet/aspnetcore src/Hosting/Abstractions/src/WebHostDefaults.cs (HttpsPortsKey, .NET 8+)',
    examples: { match: ['ASPNETCORE_HTTPS_PORTS=8443'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['ASPNETCORE_PORT'],
    none: ['ASPNETCORE_PORTS'],
    value: /ASPNETCORE_PORT["']?\s{0,3}(?:[=:]|\s{1,3}value\s{0,3}=)\s{0,3}["']?(\d{1,5})/i,
    source: 'dotnet/aspnetcore src/Servers/IIS/IISIntegration/src/WebHostBuilderIISExtensions.cs (UseIISIntegration reads ASPNETCORE_PORT set by ANCM)',
    examples: { match: ['<environmentVariable name="ASPNETCORE_PORT" value="5000" />'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['DOTNET_URLS'],
    value: /DOTNET_URLS["']?\s{0,3}[=:]\s{0,3}["']?([^\s"',;<>]{1,200})/i,
    source: 'dotnet/runtime src/libraries/Microsoft.Extensions.Hosting/src/HostingHostBuilderExtensions.cs (DOTNET_ prefixed host configuration)',
    examples: { match: ['DOTNET_URLS=http://0.0.0.0:8080'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['UseUrls('],
    value: /UseUrls\(\s{0,3}(?:new\s{0,3}(?:string)?\[\]\s{0,3}\{\s{0,3})?[@$]?"([^"]{1,200})"/i,
    source: 'dotnet/aspnetcore src/Hosting/Abstractions/src/HostingAbstractionsWebHostBuilderExtensions.cs (UseUrls)',
    examples: { match: ['webBuilder.UseUrls("http://0.0.0.0:5000");', 'builder.WebHost.UseUrls("http://*:8080", "https://*:8443");'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['--urls'],
    value: /--urls[=\s]{1,3}["']?([^\s"']{1,200})/i,
    source: 'dotnet/aspnetcore src/Hosting/Abstractions/src/WebHostDefaults.cs (ServerUrlsKey "urls" from the command line)',
    examples: { match: ['dotnet MyApp.dll --urls http://0.0.0.0:5000', 'dotnet run --urls=http://localhost:5050'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['"urls"'],
    value: /"urls"\s{0,3}:\s{0,3}"([^"]{1,200})"/i,
    source: 'dotnet/aspnetcore src/Hosting/Abstractions/src/WebHostDefaults.cs (ServerUrlsKey "urls" in appsettings.json)',
    examples: { match: ['"Urls": "http://*:5000"', '{ "urls": "http://0.0.0.0:8080;https://0.0.0.0:8443" }'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['Kestrel__Endpoints__'],
    value: /Kestrel__Endpoints__\w{1,60}__Url["']?\s{0,3}[=:]\s{0,3}["']?([^\s"',;<>]{1,200})/i,
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/Internal/ConfigurationReader.cs (Kestrel:Endpoints:{name}:Url as an environment variable)',
    examples: { match: ['Kestrel__Endpoints__Http__Url=http://0.0.0.0:8080'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['Binding to values defined by URLS instead'],
    value: /defined by URLS instead '([^'\s]{1,200})'/i,
    source: `${WEB_HOST_LOG} (PortsOverridenByUrls, Microsoft.AspNetCore.Hosting.Diagnostics[15], .NET 8+)`,
    examples: { match: ["warn: Microsoft.AspNetCore.Hosting.Diagnostics[15] Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:80'."] },
  },
  {
    clue: 'hosting.port-config',
    all: ['Overriding address(es)'],
    value: /overriding address\(es\) '([^']{1,200})'/i,
    source: `${CORE_STRINGS} (OverridingWithKestrelOptions)`,
    examples: {
      match: ["Overriding address(es) 'http://localhost:5000'. Binding to endpoints defined via IConfiguration and/or UseKestrel() instead."],
    },
  },
  {
    clue: 'hosting.port-config',
    all: ['No listening endpoints were configured'],
    value: /binding to (\S{1,200}?)\.? by default/i,
    source: `${CORE_STRINGS} (BindingToDefaultAddress)`,
    examples: { match: ['No listening endpoints were configured. Binding to http://localhost:5000 by default.'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['ListenAnyIP('],
    value: /ListenAnyIP\(\s{0,3}(\d{1,5})/i,
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/KestrelServerOptions.cs (ListenAnyIP)',
    examples: { match: ['options.ListenAnyIP(8080);'] },
  },
  {
    clue: 'hosting.port-config',
    all: ['ListenLocalhost('],
    value: /ListenLocalhost\(\s{0,3}(\d{1,5})/i,
    source: 'dotnet/aspnetcore src/Servers/Kestrel/Core/src/KestrelServerOptions.cs (ListenLocalhost)',
    examples: { match: ['serverOptions.ListenLocalhost(5000, o => o.UseHttps());'] },
  },
];
