/**
 * Out-of-process Kestrel could not listen on the port ANCM handed it: the port was taken, or the app
 * was told to listen elsewhere (a fixed ASPNETCORE_PORT / ASPNETCORE_URLS, UseUrls, Kestrel.Listen).
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, refsOf, signals } from './query';
import { ancmEvents, configRef, dllNameOf, environmentVariable, quoted, startupContext } from './support/ancm-evidence';
import { hostingModelAttribute, inProcessSuggestion } from './support/hosting-model';

/** Environment variables that pin the address Kestrel listens on, in the order they matter. */
const FIXED_PORT_VARIABLES = ['ASPNETCORE_PORT', 'ASPNETCORE_URLS', 'ASPNETCORE_HTTP_PORTS', 'URLS'];

interface PortInUseFacts {
  /** The address Kestrel failed to bind. */
  address?: string;
  /** The port ANCM waited on, and the range it drew it from, as its event quotes them. */
  port?: string;
  range?: string;
  /** The environment variable in web.config that pins Kestrel's port or URLs, and its value. */
  variable?: string;
  value?: string;
  /** The app's DLL, from the arguments attribute or ANCM's command line. */
  dll?: string;
}

export default defineCause<PortInUseFacts>({
  id: 'port-in-use',
  title: 'Kestrel could not listen on the port ANCM assigned',
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    'kestrel.bind-failed': 'proves',
    'ancm.wrong-port': 'strong',
    'net.address-in-use': 'supports',
    'ancm.port-setup-failed': 'supports',
  },
  description:
    'Out-of-process, ANCM picks a free port, passes it in ASPNETCORE_PORT and waits for Kestrel to listen there. A port already in use, or an app pinned to another address, means it never answers and requests fail with 502.5.',
  match(evidence) {
    const bind = signals(evidence, 'port-in-use');
    const choose = ancmEvents(evidence, [1001], ['failed to choose listen port']);
    const noListen = ancmEvents(evidence, [1000], ['but failed to listen on the given port', 'did not listen on the given port']);
    const fixed = FIXED_PORT_VARIABLES.map((name) => ({ name, found: environmentVariable(evidence, name) })).find((v) => v.found !== undefined);
    const context = startupContext(evidence);
    if (bind.length === 0 && choose.length === 0 && noListen.length === 0 && !(fixed && context)) return undefined;

    let confidence: number;
    if (choose.length > 0) confidence = boosted(CONFIDENCE.strong, 0.05, fixed ? 0.05 : 0);
    else if (bind.length > 0) confidence = boosted(CONFIDENCE.likely, 0.05, context ? 0.15 : 0, fixed ? 0.1 : 0);
    else if (noListen.length > 0) confidence = boosted(CONFIDENCE.possible, 0.1, fixed ? 0.3 : 0);
    else confidence = boosted(CONFIDENCE.possible, 0.05); // a pinned port beside a startup failure

    const refs: EvidenceRef[] = [...choose.map((e) => e.messageRef), ...bind.map((s) => s.ref), ...noListen.map((e) => e.messageRef)];
    const fixedRef = fixed?.found ? configRef(evidence, fixed.found.source, fixed.found.line) : undefined;
    if (fixedRef) refs.push(fixedRef);
    if (refs.length === 0) return undefined;
    const message = (choose[0] ?? noListen[0])?.message ?? '';
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        address: bind[0]?.data.address,
        port: quoted(message, "listen port '") ?? quoted(message, "given port '"),
        range: quoted(message, "given port range '"),
        variable: fixed?.name,
        value: fixed?.found?.value,
        dll: dllNameOf(aspNetCoreAttribute(evidence, 'arguments')?.value) ?? dllNameOf(quoted(message, "commandline '")),
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.variable !== undefined) {
      steps.push(`web.config sets ${facts.variable}=${facts.value ?? '...'} for the app. ANCM sets ASPNETCORE_PORT itself (a random free port per start) and waits for Kestrel there; a fixed value collides when two processes overlap during a recycle, or points Kestrel somewhere ANCM is not waiting.`);
    }
    if (facts.address !== undefined) {
      steps.push(`Kestrel failed to bind ${facts.address}. Find the owner of the port on the server: \`Get-NetTCPConnection -LocalPort <port> -State Listen | Select-Object OwningProcess\` then \`Get-Process -Id <pid>\` (or \`netstat -ano | findstr :<port>\`).`);
    }
    if (facts.port !== undefined) {
      steps.push(`ANCM waited on port ${facts.port}${facts.range !== undefined ? ` (range ${facts.range})` : ''}. If the stdout log shows "Now listening on:" another address, the app overrides the URL: look for UseUrls(...), ConfigureKestrel/Listen(...) or a "Kestrel:Endpoints"/"urls" entry in appsettings.json.`);
    }
    steps.push('Several out-of-process apps starting at the same moment can draw the same port (an old ANCM race, aspnet/IISIntegration#1124): update the Hosting Bundle (ANCM V2 retries with a new port) and check the 1000 events for the retry counter.');
    steps.push('Check what else listens on the loopback ports and the dynamic range: `netsh int ipv4 show dynamicport tcp` and `netsh int ipv4 show excludedportrange protocol=tcp` (Hyper-V/WinNAT can reserve blocks).');
    return steps;
  },
  fix({ evidence, facts }) {
    const pinned = facts.variable !== undefined;
    const variable = facts.variable ?? 'ASPNETCORE_PORT';
    const dll = facts.dll ?? 'YourApp.dll';
    const switchTo = inProcessSuggestion(evidence, 'which uses no port at all');
    const inProcess = switchTo ? ` ${switchTo}` : '';
    return {
      summary: pinned
        ? `Let ANCM choose the port: remove the ${variable} environment variable from web.config, and remove hard-coded UseUrls/Listen calls for the IIS case.${inProcess}`
        : `Let ANCM choose the port: make sure nothing pins Kestrel's address (no ASPNETCORE_PORT/ASPNETCORE_URLS in web.config, no UseUrls/Listen in code for the IIS case), and update the Hosting Bundle so ANCM retries a clashing port.${inProcess}`,
      snippet: `<aspNetCore processPath="dotnet" arguments=".\\${dll}"${hostingModelAttribute(evidence, 'outofprocess')}>\n  <environmentVariables>\n    <!-- removed: <environmentVariable name="${variable}" value="..." /> -->\n    <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />\n  </environmentVariables>\n</aspNetCore>`,
      language: 'xml',
    };
  },
  wants: ['event-log', 'stdout-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#set-environment-variables',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/out-of-process-hosting',
    'https://github.com/aspnet/IISIntegration/issues/1124',
  ],
});
