/**
 * Documentation links the answers cite, in one place so a moved page is fixed once.
 */
export const DOCS = {
  ancm: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
  troubleshootIis: 'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis',
  iisErrors: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference',
  inProcess: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting',
  outOfProcess: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/out-of-process-hosting',
  hostingBundle: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/hosting-bundle',
  hsts: 'https://learn.microsoft.com/aspnet/core/security/enforcing-ssl',
  rfc502: 'https://www.rfc-editor.org/rfc/rfc9110#name-502-bad-gateway',
  rfc504: 'https://www.rfc-editor.org/rfc/rfc9110#name-504-gateway-timeout',
  cloudflare502: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-502-504/',
  cloudflare5xx: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/',
  cloudflareHeaders: 'https://developers.cloudflare.com/fundamentals/reference/http-headers/',
  arr502: 'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr',
  winhttpErrors: 'https://learn.microsoft.com/windows/win32/winhttp/error-messages',
  iisLogging: 'https://learn.microsoft.com/iis/manage/provisioning-and-managing-iis/configure-logging-in-iis',
  httpErr: 'https://learn.microsoft.com/windows/win32/http/types-of-errors-logged-by-the-http-server-api',
  freb: 'https://learn.microsoft.com/iis/troubleshoot/using-failed-request-tracing/troubleshooting-failed-requests-using-tracing-in-iis',
  appPoolRecycling: 'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/recycling/',
  appPoolProcessModel: 'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/processmodel',
  procdump: 'https://learn.microsoft.com/sysinternals/downloads/procdump',
  dotnetDump: 'https://learn.microsoft.com/dotnet/core/diagnostics/dotnet-dump',
  werLocalDumps: 'https://learn.microsoft.com/windows/win32/wer/collecting-user-mode-dumps',
  threadPoolStarvation: 'https://learn.microsoft.com/dotnet/core/diagnostics/debug-threadpool-starvation',
  hostedServices: 'https://learn.microsoft.com/aspnet/core/fundamentals/host/hosted-services',
} as const;
