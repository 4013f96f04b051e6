/**
 * Signatures of YARP (Yarp.ReverseProxy). See types.ts for what a signature is and how it is
 * matched.
 *
 * HttpForwarder logs a failed forward as `{error}: {message}` (event 48 ForwardingError, or 66
 * ForwardingRequestCancelled at Debug for client-side cancellations): a ForwarderError name and a
 * fixed sentence per name, with the exception chain below. The console logger prints the category
 * `Yarp.ReverseProxy.Forwarder.HttpForwarder[48]` on the line before the message, so both lines
 * are recognized. A destination that does not answer within the activity timeout (100 s by
 * default) ends as RequestTimedOut.
 */
import type { Signature } from './types';

const FORWARDER = 'dotnet/yarp src/ReverseProxy/Forwarder/HttpForwarder.cs (Log.GetMessage)';
const ERROR_ENUM = 'dotnet/yarp src/ReverseProxy/Forwarder/ForwarderError.cs';
const MIDDLEWARE = 'dotnet/yarp src/ReverseProxy/Forwarder/ForwarderMiddleware.cs';

/** A ForwarderError name as logged (`RequestTimedOut: …`) or in a structured log field. */
const ERROR_NAME =
  /\b(NoAvailableDestinations|UpgradeActivityTimeout|RequestCreation|RequestTimedOut|RequestCanceled|RequestBody(?:Canceled|Client|Destination)|ResponseHeaders|ResponseBody(?:Canceled|Client|Destination)|Upgrade(?:Request|Response)(?:Canceled|Client|Destination)|Request)(?=\s{0,2}[:"',]|\s{0,2}$)/i;

/** Words that name YARP, so that a bare error name or a timeout message is YARP's. */
const YARP = ['yarp', 'reverseproxy', 'httpforwarder', 'forwardererror', 'iforwardererrorfeature'];

const CATEGORY = 'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]';
const INDENT = '      ';

export const SIGNATURES: readonly Signature[] = [
  // YARP named as the proxy in front, whatever it logged: a long wait behind it meets its timeout.
  {
    clue: 'dotnet-gateway.named',
    all: ['yarp'],
    names: true,
    source: 'microsoft/reverse-proxy (the product name; the package is Yarp.ReverseProxy)',
    examples: { match: ['some pages take 2-5 minutes to load, which makes YARP fail', 'builder.Services.AddReverseProxy() from Yarp.ReverseProxy'], noMatch: ['the reverse proxy is nginx'] },
  },
  // The fixed sentences of Log.GetMessage, one per ForwarderError
  {
    clue: 'yarp.forwarder-error',
    all: ['an error was encountered before receiving a response'],
    value: ERROR_NAME,
    source: `${FORWARDER} (ForwarderError.Request)`,
    examples: {
      match: [`${INDENT}Request: An error was encountered before receiving a response.`, `${CATEGORY} Request: An error was encountered before receiving a response. System.Net.Http.HttpRequestException: Connection refused (localhost:5001)`],
    },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['an error was encountered while creating the request message'],
    value: ERROR_NAME,
    source: `${FORWARDER} (ForwarderError.RequestCreation)`,
    examples: { match: ['RequestCreation: An error was encountered while creating the request message.'] },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['the destination returned a response that cannot be proxied back'],
    value: ERROR_NAME,
    source: `${FORWARDER} (ForwarderError.ResponseHeaders)`,
    examples: { match: ['ResponseHeaders: The destination returned a response that cannot be proxied back to the client.'] },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['the destination reported an error when copying the'],
    value: ERROR_NAME,
    source: `${FORWARDER} (RequestBodyDestination, ResponseBodyDestination, UpgradeRequestDestination, UpgradeResponseDestination)`,
    examples: {
      match: [
        'ResponseBodyDestination: The destination reported an error when copying the response body.',
        'UpgradeRequestDestination: The destination reported an error when copying the upgraded request body.',
        'RequestBodyDestination: The destination reported an error when copying the request body.',
      ],
      noMatch: ['ResponseBodyClient: The client reported an error when copying the response body.'],
    },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['the request was canceled before receiving a response'],
    value: ERROR_NAME,
    source: `${FORWARDER} (ForwarderError.RequestCanceled, logged at Debug: the client went away)`,
    examples: { match: ['dbug: Yarp.ReverseProxy.Forwarder.HttpForwarder[66] RequestCanceled: The request was canceled before receiving a response.'] },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['no available destinations after load balancing'],
    value: /for cluster '([^']{1,100})'/i,
    source: `${MIDDLEWARE} ("No available destinations after load balancing for cluster '{clusterId}'.", 503)`,
    examples: { match: ["warn: Yarp.ReverseProxy.Forwarder.ForwarderMiddleware[7] No available destinations after load balancing for cluster 'orders'."] },
  },
  // The category line of a ForwardingError, and the event name in structured logs
  {
    clue: 'yarp.forwarder-error',
    all: ['httpforwarder[48]'],
    value: ERROR_NAME,
    source: 'dotnet/yarp src/ReverseProxy/Utilities/EventIds.cs (ForwardingError = 48)',
    examples: { match: [CATEGORY, 'fail: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]'], noMatch: ['info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9]'] },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['forwardingerror'],
    value: ERROR_NAME,
    source: 'dotnet/yarp src/ReverseProxy/Utilities/EventIds.cs (EventId 48 "ForwardingError")',
    examples: { match: ['{"EventId":{"Id":48,"Name":"ForwardingError"},"Category":"Yarp.ReverseProxy.Forwarder.HttpForwarder","Message":"Request: An error was encountered before receiving a response."}'] },
  },
  // A ForwarderError name where YARP is named (IForwarderErrorFeature, a custom log line, prose)
  {
    clue: 'yarp.forwarder-error',
    all: ['forwardererror.'],
    none: ['forwardererror.none', 'forwardererror.requesttimedout', 'forwardererror.upgradeactivitytimeout'],
    value: /forwardererror\.([a-z]{4,40})/i,
    source: ERROR_ENUM,
    examples: {
      match: ['errorFeature.Error == ForwarderError.Request, exception: HttpRequestException', 'proxy failed with ForwarderError.ResponseHeaders on /api/orders'],
      noMatch: ['ForwarderError.RequestTimedOut', 'if (error != ForwarderError.None)'],
    },
  },
  {
    clue: 'yarp.forwarder-error',
    all: ['proxying to', 'failed'],
    any: YARP,
    source: 'dotnet/yarp (how a failed forward is reported around the "Proxying to {targetUrl}" log line of HttpForwarder.cs)',
    examples: { match: ['YARP: Proxying to http://orders-api:8080/api/orders failed'], noMatch: ['info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9] Proxying to http://orders-api:8080/api/orders HTTP/2 RequestVersionOrLower'] },
  },

  // Where YARP forwards: its Information log line before each forward (HttpForwarder[9])
  {
    clue: 'yarp.destination',
    all: ['proxying to'],
    any: ['http://', 'https://', 'ws://', 'wss://'],
    value: /proxying to ((?:https?|wss?):\/\/[^\s"'<>]{1,200})/i,
    source: 'dotnet/yarp src/ReverseProxy/Forwarder/HttpForwarder.cs (Log.Proxying, EventIds.Proxying = 9: "Proxying to {targetUrl} {version} {versionPolicy} {isStreaming}")',
    examples: {
      match: ['info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9] Proxying to https://localhost:5001/api/orders HTTP/2 RequestVersionOrLower no-streaming', '      Proxying to http://orders-api:8080/api/orders HTTP/2 RequestVersionOrLower'],
      noMatch: ['proxying to the orders service fails'],
    },
  },

  // The destination did not answer in time
  {
    clue: 'yarp.timeout',
    all: ['the request timed out before receiving a response'],
    value: ERROR_NAME,
    source: `${FORWARDER} (ForwarderError.RequestTimedOut)`,
    examples: { match: [`${INDENT}RequestTimedOut: The request timed out before receiving a response.`] },
  },
  {
    clue: 'yarp.timeout',
    all: ['requesttimedout'],
    any: [...YARP, 'requesttimedout:', 'requesttimedout"'],
    none: ['requesttimedouterror', 'ocelot'],
    value: ERROR_NAME,
    source: ERROR_ENUM,
    examples: { match: ['ForwarderError.RequestTimedOut after 100 s', '{"error":"RequestTimedOut","cluster":"orders"}'], noMatch: ['Error Code: RequestTimedOutError Message: Timeout making http request'] },
  },
  {
    clue: 'yarp.timeout',
    all: ['idle longer than the activity timeout'],
    value: ERROR_NAME,
    source: `${FORWARDER} (ForwarderError.UpgradeActivityTimeout)`,
    examples: { match: ['UpgradeActivityTimeout: The WebSocket connection was closed after being idle longer than the Activity Timeout.'] },
  },
  {
    // HttpClient's own timeout text, when the forwarder's client is an HttpClient with a Timeout
    clue: 'yarp.timeout',
    all: ['httpclient.timeout'],
    any: YARP,
    value: /HttpClient\.Timeout of (\d{1,6}) seconds/i,
    source: 'dotnet/runtime src/libraries/System.Net.Http/src/Resources/Strings.resx (net_http_request_timedout) with YARP named',
    examples: { match: ['Yarp.ReverseProxy.Forwarder.HttpForwarder: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.'], noMatch: ['The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.'] },
  },
  {
    // The setting people name when YARP gives up after 100 s (HttpForwarder.DefaultTimeout)
    clue: 'yarp.timeout',
    all: ['activitytimeout'],
    any: [...YARP, 'proxy'],
    narrative: true,
    source: 'dotnet/yarp src/ReverseProxy/Forwarder/ForwarderRequestConfig.cs (ActivityTimeout), HttpForwarder.cs (DefaultTimeout = 100 s)',
    examples: { match: ['YARP cuts long report requests at 100 s, do we need to raise ActivityTimeout on the cluster?'], noMatch: ['set ActivityTimeout on the durable function'] },
  },
];
