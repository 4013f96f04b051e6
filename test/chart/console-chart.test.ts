/**
 * The local console has no pictures: the timeline goes to a PNG whose path it prints, with the
 * chart said in words.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runConsole } from '../../src/console/console';
import { MemoryStore } from '../../src/conversation/store/memory-store';

const dir = mkdtempSync(join(tmpdir(), 'diag502-console-chart-'));
const before = process.env.DIAG502_CHART_DIR;
beforeAll(() => {
  process.env.DIAG502_CHART_DIR = join(dir, 'charts');
});
afterAll(() => {
  if (before === undefined) delete process.env.DIAG502_CHART_DIR;
  else process.env.DIAG502_CHART_DIR = before;
});

async function pipe(text: string): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  await runConsole({ stdin: Readable.from([text]), stdout }, new MemoryStore());
  return out;
}

describe('console timeline chart', () => {
  it('writes the chart of a piped log to a PNG and prints its path, the same file for the same evidence', async () => {
    const out = await pipe(readFileSync(join(__dirname, '..', '..', 'examples', 'u_ex261120.log'), 'utf8'));
    const m = /^Timeline chart: (.+\.png)$/m.exec(out);
    expect(m).not.toBeNull();
    expect(m![1]!.startsWith(join(dir, 'charts'))).toBe(true);
    expect(readFileSync(m![1]!).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(out.trimEnd().endsWith(`Timeline chart: ${m![1]!}`)).toBe(true);
    const again = await pipe(readFileSync(join(__dirname, '..', '..', 'examples', 'u_ex261120.log'), 'utf8'));
    expect(again).toContain(`Timeline chart: ${m![1]!}`);
  });

  it('prints no chart line when nothing is dated', async () => {
    const out = await pipe('HTTP/1.1 502 Bad Gateway\nServer: Microsoft-IIS/10.0\n');
    expect(out).not.toContain('Timeline chart');
  });
});
