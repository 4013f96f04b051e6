/**
 * 502.3 with a broken connection: ANCM had forwarded the request to Kestrel and the connection
 * went away before the response was complete. Something ended the app process (a crash, a
 * recycle, a kill) or closed the socket under the request.
 */
import { defineCause } from './define-cause';
import { CLOSED_CONNECTION_CLUES } from './support/closed-connection-clues';
import { CONFIDENCE, boosted } from './confidence';
import { hostingModel, refsOf } from './query';
import { failureRefs, windowText, win32Label } from './support/gateway-failures';
import { brokenConnection, crashEvents, eventName, processDeathSignals, recycleEvents } from './support/crash-events';

/** WinHTTP's own codes are unambiguous about a dropped connection; the generic Win32 ones less so without a 502.3. */
const WINHTTP_RESET = [12030, 12031];

interface BackendConnectionResetFacts {
  /** The connection error seen most often (12030, 12031, 64, 1229, 1236). */
  win32: number;
  count: number;
  /** The IIS log's time window, or '' without a log. */
  window: string;
  url?: string;
  /** The crash that ended the process, in words. */
  crash?: string;
  /** A recycle event, as "WAS 5074". */
  recycle?: string;
  /** The code sits on a 502.3. */
  paired: boolean;
  inProcess: boolean;
}

export default defineCause<BackendConnectionResetFacts>({
  id: 'backend-connection-reset',
  title: 'The app process dropped the connection mid-request (crash, recycle or kill)',
  family: 'crash-mid-request',
  layer: 'ancm',
  clues: {
    'win32.12030': 'strong',
    'win32.12031': 'strong',
    'win32.64': 'strong',
    'win32.1229': 'strong',
    'win32.1236': 'supports',
    'nginx.premature-close': 'supports',
    'nginx.reset-by-peer': 'supports',
    'net.connection-reset': 'supports',
    'appgw.upstream-closed': 'supports',
    ...CLOSED_CONNECTION_CLUES,
    'alb.target-failed': 'supports',
    // Explaining away: a crash or a recycle at the same time is what broke the connections, and
    // its own cause says what to fix.
    'dotnet.crash-event': 'against',
    'dotnet.unhandled-exception': 'against',
    'dotnet.faulting-app': 'against',
    'was.worker-crashed': 'against',
    'was.recycle': 'against',
  },
  description:
    'ANCM forwarded the request to the Kestrel process, and the connection broke before the response was complete (502.3 with a connection error). Something ended the process or closed the socket while the request was running.',
  match(evidence) {
    const failure = brokenConnection(evidence);
    if (!failure) return undefined;
    let base: number;
    if (failure.exact) base = CONFIDENCE.likely;
    else if (failure.paired) base = CONFIDENCE.likely - 0.05;
    else base = WINHTTP_RESET.includes(failure.win32) ? CONFIDENCE.possible : CONFIDENCE.possible - 0.1;

    const crashes = crashEvents(evidence);
    const deaths = processDeathSignals(evidence);
    const recycles = recycleEvents(evidence);
    // A process death at the same time confirms the broken connection. The crash itself (stack
    // overflow, exception, native fault, worker death) is the root and this cause the mechanism,
    // so stay just below the crash causes, which reach strong with the same corroboration.
    const boosts: number[] = [];
    if (failure.paired && (crashes.length > 0 || deaths.length > 0)) boosts.push(CONFIDENCE.strong - 0.05 - base);
    else if (crashes.length > 0 || deaths.length > 0) boosts.push(0.1);
    if (recycles.length > 0) boosts.push(0.05);
    if (failure.logCount >= 10) boosts.push(0.03);

    const count = failure.logCount || failure.rows.length || failure.codes.length;
    const firstCrash = crashes[0];
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...failureRefs(failure), ...crashes.map((c) => c.event.ref), ...deaths, ...recycles.map((r) => r.ref)]),
      facts: {
        win32: failure.win32,
        count,
        window: windowText(evidence),
        url: failure.urls[0],
        crash: firstCrash ? eventName(firstCrash.event) : deaths.length > 0 ? 'a fatal exception in the app output' : undefined,
        recycle: recycles[0] ? `${recycles[0].provider} ${recycles[0].id}` : undefined,
        paired: failure.paired,
        inProcess: hostingModel(evidence) === 'inprocess',
      },
    };
  },
  steps({ facts }) {
    const code = facts.win32 !== undefined ? win32Label(facts.win32) : undefined;
    const count = facts.count ?? 0;
    const when = facts.window ? ` (${facts.window})` : '';
    const where = facts.url ? `, for example ${facts.url}` : '';
    const steps = [
      facts.paired && code !== undefined
        ? `ANCM lost its connection to the app while ${count} request${count === 1 ? ' was' : 's were'} in flight${where}${when}: Win32 ${code}. The request itself is not the problem; whatever ended the process or the socket at that moment is.`
        : code !== undefined
          ? `The code ${code} means the connection between the gateway and the app broke mid-request. Confirm it is a 502.3 in the IIS log (sc-status 502, sc-substatus 3, that sc-win32-status) for the failing URL.`
          : 'A connection error in sc-win32-status (12030 ERROR_WINHTTP_CONNECTION_ERROR, 12031 ERROR_INTERNET_CONNECTION_RESET, 64 ERROR_NETNAME_DELETED, 1229 or 1236) means the connection between the gateway and the app broke mid-request. Confirm it is a 502.3 in the IIS log (sc-status 502, sc-substatus 3, one of those codes in sc-win32-status) for the failing URL.',
    ];
    if (facts.crash) {
      steps.push(`The evidence has ${facts.crash}: the app process died. Treat that crash as the root cause (see the crash cause listed with this diagnosis) and line up its time with the 502.3 rows.`);
    } else {
      steps.push(
        "Look for a process death at the same minute: Event Viewer > Windows Logs > Application, sources '.NET Runtime' (1026), 'Application Error' (1000), 'IIS AspNetCore Module V2'; and Windows Logs > System, source 'WAS' (5009 crashed, 5011, 5074-5081/5117 recycles). The PowerShell in the fix lists them.",
      );
    }
    if (facts.recycle) {
      steps.push(`${facts.recycle} shows the worker was recycled or shut down: requests still running when it stops are cut off. Check the pool's recycling settings (see the recycle cause) and compare the times.`);
    }
    steps.push(
      'Enable stdout logging (stdoutLogEnabled="true", stdoutLogFile=".\\logs\\stdout") until it happens again: the last lines before the process exits usually name the exception. Turn it off afterwards.',
      `To catch a crash that leaves no event, run "procdump -accepteula -ma -e -t <PID> C:\\dumps" on the ${facts.inProcess ? 'w3wp.exe' : 'dotnet.exe (or your App.exe)'} process (find the PID with "Get-Process dotnet, w3wp"): -e writes a dump on an unhandled exception, -t when the process ends.`,
      'If no process died: check for something killing dotnet.exe (deployment scripts, antivirus, job objects), app_offline.htm deployments, and update the ASP.NET Core Hosting Bundle; early ANCM versions dropped loopback connections (aspnet/IISIntegration#201).',
    );
    return steps;
  },
  fix({ facts }) {
    return {
      summary: facts.crash
        ? `Fix the crash behind ${facts.crash}; the 502.3 connection errors stop when the process stops dying mid-request.`
        : 'Find what ends the app process or its connection mid-request (crash, recycle, external kill) and remove it; the 502.3 is only the symptom. Keep the Hosting Bundle current.',
      language: 'powershell',
      snippet: [
        '# Process deaths and recycles of the last day, oldest first',
        "$since = (Get-Date).AddDays(-1)",
        "Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = '.NET Runtime', 'Application Error', 'IIS AspNetCore Module V2'; StartTime = $since } |",
        '  Sort-Object TimeCreated | Format-List TimeCreated, ProviderName, Id, Message',
        "Get-WinEvent -FilterHashtable @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WAS'; StartTime = $since } |",
        '  Sort-Object TimeCreated | Format-List TimeCreated, Id, Message',
      ].join('\n'),
    };
  },
  wants: ['event-log', 'iis-log', 'stdout-log', 'freb'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    'https://github.com/aspnet/IISIntegration/issues/201',
    'https://github.com/aspnet/AspNetCoreModule/issues/235',
  ],
});
