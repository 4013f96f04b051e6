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
import { createInterface, type Interface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

export const GREETING =
  'Paste evidence (IIS log lines, an error page, Event Viewer text, headers, web.config): a paste is\n' +
  'answered when it ends. Typed text is collected until an empty line or Ctrl-D; a question (ending\n' +
  'with "?") or a command ("help", "summary", "details", "reset", "resolved <cause>") is answered at\n' +
  'once. Ctrl-C discards what you are typing; Ctrl-C or Ctrl-D on an empty prompt, or "exit", quits.\n';

/**
 * Splits terminal input into keys (for readline: editing, history, Ctrl-C/D/L) and pastes (taken
 * whole, never echoed key by key: a 20,000-line log must not go through line editing). A marker
 * split across two reads is held back until the next one.
 */
export class PasteDemux {
  private readonly decoder = new StringDecoder('utf8');
  private held = '';
  private paste: string | undefined;

  constructor(
    private readonly keys: (text: string) => void,
    private readonly pasted: (text: string) => void,
  ) {}

  write(chunk: Buffer | string): void {
    let text = this.held + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    this.held = '';
    for (;;) {
      const marker = this.paste === undefined ? PASTE_START : PASTE_END;
      const at = text.indexOf(marker);
      if (at < 0) {
        const keep = partialMarker(text, marker);
        const ready = text.slice(0, text.length - keep);
        this.held = text.slice(text.length - keep);
        if (this.paste === undefined) {
          if (ready.length > 0) this.keys(ready);
        } else {
          this.paste += ready;
        }
        return;
      }
      if (this.paste === undefined) {
        if (at > 0) this.keys(text.slice(0, at));
        this.paste = '';
      } else {
        const whole = this.paste + text.slice(0, at);
        this.paste = undefined;
        this.pasted(whole);
      }
      text = text.slice(at + marker.length);
    }
  }
}

/** How many characters at the end of `text` could begin `marker` (held until more input comes). */
function partialMarker(text: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, text.length); n > 0; n -= 1) {
    if (marker.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}

/** Longest chunk of typed input split into keys: typing fast over a slow link, not a paste. */
const MAX_TYPED_CHUNK = 256;

/**
 * The keys of a chunk of typed input, one by one. readline reads a chunk of several characters as
 * pasted text, so an editing key inside it is lost ("\x01h" from a fast typist over ssh puts the
 * "h" at the end of the line, not after Ctrl-A): each key must reach it on its own. An escape
 * sequence (CSI `ESC [ … final`, SS3 `ESC O x`, or Alt+key) stays one key, and so does a
 * character outside the BMP. A long chunk without control keys (a paste in a terminal without
 * bracketed paste) is passed whole, as readline expects a paste.
 */
export function typedKeys(text: string): string[] {
  // Only control characters (and ESC) need to arrive alone: printable text may stay together.
  if (text.length > MAX_TYPED_CHUNK || text.length === 1 || !hasControlKey(text)) return [text];
  const keys: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = i + 1;
    if (text[i] === '\u001b' && end < text.length) {
      if (text[end] === '[' || text[end] === 'O') {
        end += 1;
        // Parameter and intermediate bytes, then the final byte (0x40-0x7e).
        while (end < text.length && end - i < 32 && !(text.charCodeAt(end) >= 0x40 && text.charCodeAt(end) <= 0x7e)) end += 1;
        end = Math.min(end + 1, text.length);
      } else {
        end += 1;
      }
    } else if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && end < text.length) {
      end += 1;
    }
    keys.push(text.slice(i, end));
    i = end;
  }
  return keys;
}

/** Whether the text holds a control character (Ctrl-A, Enter, ESC, DEL...). */
function hasControlKey(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Runs the session until the user quits; `answer` turns one message into the text to show. */
export function runTerminalSession(io: ConsoleIo, answer: (text: string) => Promise<string>): Promise<void> {
  const { stdin, stdout } = io;
  // readline reads keys from here; pastes never reach it.
  const keys = new PassThrough();
  let rl: Interface;
  let history: string[] = [];
  let collected: string[] = [];
  let ending = false;
  let busy: Promise<void> = Promise.resolve();

  return new Promise<void>((resolve) => {
    const historyOf = (i: Interface): string[] => (i as unknown as { history?: string[] }).history ?? [];

    /** Lines of collected text are evidence, not questions to recall with Up. */
    const forget = (line: string): void => {
      const h = historyOf(rl);
      if (h[0] === line) h.shift();
    };

    const prompt = (): void => {
      rl.setPrompt(collected.length > 0 ? MORE : PROMPT);
      rl.prompt();
    };

    const clearLine = (): void => {
      // Ctrl-E then Ctrl-U: delete the whole line being edited.
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

    const takeCollected = (): string => {
      const text = collected.join('\n');
      collected = [];
      return text;
    };

    const finish = (): void => {
      if (ending) return;
      ending = true;
      stdin.removeListener('data', onData);
      void busy.then(() => {
        stdout.write(`${BRACKETED_PASTE_OFF}\n`);
        rl.close();
        stdin.setRawMode?.(false);
        stdin.pause();
        resolve();
      });
    };

    /** A paste is one message, with whatever was typed before it. */
    const onPaste = (pasted: string): void => {
      if (ending) return;
      const text = pasted.replace(/\r\n?/g, '\n');
      const typed = rl.line;
      if (typed.length > 0) clearLine();
      const lines = text.replace(/\n+$/, '').split('\n');
      const first = lines.find((l) => l.trim().length > 0)?.trim() ?? '';
      stdout.write(`[your paste: ${lines.length} line${lines.length === 1 ? '' : 's'}${first ? `, "${first.length > 60 ? `${first.slice(0, 57)}...` : first}"` : ''}]\n`);
      submit([...collected.splice(0), ...(typed.length > 0 ? [typed] : []), text].join('\n'));
    };

    const demux = new PasteDemux((text) => {
      for (const key of typedKeys(text)) keys.write(key);
    }, onPaste);
    const onData = (chunk: Buffer | string): void => demux.write(chunk);

    const onLine = (line: string): void => {
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
      if (collected.length > 0 || rl.line.length > 0) {
        const what = collected.length > 0 ? 'paste discarded' : 'line discarded';
        collected = [];
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
      if (collected.length > 0) {
        open();
        stdout.write('\n');
        submit(takeCollected());
        return;
      }
      finish();
    };

    const open = (): void => {
      rl = createInterface({ input: keys, output: stdout, terminal: true, history, historySize: 200, removeHistoryDuplicates: true, prompt: PROMPT });
      rl.on('line', onLine);
      rl.on('SIGINT', onSigint);
      rl.on('close', onClose);
    };

    // Raw mode: every key reaches readline (through the demux) as the terminal sends it.
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
    stdout.write(`${BRACKETED_PASTE_ON}${GREETING}`);
    open();
    prompt();
  });
}
