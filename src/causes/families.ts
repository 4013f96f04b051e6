/**
 * The eight cause families: the seven causes of the seed article plus resource exhaustion.
 * These ids are a public contract (ARCHITECTURE.md); never rename one.
 */
export const FAMILIES = {
  'startup-failure': 'The app never came up',
  'crash-mid-request': 'The process died while serving the request',
  'request-timeout': 'The upstream took longer than the gateway waits',
  'proxy-origin': 'A CDN, load balancer or reverse proxy could not reach the origin or rejected its answer',
  'worker-recycle': 'The IIS worker was recycled or stopped mid-request',
  'tls-handshake': 'TLS failed between a gateway and its upstream',
  'config-error': 'The worker could not be launched because of its configuration',
  'resource-exhaustion': 'The app hung: thread pool, sockets or connection pool exhausted',
} as const;
export type FamilyId = keyof typeof FAMILIES;
export const FAMILY_IDS = Object.keys(FAMILIES) as FamilyId[];

export const LAYER_TITLES = {
  cdn: 'CDN (the edge answered for the origin)',
  'load-balancer': 'Load balancer / application gateway',
  'reverse-proxy': 'Reverse proxy in front of the app',
  iis: 'IIS itself',
  ancm: 'ASP.NET Core Module (ANCM) in IIS',
  app: 'The ASP.NET Core application',
} as const;
