/**
 * Signatures of sockets and HttpClient. See types.ts for what a signature is and how it is matched.
 *
 * One socket failure reads differently on each platform: .NET on Windows prints the Winsock text
 * (`SocketException (10061): No connection could be made ...`), .NET on Linux the errno text
 * (`SocketException (111): Connection refused`), Go wraps the errno in `dial tcp host:port: connect:`,
 * Node prints the errno name (`connect ECONNREFUSED host:port`). Each wording gets its own
 * signature, so that a paste of any one of them (or of a piece of one) raises the same clue.
 * Values are the address or host the message names, where it names one.
 */
import type { Signature } from './types';

const WINSOCK = 'Winsock error texts (winerror.h WSAE*), as dotnet/runtime System.Net.Primitives SocketException shows them on Windows; kb-facts 3.3';
const ERRNO = 'glibc strerror texts (errno.h), as dotnet/runtime System.Net.Primitives SocketException shows them on Linux';
const GAI = 'glibc / musl / macOS gai_strerror texts (netdb.h EAI_*), as dotnet/runtime System.Net.NameResolution Dns shows them';
const GO_NET = 'golang net (net.go OpError "dial tcp <addr>: connect: <errno>", lookup.go DNSError)';
const NODE = 'nodejs lib/internal/errors.js (uvExceptionWithHostPort: "<syscall> <CODE> <address>:<port>")';
const HTTP_RESX = (name: string): string => `dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (${name})`;

/** A host:port or [v6]:port, as .NET (`(host:port)`), Go (`dial tcp host:port`) and Node print it. */
const ADDR = String.raw`(\[[0-9a-f:.]{2,45}\]:\d{1,5}|[\w.-]{1,253}:\d{1,5})`;
/** The address after one of the words that introduce it in a socket message. */
const addressAfter = (...lead: string[]): RegExp => new RegExp(`(?:${lead.join('|')})[ :(]{1,3}${ADDR}`, 'i');

const REFUSED_ADDR = addressAfter('dial tcp', 'econnrefused', String.raw`refused it\.?`, 'connection refused');
const RESET_ADDR = new RegExp(String.raw`->${ADDR}: (?:read|write)`, 'i');
const TIMEOUT_ADDR = addressAfter('dial tcp', 'etimedout', String.raw`respond\.?`, 'timed out');
const UNREACHABLE_ADDR = addressAfter('dial tcp', 'ehostunreach', 'enetunreach', 'unreachable', 'no route to host');
/** The host name a failed lookup names: Go `lookup x on`, Node `ENOTFOUND x`, .NET `... (x:443)`, curl `resolve host: x`. */
const HOST = /(?:lookup |enotfound |eai_again |resolve host:? |could not be resolved:? '?|(?:known|unavailable|resolution|resolve)\.? \()([\w-]{1,63}(?:\.[\w-]{1,63}){0,10})/i;

export const SIGNATURES: readonly Signature[] = [
  // --- Connection refused: nothing listens at the address (WSAECONNREFUSED 10061, ECONNREFUSED 111)
  {
    clue: 'net.connection-refused',
    all: ['actively refused'],
    value: REFUSED_ADDR,
    source: `${WINSOCK} (WSAECONNREFUSED 10061)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (localhost:5000) ---> System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it.',
        'No connection could be made because the target machine actively refused it 127.0.0.1:5000',
        'the target machine actively refused it',
      ],
    },
  },
  {
    clue: 'net.connection-refused',
    all: ['no connection could be made because'],
    value: REFUSED_ADDR,
    source: `${WINSOCK} (WSAECONNREFUSED 10061)`,
    examples: { match: ['System.Net.Sockets.SocketException: No connection could be made because the target'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['connection refused'],
    value: REFUSED_ADDR,
    source: `${ERRNO} (ECONNREFUSED 111); ${GO_NET}; nginx src/event/ngx_event_connect.c (connect() failed)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: Connection refused (api:8080) ---> System.Net.Sockets.SocketException (111): Connection refused',
        'dial tcp 10.244.1.17:8080: connect: connection refused',
        'connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: _, upstream: "http://127.0.0.1:5000/"',
        'psql: error: connection to server at "db" (172.18.0.3), port 5432 failed: Connection refused',
      ],
      noMatch: [
        "Refused to connect to 'wss://app.example.com/hub' because it violates the following Content Security Policy directive",
        'The server refused the request: the connection limit was reached',
      ],
    },
  },
  {
    clue: 'net.connection-refused',
    all: ['econnrefused'],
    value: REFUSED_ADDR,
    source: `${NODE} (ECONNREFUSED)`,
    examples: { match: ['Error: connect ECONNREFUSED 127.0.0.1:5000', '[HPM] Error occurred while proxying request localhost:4200/api to http://localhost:5000/ [ECONNREFUSED]'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['socketexception'],
    any: ['socketexception (10061)', 'socketexception (111)'],
    source: 'dotnet/runtime System.Net.Primitives SocketException.ToString ("SocketException (<code>): <message>") for 10061 / 111',
    examples: { match: ['---> System.Net.Sockets.SocketException (10061)', 'inner: SocketException (111)'], noMatch: ['System.Net.Sockets.SocketException (1110): something else'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['10061'],
    any: ['(10061)', 'wsaeconnrefused', 'error 10061', 'error: 10061', 'error code 10061', 'errorcode 10061'],
    source: `${WINSOCK} (WSAECONNREFUSED 10061)`,
    examples: { match: ['Socket error (10061) connecting to backend', 'WSAECONNREFUSED 10061', 'winsock error 10061 from 10.1.2.3'], noMatch: ['took 10061 ms'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['err_connection_refused'],
    source: 'Chromium net/base/net_error_list.h (CONNECTION_REFUSED)',
    examples: { match: ['This site can’t be reached. localhost refused to connect. ERR_CONNECTION_REFUSED'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['0x8007274d'],
    source: 'kb-facts 3.3 (HRESULT 0x8007274D = WSAECONNREFUSED 10061)',
    examples: { match: ['HRESULT: 0x8007274D'] },
  },

  {
    clue: 'net.connection-refused',
    all: ['connect error: 111'],
    source: 'envoyproxy/envoy source/common/network/connection_impl.cc (transport failure reason "delayed connect error: <errno>")',
    examples: { match: ['upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: 111'] },
  },

  // --- Connection reset: the peer reset or closed the connection (WSAECONNRESET 10054, ECONNRESET 104)
  {
    clue: 'net.connection-reset',
    all: ['forcibly closed'],
    any: ['forcibly closed by the remote host', 'existing connection was forcibly closed'],
    source: `${WINSOCK} (WSAECONNRESET 10054)`,
    examples: {
      match: [
        'System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.. ---> System.Net.Sockets.SocketException (10054): An existing connection was forcibly closed by the remote host.',
        'An existing connection was forcibly closed',
      ],
      noMatch: ['The ticket was forcibly closed by the bot'],
    },
  },
  {
    clue: 'net.connection-reset',
    all: ['connection reset by peer'],
    value: RESET_ADDR,
    source: `${ERRNO} (ECONNRESET 104); ${GO_NET}; nginx src/http/ngx_http_upstream.c (recv() failed)`,
    examples: {
      match: [
        'System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer. ---> System.Net.Sockets.SocketException (104): Connection reset by peer',
        'read tcp 10.0.0.12:51822->10.0.0.40:8080: read: connection reset by peer',
        'recv() failed (104: Connection reset by peer) while reading response header from upstream',
      ],
      noMatch: ['the peer restarted and reconnected fine'],
    },
  },
  {
    clue: 'net.connection-reset',
    all: ['econnreset'],
    source: `${NODE} (ECONNRESET)`,
    examples: { match: ['Error: read ECONNRESET at TCP.onStreamRead (node:internal/stream_base_commons:217:20)', '[HPM] ECONNRESET: Error: socket hang up'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['socket hang up'],
    source: 'nodejs lib/_http_client.js (connResetException("socket hang up"))',
    examples: { match: ['Error: socket hang up'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['socketexception (104)'],
    source: 'dotnet/runtime System.Net.Primitives SocketException.ToString for errno 104',
    examples: { match: ['---> System.Net.Sockets.SocketException (104)'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['10054'],
    any: ['(10054)', 'wsaeconnreset', 'error 10054', 'error: 10054', 'error code 10054'],
    source: `${WINSOCK} (WSAECONNRESET 10054)`,
    examples: { match: ['SocketException (10054)', 'recv failed with WSAECONNRESET 10054'], noMatch: ['order 10054 shipped'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['0x80072746'],
    source: 'kb-facts 3.3 (HRESULT 0x80072746 = WSAECONNRESET 10054)',
    examples: { match: ['HRESULT: 0x80072746'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['connection'],
    any: ['err_connection_reset', 'connection was reset'],
    source: 'Chromium net/base/net_error_list.h (CONNECTION_RESET); Firefox neterror page ("The connection was reset")',
    examples: { match: ['ERR_CONNECTION_RESET', 'The connection was reset while the page was loading.'] },
  },

  // --- Host name did not resolve
  {
    clue: 'net.host-unresolved',
    all: ['no such host is known'],
    value: HOST,
    source: `${WINSOCK} (WSAHOST_NOT_FOUND 11001)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: No such host is known. (orders-api:80) ---> System.Net.Sockets.SocketException (11001): No such host is known.',
        '(provider: TCP Provider, error: 0 - No such host is known.)',
      ],
    },
  },
  {
    clue: 'net.host-unresolved',
    all: ['name or service not known'],
    value: HOST,
    source: `${GAI} (EAI_NONAME, glibc)`,
    examples: { match: ['System.Net.Http.HttpRequestException: Name or service not known (orders-api:80) ---> System.Net.Sockets.SocketException (00000005, 0xFFFDFFFF): Name or service not known'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['name does not resolve'],
    value: HOST,
    source: `${GAI} (EAI_NONAME, musl / Alpine images)`,
    examples: { match: ['---> System.Net.Internals.SocketExceptionFactory+ExtendedSocketException (00000005, 0xFFFDFFFF): Name does not resolve'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['nodename nor servname provided'],
    value: HOST,
    source: `${GAI} (EAI_NONAME, macOS)`,
    examples: { match: ['nodename nor servname provided, or not known (api.local:443)'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['temporary failure in name resolution'],
    value: HOST,
    source: `${GAI} (EAI_AGAIN)`,
    examples: { match: ['dial tcp: lookup postgres: Temporary failure in name resolution', 'getaddrinfo failed: Temporary failure in name resolution'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['resource temporarily unavailable'],
    any: ['(00000001, 11)', 'getaddrinfo', 'gethostaddresses', 'gethostentry', 'nameresolution', 'name resolution', 'lookup', 'dns'],
    value: HOST,
    source: `${GAI} (EAI_AGAIN mapped to SocketError.TryAgain, shown as the EAGAIN text)`,
    examples: { match: ['---> System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable at System.Net.Dns.GetHostEntryOrAddressesCore'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['resource temporarily unavailable ('],
    none: ['os error', '(11)', 'errno', 'would block', 'pthread', 'fork', 'thread'],
    value: HOST,
    source: `${GAI}; dotnet/runtime System.Net.Http ConnectHelper (HttpRequestException "<message> (<host>:<port>)")`,
    examples: {
      match: ['System.Net.Http.HttpRequestException: Resource temporarily unavailable (nuget.example.com:443)'],
      noMatch: ['pthread_create: Resource temporarily unavailable (11)', 'Failed to receive: Resource temporarily unavailable (os error 11)'],
    },
  },
  {
    clue: 'net.host-unresolved',
    all: ['no such host'],
    none: ['no such hosting'],
    value: HOST,
    source: `${GO_NET} (errNoSuchHost "no such host")`,
    examples: {
      match: ['Get "http://orders-api:8080/health": dial tcp: lookup orders-api on 10.96.0.10:53: no such host'],
      noMatch: ['No such hosting plan in this subscription'],
    },
  },
  {
    clue: 'net.host-unresolved',
    all: ['lookup ', 'i/o timeout'],
    any: ['dial tcp', 'dial udp', 'read udp', ':53'],
    value: HOST,
    source: `${GO_NET} (DNSError with a read timeout from the resolver)`,
    examples: { match: ['dial tcp: lookup api.internal on 10.96.0.10:53: read udp 10.1.0.5:38520->10.96.0.10:53: i/o timeout'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['getaddrinfo'],
    any: ['getaddrinfo enotfound', 'getaddrinfo eai_again'],
    value: HOST,
    source: `${NODE} (dns getaddrinfo ENOTFOUND / EAI_AGAIN)`,
    examples: { match: ['Error: getaddrinfo ENOTFOUND orders-api', 'getaddrinfo EAI_AGAIN registry.npmjs.org'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['resol'],
    any: ['could not resolve host', 'remote name could not be resolved', 'server name or address could not be resolved', 'temporary error during hostname resolution'],
    value: HOST,
    source: `curl lib/strerror.c (CURLE_COULDNT_RESOLVE_HOST); .NET Framework WebException (NameResolutionFailure); WinHTTP ERROR_WINHTTP_NAME_NOT_RESOLVED 12007 (kb-facts 3.3); ${WINSOCK} (WSATRY_AGAIN 11002)`,
    examples: {
      match: [
        'curl: (6) Could not resolve host: orders-api',
        "System.Net.WebException: The remote name could not be resolved: 'orders-api.internal'",
        'The server name or address could not be resolved',
        'This is usually a temporary error during hostname resolution and means that the local server did not receive a response from an authoritative server.',
      ],
      noMatch: ["Unable to resolve service for type 'IOrderService' while attempting to activate 'OrdersController'."],
    },
  },
  {
    clue: 'net.host-unresolved',
    all: ['not_resolved'],
    any: ['error_winhttp_name_not_resolved', 'err_name_not_resolved'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_NAME_NOT_RESOLVED 12007, kb-facts 3.3); Chromium net/base/net_error_list.h (NAME_NOT_RESOLVED)',
    examples: { match: ['ERROR_WINHTTP_NAME_NOT_RESOLVED', 'net::ERR_NAME_NOT_RESOLVED'] },
  },
  {
    clue: 'net.host-unresolved',
    all: ['1100'],
    any: ['(11001)', 'wsahost_not_found', '(11002)', 'wsatry_again'],
    source: `${WINSOCK} (WSAHOST_NOT_FOUND 11001, WSATRY_AGAIN 11002)`,
    examples: { match: ['System.Net.Sockets.SocketException (11001)', 'WSAHOST_NOT_FOUND 11001'], noMatch: ['listening on port 11001'] },
  },

  // --- Connect timeout (WSAETIMEDOUT 10060, ETIMEDOUT 110)
  {
    clue: 'net.connect-timeout',
    all: ['connect'],
    any: ['connected party did not properly respond', 'connected host has failed to respond', 'a connection attempt failed because'],
    value: TIMEOUT_ADDR,
    source: `${WINSOCK} (WSAETIMEDOUT 10060)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond. (10.0.3.4:443) ---> System.Net.Sockets.SocketException (10060): A connection attempt failed',
        'established connection failed because connected host has failed to respond',
      ],
    },
  },
  {
    clue: 'net.connect-timeout',
    all: ['10060'],
    any: ['(10060)', 'wsaetimedout', 'error 10060', 'error: 10060', 'error code 10060'],
    source: `${WINSOCK} (WSAETIMEDOUT 10060)`,
    examples: { match: ['SocketException (10060)', 'connect() failed: WSAETIMEDOUT 10060'], noMatch: ['took 10060 ms'] },
  },
  {
    clue: 'net.connect-timeout',
    all: ['connection timed out'],
    // ETIMEDOUT also ends established connections (a read or write that waited too long): not a connect.
    none: ['while reading', 'while sending', 'handshaking', 'read: connection timed out', 'write: connection timed out'],
    value: TIMEOUT_ADDR,
    source: `${ERRNO} (ETIMEDOUT 110); ${GO_NET}; nginx src/http/ngx_http_upstream.c (upstream timed out ... while connecting to upstream)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: Connection timed out (orders-api:80) ---> System.Net.Sockets.SocketException (110): Connection timed out',
        'dial tcp 10.0.5.20:443: connect: connection timed out',
        'upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.1',
      ],
      noMatch: [
        'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1',
        'read tcp 10.0.0.12:51822->10.0.0.40:8080: read: connection timed out',
      ],
    },
  },
  {
    clue: 'net.connect-timeout',
    all: ['connect: operation timed out'],
    value: TIMEOUT_ADDR,
    source: `${GO_NET} (ETIMEDOUT on macOS / BSD: "Operation timed out")`,
    examples: { match: ['dial tcp 192.168.1.20:5000: connect: operation timed out'] },
  },
  {
    clue: 'net.connect-timeout',
    all: ['dial tcp', 'i/o timeout'],
    none: ['lookup '],
    value: TIMEOUT_ADDR,
    source: `${GO_NET} (dial with a deadline: "dial tcp <addr>: i/o timeout")`,
    examples: {
      match: ['Get "http://10.0.1.9:8080/": dial tcp 10.0.1.9:8080: i/o timeout'],
      noMatch: ['dial tcp: lookup api.internal on 10.96.0.10:53: read udp 10.1.0.5:38520->10.96.0.10:53: i/o timeout'],
    },
  },
  {
    clue: 'net.connect-timeout',
    all: ['connect etimedout'],
    value: TIMEOUT_ADDR,
    source: `${NODE} (ETIMEDOUT on connect)`,
    examples: { match: ['Error: connect ETIMEDOUT 10.0.0.8:443'], noMatch: ['Error: read ETIMEDOUT'] },
  },
  {
    clue: 'net.connect-timeout',
    all: ['err_connection_timed_out'],
    source: 'Chromium net/base/net_error_list.h (CONNECTION_TIMED_OUT)',
    examples: { match: ['This site can’t be reached. api.example.com took too long to respond. ERR_CONNECTION_TIMED_OUT'] },
  },

  {
    clue: 'net.connect-timeout',
    all: ['connect error: 110'],
    source: 'envoyproxy/envoy source/common/network/connection_impl.cc (transport failure reason "delayed connect error: <errno>")',
    examples: { match: ['reset reason: connection failure, transport failure reason: delayed connect error: 110'] },
  },

  // --- Address already in use (WSAEADDRINUSE 10048, EADDRINUSE 98)
  {
    clue: 'net.address-in-use',
    all: ['only one usage of each socket address'],
    source: `${WINSOCK} (WSAEADDRINUSE 10048); kb-facts 6.5`,
    examples: {
      match: [
        'System.IO.IOException: Failed to bind to address http://127.0.0.1:5000. ---> System.Net.Sockets.SocketException (10048): Only one usage of each socket address (protocol/network address/port) is normally permitted.',
        'Only one usage of each socket address',
      ],
    },
  },
  {
    clue: 'net.address-in-use',
    all: ['address already in use'],
    value: /(?:to address |listen tcp |in use:? |eaddrinuse:? )(\S{0,250}?:\d{1,5})\b/i,
    source: `${ERRNO} (EADDRINUSE 98); dotnet/aspnetcore src/Servers/Kestrel/Core/src/CoreStrings.resx (EndpointAlreadyInUse); ${GO_NET}`,
    examples: {
      match: [
        'Failed to bind to address http://127.0.0.1:5000: address already in use.',
        'listen tcp :8080: bind: address already in use',
        'Error: listen EADDRINUSE: address already in use :::3000',
      ],
    },
  },
  {
    clue: 'net.address-in-use',
    all: ['eaddrinuse'],
    source: `${NODE} (EADDRINUSE); ${WINSOCK} (WSAEADDRINUSE)`,
    examples: { match: ['code: EADDRINUSE, syscall: listen, port: 3000'] },
  },
  {
    clue: 'net.address-in-use',
    all: ['10048'],
    any: ['(10048)', 'error 10048', 'error: 10048', 'error code 10048'],
    source: `${WINSOCK} (WSAEADDRINUSE 10048)`,
    examples: { match: ['SocketException (10048)'], noMatch: ['port 10048 is free'] },
  },

  // --- The condition named: SNAT or ephemeral port exhaustion (App Service, Azure load balancers)
  {
    clue: 'net.port-exhaustion',
    all: ['exhaust'],
    any: ['snat port', 'snat exhaustion', 'port exhaustion', 'ephemeral ports exhausted', 'ports were exhausted', 'ports are exhausted', 'exhausting snat', 'exhausted snat', 'exhausting the snat', 'exhausting ephemeral'],
    source: 'learn.microsoft.com azure/app-service/troubleshoot-intermittent-outbound-connection-errors ("SNAT port exhaustion"); azure/load-balancer/load-balancer-outbound-connections',
    examples: {
      match: ['Using it on an Azure Web App results in SNAT port exhaustion, with the error', 'the App Service diagnostics show SNAT Port Exhaustion', 'looks like ephemeral port exhaustion on the VM'],
      noMatch: ['the thread pool was exhausted'],
    },
  },
  {
    clue: 'net.port-exhaustion',
    all: ['out of'],
    any: ['out of snat ports', 'out of ephemeral ports', 'out of outbound ports'],
    source: 'learn.microsoft.com azure/app-service/troubleshoot-intermittent-outbound-connection-errors (running out of SNAT ports)',
    examples: { match: ['we ran out of SNAT ports during the batch', 'the server runs out of ephemeral ports'] },
  },
  // --- No buffer space: out of ephemeral ports or socket buffers (WSAENOBUFS 10055, ENOBUFS 105)
  {
    clue: 'net.no-buffer-space',
    all: ['sufficient buffer space'],
    any: ['lacked sufficient buffer space', 'because a queue was full'],
    source: `${WINSOCK} (WSAENOBUFS 10055)`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full. (api.partner.com:443)',
        'the system lacked sufficient buffer space',
      ],
    },
  },
  {
    clue: 'net.no-buffer-space',
    all: ['enobufs'],
    source: `${WINSOCK} (WSAENOBUFS); ${NODE} (ENOBUFS)`,
    examples: { match: ['connect WSAENOBUFS', 'Error: connect ENOBUFS 10.0.0.1:443'] },
  },
  {
    clue: 'net.no-buffer-space',
    all: ['no buffer space available'],
    source: `${ERRNO} (ENOBUFS 105)`,
    examples: { match: ['dial tcp 10.0.0.9:80: connect: no buffer space available', 'SocketException (105): No buffer space available'] },
  },
  {
    clue: 'net.no-buffer-space',
    all: ['10055'],
    any: ['(10055)', 'error 10055', 'error: 10055', 'error code 10055', 'errno 10055', 'socket error 10055'],
    source: `${WINSOCK} (WSAENOBUFS 10055)`,
    examples: { match: ['System.Net.Sockets.SocketException (10055)', 'error: [Errno 10055]', 'Consistent socket error 10055'], noMatch: ['invoice 10055'] },
  },
  {
    // Windows prints the Winsock text in its display language; zh-CN as quoted in GameXG/TcpRoute#12.
    clue: 'net.no-buffer-space',
    all: ['系统缓冲区空间不足'],
    source: `${WINSOCK} (WSAENOBUFS 10055, zh-CN system message "由于系统缓冲区空间不足或队列已满，不能执行套接字上的操作。")`,
    examples: { match: ['由于系统缓冲区空间不足或队列已满，不能执行套接字上的操作。'] },
  },

  // --- Network or host unreachable (ENETUNREACH 101, EHOSTUNREACH 113, WSAENETUNREACH 10051, WSAEHOSTUNREACH 10065)
  {
    clue: 'net.unreachable',
    all: ['network is unreachable'],
    value: UNREACHABLE_ADDR,
    source: `${ERRNO} (ENETUNREACH 101); ${GO_NET}`,
    examples: { match: ['dial tcp [2606:4700::6810:84e5]:443: connect: network is unreachable', 'SocketException (101): Network is unreachable'] },
  },
  {
    clue: 'net.unreachable',
    all: ['no route to host'],
    value: UNREACHABLE_ADDR,
    source: `${ERRNO} (EHOSTUNREACH 113); ${GO_NET}`,
    examples: { match: ['dial tcp 10.42.0.17:8080: connect: no route to host', 'System.Net.Http.HttpRequestException: No route to host (10.42.0.17:8080)'] },
  },
  {
    clue: 'net.unreachable',
    all: ['operation was attempted to an unreachable'],
    value: UNREACHABLE_ADDR,
    source: `${WINSOCK} (WSAEHOSTUNREACH 10065, WSAENETUNREACH 10051)`,
    examples: { match: ['SocketException (10065): A socket operation was attempted to an unreachable host. (10.1.1.4:443)', 'A socket operation was attempted to an unreachable network.'] },
  },
  {
    clue: 'net.unreachable',
    all: ['unreach'],
    any: ['ehostunreach', 'enetunreach', 'err_address_unreachable'],
    value: UNREACHABLE_ADDR,
    source: `${NODE} (EHOSTUNREACH, ENETUNREACH); ${WINSOCK} (WSAEHOSTUNREACH, WSAENETUNREACH)`,
    examples: { match: ['Error: connect EHOSTUNREACH 10.0.0.50:8080', 'connect ENETUNREACH 2a00:1450::1:443'] },
  },
  {
    clue: 'net.unreachable',
    all: ['(100'],
    any: ['(10065)', '(10051)'],
    source: `${WINSOCK} (WSAEHOSTUNREACH 10065, WSAENETUNREACH 10051)`,
    examples: { match: ['System.Net.Sockets.SocketException (10065)', 'SocketException (10051)'] },
  },

  {
    clue: 'net.unreachable',
    all: ['connect error: 113'],
    source: 'envoyproxy/envoy source/common/network/connection_impl.cc (transport failure reason "delayed connect error: <errno>")',
    examples: { match: ['transport failure reason: delayed connect error: 113'] },
  },

  // --- HttpClient (SocketsHttpHandler) and the .NET Framework / Go / Node equivalents
  {
    clue: 'http.send-failed',
    all: ['error occurred while sending the request'],
    source: HTTP_RESX('net_http_client_execution_error'),
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.IO.IOException: The response ended prematurely.',
        'Yarp.ReverseProxy.Forwarder.HttpForwarder[48] Request: An error occurred while sending the request.',
      ],
      noMatch: ['An error occurred while processing the request.'],
    },
  },
  {
    clue: 'http.send-failed',
    all: ['unexpected error occurred on a send'],
    source: '.NET Framework System.Net WebException (net_webstatus_SendFailure: "The underlying connection was closed: An unexpected error occurred on a send.")',
    examples: { match: ['System.Net.WebException: The underlying connection was closed: An unexpected error occurred on a send.'] },
  },
  {
    clue: 'http.h2-protocol-error',
    all: ["http/2 error code 'protocol_error'"],
    source: HTTP_RESX('net_http_http2_connection_error: "The HTTP/2 server sent invalid data on the connection. HTTP/2 error code \'{0}\' (0x{1})."'),
    examples: {
      match: ["System.Net.Http.HttpRequestException: The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'PROTOCOL_ERROR' (0x1)."],
      noMatch: ["The HTTP/2 server reset the stream. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd)."],
    },
  },
  {
    // YARP logs the policy on every forward ("Proxying to {url} HTTP/2 RequestVersionExact"); clusters set it in HttpRequest.
    clue: 'http.version-exact',
    all: ['requestversionexact'],
    source: 'dotnet/runtime System.Net.Http HttpVersionPolicy.RequestVersionExact; dotnet/yarp ForwarderRequestConfig.VersionPolicy and HttpForwarder.cs (Proxying log)',
    examples: {
      match: ['"HttpRequest": { "Version": "2", "VersionPolicy": "RequestVersionExact" }', 'info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9] Proxying to http://orders:8080/api/orders HTTP/2 RequestVersionExact no-streaming'],
      noMatch: ['Proxying to https://orders:8443/api/orders HTTP/2 RequestVersionOrLower no-streaming'],
    },
  },
  {
    clue: 'http.client-timeout',
    all: ['httpclient.timeout of'],
    value: /httpclient\.timeout of (\d{1,7}(?:\.\d{1,3})?) seconds/i,
    source: HTTP_RESX('net_http_request_timedout'),
    examples: {
      match: [
        "System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing. ---> System.TimeoutException: The operation was canceled.",
        'configured HttpClient.Timeout of 30 seconds elapsing',
      ],
      noMatch: ['we set HttpClient.Timeout to 5 minutes'],
    },
  },
  {
    clue: 'http.client-timeout',
    all: ['seconds elapsing'],
    any: ['httpclient', 'canceled due to the configured', 'cancelled due to the configured'],
    value: /timeout of (\d{1,7}(?:\.\d{1,3})?) seconds/i,
    source: HTTP_RESX('net_http_request_timedout'),
    examples: { match: ['The request was canceled due to the configured HttpClient Timeout of 100 seconds elapsing'] },
  },
  {
    clue: 'http.client-timeout',
    all: ['client.timeout exceeded'],
    source: 'golang net/http client.go (Client.Timeout exceeded while awaiting headers / reading body)',
    examples: { match: ['Get "http://api:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'net/http: request canceled (Client.Timeout exceeded while awaiting headers)'] },
  },
  {
    clue: 'http.client-timeout',
    all: ['complete within the allowed timeout'],
    value: /allowed timeout of '(\d{1,2}:\d{2}:\d{2}(?:\.\d{1,7})?)'/i,
    source: 'App-vNext/Polly src/Polly.Core/Timeout/TimeoutResilienceStrategy.cs (TimeoutRejectedException), used by Microsoft.Extensions.Http.Resilience',
    examples: {
      match: ["Polly.Timeout.TimeoutRejectedException: The operation didn't complete within the allowed timeout of '00:00:30'."],
      noMatch: ['The operation completed within the allowed time.'],
    },
  },
  {
    clue: 'http.client-timeout',
    all: ['through timeoutpolicy did not complete'],
    source: 'App-vNext/Polly v7 src/Polly/Timeout/TimeoutRejectedException.cs ("The delegate executed asynchronously through TimeoutPolicy did not complete within the timeout.")',
    examples: { match: ['Polly.Timeout.TimeoutRejectedException: The delegate executed asynchronously through TimeoutPolicy did not complete within the timeout.'] },
  },
  {
    clue: 'http.response-ended',
    all: ['response ended prematurely'],
    source: `${HTTP_RESX('net_http_invalid_response_premature_eof')}; net_http_invalid_response_premature_eof_bytecount`,
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.IO.IOException: The response ended prematurely.',
        'The response ended prematurely, with at least 1024 additional bytes expected.',
        'HttpRequestException: The response ended prematurely. (ResponseEnded)',
      ],
    },
  },
  {
    clue: 'http.response-ended',
    all: ['received an invalid'],
    any: ['received an invalid status line', 'received an invalid header line', 'received an invalid header name'],
    value: /received an invalid (?:status|header) (?:line|name): '([^'\n]{0,120})'/i,
    source: `${HTTP_RESX('net_http_invalid_response_status_line')}; net_http_invalid_response_header_line; net_http_invalid_response_header_name`,
    examples: { match: ["System.Net.Http.HttpRequestException: Received an invalid status line: 'SSH-2.0-OpenSSH_8.9'.", "Received an invalid header line: 'X-Bad Header'."] },
  },
  {
    clue: 'http.response-ended',
    all: ['invalid or unrecognized response'],
    source: `${HTTP_RESX('net_http_invalid_response')}; WinHTTP ERROR_WINHTTP_INVALID_SERVER_RESPONSE 12152 (kb-facts 3.3)`,
    examples: { match: ['The server returned an invalid or unrecognized response.'] },
  },
  {
    clue: 'http.response-ended',
    all: ['error while copying content to a stream'],
    source: HTTP_RESX('net_http_content_stream_copy_error'),
    examples: { match: ['System.Net.Http.HttpRequestException: Error while copying content to a stream. ---> System.IO.IOException: Unable to read data from the transport connection'] },
  },
  {
    clue: 'http.response-ended',
    all: ['server committed a protocol violation'],
    value: /protocol violation\.? section=(\w{1,40})/i,
    source: '.NET Framework System.Net WebException (ServerProtocolViolation: "The server committed a protocol violation. Section=...")',
    examples: { match: ['System.Net.WebException: The server committed a protocol violation. Section=ResponseStatusLine'] },
  },
  {
    clue: 'http.response-ended',
    all: ['connection was closed unexpectedly'],
    source: '.NET Framework System.Net WebException (KeepAliveFailure / ConnectionClosed: "The underlying connection was closed: The connection was closed unexpectedly.")',
    examples: { match: ['The underlying connection was closed: The connection was closed unexpectedly.'] },
  },
  {
    clue: 'http.response-ended',
    all: ['transport connection broken'],
    source: 'golang net/http transport.go ("net/http: HTTP/1.x transport connection broken: ...")',
    examples: { match: ['net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x00\\x00\\x12\\x04"'] },
  },
  {
    clue: 'http.response-ended',
    all: ['malformed http'],
    any: ['malformed http response', 'malformed http status code'],
    source: 'golang net/http response.go (ReadResponse: "malformed HTTP response", "malformed HTTP status code")',
    examples: { match: ['malformed HTTP response "\\x15\\x03\\x01\\x00\\x02\\x02"'] },
  },
  {
    clue: 'http.response-ended',
    all: ['parse error'],
    any: ['hpe_invalid_constant', 'parse error: expected http/'],
    source: 'nodejs llhttp (HPE_INVALID_CONSTANT "Expected HTTP/")',
    examples: { match: ['Error: Parse Error: Expected HTTP/ code: HPE_INVALID_CONSTANT'] },
  },
  {
    clue: 'http.response-headers-too-big',
    all: ['response headers length exceeded'],
    value: /exceeded the set limit of (\d{1,12}) bytes/i,
    source: HTTP_RESX('net_http_response_headers_exceeded_length'),
    examples: {
      match: [
        'System.Net.Http.HttpRequestException: The HTTP response headers length exceeded the set limit of 65536 bytes.',
        'Failed to forward request to application. Encountered a System.Net.Http.HttpRequestException exception after 7.878ms with message: The HTTP response headers length exceeded the set limit of 65536 bytes..',
      ],
    },
  },
  {
    clue: 'http.response-headers-too-big',
    all: ['server response headers exceeded'],
    value: /headers exceeded (\d{1,12}) bytes/i,
    source: 'golang net/http transport.go ("net/http: server response headers exceeded %d bytes; aborted")',
    examples: { match: ['net/http: HTTP/1.x transport connection broken: net/http: server response headers exceeded 1048576 bytes; aborted'] },
  },
  {
    clue: 'http.response-headers-too-big',
    all: ['overflow'],
    any: ['error_winhttp_header_size_overflow', 'hpe_header_overflow', 'parse error: header overflow'],
    source: 'WinHTTP winhttp.h (ERROR_WINHTTP_HEADER_SIZE_OVERFLOW 12182, kb-facts 3.3); nodejs llhttp (HPE_HEADER_OVERFLOW)',
    examples: { match: ['ERROR_WINHTTP_HEADER_SIZE_OVERFLOW', 'Error: Parse Error: Header overflow code: HPE_HEADER_OVERFLOW'] },
  },
  {
    clue: 'net.socket-forbidden',
    all: ['access a socket in a way forbidden by its access permissions'],
    none: ['failed to bind', 'unable to bind', 'socketconnectionlistener', 'kestrel', 'now listening', 'listen('],
    source: 'Windows WSAEACCES (10013); on Azure App Service the sandbox answers outbound connections over the plan limit with it',
    examples: {
      match: ['System.Net.Http.HttpRequestException: An attempt was made to access a socket in a way forbidden by its access permissions. (api.contoso.com:443)', 'SocketException: An attempt was made to access a socket in a way forbidden by its access permissions'],
      noMatch: ['Failed to bind to address http://127.0.0.1:5000: An attempt was made to access a socket in a way forbidden by its access permissions'],
    },
  },
  {
    clue: 'http.response-ended',
    all: ['err_incomplete_chunked_encoding'],
    source: "Chromium net error ERR_INCOMPLETE_CHUNKED_ENCODING: the server's chunked response stopped before its end",
    examples: { match: ['(failed)net::ERR_INCOMPLETE_CHUNKED_ENCODING'] },
  },
  {
    clue: 'http.response-ended',
    all: ['err_empty_response'],
    source: 'Chromium net error ERR_EMPTY_RESPONSE: the server closed the connection without sending anything',
    examples: { match: ['This page isn’t working. localhost didn’t send any data. ERR_EMPTY_RESPONSE'] },
  },
];
