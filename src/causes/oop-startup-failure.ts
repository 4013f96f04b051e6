/**
 * 502.5: ANCM launched the out-of-process app (dotnet App.dll or App.exe) and it never listened.
 * This is the generic startup cause; when the evidence names the reason (framework missing, an
 * exception, a port clash) the specific cause ranks above it.
 */
import type { EvidenceRef, WindowsEvent } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, codes, refsOf } from './query';
import {
  ancmEvents,
  dllNameOf,
  errorCodeOf,
  findStatus,
  hasSpecificStartupReason,
  linesWithText,
  quoted,
  seen,
} from './support/ancm-evidence';
import { hostingModelAttribute } from './support/hosting-model';

/** 1000 templates: a start attempt that failed, or a process that started but never listened. */
const ATTEMPT_TEXTS = ['failed to start process', 'but failed to listen on the given port', 'but either crashed', 'did not listen on the given port'];

interface OopStartupFailureFacts {
  /** The site folder the ANCM event names ("physical root '...'"). */
  physicalRoot?: string;
  /** The command line ANCM ran, the stage it failed at (PostStartCheck...) and the HRESULT. */
  commandLine?: string;
  stage?: string;
  errorCode?: string;
  /** The app's DLL, from that command line or the arguments attribute. */
  dll?: string;
  /** The evidence names a more specific startup reason, which another cause explains. */
  specific: boolean;
}

export default defineCause<OopStartupFailureFacts>({
  id: 'oop-startup-failure',
  title: 'Out-of-process app failed to start (ANCM 502.5)',
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    'ancm.oop-start-failed': 'supports',
    'status.502.5': 'supports',
    'event.ancm.1000': 'supports',
    'event.ancm.1020': 'supports',
    // The process started and listened elsewhere: a named reason (port-in-use), not a crash at start.
    'ancm.wrong-port': 'against',
    // ERROR_TIMEOUT: the process did not listen within startupTimeLimit (startup-time-limit).
    'win32.1460': 'against',
  },
  description:
    'ANCM started the app as a separate dotnet/Kestrel process, but the process exited or never listened on the port ANCM gave it, so every request gets 502.5 until it starts.',
  match(evidence) {
    const page = findStatus(evidence, 502, 5);
    const allFailed = ancmEvents(evidence, [1020]);
    const attempts = ancmEvents(evidence, [1000], ATTEMPT_TEXTS);
    const execFailure = codes(evidence, '0x8027025B');
    const bareMessages = attempts.length === 0 && allFailed.length === 0 ? linesWithText(evidence, ['failed to start process with commandline']) : [];
    if (!seen(page) && allFailed.length === 0 && attempts.length === 0 && execFailure.length === 0 && bareMessages.length === 0) return undefined;

    let confidence: number;
    if (allFailed.length > 0) confidence = boosted(CONFIDENCE.strong, attempts.length > 0 ? 0.05 : 0, page.direct ? 0.05 : 0);
    else if (attempts.length > 0) confidence = boosted(CONFIDENCE.likely, 0.1, page.direct ? 0.1 : 0);
    else if (page.direct) confidence = boosted(CONFIDENCE.likely, 0.1);
    else if (bareMessages.length > 0) confidence = boosted(CONFIDENCE.likely, page.proseOnly ? 0.1 : 0);
    else if (execFailure.length > 0) confidence = CONFIDENCE.possible;
    else confidence = boosted(CONFIDENCE.possible, 0.1); // 502.5 typed in prose: specific, but only a report.

    // A named reason (framework missing, exception, port clash...) is a better answer than this one.
    const specific = hasSpecificStartupReason(evidence);
    if (specific) confidence = Math.min(boosted(confidence, -0.2), 0.6);

    const first: WindowsEvent | undefined = attempts[0] ?? allFailed[0];
    const message = first?.message ?? bareMessages[0]?.text ?? '';
    const commandLine = quoted(message, "commandline '");
    const evidenceRefs: EvidenceRef[] = [
      ...page.refs.slice(0, 2),
      ...allFailed.map((e) => e.messageRef),
      ...attempts.map((e) => e.messageRef),
      ...bareMessages,
      ...execFailure.map((c) => c.ref),
    ];
    return {
      confidence,
      evidence: refsOf(evidenceRefs, 8),
      facts: {
        physicalRoot: quoted(message, "physical root '"),
        commandLine,
        stage: quoted(message, "at stage '"),
        errorCode: errorCodeOf(message),
        dll: dllNameOf(commandLine) ?? dllNameOf(aspNetCoreAttribute(evidence, 'arguments')?.value),
        specific,
      },
    };
  },
  steps({ facts, evidence }) {
    const steps: string[] = [];
    const root = facts.physicalRoot ?? 'the site folder';
    const dll = facts.dll ?? 'YourApp.dll';
    if (facts.specific === true) {
      steps.push('The evidence also names a more specific reason (see the higher-ranked cause); fix that first. The steps below confirm it.');
    }
    if (facts.commandLine !== undefined) {
      const at = facts.stage !== undefined ? ` It failed at stage ${facts.stage}` : '';
      const code = facts.errorCode !== undefined ? ` with ${facts.errorCode}` : '';
      steps.push(`ANCM ran \`${facts.commandLine}\` from ${root}.${at}${code}. Open a console on the server and run exactly that command there to see the exception the process prints before it exits.`);
    } else {
      steps.push(`Open a console on the server, cd to ${root} and run \`dotnet .\\${dll}\` (or \`.\\App.exe\` for a self-contained app). A startup exception is printed before the process exits.`);
    }
    if (facts.stage === 'PostStartCheck') {
      steps.push('Stage PostStartCheck means the process was created but exited (0x8027025B) or never answered on its port (0x8027025A) within startupTimeLimit: the app itself crashed during startup, so its stdout holds the reason.');
    }
    const stdout = aspNetCoreAttribute(evidence, 'stdoutLogEnabled');
    if (stdout?.value.toLowerCase() === 'true') {
      const file = aspNetCoreAttribute(evidence, 'stdoutLogFile')?.value ?? '.\\logs\\stdout';
      steps.push(`stdout logging is already on (stdoutLogFile="${file}"): open the newest ${file}_*.log file and read the exception at its end. An empty file means the process died before .NET wrote anything (runtime missing, bitness, access denied).`);
    } else {
      steps.push('Turn on stdout logging temporarily: stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout", create the logs folder, recycle the app pool, reproduce the 502.5 and read logs\\stdout_*.log. Turn it off again afterwards: it grows without limit.');
    }
    steps.push('In Event Viewer > Windows Logs > Application, filter on source "IIS AspNetCore Module V2": each request logs two 1000 warnings (one per attempt, with ErrorCode and stage) and a 1020 error whose text embeds the first 30 KB of the process output.');
    steps.push('If a 1003 event ("Maximum rapid fail count per minute ... exceeded") appears, ANCM has stopped trying for a minute; fix the start failure, then recycle the pool.');
    return steps;
  },
  fix({ evidence, facts }) {
    const specific = facts.specific === true;
    const dll = facts.dll ?? 'YourApp.dll';
    return {
      summary: specific
        ? 'Fix the specific startup error named by the higher-ranked cause. To see the full output, enable stdout logging (a diagnostic change: revert it once the app starts).'
        : 'Fix the exception the process writes at startup (read it in the stdout log or the 1020 event). To capture it, enable stdout logging: a diagnostic change, revert it once the app starts.',
      change: { set: { stdoutLogEnabled: 'true', stdoutLogFile: '.\\logs\\stdout' } },
      snippet: `<aspNetCore processPath="dotnet" arguments=".\\${dll}" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout"${hostingModelAttribute(evidence, 'outofprocess')} />`,
      language: 'xml',
    };
  },
  wants: ['event-log', 'stdout-log', 'web-config', 'error-page'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50205-process-failure',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#log-creation-and-redirection',
  ],
});
