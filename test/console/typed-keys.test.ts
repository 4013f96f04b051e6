import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { typedKeys } from '../../src/console/terminal-session';

/** The line readline makes of these chunks of typed input, each chunk fed as the session feeds it. */
function lineOf(chunks: readonly string[], feed: (text: string) => string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  const rl = createInterface({ input, output, terminal: true });
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    for (const chunk of chunks) for (const key of feed(chunk)) input.write(key);
  });
}

describe('typedKeys', () => {
  it('splits a chunk with editing keys into keys, escape sequences and astral characters whole', () => {
    expect(typedKeys('\u0001h\u0005?')).toEqual(['\u0001', 'h', '\u0005', '?']);
    expect(typedKeys('ab\u001b[D\u001b[1;5Cc\u001bOA\u001bb\r')).toEqual(['a', 'b', '\u001b[D', '\u001b[1;5C', 'c', '\u001bOA', '\u001bb', '\r']);
    expect(typedKeys('x\ud83d\ude00\u0001')).toEqual(['x', '\ud83d\ude00', '\u0001']);
  });

  it('passes printable text, and a long chunk (a paste without bracketed paste), whole', () => {
    expect(typedKeys('how do I fix it?')).toEqual(['how do I fix it?']);
    const unbracketed = `${'2026-11-20 10:15:02 GET /api 502 3 12002\r'.repeat(20)}`;
    expect(typedKeys(unbracketed)).toEqual([unbracketed]);
  });

  it('makes an editing key typed fast (in one read with the next characters) take effect', async () => {
    const chunks = ['ow do I fix it', '\u0001h\u0005?', '\r'];
    // Fed whole, readline takes the chunk for pasted text and the Ctrl-A is lost.
    expect(await lineOf(chunks, (text) => [text])).not.toBe('how do I fix it?');
    expect(await lineOf(chunks, typedKeys)).toBe('how do I fix it?');
  });
});
