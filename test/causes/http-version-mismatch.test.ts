import cause from '../../src/causes/http-version-mismatch';
import { runCauseTests } from '../helpers/cause-tester';
import { NGINX, nginxError } from './edge-samples';

/** nginx grpc_pass to an HTTP/1.x backend: ngx_http_grpc_module.c "upstream sent too large http2 frame: %uz" (line as quoted in kubernetes/ingress-nginx#4323). */
const NGINX_TOO_LARGE =
  '2026/11/20 10:15:02 [error] 29#29: *1 upstream sent too large http2 frame: 4740180 while reading response header from upstream, client: 172.18.0.1, server: , request: "POST /greet.Greeter/SayHello HTTP/2.0", upstream: "grpc://172.18.0.2:8080", host: "localhost:8080"';

/** Kestrel's HTTP/2-only endpoint reading HTTP/1.1 (KestrelTrace.Connections PossibleInvalidHttpVersionDetected, event 54). */
const KESTREL_EXPECTED_H2 = [
  'dbug: Microsoft.AspNetCore.Server.Kestrel.Connections[54]',
  '      Connection id "0HMPL4JQ4J2K7": Invalid content received on connection. Possible incorrect HTTP version detected. Expected HTTP/2 but received HTTP/1.1.',
].join('\n');

/** YARP to an SSRS (IIS, Windows authentication) destination, as posted in dotnet/yarp#1739 (System.Net.Http net_http_http2_stream_error). */
const YARP_HTTP11_REQUIRED = [
  'info: Yarp.ReverseProxy.Forwarder.HttpForwarder[56]',
  '      Received HTTP/2.0 response 401.',
  'info: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
  '      Request: An error was encountered before receiving a response.',
  '      System.Net.Http.HttpRequestException: An error occurred while sending the request.',
  '       ---> System.IO.IOException: The request was aborted.',
  "       ---> System.Net.Http.Http2StreamException: The HTTP/2 server reset the stream. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd).",
];

/** Kestrel's startup warning (KestrelTrace.General Http2DisabledWithHttp1AndNoTls, event 64) and its bad request for the h2c preface (CoreStrings BadRequest_UnrecognizedHTTPVersion). */
const KESTREL_H2C_REFUSED = [
  'warn: Microsoft.AspNetCore.Server.Kestrel[64]',
  '      HTTP/2 is not enabled for [::]:8080. The endpoint is configured to use HTTP/1.1 and HTTP/2, but TLS is not enabled. HTTP/2 requires TLS application protocol negotiation. Connections to this endpoint will use HTTP/1.1.',
  'dbug: Microsoft.AspNetCore.Server.Kestrel.BadRequests[17]',
  "      Connection id \"0HN8J4K2Q1ABD\" bad request data: \"Unrecognized HTTP version: 'HTTP/2.0'\"",
  "      Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Unrecognized HTTP version: 'HTTP/2.0'",
].join('\n');

/** A YARP cluster pinned to HTTP/2 (dotnet/yarp#1153) whose HTTP/1.1 destination answers garbage (net_http_http2_connection_error PROTOCOL_ERROR). */
const YARP_PINNED_CONFIG = ['"HttpRequest": {', '       "Version": "2",', '       "VersionPolicy": "RequestVersionExact"', '      },'].join('\n');

/** grpc-dotnet wrapping HttpClient's net_http_http2_connection_not_established. */
const GRPC_CLIENT =
  'Grpc.Core.RpcException: Status(StatusCode="Unavailable", Detail="Error starting gRPC call. HttpRequestException: An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.", DebugException="System.Net.Http.HttpRequestException: An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.")';

runCauseTests(cause, {
  valid: [
    { name: 'PROTOCOL_ERROR with no version pinned is any broken HTTP/2 peer', evidence: { 'app.log': "System.Net.Http.HttpRequestException: The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'PROTOCOL_ERROR' (0x1)." } },
    { name: 'an HTTP/1.1 upstream closing early is a crash or keep-alive race, not a version', evidence: { 'error.log': nginxError(NGINX.prematureClose, 'http://127.0.0.1:5000/api') } },
    { name: 'a client overrunning the HTTP/2 flow-control window is an HTTP/2 client bug (CoreStrings Http2ErrorFlowControlWindowExceeded)', evidence: { 'api.log': 'Microsoft.AspNetCore.Server.Kestrel.Http2.Http2ConnectionErrorException: HTTP/2 connection error (FLOW_CONTROL_ERROR): The client sent more data than what was available in the flow-control window.' } },
    { name: 'nginx closing an HTTP/2 upstream connection gracefully (GOAWAY NO_ERROR) is not a refusal', evidence: { 'error.log': '2026/11/20 10:15:02 [error] 31#31: *7 upstream sent goaway with error 0 while reading response header from upstream, client: 10.0.0.7, server: grpc.example.com, request: "POST /orders.Orders/Get HTTP/2.0", upstream: "grpc://10.0.1.23:8080", host: "grpc.example.com"' } },
  ],
  invalid: [
    {
      name: 'grpc_pass to an HTTP/1.x backend: the status line read as a frame length, in a fence with prose',
      evidence: { 'slack.txt': ['the grpc client gets Unavailable through nginx, error.log says', '```', NGINX_TOO_LARGE, '```'].join('\n') },
      minConfidence: 0.8,
      evidenceLines: [3],
      mentions: ['prior knowledge', '"HTT"', '"Protocols": "Http2"'],
    },
    {
      name: 'HTTP/1.1 to an HTTP/2-only gRPC endpoint (Kestrel debug log, nothing else)',
      evidence: { 'kestrel.log': KESTREL_EXPECTED_H2 },
      minConfidence: 0.8,
      evidenceLines: [2],
      mentions: ['HTTP/2 only', 'grpc_pass grpc://127.0.0.1:5001'],
    },
    {
      name: 'YARP to a Windows-authentication backend: HTTP_1_1_REQUIRED, quoted in Slack (&gt;)',
      evidence: { 'slack.txt': YARP_HTTP11_REQUIRED.map((l) => `&gt; ${l}`).join('\n') },
      minConfidence: 0.8,
      evidenceLines: [7],
      mentions: ['Windows authentication', 'Pin the YARP cluster', '"Version": "1.1"'],
    },
    {
      name: 'h2c prior knowledge refused by a cleartext Http1AndHttp2 endpoint, with its startup warning',
      evidence: { 'api.log': KESTREL_H2C_REFUSED },
      minConfidence: 0.85,
      evidenceLines: [5],
      mentions: ['HTTP/2 is not enabled on that endpoint', '"Protocols": "Http2"'],
    },
    {
      name: 'YARP pinned to HTTP/2 exact, PROTOCOL_ERROR from an HTTP/1.1 health endpoint, in a sentence',
      evidence: {
        'issue.txt': [
          'So that\'s why I have the following settings in YARP config',
          YARP_PINNED_CONFIG,
          "But an endpoints for healthchecks are done as REST API with HTTP1.1. So that's why I'm getting the The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'PROTOCOL_ERROR' (0x1)",
        ].join('\n'),
      },
      minConfidence: 0.6,
      mentions: ['YARP spoke HTTP/2 with prior knowledge'],
    },
    {
      name: 'nginx grpc_pass told HTTP_1_1_REQUIRED (error 13), header-less',
      evidence: { 'error.log': 'upstream sent goaway with error 13 while reading response header from upstream, client: 10.0.0.7, server: grpc.example.com, request: "POST /orders.Orders/Get HTTP/2.0", upstream: "grpc://10.0.1.23:8080", host: "grpc.example.com"' },
      minConfidence: 0.8,
      mentions: ['nginx spoke HTTP/2', 'gRPC needs HTTP/2 end to end'],
    },
    {
      name: 'a gRPC client on http:// to a server that does not speak h2c there',
      evidence: { 'client.log': GRPC_CLIENT },
      minConfidence: 0.8,
      mentions: ['h2c', 'curl -v --http2-prior-knowledge'],
    },
  ],
  messy: {
    valid: [
      {
        // HttpClient's PROTOCOL_ERROR text (System.Net.Http net_http_http2_connection_error) with no version pinned, in a sentence.
        name: 'PROTOCOL_ERROR with nothing pinned, in prose',
        form: 'in prose',
        evidence: { 'message.txt': "the client sometimes logs The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'PROTOCOL_ERROR' (0x1). no idea why" },
      },
    ],
    invalid: [
      {
        // Kestrel's PossibleInvalidHttpVersionDetected (KestrelTrace.Connections event 54) without its category line.
        name: 'Expected HTTP/2 but received HTTP/1.1, without its category line',
        form: 'header-less',
        evidence: { 'kestrel.txt': '      Connection id "0HMPL4JQ4J2K7": Invalid content received on connection. Possible incorrect HTTP version detected. Expected HTTP/2 but received HTTP/1.1.' },
      },
      {
        // HttpClient's net_http_http2_stream_error with HTTP_1_1_REQUIRED (dotnet/yarp#1739 chain) quoted in a sentence.
        name: 'HTTP_1_1_REQUIRED quoted in a sentence about YARP',
        form: 'in prose',
        evidence: { 'message.txt': "yarp to our SSRS box fails with System.Net.Http.Http2StreamException: The HTTP/2 server reset the stream. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd). the backend uses windows auth" },
      },
      {
        // nginx grpc module's "upstream sent too large http2 frame" (ngx_http_grpc_module.c) split after "upstream,".
        name: 'too large http2 frame, split after "upstream,"',
        form: 'split over lines',
        evidence: {
          'error.log':
            '2026/11/20 10:15:02 [error] 29#29: *1 upstream sent too large http2 frame: 4740180 while reading response header from upstream,\nclient: 172.18.0.1, server: , request: "POST /greet.Greeter/SayHello HTTP/2.0", upstream: "grpc://172.18.0.2:8080", host: "localhost:8080"',
        },
      },
      {
        // grpc-dotnet's RpcException around net_http_http2_connection_not_established, in French prose.
        name: 'French prose around the gRPC client error',
        form: 'other language',
        evidence: { 'message.txt': 'Bonjour, le client gRPC en http:// échoue avec : Grpc.Core.RpcException: Status(StatusCode="Unavailable", Detail="Error starting gRPC call. HttpRequestException: An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.")' },
      },
    ],
  },
});

