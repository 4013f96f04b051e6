/**
 * The local console has no pictures: the timeline goes to a PNG whose path it prints, with the
 * chart said in words.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runConsole } from '../../src/console/console';
import { MemoryStore } from '../../src/conversation/store/memory-store';
import { withoutFont } from '../helpers/no-font';

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

  it('says the chart was not drawn, and why, when the font is missing, and writes no file', async () => {
    const log = readFileSync(join(__dirname, '..', '..', 'examples', 'u_ex261120.log'), 'utf8');
    const charts = (): string[] => (existsSync(join(dir, 'charts')) ? readdirSync(join(dir, 'charts')) : []);
    const before = charts();
    // Another day: a chart the test above drew is not this one.
    const out = await withoutFont(async (empty) => {
      const text = await pipe(log.replaceAll('2026-11-20', '2026-11-21'));
      expect(text).toContain(`Timeline chart not drawn: no DejaVu Sans font found in ${empty}: install fonts-dejavu-core`);
      return text;
    });
    expect(out).toMatch(/^Most likely: /m);
    expect(out).not.toMatch(/^Timeline chart: /m);
    expect(charts()).toEqual(before);
  });
});
