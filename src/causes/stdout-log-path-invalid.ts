/**
 * ANCM could not create the stdout log file (folder missing or not writable by the pool identity).
 * Rarely the 502 itself: it hides the app's real startup exception, which is why it matters.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, codes, refsOf, signals } from './query';
import { ancmEvents, appPoolName, configRef, linesWithText, startupContext } from './support/ancm-evidence';

const TEXTS = ['Could not create stdoutLogFile', 'Could not start stdout redirection'];

interface StdoutLogPathInvalidFacts {
  /** The path ANCM could not create, as its event says it, and the stdoutLogFile web.config sets. */
  path?: string;
  stdoutLogFile?: string;
  /** The HRESULT of the failure (0x80070005: access denied, 0x80070003: path not found). */
  hresult?: string;
  pool?: string;
  /** The app is also failing to start, so the missing log hides that failure's details. */
  startupFailing: boolean;
}

export default defineCause<StdoutLogPathInvalidFacts>({
  id: 'stdout-log-path-invalid',
  title: 'ANCM cannot write the stdout log (folder missing or not writable)',
  family: 'config-error',
  layer: 'ancm',
  clues: {
    'ancm.stdout-log-failed': 'strong',
    'event.ancm.1004': 'strong',
  },
  description:
    'stdoutLogEnabled is on but ANCM cannot create the file under stdoutLogFile: the folder does not exist or the app pool identity may not write there. The app may still run; the real startup error is just not captured.',
  match(evidence) {
    const redirect = signals(evidence, 'stdout-redirect-failed');
    const configEvents = ancmEvents(evidence, [1004], ['stdoutLogFile']).concat(ancmEvents(evidence, [1004, 1026, 1025], ['stdout redirection']));
    const bareLines = redirect.length === 0 && configEvents.length === 0 ? linesWithText(evidence, TEXTS) : [];
    const denied = codes(evidence, 5).filter((c) => c.ref.text.toLowerCase().includes('stdout'));
    if (redirect.length === 0 && configEvents.length === 0 && bareLines.length === 0 && denied.length === 0) return undefined;

    // Modest on purpose: a missing log folder does not stop the app, it hides why the app stopped.
    let confidence = redirect.length > 0 || configEvents.length > 0 ? boosted(CONFIDENCE.possible, 0.05) : CONFIDENCE.possible;
    if (startupContext(evidence)) confidence = boosted(confidence, 0.05);

    const file = aspNetCoreAttribute(evidence, 'stdoutLogFile');
    const message = configEvents[0]?.message ?? redirect[0]?.ref.text ?? bareLines[0]?.text ?? '';
    const refs: EvidenceRef[] = [...configEvents.map((e) => e.messageRef), ...redirect.map((s) => s.ref), ...bareLines, ...denied.map((c) => c.ref)];
    const fileRef = file ? configRef(evidence, file.source, file.line) : undefined;
    if (fileRef) refs.push(fileRef);
    return {
      confidence,
      evidence: refsOf(refs, 6),
      facts: {
        path: pathOf(message),
        stdoutLogFile: file?.value,
        hresult: redirect.find((s) => s.data.hresult !== undefined)?.data.hresult ?? hresultOf(message),
        pool: appPoolName(evidence),
        startupFailing: startupContext(evidence),
      },
    };
  },
  steps({ facts }) {
    const pool = facts.pool ?? '<pool>';
    const target = facts.path ?? facts.stdoutLogFile ?? '.\\logs\\stdout';
    const steps: string[] = [];
    steps.push(`ANCM could not create ${target}${facts.hresult !== undefined ? ` (${facts.hresult}${facts.hresult.toLowerCase() === '0x80070005' ? ': access denied' : facts.hresult.toLowerCase() === '0x80070003' ? ': path not found' : ''})` : ''}. A relative stdoutLogFile is resolved from the site's physical path.`);
    steps.push(`Check the folder exists and that IIS AppPool\\${pool} may write there: \`icacls <site folder>\\logs\` should list it (or IIS_IUSRS) with (M) or (W).`);
    if (facts.startupFailing === true) {
      steps.push('The app is also failing to start: once the log can be written, the stdout file will hold the exception that the 502.5/500.30 is about. Until then, read the 1020/1035 events, which embed the first 30 KB of output.');
    } else {
      steps.push('This alone rarely causes a 502: the app can run without its stdout log. Keep looking for the error that brought you here; this only hides its details.');
    }
    steps.push('On Azure App Service use stdoutLogFile="\\\\?\\%home%\\LogFiles\\stdout"; the site folder is not the place for logs there.');
    return steps;
  },
  fix({ facts }) {
    const pool = facts.pool ?? 'YourPool';
    return {
      summary: `Create the logs folder under the site and give IIS AppPool\\${pool} modify rights on it (and turn stdout logging off again once the problem is found).`,
      snippet: `New-Item -ItemType Directory -Force "C:\\inetpub\\YourSite\\logs"\nicacls "C:\\inetpub\\YourSite\\logs" /grant "IIS AppPool\\${pool}:(OI)(CI)M"`,
      language: 'powershell',
    };
  },
  wants: ['event-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#log-creation-and-redirection',
  ],
});

/** The file named in "Could not create stdoutLogFile <path>, ErrorCode ..." or "redirection in <path>". */
function pathOf(message: string): string | undefined {
  for (const [open, close] of [
    ['Could not create stdoutLogFile ', ', ErrorCode'],
    ['Could not start stdout redirection in ', '. Exception message'],
  ] as const) {
    const at = message.indexOf(open);
    if (at < 0) continue;
    const from = at + open.length;
    const end = message.indexOf(close, from);
    if (end > from && end - from < 400) return message.slice(from, end).trim();
  }
  return undefined;
}

/** The first HRESULT in the message (`0x80070005`), or a signed decimal ErrorCode of ANCM V1. */
function hresultOf(message: string): string | undefined {
  const hex = /0x8[0-9a-fA-F]{7}/.exec(message.slice(0, 2000));
  if (hex) return hex[0].toLowerCase();
  const dec = /ErrorCode = (-\d{10})/.exec(message.slice(0, 2000));
  if (dec?.[1]) return `0x${(Number(dec[1]) >>> 0).toString(16)}`;
  return undefined;
}
