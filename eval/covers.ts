/**
 * Threads often settle on a cause finer than the catalogue's: "the backend certificate's name does
 * not match" where the catalogue says "TLS from nginx to the upstream failed", or ".NET 8 moved the
 * container port to 8080" where it says "the app listens elsewhere". This table says which
 * catalogue causes cover each such label: the ones whose steps and fix lead the on-call engineer to
 * the thread's answer. It is decided from the labels' meaning alone (never from what the engine
 * answered), applies to both splits alike, and eval reports cause accuracy both ways: exact, and
 * exact-or-covered.
 */

/** Any cause that says a gateway rejected its backend's certificate, at whichever gateway. */
const BACKEND_CERT = ['backend-cert-rejected', 'backend-tls-failure', 'nginx-upstream-tls', 'azure-gateway-backend-tls', 'cloudflare-origin-tls'];
/** The proxy dials a host or port where the app does not listen. */
const LISTENS_ELSEWHERE = ['app-listens-elsewhere'];
/** The proxy and the backend disagree on the HTTP version. */
const HTTP_VERSION = ['http-version-mismatch'];
/** A .NET or API gateway's own timeout fired first. */
const GATEWAY_TIMEOUT = ['gateway-forwarder-timeout'];

export const COVERS: Readonly<Record<string, readonly string[]>> = {
  // config-error
  'ancm-outofprocess-handler-missing': ['aspnetcore-module-missing'],
  'dotnet-not-on-iis-path': ['wrong-process-path'],
  'unreplaced-launcher-path': ['wrong-process-path'],
  // IIS read PATH and its modules before the hosting bundle was installed: dotnet is not found, or
  // the module is not there yet, until IIS restarts.
  'iis-not-restarted-after-hosting-install': ['wrong-process-path', 'aspnetcore-module-missing'],
  'ancm-module-dll-load-failure': ['aspnetcore-module-missing'],
  // The module's DLL needs the Visual C++ runtime; without it the module does not load.
  'vcredist-missing': ['aspnetcore-module-missing'],
  'hosting-bundle-unsupported-os': ['aspnetcore-module-missing'],
  'locked-config-section': ['malformed-web-config'],
  'mixed-hosting-models-one-pool': ['multiple-apps-one-pool'],
  'single-file-publish-in-process': ['handler-load-failure'],
  'inprocess-handler-missing': ['handler-load-failure'],
  'sub-app-duplicate-handlers': ['malformed-web-config'],
  // requestTimeout="00:60:00": a value the schema refuses is a bad <aspNetCore> attribute.
  'invalid-requesttimeout-value': ['invalid-aspnetcore-config'],
  // crash-mid-request
  // An exception thrown from an async void method has no caller to catch it: it ends the process.
  'async-void-unhandled-exception': ['unhandled-exception-crash'],
  'unhandled-exception': ['unhandled-exception-crash'],
  'apm-profiler-crash': ['native-crash'],
  'unread-request-body-connection-closed': ['backend-connection-reset'],
  'request-body-drain-timeout': ['backend-connection-reset'],
  'response-serialization-exception': ['backend-connection-reset', 'invalid-backend-response'],
  // proxy-origin
  'app-gateway-probe-auth-required': ['app-gateway-backend-unhealthy'],
  'app-gateway-probe-body-mismatch': ['app-gateway-backend-unhealthy'],
  'app-gateway-probe-path-not-found': ['app-gateway-backend-unhealthy'],
  'lb-health-check-redirected': ['alb-no-healthy-targets', 'app-gateway-backend-unhealthy'],
  'destination-requires-http11': HTTP_VERSION,
  'grpc-web-sent-over-grpc-pass': HTTP_VERSION,
  'h2c-prior-knowledge-to-http1-endpoint': HTTP_VERSION,
  'http1-proxy-to-http2-only-kestrel': HTTP_VERSION,
  'http2-to-windows-auth-backend': HTTP_VERSION,
  'proxy-http11-to-http2-only-backend': HTTP_VERSION,
  'dotnet8-port-8080': LISTENS_ELSEWHERE,
  'dotnet8-default-port-8080': LISTENS_ELSEWHERE,
  'downstream-host-wrong-in-container': LISTENS_ELSEWHERE,
  'downstream-wrong-port-scheme': [...LISTENS_ELSEWHERE, 'tls-port-mismatch'],
  'kestrel-bound-to-localhost': LISTENS_ELSEWHERE,
  'kestrel-bound-to-localhost-in-container': LISTENS_ELSEWHERE,
  // The Service routes to a port the container does not listen on.
  'service-targetport-mismatch': LISTENS_ELSEWHERE,
  // The ALB reuses a connection the target already closed (AWS's keep-alive race).
  'keepalive-shorter-than-lb-idle-timeout': ['alb-target-connection'],
  'localhost-resolves-to-ipv6': LISTENS_ELSEWHERE,
  'nginx-upstream-includes-wrong-server': LISTENS_ELSEWHERE,
  'proxy-and-app-on-different-docker-networks': LISTENS_ELSEWHERE,
  'wrong-upstream-port': LISTENS_ELSEWHERE,
  'origin-response-header-too-big': ['nginx-upstream-header-too-big', 'invalid-backend-response'],
  'upstream-response-header-too-big': ['nginx-upstream-header-too-big', 'invalid-backend-response'],
  'upstream-unix-socket-permission': ['nginx-upstream-unreachable'],
  // request-timeout
  'apim-gateway-timeout': GATEWAY_TIMEOUT,
  'azure-functions-proxy-timeout': GATEWAY_TIMEOUT,
  'ocelot-downstream-timeout': GATEWAY_TIMEOUT,
  'sf-reverse-proxy-retry-timeout': GATEWAY_TIMEOUT,
  'yarp-activity-timeout': GATEWAY_TIMEOUT,
  'yarp-route-timeout': GATEWAY_TIMEOUT,
  // Kestrel hung and ANCM gave up after its two minutes: the 502.3 is ANCM's request timeout.
  'kestrel-hang-on-aborted-static-file-writes': ['ancm-request-timeout'],
  // resource-exhaustion
  // Upstream keep-alive off behind nginx: a new connection per request, until ports and queues run out.
  'upstream-keepalive-disabled-connection-storm': ['socket-exhaustion'],
  // App Service's outbound SNAT ports are sockets too: the socket-exhaustion steps find them.
  'snat-port-exhaustion': ['socket-exhaustion'],
  // Connections an app opens and never closes (CLOSE_WAIT, a pool per client): sockets run out.
  'socket-leak': ['socket-exhaustion'],
  'httpclient-connection-leak': ['socket-exhaustion'],
  // Threads blocked on a full logger queue: the pool starves the same way as on sync-over-async.
  'logging-backpressure': ['thread-pool-starvation'],
  // startup-failure
  'app-not-targeting-aspnetcore-framework': ['handler-load-failure'],
  'database-misconfigured': ['startup-exception'],
  // A database or service the app needs at startup was not up yet: the app threw while starting.
  'dependency-unavailable-at-startup': ['startup-exception'],
  'deps-json-assembly-missing': ['startup-exception'],
  'missing-net-framework-version': ['missing-dotnet-runtime'],
  'package-newer-than-installed-runtime': ['missing-dotnet-runtime'],
  'runtime-store-package-missing': ['missing-dotnet-runtime', 'startup-exception'],
  // tls-handshake
  'app-gateway-trusted-root-mismatch': ['azure-gateway-backend-tls'],
  'backend-cert-chain-misordered': BACKEND_CERT,
  'backend-cert-expired': BACKEND_CERT,
  'backend-cert-name-mismatch': BACKEND_CERT,
  'backend-cert-partial-chain': BACKEND_CERT,
  'backend-cert-untrusted': BACKEND_CERT,
  'backend-leaf-cert-missing': BACKEND_CERT,
  'backend-cert-untrusted-by-ingress': ['nginx-upstream-tls', 'backend-cert-rejected'],
  'backend-requires-client-certificate': ['nginx-upstream-tls', 'backend-tls-failure', 'backend-cert-rejected'],
  'front-door-origin-cert-name-mismatch': ['azure-gateway-backend-tls'],
  'front-door-origin-tls': ['azure-gateway-backend-tls'],
  'nginx-upstream-sni-missing': ['nginx-upstream-tls'],
  'missing-sni-upstream': ['nginx-upstream-tls'],
  'proxy-plain-http-to-tls-port': ['tls-port-mismatch'],
  'proxy-tls-to-plain-http-port': ['tls-port-mismatch'],
  'tls-to-plain-http-port': ['tls-port-mismatch'],
  // worker-recycle
  'app-pool-stopped': ['rapid-fail-protection'],
  // A recycle because a memory limit was reached is still a recycle.
  'memory-limit-recycle': ['app-pool-recycle'],
  // The site stayed down after each recycle until recycled again by hand: the recycle is where to look.
  'plugin-assembly-locking-on-startup-after-recycle': ['app-pool-recycle'],
  'idle-timeout': ['app-pool-idle-shutdown'],
  'shutdown-during-deploy': ['app-shutting-down', 'app-offline'],
  // ANCM recycled or crashed over an app_offline.htm it saw (or thought it saw).
  'app-offline-crash': ['app-offline'],
  'phantom-app-offline': ['app-offline'],
};

/** True when `answer` is the thread's cause, or a catalogue cause that covers it. */
export function coversLabel(label: string | undefined, answer: string | undefined): boolean {
  if (label === undefined || answer === undefined) return false;
  return answer === label || (COVERS[label]?.includes(answer) ?? false);
}
