/**
 * The <aspNetCore> element parses as XML but ANCM rejects its values (event 1034 "Could not load
 * configuration"): an unknown hostingModel, a missing processPath. ANCM then answers 500.0 with an
 * empty body.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause, type CauseFix } from './define-cause';
import { aspNetCoreAttribute, hostingModel, refsOf, statuses } from './query';
import { ancmEvents, configRef, dllNameOf, linesWithText, quoteMessage } from './support/ancm-evidence';
import { hostingModelAttribute } from './support/hosting-model';

const LOAD_ERROR = 'Could not load configuration';
const KNOWN_MODELS = ['', 'inprocess', 'outofprocess'];

interface InvalidAspNetCoreConfigFacts {
  /** Why ANCM could not load its configuration, as event 1034 says it. */
  reason?: string;
  /** The hostingModel value ANCM does not know, from the pasted web.config or the event. */
  hostingModel?: string;
  /** ANCM says 'processPath' is required, and whether the pasted <aspNetCore> has one anyway. */
  processPathMissing: boolean;
  pastedHasProcessPath: boolean;
  /** The app's DLL, from the arguments attribute. */
  dll?: string;
}

export default defineCause<InvalidAspNetCoreConfigFacts>({
  id: 'invalid-aspnetcore-config',
  title: 'ANCM rejected the <aspNetCore> settings in web.config',
  family: 'config-error',
  layer: 'ancm',
  clues: {
    'ancm.config-load-error': 'proves',
    'event.ancm.1034': 'proves',
  },
  description:
    'web.config is valid XML, but a value in <aspNetCore> is not one ANCM accepts (an unknown hostingModel, a missing processPath), so it cannot load its configuration and every request gets an empty 500.0.',
  match(evidence) {
    const loadErrors = ancmEvents(evidence, [1034]);
    const bareLines = loadErrors.length === 0 ? linesWithText(evidence, [LOAD_ERROR, 'Unknown hosting model']) : [];
    const model = aspNetCoreAttribute(evidence, 'hostingModel');
    const unknownModel = model !== undefined && !KNOWN_MODELS.includes(model.value.trim().toLowerCase()) ? model : undefined;
    if (loadErrors.length === 0 && bareLines.length === 0 && !unknownModel) return undefined;

    const empty500 = statuses(evidence, { status: 500, substatus: 0 }).concat(statuses(evidence, { status: 500, origin: 'headers' }));
    let confidence: number;
    if (loadErrors.length > 0) confidence = CONFIDENCE.certain;
    else if (bareLines.length > 0) confidence = boosted(CONFIDENCE.strong, 0.05);
    else confidence = boosted(CONFIDENCE.likely, empty500.length > 0 ? 0.15 : 0);

    const message = loadErrors[0]?.message ?? bareLines[0]?.text ?? '';
    const reason = reasonOf(message);
    const refs: EvidenceRef[] = [...loadErrors.map((e) => e.messageRef), ...bareLines];
    if (unknownModel) {
      const ref = configRef(evidence, unknownModel.source, unknownModel.line);
      if (ref) refs.push(ref);
    }
    refs.push(...empty500.slice(0, 2).map((s) => s.ref));
    if (refs.length === 0) return undefined;
    return {
      confidence,
      evidence: refsOf(refs, 6),
      facts: {
        reason,
        hostingModel: unknownModel?.value ?? quotedModel(reason),
        processPathMissing: reason !== undefined && reason.includes("'processPath' is required"),
        pastedHasProcessPath: aspNetCoreAttribute(evidence, 'processPath') !== undefined,
        dll: dllNameOf(aspNetCoreAttribute(evidence, 'arguments')?.value),
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.reason !== undefined) steps.push(`ANCM says: ${quoteMessage(facts.reason)}.`);
    if (facts.hostingModel !== undefined) {
      steps.push(`hostingModel="${facts.hostingModel}" is not a value ANCM knows: only "inprocess" and "outofprocess" (any case) are valid, and leaving it out means out-of-process.`);
    }
    if (facts.processPathMissing === true) {
      steps.push('processPath is required on <aspNetCore>. If the deployed web.config looks complete, look for another web.config up the tree (a parent site, applicationHost.config <location> sections) whose <aspNetCore> element this app inherits or overrides.');
    }
    steps.push('Read the deployed web.config on the server, not the one in the project: the publish step rewrites it. Then check event 1034 (source "IIS AspNetCore Module V2") after the next request: it names the exact attribute.');
    steps.push('The project property <AspNetCoreHostingModel> (InProcess / OutOfProcess) is what the SDK writes into hostingModel on publish; fix it there so the next deployment does not bring the bad value back.');
    return steps;
  },
  fix({ evidence, facts }): CauseFix {
    if (facts.processPathMissing === true && facts.pastedHasProcessPath === true) {
      return {
        summary: 'The <aspNetCore> element ANCM loaded has no processPath, yet the pasted one has: ANCM is reading another element. Find it (the deployed file on the server, a parent site\'s web.config, or a <location> in applicationHost.config) and give it processPath, or remove the duplicate.',
        snippet: '# Which config files set aspNetCore for the site (run on the server, as administrator):\n& "$env:windir\\System32\\inetsrv\\appcmd.exe" list config "Default Web Site/" -section:system.webServer/aspNetCore',
        language: 'powershell',
      };
    }
    if (facts.processPathMissing === true) {
      const dll = facts.dll ?? 'YourApp.dll';
      return {
        summary: 'Give <aspNetCore> its processPath (and arguments for a framework-dependent app).',
        change: { set: { processPath: 'dotnet', arguments: `.\\${dll}` } },
        snippet: `<aspNetCore processPath="dotnet" arguments=".\\${dll}"${hostingModelAttribute(evidence, 'inprocess')} />`,
        language: 'xml',
      };
    }
    // The model the invalid value meant; without one, the model the pasted web.config uses.
    const meant = facts.hostingModel?.toLowerCase();
    const value = meant !== undefined ? (meant.includes('out') ? 'outofprocess' : 'inprocess') : (hostingModel(evidence) ?? 'inprocess');
    return {
      summary: `Set hostingModel to a valid value ("${value}"), and <AspNetCoreHostingModel> in the .csproj to match.`,
      change: { set: { hostingModel: value } },
      snippet: `<PropertyGroup>\n  <AspNetCoreHostingModel>${value === 'inprocess' ? 'InProcess' : 'OutOfProcess'}</AspNetCoreHostingModel>\n</PropertyGroup>`,
      language: 'xml',
    };
  },
  wants: ['event-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#attributes-of-the-aspnetcore-element',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting',
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis',
  ],
});

/** The text after "Exception message:" in a 1034 message, first line only. */
function reasonOf(message: string): string | undefined {
  const marker = 'Exception message:';
  const at = message.indexOf(marker);
  if (at < 0) return undefined;
  const rest = message.slice(at + marker.length).trimStart();
  const end = rest.search(/\r?\n|Process Id:/);
  const line = (end < 0 ? rest : rest.slice(0, end)).trim();
  return line.length > 0 ? line.slice(0, 300) : undefined;
}

/** The model named in "Unknown hosting model 'x'." */
function quotedModel(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  const at = reason.indexOf("Unknown hosting model '");
  if (at < 0) return undefined;
  const from = at + "Unknown hosting model '".length;
  const end = reason.indexOf("'", from);
  return end > from ? reason.slice(from, end) : undefined;
}
