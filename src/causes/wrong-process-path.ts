/**
 * ANCM could not launch what web.config asks for: processPath does not exist or is not on the
 * worker's PATH (0x80070002), or arguments do not name the app's DLL (the .NET host then answers
 * "Did you mean to run dotnet SDK commands?").
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause, type CauseFix } from './define-cause';
import { aspNetCoreAttribute, refsOf, signals } from './query';
import { ancmEvents, configRef, dllNameOf, errorCodeOf, includesAny, linesWithText, quoted, startupContext } from './support/ancm-evidence';
import { hostingModelAttribute } from './support/hosting-model';

type ConfigProblem = 'launcher-placeholder' | 'vs-launcher' | 'sdk-command' | 'no-dll' | 'dll-as-process' | 'folder' | 'no-extension';

const PROBLEM_WEIGHT: Record<ConfigProblem, number> = {
  'launcher-placeholder': CONFIDENCE.strong,
  'vs-launcher': boosted(CONFIDENCE.likely, 0.15),
  'sdk-command': boosted(CONFIDENCE.likely, 0.1),
  'dll-as-process': boosted(CONFIDENCE.likely, 0.1),
  folder: boosted(CONFIDENCE.likely, 0.05),
  'no-dll': CONFIDENCE.likely,
  'no-extension': boosted(CONFIDENCE.possible, 0.05),
};

/** SDK verbs that make `dotnet` look for an SDK instead of running an app. */
const SDK_VERBS = ['run', 'watch', 'build', 'publish', 'restore', 'test', 'ef'];

/** What is wrong with processPath/arguments as written, judged without the server at hand. */
export function configProblem(processPath: string | undefined, args: string | undefined): ConfigProblem | undefined {
  if (processPath === undefined) return undefined;
  const path = processPath.trim();
  const lowerPath = path.toLowerCase();
  const lowerArgs = (args ?? '').trim().toLowerCase();
  if (lowerPath.includes('%launcher_path%') || lowerArgs.includes('%launcher_args%')) return 'launcher-placeholder';
  if (lowerPath.includes('vsiisexelauncher') || lowerArgs.includes('-argfile')) return 'vs-launcher';
  const base = lowerPath.slice(Math.max(lowerPath.lastIndexOf('\\'), lowerPath.lastIndexOf('/')) + 1);
  if (base === 'dotnet' || base === 'dotnet.exe') {
    if (SDK_VERBS.includes(lowerArgs.split(/\s+/)[0] ?? '')) return 'sdk-command';
    // Some argument must be the app's DLL: ".\\App.dll", not ".\\App.dllaa" or "App".
    if (!lowerArgs.split(/\s+/).some((token) => token.replace(/^["']|["']$/g, '').endsWith('.dll'))) return 'no-dll';
    return undefined;
  }
  if (lowerPath.endsWith('.dll')) return 'dll-as-process';
  if (lowerPath.endsWith('\\') || lowerPath.endsWith('/')) return 'folder';
  // CreateProcess and in-process hosting both need the executable's own .exe name.
  if (!base.endsWith('.exe') && !base.startsWith('%')) return 'no-extension';
  return undefined;
}

/** The problem in a command line ANCM reported (`dotnet .\\App.dll`, `"C:\\x\\App.exe" `, `%LAUNCHER_PATH% %LAUNCHER_ARGS%`). */
function commandLineProblem(commandLine: string | undefined): ConfigProblem | undefined {
  if (commandLine === undefined) return undefined;
  const text = commandLine.trim();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return end < 0 ? undefined : configProblem(text.slice(1, end), text.slice(end + 1));
  }
  const space = text.indexOf(' ');
  return space < 0 ? configProblem(text, '') : configProblem(text.slice(0, space), text.slice(space + 1));
}

interface WrongProcessPathFacts {
  /** What is wrong with processPath/arguments as written, when the configuration shows it. */
  problem?: ConfigProblem;
  /** processPath and arguments as the pasted web.config writes them. */
  processPath?: string;
  arguments?: string;
  /** The command line ANCM ran, and the path it reports missing. */
  commandLine?: string;
  missingPath?: string;
  /** dotnet said "Did you mean to run dotnet SDK commands?". */
  sdkCommand: boolean;
  /** The app's DLL. */
  dll?: string;
  /** processPath and arguments look right, so the executable itself was not found. */
  configLooksRight: boolean;
  /** The stage ANCM failed at. */
  stage?: string;
}

export default defineCause<WrongProcessPathFacts>({
  id: 'wrong-process-path',
  title: 'Wrong processPath or arguments in web.config',
  family: 'config-error',
  layer: 'ancm',
  clues: {
    'ancm.executable-not-found': 'proves',
    'ancm.launcher-placeholder': 'proves',
    'ancm.dotnet-sdk-command': 'strong',
    'ancm.app-dll-missing': 'supports',
    'ancm.empty-commandline': 'strong',
    'dotnet.app-to-execute-missing': 'strong',
  },
  description:
    'ANCM starts the app with processPath and arguments from web.config. When the executable cannot be found (wrong path, dotnet not on the worker\'s PATH) or arguments do not name the app DLL, nothing starts: 502.5 or 500.0/500.30.',
  match(evidence) {
    const notFound = signals(evidence, 'process-path-not-found');
    const sdk = signals(evidence, 'dotnet-sdk-command');
    const fileNotFound = ancmEvents(evidence, [1000, 1010, 1007, 1031]).filter((e) => errorCodeOf(e.message) === '0x80070002' || includesAny(e.message, ['Executable was not found', 'Could not find dotnet.exe']));
    const bareLines = fileNotFound.length === 0 ? linesWithText(evidence, ["ErrorCode = '0x80070002", 'Executable was not found at', 'Could not find dotnet.exe']) : [];
    const processPath = aspNetCoreAttribute(evidence, 'processPath');
    const args = aspNetCoreAttribute(evidence, 'arguments');
    const commandLineSeen = [...fileNotFound.map((e) => e.message), ...ancmEvents(evidence, [1000, 1020]).map((e) => e.message), ...bareLines.map((r) => r.text)]
      .map((m) => quoted(m, "commandline '"))
      .find((c) => c !== undefined);
    // What the pasted web.config says, or else what ANCM ran (the event's command line).
    const problem = configProblem(processPath?.value, args?.value) ?? (processPath === undefined ? commandLineProblem(commandLineSeen) : undefined);
    // Said by ANCM or the .NET host in their own words, wherever the line was pasted.
    const told = evidence.clues.filter((hit) => !hit.narrative && (hit.clue === 'ancm.empty-commandline' || hit.clue === 'dotnet.app-to-execute-missing'));
    if (notFound.length === 0 && sdk.length === 0 && fileNotFound.length === 0 && bareLines.length === 0 && told.length === 0 && problem === undefined) return undefined;

    const runtimeSignal = notFound.length > 0 || sdk.length > 0 || fileNotFound.length > 0 || bareLines.length > 0 || told.length > 0;
    let confidence: number;
    if (sdk.length > 0) confidence = boosted(CONFIDENCE.strong, 0.05);
    else if (notFound.length > 0) confidence = CONFIDENCE.strong;
    else if (fileNotFound.length > 0) confidence = boosted(CONFIDENCE.likely, 0.05);
    else if (bareLines.length > 0 || told.length > 0) confidence = CONFIDENCE.likely;
    // The config alone: a 502.5/500.30 or an ANCM start failure beside it makes it the likely reason.
    else confidence = problem ? PROBLEM_WEIGHT[problem] - (startupContext(evidence) ? 0 : 0.15) : CONFIDENCE.possible;
    if (runtimeSignal && problem) confidence = boosted(Math.max(confidence, PROBLEM_WEIGHT[problem]), 0.1);

    const event = fileNotFound[0];
    const message = event?.message ?? bareLines[0]?.text ?? '';
    const commandLine = quoted(message, "commandline '") ?? commandLineSeen;
    const refs: EvidenceRef[] = [...sdk.map((s) => s.ref), ...notFound.map((s) => s.ref), ...fileNotFound.map((e) => e.messageRef), ...bareLines, ...told.map((h) => h.ref)];
    for (const attr of problem ? [processPath, args] : []) {
      const ref = attr ? configRef(evidence, attr.source, attr.line) : undefined;
      if (ref) refs.push(ref);
    }
    if (refs.length === 0) return undefined;
    const missingPath = notFound.find((s) => s.data.path !== undefined)?.data.path;
    const exe = [processPath?.value, missingPath].find((p) => p !== undefined && p.toLowerCase().endsWith('.exe'));
    const dll =
      dllNameOf(args?.value) ??
      dllNameOf(commandLine) ??
      (exe ? `${exe.slice(Math.max(exe.lastIndexOf('\\'), exe.lastIndexOf('/')) + 1, -4)}.dll` : undefined);
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        problem,
        processPath: processPath?.value,
        arguments: args?.value,
        commandLine,
        missingPath: missingPath ?? told.find((h) => h.clue === 'dotnet.app-to-execute-missing')?.value,
        sdkCommand: sdk.length > 0,
        dll: dll === '.dll' ? undefined : dll,
        configLooksRight: processPath !== undefined && problem === undefined,
        stage: quoted(message, "at stage '"),
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const dll = facts.dll ?? 'YourApp.dll';
    const written = (value: string | undefined): string => value ?? facts.commandLine ?? '';
    switch (facts.problem) {
      case 'launcher-placeholder':
        steps.push('web.config still holds %LAUNCHER_PATH% / %LAUNCHER_ARGS%: Visual Studio fills those only when it runs the app itself. A published web.config must name the real command.');
        break;
      case 'vs-launcher':
        steps.push('web.config points at Visual Studio\'s VSIISExeLauncher (or passes -argFile): that is the development launcher, not something the server has. Publish again so the SDK writes the real processPath/arguments.');
        break;
      case 'sdk-command':
        steps.push(`arguments="${written(facts.arguments)}" makes dotnet look for an SDK command; on a server with only the runtime that fails with "Did you mean to run dotnet SDK commands?". arguments must be the path to the app DLL.`);
        break;
      case 'no-dll':
        steps.push(`processPath is dotnet but arguments${facts.arguments !== undefined && facts.arguments.length > 0 ? `="${facts.arguments}"` : ' is empty and'} does not name the app DLL: dotnet then has nothing to run.`);
        break;
      case 'dll-as-process':
        steps.push(`processPath="${written(facts.processPath)}" points at a DLL: a framework-dependent app runs as processPath="dotnet" arguments=".\\${dll}".`);
        break;
      case 'folder':
        steps.push(`processPath="${written(facts.processPath)}" is a folder, not an executable.`);
        break;
      case 'no-extension':
        steps.push(`processPath="${written(facts.processPath)}" does not end in .exe: unless it is "dotnet", ANCM needs the executable's full file name (in-process hosting requires the .exe extension).`);
        break;
      default:
        break;
    }
    if (facts.sdkCommand === true && facts.problem === undefined) {
      steps.push('"Did you mean to run dotnet SDK commands?" means dotnet received something that is not an app DLL: check arguments for a typo in the DLL name or a path that does not exist in the site folder.');
    }
    if (facts.missingPath !== undefined && facts.missingPath !== facts.commandLine) steps.push(`ANCM looked for ${facts.missingPath} and it is not there.`);
    if (facts.commandLine !== undefined) {
      steps.push(`ANCM tried to run \`${facts.commandLine}\`${facts.stage !== undefined ? ` (stage ${facts.stage})` : ''} and got 0x80070002 (file not found): either that file is missing from the site folder, or the executable is not on the PATH the worker process sees.`);
    }
    if (facts.configLooksRight === true) {
      steps.push('processPath and arguments look right, so the executable itself was not found: if processPath is "dotnet", C:\\Program Files\\dotnet must be on the SYSTEM PATH and IIS must have been restarted after the runtime was installed (`net stop was /y`, `net start w3svc`). `where.exe dotnet` in an administrator console shows what the system resolves.');
    }
    steps.push(`Check the site folder: \`Test-Path .\\${dll}\` from the physical path, and compare the DLL name with the <AssemblyName> of the project (it may differ from the project name).`);
    return steps;
  },
  fix({ evidence, facts }): CauseFix {
    const dll = facts.dll ?? 'YourApp.dll';
    if (facts.configLooksRight === true) {
      return {
        summary: 'Restart IIS after installing the runtime so the worker sees dotnet on the system PATH (net stop was /y, net start w3svc), or give processPath the full path to dotnet.exe.',
        change: { set: { processPath: 'C:\\Program Files\\dotnet\\dotnet.exe' } },
        snippet: `<aspNetCore processPath="C:\\Program Files\\dotnet\\dotnet.exe" arguments=".\\${dll}" />`,
        language: 'xml',
      };
    }
    return {
      summary: `Point processPath at dotnet and arguments at the app DLL (framework-dependent), or processPath at .\\${dll.replace(/\.dll$/i, '.exe')} with empty arguments (self-contained).`,
      change: { set: { processPath: 'dotnet', arguments: `.\\${dll}` } },
      snippet: `<aspNetCore processPath="dotnet" arguments=".\\${dll}" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout"${hostingModelAttribute(evidence, 'inprocess')} />`,
      language: 'xml',
    };
  },
  wants: ['web-config', 'event-log', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference#incorrect-processpath-missing-path-variable-hosting-bundle-not-installed-systemiis-not-restarted-vc-redistributable-not-installed-or-dotnetexe-access-violation',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference#incorrect-arguments-of-aspnetcore-element',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#attributes-of-the-aspnetcore-element',
  ],
});
