/**
 * ANCM itself could not load the piece that runs the app: its in-process or out-of-process request
 * handler DLL (broken Hosting Bundle), hostfxr, the app's reference to Microsoft.AspNetCore.App
 * (500.33), or the app's .dll next to a single-file .exe (500.38).
 */
import type { Evidence, EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, codes, refsOf, signals } from './query';
import { ancmEvents, findStatus, linesWithText, quoted, seen } from './support/ancm-evidence';

type Variant = 'inprocess-handler' | 'outofprocess-handler' | 'app-not-referenced' | 'single-file' | 'hostfxr';

const TITLES: Record<Variant, string> = {
  'inprocess-handler': 'ANCM In-Process Handler Load Failure (500.0)',
  'outofprocess-handler': 'ANCM Out-Of-Process Handler Load Failure (500.36 / 500.0)',
  'app-not-referenced': 'ANCM Request Handler Load Failure (500.33)',
  'single-file': 'ANCM Application DLL Not Found (500.38)',
  hostfxr: 'hostfxr could not be found or loaded',
};

interface HandlerLoadFailureFacts {
  /** What ANCM failed to load (TITLES says it in the words of its error page). */
  variant: Variant;
  /** The assembly an ANCM event says it could not find. */
  assembly?: string;
  /** The shared framework itself is missing (another cause's answer). */
  frameworkMissing: boolean;
  /** A single-file publish: the app's DLL and .exe as ANCM's event and processPath name them. */
  appDll?: string;
  appExe?: string;
}

/** The file name at the end of a Windows or Unix path. */
const fileName = (path: string | undefined): string | undefined => path?.trim().split(/[\\/]/).pop() || undefined;

/**
 * The app's DLL and .exe of a single-file publish: the DLL ANCM did not find ("Application .dll was
 * not found at C:\inetpub\shop\Contoso.Shop.dll") and the .exe processPath starts, each named
 * after the other when the evidence has only one.
 */
function singleFileApp(evidence: Evidence, messages: readonly string[]): { appDll?: string; appExe?: string } {
  const marker = 'Application .dll was not found at ';
  const found = messages.map((m) => (m.includes(marker) ? fileName(m.slice(m.indexOf(marker) + marker.length).split(/[\r\n']/)[0]) : undefined)).find((f) => f !== undefined && /\.dll$/i.test(f));
  const exe = fileName(aspNetCoreAttribute(evidence, 'processPath')?.value);
  const appExe = exe && /\.exe$/i.test(exe) ? exe : found?.replace(/\.dll$/i, '.exe');
  const appDll = found ?? appExe?.replace(/\.exe$/i, '.dll');
  return appDll && appExe ? { appDll, appExe } : {};
}

export default defineCause<HandlerLoadFailureFacts>({
  id: 'handler-load-failure',
  title: 'ANCM could not load its request handler or the app DLL',
  family: 'config-error',
  layer: 'ancm',
  clues: {
    'ancm.inprocess-handler-load': 'strong',
    'ancm.app-dll-missing': 'strong',
    'status.500.38': 'strong',
    'status.500.0': 'supports',
    // The 1027 / 1029 texts name the handler or the reference that is missing, whether or not the
    // Event Viewer header was pasted with them (a damaged Hosting Bundle is only a neighbour).
    'ancm.request-handler-missing': 'strong',
    'status.500.33': 'strong',
    'ancm.oop-handler-missing': 'strong',
    'status.500.36': 'strong',
    // Explaining away: hostfxr's SDK hint means the arguments name no app (kb-facts: 500.0 with
    // "Did you mean to run dotnet SDK commands?" is a wrong `arguments`, wrong-process-path's).
    'ancm.dotnet-sdk-command': 'against',
  },
  description:
    'Before the app runs, ANCM loads hostfxr, its in-process or out-of-process handler (aspnetcorev2_inprocess.dll / aspnetcorev2_outofprocess.dll) and the app DLL. One of them was missing: a damaged Hosting Bundle, an app that does not reference Microsoft.AspNetCore.App, or a single-file publish.',
  match(evidence) {
    const found: { variant: Variant; refs: EvidenceRef[]; strength: number }[] = [];
    const add = (variant: Variant, refs: EvidenceRef[], strength: number): void => {
      if (refs.length > 0) found.push({ variant, refs, strength });
    };
    const pages = signals(evidence, 'ancm-error-page');
    const pageWith = (text: string): EvidenceRef[] => pages.filter((s) => s.data.title.toLowerCase().includes(text.toLowerCase())).map((s) => s.ref);

    // Events name the missing file; pages and statuses only the category.
    add('app-not-referenced', ancmEvents(evidence, [1027], ["referenced for the in-process application"]).map((e) => e.messageRef), CONFIDENCE.strong + 0.05);
    add('inprocess-handler', ancmEvents(evidence, [1027, 1028], ["Could not find 'aspnetcorev2_inprocess.dll'", 'Could not find inprocess request handler', 'Invoking hostfxr to find the inprocess request handler']).map((e) => e.messageRef), CONFIDENCE.strong + 0.05);
    add('outofprocess-handler', ancmEvents(evidence, [1029]).map((e) => e.messageRef), CONFIDENCE.strong + 0.05);
    const singleFile = ancmEvents(evidence, [1007, 1031], ['Application .dll was not found']);
    add('single-file', singleFile.map((e) => e.messageRef), CONFIDENCE.strong + 0.05);
    add('hostfxr', ancmEvents(evidence, [1007, 1031, 1027], ['hostfxr.dll not found', 'Unable to find hostfxr directory', "Hostfxr version used does not support"]).map((e) => e.messageRef), CONFIDENCE.strong);

    for (const [variant, status, sub] of [['app-not-referenced', 500, 33], ['outofprocess-handler', 500, 36], ['single-file', 500, 38]] as const) {
      const hit = findStatus(evidence, status, sub);
      if (seen(hit)) add(variant, hit.refs, hit.direct ? CONFIDENCE.strong : boosted(CONFIDENCE.likely, -0.1));
    }
    add('inprocess-handler', [...pageWith('In-Process Handler Load Failure'), ...linesWithText(evidence, ['ANCM In-Process Handler Load Failure'])], CONFIDENCE.strong - 0.05);
    add('outofprocess-handler', [...pageWith('Out-Of-Process Handler Load Failure'), ...linesWithText(evidence, ['ANCM Out-Of-Process Handler Load Failure'])], CONFIDENCE.strong - 0.05);
    add('app-not-referenced', codes(evidence, 1157).map((c) => c.ref), CONFIDENCE.possible);
    if (found.length === 0) return undefined;

    found.sort((a, b) => b.strength - a.strength);
    const best = found[0]!;
    let confidence = boosted(best.strength, found.length > 1 ? 0.05 : 0);
    // A missing shared framework also surfaces as the in-process handler load failure: that cause is the answer then.
    const frameworkMissing = signals(evidence, 'framework-missing').length > 0 || findStatus(evidence, 500, 31).refs.length > 0;
    if (frameworkMissing && (best.variant === 'inprocess-handler' || best.variant === 'hostfxr')) confidence = Math.min(boosted(confidence, -0.3), 0.5);

    const assemblyEvent = ancmEvents(evidence, [1027, 1029], ['Could not find the assembly'])[0];
    return {
      confidence,
      evidence: refsOf(found.flatMap((f) => f.refs), 8),
      facts: {
        variant: best.variant,
        assembly: assemblyEvent ? quoted(assemblyEvent.message, "assembly '") : undefined,
        frameworkMissing,
        ...(best.variant === 'single-file' ? singleFileApp(evidence, singleFile.map((e) => e.message)) : {}),
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    steps.push(`What failed: ${facts.variant !== undefined ? TITLES[facts.variant] : 'a handler load'}.`);
    switch (facts.variant) {
      case 'inprocess-handler':
        steps.push('ANCM resolved hostfxr and asked it for aspnetcorev2_inprocess.dll, which lives in the Microsoft.AspNetCore.App shared framework folder (C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\<version>\\). Check that folder exists for the version in the app\'s runtimeconfig.json.');
        if (facts.frameworkMissing === true) steps.push('The evidence also shows the framework itself is missing: install it first (see the runtime cause).');
        break;
      case 'outofprocess-handler':
        steps.push(`The out-of-process handler ${facts.assembly ?? 'aspnetcorev2_outofprocess.dll'} must sit in a versioned folder next to %ProgramFiles%\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll. If it is missing, the Hosting Bundle install is damaged.`);
        break;
      case 'app-not-referenced':
        steps.push(`The app does not reference the Microsoft.AspNetCore.App framework${facts.assembly !== undefined ? ` (ANCM looked for ${facts.assembly})` : ''}: check <Project Sdk="Microsoft.NET.Sdk.Web"> in the .csproj and "Microsoft.AspNetCore.App" in the published <App>.runtimeconfig.json.`);
        break;
      case 'single-file':
        steps.push(`processPath points at ${facts.appExe ?? 'an .exe'} with no ${facts.appDll ?? 'matching .dll'} beside it: that is a single-file publish (PublishSingleFile=true), which IIS in-process hosting cannot load. Check the publish profile.`);
        break;
      case 'hostfxr':
        steps.push('ANCM could not find hostfxr.dll under the dotnet folder it resolved (C:\\Program Files\\dotnet\\host\\fxr\\<version>\\). Check the install, and that processPath "dotnet" resolves to C:\\Program Files\\dotnet\\dotnet.exe (`where.exe dotnet` as administrator).');
        break;
      default:
        break;
    }
    steps.push('For exact paths, turn on the ANCM debug log temporarily: handlerSettings debugLevel="FILE,TRACE" and debugFile=".\\logs\\ancm-debug.log"; it lists every path probed and the HRESULT that failed.');
    if (facts.variant === 'inprocess-handler' || facts.variant === 'outofprocess-handler' || facts.variant === 'hostfxr') {
      steps.push('After repairing or reinstalling the Hosting Bundle, restart IIS: `net stop was /y` then `net start w3svc`.');
    }
    return steps;
  },
  fix({ facts }) {
    switch (facts.variant) {
      case 'app-not-referenced':
        return {
          summary: 'Build the app against the ASP.NET Core shared framework (Web SDK, or a FrameworkReference to Microsoft.AspNetCore.App) and publish again.',
          snippet: '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>',
          language: 'xml',
        };
      case 'single-file':
        return {
          summary: `Do not publish single-file for IIS: publish the normal layout (${facts.appDll ?? 'App.dll'} next to ${facts.appExe ?? 'App.exe'}), or host out-of-process.`,
          snippet: '<PropertyGroup>\n  <PublishSingleFile>false</PublishSingleFile>\n</PropertyGroup>',
          language: 'xml',
        };
      default:
        return {
          summary: 'Repair or reinstall the ASP.NET Core Hosting Bundle that matches the app, then restart IIS (net stop was /y, net start w3svc).',
          snippet: '# As administrator, after running the Hosting Bundle installer (choose Repair if offered):\ndotnet --list-runtimes\nGet-ChildItem "$env:ProgramFiles\\IIS\\Asp.Net Core Module\\V2" -Recurse -Filter aspnetcorev2*.dll\nnet stop was /y\nnet start w3svc',
          language: 'powershell',
        };
    }
  },
  wants: ['event-log', 'error-page', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#5000-in-process-handler-load-failure',
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50033-ancm-request-handler-load-failure',
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50038-ancm-application-dll-not-found',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#enhanced-diagnostic-logs',
  ],
});
