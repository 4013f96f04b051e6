/**
 * The local console: diag502 without Slack, through the same conversation layer and store the
 * bot uses. In a terminal it behaves like one Slack thread: a paste (ended by an empty line or
 * Ctrl-D) adds evidence, a one-line question or command is answered at once. Piped input
 * (`cat u_ex.log | npm start`) is diagnosed as one message and the process exits.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { userInfo } from 'node:os';
import { Conversation } from '../conversation/conversation';
import { isQuestionShaped } from '../conversation/classify';
import { parseCommand } from '../conversation/commands';
import type { Store } from '../conversation/store/store';
import type { ThreadKey } from '../conversation/types';
import type { Reply } from '../conversation/replies';
import { renderReplyText } from '../render/reply-text';

interface ConsoleIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
}

const PROMPT = 'diag502> ';
const QUIT = new Set(['exit', 'quit', ':q']);

function consoleUser(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

/** A new thread per console session: earlier sessions' evidence stays in the store, apart. */
function consoleThread(startedAt: Date): ThreadKey {
  return { surface: 'console', team: 'local', channel: consoleUser(), thread: `${startedAt.toISOString()}-${process.pid}` };
}

/** Exit status of a piped run: 0 when a cause was found or a question answered, 1 otherwise. */
function exitCodeOf(reply: Reply | null): number {
  if (!reply) return 1;
  if (reply.type === 'diagnosis') return reply.diagnosis.causes.length > 0 ? 0 : 1;
  return reply.type === 'no-evidence' || reply.type === 'unknown-question' ? 1 : 0;
}

export async function runConsole(io: ConsoleIo, store: Store): Promise<number> {
  const conversation = new Conversation(store);
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
    return exitCodeOf(reply);
  }

  io.stdout.write(
    'Paste evidence (IIS log lines, an error page, Event Viewer text, headers, web.config) and end it with an empty line.\n' +
      'Ask a question or type "help", "summary", "reset" or "resolved <cause>". Ctrl-D or "exit" quits.\n' +
      PROMPT,
  );
  const lines = createInterface({ input: io.stdin, terminal: false });
  let paste: string[] = [];
  const answer = async (text: string): Promise<void> => {
    const reply = await send(text);
    io.stdout.write(`\n${reply ? renderReplyText(reply) : 'Nothing to answer in that.\n'}\n${PROMPT}`);
  };
  for await (const line of lines) {
    const trimmed = line.trim();
    if (paste.length === 0) {
      if (trimmed.length === 0) {
        io.stdout.write(PROMPT);
        continue;
      }
      if (QUIT.has(trimmed.toLowerCase())) break;
      // A one-line question or command needs no empty line after it.
      if (parseCommand(trimmed) || isQuestionShaped(trimmed)) {
        await answer(trimmed);
        continue;
      }
    }
    if (trimmed.length === 0) {
      const text = paste.join('\n');
      paste = [];
      await answer(text);
    } else {
      paste.push(line);
    }
  }
  if (paste.length > 0) await answer(paste.join('\n'));
  io.stdout.write('\n');
  // Let go of the terminal: a paused stdin no longer keeps the process alive after "exit".
  lines.close();
  io.stdin.pause();
  return 0;
}
