/**
 * Answer pieces that read the thread's diagnosis: what to paste when there is none, how to show a
 * cause's fix, its evidence and what is still missing. Shared by the thread questions ("how do I
 * fix it?") and the cause entries, so both describe a diagnosed cause the same way.
 */
import type { DiagnosedCause, Diagnosis, MissingEvidence } from '../../contract';
import { HOW_TO_COLLECT } from '../collect';
import { bullets, code, numbered, paragraphs, percent, quoteRef, titledList } from './text';

/** Evidence lines quoted per cause: the most telling ones come first. */
const MAX_QUOTED_REFS = 6;

/** The diagnosis when it names at least one cause. */
export function diagnosedCauses(diagnosis: Diagnosis | null): DiagnosedCause[] {
  return diagnosis?.causes ?? [];
}

/**
 * What to paste when nothing is diagnosed yet, in the order that settles most 502s: the exact
 * error, the IIS log rows, the response headers, the Windows events.
 */
export function pasteFirst(intro: string): string {
  const kinds = ['error-page', 'iis-log', 'headers', 'event-log'] as const;
  return paragraphs(
    intro,
    titledList(
      'Paste any of these into the thread (values that look like secrets are masked before anything is read or stored), most useful first:',
      numbered(kinds.map((kind) => `${HOW_TO_COLLECT[kind].what}. ${HOW_TO_COLLECT[kind].how}`)),
    ),
  );
}

/** "- What. Why. How: how" for each missing piece of evidence. */
export function missingList(missing: readonly MissingEvidence[]): string {
  return bullets(missing.map((m) => `${m.what}. ${m.why} How: ${m.how}`));
}

/** The lines a cause rests on. */
export function evidenceList(cause: DiagnosedCause): string {
  return bullets(cause.evidence.slice(0, MAX_QUOTED_REFS).map(quoteRef));
}

/** The fix of a diagnosed cause: summary, then the diff of the user's web.config or the snippet. */
export function fixText(cause: DiagnosedCause): string {
  const { fix } = cause;
  let body = '';
  if (fix.diff) body = paragraphs('The change to your own web.config:', code(fix.diff));
  else if (fix.snippet) body = paragraphs(`Example${fix.language && fix.language !== 'text' ? ` (${fix.language})` : ''}:`, code(fix.snippet));
  return paragraphs(`Fix: ${fix.summary}`, body);
}

/** The tailored steps of a diagnosed cause. */
export function stepsText(cause: DiagnosedCause, heading = 'Steps:'): string {
  return titledList(heading, numbered(cause.steps));
}

/** "Thread pool starvation stalled the whole app (62%)". */
export function causeLabel(cause: DiagnosedCause): string {
  return `${cause.title} (${percent(cause.confidence)})`;
}
