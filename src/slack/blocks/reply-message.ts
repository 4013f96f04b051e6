/**
 * Every conversation reply as a Slack message: diagnoses (with what changed), answers to
 * questions, help, the thread summary, and the short acknowledgements. Only a diagnosis, or a
 * summary that holds one, carries the diag502_diagnosis metadata.
 */
import type { KnownBlock } from '@slack/types';
import type { Reply, ThreadEntry } from '../../conversation/replies';
import type { Answer } from '../../advice/knowledge';
import type { Diagnosis } from '../../contract';
import type { MemoryEntry, Resolution } from '../../conversation/types';
import { HELP_TEXT, renderReplyText } from '../../render/reply-text';
import { renderText } from '../../render/text';
import { percent } from '../../render/shared';
import { compose, type Part } from './compose';
import { context, header } from './elements';
import { code, markup, prose, type Chunk } from './flow';
import { clip, escapeText, inlineCode, labelledLink, link, mention, slackDate } from './mrkdwn';
import { diagnosisLayout, diagnosisMessage, type DiagnosisMessageOptions } from './diagnosis-message';
import { diagnosisMetadata, fallback, message, type Overflow, type SlackMessage } from './message';

/** Who asked, what was read and where to answer: the same as for a diagnosis, minus the change. */
export type ReplyMessageOptions = Omit<DiagnosisMessageOptions, 'change' | 'truncated' | 'memory'>;

/** Any reply of the conversation layer, laid out for Slack within Block Kit's limits. */
export function replyMessage(reply: Reply, options: ReplyMessageOptions = {}): SlackMessage {
  switch (reply.type) {
    case 'diagnosis':
      return diagnosisMessage(reply.diagnosis, { ...options, change: reply.change, truncated: reply.truncated, ...(reply.memory ? { memory: reply.memory } : {}) });
    case 'summary':
      return summaryMessage(reply.diagnosis, reply.entries, reply.resolution, options);
    case 'answer':
      return answerMessage(reply.question, reply.answer, options);
    default:
      return shortMessage(reply, options);
  }
}

/** Answer text (paragraphs; "- " and "1. " items; code indented by four spaces) as chunks. */
function answerChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const paragraphs = text.replace(/\r/g, '').split(/\n{2,}/).filter((p) => p.trim().length > 0);
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) chunks.push(markup(['']));
    const lines = paragraph.split('\n');
    if (lines.every((l) => l.startsWith('    ') || l.trim().length === 0)) chunks.push(code(lines.map((l) => l.slice(4)).join('\n')));
    else chunks.push(prose(lines.map((l) => l.replace(/^- /, '• '))));
  });
  return chunks;
}

function answerMessage(question: string, answer: Answer, options: ReplyMessageOptions): SlackMessage {
  const head: KnownBlock[] = [context([`_You asked:_ ${clip(question, 260)}${options.askedBy ? ` (${mention(options.askedBy)})` : ''}`])];
  const parts: Part[] = [{ name: 'the answer', priority: 0, cap: 8000, heading: `*${clip(answer.title, 200)}*`, chunks: answerChunks(answer.text) }];
  const links = answer.references.map(link).filter((l): l is string => l !== undefined).slice(0, 3);
  if (links.length > 0) parts.push({ name: 'references', priority: 1, cap: 800, style: 'context', chunks: [markup([`More: ${links.join(' · ')}`])] });
  const { blocks, overflow } = compose(head, parts, []);
  const first = answer.text.split(/\n{2,}/)[0] ?? '';
  return message(fallback(`${answer.title}: ${first}`), blocks, {
    attach: overflow,
    report: () => ({ filename: 'diag502-answer.txt', content: renderReplyText({ type: 'answer', question, answer }) }),
    threadTs: options.threadTs,
  });
}

function summaryMessage(diagnosis: Diagnosis | null, entries: ThreadEntry[], resolution: Resolution | undefined, options: ReplyMessageOptions): SlackMessage {
  const parts: Part[] = [];
  if (entries.length === 0) parts.push({ name: 'messages', priority: 0, cap: 300, chunks: [markup(['Nothing has been pasted in this thread yet.'])] });
  else parts.push({ name: 'the thread’s messages', priority: 0, cap: 1800, heading: '*Messages so far*', chunks: [markup(entries.map(entryLine))] });
  if (resolution) {
    const cause = resolution.causeId ? ` (${inlineCode(resolution.causeId)})` : '';
    parts.push({ name: 'resolution', priority: 0, cap: 600, chunks: [markup([`*Resolved:* ${clip(resolution.text, 400)}${cause}, recorded by ${mention(resolution.by)}`])] });
  }
  let tail: KnownBlock[] = [];
  let summaryText = `Incident summary: ${entries.length} message${entries.length === 1 ? '' : 's'}`;
  if (diagnosis) {
    const layout = diagnosisLayout(diagnosis, { ...(options.askedBy ? { askedBy: options.askedBy } : {}) });
    parts.push({ name: 'the diagnosis', priority: 0, cap: 0, chunks: [], fixed: layout.head }, ...layout.parts);
    tail = layout.tail;
    const top = diagnosis.causes[0];
    summaryText += top ? `; most likely ${top.title} (${percent(top.confidence)})` : '; no known cause recognized';
  } else {
    parts.push({ name: 'the diagnosis', priority: 0, cap: 300, chunks: [markup(['No diagnosis yet: the thread holds no evidence.'])] });
  }
  const { blocks, overflow } = compose([header('Incident summary')], parts, tail);
  const extra: Parameters<typeof message>[2] = { attach: overflow, report: () => summaryReport(diagnosis, entries, resolution), threadTs: options.threadTs };
  if (diagnosis) extra.metadata = diagnosisMetadata(diagnosis);
  return message(fallback(summaryText), blocks, extra);
}

/** "• message 2 from @ana at <time>: evidence (iis-log, web-config), 40 lines". */
function entryLine(e: ThreadEntry): string {
  const what = e.kind === 'evidence' ? `evidence (${e.kinds.join(', ') || 'text'}), ${e.lines.toLocaleString('en-US')} line${e.lines === 1 ? '' : 's'}` : e.kind;
  return `• message ${e.n} from ${mention(clip(e.author, 80, (s) => s))} at ${slackDate(e.at)}: ${escapeText(what)}`;
}

function summaryReport(diagnosis: Diagnosis | null, entries: ThreadEntry[], resolution: Resolution | undefined): Overflow {
  const lines = ['Incident summary', ''];
  for (const e of entries) {
    const what = e.kind === 'evidence' ? `evidence (${e.kinds.join(', ') || 'text'}), ${e.lines} line(s)` : e.kind;
    lines.push(`message ${e.n} from ${e.author} at ${e.at}: ${what}`);
  }
  if (resolution) lines.push('', `Resolved: ${resolution.text}${resolution.causeId ? ` (${resolution.causeId})` : ''}, recorded by ${resolution.by}`);
  lines.push('', diagnosis ? renderText(diagnosis, { verbose: true }) : 'No diagnosis yet: the thread holds no evidence.');
  return { filename: 'diag502-summary.txt', content: `${lines.join('\n')}\n` };
}

type ShortReply = Exclude<Reply, { type: 'diagnosis' | 'summary' | 'answer' }>;

/** Help, acknowledgements and honest "no": one or two sections each. */
function shortMessage(reply: ShortReply, options: ReplyMessageOptions): SlackMessage {
  const { text, chunks, head } = shortContent(reply);
  const { blocks, overflow } = compose(head, [{ name: 'the reply', priority: 0, cap: 6000, chunks }], []);
  return message(fallback(text), blocks, {
    attach: overflow,
    report: () => ({ filename: 'diag502-reply.txt', content: renderReplyText(reply) }),
    threadTs: options.threadTs,
  });
}

function shortContent(reply: ShortReply): { text: string; chunks: Chunk[]; head: KnownBlock[] } {
  switch (reply.type) {
    case 'help':
      return { text: HELP_TEXT.split('\n')[0]!, chunks: helpChunks(), head: [header('diag502 help')] };
    case 'unknown-question': {
      const lines = [
        `I have no good answer to “${clip(reply.question, 300)}”, and a guess would not help you.`,
        '',
        '*I can help with:*',
        ...reply.topics.map((t) => `• ${clip(t, 300)}`),
        '',
        'Or paste evidence (IIS log lines, an error page, Event Viewer text, response headers, a web.config) and I will diagnose it.',
      ];
      return { text: 'No good answer to that question; here is what I can help with.', chunks: [markup(lines)], head: [] };
    }
    case 'reset':
      return { text: 'This thread’s evidence is forgotten.', chunks: [markup(['Done: this thread’s evidence is forgotten. Paste new evidence to start over.'])], head: [] };
    case 'resolved-usage':
      return {
        text: 'Say what the fix was: resolved <cause>.',
        chunks: [markup(['Say what the fix was: `resolved &lt;cause&gt;`, with a cause id such as `ancm-request-timeout`, or a few words of your own.'])],
        head: [],
      };
    case 'resolved':
      return resolvedContent(reply.resolution, reply.title, reply.remembered);
    case 'memory':
      return memoryContent(reply.entries);
    case 'forgot': {
      const line = reply.id === '' ? 'Say which entry: `forget &lt;id&gt;`, with an id from `memory`.' : reply.found ? `Forgotten: ${inlineCode(reply.id)} is no longer in the team’s memory.` : `The team’s memory holds no entry ${inlineCode(reply.id)} (\`memory\` lists the ids).`;
      return { text: reply.found ? `Forgotten: ${reply.id}.` : 'Nothing forgotten.', chunks: [markup([line])], head: [] };
    }
    case 'no-evidence': {
      const read = reply.read.length > 0 ? ` (I read it as ${escapeText(reply.read.join(', '))})` : '';
      const line = `I found no 502 evidence in that message${read}. Paste IIS log lines, an error page, Event Viewer text, response headers or a web.config; ask a question; or say \`help\`.`;
      return { text: 'No 502 evidence found in that message.', chunks: [markup([line])], head: [] };
    }
  }
}

/**
 * `memory`: one line per entry, newest first, with the id `forget` takes. A list longer than the
 * message holds is cut by compose and attached whole, like any long reply.
 */
function memoryContent(entries: readonly MemoryEntry[]): { text: string; chunks: Chunk[]; head: KnownBlock[] } {
  if (entries.length === 0) {
    return { text: 'The team’s memory is empty.', chunks: [markup(['The team’s memory is empty: `resolved &lt;cause&gt; &lt;what fixed it&gt;` in a diagnosed thread fills it.'])], head: [] };
  }
  const lines = entries.map((e) => {
    const what = e.verdict === 'confirmed' ? `confirmed *${clip(e.title, 150)}*` : `marked *${clip(e.title, 150)}* wrong`;
    const fixed = e.fixedBy ? `; fixed by: “${clip(e.fixedBy, 200)}”` : '';
    const thread = e.link ? labelledLink(e.link, 'thread') : undefined;
    return `• ${inlineCode(e.id)} ${slackDate(e.at)}: ${what} (by ${mention(e.by)}${fixed})${thread ? ` ${thread}` : ''}`;
  });
  return {
    text: `The team’s memory: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.`,
    chunks: [markup([`*The team’s memory* (newest first; \`forget &lt;id&gt;\` removes one)`, ...lines])],
    head: [],
  };
}

function resolvedContent(resolution: Resolution, title: string | undefined, remembered?: MemoryEntry): { text: string; chunks: Chunk[]; head: KnownBlock[] } {
  const kept = remembered ? ` The team’s memory keeps it as ${inlineCode(remembered.id)}.` : '';
  const by = ` (recorded by ${mention(resolution.by)})${kept}`;
  if (title && resolution.causeId) {
    return {
      text: `Recorded: the cause was ${title}.`,
      chunks: [markup([`Recorded: the cause was *${clip(title, 200)}* (${inlineCode(resolution.causeId)})${by}. Thank you: the next incident starts from this.`])],
      head: [],
    };
  }
  return {
    text: 'Recorded the fix as written.',
    chunks: [markup([`Recorded as written: “${clip(resolution.text, 1000)}”${by}. It names no cause in the catalogue, so it is kept word for word.`])],
    head: [],
  };
}

/** HELP_TEXT with its command table in a code block, so the columns stay aligned. */
function helpChunks(): Chunk[] {
  const [intro, commands] = HELP_TEXT.split('\nCommands:\n');
  // The console wraps its prose at 100 columns; Slack wraps by itself, so paragraphs are joined.
  const paragraphs = (intro ?? HELP_TEXT).split(/\n{2,}/).map((p) => p.trim().replace(/\n/g, ' '));
  const chunks: Chunk[] = [prose(paragraphs.flatMap((p, i) => (i > 0 ? ['', p] : [p])))];
  if (commands) chunks.push(markup(['', '*Commands* (in a thread the bot is in):']), code(commands));
  chunks.push(
    markup([
      '',
      '*In Slack:* `/diag502` followed by the evidence in a channel, a mention of the bot on a message or in a thread, or the message shortcut *Diagnose 502* on any message (threads included).',
    ]),
  );
  return chunks;
}
