/**
 * The local console: diag502 without Slack. Piped input is diagnosed once; in a terminal it
 * behaves like one incident thread: each paste (ended by a blank line or Ctrl-D) adds evidence
 * and the whole thread is diagnosed again.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { diagnose, type EvidenceInput } from '../diagnose';
import { renderText } from '../render/text';

export interface ConsoleIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
}

export async function runConsole(io: ConsoleIo): Promise<number> {
  if (!io.stdin.isTTY) {
    let text = '';
    io.stdin.setEncoding('utf8');
    for await (const chunk of io.stdin) text += chunk as string;
    const diagnosis = diagnose([{ source: 'stdin', text, slack: 'auto' }]);
    io.stdout.write(renderText(diagnosis));
    return diagnosis.causes.length > 0 ? 0 : 1;
  }
  io.stdout.write('Paste evidence (IIS log lines, event text, headers, web.config...). End a paste with an empty line; Ctrl-D quits.\n> ');
  const thread: EvidenceInput[] = [];
  let paste: string[] = [];
  const lines = createInterface({ input: io.stdin, terminal: false });
  const flush = (): void => {
    if (paste.join('').trim().length === 0) return;
    thread.push({ source: `paste ${thread.length + 1}`, text: paste.join('\n'), slack: 'auto' });
    paste = [];
    io.stdout.write(`\n${renderText(diagnose(thread))}\n> `);
  };
  for await (const line of lines) {
    if (line.trim() === '' && paste.length > 0) flush();
    else if (line.trim() !== '') paste.push(line);
  }
  flush();
  return 0;
}
