/**
 * Conversation replies → plain text: what the local console prints (exactly what the bot would
 * post, laid out for a terminal), and the words the Slack face reuses (the help text, what changed
 * since the last diagnosis). Rendering, shared by the faces, so neither face imports the other.
 *
 * render/ sits between the faces and the conversation: it reads the conversation's reply types
 * (type imports only; it never runs a conversation) and decides nothing.
 */
import type { Recalled, Reply } from '../conversation/replies';
import type { MemoryEntry } from '../conversation/types';
import type { DiagnosisChange } from '../conversation/change';
import { renderText, type TextOptions } from './text';
import { percent } from './shared';

export const HELP_TEXT = `diag502 diagnoses HTTP 502s of ASP.NET Core apps (IIS/ANCM, ARR, nginx, Cloudflare, AWS ALB, Azure).

Paste evidence: IIS log lines, an error page, Event Viewer text, response headers, a FREB file, a
stdout log or a web.config. Each paste adds to this incident and the whole thread is diagnosed
again together. Values that look like secrets are masked before anything is kept.

Ask questions: "502 or 504?", "how do I enable stdout logging?", "why does it work with dotnet run?",
"in-process or out-of-process?", "is it Cloudflare or my origin?", "how do I fix it?",
"what should I check next?".

Commands:
  help                 this text
  summary              the current diagnosis and the evidence so far
  reset                forget this thread's evidence and start again
  resolved <cause> <what fixed it>
                       record what the fix really was (a cause id such as ancm-request-timeout, or
                       words); the team's memory recalls it when the same incident comes back
  memory               what the team's memory holds: confirmed causes and wrong diagnoses, with ids
  forget <id>          remove one entry from the team's memory`;

/** The day of an ISO time, as people write it: 2026-11-20. */
function day(at: string): string {
  return at.slice(0, 10);
}

/**
 * What the team's memory says, in the words the faces print first: "Seen before: …" for an
 * incident the team confirmed, and a warning for a diagnosis the team marked wrong.
 */
export function memoryLines(recalled: Recalled | undefined): string[] {
  const lines: string[] = [];
  const confirmed = recalled?.confirmed;
  if (confirmed) {
    const where = confirmed.link ? `thread: ${confirmed.link}` : `memory entry ${confirmed.id}`;
    const fixed = confirmed.fixedBy ? ` What fixed it: \u201c${confirmed.fixedBy}\u201d.` : '';
    lines.push(`Seen before: on ${day(confirmed.at)} the team confirmed "${confirmed.title}" (${where}).${fixed}`);
  }
  const wrong = recalled?.wrong;
  if (wrong) {
    const where = wrong.link ? `, thread: ${wrong.link}` : '';
    lines.push(`\u26a0 Last time this diagnosis was marked wrong (by ${wrong.by} on ${day(wrong.at)}${where}).`);
  }
  return lines;
}

/** One line of `memory`: id, day, verdict, cause, and the team's words. */
export function memoryEntryLine(e: MemoryEntry): string {
  const what = e.verdict === 'confirmed' ? `confirmed "${e.title}"` : `marked "${e.title}" wrong`;
  const fixed = e.fixedBy ? `; fixed by: ${e.fixedBy}` : '';
  return `${e.id}  ${day(e.at)}  ${what} (by ${e.by}${fixed})${e.link ? `  ${e.link}` : ''}`;
}

/** The `memory` listing, as the console and the CLI print it. */
export function memoryListText(entries: readonly MemoryEntry[]): string {
  if (entries.length === 0) return 'The team\'s memory is empty: confirm a diagnosis (resolved <cause> <what fixed it>) to fill it.\n';
  return `The team's memory (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first; "forget <id>" removes one):\n${entries.map((e) => `  ${memoryEntryLine(e)}`).join('\n')}\n`;
}

/** The answer to `forget <id>`. */
export function forgotText(id: string, found: boolean): string {
  if (id === '') return 'Say which entry: "forget <id>", with an id from "memory".\n';
  return found ? `Forgotten: ${id} is no longer in the team's memory.\n` : `The team's memory holds no entry ${id} (see "memory" for the ids).\n`;
}

export function describeChange(change: DiagnosisChange): string[] {
  if (change.first) return [];
  const lines: string[] = [];
  const { top, previousTop } = change;
  if (change.topChanged && top) {
    lines.push(`New top cause: ${top.title} (${percent(top.confidence)})${previousTop ? `, was ${previousTop.title} (${percent(previousTop.confidence)})` : ''}.`);
  } else if (change.topChanged && !top) {
    lines.push('No cause is recognized any more.');
  } else if (top && change.confidenceDelta !== undefined) {
    const d = change.confidenceDelta;
    if (d > 0) lines.push(`Confidence in "${top.title}" went up: ${percent(top.confidence - d)} → ${percent(top.confidence)}.`);
    else if (d < 0) lines.push(`Confidence in "${top.title}" went down: ${percent(top.confidence - d)} → ${percent(top.confidence)}.`);
    else lines.push(`Top cause unchanged: ${top.title} (${percent(top.confidence)}).`);
  }
  if (change.ruledIn.length > 0) lines.push(`Ruled in: ${change.ruledIn.map((c) => `${c.title} (${percent(c.confidence)})`).join('; ')}.`);
  if (change.ruledOut.length > 0) lines.push(`Ruled out: ${change.ruledOut.map((c) => c.title).join('; ')}.`);
  if (change.next) lines.push(`What would settle it: ${change.next.what}.`);
  return lines;
}

export function renderReplyText(reply: Reply, text: TextOptions = {}): string {
  switch (reply.type) {
    case 'diagnosis': {
      const changed = describeChange(reply.change);
      const head = changed.length > 0 ? `What changed:\n${changed.map((l) => `  ${l}`).join('\n')}\n\n` : '';
      const cut = reply.truncated ? 'Note: the message was longer than 2 MB; only its first 2 MB were read.\n\n' : '';
      const remembered = memoryLines(reply.memory);
      const seen = remembered.length > 0 ? `${remembered.join('\n')}\n\n` : '';
      return `${seen}${cut}${head}${renderText(reply.diagnosis, text)}`;
    }
    case 'answer': {
      const refs = reply.answer.references.length > 0 ? `\n\nMore: ${reply.answer.references.slice(0, 3).join('  ')}` : '';
      return `${reply.answer.title}\n\n${reply.answer.text}${refs}\n`;
    }
    case 'unknown-question':
      return `I don't know the answer to that one, and I'd rather not guess.\nI can help with: ${reply.topics.join('; ')}.\nOr paste evidence (logs, headers, event text, web.config) and I'll diagnose it.\n`;
    case 'help':
      return `${HELP_TEXT}\n`;
    case 'reset':
      return 'This thread\'s evidence is forgotten. Paste new evidence to start again.\n';
    case 'resolved-usage':
      return 'Tell me what the fix was: "resolved <cause>", with a cause id (such as ancm-request-timeout) or a few words.\n';
    case 'resolved': {
      const kept = reply.remembered ? `The team's memory keeps it as ${reply.remembered.id}${reply.remembered.fixedBy ? `, fixed by: ${reply.remembered.fixedBy}` : ''}.\n` : '';
      return reply.title
        ? `Recorded: the cause was "${reply.title}" (${reply.resolution.causeId}). Thanks, that helps the next incident.\n${kept}`
        : `Recorded: "${reply.resolution.text}". It matches no cause in the catalogue, so it is kept as written.\n${kept}`;
    }
    case 'memory':
      return memoryListText(reply.entries);
    case 'forgot':
      return forgotText(reply.id, reply.found);
    case 'no-evidence':
      return `I found no 502 evidence in that message${reply.read.length > 0 ? ` (I read it as: ${reply.read.join(', ')})` : ''}. Paste IIS log lines, an error page, Event Viewer text, headers or a web.config, ask a question, or say "help".\n`;
    case 'summary': {
      const lines = ['Incident summary'];
      if (reply.entries.length === 0) lines.push('', 'Nothing has been pasted in this thread yet.');
      else {
        lines.push('', 'Messages so far:');
        for (const e of reply.entries) {
          const what = e.kind === 'evidence' ? `evidence: ${e.kinds.join(', ') || 'text'}, ${e.lines} line(s)` : e.kind;
          lines.push(`  message ${e.n} from ${e.author} at ${e.at}: ${what}`);
        }
      }
      if (reply.resolution) lines.push('', `Resolved: ${reply.resolution.text} (by ${reply.resolution.by})`);
      lines.push('', reply.diagnosis ? renderText(reply.diagnosis) : 'No diagnosis yet: the thread holds no evidence.');
      return `${lines.join('\n')}\n`;
    }
  }
}
