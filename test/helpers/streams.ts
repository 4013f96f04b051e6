/** In-memory stdin/stdout/stderr for driving the CLI in-process. */
import { PassThrough, Readable } from 'node:stream';

export function memoryIo(stdinText = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    io: { stdin: Readable.from([stdinText]), stdout, stderr },
    out: () => out,
    err: () => err,
  };
}
