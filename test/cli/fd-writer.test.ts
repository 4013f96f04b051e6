/**
 * bin/fd-writer.js: the CLI writes its answer with fs.writeSync on the descriptor (no stream
 * machinery to load at start-up); partial writes are completed, a reader that left ends the
 * process quietly, and a non-blocking descriptor hands the rest to the process stream.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fdWriter } = require('../../bin/fd-writer.js') as {
  fdWriter: (
    fd: number,
    stream: () => { write: (chunk: Buffer | string) => boolean },
    deps: { writeSync: (fd: number, bytes: Buffer, offset: number, length: number) => number; exit: (code: number) => never },
  ) => { write: (chunk: string) => unknown };
};

function failure(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('fdWriter', () => {
  it('completes partial writes, in order, as UTF-8', () => {
    const written: Buffer[] = [];
    const writer = fdWriter(1, () => ({ write: () => true }), {
      writeSync: (_fd, bytes, offset, length) => {
        const n = Math.min(3, length);
        written.push(Buffer.from(bytes.subarray(offset, offset + n)));
        return n;
      },
      exit: () => {
        throw new Error('no exit expected');
      },
    });
    writer.write('502.3 — 12002 timeout\n');
    expect(Buffer.concat(written).toString('utf8')).toBe('502.3 — 12002 timeout\n');
    expect(written.length).toBeGreaterThan(5);
  });

  it('exits with code 0 when the reader has gone (EPIPE)', () => {
    const exits: number[] = [];
    const writer = fdWriter(1, () => ({ write: () => true }), {
      writeSync: () => {
        throw failure('EPIPE');
      },
      exit: ((code: number) => {
        exits.push(code);
      }) as (code: number) => never,
    });
    writer.write('answer\n');
    expect(exits).toEqual([0]);
  });

  it('hands the unwritten rest to the process stream on EAGAIN, and everything after it too', () => {
    const streamed: string[] = [];
    let calls = 0;
    const writer = fdWriter(1, () => ({ write: (chunk) => (streamed.push(chunk.toString()), true) }), {
      writeSync: (_fd, _bytes, _offset, length) => {
        calls += 1;
        if (calls === 1) return Math.min(4, length);
        throw failure('EAGAIN');
      },
      exit: (() => undefined) as unknown as (code: number) => never,
    });
    writer.write('abcdefgh');
    writer.write('next');
    expect(streamed).toEqual(['efgh', 'next']);
  });

  it('lets any other write error through', () => {
    const writer = fdWriter(1, () => ({ write: () => true }), {
      writeSync: () => {
        throw failure('EIO');
      },
      exit: (() => undefined) as unknown as (code: number) => never,
    });
    expect(() => writer.write('x')).toThrow('EIO');
  });
});

describe('bin/diag502.js output', () => {
  it('ends quietly with code 0 when the reader closes the pipe early (diag502 big.log | head)', () => {
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, [${JSON.stringify(join(__dirname, '..', '..', 'bin', 'diag502.js'))}, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.stdout.destroy();
      child.on('close', (code) => process.stdout.write(JSON.stringify({ code, stderr })));
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, stderr: '' });
  });
});
