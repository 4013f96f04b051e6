/**
 * 502.3 with ERROR_WINHTTP_NAME_NOT_RESOLVED (12007, 0x80072EE7): IIS was about to forward the
 * request and could not turn the back end's host name into an address. ANCM always connects to
 * 127.0.0.1, so the forwarder is ARR: a URL Rewrite reverse-proxy rule or a web farm whose target
 * is a name the IIS server cannot resolve (a short name without a DNS suffix, a record that only
 * exists on the outside of a split-horizon DNS, a removed record, a missing hosts-file entry).
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf } from './query';
import { ancmEvidence, arrEvidence, failureRefs, gatewayFailure, recordedCount, windowText, win32Label } from './support/gateway-failures';
import { hostOfUrl, needsNoLookup, proxyTargets, type ProxyTarget } from './support/proxy-targets';
import { APPCMD } from './support/app-pools';

const NAME_NOT_RESOLVED = [12007];

/** The first target that can have failed a lookup: one that names a host (or a server variable), not an IP literal. */
function suspectTarget(targets: readonly ProxyTarget[]): ProxyTarget | undefined {
  return targets.find((t) => !needsNoLookup(t.host));
}

/** The port of an http(s) URL: the explicit one, else the scheme's default. */
function portOf(url: string): number {
  const host = hostOfUrl(url);
  const at = host === undefined ? -1 : url.indexOf(host) + host.length;
  const port = at > 0 && url[at] === ':' ? Number.parseInt(url.slice(at + 1), 10) : Number.NaN;
  if (Number.isInteger(port) && port > 0) return port;
  return url.toLowerCase().startsWith('https://') ? 443 : 80;
}

/** Lines that put ARR in the path: its headers and FREB events, or an error page/trace line naming its module. */
function arrRefs(evidence: Evidence, lines: readonly EvidenceRef[]): EvidenceRef[] {
  return [...arrEvidence(evidence), ...lines.filter((r) => r.text.includes('ApplicationRequestRouting'))];
}

interface BackendNameUnresolvedFacts {
  /** Requests recorded with 12007 by a log or a tool (0 when only pasted prose names it). */
  count: number;
  /** The IIS log's time window, or '' without a log. */
  window: string;
  /** The host name the pasted rule, farm or FREB trace forwards to, as written. */
  host?: string;
  /** Where that name was found, its whole URL (the rule's action url, else the host), and the line ("web.config line 12"). */
  targetKind?: ProxyTarget['kind'];
  targetUrl?: string;
  targetAt?: string;
  /** The host comes from a server variable (`{HTTP_HOST}`): whatever name the client sent. */
  dynamic: boolean;
  /** A single-label name, resolved only through the DNS suffix search list or a hosts entry. */
  shortName: boolean;
  /** The trace names ANCM, not ARR. */
  ancmOnly: boolean;
}

export default defineCause<BackendNameUnresolvedFacts>({
  id: 'backend-name-unresolved',
  title: "The reverse proxy's back-end host name does not resolve on the IIS server",
  family: 'proxy-origin',
  layer: 'reverse-proxy',
  clues: {
    // IIS's own WinHTTP code; another proxy's resolver failure has other steps (and the
    // family-level answer's).
    'win32.12007': 'strong',
    'net.host-unresolved': 'hints',
    'nginx.host-not-found': 'against',
  },
  description:
    'IIS, acting as a reverse proxy (ARR with a URL Rewrite rule or a server farm), could not resolve the host name of the back end it forwards to (ERROR_WINHTTP_NAME_NOT_RESOLVED), so it answered 502.3 without sending the request anywhere.',
  match(evidence) {
    const failure = gatewayFailure(evidence, NAME_NOT_RESOLVED);
    if (!failure) return undefined;
    const proving = failureRefs(failure);
    // Logs, traces and pages carry the code where IIS wrote it; free text only says someone saw it.
    const recorded = recordedCount(evidence, failure);
    const fromLogs = recorded > 0;
    let base: number;
    if (fromLogs) base = failure.exact ? CONFIDENCE.likely : CONFIDENCE.likely - 0.05;
    else base = failure.paired ? CONFIDENCE.possible + 0.1 : CONFIDENCE.possible;

    const arr = arrRefs(evidence, proving);
    const targets = proxyTargets(evidence);
    const suspect = suspectTarget(targets);
    // A pasted rewrite rule or farm that forwards to a host name is the proxy this code needs.
    const proxySeen = arr.length > 0 || suspect !== undefined;
    const ancmOnly = ancmEvidence(evidence).length > 0 && arr.length === 0;
    const boosts: number[] = [];
    if (proxySeen) boosts.push(fromLogs && failure.paired ? CONFIDENCE.strong - base : 0.1);
    if (fromLogs && failure.paired && arr.length > 0 && suspect !== undefined) boosts.push(0.05);
    // ANCM names 127.0.0.1 itself: a name error under its module is odd enough to hold back.
    if (ancmOnly) boosts.push(-0.15);

    return {
      confidence: boosted(base, ...boosts),
      // Many failing rows must not push the proxy and its target out of the (bounded) list.
      evidence: refsOf([...proving.slice(0, 4), ...arr.slice(0, 2), ...(suspect ? [suspect.ref] : []), ...proving.slice(4)]),
      facts: {
        count: recorded,
        window: windowText(evidence),
        host: suspect?.host,
        targetUrl: suspect?.url,
        targetKind: suspect?.kind,
        targetAt: suspect ? `${suspect.ref.source} line ${suspect.ref.line}` : undefined,
        dynamic: suspect?.dynamic ?? false,
        shortName: suspect !== undefined && !suspect.dynamic && !suspect.host.includes('.'),
        ancmOnly,
      },
    };
  },
  steps({ facts }) {
    const count = facts.count ?? 0;
    const { host } = facts;
    const at = facts.targetAt ?? 'the pasted configuration';
    const lookup = host !== undefined && facts.dynamic !== true ? host : '<backend-host>';
    const failed = count > 0 ? `${count} request${count === 1 ? '' : 's'} failed with` : 'The pasted text names';
    const steps = [
      `${failed} Win32 ${win32Label(12007)}${facts.window ? ` ${facts.window}` : ''}: IIS asked for the address of the back end's host name, got none, and answered 502.3 without sending anything.`,
      'ANCM always forwards to 127.0.0.1 and never looks up a name, so this 502.3 comes from ARR: a URL Rewrite rule whose action rewrites to an http(s) URL, or an ARR server farm. The host name in that rule (or farm member) is what failed to resolve.',
    ];
    if (host !== undefined && facts.dynamic === true) {
      steps.push(
        `The rule at ${at} forwards to ${facts.targetUrl ?? host}: the host comes from a server variable, so it is whatever name the client sent. Public names often do not resolve (or resolve to the proxy itself) from inside the network; forward to a fixed internal name instead.`,
      );
    } else if (host !== undefined) {
      const where = facts.targetKind === 'farm' ? 'web farm member' : facts.targetKind === 'routed' ? 'server ARR routed to (FREB ARR_SERVER_ROUTED)' : `rule's target ${facts.targetUrl ?? host}`;
      steps.push(`The pasted ${where} names the host "${host}" (${at}): check that exact name first.`);
      if (facts.shortName === true) {
        steps.push(`"${host}" is a short name: it resolves only through the IIS server's DNS suffix search list or a hosts-file entry. Compare "ipconfig /all" (DNS Suffix Search List) on this server with a machine where the name works, or use the fully qualified name.`);
      }
    } else {
      steps.push(
        `Find the target: ${APPCMD} list config "<site>" -section:system.webServer/rewrite/rules (and -section:system.webServer/rewrite/globalRules) shows each rule's action url; ${APPCMD} list config -section:webFarms shows each farm's server addresses.`,
      );
    }
    steps.push(
      `Resolve it on the IIS server itself, not on your workstation: "Resolve-DnsName ${lookup}" and "nslookup ${lookup}". For a check in the worker's own context, run the same from a PowerShell session or scheduled task under the pool identity; DNS is machine-wide, but a per-user proxy setting is not.`,
      `Look at C:\\Windows\\System32\\drivers\\etc\\hosts on the IIS server: an entry there wins over DNS, and a missing or stale one (left over from testing or a migration) explains a name that works elsewhere. With split-horizon DNS, the internal zone must carry the back end's record too; "Resolve-DnsName ${lookup} -Server <internal DNS server>" shows what the inside answers.`,
      'Check for a machine-wide WinHTTP proxy ("netsh winhttp show proxy"): ARR uses WinHTTP, and a proxy whose own name does not resolve fails with the same 12007.',
      'If only some requests fail, the DNS server is answering slowly or intermittently: look at Microsoft-Windows-DNS-Client/Operational in Event Viewer and at "Get-DnsClientCache" while it fails; keep a hosts entry or a local record until DNS is reliable.',
    );
    if (facts.ancmOnly === true) {
      steps.push('The trace names AspNetCoreModule rather than ARR. ANCM itself connects to 127.0.0.1, so confirm which layer answered (a second IIS with ARR in front, or a proxy rule on the same site) before changing the app.');
    }
    return steps;
  },
  fix({ facts }) {
    const known = facts.dynamic !== true ? facts.host : undefined;
    const host = known ?? 'backend.internal';
    // A short name needs its DNS suffix; contoso.local stands for the reader's internal domain.
    const suggested = facts.shortName === true ? `${host}.contoso.local` : host;
    const userUrl = known !== undefined && facts.targetKind === 'rewrite' ? facts.targetUrl : undefined;
    const url = userUrl !== undefined ? userUrl.replace(host, suggested) : `http://${suggested}:5000/{R:1}`;
    const check = [
      '<!-- Check on the IIS server (PowerShell):',
      `     Resolve-DnsName ${suggested}`,
      `     Test-NetConnection ${suggested} -Port ${portOf(url)}`,
      `     ${APPCMD} list config -section:webFarms -->`,
    ];
    const note = facts.shortName === true ? ' (contoso.local: your internal DNS suffix)' : '';
    const snippet =
      facts.targetKind === 'farm'
        ? [
            `<!-- applicationHost.config on the ARR server: a farm member address the server can resolve${note} -->`,
            '<webFarm name="app-farm" enabled="true">',
            `  <server address="${suggested}" enabled="true" />`,
            '</webFarm>',
            ...check,
          ]
        : [
            `<!-- web.config of the proxy site: forward to a host name the IIS server can resolve${note} -->`,
            '<rewrite>',
            '  <rules>',
            '    <rule name="ReverseProxyToApp" stopProcessing="true">',
            '      <match url="(.*)" />',
            `      <action type="Rewrite" url="${url}" />`,
            '    </rule>',
            '  </rules>',
            '</rewrite>',
            ...check,
          ];
    return {
      summary: `Make the proxy forward to a name the IIS server resolves: fix the rewrite rule's action url or the web farm's server address (a fully qualified internal name, or the back end's IP), or add the missing internal DNS record${facts.shortName === true ? ' or DNS suffix' : ''} (a hosts-file entry works as a stopgap). Then recheck with Resolve-DnsName from the server.`,
      language: 'xml',
      snippet: snippet.join('\n'),
    };
  },
  wants: ['web-config', 'freb', 'iis-log', 'headers'],
  references: [
    'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr',
    'https://learn.microsoft.com/windows/win32/winhttp/error-messages',
    'https://learn.microsoft.com/iis/extensions/url-rewrite-module/reverse-proxy-with-url-rewrite-v2-and-application-request-routing',
  ],
});
