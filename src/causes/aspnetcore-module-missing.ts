/**
 * The ASP.NET Core Module is not installed (or not registered) in IIS: web.config names
 * AspNetCoreModuleV2 and an <aspNetCore> section that IIS does not know, so IIS answers 500.19
 * (unknown section) or 500.21 (bad module in the handler list) before any app code runs.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { refsOf, signals } from './query';
import { brokenConfigs, configRef, eventsWithText, findStatus, linesWithText, seen } from './support/ancm-evidence';

const MODULE_LOAD_TEXTS = ['aspnetcore.dll failed to load', 'aspnetcorev2.dll failed to load'];
const FEATURES_TEXT = 'CoreWebEngine and W3SVC features must be installed';
const BAD_MODULE_TEXT = 'has a bad module "AspNetCoreModule';

interface AspNetCoreModuleMissingFacts {
  /** The module the web.config handler names (AspNetCoreModuleV2, or the 2.x AspNetCoreModule). */
  module?: string;
  /** A 500.21 "bad module" was seen. */
  badModule: boolean;
  /** The installer said the IIS CoreWebEngine and W3SVC features are missing. */
  featuresMissing: boolean;
  /** An event says aspnetcore(v2).dll failed to load. */
  moduleDllFailed: boolean;
  /** A pasted web.config already stops child applications inheriting it. */
  inheritGuard: boolean;
}

export default defineCause<AspNetCoreModuleMissingFacts>({
  id: 'aspnetcore-module-missing',
  title: 'The ASP.NET Core Module is not installed in IIS',
  family: 'config-error',
  layer: 'iis',
  clues: {
    'iis.bad-module': 'proves',
    'status.500.21': 'proves',
    // 500.19 with 0x8007000d: IIS does not know a config section, most often <aspNetCore> because
    // the module is not installed (kb-facts 4.1, marked a hint there).
    'win32.13': 'supports',
    'iis.hosting-bundle-missing': 'proves',
    'ancm.module-load-failed': 'strong',
    'iis.corewebengine-missing': 'supports',
    'ancm.oop-handler-missing': 'supports',
    'status.500.36': 'supports',
    'ancm.request-handler-missing': 'supports',
    'status.500.33': 'supports',
  },
  description:
    'web.config hands requests to AspNetCoreModuleV2 and holds an <aspNetCore> section, but IIS has no such module or schema (Hosting Bundle not installed, installed before IIS, or removed by an upgrade), so it fails with 500.19 or 500.21 and never launches the app.',
  match(evidence) {
    const page21 = findStatus(evidence, 500, 21);
    const page19 = signals(evidence, 'iis-error-page').filter((s) => s.data.status === 500 && s.data.substatus === 19);
    const status19 = findStatus(evidence, 500, 19);
    const moduleEvents = eventsWithText(evidence, [...MODULE_LOAD_TEXTS, FEATURES_TEXT]);
    const moduleLines = moduleEvents.length === 0 ? linesWithText(evidence, [...MODULE_LOAD_TEXTS, FEATURES_TEXT, BAD_MODULE_TEXT]) : [];
    const config = evidence.webConfigs.find((c) => c.wellFormed && c.aspNetCore !== undefined);
    const handler = evidence.webConfigs.flatMap((c) => c.handlers.map((h) => ({ h, source: c.source }))).find(({ h }) => (h.modules ?? '').toLowerCase().startsWith('aspnetcoremodule'));
    const invalidData = page19.some((s) => s.data.errorCode?.toLowerCase() === '0x8007000d' || s.data.errorCode?.toLowerCase() === '0x80070032');
    // "Config Source: -1: 0:" (IIS blames no line): a section IIS has no schema for.
    const noSourceLine = page19.some((s) => s.data.configLine !== undefined && s.data.configLine <= 0);
    const coreSite = config !== undefined || handler !== undefined;
    const specific = seen(page21) || moduleEvents.length > 0 || moduleLines.length > 0;
    if (!specific && !(seen(status19) && (invalidData || coreSite))) return undefined;
    // A pasted web.config that does not parse explains a 500.19 better than a missing module.
    const brokenConfig = brokenConfigs(evidence.webConfigs).length > 0;
    if (!specific && brokenConfig) return undefined;

    let confidence: number;
    if (moduleEvents.length > 0) confidence = boosted(CONFIDENCE.strong, 0.05, seen(page21) || seen(status19) ? 0.05 : 0);
    else if (moduleLines.length > 0) confidence = boosted(CONFIDENCE.strong, seen(page21) ? 0.05 : 0);
    else if (seen(page21)) confidence = boosted(CONFIDENCE.likely, page21.direct ? 0.05 : -0.05, coreSite ? 0.15 : 0);
    else if (invalidData && (coreSite || noSourceLine)) confidence = boosted(CONFIDENCE.likely, 0.05, coreSite && noSourceLine ? 0.1 : 0);
    else if (invalidData) confidence = CONFIDENCE.possible + 0.1; // without the config, the commonest 500.19 of an ASP.NET Core site
    else confidence = CONFIDENCE.possible - 0.1; // 500.19 on a site with <aspNetCore>, another error code

    const refs: EvidenceRef[] = [...moduleEvents.map((e) => e.messageRef), ...moduleLines, ...page21.refs, ...page19.map((s) => s.ref), ...status19.refs.slice(0, 1)];
    if (handler) {
      const ref = configRef(evidence, handler.source, handler.h.line);
      if (ref) refs.push(ref);
    }
    if (config?.aspNetCore) {
      const ref = configRef(evidence, config.source, config.aspNetCore.startLine);
      if (ref) refs.push(ref);
    }
    if (refs.length === 0) return undefined;
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        module: handler?.h.modules,
        badModule: seen(page21),
        featuresMissing: eventsWithText(evidence, [FEATURES_TEXT]).length > 0 || linesWithText(evidence, [FEATURES_TEXT]).length > 0,
        moduleDllFailed: moduleEvents.some((e) => MODULE_LOAD_TEXTS.some((t) => e.message.toLowerCase().includes(t))),
        inheritGuard: evidence.webConfigs.some((c) => c.inheritInChildApplications === true),
      },
    };
  },
  steps({ facts }) {
    const module = facts.module ?? 'AspNetCoreModuleV2';
    const steps: string[] = [];
    if (facts.badModule === true) {
      steps.push(`500.21 "bad module": the handler in web.config names ${module}, and IIS has no module registered under that name.`);
    }
    if (module === 'AspNetCoreModule') {
      steps.push('modules="AspNetCoreModule" is the V1 module of ASP.NET Core 2.x; Hosting Bundles 3.0 and later only install AspNetCoreModuleV2. Use modules="AspNetCoreModuleV2" unless the old bundle is installed.');
    }
    if (facts.featuresMissing === true) {
      steps.push('The installer says the IIS CoreWebEngine and W3SVC features are missing: enable the Web Server (IIS) role first (Install-WindowsFeature Web-Server), then run the Hosting Bundle installer again.');
    }
    if (facts.moduleDllFailed === true) {
      steps.push('"The Module DLL ... aspnetcore(v2).dll failed to load": the file is registered but missing or broken (an OS upgrade can remove the 32-bit copy). Repair the Hosting Bundle.');
    }
    steps.push('Check what IIS has: `Get-WebGlobalModule | Where-Object Name -like "AspNetCore*"` should list AspNetCoreModuleV2, %ProgramFiles%\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll should exist, and %windir%\\System32\\inetsrv\\config\\schema\\aspnetcore_schema_v2.xml should be present.');
    steps.push('The Hosting Bundle only registers the module if IIS was already installed when it ran: installed IIS afterwards? Run the bundle again (Repair).');
    if (facts.inheritGuard !== true) {
      steps.push('If the failing app is a sub-application under an ASP.NET Core site, it inherits the parent\'s <handlers> and <aspNetCore>: wrap the parent\'s system.webServer in <location path="." inheritInChildApplications="false">.');
    }
    return steps;
  },
  fix() {
    return {
      summary: 'Install (or repair) the ASP.NET Core Hosting Bundle on the server after IIS is installed, then restart IIS. For sub-applications, stop the parent site\'s handlers from being inherited.',
      snippet:
        '# As administrator, after running dotnet-hosting-<version>-win.exe (Repair if already installed):\nGet-WebGlobalModule | Where-Object Name -like "AspNetCore*"\nnet stop was /y\nnet start w3svc\n\n<!-- Parent site web.config, so child applications do not inherit the handler: -->\n<location path="." inheritInChildApplications="false">\n  <system.webServer>\n    <handlers>\n      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />\n    </handlers>\n  </system.webServer>\n</location>',
      language: 'powershell',
    };
  },
  wants: ['error-page', 'web-config', 'event-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/hosting-bundle',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config#configuration-of-aspnet-core-module-with-webconfig',
  ],
});
