/**
 * The shared framework the app targets (Microsoft.NETCore.App / Microsoft.AspNetCore.App at a given
 * version) is not installed on the server: 500.31 in-process, 502.5 out-of-process.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { codes, refsOf, signals } from './query';
import { ancmEvents, eventHolding, eventsWithText, findStatus, linesWithText, seen } from './support/ancm-evidence';

/** Host messages that say "framework not found" in the wordings of .NET Core 2.x to .NET 9. */
const HOST_TEXTS = ['It was not possible to find any compatible framework version', 'You must install or update .NET', 'was not found.\n  - The following frameworks were found', 'No frameworks were found'];

interface MissingDotnetRuntimeFacts {
  /** The shared framework the app asks for (Microsoft.NETCore.App, Microsoft.AspNetCore.App) and its version. */
  framework?: string;
  version?: string;
  /** The architecture of the runtime it looked for: x86, x64 or arm64. */
  architecture?: string;
  /** The versions the host found installed, comma-separated. */
  installed?: string;
}

export default defineCause<MissingDotnetRuntimeFacts>({
  id: 'missing-dotnet-runtime',
  title: 'The .NET runtime version the app targets is not installed on the server',
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    'ancm.framework-missing': 'proves',
    'dotnet.framework-missing': 'strong',
    'status.500.31': 'proves',
  },
  description:
    'The app was built for a shared framework version (Microsoft.NETCore.App / Microsoft.AspNetCore.App) that the server does not have, so the .NET host refuses to start it: 500.31 in-process, 502.5 out-of-process.',
  match(evidence) {
    const missing = signals(evidence, 'framework-missing');
    const page = findStatus(evidence, 500, 31);
    const dependencies = ancmEvents(evidence, [1027], ['Unable to locate application dependencies']);
    const hostEvents = missing.length === 0 ? eventsWithText(evidence, HOST_TEXTS) : [];
    const hostLines = missing.length === 0 && hostEvents.length === 0 ? linesWithText(evidence, HOST_TEXTS) : [];
    const unexpected = ancmEvents(evidence, [1010]).length > 0 ? codes(evidence, '0x8000FFFF') : [];
    if (missing.length === 0 && !seen(page) && dependencies.length === 0 && hostEvents.length === 0 && hostLines.length === 0 && unexpected.length === 0) return undefined;

    const startFailure = seen(findStatus(evidence, 502, 5)) || seen(findStatus(evidence, 500, 30)) || seen(findStatus(evidence, 500, 0)) || ancmEvents(evidence, [1000, 1010, 1020, 1007, 1035]).length > 0;
    let confidence: number;
    if (missing.length > 0 || hostEvents.length > 0 || hostLines.length > 0) confidence = boosted(CONFIDENCE.strong, startFailure || seen(page) ? 0.1 : 0, dependencies.length > 0 ? 0.05 : 0);
    else if (dependencies.length > 0) confidence = boosted(CONFIDENCE.strong, page.direct ? 0.1 : 0);
    else if (page.direct) confidence = CONFIDENCE.strong;
    else if (seen(page)) confidence = boosted(CONFIDENCE.likely, -0.05);
    else confidence = CONFIDENCE.possible; // 0x8000FFFF with 1010 alone: the documented code, but not only for this.

    const withData = missing.find((s) => s.data.version !== undefined) ?? missing[0];
    const holder = withData ? eventHolding(withData, evidence.events) : hostEvents[0];
    const context = holder?.message ?? withData?.ref.text ?? '';
    const framework = withData?.data.framework ?? between(context, "framework '", "'");
    const version = withData?.data.version ?? between(context, "version '", "'");
    const refs: EvidenceRef[] = [
      ...missing.map((s) => s.ref),
      ...hostEvents.map((e) => e.messageRef),
      ...hostLines,
      ...page.refs.slice(0, 2),
      ...dependencies.map((e) => e.messageRef),
      ...unexpected.map((c) => c.ref),
    ];
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        framework,
        version,
        architecture: architectureOf(context),
        installed: installedVersions(context),
      },
    };
  },
  steps({ facts }) {
    const framework = facts.framework ?? 'Microsoft.AspNetCore.App';
    const { version } = facts;
    const wanted = version ? `${framework} ${version}` : `the ${framework} version the app targets`;
    const steps: string[] = [];
    steps.push(`The app asks for ${wanted}${facts.architecture !== undefined ? ` (${facts.architecture})` : ''}, and the server does not have it.`);
    if (facts.installed !== undefined) {
      steps.push(`Installed on the server: ${facts.installed}. A runtime only rolls forward to a newer patch of the same major.minor, never across major versions.`);
    }
    steps.push('List what the server really has: `dotnet --list-runtimes` in a console on the server (look for both Microsoft.NETCore.App and Microsoft.AspNetCore.App lines), and compare with "includedFrameworks"/"framework" in the app\'s <App>.runtimeconfig.json.');
    steps.push('"It works with dotnet run": the development machine has the SDK, which brings every runtime it builds for; the server only has what a Hosting Bundle or runtime installer put there.');
    if (facts.architecture === 'x86') {
      steps.push('The app runs as 32-bit (x86): it needs the x86 runtime under C:\\Program Files (x86)\\dotnet. The Hosting Bundle installs both x64 and x86 runtimes; a plain x64 runtime installer does not.');
    }
    steps.push('After installing, restart IIS so the worker sees the new runtime and PATH: `net stop was /y` then `net start w3svc` (an app pool recycle is not enough).');
    return steps;
  },
  fix({ facts }) {
    const { version } = facts;
    const majorMinor = version ? /^(\d+\.\d+)/.exec(version)?.[1] : undefined;
    const page = majorMinor ? `https://dotnet.microsoft.com/download/dotnet/${majorMinor}` : 'https://dotnet.microsoft.com/download/dotnet';
    const old = majorMinor !== undefined && Number(majorMinor.split('.')[0]) < 8;
    return {
      summary: `Install the ASP.NET Core Hosting Bundle for ${majorMinor ? `.NET ${majorMinor}` : 'the version the app targets'} on the server (${page}), then restart IIS.${old ? ' That version is out of support: retargeting the app to a supported .NET is the lasting fix.' : ''} Alternatively publish the app self-contained so it carries its own runtime.`,
      snippet: `# On the server, as administrator, after running the Hosting Bundle installer:\ndotnet --list-runtimes\nnet stop was /y\nnet start w3svc`,
      language: 'powershell',
    };
  },
  wants: ['event-log', 'stdout-log', 'error-page'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50031-ancm-failed-to-find-native-dependencies',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/hosting-bundle',
    'https://learn.microsoft.com/dotnet/core/versions/selection#framework-dependent-apps-roll-forward',
  ],
});

/** Text between two markers, or undefined; bounded so a 30 KB message costs one scan. */
function between(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(open);
  if (start < 0) return undefined;
  const from = start + open.length;
  const end = text.indexOf(close, from);
  if (end < 0 || end - from > 100) return undefined;
  return text.slice(from, end);
}

/** `(x64)` / `(x86)` / `(arm64)` after the requested version, or `Architecture: x64`. */
function architectureOf(text: string): string | undefined {
  for (const arch of ['x86', 'x64', 'arm64']) {
    if (text.includes(`(${arch})`) || text.includes(`Architecture: ${arch}`)) return arch;
  }
  return undefined;
}

/** The versions listed under "The following frameworks were found:" (`6.0.0 at [C:\...]`). */
function installedVersions(text: string): string | undefined {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s+(\d+\.\d+\.\d+[-.\w]*) at \[/.exec(line);
    if (m?.[1] && !found.includes(m[1])) found.push(m[1]);
    if (found.length >= 8) break;
  }
  return found.length > 0 ? found.join(', ') : undefined;
}
