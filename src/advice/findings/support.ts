/**
 * What several findings read the same way: an `<aspNetCore>` attribute whatever its case, ANCM's
 * booleans, the effective hosting model, the request timeout and the process path.
 */
import type { AppPoolFacts, LocatedValue, WebConfigFacts } from '../../evidence/types';
import { timespanSeconds, valueNamed } from '../../evidence/config-facts';

export type Named = LocatedValue & { name: string };

/** An `<aspNetCore>` attribute, found whatever its case (ANCM's own lookup is not what users type). */
export function attributeOf(config: WebConfigFacts, name: string): Named | undefined {
  return valueNamed(config.aspNetCore?.attributes, name);
}

export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', '1'].includes(value.trim().toLowerCase());
}

export function isFalse(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'false';
}

interface HostingModel {
  value: 'inprocess' | 'outofprocess' | 'invalid';
  attribute?: Named;
}

/** The effective hosting model: ANCM treats a missing attribute as out-of-process. */
export function hostingModelOf(config: WebConfigFacts): HostingModel {
  const attribute = attributeOf(config, 'hostingModel');
  const value = attribute?.value.trim().toLowerCase() ?? '';
  if (value === 'inprocess') return { value: 'inprocess', attribute };
  if (value === '' || value === 'outofprocess') return attribute ? { value: 'outofprocess', attribute } : { value: 'outofprocess' };
  return { value: 'invalid', attribute };
}

/** ANCM's requestTimeout bounds: above 360:00:00 the configuration fails to load. */
export const REQUEST_TIMEOUT_MAX_S = 1_296_000;

export interface RequestTimeout {
  model: HostingModel['value'];
  attribute?: Named;
  /** Undefined without an attribute or for a value that is not a timespan. */
  seconds?: number;
  /** The line the request timeout findings quote: the attribute, or the element without one. */
  line: number;
}

/** The `<aspNetCore>` element's request timeout and hosting model; undefined without an element. */
export function requestTimeoutOf(config: WebConfigFacts): RequestTimeout | undefined {
  const element = config.aspNetCore;
  if (!element) return undefined;
  const attribute = attributeOf(config, 'requestTimeout');
  const seconds = timespanSeconds(attribute?.value);
  return {
    model: hostingModelOf(config).value,
    ...(attribute ? { attribute } : {}),
    ...(seconds === undefined ? {} : { seconds }),
    line: attribute?.line ?? element.startLine,
  };
}

/** A request timeout ANCM applies and accepts: out-of-process, with a timespan within its bounds. */
export function validRequestTimeout(config: WebConfigFacts): (RequestTimeout & { attribute: Named; seconds: number }) | undefined {
  const timeout = requestTimeoutOf(config);
  if (!timeout || timeout.model !== 'outofprocess' || !timeout.attribute) return undefined;
  if (timeout.seconds === undefined || timeout.seconds > REQUEST_TIMEOUT_MAX_S) return undefined;
  return { ...timeout, attribute: timeout.attribute, seconds: timeout.seconds };
}

interface ProcessPath {
  path: Named;
  args?: Named;
  /** The program, quotes removed. */
  program: string;
  /** Visual Studio's %LAUNCHER_PATH% / %LAUNCHER_ARGS% left in place. */
  placeholders: boolean;
  /** `dotnet` or `dotnet.exe`, with or without a folder: a framework-dependent app. */
  isDotnet: boolean;
}

/** The `processPath` and `arguments` of the `<aspNetCore>` element; undefined without a processPath. */
export function processPathOf(config: WebConfigFacts): ProcessPath | undefined {
  const path = attributeOf(config, 'processPath');
  if (!config.aspNetCore || !path) return undefined;
  const args = attributeOf(config, 'arguments');
  const program = path.value.trim().replace(/^"|"$/g, '');
  const placeholders = /%LAUNCHER_(PATH|ARGS)%/i.test(path.value) || (args !== undefined && /%LAUNCHER_(PATH|ARGS)%/i.test(args.value));
  return { path, ...(args ? { args } : {}), program, placeholders, isDotnet: /(^|[\\/])dotnet(\.exe)?$/i.test(program) };
}

/** The first argument, quotes removed (`".\My App.dll" --urls x` → `.\My App.dll`). */
export function firstArgument(args: string): string {
  const text = args.trim();
  if (text.startsWith('"')) {
    const close = text.indexOf('"', 1);
    return close < 0 ? text.slice(1) : text.slice(1, close);
  }
  const space = text.indexOf(' ');
  return space < 0 ? text : text.slice(0, space);
}

/** How a pool finding names its pool: `Application pool "Shop"`, or `The application pool` without a name. */
export function poolLabel(pool: AppPoolFacts): string {
  return pool.name ? `Application pool "${pool.name}"` : 'The application pool';
}
