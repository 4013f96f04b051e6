/**
 * A program in a real pseudo-terminal (node-pty), driven like a person at a keyboard: type, wait
 * for something on the screen, read what came out with terminal escapes removed.
 */
import { spawn, type IPty } from 'node-pty';

export interface PtySession {
  pty: IPty;
  /** Everything the program wrote, escapes included. */
  raw(): string;
  /** What a person reads: escape sequences removed, CRLF as LF. */
  text(): string;
  type(keys: string): void;
  /** Resolves with the index after the first match in text() at or after `from`. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<number>;
  exited: Promise<number>;
}

// ESC [ params letter, ESC ] ... BEL, and lone ESC x: enough for readline's output.
// eslint-disable-next-line no-control-regex -- terminal escapes are control characters
const ESCAPES = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[@-Z\\-_]/g;

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '').replace(/\r\n/g, '\n').replace(/\r/g, '');
}

export function startPty(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number }): PtySession {
  const pty = spawn(file, args, { name: 'xterm-256color', cols: options.cols ?? 100, rows: options.rows ?? 50, cwd: options.cwd, env: options.env as Record<string, string> });
  let output = '';
  pty.onData((d) => (output += d));
  const exited = new Promise<number>((resolve) => pty.onExit((e) => resolve(e.exitCode)));
  const text = (): string => stripEscapes(output);
  const waitFor = (pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<number> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const shown = text();
        const found = pattern.exec(shown.slice(from));
        if (found) {
          clearInterval(timer);
          resolve(from + found.index + found[0].length);
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(timer);
          reject(new Error(`timed out waiting for ${String(pattern)}; screen after ${from}:\n${shown.slice(from)}`));
        }
      }, 25);
    });
  return { pty, raw: () => output, text, type: (keys) => pty.write(keys), waitFor, exited };
}
