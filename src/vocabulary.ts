/**
 * The words the contract, the catalogue, the engine and the faces all speak: the cause families
 * and the layers (both public ids), the confidence scale, and the shape of a fix.
 *
 * It lives apart from all of them and imports nothing, so every arrow points into it: the contract
 * (contract.ts) names a family without importing the catalogue (causes/), and the catalogue
 * describes a fix without importing the contract.
 */

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

/** The gateway or server that answered with the error, and how a diagnosis names it. */
export const LAYER_TITLES = {
  cdn: 'CDN (the edge answered for the origin)',
  'load-balancer': 'Load balancer / application gateway',
  'reverse-proxy': 'Reverse proxy in front of the app',
  iis: 'IIS itself',
  ancm: 'ASP.NET Core Module (ANCM) in IIS',
  app: 'The ASP.NET Core application',
} as const;
/** Derived from the titles, so a layer can never lack one. */
export type LayerId = keyof typeof LAYER_TITLES;

/**
 * One scale for every confidence, so that a number means the same thing in every cause, in the
 * layer decision and in the words the answers use ("likely", "strong"). A matcher picks the rung
 * its evidence earns and may add small boosts for corroboration (causes/confidence.ts).
 */
export const CONFIDENCE = {
  /** Only a bare status code or an ambiguous hint: one candidate among several. */
  weak: 0.15,
  /** A code or message that fits this cause and a few others. */
  possible: 0.35,
  /** A specific signature of this cause, but not its proof. */
  likely: 0.6,
  /** A specific signature plus corroboration (time, second source, matching config). */
  strong: 0.8,
  /** Signatures that admit no other reading. */
  certain: 0.95,
} as const;

/** A fix as a diagnosis shows it. */
export interface DiagnosisFix {
  summary: string;
  snippet?: string;
  language?: 'xml' | 'json' | 'csharp' | 'powershell' | 'nginx' | 'text';
  /** A unified diff against the user's own web.config, when one was part of the evidence. */
  diff?: string;
}

/**
 * A change to the user's `<aspNetCore>` element that advice/ can apply to *their* web.config.
 * `set` adds or replaces attributes; `handlerSettings` and `environmentVariables` add or replace entries.
 */
export interface AspNetCoreChange {
  set?: Record<string, string>;
  handlerSettings?: Record<string, string>;
  environmentVariables?: Record<string, string>;
}
