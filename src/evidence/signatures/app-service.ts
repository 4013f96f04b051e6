/**
 * Signatures of Azure App Service. See types.ts for what a signature is and how it is matched.
 *
 * App Service puts a front end (ARR) before every app: it gives up on a request after 230
 * seconds, and on Linux it starts the site container, pings it on the expected port and gives up
 * ("didn't respond to HTTP pings on port") or reports that it exited. Its pages are the IIS/ARR
 * templates on Windows and an ":( Application Error" page on Linux.
 */
import type { Signature } from './types';

const TIMEOUT_DOC = 'MicrosoftDocs/azure-docs articles/app-service (front-end request timeout of 230 seconds), kb-facts 6.3';
const CONTAINER_DOC = 'MicrosoftDocs/azure-docs articles/app-service/configure-custom-container.md and docker logs of App Service for Linux (site start messages)';

/** The port App Service pinged. */
const PING_PORT = /pings on port:?\s{0,3}(\d{1,5})/i;
/** Seconds given in a start-up message ("Elapsed time = 230.5 sec", "failed after 230.1 seconds"). */
const SECONDS = /(\d{1,4}(?:\.\d{1,9})?)\s{0,2}sec/i;

/** Words that put "230 seconds" in an App Service context. */
const APP_SERVICE = ['app service', 'appservice', 'azurewebsites', 'web app', 'webapp', 'front end', 'front-end', 'frontend', 'azure'];

const DOCKER = '2026-11-20T10:15:02.123Z ERROR -';
const INFO = '2026-11-20T10:15:02.123Z INFO  -';

export const SIGNATURES: readonly Signature[] = [
  // The front end gave up after 230 seconds
  {
    clue: 'appservice.timeout-230',
    all: ['the web server failed to respond within the specified time'],
    source: `${TIMEOUT_DOC} (the front end's page "500 - The request timed out. The web server failed to respond within the specified time.")`,
    examples: { match: ['500 - The request timed out. The web server failed to respond within the specified time.'] },
  },
  ...Object.entries({
    '230 sec': 'our report export on the Azure web app dies after exactly 230 seconds',
    '230s': 'App Service cuts the request at 230s no matter what requestTimeout says',
    '230 s ': 'the front end returns 500 at 230 s on app service',
    '230-sec': 'is there a way around the 230-second limit of the App Service front end?',
  }).map(
    ([fragment, example]): Signature => ({
      clue: 'appservice.timeout-230',
      all: [fragment],
      any: APP_SERVICE,
      narrative: true,
      value: /(230)/,
      source: TIMEOUT_DOC,
      examples: { match: [example], noMatch: ['the query took 1230 milliseconds on app service', 'the export takes 230 seconds locally'] },
    }),
  ),

  // The site container did not answer the pings on the port App Service expects (WEBSITES_PORT)
  {
    clue: 'appservice.container-not-responding',
    all: ['respond to http pings on port'],
    value: PING_PORT,
    source: CONTAINER_DOC,
    examples: {
      match: [
        `${DOCKER} Container shop-api_0_5e1c2a7b didn't respond to HTTP pings on port: 8080, failing site start. See container logs for debugging.`,
        'Container shop-api_0_5e1c2a7b did not respond to HTTP pings on port 80',
      ],
    },
  },
  {
    clue: 'appservice.container-not-responding',
    all: ['did not start within expected time limit'],
    value: SECONDS,
    source: CONTAINER_DOC,
    examples: { match: [`${DOCKER} Container shop-api_0_5e1c2a7b for site shop-api did not start within expected time limit. Elapsed time = 230.1842781 sec`] },
  },
  {
    clue: 'appservice.container-not-responding',
    all: ['site startup probe failed'],
    value: SECONDS,
    source: CONTAINER_DOC,
    examples: { match: [`${DOCKER} Site startup probe failed after 230.42 seconds.`] },
  },
  {
    clue: 'appservice.container-not-responding',
    all: ['failed to forward request to'],
    any: ['encountered a system.', '169.254.'],
    value: /failed to forward request to ([^\s.]{1,20}(?:\.[^\s.]{1,20}){0,6})/i,
    source: 'App Service for Linux front end log ("Failed to forward request to http://169.254.x.x:port. Encountered a …")',
    examples: { match: ['Failed to forward request to http://169.254.129.3:8080. Encountered a System.Net.Sockets.SocketException: Connection refused'] },
  },

  // The site container exited or was killed during start-up
  {
    clue: 'appservice.container-exited',
    all: ['terminated during site startup'],
    source: CONTAINER_DOC,
    examples: { match: [`${DOCKER} Site container: shop-api terminated during site startup.`] },
  },
  {
    clue: 'appservice.container-exited',
    all: ['has exited, failing site start'],
    source: CONTAINER_DOC,
    examples: { match: [`${DOCKER} Container shop-api_0_5e1c2a7b for site shop-api has exited, failing site start`] },
  },
  {
    clue: 'appservice.container-exited',
    all: ['because it failed during startup'],
    source: CONTAINER_DOC,
    examples: { match: [`${INFO} Stopping site shop-api because it failed during startup.`] },
  },

  // The front end answered with its own page
  {
    clue: 'appgw.page',
    all: ['you can access the diagnostic resources'],
    source: 'App Service for Linux error page (":( Application Error — If you are the application administrator, you can access the diagnostic resources.")',
    examples: { match: ['Application Error If you are the application administrator, you can access the diagnostic resources.'] },
  },
  {
    clue: 'appgw.page',
    all: [':( application error'],
    source: 'App Service for Linux error page',
    examples: { match: [':( Application Error'], noMatch: ['Log Name: Application Source: Application Error Event ID: 1000'] },
  },
  {
    clue: 'appgw.page',
    all: ['503 service unavailable'],
    any: ['app service', 'azurewebsites', 'web app'],
    none: ['nginx', 'cloudflare'],
    source: 'App Service front end 503 when no worker can serve the site',
    examples: { match: ['shop-api.azurewebsites.net answers 503 Service Unavailable after the swap'], noMatch: ['503 Service Unavailable'] },
  },
  {
    // The Windows front end's 502 when the worker died or the request ran past the limit
    clue: 'iis.cgi-bad-gateway-page',
    all: ['specified cgi application encountered an error'],
    source: 'IIS/ARR 502 page body as App Service shows it ("The specified CGI application encountered an error and the server terminated the process.")',
    examples: { match: ['502 - Web server received an invalid response while acting as a gateway or proxy server. The specified CGI application encountered an error and the server terminated the process.'] },
  },
];
