/**
 * One IIS application pool runs one worker process, and an in-process app loads the CLR into it:
 * a second in-process app (500.35) or an out-of-process app beside an in-process one (500.34)
 * cannot share that process.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { refsOf } from './query';
import { ancmEvents, findStatus, linesWithText, quoted, seen } from './support/ancm-evidence';

const DUPLICATE_TEXT = 'Only one in-process application is allowed per IIS application pool';
const DUPLICATE_OLD_TEXT = 'Only one inprocess application is allowed per IIS application pool';
const MIXED_TEXT = 'Mixed hosting model is not supported';

interface MultipleAppsOnePoolFacts {
  /** An out-of-process app beside an in-process one (500.34), rather than two in-process apps (500.35). */
  mixed: boolean;
  /** The application ANCM refused, as its event names it ("/LM/W3SVC/1/ROOT/App"). */
  application?: string;
}

export default defineCause<MultipleAppsOnePoolFacts>({
  id: 'multiple-apps-one-pool',
  title: 'Several ASP.NET Core apps share one application pool',
  family: 'config-error',
  layer: 'ancm',
  clues: {
    'ancm.multiple-inprocess': 'proves',
    'ancm.mixed-hosting': 'proves',
    'status.500.35': 'proves',
    'status.500.34': 'proves',
    'event.ancm.1008': 'proves',
    'event.ancm.1009': 'proves',
    // Sub-applications share their site's pool unless given their own.
    'narrative.sub-application': 'supports',
  },
  description:
    'An in-process app runs inside its pool\'s w3wp.exe, and a process can host only one in-process app. A second in-process app (500.35), or an out-of-process app next to an in-process one (500.34), in the same pool fails to start.',
  match(evidence) {
    const duplicate = ancmEvents(evidence, [1008]);
    const mixed = ancmEvents(evidence, [1009]);
    const duplicateLines = duplicate.length === 0 ? linesWithText(evidence, [DUPLICATE_TEXT, DUPLICATE_OLD_TEXT]) : [];
    const mixedLines = mixed.length === 0 ? linesWithText(evidence, [MIXED_TEXT]) : [];
    const page35 = findStatus(evidence, 500, 35);
    const page34 = findStatus(evidence, 500, 34);
    if (duplicate.length + mixed.length + duplicateLines.length + mixedLines.length === 0 && !seen(page35) && !seen(page34)) return undefined;

    let confidence: number;
    if (duplicate.length > 0 || mixed.length > 0) confidence = CONFIDENCE.certain;
    else if (duplicateLines.length > 0 || mixedLines.length > 0) confidence = boosted(CONFIDENCE.strong, 0.1);
    else if (page35.direct || page34.direct) confidence = boosted(CONFIDENCE.strong, 0.05);
    else confidence = boosted(CONFIDENCE.likely, -0.05);

    const isMixed = mixed.length > 0 || mixedLines.length > 0 || (seen(page34) && !seen(page35));
    const message = (duplicate[0] ?? mixed[0])?.message ?? duplicateLines[0]?.text ?? mixedLines[0]?.text ?? '';
    const refs: EvidenceRef[] = [
      ...duplicate.map((e) => e.messageRef),
      ...mixed.map((e) => e.messageRef),
      ...duplicateLines,
      ...mixedLines,
      ...page35.refs.slice(0, 2),
      ...page34.refs.slice(0, 2),
      ...ancmEvents(evidence, [1010]).map((e) => e.messageRef),
    ];
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        mixed: isMixed,
        application: quoted(message, "assign the application '") ?? quoted(message, "Application '"),
      },
    };
  },
  steps({ facts }) {
    const app = facts.application !== undefined ? `'${facts.application}'` : 'the failing application';
    const steps: string[] = [];
    if (facts.mixed === true) {
      steps.push(`ANCM refused ${app}: its hostingModel differs from the app already running in the same worker process (500.34). In-process and out-of-process apps cannot share a pool.`);
    } else {
      steps.push(`ANCM refused ${app}: another in-process app already runs in the same worker process (500.35). Only the first app to receive a request starts; the others fail until the pool recycles.`);
    }
    steps.push('List the apps of each pool: `Get-WebApplication | Select-Object path, applicationPool` plus the site roots (`Get-Website | Select-Object name, applicationPool`); every ASP.NET Core app using in-process hosting needs its own pool.');
    steps.push('Since .NET Core 3.0 the default hosting model is in-process: apps that shared a pool under 2.x start failing after an upgrade for exactly this reason.');
    steps.push('A web garden (maxProcesses > 1) does not help: each process still hosts one in-process app at most.');
    return steps;
  },
  fix({ facts }) {
    const app = facts.application?.split('/').filter((p) => p.length > 0).pop() ?? 'SecondApp';
    const site = 'Default Web Site';
    return {
      summary: 'Give every in-process ASP.NET Core app its own application pool (No Managed Code). If the apps must share a pool, make all of them out-of-process instead.',
      snippet: `Import-Module WebAdministration\nNew-WebAppPool -Name "${app}Pool"\nSet-ItemProperty IIS:\\AppPools\\${app}Pool -Name managedRuntimeVersion -Value ""\n# Move the application to the new pool (adjust the site and path):\nSet-ItemProperty "IIS:\\Sites\\${site}\\${app}" -Name applicationPool -Value "${app}Pool"`,
      language: 'powershell',
    };
  },
  wants: ['event-log', 'error-page', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50035-ancm-multiple-in-process-applications-in-same-process',
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50034-ancm-mixed-hosting-models-not-supported',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting',
  ],
});
