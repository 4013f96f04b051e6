/**
 * Evidence snippets in the exact formats CDNs, load balancers and proxies write, shared by the
 * CDN / load balancer / reverse proxy cause tests. Real samples are scrubbed copies (source in
 * the comment); the others follow the kb-facts templates.
 */

/** W3C header block IIS writes at the top of every log file. */
export const IIS_HEADER = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2026-11-20 10:00:00',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
].join('\n');

/** An IIS log: the header plus these rows. */
export function iisLog(...rows: string[]): string {
  return [IIS_HEADER, ...rows].join('\n');
}

/** One W3C row in the default field order. */
export function iisRow(time: string, url: string, status: number, substatus: number, win32: number, timeTaken: number): string {
  return `2026-11-20 ${time} 10.0.0.5 GET ${url} - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - ${status} ${substatus} ${win32} ${timeTaken}`;
}

/** Response headers of a Cloudflare-generated error, as `curl -sI` prints them. */
export function cloudflareHeaders(status: number): string {
  return [
    `HTTP/2 ${status}`,
    'date: Fri, 20 Nov 2026 10:17:01 GMT',
    'content-type: text/html; charset=UTF-8',
    'cache-control: private, max-age=0, no-store, no-cache, must-revalidate',
    'server: cloudflare',
    'cf-ray: 8d2f1c3b4a5e6f70-FRA',
  ].join('\n');
}

/**
 * The head of a current Cloudflare error page. Structure from the real 522 page pasted in
 * https://github.com/Helicone/helicone/issues/798 (host name scrubbed).
 */
export function cloudflarePage(status: number, name: string): string {
  return [
    '<!DOCTYPE html>',
    '<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->',
    '<head>',
    `<title>www.example.com | ${status}: ${name}</title>`,
    '<meta charset="UTF-8" />',
    '<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />',
    '</head>',
    '<body>',
    '<div id="cf-wrapper">',
    '    <div id="cf-error-details" class="p-0">',
    '        <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">',
    '            <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">',
    `              <span class="inline-block">${name}</span>`,
    `              <span class="code-label">Error code ${status}</span>`,
    '            </h1>',
    '        </header>',
    '        <div class="clearfix footer">',
    '            <span>Cloudflare Ray ID: <strong class="font-semibold">8d2f1c3b4a5e6f70</strong></span>',
    '            <span>Performance &amp; security by Cloudflare</span>',
    '        </div>',
    '    </div>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** AWS ALB access-log lines (field order from the ALB access-log docs). */
export const ALB = {
  /** AWS knowledge-center example quoted in https://github.com/medplum/medplum/issues/2253. */
  closedDuringRequest:
    'http 2022-04-15T16:52:50.757968Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.001 4.205 -1 502 - 94 326 "GET http://example.com:80 HTTP/1.1" "curl/7.51.0" - - arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354"',
  closedIdle:
    'https 2026-11-20T10:15:01.412000Z app/my-alb/50dc6c495c0c9188 203.0.113.50:51234 10.0.10.21:80 0.000 -1 -1 502 - 612 277 "GET https://www.example.com:443/orders HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-0123456789abcdef01234567" "www.example.com" "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000" 0 2026-11-20T10:15:01.411000Z "forward" "-" "-" "10.0.10.21:80" "-" "-" "-"',
  /** Constructed in the layout of an EKS 504 seen in a public write-up (all processing times -1, 10 s from arrival to answer: the connection timeout). */
  timeout504:
    'h2 2023-01-07T09:22:52.872365Z app/k8s-apidev-95472999b0/0123456789 203.0.113.26:24502 10.0.2.61:1325 -1 -1 -1 504 - 49 202 "GET https://api.example.com:443/prefix-api/ HTTP/2.0" "curl/7.79.1" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/k8s-dev-api/0123456789abcdef "Root=1-63b939e2-312611fa7a64f07e63d24099" "api.example.com" "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000" 1 2023-01-07T09:22:42.870000Z "forward" "-" "-" "10.0.2.61:1325" "-" "-" "-"',
  idle504: (time: string) =>
    `https 2026-11-20T${time}.412000Z app/my-alb/50dc6c495c0c9188 203.0.113.50:51234 10.0.10.21:80 0.000 -1 -1 504 - 512 0 "GET https://www.example.com:443/reports/export HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-0123456789abcdef01234567" "www.example.com" "-" 0 2026-11-20T10:14:01.410000Z "forward" "-" "-" "10.0.10.21:80" "-" "-" "-"`,
  noTarget503:
    'https 2026-11-20T10:15:01.000000Z app/my-alb/50dc6c495c0c9188 203.0.113.7:51234 - -1 -1 -1 503 - 120 326 "GET https://www.example.com:443/ HTTP/1.1" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-1111111111111111" "www.example.com" "-" 0 2026-11-20T10:15:01.000000Z "forward" "-" "-" "-" "-" "-" "-"',
  /** The target (IIS/ANCM) itself answered 502: passed through, not generated by the load balancer. */
  passthrough502:
    'https 2026-11-20T10:15:01.412000Z app/my-alb/50dc6c495c0c9188 203.0.113.50:51234 10.0.10.21:80 0.000 120.013 0.000 502 502 612 1477 "GET https://www.example.com:443/reports HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-0123456789abcdef01234567" "www.example.com" "-" 0 2026-11-20T10:13:01.398000Z "forward" "-" "-" "10.0.10.21:80" "502" "-" "-"',
  ok200:
    'https 2026-11-20T10:15:01.412000Z app/my-alb/50dc6c495c0c9188 203.0.113.50:51234 10.0.10.21:80 0.000 0.048 0.000 200 200 612 1477 "GET https://www.example.com:443/ HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/73e2d6bc24d8a067 "Root=1-5f4b2a11-0123456789abcdef01234567" "www.example.com" "-" 0 2026-11-20T10:15:01.364000Z "forward" "-" "-" "10.0.10.21:80" "200" "-" "-"',
};

/** A response generated by an AWS load balancer. */
export function albHeaders(status: number, reason: string): string {
  return [`HTTP/1.1 ${status} ${reason}`, 'Server: awselb/2.0', 'Date: Fri, 20 Nov 2026 10:15:01 GMT', 'Content-Type: text/html', 'Connection: keep-alive'].join('\n');
}

/** nginx error.log lines: `<date> [error] pid#tid: *conn <message>, client: ..., upstream: ...`. */
export function nginxError(message: string, upstream = 'http://127.0.0.1:5000/api/orders', time = '10:15:01'): string {
  return `2026/11/20 ${time} [error] 1234#1234: *5678 ${message}, client: 203.0.113.7, server: example.com, request: "GET /api/orders HTTP/1.1", upstream: "${upstream}", host: "example.com"`;
}

export const NGINX = {
  refused: 'connect() failed (111: Connection refused) while connecting to upstream',
  readTimeout: 'upstream timed out (110: Connection timed out) while reading response header from upstream',
  connectTimeout: 'upstream timed out (110: Connection timed out) while connecting to upstream',
  sendTimeout: 'upstream timed out (110: Connection timed out) while sending request to upstream',
  prematureClose: 'upstream prematurely closed connection while reading response header from upstream',
  reset: 'recv() failed (104: Connection reset by peer) while reading response header from upstream',
  noLive: 'no live upstreams while connecting to upstream',
  tooBig: 'upstream sent too big header while reading response header from upstream',
  invalidHeader: 'upstream sent invalid header: "X-Trace\\x01: abc" while reading response header from upstream',
  noValidHeader: 'upstream sent no valid HTTP/1.0 header while reading response header from upstream',
  sslAlert:
    'SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream',
  sslWrongVersion: 'SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream',
  sslVerify: 'upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream',
};

/** An nginx error page as the browser receives it. */
export function nginxPage(status: number, reason: string): string {
  return ['<html>', `<head><title>${status} ${reason}</title></head>`, '<body>', `<center><h1>${status} ${reason}</h1></center>`, '<hr><center>nginx/1.24.0</center>', '</body>', '</html>'].join('\n');
}

/** Application Gateway v2 access-log lines (one JSON object per line, as exported from a storage account). */
export function appGatewayLog(status: number, errorInfo: string, timeTaken: number, time = '10:15:01'): string {
  return `{"timeStamp": "2026-11-20T${time}+00:00", "resourceId": "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-WEB/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/AGW-WEB", "operationName": "ApplicationGatewayAccess", "category": "ApplicationGatewayAccessLog", "properties": {"instanceId": "appgw_1", "clientIP": "203.0.113.7", "httpMethod": "GET", "requestUri": "/api/orders", "httpStatus": ${status}, "serverRouted": "10.0.1.4:80", "serverStatus": "-", "timeTaken": ${timeTaken}, "error_info": "${errorInfo}"}}`;
}

/** Front Door (classic) access-log lines. */
export function frontDoorLog(status: number, errorInfo: string, timeTaken: number, ref = '0VJ8bYQAAAAB4TE9OMjFFREdFMDIxMQ'): string {
  return `{"time": "2026-11-20T10:15:01.0000000Z", "category": "FrontdoorAccessLog", "operationName": "Microsoft.Network/FrontDoor/AccessLog/Write", "properties": {"trackingReference": "${ref}", "httpMethod": "GET", "httpVersion": "2.0.0.0", "requestUri": "https://www.example.com:443/api/orders", "requestBytes": "715", "responseBytes": "380", "userAgent": "Mozilla/5.0", "clientIp": "203.0.113.7", "timeTaken": "${timeTaken}", "securityProtocol": "TLS 1.2", "routingRuleName": "default", "backendHostname": "app-web.azurewebsites.net:443", "sentToOriginShield": false, "httpStatusCode": "${status}", "httpStatusDetails": "${status}", "pop": "FRA", "cacheStatus": "CONFIG_NOCACHE", "errorInfo": "${errorInfo}"}}`;
}

/** The generic Front Door error page, as the browser shows it (real text from https://github.com/OfficeDev/microsoft-teams-apps-company-communicator/issues/490). */
export const FRONT_DOOR_PAGE = [
  "Our services aren't available right now",
  "We're working to restore all services as soon as possible. Please check back soon.",
  '0VJ8bYQAAAAABziYK118hQZeL+qoqf//4TE9OMjFFREdFMDIxMQBlZGIzYzQ4YS0xZTQ2LTRhYjgtODViZS1jMThiZWY4MDRmODk=',
].join('\n');

/** The Application Gateway v2 502 page (real, https://github.com/MicrosoftDocs/azure-docs/issues/110739). */
export const APP_GATEWAY_PAGE = [
  '<html>',
  '<head><title>502 Bad Gateway</title></head>',
  '<body>',
  '<center><h1>502 Bad Gateway</h1></center>',
  '<hr><center>Microsoft-Azure-Application-Gateway/v2</center>',
  '</body>',
  '</html>',
].join('\n');
