import cause from '../../src/causes/gateway-forwarder-timeout';
import { collect, runCauseTests } from '../helpers/cause-tester';
import { NGINX, iisLog, iisRow, nginxError } from './edge-samples';

/** YARP's ForwardingError for ForwarderError.RequestTimedOut, as posted in Azure/aoai-smart-loadbalancing#6 (dotnet/yarp HttpForwarder.cs). */
const YARP_TIMED_OUT = [
  '  Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
  '      RequestTimedOut: The request timed out before receiving a response.',
  '      System.Threading.Tasks.TaskCanceledException: The operation was canceled.',
  '         at System.Net.Http.Http2Connection.Http2Stream.ReadResponseHeadersAsync(CancellationToken cancellationToken)',
].join('\n');

/** Ocelot's responder with Polly v7's timeout (ThreeMammals/Ocelot RequestTimedOutError "Timeout making http request, exception: {exception}"). */
const OCELOT_TIMEOUT =
  'warn: Ocelot.Responder.Middleware.ResponderMiddleware[0] requestId: 0HN8J4K2Q1ABC:00000009, previousRequestId: no previous request id, message: Error Code: RequestTimedOutError Message: Timeout making http request, exception: Polly.Timeout.TimeoutRejectedException: The delegate executed asynchronously through TimeoutPolicy did not complete within the timeout. errors found in ResponderMiddleware. Setting error response for request path:/reports/annual, request method: GET';

/** Envoy's local reply (router.cc "upstream request timeout") as curl -i shows it. */
const ENVOY_504 = ['HTTP/1.1 504 Gateway Timeout', 'content-length: 24', 'content-type: text/plain', 'date: Fri, 20 Nov 2026 10:15:17 GMT', 'server: envoy', '', 'upstream request timeout'].join('\n');

/** HttpClient's net_http_request_timedout (System.Net.Http Strings.resx) in a BFF's log. */
const BFF_CLIENT_TIMEOUT =
  'fail: Contoso.Bff.Controllers.ReportsController[0] System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing. ---> System.TimeoutException: The operation was canceled.';

/** YARP's structured ForwardingError (EventIds.ForwardingError = 48) as the JSON console logger writes it. */
const YARP_JSON = '{"EventId":{"Id":48,"Name":"ForwardingError"},"LogLevel":"Warning","Category":"Yarp.ReverseProxy.Forwarder.HttpForwarder","Message":"RequestTimedOut: The request timed out before receiving a response."}';

runCauseTests(cause, {
  valid: [
    { name: "nginx's own read timeout belongs to nginx-upstream-timeout", evidence: { 'error.log': nginxError(NGINX.readTimeout) } },
    { name: 'a slow client body is Kestrel timing out the client, not a gateway the backend (CoreStrings BadRequest_RequestBodyTimeout)', evidence: { 'api.log': 'Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.' } },
    { name: "a SQL command timeout is the backend's own wait (SqlClient Execution Timeout Expired)", evidence: { 'api.log': 'Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.' } },
    { name: 'the client went away: YARP RequestCanceled is not a timeout', evidence: { 'gateway.log': 'dbug: Yarp.ReverseProxy.Forwarder.HttpForwarder[66] RequestCanceled: The request was canceled before receiving a response.' } },
  ],
  invalid: [
    {
      name: 'YARP RequestTimedOut in a code fence with prose (a slow LLM backend)',
      evidence: { 'slack.txt': ['some of the models require more time to respond. During the timeout I got the error like below', '```', YARP_TIMED_OUT, '```'].join('\n') },
      minConfidence: 0.8,
      evidenceLines: [4],
      mentions: ['YARP stopped waiting', '100 s (its default)', '"ActivityTimeout": "00:05:00"'],
    },
    {
      name: 'Ocelot RequestTimedOutError with Polly mid-line',
      evidence: { 'ocelot.log': OCELOT_TIMEOUT },
      minConfidence: 0.8,
      mentions: ['Ocelot stopped waiting', '90 s (its default)', '"TimeoutValue": 300000'],
    },
    {
      name: "Envoy's 504 local reply, header-less body under the curl headers",
      evidence: { 'curl.txt': ENVOY_504 },
      minConfidence: 0.8,
      evidenceLines: [7],
      mentions: ['Envoy stopped waiting', '15 s (its default)', 'timeout: 300s'],
    },
    {
      name: "a BFF's HttpClient.Timeout of 100 seconds in a sentence, and the 504 the browser saw",
      evidence: {
        'message.txt': `the client always get 504 after 100 seconds passed, BFF log: ${BFF_CLIENT_TIMEOUT}`,
        'devtools.txt': 'Request URL: https://app.contoso.com/bff/api/reports\nRequest Method: GET\nStatus Code: 504 Gateway Timeout',
      },
      minConfidence: 0.6,
      mentions: ['HttpClient stopped waiting', 'after 100 s and', 'AddHttpClient'],
    },
    {
      name: "an API's own HttpClient.Timeout with no proxy in sight: a weaker reading, on the app layer",
      evidence: { 'api.log': BFF_CLIENT_TIMEOUT },
      maxConfidence: 0.4,
      mentions: ['belongs to the app'],
    },
    {
      name: 'API Management: a timeout at forward-request with the policy that sets 60 s',
      evidence: {
        'message.txt': 'a client who is calling my APIM endpoint receives a 500 internal server error due to timeout at forward-request (after 60 seconds)',
        'policy.xml': '<policies>\n  <backend>\n    <forward-request timeout="60" />\n  </backend>\n</policies>',
      },
      minConfidence: 0.8,
      mentions: ['API Management stopped waiting', 'after 60 s and', '<forward-request timeout="240" />'],
    },
    {
      name: 'YARP in IIS: structured ForwardingError and IIS rows at 100 s',
      evidence: {
        'yarp.json': YARP_JSON,
        'u_ex261120.log': iisLog(iisRow('10:15:01', '/reports/annual', 504, 0, 0, 100015), iisRow('10:17:40', '/reports/annual', 504, 0, 0, 100012)),
      },
      minConfidence: 0.85,
      mentions: ['ran 100.0 s: right at that limit'],
    },
  ],
  messy: {
    valid: [
      {
        // YARP's ForwarderError.RequestCanceled text (dotnet/yarp HttpForwarder.cs) in a sentence: the client left.
        name: 'YARP RequestCanceled quoted in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'our yarp logs say "RequestCanceled: The request was canceled before receiving a response." when users close the tab, is that bad?' },
      },
    ],
    invalid: [
      {
        // The shape of a migration thread (a YARP-based incremental migration library): pages that
        // take minutes behind YARP, no log; YARP's activity timeout defaults to 100 s.
        name: 'pages that take minutes to load behind YARP, told in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'Some pages of the old Web Forms app take 2-5 minutes to load, which makes YARP fail every time.' },
      },
      {
        // YARP's RequestTimedOut text (dotnet/yarp HttpForwarder.cs, ForwarderError.RequestTimedOut) in a sentence.
        name: 'YARP RequestTimedOut quoted in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'our yarp gateway logs "RequestTimedOut: The request timed out before receiving a response." on /reports after 100 seconds and the browser gets 504' },
      },
      {
        // The exception chain under YARP's ForwardingError without the category line (dotnet/yarp HttpForwarder.cs).
        name: 'the YARP error without its category line',
        form: 'header-less',
        evidence: { 'gateway.log': '      RequestTimedOut: The request timed out before receiving a response.\n      System.Threading.Tasks.TaskCanceledException: The operation was canceled.\n         at System.Net.Http.HttpConnection.SendAsyncCore(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)' },
      },
      {
        // Envoy's local reply body (router.cc "upstream request timeout") in German prose.
        name: "German prose around Envoy's timeout body",
        form: 'other language',
        evidence: { 'nachricht.txt': 'Moin, über das Envoy-Gateway bekommen wir nach 15 Sekunden einen 504, im Body steht nur:\nupstream request timeout\nDer Report-Endpunkt braucht aber ca. 40 Sekunden.' },
      },
      {
        // HttpClient's net_http_request_timedout (System.Net.Http Strings.resx) in a BFF message, Slack-escaped arrows.
        name: 'HttpClient.Timeout in a Slack-escaped message about a BFF',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': 'browser -&gt; BFF -&gt; reports api. After 100 s the browser gets 504 Gateway Timeout and the BFF logs: System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.' },
      },
      {
        // Ocelot's RequestTimedOutError (ThreeMammals/Ocelot) copied from the middle of the responder line.
        name: 'Ocelot RequestTimedOutError copied from mid-line',
        form: 'mid-line',
        evidence: { 'ocelot.txt': '...message: Error Code: RequestTimedOutError Message: Timeout making http request, exception: Polly.Timeout.TimeoutRejectedException: The delegate executed asynchronously through TimeoutPolicy did not complete within the timeout. errors found in ResponderMiddleware...' },
      },
    ],
  },
});


describe('gateway-forwarder-timeout from a Slack paste', () => {
  it('reads the limit from a Slack-escaped policy (&lt;forward-request timeout="60" /&gt;)', () => {
    const evidence = collect(
      {
        'thread.txt': 'receives a 500 internal server error due to timeout at forward-request (after 60 seconds)\nour policy: &lt;backend&gt; &lt;forward-request timeout="60" /&gt; &lt;/backend&gt;',
      },
      true,
    );
    const match = cause.match(evidence);
    expect(match?.facts).toEqual(expect.objectContaining({ gateway: 'API Management', limit: 60, limitFrom: 'evidence' }));
  });
});
