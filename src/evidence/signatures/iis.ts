/**
 * Signatures of IIS pages, FREB, HTTP.sys and ARR: the 500.19 and 500.21 configuration pages,
 * the generic IIS 502 pages, ARR's 502.4, the CoreWebEngine/W3SVC feature check and the HTTPERR
 * reason phrases. See types.ts for what a signature is and how it is matched.
 */
import type { Signature } from './types';

const raw = String.raw;

const LEARN_ERRORS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference';
const HTTPERR = 'https://learn.microsoft.com/windows/win32/http/types-of-errors-logged-by-the-http-server-api';
const HTTPERR_TIMERS = 'https://technet.microsoft.com/library/cc759448 (Other HTTP.sys Error Log Errors) and kb-facts 3.1';
const IIS_500_19 = 'IIS 7+ detailed error page 500.19 (config errors from the IIS configuration system); kb-facts 2';
const IIS_502 = 'IIS 7+ custom/detailed error pages for 502 (502.htm "Web server received an invalid response while acting as a gateway or proxy server")';
const CGI = 'IIS CGI/ANCM V1 502 texts ("The specified CGI application ..."), learn.microsoft.com/troubleshoot/developer/webapps/iis';

/** IIS error pages show `Error Code 0x8007000d`. */
const IIS_ERROR_CODE = /error code\W{0,3}(0x[0-9a-f]{8})/i;
/**
 * HTTPERR rows end with sc-status, s-siteid, s-reason and s-queuename (`... 503 1 AppOffline
 * MyPool`): the app pool is the field after the reason phrase.
 */
const POOL_AFTER = (reason: string): RegExp => new RegExp(`(?:\\b\\d{3}|-)\\s{1,3}(?:\\d{1,10}|-)\\s{1,3}${reason}\\s{1,3}([\\w.-]{1,64})`, 'i');

/** Context that says a line comes from HTTP.sys (an HTTPERR row or a discussion of one). */
const HTTPERR_CONTEXT = ['httperr', ' 503 ', 'http/1.', 'http/2', 'http.sys', 'reason phrase', 's-reason'];

export const SIGNATURES: readonly Signature[] = [
  // ── 500.19: IIS could not read the configuration ──────────────────────────────────────────
  {
    clue: 'iis.config-invalid',
    all: ['related configuration data for the page is invalid'],
    value: IIS_ERROR_CODE,
    source: `${IIS_500_19}; ${LEARN_ERRORS}`,
    examples: {
      match: [
        'The requested page cannot be accessed because the related configuration data for the page is invalid.',
        '500.19 Internal Server Error - The requested page cannot be accessed because the related configuration data for the page is invalid.',
      ],
    },
  },
  {
    clue: 'iis.config-invalid',
    all: ['the requested page cannot be accessed because the related'],
    value: IIS_ERROR_CODE,
    source: IIS_500_19,
    examples: { match: ['HTTP Error 500.19 - Internal Server Error The requested page cannot be accessed because the related'] },
  },
  {
    clue: 'iis.config-invalid',
    all: ['500.19'],
    any: ['internal server error', 'config error', 'config file', 'configuration data', '0x8007'],
    value: IIS_ERROR_CODE,
    source: IIS_500_19,
    examples: {
      match: ['HTTP Error 500.19 - Internal Server Error', 'getting 500.19 with Error Code 0x8007000d after the deploy'],
      noMatch: ['HTTP Error 500.30 - Internal Server Error'],
    },
  },
  {
    clue: 'iis.config-invalid',
    all: ['cannot read configuration file'],
    any: ['insufficient permissions', 'config error', 'config file', 'web.config', 'applicationhost.config', '500.19', '\\\\?\\'],
    source: `${IIS_500_19} ("Cannot read configuration file", "Cannot read configuration file due to insufficient permissions")`,
    examples: {
      match: [
        'Config Error: Cannot read configuration file due to insufficient permissions',
        raw`Cannot read configuration file Config File \\?\C:\inetpub\wwwroot\api\web.config`,
      ],
      noMatch: ['Error: Cannot read configuration file: settings.yaml'],
    },
  },
  {
    clue: 'iis.config-invalid',
    all: ['unrecognized element'],
    any: ['config error', 'config source', 'config file', 'web.config', '500.19', 'applicationhost.config'],
    value: /unrecognized element\s{0,3}'([^']{1,80})'/i,
    source: `${IIS_500_19} ("Config Error: Unrecognized element '...'")`,
    examples: {
      match: ["Config Error Unrecognized element 'aspNetCore'", raw`Config Error: Unrecognized element 'rewrite' Config File \\?\C:\inetpub\api\web.config`],
      noMatch: ["System.Configuration.ConfigurationErrorsException: Unrecognized element 'foo'. (C:\\app\\App.exe.config line 12)"],
    },
  },
  {
    clue: 'iis.config-invalid',
    all: ['unrecognized attribute'],
    any: ['config error', 'config source', 'config file', 'web.config', '500.19', 'attribute names are case-sensitive'],
    value: /unrecognized attribute\s{0,3}'([^']{1,80})'/i,
    source: `${IIS_500_19} ("Unrecognized attribute '...'. Note that attribute names are case-sensitive.")`,
    examples: { match: ["Config Error: Unrecognized attribute 'hostingModel'. Note that attribute names are case-sensitive."] },
  },
  {
    clue: 'iis.config-invalid',
    all: ['cannot be read because it is missing a section declaration'],
    value: /configuration section\s{0,3}['"]([^'"]{1,80})['"]/i,
    source: IIS_500_19,
    examples: {
      match: [
        "The configuration section 'aspNetCore' cannot be read because it is missing a section declaration",
        'Config Error: The configuration section "system.serviceModel" cannot be read because it is missing a section declaration.',
      ],
    },
  },
  {
    clue: 'iis.config-malformed',
    all: ['configuration file is not well-formed xml'],
    source: IIS_500_19,
    examples: { match: ['Config Error: Configuration file is not well-formed XML'] },
  },
  {
    clue: 'iis.config-invalid',
    all: ['cannot add duplicate collection entry of type'],
    value: /set to\s{0,3}'([^']{1,80})'/i,
    source: `${IIS_500_19}; ${LEARN_ERRORS} (a sub-app inherits the parent's <handlers>)`,
    examples: { match: ["Config Error: Cannot add duplicate collection entry of type 'add' with unique key attribute 'name' set to 'aspNetCore'"] },
  },
  {
    clue: 'iis.config-invalid',
    all: ['this configuration section cannot be used at this path'],
    source: `${IIS_500_19} (section locked at a parent level, overrideModeDefault="Deny")`,
    examples: {
      match: ['This configuration section cannot be used at this path. This happens when the section is locked at a parent level.'],
    },
  },

  // ── 500.19 / 500.21 that show the ASP.NET Core Module is not installed ─────────────────────
  {
    clue: 'iis.hosting-bundle-missing',
    all: ['aspnetcore', 'missing a section declaration'],
    source: `${IIS_500_19}; ${LEARN_ERRORS} (no <section name="aspNetCore"> in applicationHost.config: module not installed)`,
    examples: { match: ["The configuration section 'aspNetCore' cannot be read because it is missing a section declaration"] },
  },
  {
    clue: 'iis.hosting-bundle-missing',
    all: ['unrecognized element', 'aspnetcore'],
    source: `${IIS_500_19}; ${LEARN_ERRORS}`,
    examples: { match: ["Config Error Unrecognized element 'aspNetCore'"] },
  },
  {
    clue: 'iis.hosting-bundle-missing',
    all: ['unrecognized attribute', 'hostingmodel'],
    source: `${IIS_500_19} (only the V1 schema is installed: hostingModel is an AspNetCoreModuleV2 attribute)`,
    examples: {
      match: ["Config Error: Unrecognized attribute 'hostingModel'. Note that attribute names are case-sensitive."],
      noMatch: ["Config Error: Unrecognized attribute 'maxUrl'. Note that attribute names are case-sensitive."],
    },
  },
  {
    clue: 'iis.hosting-bundle-missing',
    all: ['bad module', 'aspnetcoremodule'],
    value: /bad module\s{0,3}"?([\w.-]{1,60})/i,
    source: 'IIS 500.21 page "Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list"',
    examples: {
      match: ['Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list', 'HTTP Error 500.21 - Internal Server Error Handler "aspNetCore" has a bad module "AspNetCoreModule" in its module list'],
      noMatch: ['Handler "PageHandlerFactory-Integrated" has a bad module "ManagedPipelineHandler" in its module list'],
    },
  },
  {
    clue: 'iis.bad-module',
    all: ['has a bad module'],
    value: /bad module\s{0,3}"?([\w.-]{1,60})/i,
    source: 'IIS 500.21 page ("Handler "%s" has a bad module "%s" in its module list")',
    examples: {
      match: [
        'Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list',
        'Handler "PageHandlerFactory-Integrated" has a bad module "ManagedPipelineHandler" in its module list',
      ],
    },
  },
  {
    clue: 'iis.bad-module',
    all: ['in its module list'],
    any: ['bad module', 'handler'],
    value: /bad module\s{0,3}"?([\w.-]{1,60})/i,
    source: 'IIS 500.21 page',
    examples: { match: ['Handler "aspNetCore" ... in its module list'] },
  },
  {
    clue: 'iis.bad-module',
    all: ['500.21'],
    any: ['internal server error', 'bad module', 'module list', 'handler'],
    value: /bad module\s{0,3}"?([\w.-]{1,60})/i,
    source: 'IIS 500.21 page ("HTTP Error 500.21 - Internal Server Error")',
    examples: { match: ['HTTP Error 500.21 - Internal Server Error'], noMatch: ['HTTP Error 500.19 - Internal Server Error'] },
  },

  // ── IIS features that ANCM needs ───────────────────────────────────────────────────────────
  {
    clue: 'iis.corewebengine-missing',
    all: ['corewebengine and w3svc features'],
    source: `${LEARN_ERRORS} ("CoreWebEngine or W3SVC server features disabled")`,
    examples: { match: ['The IIS 7.0 CoreWebEngine and W3SVC features must be installed to use the ASP.NET Core Module.'] },
  },
  {
    clue: 'iis.corewebengine-missing',
    all: ['must be installed to use the asp.net core module'],
    source: LEARN_ERRORS,
    examples: { match: ['features must be installed to use the ASP.NET Core Module.'] },
  },

  // ── ARR: no healthy server in the farm ─────────────────────────────────────────────────────
  {
    clue: 'iis.arr-no-server',
    all: ['502.4'],
    any: ['bad gateway', 'arr', 'request routing', 'farm', 'unhealthy', 'no server'],
    source: 'iiscnfg.h MD_ERROR_SUB502_ARR_NO_SERVER (502.4); kb-facts 3.2 and 3.4',
    examples: {
      match: ['HTTP Error 502.4 - Bad Gateway', 'Application Request Routing Error – 502.4 – Bad Gateway', 'ARR returns 502.4 since the health test marked both servers unhealthy'],
      noMatch: ['HTTP Error 502.3 - Bad Gateway', 'saw 502 and then 4 more errors'],
    },
  },

  // ── The generic IIS 502 pages ──────────────────────────────────────────────────────────────
  {
    clue: 'iis.cgi-bad-gateway-page',
    all: ['acting as a gateway or proxy server', 'received an invalid response'],
    source: IIS_502,
    examples: {
      match: [
        '502 - Web server received an invalid response while acting as a gateway or proxy server.',
        'Server Error: 502 - Web server received an invalid response while acting as a gateway or proxy server',
        'The server, while acting as a gateway or proxy server, received an invalid response from the upstream server.',
      ],
      noMatch: [
        'The server, while acting as a gateway or proxy, received an invalid response from the upstream server.',
        'IIS returns 502 Bad Gateway on /api/orders since the deploy',
        'nginx: 502 Bad Gateway, upstream sent an invalid response',
      ],
    },
  },
  {
    clue: 'iis.cgi-bad-gateway-page',
    all: ['contacted the upstream content server'],
    source: IIS_502,
    examples: {
      match: [
        'There is a problem with the page you are looking for, and it cannot be displayed. When the Web server (while acting as a gateway or proxy) contacted the upstream content server, it received an invalid response from the content server.',
      ],
    },
  },
  {
    clue: 'iis.cgi-bad-gateway-page',
    all: ['received an invalid response from the content server'],
    source: IIS_502,
    examples: { match: ['it received an invalid response from the content server.'] },
  },
  {
    clue: 'iis.cgi-bad-gateway-page',
    all: ['the specified cgi application'],
    source: `${CGI} (502.1 "exceeded the allowed time", 502.2 "misbehaved by not returning a complete set of HTTP headers", 502.3 "encountered an error and the server terminated the process")`,
    examples: {
      match: [
        'The specified CGI application encountered an error and the server terminated the process.',
        'The specified CGI application misbehaved by not returning a complete set of HTTP headers. The headers it did return are:',
        'The specified CGI application exceeded the allowed time for processing. The server has deleted the process.',
      ],
    },
  },
  {
    clue: 'iis.cgi-bad-gateway-page',
    all: ['cgi application encountered an error'],
    source: CGI,
    examples: { match: ['CGI application encountered an error and the server terminated the process'] },
  },
  {
    // The same page, for what it says happened: the process behind the handler ended. ANCM V1
    // and App Service show it for a 502.3, after a crash or a request that ran out of time.
    clue: 'iis.cgi-process-terminated',
    all: ['server terminated the process'],
    source: `${CGI} (502.3 "encountered an error and the server terminated the process")`,
    examples: {
      match: ['The specified CGI application encountered an error and the server terminated the process.', '502 - Web server received an invalid response while acting as a gateway or proxy server. The specified CGI application encountered an error and the server terminated the process.'],
      noMatch: ['The specified CGI application exceeded the allowed time for processing. The server has deleted the process.'],
    },
  },
  {
    clue: 'iis.cgi-bad-gateway-page',
    all: ['set of http headers'],
    any: ['did not return a valid', 'not returning a complete'],
    source: `${CGI} (502.2)`,
    examples: {
      match: ['The CGI application did not return a valid set of HTTP headers.', 'misbehaved by not returning a complete set of HTTP headers'],
      noMatch: ['the backend returns a valid set of HTTP headers'],
    },
  },

  // ── HTTP.sys HTTPERR reason phrases ────────────────────────────────────────────────────────
  {
    clue: 'httperr.app-pool-abandoned',
    all: ['connection_abandoned_by_'],
    any: ['connection_abandoned_by_apppool', 'connection_abandoned_by_reqqueue'],
    value: POOL_AFTER('connection_abandoned_by_(?:apppool|reqqueue)'),
    source: `${HTTPERR} (Connection_Abandoned_By_AppPool: "A worker process from the application pool that crashed or orphaned a pending request"; Connection_Abandoned_By_ReqQueue)`,
    examples: {
      match: [
        '2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 POST /api/orders - 1 Connection_Abandoned_By_AppPool OrdersPool',
        '2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/health - 1 Connection_Abandoned_By_ReqQueue OrdersPool',
      ],
      noMatch: ['2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/health - - Connection_Dropped -'],
    },
  },
  {
    clue: 'httperr.app-pool-abandoned',
    all: ['orphaned a pending request'],
    source: `${HTTPERR} (Connection_Abandoned_By_AppPool description)`,
    examples: { match: ['A worker process from the application pool that crashed or orphaned a pending request by closing its handle.'] },
  },
  {
    clue: 'httperr.app-offline',
    all: ['appoffline'],
    any: HTTPERR_CONTEXT,
    none: ['appofflineapplication', 'appofflinehandler', 'appofflinetracking'],
    value: POOL_AFTER('appoffline'),
    source: `${HTTPERR} (AppOffline: "application errors caused the application to be taken offline")`,
    examples: {
      match: ['2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/orders 503 1 AppOffline OrdersPool', 'HTTPERR shows AppOffline for every request'],
      noMatch: ['Detected app_offline file, creating polling application', 'GET /api 503 AppOfflineApplication'],
    },
  },
  {
    clue: 'httperr.queue-timer',
    all: ['timer_apppool'],
    value: POOL_AFTER('timer_apppool'),
    source: `${HTTPERR_TIMERS} (Timer_AppPool: "the request stayed in the request queue of the application pool longer than the specified time limit")`,
    examples: { match: ['2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/orders - 1 Timer_AppPool OrdersPool'] },
  },
  {
    clue: 'httperr.queue-timer',
    all: ['apppooltimer'],
    value: POOL_AFTER('apppooltimer'),
    source: `${HTTPERR} (AppPoolTimer: "the application pool process is too busy to handle the request", 503)`,
    examples: { match: ['2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/orders 503 1 AppPoolTimer OrdersPool'] },
  },
  {
    clue: 'httperr.queue-timer',
    all: ['queuefull'],
    any: HTTPERR_CONTEXT,
    none: ['queuefullexception'],
    value: POOL_AFTER('queuefull'),
    source: `${HTTPERR} (QueueFull: the application request queue is full, 503)`,
    examples: {
      match: ['2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/orders 503 2 QueueFull OrdersPool'],
      noMatch: ['Channels: QueueFull, dropping telemetry item'],
    },
  },
];
