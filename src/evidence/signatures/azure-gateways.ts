/**
 * Signatures of Azure Application Gateway and Azure Front Door. See types.ts for what a signature
 * is and how it is matched.
 *
 * Application Gateway answers 502 when no backend is healthy or a backend fails (its page is the
 * IIS/ARR template "502 - Web server received an invalid response…", v2 signs bare pages
 * "Microsoft-Azure-Application-Gateway/v2"); its portal's Backend health tab explains each
 * unhealthy backend in a fixed message. Front Door logs an ErrorInfo value per request and shows
 * "Our services aren't available right now" with a tracking reference (kb-facts 6.3).
 */
import type { Signature } from './types';

const KB = 'kb-facts 6.3';
const HEALTH_DOC = 'MicrosoftDocs/azure-docs articles/application-gateway/application-gateway-backend-health-troubleshooting.md';
const AGW_502_DOC = 'MicrosoftDocs/azure-docs articles/application-gateway/application-gateway-troubleshooting-502.md';
const AGW_LOG_DOC = 'MicrosoftDocs/azure-docs articles/application-gateway/monitor-application-gateway-reference.md (access log error_info)';
const AFD_LOG_DOC = 'MicrosoftDocs/azure-docs articles/frontdoor/monitor-front-door.md (access log ErrorInfo values), kb-facts 6.3';

/** A status code on a gateway page line. */
const STATUS = /\b(50[234])\b/;
/** A Front Door ErrorInfo value. */
const ERROR_INFO = /\b(Origin(?:Connection(?:Error|Refused|Aborted)|InvalidResponse|Error|Timeout)|SSL(?:HandshakeError|InvalidRootCA|InvalidCipher)|Certificate(?:NameCheckFailed|Error)|DNS(?:Failure|NameNotResolved|Timeout)|ResponseHeaderTooBig)\b/i;
/** An Application Gateway error_info value. */
const AGW_ERROR_INFO = /\b(ERRORINFO_[A-Z_]{3,60})\b/i;
/** The status code the probe received, where a message gives it. */
const RECEIVED = /received:?\s{0,3}(\d{3})/i;

/** Words that put a Front Door ErrorInfo name in context. */
const FRONT_DOOR = ['errorinfo', 'error_info', 'front door', 'frontdoor', 'afd', 'x-azure-ref'];

const AFD_LOG = (info: string, status: number) =>
  `{"time":"2026-11-20T10:15:02.0000000Z","category":"FrontDoorAccessLog","properties":{"trackingReference":"20261120T101502Z-16d5f9c7b8gq2zr5hC1FRAa5zw0000000f4g000000001ab2","httpMethod":"GET","httpStatusCode":"${status}","requestUri":"https://shop.example.com:443/api/orders","originName":"shop-app.azurewebsites.net:443","errorInfo":"${info}"}}`;

export const SIGNATURES: readonly Signature[] = [
  // Application Gateway (or the App Service front end) answered
  {
    clue: 'appgw.page',
    all: ['web server received an invalid response while acting as a gateway'],
    value: STATUS,
    source: `${AGW_502_DOC} ("Server Error: 502 - Web server received an invalid response while acting as a gateway or proxy server"), ${KB}`,
    examples: { match: ['502 - Web server received an invalid response while acting as a gateway or proxy server.', 'Server Error: 502 - Web server received an invalid response while acting as a gateway or proxy server'] },
  },
  {
    clue: 'appgw.page',
    all: ['when the web server (while acting as a gateway or proxy) contacted the upstream'],
    source: `${AGW_502_DOC} (the 502 page body)`,
    examples: { match: ['There is a problem with the page you are looking for, and it cannot be displayed. When the Web server (while acting as a gateway or proxy) contacted the upstream content server, it received an invalid response from the content server.'] },
  },
  {
    clue: 'appgw.page',
    all: ['microsoft-azure-application-gateway'],
    value: STATUS,
    source: `${KB} (v2 signs its own pages and Server header "Microsoft-Azure-Application-Gateway/v2")`,
    examples: { match: ['<hr><center>Microsoft-Azure-Application-Gateway/v2</center>', '502 Bad Gateway Microsoft-Azure-Application-Gateway/v2', 'Server: Microsoft-Azure-Application-Gateway/v2'] },
  },
  {
    clue: 'appgw.page',
    all: ['application gateway'],
    any: [' 502', 'bad gateway'],
    narrative: true,
    value: STATUS,
    source: `${AGW_502_DOC} (how the 502 is reported)`,
    examples: { match: ['our Azure Application Gateway started returning 502 after we moved the API to .NET 8'], noMatch: ['we added an Application Gateway in front of the API'] },
  },
  {
    clue: 'appgw.page',
    all: ['errorinfo_upstream_closed_connection'],
    value: AGW_ERROR_INFO,
    source: `${AGW_LOG_DOC} (ERRORINFO_UPSTREAM_CLOSED_CONNECTION: the backend closed the connection before the request was processed)`,
    examples: { match: ['"httpStatus": 502, "serverStatus": "-", "error_info": "ERRORINFO_UPSTREAM_CLOSED_CONNECTION"'] },
  },
  {
    // The same line, for what it says happened: the backend hung up (it crashed, or reached a limit).
    clue: 'appgw.upstream-closed',
    all: ['errorinfo_upstream_closed_connection'],
    value: AGW_ERROR_INFO,
    source: `${AGW_LOG_DOC} (ERRORINFO_UPSTREAM_CLOSED_CONNECTION: the backend server closed the connection unexpectedly or before the request was fully processed, for example after reaching its limits or crashing)`,
    examples: { match: ['Application Gateway access log, error_info: ERRORINFO_UPSTREAM_CLOSED_CONNECTION'], noMatch: ['"error_info": "ERRORINFO_UPSTREAM_TIMED_OUT"'] },
  },

  // Which gateway is in front: named in the report, whatever the status. A 30 s timeout behind
  // an Azure gateway is its own (Front Door, the ingress controller), not ARR's web farm.
  // The product named, not written by it (`names`): a full clue that leaves the narrative cues of
  // its line alone.
  ...(
    [
      ['application gateway', 'We have been using Application Gateway ingress controller and all requests fail with 504 under load.'],
      ['app gateway', 'our App Gateway answers 504 after 30 s'],
      ['appgw', 'annotations: appgw.ingress.kubernetes.io/request-timeout: "120"'],
      ['agic', 'AGIC->POD->(dotnet core)'],
      // "front door" alone is an English phrase; with "Azure" it is the product.
      ['azure front door', 'behind Azure Front Door the export fails after 30 s'],
      ['frontdoor', 'FrontdoorAccessLog shows the request'],
    ] as const
  ).map(
    ([name, example]): Signature => ({
      clue: 'azure-gateway.named',
      all: [name],
      names: true,
      source: `${AGW_502_DOC}; learn.microsoft.com application-gateway/ingress-controller-annotations (appgw.ingress.kubernetes.io); Azure Front Door docs (the products' names and short names)`,
      examples: { match: [example], noMatch: ['an API gateway in front of the services'] },
    }),
  ),

  // Backend health: the probe failed, so the backend is unhealthy (Backend health tab "Details")
  {
    clue: 'appgw.backend-unhealthy',
    all: ['did not match the probe setting'],
    value: RECEIVED,
    source: `${HEALTH_DOC} (HTTP status code mismatch / HTTP response body mismatch)`,
    examples: {
      match: ["Status code of the backend's HTTP response did not match the probe setting. Expected:200-399 Received:404.", "Body of the backend's HTTP response did not match the probe setting. Received response body doesn't contain Healthy."],
    },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['probe status code mismatch'],
    value: RECEIVED,
    source: `${HEALTH_DOC} ("Probe status code mismatch: Received 401")`,
    examples: { match: ['Probe status code mismatch: Received 401', 'backend shows Unhealthy - probe status code mismatch, received 500'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['application gateway could not connect to the backend'],
    source: `${HEALTH_DOC} (TCP connect error)`,
    examples: { match: ['Application Gateway could not connect to the backend. Check that the backend responds on the port used for the probe. Also check whether any NSG/UDR/Firewall is blocking access to the Ip and port of this backend.'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['cannot connect to backend server'],
    source: `${HEALTH_DOC} (v1 wording: "Cannot connect to backend server. Check whether any NSG/UDR/Firewall is blocking access to the server.")`,
    examples: { match: ['Cannot connect to backend server. Check whether any NSG/UDR/Firewall is blocking access to the server. Check if application is running on correct port.'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['could not create a probe for this backend'],
    source: `${HEALTH_DOC} (DNS resolution error)`,
    examples: { match: ['Application Gateway could not create a probe for this backend. This usually happens when the FQDN of the backend is not entered correctly.'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['backend health status could not be retrieved'],
    source: `${HEALTH_DOC} (Backend health status: Unknown)`,
    examples: { match: ['The backend health status could not be retrieved. This happens when an NSG/UDR/Firewall on the application gateway subnet is blocking traffic on ports 65503-65534 in case of v1 SKU, and ports 65200-65535 in case of the v2 SKU'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['time taken by the backend to respond to application gateway'],
    source: `${HEALTH_DOC} (Backend server timeout: the probe timed out)`,
    examples: { match: ["Time taken by the backend to respond to application gateway's health probe is more than the timeout threshold in the probe setting."] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['unhealthy'],
    any: ['application gateway', 'app gateway', 'appgw', 'backend health', 'backend pool'],
    none: ['front door', 'frontdoor'],
    value: RECEIVED,
    source: `${AGW_502_DOC} ("None of the VMs or instances in VM Scale Set are healthy"), ${HEALTH_DOC}`,
    examples: { match: ['Backend health: 10.0.2.4:8080 Unhealthy', 'AppGW marks the only backend as Unhealthy'], noMatch: ['the app pool is unhealthy again'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['errorinfo_upstream_no_live'],
    value: AGW_ERROR_INFO,
    source: `${AGW_LOG_DOC} (ERRORINFO_UPSTREAM_NO_LIVE: no active or reachable backend)`,
    examples: { match: ['"httpStatus": 502, "error_info": "ERRORINFO_UPSTREAM_NO_LIVE"'] },
  },

  // The backend took longer than the backend setting's request timeout (20 s by default)
  {
    clue: 'appgw.backend-timeout',
    all: ['errorinfo_upstream_timed_out'],
    value: AGW_ERROR_INFO,
    source: `${AGW_LOG_DOC} (ERRORINFO_UPSTREAM_TIMED_OUT)`,
    examples: { match: ['"httpStatus": 504, "serverStatus": "-", "timeTaken": 20.004, "error_info": "ERRORINFO_UPSTREAM_TIMED_OUT"'] },
  },
  {
    clue: 'appgw.backend-timeout',
    all: ['microsoft-azure-application-gateway'],
    any: ['504', 'gateway time-out', 'gateway timeout'],
    value: STATUS,
    source: `${KB} (request timeout: v2 retries another member, then answers 504)`,
    examples: { match: ['504 Gateway Time-out Microsoft-Azure-Application-Gateway/v2'], noMatch: ['502 Bad Gateway Microsoft-Azure-Application-Gateway/v2'] },
  },
  {
    clue: 'appgw.backend-timeout',
    all: ['time taken by the backend to respond'],
    source: `${HEALTH_DOC} (Backend server timeout)`,
    examples: { match: ["Time taken by the backend to respond to application gateway's health probe is more than the timeout threshold in the probe setting."] },
  },

  // The backend's certificate is not trusted or does not match (end-to-end TLS)
  {
    clue: 'appgw.backend-cert',
    all: ['certificate is not whitelisted'],
    source: `${HEALTH_DOC} (v1: "Backend server certificate is not whitelisted with Application Gateway")`,
    examples: { match: ['Backend server certificate is not whitelisted with Application Gateway. Make sure that the certificate uploaded to the HTTP settings matches the backend server certificate.'] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['match the trusted root certificate'],
    source: `${HEALTH_DOC} (Trusted root certificate mismatch)`,
    examples: {
      match: [
        'The root certificate of the server certificate used by the backend does not match the trusted root certificate added to the application gateway. Ensure that you add the correct root certificate to whitelist the backend',
        "The root certificate of the server certificate used by the backend doesn't match the trusted root certificate added to the application gateway.",
      ],
    },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['root certificates uploaded to the application gateway'],
    source: `${HEALTH_DOC} (Trusted root certificate mismatch, no root certificate on the backend server)`,
    examples: { match: ['The intermediate certificate not signed by any root certificates uploaded to the application gateway.'] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['common name (cn) of the backend certificate'],
    source: `${HEALTH_DOC} (v1: "The Common Name (CN) of the backend certificate does not match")`,
    examples: { match: ['The Common Name (CN) of the backend certificate does not match the host header of the probe.', "The Common Name (CN) of the backend certificate doesn't match."] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['common name of the leaf certificate presented by the backend'],
    source: `${HEALTH_DOC} (v2 Common Name mismatch)`,
    examples: { match: ['The Common Name of the leaf certificate presented by the backend server does not match the Probe or Backend Setting hostname of the application gateway.'] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['backend certificate is invalid'],
    source: `${HEALTH_DOC} (Backend certificate expired)`,
    examples: { match: ['Backend certificate is invalid. Current date is not within the "Valid from" and "Valid to" date range on the certificate.'] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['chain presented by the backend'],
    source: `${HEALTH_DOC} (intermediate or leaf certificate missing, leaf not topmost)`,
    examples: { match: ['The Intermediate certificate is missing from the certificate chain presented by the backend server.', "The Leaf certificate isn't the topmost certificate in the chain presented by the backend server."] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['signed by a well-known certificate authority'],
    any: ['backend', 'application gateway'],
    source: `${HEALTH_DOC} (Server / intermediate certificate not issued by a publicly known CA)`,
    examples: { match: ["The backend Server certificate isn't signed by a well-known Certificate Authority (CA). To use unknown CA certificates, its Root certificate must be uploaded to the Backend Setting of the application gateway."] },
  },
  {
    clue: 'appgw.backend-cert',
    all: ['validity of the backend certificate could not be verified'],
    source: `${HEALTH_DOC} (Certificate verification failed)`,
    examples: { match: ['The validity of the backend certificate could not be verified. To find out the reason, check OpenSSL diagnostics for the message associated with error code 20'] },
  },

  // Front Door: the ErrorInfo field of the access log (and of the X-Azure-Ref troubleshooting view)
  {
    clue: 'frontdoor.origin-error',
    all: ['originconnectionerror'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('OriginConnectionError', 502), 'ErrorInfo: OriginConnectionError'] },
  },
  {
    clue: 'frontdoor.origin-error',
    all: ['originconnectionrefused'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('OriginConnectionRefused', 502)] },
  },
  {
    clue: 'frontdoor.origin-error',
    all: ['originconnectionaborted'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('OriginConnectionAborted', 502)] },
  },
  {
    clue: 'frontdoor.origin-error',
    all: ['origininvalidresponse'],
    value: ERROR_INFO,
    source: `${AFD_LOG_DOC} (intermittent 503 with OriginInvalidResponse)`,
    examples: { match: [AFD_LOG('OriginInvalidResponse', 503)] },
  },
  {
    clue: 'frontdoor.origin-error',
    all: ['originerror'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('OriginError', 502)], noMatch: [AFD_LOG('NoError', 200)] },
  },
  {
    clue: 'frontdoor.origin-error',
    all: ['responseheadertoobig'],
    any: FRONT_DOOR,
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('ResponseHeaderTooBig', 502)] },
  },
  {
    clue: 'frontdoor.origin-error',
    all: ['dns'],
    any: ['dnsfailure', 'dnsnamenotresolved', 'dnstimeout'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('DNSNameNotResolved', 503), 'errorInfo: DNSFailure'] },
  },
  {
    clue: 'frontdoor.origin-timeout',
    all: ['origintimeout'],
    value: ERROR_INFO,
    source: `${AFD_LOG_DOC} (504 with OriginTimeout; origin response timeout 30 s by default)`,
    examples: { match: [AFD_LOG('OriginTimeout', 504), 'x-azure-ref: 0Ab1Cd... ErrorInfo: OriginTimeout'], noMatch: [AFD_LOG('NoError', 200)] },
  },
  {
    clue: 'frontdoor.origin-tls',
    all: ['sslhandshakeerror'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('SSLHandshakeError', 502)] },
  },
  {
    clue: 'frontdoor.origin-tls',
    all: ['certificatenamecheckfailed'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('CertificateNameCheckFailed', 502)] },
  },
  {
    clue: 'frontdoor.origin-tls',
    all: ['sslinvalidrootca'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('SSLInvalidRootCA', 502)] },
  },
  {
    clue: 'frontdoor.origin-tls',
    all: ['sslinvalidcipher'],
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('SSLInvalidCipher', 502)] },
  },
  {
    clue: 'frontdoor.origin-tls',
    all: ['certificateerror'],
    any: FRONT_DOOR,
    value: ERROR_INFO,
    source: AFD_LOG_DOC,
    examples: { match: [AFD_LOG('CertificateError', 502)], noMatch: ["ssl.CertificateError: hostname 'api.internal' doesn't match 'shop.example.com'"] },
  },

  // API Management: the forward-request step (policy reference and GatewayLogs lastError.path)
  {
    clue: 'apim.timeout',
    all: ['forward-request'],
    any: ['timed out', 'timeout at forward-request', 'timeout error'],
    none: ['timeout="', "timeout='"],
    source: 'learn.microsoft.com azure/api-management/forward-request-policy ("time ... to wait for the HTTP response headers to be returned by the backend service before a timeout error is raised", default 300 s); MicrosoftDocs/azure-docs#109013 ("timeout at forward-request")',
    examples: {
      match: ['a client who is calling my APIM endpoint receives a 500 internal server error due to timeout at forward-request (after 60 seconds)'],
      noMatch: ['<forward-request timeout="120" />', 'forward-request completed in 230 ms'],
    },
  },
  {
    clue: 'apim.timeout-setting',
    all: ['<forward-request'],
    any: ['timeout="', "timeout='"],
    value: /<forward-request[^>]{0,200}?\btimeout=["'](\d{1,5})["']/i,
    source: 'learn.microsoft.com azure/api-management/forward-request-policy (<forward-request timeout="seconds"/>; values above 240 s may not be honored)',
    examples: { match: ['<forward-request timeout="60" fail-on-error-status-code="true" />', '<backend> <forward-request timeout="120" /> </backend>'] },
  },

  // Front Door answered: its error page and its tracking header
  {
    clue: 'frontdoor.page',
    all: ["our services aren't available right now"],
    source: `${KB}; MicrosoftDocs/azure-docs articles/frontdoor/troubleshoot-issues.md (Front Door error page)`,
    examples: { match: ["Our services aren't available right now We're working to restore all services as soon as possible. Please check back soon."] },
  },
  {
    clue: 'frontdoor.page',
    all: ['x-azure-ref'],
    source: `${KB} (X-Azure-Ref = TrackingReference in the access log)`,
    examples: { match: ['x-azure-ref: 20261120T101502Z-16d5f9c7b8gq2zr5hC1FRAa5zw0000000f4g000000001ab2', 'X-Azure-Ref: 0Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0UvWxYz'], noMatch: ['x-ms-request-id: 7f3c'] },
  },
  {
    clue: 'frontdoor.page',
    all: ['x-fd-healthprobe'],
    source: `${KB} (health probe header X-FD-HealthProbe seen at the origin)`,
    examples: { match: ['GET / HTTP/1.1 X-FD-HealthProbe: 1'] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['did not match the probe setting'],
    source: 'learn.microsoft.com/azure/application-gateway/application-gateway-backend-health-troubleshooting (HTTP response body mismatch, status code mismatch)',
    examples: { match: ["Body of the backend's HTTP response did not match the probe setting. Received response body doesn't contain {string}."] },
  },
  {
    clue: 'appgw.backend-unhealthy',
    all: ['received response body', "doesn't contain"],
    source: 'learn.microsoft.com/azure/application-gateway/application-gateway-backend-health-troubleshooting (HTTP response body mismatch)',
    examples: { match: ["Received response body doesn't contain healthy."] },
  },
];
