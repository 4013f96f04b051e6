/**
 * 502.3 with ERROR_WINHTTP_CANNOT_CONNECT: ANCM (out-of-process) tried to open a connection to
 * Kestrel on the port it assigned, and nothing accepted it. The process is gone, hung before
 * accepting, or listening somewhere else.
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { hostingModel, refsOf, signals } from './query';
import { failureRefs, gatewayFailure, windowText, win32Label } from './support/gateway-failures';
import { configLineRef } from '../evidence/config-facts';
import { crashEvents, eventName } from './support/crash-events';
import { hostingModelAttribute, inProcessSuggestion } from './support/hosting-model';

const CANNOT_CONNECT = [12029];
/** Environment variables that pin Kestrel's address and so override the port ANCM assigned. */
const PORT_PINNING = ['ASPNETCORE_PORT', 'ASPNETCORE_URLS', 'ASPNETCORE_HTTP_PORTS', 'DOTNET_URLS', 'URLS'];

interface BackendNotListeningFacts {
  count: number;
  /** The IIS log's time window, or '' without a log. */
  window: string;
  /** The crash that took the process away, in words. */
  crash?: string;
  /** An environment variable in <aspNetCore> that pins Kestrel's address, and its value. */
  pinnedName?: string;
  pinnedValue?: string;
  /** The app output says its port was in use. */
  portInUse: boolean;
  inProcess: boolean;
}

export default defineCause<BackendNotListeningFacts>({
  id: 'backend-not-listening',
  title: 'Kestrel was not listening on the port ANCM forwarded to',
  family: 'crash-mid-request',
  layer: 'ancm',
  clues: {
    'win32.12029': 'proves',
    'net.connection-refused': 'supports',
  },
  description:
    'Out of process, ANCM forwards each request to Kestrel on a port it assigned at start. The connection was refused or never answered (ERROR_WINHTTP_CANNOT_CONNECT): the process had exited, was hung before accepting, or was listening on another address.',
  match(evidence) {
    const failure = gatewayFailure(evidence, CANNOT_CONNECT);
    if (!failure) return undefined;
    const base = failure.exact ? CONFIDENCE.likely : failure.paired ? CONFIDENCE.likely - 0.05 : CONFIDENCE.possible;

    const crashes = crashEvents(evidence);
    const pinned = pinnedPort(evidence);
    const portClash = signals(evidence, 'port-in-use');
    const boosts: number[] = [];
    if (failure.paired && (crashes.length > 0 || pinned !== undefined || portClash.length > 0)) boosts.push(CONFIDENCE.strong - base);
    if (hostingModel(evidence) === 'inprocess') boosts.push(-0.25);

    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([
        ...failureRefs(failure),
        ...crashes.map((c) => c.event.ref),
        ...portClash.map((s) => s.ref),
        ...(pinned ? [pinned.ref] : []),
      ]),
      facts: {
        count: failure.logCount || failure.rows.length || failure.codes.length,
        window: windowText(evidence),
        crash: crashes[0] ? eventName(crashes[0].event) : undefined,
        pinnedName: pinned?.name,
        pinnedValue: pinned?.value,
        portInUse: portClash.length > 0,
        inProcess: hostingModel(evidence) === 'inprocess',
      },
    };
  },
  steps({ facts }) {
    const { count, pinnedName, pinnedValue } = facts;
    const steps = [
      `ANCM could not open a connection to Kestrel (Win32 ${win32Label(12029)}) for ${count !== undefined ? `${count} request${count === 1 ? '' : 's'}` : 'the failing requests'}${facts.window ? ` ${facts.window}` : ''}. Nothing was accepting connections on the port ANCM assigned to the app process.`,
    ];
    if (facts.inProcess) {
      steps.push('The pasted web.config says hostingModel="inprocess", where ANCM does not forward over a port at all: check whether this 502.3 came from another proxy (ARR, a URL Rewrite reverse-proxy rule) in front of the app.');
    }
    if (pinnedName && pinnedValue !== undefined) {
      steps.push(
        `The web.config sets ${pinnedName}="${pinnedValue}". ANCM passes its own random port in ASPNETCORE_PORT and forwards there; a fixed address makes Kestrel listen elsewhere (or clash with another app). Remove it and let ANCM choose.`,
      );
    }
    if (facts.portInUse) steps.push('The app output shows "address already in use": Kestrel could not bind its port, so ANCM had nothing to connect to. Look for a second instance or another app on that port (netstat -ano | findstr LISTENING).');
    if (facts.crash) steps.push(`${facts.crash} shows the app process died; requests that arrive before ANCM notices and restarts it get 502.3 with 12029. Fix that crash first.`);
    steps.push(
      'While it fails, check that the app process is alive and listening: "Get-Process dotnet" (or your App.exe), then "netstat -ano | findstr <PID>" must show a LISTENING 127.0.0.1:<port>. A live process with no listener is hung in startup or blocked; take a dump with "procdump -accepteula -ma <PID>".',
      'Read the Application event log for "IIS AspNetCore Module V2" events 1000/1001/1020 (start and port failures) and enable stdout logging to see the last lines Kestrel wrote ("Now listening on: ...").',
      'Rule out software that filters loopback connections (endpoint protection, firewall rules on 127.0.0.1).',
    );
    return steps;
  },
  fix({ evidence, facts }) {
    const { pinnedName, pinnedValue } = facts;
    if (pinnedName && pinnedValue !== undefined) {
      return {
        summary: `Remove the ${pinnedName} environment variable from <aspNetCore> so Kestrel listens on the port ANCM assigns, then recycle the app pool.`,
        language: 'xml',
        snippet: [
          `<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll"${hostingModelAttribute(evidence, 'outofprocess')}>`,
          '  <environmentVariables>',
          `    <!-- removed: <environmentVariable name="${pinnedName}" value="${pinnedValue}" /> -->`,
          '  </environmentVariables>',
          '</aspNetCore>',
        ].join('\n'),
      };
    }
    return {
      summary: [
        'Keep the Kestrel process alive and listening on the port ANCM assigns: fix the crash or hang that takes it away, and do not pin ASPNETCORE_URLS/ASPNETCORE_PORT or call UseUrls() in code when hosted in IIS.',
        inProcessSuggestion(evidence, 'which has no loopback hop'),
      ]
        .filter((s) => s !== '')
        .join(' '),
      language: 'csharp',
      snippet: [
        '// Program.cs: let IIS integration choose the address; no UseUrls()/ListenLocalhost() for IIS hosting',
        'var builder = WebApplication.CreateBuilder(args);',
        '// builder.WebHost.UseUrls("http://localhost:5000"); // remove: it overrides the port ANCM assigned',
        'var app = builder.Build();',
        'app.Run();',
      ].join('\n'),
    };
  },
  wants: ['event-log', 'stdout-log', 'web-config', 'iis-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis',
    'https://github.com/aspnet/IISIntegration/issues/311',
  ],
});

/** The first environment variable in the pasted `<aspNetCore>` that pins Kestrel's address. */
function pinnedPort(evidence: Evidence): { name: string; value: string; ref: EvidenceRef } | undefined {
  for (const config of evidence.webConfigs) {
    const vars = config.aspNetCore?.environmentVariables;
    if (!vars) continue;
    for (const [name, located] of Object.entries(vars)) {
      if (PORT_PINNING.includes(name.toUpperCase())) return { name, value: located.value, ref: configLineRef(config, located.line) };
    }
  }
  return undefined;
}
