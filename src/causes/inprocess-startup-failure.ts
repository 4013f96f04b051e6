/**
 * 500.30: the in-process app (CLR loaded inside w3wp.exe) failed before its server started. The
 * in-process twin of 502.5; generic, so a named reason in the evidence ranks above it.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, codes, refsOf } from './query';
import { ancmEvents, bitnessSuspected, findStatus, hasSpecificStartupReason, includesAny, quoted, seen } from './support/ancm-evidence';

/** 1007/1031 messages that other causes own (timeout, missing files, process path, hostfxr). */
const OTHER_1007 = [
  "Managed server didn't initialize",
  'Application .dll was not found',
  'Executable was not found',
  'Could not find dotnet.exe',
  'hostfxr.dll not found',
  'Unable to find hostfxr directory',
  "doesn't have '.exe' extension",
];

interface InprocessStartupFailureFacts {
  /** The site folder the ANCM event names ("physical root '...'"). */
  physicalRoot?: string;
  /** The exit code Program.Main returned with, as the event quotes it. */
  exitCode?: string;
  /** The exception code of event 1018 (0xe0434352: a managed exception nothing caught). */
  exceptionCode?: string;
  /** Event 1011 with no 1035: the app wrote nothing to stdout before it stopped. */
  emptyStdout: boolean;
  /** The evidence names a more specific startup reason, which another cause explains. */
  specific: boolean;
}

export default defineCause<InprocessStartupFailureFacts>({
  id: 'inprocess-startup-failure',
  title: 'In-process app failed to start (ANCM 500.30)',
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    // A 32-bit pool beside an in-process start failure names its reason (bitness-mismatch).
    'iis.pool-32bit': 'against',
    'ancm.inprocess-start-failed': 'strong',
    'status.500.30': 'supports',
    'ancm.main-exited': 'strong',
    'event.ancm.1007': 'supports',
    'event.ancm.1035': 'supports',
    'event.ancm.1011': 'supports',
  },
  description:
    'With hostingModel="inprocess" the app runs inside the IIS worker; it threw or returned from Main before the server started, so ANCM answers 500.30 (an in-process app shows this instead of 502.5).',
  match(evidence) {
    const page = findStatus(evidence, 500, 30);
    const start = ancmEvents(evidence, [1007, 1011, 1031, 1035]).filter((e) => (e.id !== 1007 && e.id !== 1031) || !includesAny(e.message, OTHER_1007));
    const clrException = ancmEvents(evidence, [1018]);
    const added = ancmEvents(evidence, [1010]);
    const healthy = ancmEvents(evidence, [1032]);
    if (!seen(page) && start.length === 0 && clrException.length === 0) return undefined;
    // A lone 1018 after a healthy start is a crash mid-request, not a start failure.
    if (!seen(page) && start.length === 0 && healthy.length > 0) return undefined;

    let confidence: number;
    if (start.length > 0) confidence = boosted(CONFIDENCE.strong, page.direct ? 0.05 : 0, added.length > 0 ? 0.05 : 0);
    else if (page.direct) confidence = boosted(CONFIDENCE.likely, 0.1, clrException.length > 0 ? 0.05 : 0);
    else if (seen(page)) confidence = boosted(CONFIDENCE.possible, 0.15, clrException.length > 0 ? 0.1 : 0);
    else confidence = boosted(CONFIDENCE.possible, added.length > 0 ? 0.1 : 0);

    const specific = hasSpecificStartupReason(evidence) || bitnessSuspected(evidence);
    if (specific) confidence = Math.min(boosted(confidence, -0.2), 0.6);

    const exceptionCode = clrException.map((e) => e.exceptionCode ?? quoted(e.message, "exception code = '")).find((c) => c !== undefined);
    const exitCode = start.map((e) => quoted(e.message, "exit code = '")).find((c) => c !== undefined);
    const first = start[0] ?? clrException[0];
    const refs: EvidenceRef[] = [...page.refs.slice(0, 2), ...start.map((e) => e.messageRef), ...clrException.map((e) => e.messageRef), ...added.map((e) => e.messageRef)];
    if (exceptionCode !== undefined) refs.push(...codes(evidence, exceptionCode).map((c) => c.ref));
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        physicalRoot: first ? quoted(first.message, "physical root '") : undefined,
        exitCode,
        exceptionCode,
        emptyStdout: start.some((e) => e.id === 1011) && !start.some((e) => e.id === 1035),
        specific,
      },
    };
  },
  steps({ facts, evidence }) {
    const steps: string[] = [];
    const root = facts.physicalRoot ?? 'the site folder';
    const args = aspNetCoreAttribute(evidence, 'arguments')?.value;
    const command = args && args.toLowerCase().includes('.dll') ? `dotnet ${args}` : 'dotnet .\\YourApp.dll (or .\\YourApp.exe)';
    if (facts.specific === true) steps.push('The evidence names a more specific reason (see the higher-ranked cause); the steps below confirm it.');
    if (facts.exitCode !== undefined) {
      steps.push(`Program.Main returned with exit code ${facts.exitCode} before the server started: something in Program.cs ended the app (an exception caught and swallowed, a missing setting that makes it return, a host that was built but not run).`);
    }
    if (facts.exceptionCode === '0xe0434352') {
      steps.push('Exception code 0xe0434352 is a managed (.NET) exception that nothing caught: the stderr/stdout text holds its type and message.');
    }
    steps.push(`On the server, open a console in ${root} and run \`${command}\` under the same account if possible: the startup exception is printed there.`);
    steps.push('Read Event Viewer > Application, source "IIS AspNetCore Module V2": 1035 and 1018 events embed the first 30 KB of the app\'s stdout/stderr, usually with the exception and stack trace.');
    if (facts.emptyStdout === true) {
      steps.push('Event 1011 carries no output: enable stdout logging (stdoutLogEnabled="true", stdoutLogFile=".\\logs\\stdout", create the folder), recycle the pool, reproduce, and read logs\\stdout_*.log.');
    }
    steps.push('Set ASPNETCORE_DETAILEDERRORS=1 (environmentVariables in web.config) briefly: the 500.30 page then shows the exception. Remove it afterwards.');
    steps.push('Seen a 502 or 500.30 only during a deploy or an app pool recycle? An in-process request caught while the worker restarts can fail with 500.30 too; check the WAS events around the same minute before debugging startup code.');
    return steps;
  },
  fix({ facts }) {
    return {
      summary:
        facts.specific === true
          ? 'Fix the specific startup error named by the higher-ranked cause; to see the whole exception, enable stdout logging (a diagnostic change: revert it once the app starts).'
          : 'Fix the exception thrown during startup (see the 1035/1018 event text or the stdout log). To capture it, enable stdout logging: a diagnostic change, revert it once the app starts.',
      change: { set: { stdoutLogEnabled: 'true', stdoutLogFile: '.\\logs\\stdout' } },
      snippet:
        'try\n{\n    var builder = WebApplication.CreateBuilder(args);\n    // ... services\n    var app = builder.Build();\n    app.Run();\n}\ncatch (Exception ex)\n{\n    // Written to stdout, so ANCM puts it in the stdout log and in event 1035.\n    Console.Error.WriteLine($"Startup failed: {ex}");\n    throw;\n}',
      language: 'csharp',
    };
  },
  wants: ['event-log', 'stdout-log', 'web-config', 'error-page'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50030-in-process-startup-failure',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting',
  ],
});
