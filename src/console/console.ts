/**
 * The local console: diag502 without Slack, through the same conversation layer and store the
 * bot uses. In a terminal it behaves like one Slack thread (see terminal-session.ts); piped input
 * (`cat u_ex.log | npm start`) is diagnosed as one message and the process exits.
 */
import type { Readable, Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type * as ChartRender from '../chart/render';
import { Conversation, type MessagePlace } from '../conversation/conversation';
import { createInlineEngine } from '../conversation/engine';
import type { HouseRule } from '../evidence/house';
import type { Store } from '../conversation/store/store';
import type { TeamMemory } from '../conversation/store/team-memory';
import { LOCAL_TEAM } from '../conversation/memory';
import type { ThreadKey } from '../conversation/types';
import type { Reply } from '../conversation/replies';
import { renderReplyText } from '../render/reply-text';
import { renderText } from '../render/text';
import { DETAILS, runTerminalSession } from './terminal-session';

export interface ConsoleIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: Writable & { columns?: number; rows?: number };
}

function consoleUser(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

/** A new thread per console session: earlier sessions' evidence stays in the store, apart. */
function consoleThread(startedAt: Date): ThreadKey {
  return { surface: 'console', team: LOCAL_TEAM, channel: consoleUser(), thread: `${startedAt.toISOString()}-${process.pid}` };
}

/**
 * Evidence lines are cited as a person would say them: "your paste, line 27", then "your paste 2,
 * line 4" for the next one.
 */
export function consoleSource(place: MessagePlace): string {
  return place.evidence === 1 ? 'your paste' : `your paste ${place.evidence}`;
}

/** Where the console writes timeline charts: DIAG502_CHART_DIR, else a diag502 folder in the temp folder. */
export function chartFolder(): string {
  return process.env.DIAG502_CHART_DIR || join(tmpdir(), 'diag502');
}

/**
 * A terminal shows no picture: the timeline of a diagnosis goes to a PNG file and its path is
 * printed on one line (the first answer must still fit one screen). The file is named after the
 * timeline's content, so the same evidence draws the same file and another paste another file.
 * Empty when the reply has no timeline.
 */
export async function chartLine(reply: Reply | null): Promise<string> {
  if (reply?.type !== 'diagnosis' || !reply.diagnosis.timeline) return '';
  const timeline = reply.diagnosis.timeline;
  const name = createHash('sha256').update(JSON.stringify(timeline)).digest('hex').slice(0, 16);
  const path = join(chartFolder(), `timeline-${name}.png`);
  try {
    // Loaded on the first chart only: Vega and resvg would slow every start of the console.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { timelinePng } = require('../chart/render') as typeof ChartRender;
    await mkdir(chartFolder(), { recursive: true });
    await writeFile(path, await timelinePng(timeline));
  } catch (error) {
    return `Timeline chart not drawn: ${(error as Error).message}\n`;
  }
  return `Timeline chart: ${path}\n`;
}

/** Exit status of a piped run: 0 when a cause was found or a question answered, 1 otherwise. */
function exitCodeOf(reply: Reply | null): number {
  if (!reply) return 1;
  if (reply.type === 'diagnosis') return reply.diagnosis.causes.length > 0 ? 0 : 1;
  return reply.type === 'no-evidence' || reply.type === 'unknown-question' ? 1 : 0;
}

export interface ConsoleOptions {
  /** House rules (validated by the caller) used for every diagnosis here. */
  rules?: readonly HouseRule[];
  /** The team's memory, when kept apart from the store (`--memory PATH`: a file shared with the CLI). */
  memory?: TeamMemory;
}

export async function runConsole(io: ConsoleIo, store: Store, options: ConsoleOptions = {}): Promise<number> {
  const conversation = new Conversation(store, { sourceName: consoleSource, engine: createInlineEngine(options.rules), ...(options.memory ? { memory: options.memory } : {}) });
  const key = consoleThread(new Date());
  const author = consoleUser();
  let counter = 0;
  const send = async (text: string): Promise<Reply | null> => {
    counter += 1;
    return conversation.handle({ key, messageId: String(counter), author, text, addressed: true, slack: 'auto' });
  };

  if (!io.stdin.isTTY) {
    let text = '';
    io.stdin.setEncoding('utf8');
    for await (const chunk of io.stdin) text += chunk as string;
    if (text.trim().length === 0) {
      io.stdout.write('diag502: nothing was piped in. Try: cat u_ex261120.log | npm start\n');
      return 2;
    }
    const reply = await send(text);
    io.stdout.write(reply ? renderReplyText(reply) : 'No answer: the input held nothing to diagnose.\n');
    io.stdout.write(await chartLine(reply));
    return exitCodeOf(reply);
  }

  await runTerminalSession(io, async (text) => {
    if (text.trim().toLowerCase() === DETAILS) {
      const diagnosis = await conversation.currentDiagnosis(key);
      return diagnosis ? renderText(diagnosis, { verbose: true }) : 'Nothing diagnosed yet: paste evidence first.\n';
    }
    const reply = await send(text);
    return reply ? renderReplyText(reply, { fullReport: 'Typing "details"' }) + (await chartLine(reply)) : 'Nothing to answer in that.\n';
  });
  return 0;
}
