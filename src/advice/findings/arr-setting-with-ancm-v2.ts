/**
 * Settings of the ARR (out-of-process proxy) world in the web.config of an app that
 * AspNetCoreModuleV2 runs. Three cases, each from the schemas and ANCM's source (kb-facts 1.4, 3.4):
 * - an ARR proxy attribute (system.webServer/proxy, webFarm applicationRequestRouting/protocol) on
 *   `<aspNetCore>`: ANCM's schema (aspnetcore_schema_v2.xml) has no such attribute, so IIS refuses
 *   the configuration with 500.19 "Unrecognized attribute";
 * - ARR's own sections, `<system.webServer><proxy>` and `<webFarms>`: ANCM does not read them (its
 *   wait for Kestrel is requestTimeout), so they change nothing for this app unless a URL Rewrite
 *   rule here forwards requests to another server;
 * - the attributes of ANCM that only configure its out-of-process proxy hop
 *   (forwardWindowsAuthToken, rapidFailsPerMinute, processesPerApplication) with
 *   hostingModel="inprocess": InProcessOptions never reads them. requestTimeout, the same case, has
 *   its own finding (request-timeout-ignored-in-process).
 */
import type { WebConfigFacts } from '../../evidence/types';
import { LineIndex, allElements, attribute, scanXml, type XmlElement } from '../../evidence/xml';
import { defineFinding } from './define-finding';
import { attributeOf, hostingModelOf } from './support';

/** Attributes of ARR's proxy and webFarm protocol schemas (arr_schema.xml) that ANCM's schema lacks, lower case. */
const ARR_PROXY_ATTRIBUTES = new Map(
  [
    'timeout',
    'keepAlive',
    'httpVersion',
    'preserveHostHeader',
    'reverseRewriteHostInResponseHeaders',
    'xForwardedForHeaderName',
    'xForwardedByHeaderName',
    'includePortInXForwardedFor',
    'arrResponseHeader',
    'passServerHeader',
    'passConnectionCloseHeader',
    'maxForwards',
    'minResponseBuffer',
    'responseBufferLimit',
    'maxResponseHeaderSize',
    'bufferChunkedResponses',
    'stealthMode',
  ].map((name) => [name.toLowerCase(), name] as const),
);

/** ANCM attributes only its out-of-process handler reads. */
const OUT_OF_PROCESS_ONLY = ['forwardWindowsAuthToken', 'rapidFailsPerMinute', 'processesPerApplication'] as const;

/** The module running this app is AspNetCoreModuleV2: a V2 handler, or an `<aspNetCore>` element pasted without handlers. */
function runsOnAncmV2(config: WebConfigFacts): boolean {
  const modules = config.handlers.map((h) => h.modules?.trim().toLowerCase());
  if (modules.includes('aspnetcoremodulev2')) return true;
  return config.aspNetCore !== undefined && !modules.includes('aspnetcoremodule');
}

interface Hit {
  line: number;
  message: string;
}

function arrAttributesOnAspNetCore(config: WebConfigFacts): Hit[] {
  return Object.entries(config.aspNetCore?.attributes ?? {}).flatMap(([name, located]) => {
    const arrName = ARR_PROXY_ATTRIBUTES.get(name.toLowerCase());
    if (!arrName) return [];
    const instead = arrName === 'timeout' ? ' The ANCM setting for how long IIS waits for the app is requestTimeout (out-of-process only, default 00:02:00).' : '';
    return [
      {
        line: located.line,
        message: `${name}="${located.value}" on <aspNetCore> is an ARR proxy setting (system.webServer/proxy), not an AspNetCoreModuleV2 one: ANCM's schema has no ${name} attribute, so IIS refuses the whole configuration (HTTP 500.19, "Unrecognized attribute '${name}'") and the app does not run. Remove it.${instead}`,
      },
    ];
  });
}

function outOfProcessOnlyInProcess(config: WebConfigFacts): Hit[] {
  if (hostingModelOf(config).value !== 'inprocess') return [];
  return OUT_OF_PROCESS_ONLY.flatMap((wanted) => {
    const found = attributeOf(config, wanted);
    if (!found) return [];
    return [
      {
        line: found.line,
        message: `${found.name}="${found.value}" only configures the out-of-process proxy hop (ANCM forwarding each request to the Kestrel process); with hostingModel="inprocess" AspNetCoreModuleV2 never reads it, so it changes nothing. Remove it, or keep it only if you switch to hostingModel="outofprocess" on purpose.`,
      },
    ];
  });
}

/** A URL Rewrite rule that forwards to another server (`<action type="Rewrite" url="http://...">`): ARR's proxy is then in use. */
function forwardsElsewhere(elements: readonly XmlElement[]): boolean {
  return elements.some((e) => e.name === 'action' && attribute(e, 'type')?.value.trim().toLowerCase() === 'rewrite' && /^\s*https?:\/\//i.test(attribute(e, 'url')?.value ?? ''));
}

function arrSections(config: WebConfigFacts): Hit[] {
  const text = config.lines.join('\n');
  if (!/<(proxy|webFarms)\b/.test(text)) return [];
  const scan = scanXml(text);
  const elements = [...allElements(scan.roots)];
  if (forwardsElsewhere(elements)) return [];
  const index = new LineIndex(text);
  const lineOf = (e: XmlElement): number => config.firstLine + index.line(e.start) - 1;
  const hits: Hit[] = [];
  for (const e of elements) {
    if (e.name === 'proxy' && e.parent?.name === 'system.webServer') {
      const timeout = attribute(e, 'timeout');
      const what = timeout ? `<proxy timeout="${timeout.value}">` : '<proxy>';
      hits.push({
        line: lineOf(e),
        message: `${what} is ARR's server proxy section (system.webServer/proxy), used when URL Rewrite forwards requests to another server; AspNetCoreModuleV2 does not read it, and no rewrite rule in this web.config forwards anywhere, so it changes nothing for this app.${timeout ? ' How long IIS waits for the app is <aspNetCore requestTimeout> (out-of-process only, default 00:02:00); in-process there is no proxy hop to time out.' : ''}`,
      });
    }
    if (e.name === 'webFarms') {
      hits.push({
        line: lineOf(e),
        message: `<webFarms> is ARR's server-farm configuration, read from applicationHost.config on the ARR server that load-balances to this one; AspNetCoreModuleV2 does not read it, so in this app's web.config it changes nothing. Configure the farm (its protocol timeout defaults to 00:00:30) on the ARR server.`,
      });
    }
  }
  return hits;
}

export default defineFinding({
  id: 'arr-setting-with-ancm-v2',
  severity: 'warning',
  on: 'web-config',
  checks: 'An app run by AspNetCoreModuleV2 carries no setting only ARR or the out-of-process proxy hop knows (ARR proxy attributes on <aspNetCore>, ARR proxy/webFarms sections, proxy-hop attributes in-process).',
  quotes: 'the attribute or element line',
  find(config) {
    if (!runsOnAncmV2(config)) return [];
    return [...arrAttributesOnAspNetCore(config), ...outOfProcessOnlyInProcess(config), ...arrSections(config)].sort((a, b) => a.line - b.line);
  },
});
