/**
 * The app is up, but not where the proxy connects: another port (the .NET 8 container images
 * moved the default from 80 to 8080, so a compose file, nginx upstream or ingress written for 80
 * now targets nothing), or only on loopback (Kestrel bound to localhost inside a container, or on
 * 127.0.0.1 while nginx resolves "localhost" to ::1 first). The proxy's connect is refused and it
 * answers 502 although the app logs that it started. Decided from the clues: the derived
 * `ports-disagree`, and the addresses in "Now listening on:" against the address the proxy dialed.
 */
import type { Evidence } from '../evidence/types';
import { defineCause, type CauseFix } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { anyOf, clue, clueRefs, clueValues, linesSay } from './support/clue-query';
import { portOf } from '../evidence/clues/derived';

type Kind = 'port' | 'loopback' | 'ipv6' | 'default-port';

/** Clues whose values are the address a proxy was refused at. */
const REFUSED = ['nginx.connect-refused', 'net.connection-refused'];
const GATEWAYS: readonly (readonly [string, readonly string[]])[] = [
  ['nginx', ['nginx.connect-refused', 'nginx.no-live-upstreams', 'nginx.page']],
  ['YARP', ['yarp.forwarder-error', 'yarp.destination']],
  ['Ocelot', ['ocelot.downstream-error']],
  ['Traefik', ['traefik.bad-gateway']],
  ['Envoy', ['envoy.upstream-failure']],
];
/** .NET gateways log their own "Now listening on:" line: it may be the gateway's port, not the app's. */
const DOTNET_GATEWAYS = ['yarp.forwarder-error', 'yarp.destination', 'ocelot.downstream-error'];

/** The host of `http://[::1]:5000/x`, `172.18.0.3:80`, `api:8080` (brackets kept for IPv6). */
function hostOf(address: string): string {
  let rest = address.trim();
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  const slash = rest.indexOf('/');
  if (slash >= 0) rest = rest.slice(0, slash);
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    return close < 0 ? rest : rest.slice(0, close + 1);
  }
  const colon = rest.lastIndexOf(':');
  return (colon < 0 ? rest : rest.slice(0, colon)).toLowerCase();
}

/** A host worth comparing: a name, an IPv4 or a bracketed IPv6 (Node's "ECONNREFUSED ::1:5000" leaves a bare "1"). */
const isHost = (host: string): boolean => /[a-z.[]/i.test(host);
const isV4Loopback = (host: string): boolean => host.startsWith('127.');
const isV6Loopback = (host: string): boolean => host === '[::1]' || host === '::1';
const isLoopback = (host: string): boolean => host === 'localhost' || isV4Loopback(host) || isV6Loopback(host);

interface AppListensElsewhereFacts {
  /** How the addresses disagree: another port, loopback only, the other loopback family, or the .NET 8 default port. */
  kind: Kind;
  /** The proxy the evidence names (one of GATEWAYS). */
  gateway?: string;
  /** A .NET gateway is in the paste, so the "Now listening on:" line may be its own. */
  ownListenLine: boolean;
  /** The app's "Now listening on:" address and port; the address the proxy was refused at, and its port. */
  listen?: string;
  appPort?: string;
  target?: string;
  targetPort?: string;
  /** The app listens on 8080 and the proxy targets 80: the .NET 8 image default changed. */
  dotnet8?: boolean;
  /** The major version of the .NET image the evidence names. */
  major?: number;
}

/** What disagreement() reads on each side: the addresses and ports. */
type Addresses = Pick<AppListensElsewhereFacts, 'listen' | 'appPort' | 'target' | 'targetPort' | 'dotnet8' | 'major'>;

/** The major version of a .NET image tag the evidence names (`aspnet:8.0-jammy-chiseled` → 8). */
function imageMajor(evidence: Evidence): number | undefined {
  // The runtime image decides the default port, not the SDK image of a build stage.
  const images = clueValues(evidence, ['container.context']).filter((v) => !v.startsWith('sdk:'));
  for (const image of images) {
    const colon = image.lastIndexOf(':');
    const major = colon < 0 ? NaN : Number.parseInt(image.slice(colon + 1), 10);
    if (Number.isFinite(major)) return major;
  }
  return undefined;
}

/** What the evidence shows about the disagreement, or undefined when it shows none. */
function disagreement(evidence: Evidence): { kind: Kind; facts: Addresses } | undefined {
  const listening = clueValues(evidence, ['hosting.listening']);
  const refused = clueValues(evidence, REFUSED);
  const ports = clue(evidence, 'ports-disagree')?.values[0];
  if (ports) {
    // "listens 8080; targeted 80"
    const [listens, targeted] = ports.replace('listens ', '').split('; targeted ');
    const appPort = listens?.split('/')[0];
    const targetPort = targeted?.split('/')[0];
    return {
      kind: 'port',
      facts: {
        appPort,
        targetPort,
        listen: listening.find((l) => portOf(l) === appPort) ?? listening[0],
        target: refused.find((r) => portOf(r) === targetPort),
        dotnet8: appPort === '8080' && targetPort === '80',
      },
    };
  }
  // No listening line, but a .NET 8+ image, a refusal, and no port setting of its own: the 8080 default.
  const major = imageMajor(evidence);
  if (listening.length === 0 && major !== undefined && major >= 8 && anyOf(evidence, REFUSED) && !anyOf(evidence, ['hosting.port-config'])) {
    const target = refused.find((r) => portOf(r) !== '8080');
    if (refused.length === 0 || target) return { kind: 'default-port', facts: { appPort: '8080', targetPort: target ? portOf(target) : undefined, target, major } };
  }
  if (listening.length === 0 || refused.length === 0) return undefined;
  const listenHosts = listening.map(hostOf);
  if (!listenHosts.every(isLoopback)) return undefined;
  const samePort = (r: string): boolean => listening.some((l) => portOf(l) === portOf(r));
  // Kestrel on loopback only, and the proxy dialing the container's or host's own address.
  const outside = refused.find((r) => isHost(hostOf(r)) && !isLoopback(hostOf(r)) && samePort(r));
  if (outside) return { kind: 'loopback', facts: { listen: listening[0], target: outside, appPort: portOf(listening[0]!) } };
  // One loopback family only: 127.0.0.1 while "localhost" resolved to ::1 first, or the reverse.
  const v4Only = listenHosts.every(isV4Loopback);
  const v6Only = listenHosts.every(isV6Loopback);
  const v6Refused = linesSay(clueRefs(evidence, REFUSED), ['::1]:', ' ::1:', '[::1]']);
  const crossed = refused.find((r) => samePort(r) && ((v4Only && (isV6Loopback(hostOf(r)) || (v6Refused && !isHost(hostOf(r))))) || (v6Only && isV4Loopback(hostOf(r)))));
  if (crossed) {
    const listen = listening.find((l) => portOf(l) === portOf(crossed));
    return { kind: 'ipv6', facts: { listen, target: isHost(hostOf(crossed)) ? crossed : `[::1]:${portOf(crossed) ?? ''}`, appPort: portOf(crossed) } };
  }
  return undefined;
}

export default defineCause<AppListensElsewhereFacts>({
  id: 'app-listens-elsewhere',
  title: 'The proxy connects to a port or address where the app does not listen',
  family: 'proxy-origin',
  layer: 'reverse-proxy',
  clues: {
    // What sets it apart from "the app is down": the app says it listens, somewhere else.
    // The app says where it listens and the proxy where it dials, and they differ: nothing else reads so.
    'ports-disagree': 'proves',
    'hosting.listening-localhost': 'supports',
    'nginx.connect-refused': 'supports',
    'net.connection-refused': 'supports',
    'container.context': 'hints',
    // A move to .NET 8+, whose images listen on 8080: the commonest way a healthy app ends up elsewhere.
    'narrative.dotnet8-move': 'supports',
  },
  description:
    'The app started and listens, but on another port (8080, the .NET 8+ container default, while the proxy still targets 80) or only on loopback, so the proxy\'s connection is refused and it answers 502.',
  match(evidence) {
    const found = disagreement(evidence);
    if (!found) return undefined;
    const gateway = GATEWAYS.find(([, ids]) => anyOf(evidence, ids))?.[0];
    const container = anyOf(evidence, ['container.context', 'container.port-mismatch']);
    // With a .NET gateway in the paste the listening line may be the gateway's own: a strong hint only.
    const ownListenLine = found.kind === 'port' && anyOf(evidence, DOTNET_GATEWAYS);
    const base = found.kind === 'default-port' ? CONFIDENCE.likely - 0.15 : ownListenLine ? CONFIDENCE.likely : CONFIDENCE.strong;
    // Refused at an address the app says it does not listen on: near proof, beyond "the app was down".
    const proof = found.kind === 'default-port' ? found.facts.targetPort === '80' : found.facts.dotnet8 === true || found.kind !== 'port' || container;
    const confidence = boosted(base, proof ? 0.1 : 0.05);
    return {
      confidence,
      evidence: clueRefs(evidence, ['ports-disagree', ...REFUSED, 'hosting.listening', 'container.port-mismatch']).slice(0, 8),
      facts: { kind: found.kind, gateway, ownListenLine, ...found.facts },
    };
  },
  steps({ facts }) {
    const who = facts.gateway ?? 'The proxy';
    const whoMid = facts.gateway ?? 'the proxy';
    const listen = facts.listen ?? 'a loopback address';
    const target = facts.target ?? 'the address it is configured with';
    const appPort = facts.appPort ?? '<app-port>';
    const targetPort = facts.targetPort ?? '<proxy-port>';
    const steps: string[] = [];
    if (facts.kind === 'loopback') {
      steps.push(
        `The app listens on ${listen}, a loopback address only, and ${whoMid} connects to ${target}: a connection to the container's or host's own address is refused, because nothing listens there. Inside a container, localhost is the container itself.`,
        'Find what pins localhost: ASPNETCORE_URLS / --urls / "Urls" in appsettings.json, UseUrls(...) or ListenLocalhost(...) in Program.cs, or a launchSettings.json profile copied into the image. Bind to every interface instead (http://+:<port> or 0.0.0.0).',
      );
    } else if (facts.kind === 'ipv6') {
      steps.push(
        `${who} connected to ${target}, but the app listens on ${listen} only. A proxy_pass or destination naming "localhost" resolves to ::1 and 127.0.0.1, and the IPv6 address is tried first; Kestrel bound to one loopback family refuses the other.`,
        'Name the address the app binds (proxy_pass http://127.0.0.1:<port>), or let Kestrel bind "localhost", which listens on both 127.0.0.1 and [::1].',
      );
    } else if (facts.kind === 'default-port') {
      const major = facts.major !== undefined ? `.NET ${facts.major}` : '.NET 8+';
      steps.push(
        `The app runs from a ${major} ASP.NET Core image, which listens on 8080 unless told otherwise (ASPNETCORE_HTTP_PORTS=8080), and ${whoMid}'s connection was refused${facts.target !== undefined ? ` at ${facts.target}` : ''}. Images before .NET 8 listened on 80: a target port, ingress, probe or WEBSITES_PORT still set to 80 now points at nothing.`,
        'Confirm with the app\'s first log lines: "Now listening on: http://[::]:8080". If it says 8080, move the proxy (or the ingress target port and probes) to 8080, or set ASPNETCORE_HTTP_PORTS to the port the platform targets.',
      );
    } else {
      steps.push(
        `The app listens on port ${appPort}${facts.listen !== undefined ? ` ("Now listening on: ${facts.listen}")` : ''}, but ${whoMid} sends requests to port ${targetPort}${facts.target !== undefined ? ` (${facts.target})` : ''}. Nothing listens there, so the connection is refused and the proxy answers 502.`,
      );
      if (facts.dotnet8 === true) {
        steps.push('Since .NET 8 the official ASP.NET Core images listen on 8080 (ASPNETCORE_HTTP_PORTS=8080); earlier images used 80. A compose port mapping, nginx upstream, ingress targetPort or App Service WEBSITES_PORT written for 80 now points at nothing.');
      }
      if (facts.ownListenLine === true) steps.push('The gateway in this paste is a .NET app too: make sure the "Now listening on:" line is the backend service\'s, not the gateway\'s own, before changing ports.');
      steps.push(
        `Either point the proxy at ${appPort}, or make the app listen on ${targetPort}: ASPNETCORE_HTTP_PORTS=${targetPort} (.NET 8+) or ASPNETCORE_URLS=http://+:${targetPort}. Ports below 1024 need root: an image that runs as the non-root "app" user (USER app / $APP_UID) cannot bind 80.`,
      );
    }
    steps.push(
      'Check from where the proxy runs, not from your machine: `docker compose exec <proxy> wget -qO- http://<service>:<port>/` (or curl), and `docker network inspect <network>`: the proxy and the app must share a user-defined network, and the proxy must use the service name, not localhost.',
    );
    return steps;
  },
  fix({ facts }): CauseFix {
    if (facts.kind === 'loopback') {
      const port = facts.appPort ?? '8080';
      return {
        summary: 'Bind Kestrel to every interface, not to localhost, so the proxy can reach it from outside the container or host.',
        language: 'text',
        snippet: ['# Dockerfile (or the service environment): listen on all interfaces', `ENV ASPNETCORE_URLS=http://+:${port}`, '# and remove UseUrls("http://localhost:...") / ListenLocalhost(...) from Program.cs'].join('\n'),
      };
    }
    if (facts.kind === 'ipv6') {
      const port = facts.appPort ?? '5000';
      return { summary: 'Proxy to the exact loopback address Kestrel binds (or bind Kestrel to "localhost", which covers both families).', language: 'nginx', snippet: `proxy_pass http://127.0.0.1:${port};` };
    }
    const appPort = facts.appPort ?? '8080';
    const targetPort = facts.targetPort ?? '80';
    return {
      summary: `Make both sides name the same port: send the proxy to ${appPort}, or set the app's port to ${targetPort} explicitly.`,
      language: 'text',
      snippet: [
        '# docker-compose.yml',
        'services:',
        '  api:',
        '    image: myorg/api:latest',
        '    environment:',
        `      - ASPNETCORE_HTTP_PORTS=${appPort}   # say the port explicitly (8080 is the .NET 8+ image default)`,
        '    networks: [web]',
        '  proxy:',
        '    image: nginx:stable',
        '    ports: ["80:80"]',
        '    networks: [web]',
        `    # nginx.conf: proxy_pass http://api:${appPort};   (not :${targetPort})`,
        'networks:',
        '  web: {}',
      ].join('\n'),
    };
  },
  wants: ['stdout-log', 'proxy-log'],
  references: [
    'https://learn.microsoft.com/dotnet/core/compatibility/containers/8.0/aspnet-port',
    'https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints',
    'https://github.com/dotnet/dotnet-docker/blob/main/samples/aspnetapp/README.md',
    'https://docs.docker.com/compose/how-tos/networking/',
  ],
});
