/**
 * Steps and fixes are written with placeholders for what a cause's matcher may not know (`<pool
 * name>`, `.\YourApp.dll`, `<port>`). When the evidence says it anyway (a WAS event or an HTTPERR
 * queue names the pool, the web.config names the DLL, Kestrel says where it listens), the reader
 * should not have to copy it in by hand: this fills the placeholders from the evidence, in one
 * place for every cause (and the team memory's fingerprint takes the pool from here too).
 * A value is filled only when the evidence names exactly one; two different ports stay `<port>`.
 */
import { valueNamed } from '../evidence/config-facts';
import type { Evidence, Signal } from '../evidence/types';

export interface KnownValues {
  /** The app's DLL as the web.config or ANCM names it (its command line, or the DLL it did not find): `Shop.dll`. */
  dll?: string;
  pool?: string;
  site?: string;
  /**
   * The port Kestrel failed to bind (the one a port collision is about), else the one the app says
   * it listens on, else the one the gateway connected to.
   */
  port?: string;
  /** The host the gateway connected to (nginx's `upstream: "http://10.0.0.7:5000/..."`). */
  backend?: string;
  /** The shared framework version the app asks for, as the .NET host reports it missing: `8.0.11`. */
  runtime?: string;
}

const DLL = /([A-Za-z0-9_][A-Za-z0-9_.-]{0,120}\.dll)\b/i;
const POOL = /application pool '([^'\r\n]{1,120})'/i;
/** A site name may hold spaces (`Default Web Site`): inside ANCM's quotes it runs to the next quote or slash. */
const QUOTED_SITE = /'MACHINE\/WEBROOT\/APPHOST\/([^'"/\r\n]{1,120})/i;
const SITE = /MACHINE\/WEBROOT\/APPHOST\/([^'"/\s]{1,120})/i;
/** ANCM 1031/1007 for a single-file publish: "Application .dll was not found at C:\inetpub\shop\Contoso.Shop.dll". */
const APP_DLL_NOT_FOUND = 'Application .dll was not found at ';
const PORT = /:(\d{2,5})\/?$/;
/** The .NET host's "The framework 'Microsoft.AspNetCore.App', version '8.0.11' (x64) was not found." */
const FRAMEWORK_VERSION = /framework '[A-Za-z.]{1,60}', version '(\d{1,3}\.\d{1,3}(?:\.\d{1,5})?(?:-[0-9A-Za-z.]{1,40})?)'/;
const VERSION = /^\d{1,3}\.\d{1,3}(?:\.\d{1,5})?(?:-[0-9A-Za-z.]{1,40})?$/;
/** `http://10.0.0.7:5000/api` → host and port. */
const UPSTREAM = /^[a-z][a-z0-9+.-]{0,20}:\/\/([^/:?#\s"[\]]{1,200}|\[[0-9a-f:.]{2,60}\])(?::(\d{2,5}))?/i;

/** The one distinct value, or undefined when there are none or several. */
function only(values: Iterable<string | undefined>): string | undefined {
  const seen = new Set<string>();
  for (const v of values) if (v) seen.add(v);
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** Like only(), for names Windows compares without case (app pools): `ShopPool` and `SHOPPOOL` are one. */
function onlyIgnoringCase(values: Iterable<string | undefined>): string | undefined {
  const seen = new Map<string, string>();
  for (const v of values) if (v && !seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  return seen.size === 1 ? [...seen.values()][0] : undefined;
}

/**
 * The app pools an HTTPERR log names: its s-queuename is the request queue HTTP.sys gave up on,
 * which IIS names after the application pool (`503 2 AppOffline ShopPool`).
 */
function httpErrQueues(evidence: Evidence): (string | undefined)[] {
  return evidence.signals.filter((s) => s.id === 'httperr-reason').map((s) => (s as Signal<'httperr-reason'>).data.queue);
}

/** The file name of the DLL ANCM says it did not find, or undefined. */
function missingAppDll(message: string): string | undefined {
  const at = message.indexOf(APP_DLL_NOT_FOUND);
  if (at < 0) return undefined;
  const path = message.slice(at + APP_DLL_NOT_FOUND.length).split(/[\r\n']/)[0]!.trim();
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}\.dll$/i.test(name) ? name : undefined;
}

/** The ports of the addresses Kestrel failed to bind ("Failed to bind to address http://127.0.0.1:5000"). */
function bindFailurePorts(evidence: Evidence): (string | undefined)[] {
  return evidence.signals.filter((s) => s.id === 'port-in-use').map((s) => PORT.exec((s as Signal<'port-in-use'>).data.address ?? '')?.[1]);
}

export function knownValues(evidence: Evidence): KnownValues {
  const argumentsOf = evidence.webConfigs.map((c) => valueNamed(c.aspNetCore?.attributes, 'arguments')?.value);
  const dll =
    only(argumentsOf.map((a) => (a ? DLL.exec(a)?.[1] : undefined))) ??
    only(evidence.events.map((e) => missingAppDll(e.message) ?? (/dotnet/i.test(e.message) ? DLL.exec(e.message)?.[1] : undefined)));
  const pool = onlyIgnoringCase([...evidence.appPools.map((p) => p.name), ...evidence.events.map((e) => e.appPool ?? POOL.exec(e.message)?.[1]), ...httpErrQueues(evidence)]);
  const site = only(evidence.events.map((e) => (QUOTED_SITE.exec(e.message) ?? SITE.exec(e.message))?.[1]?.trim()));
  const upstreams = evidence.signals.filter((s) => s.id === 'nginx-upstream').map((s) => UPSTREAM.exec((s as Signal<'nginx-upstream'>).data.upstream ?? ''));
  const backend = only(upstreams.map((m) => m?.[1]));
  const port =
    only(bindFailurePorts(evidence)) ??
    only(evidence.clues.filter((c) => c.clue === 'hosting.listening' && !c.narrative).map((c) => (c.value ? PORT.exec(c.value)?.[1] : undefined))) ??
    only(upstreams.map((m) => m?.[2]));
  const runtime = only([
    ...evidence.signals.filter((s) => s.id === 'framework-missing').map((s) => (s as Signal<'framework-missing'>).data.version),
    ...evidence.events.map((e) => FRAMEWORK_VERSION.exec(e.message)?.[1]),
  ].filter((v) => v === undefined || VERSION.test(v)));
  return { dll, pool, site, port, backend, runtime };
}

/** The text with every placeholder the evidence answers filled in. */
export function fillIn(text: string, known: KnownValues): string {
  let out = text;
  if (known.pool) out = out.split('<pool name>').join(known.pool);
  if (known.site) out = out.split('<site name>').join(known.site);
  if (known.port) out = out.split('<port>').join(known.port);
  if (known.backend) for (const name of ['<backend-host>', '<upstream-host>', '<backend>']) out = out.split(name).join(known.backend);
  // `App.dll` in a path or a command line (`.\App.dll`, `/var/www/app/App.dll`, `dotnet App.dll`) is
  // a placeholder; in prose ("App.dll next to App.exe") it names no app in particular.
  if (known.dll) out = out.replace(/(?<=[\\/]|dotnet )App\.dll\b|\b(?:YourApp|MyApp)\.dll\b/g, () => known.dll!);
  if (known.runtime) {
    const [major, minor] = known.runtime.split('.');
    // The framework folder is named by the exact version; the installer to fetch is the latest
    // patch of the same major.minor, since a runtime rolls forward across patches only.
    out = out.split('Microsoft.AspNetCore.App\\<version>').join(`Microsoft.AspNetCore.App\\${known.runtime}`);
    out = out.split('dotnet-hosting-<version>-win.exe').join(`dotnet-hosting-${major}.${minor}.x-win.exe (the latest ${major}.${minor} patch)`);
  }
  return out;
}
