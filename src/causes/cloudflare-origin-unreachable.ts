/**
 * Cloudflare could not open a connection to the origin at all: 521 (the origin refused it), 522
 * (no answer to the TCP handshake within 19 s, or no ACK of the request within 90 s), 523 (no
 * route to the origin IP) or 530 (the origin host name did not resolve; the page carries a 1xxx
 * code). The request never reached IIS, so the origin's logs do not show it.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { hasKind } from './query';
import { cloudflareRayId, cloudflareStatusHits, plural } from './support/gateway-evidence';

const CODES = [521, 522, 523, 530] as const;

/** What each code means for an IIS origin, and what to check first. */
const ADVICE: Record<number, string[]> = {
  521: [
    'Error 521 means the origin actively refused the TCP connection: nothing listened on the port Cloudflare used (443 for Full and Full (strict), 80 for Flexible), or a firewall rejected Cloudflare\'s address. A stopped IIS application pool gives 503, not 521; a 521 is the site, W3SVC or HTTP.sys binding itself.',
    'On the origin run `Get-Website | Format-Table Name, State, Bindings` and `netstat -ano | findstr ":443 :80"`: the site must be Started and bound to the port and host name Cloudflare connects to. `Get-Service W3SVC, WAS` must both be Running.',
    'Allow every Cloudflare range (https://www.cloudflare.com/ips/) in Windows Firewall, the cloud security group and any IP-restriction module (IIS IP and Domain Restrictions, Dynamic IP Restrictions): a rule that blocks some Cloudflare addresses gives 521 only for the visitors routed through them.',
  ],
  522: [
    'Error 522 means the origin never completed the TCP handshake within 19 s (Cloudflare retries the SYN after 1, 1, 1, 1, 1, 2, 4 and 8 s) or did not acknowledge the request within 90 s after connecting. Packets are being dropped, not refused: a firewall that silently drops Cloudflare\'s addresses, a wrong origin IP, or a server too overloaded to accept connections.',
    'Check that the A/AAAA record in the Cloudflare DNS app points at the current origin IP, then test the port from outside: `Test-NetConnection <origin-ip> -Port 443` from another network. It must say TcpTestSucceeded : True.',
    'Allow all Cloudflare IP ranges (https://www.cloudflare.com/ips/) in Windows Firewall and the cloud security group/NACL; rate-limiting or DoS protection that drops Cloudflare\'s few addresses causes 522 under load.',
    'If the server was overloaded, the HTTP.sys HTTPERR log (%SystemRoot%\\System32\\LogFiles\\HTTPERR) and the System event log show it at the same minutes: look for QueueFull, Timer_ConnectionIdle or app pool failures.',
  ],
  523: [
    'Error 523 means no route to the origin IP: the address in the Cloudflare DNS record is wrong, changed, private, or a network device between Cloudflare and the origin has no route to it.',
    'Compare the A/AAAA record in the Cloudflare DNS app with the origin\'s current public IP. In AWS, check the VPC route tables for a broad route (such as 172.0.0.0/8) that captures Cloudflare\'s 172.64.0.0/13 range.',
    'Ask the hosting provider for an MTR or traceroute from the origin to a Cloudflare IP that used to connect (take one from the IIS log\'s c-ip column before the outage).',
  ],
  530: [
    'Error 530 means Cloudflare could not resolve the origin host name; the page body names a 1xxx error (such as 1016, origin DNS error) that says which lookup failed.',
    'Check the DNS record Cloudflare proxies: a CNAME to a host name that no longer exists, a deleted tunnel, or a record pointing at another account all give 530. Resolve the target yourself with `Resolve-DnsName <origin-hostname>`.',
  ],
};

interface CloudflareOriginUnreachableFacts {
  /** The Cloudflare code seen first (521, 522, 523, 530), and the others seen ("523, 530"). */
  code: number;
  others?: string;
  count: number;
  rayId?: string;
  iisLogPasted: boolean;
}

export default defineCause<CloudflareOriginUnreachableFacts>({
  id: 'cloudflare-origin-unreachable',
  title: 'Cloudflare could not connect to the origin server',
  family: 'proxy-origin',
  layer: 'cdn',
  clues: {
    'cloudflare.origin-down': 'proves',
    'status.521': 'proves',
    'status.522': 'proves',
    'status.523': 'proves',
  },
  description:
    'Cloudflare could not open a connection to the origin: it was refused (521), timed out (522), had no route (523) or the origin name did not resolve (530). The request never reached IIS.',
  match(evidence) {
    const hits = cloudflareStatusHits(evidence, CODES);
    if (!hits) return undefined;
    const code = hits.codes[0] ?? 522;
    return {
      confidence: boosted(hits.identified ? CONFIDENCE.strong : CONFIDENCE.likely - 0.05, hits.count > 1 ? 0.03 : 0),
      evidence: hits.refs,
      facts: {
        code,
        others: hits.codes.slice(1).join(', ') || undefined,
        count: hits.count,
        rayId: cloudflareRayId(evidence),
        iisLogPasted: hasKind(evidence, 'iis-log'),
      },
    };
  },
  steps({ facts }) {
    const code = facts.code ?? 522;
    const steps = [...(ADVICE[code] ?? ADVICE[522] ?? [])];
    if (facts.others !== undefined) {
      steps.push(`The evidence also shows Cloudflare ${facts.others}: the connection to the origin failed in more than one way, so check the firewall and DNS items for those codes too.`);
    }
    steps.push(
      facts.iisLogPasted === true
        ? 'The origin\'s IIS log will not contain these requests (they never arrived): an IIS log without the failing URLs at the failing minutes confirms it, it does not clear the origin.'
        : 'The origin\'s IIS log will not contain these requests, because they never arrived. Their absence at the failing minutes confirms that the failure is between Cloudflare and IIS.',
    );
    const count = facts.count ?? 1;
    const ray = facts.rayId !== undefined ? `the Ray ID (${facts.rayId}), ` : '';
    steps.push(`When you contact the hosting provider or Cloudflare, give ${ray}the UTC time, the URL and the output of https://<your-domain>/cdn-cgi/trace (${plural(count, 'failing line')} in this evidence).`);
    return steps;
  },
  fix({ facts }) {
    const code = facts.code ?? 522;
    if (code === 530) {
      return { summary: 'Fix the origin DNS record Cloudflare proxies (the 1xxx code on the page names the lookup that failed), so that it resolves to the running origin.' };
    }
    if (code === 523) {
      return { summary: 'Point the Cloudflare DNS record at the origin\'s current public IP and fix the route between Cloudflare and the origin (for AWS, route 172.64.0.0/13 to the Internet Gateway).' };
    }
    return {
      summary:
        code === 521
          ? 'Start the IIS site (and W3SVC/WAS) with a binding on the port Cloudflare uses, and allow every Cloudflare IP range through the origin firewall.'
          : 'Allow every Cloudflare IP range through the origin firewall and security groups (so that SYNs are answered, not dropped), confirm the DNS record points at the current origin IP, and relieve the origin if it is too overloaded to accept connections.',
      language: 'powershell',
      snippet: [
        '# Allow Cloudflare to reach IIS on 443 (ranges from https://www.cloudflare.com/ips-v4 and ips-v6)',
        '$ranges = (Invoke-RestMethod https://www.cloudflare.com/ips-v4) -split "`n" | Where-Object { $_ }',
        'New-NetFirewallRule -DisplayName "Cloudflare to IIS 443" -Direction Inbound -Protocol TCP -LocalPort 443 -RemoteAddress $ranges -Action Allow',
        'Get-Website | Format-Table Name, State, Bindings   # the site must be Started and bound to 443',
      ].join('\n'),
    };
  },
  wants: ['error-page', 'headers', 'iis-log'],
  references: [
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-521/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-523/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-530/',
    'https://www.cloudflare.com/ips/',
  ],
});
