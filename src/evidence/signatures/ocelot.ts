/**
 * Signatures of Ocelot. See types.ts for what a signature is and how it is matched.
 *
 * Ocelot maps the exception of a downstream call to an Error (HttpExceptionToErrorMapper):
 * TimeoutException → RequestTimedOutError ("Timeout making http request", 503), HttpRequestException
 * → ConnectionToDownstreamServiceError ("Error connecting to downstream service", 502), anything
 * else → UnableToCompleteRequestError ("Error making http request", 500). The responder logs them
 * as `{Code}: {Message}` (older versions: `Error Code: {Code} Message: {Message}`).
 */
import type { Signature } from './types';

const CODES = 'ThreeMammals/Ocelot src/Errors/OcelotErrorCode.cs';
const MAPPER = 'ThreeMammals/Ocelot src/Requester/HttpExceptionToErrorMapper.cs';

/** The OcelotErrorCode name on the line. */
const CODE =
  /\b(ConnectionToDownstreamServiceError|UnableToConnectToDownstreamServiceError|UnableToCompleteRequestError|RequestTimedOutError|ServicesAre(?:Null|Empty)Error|UnableToFindLoadBalancerError)\b/i;

const RESPONDER = 'warn: Ocelot.Responder.Middleware.ResponderMiddleware[0] requestId: 0HN8J4K2Q1ABC:00000002, previousRequestId: No PreviousRequestId, message:';

export const SIGNATURES: readonly Signature[] = [
  // Ocelot named as the gateway in front, whatever it logged.
  {
    clue: 'dotnet-gateway.named',
    all: ['ocelot'],
    names: true,
    source: 'ThreeMammals/Ocelot (the product name; ocelot.json, AddOcelot)',
    examples: { match: ['I was trying to implement ocelot for our tests and get 502 bad gateway'], noMatch: ['the gateway is nginx'] },
  },
  // HttpRequestException: the downstream refused, reset or could not be reached (502)
  {
    clue: 'ocelot.downstream-error',
    all: ['connectiontodownstreamserviceerror'],
    value: CODE,
    source: `${CODES}; ThreeMammals/Ocelot src/Requester/ConnectionToDownstreamServiceError.cs`,
    examples: { match: [`${RESPONDER} 'ResponderMiddleware found 1 error -> ConnectionToDownstreamServiceError: Error connecting to downstream service, exception: System.Net.Http.HttpRequestException: Connection refused (orders-api:8080)'`] },
  },
  {
    clue: 'ocelot.downstream-error',
    all: ['error connecting to downstream service'],
    value: CODE,
    source: 'ThreeMammals/Ocelot src/Requester/ConnectionToDownstreamServiceError.cs',
    examples: { match: ['Error connecting to downstream service, exception: System.Net.Http.HttpRequestException: No such host is known. (orders-api:8080)'] },
  },
  {
    clue: 'ocelot.downstream-error',
    all: ['unabletoconnecttodownstreamserviceerror'],
    value: CODE,
    source: `${CODES} (name used by older Ocelot versions)`,
    examples: { match: ['Error Code: UnableToConnectToDownstreamServiceError Message: Unable to connect to downstream service'] },
  },
  // Any other exception of the downstream call (500)
  {
    clue: 'ocelot.downstream-error',
    all: ['unabletocompleterequesterror'],
    value: CODE,
    source: `${CODES}; ThreeMammals/Ocelot src/Requester/UnableToCompleteRequestError.cs`,
    examples: {
      match: [`${RESPONDER} Error Code: UnableToCompleteRequestError Message: Error making http request, exception: System.Net.Http.HttpRequestException: Connection refused errors found in ResponderMiddleware. Setting error response for request path:/api/orders, request method: GET`],
    },
  },
  {
    clue: 'ocelot.downstream-error',
    all: ['error making http request, exception'],
    value: CODE,
    source: 'ThreeMammals/Ocelot src/Requester/UnableToCompleteRequestError.cs ("Error making http request, exception: {exception}")',
    examples: { match: ['Error making http request, exception: System.IO.IOException: The response ended prematurely.'], noMatch: ['error making http request to the billing API'] },
  },
  // No downstream instance to send to (service discovery returned none)
  {
    clue: 'ocelot.downstream-error',
    all: ['servicesare'],
    any: ['servicesareemptyerror', 'servicesarenullerror'],
    value: CODE,
    source: `${CODES}; ThreeMammals/Ocelot src/LoadBalancer/Balancers/RoundRobin.cs ("There were no services in {Type}")`,
    examples: { match: ["ServicesAreEmptyError: There were no services in RoundRobin for 'orders' during LeaseAsync operation!"] },
  },
  // TimeoutException (QoS / Polly timeout): 503
  {
    clue: 'ocelot.timeout',
    all: ['requesttimedouterror'],
    value: CODE,
    source: `${CODES}; ThreeMammals/Ocelot src/Errors/RequestTimedOutError.cs; ${MAPPER}`,
    examples: {
      match: [
        `${RESPONDER} Error Code: RequestTimedOutError Message: Timeout making http request, exception: Polly.Timeout.TimeoutRejectedException: The delegate executed asynchronously through TimeoutPolicy did not complete within the timeout.`,
        'RequestTimedOutError: Timeout making http request, exception: System.TimeoutException',
      ],
    },
  },
  {
    clue: 'ocelot.timeout',
    all: ['timeout making http request'],
    value: CODE,
    source: 'ThreeMammals/Ocelot src/Errors/RequestTimedOutError.cs ("Timeout making http request, exception: {exception}")',
    examples: { match: ['Timeout making http request, exception: Polly.Timeout.TimeoutRejectedException: The operation didn\'t complete within the allowed timeout of \'00:00:30\'.'] },
  },
  {
    clue: 'ocelot.timeout',
    all: ['timeoutrejectedexception'],
    any: ['ocelot', 'downstream'],
    value: CODE,
    source: `${MAPPER} (TimeoutException from the QoS handler, Polly's TimeoutRejectedException)`,
    examples: { match: ['Ocelot QoS: Polly.Timeout.TimeoutRejectedException on the downstream call to orders-api'], noMatch: ['Polly.Timeout.TimeoutRejectedException: The delegate executed asynchronously through TimeoutPolicy did not complete within the timeout.'] },
  },
];
