/**
 * The console in a terminal: Node's readline for line editing (arrows, Ctrl-A/E, Ctrl-L, Up for
 * earlier questions), bracketed paste so a paste arrives whole (blank lines included: the
 * `Get-WinEvent | Format-List` output, an error page, `curl -v` output are one message), and a
 * continuation prompt while typed text is collected.
 *
 *   a paste                       answered as one message when the terminal says it ended
 *   a typed question or command   answered at once (`?` at the end, or a known command)
 *   other typed text              collected until an empty line, or Ctrl-D
 *   Ctrl-D                        ends what is being collected; on an empty prompt, quits
 *   Ctrl-C                        discards what is being collected; on an empty prompt, quits
 */
import { createInterface, emitKeypressEvents, type Interface, type Key } from 'node:readline';
import { isQuestionShaped } from '../conversation/classify';
import { parseCommand } from '../conversation/commands';
import type { ConsoleIo } from './console';

export const PROMPT = 'diag502> ';
/** The console's own command: the full report of the diagnosis so far. */
export const DETAILS = 'details';
/** Shown while a message is being collected, so the user sees it is not answered yet. */
export const MORE = '     ...> ';
const QUIT = new Set(['exit', 'quit', ':q']);
/** xterm's bracketed paste mode: the terminal wraps a paste in ESC[200~ ... ESC[201~. */
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

export const GREETING =
  'Paste evidence (IIS log lines, an error page, Event Viewer text, headers, web.config): a paste is\n' +
  'answered when it ends. Typed text is collected until an empty line or Ctrl-D; a question (ending\n' +
  'with "?") or a command ("help", "summary", "details", "reset", "resolved <cause>") is answered at\n' +
  'once. Ctrl-C discards what you are typing; Ctrl-C or Ctrl-D on an empty prompt, or "exit", quits.\n';

/** Runs the session until the user quits; `answer` turns one message into the text to show. */
export function runTerminalSession(io: ConsoleIo, answer: (text: string) => Promise<string>): Promise<void> {
  const { stdin, stdout } = io;
  emitKeypressEvents(stdin);
  let rl: Interface;
  let history: string[] = [];
  let collected: string[] = [];
  let pasting = false;
  let ending = false;
  let busy: Promise<void> = Promise.resolve();

  return new Promise<void>((resolve) => {
    const historyOf = (i: Interface): string[] => (i as unknown as { history?: string[] }).history ?? [];

    /** Lines of a paste or of collected text are evidence, not questions to recall with Up. */
    const forget = (line: string): void => {
      const h = historyOf(rl);
      if (h[0] === line) h.shift();
    };

    const prompt = (): void => {
      rl.setPrompt(collected.length > 0 || pasting ? MORE : PROMPT);
      rl.prompt();
    };

    const clearLine = (): void => {
      // Ctrl-U: delete from the cursor to the start of the line (the cursor is at its end).
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
    };

    const submit = (text: string): void => {
      if (text.trim().length === 0) {
        prompt();
        return;
      }
      rl.pause();
      busy = busy.then(async () => {
        const shown = await answer(text);
        if (ending) return;
        stdout.write(`\n${shown.endsWith('\n') ? shown : `${shown}\n`}\n`);
        rl.resume();
        prompt();
      });
    };

    const finish = (): void => {
      if (ending) return;
      ending = true;
      stdin.removeListener('keypress', onKeypress);
      void busy.then(() => {
        stdout.write(`${BRACKETED_PASTE_OFF}\n`);
        rl.close();
        stdin.pause();
        resolve();
      });
    };

    const takeCollected = (): string => {
      const text = collected.join('\n');
      collected = [];
      pasting = false;
      return text;
    };

    const onKeypress = (_s: string | undefined, key: Key | undefined): void => {
      if (key?.name === 'paste-start') {
        pasting = true;
        return;
      }
      if (key?.name === 'paste-end') {
        // The paste's last line has no Enter after it: it is still in the line being edited.
        const last = rl.line;
        if (last.length > 0) {
          collected.push(last);
          clearLine();
        }
        stdout.write('\n');
        submit(takeCollected());
      }
    };

    const onLine = (line: string): void => {
      if (pasting) {
        forget(line);
        collected.push(line);
        return;
      }
      const trimmed = line.trim();
      if (collected.length === 0) {
        if (trimmed.length === 0) return prompt();
        if (QUIT.has(trimmed.toLowerCase())) return finish();
        // A one-line question or command needs no empty line after it.
        if (trimmed.toLowerCase() === DETAILS || parseCommand(trimmed) || isQuestionShaped(trimmed)) return submit(trimmed);
      }
      if (trimmed.length === 0) return submit(takeCollected());
      forget(line);
      collected.push(line);
      prompt();
    };

    const onSigint = (): void => {
      if (collected.length > 0 || pasting || rl.line.length > 0) {
        const what = collected.length > 0 || pasting ? 'paste discarded' : 'line discarded';
        collected = [];
        pasting = false;
        clearLine();
        stdout.write(`^C (${what})\n`);
        prompt();
        return;
      }
      stdout.write('^C\n');
      finish();
    };

    const onClose = (): void => {
      if (ending) return;
      // Ctrl-D on an empty line closes readline. With text collected it only ends that text.
      history = historyOf(rl);
      if (collected.length > 0 || pasting) {
        open();
        stdout.write('\n');
        submit(takeCollected());
        return;
      }
      finish();
    };

    const open = (): void => {
      rl = createInterface({ input: stdin, output: stdout, terminal: true, history, historySize: 200, removeHistoryDuplicates: true, prompt: PROMPT });
      rl.on('line', onLine);
      rl.on('SIGINT', onSigint);
      rl.on('close', onClose);
    };

    stdin.on('keypress', onKeypress);
    stdout.write(`${BRACKETED_PASTE_ON}${GREETING}`);
    open();
    prompt();
  });
}
