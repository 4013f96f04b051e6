/**
 * `diag502 --chart FILE`: the timeline drawn next to the diagnosis, PNG or SVG by extension, with
 * clear words for another extension, an unwritable path, and evidence without timestamps.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, USAGE, runCli } from '../../src/cli';
import { withoutFont } from '../helpers/no-font';
import { memoryIo } from '../helpers/streams';

const dir = mkdtempSync(join(tmpdir(), 'diag502-chart-'));
const example = join(__dirname, '..', '..', 'examples', 'u_ex261120.log');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('diag502 --chart', () => {
  it('is in the usage text', () => {
    expect(USAGE).toMatch(/--chart <FILE\.png\|FILE\.svg>/);
  });

  it('draws a PNG next to the diagnosis and says where', async () => {
    const out = join(dir, 'incident.png');
    const m = memoryIo();
    expect(await runCli(['--chart', out, example], m.io)).toBe(EXIT.found);
    expect(readFileSync(out).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(m.err()).toContain(`diag502: chart written to ${out}`);
    expect(m.out()).toMatch(/^Most likely: /m);
  });

  it('draws SVG for a .svg name, and keeps stdout pure JSON', async () => {
    const out = join(dir, 'incident.SVG');
    const m = memoryIo();
    expect(await runCli(['--json', '--chart', out, example], m.io)).toBe(EXIT.found);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg[^>]*>.*Time \(UTC\)/s);
    expect(JSON.parse(m.out()).timeline.series).toEqual(['2xx', '502.3']);
  });

  it('refuses another extension before reading anything', async () => {
    const m = memoryIo();
    expect(await runCli(['--chart', join(dir, 'incident.jpg'), example], m.io)).toBe(EXIT.usage);
    expect(m.err()).toMatch(/--chart draws PNG or SVG, chosen by the file's extension: ".*incident\.jpg" ends in neither/);
    expect(m.out()).toBe('');
  });

  it('asks for a file name when --chart has none', async () => {
    const m = memoryIo();
    expect(await runCli([example, '--chart'], m.io)).toBe(EXIT.usage);
    expect(m.err()).toContain('--chart needs a file name ending in .png or .svg');
  });

  it('says so when the chart cannot be written, before reading the logs', async () => {
    const missing = memoryIo();
    expect(await runCli(['--chart', join(dir, 'no-such-folder', 'c.png'), example], missing.io)).toBe(EXIT.usage);
    expect(missing.err()).toMatch(/cannot write the chart to ".*c\.png": the folder .*no-such-folder does not exist/);
    expect(missing.out()).toBe('');

    const folder = join(dir, 'a-folder.png');
    mkdirSync(folder);
    const isDir = memoryIo();
    expect(await runCli(['--chart', folder, example], isDir.io)).toBe(EXIT.usage);
    expect(isDir.err()).toContain('it is a directory');
  });

  // Root may write anywhere: the permission case only means something for another user.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? it.skip : it)('says so when the folder is read-only', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const m = memoryIo();
    expect(await runCli(['--chart', join(locked, 'c.png'), example], m.io)).toBe(EXIT.usage);
    expect(m.err()).toMatch(/no permission to write in .*locked/);
    chmodSync(locked, 0o700);
  });

  it('notes that no chart can be drawn when nothing is dated, and writes no file', async () => {
    const out = join(dir, 'none.png');
    const m = memoryIo('HTTP/1.1 502 Bad Gateway\nServer: Microsoft-IIS/10.0\n');
    const code = await runCli(['--chart', out], m.io);
    expect([EXIT.found, EXIT.nothing]).toContain(code);
    expect(m.err()).toContain('diag502: no chart: nothing in the evidence carries a time');
    expect(existsSync(out)).toBe(false);
  });

  it('says in one line that the chart cannot be drawn without the font, after the diagnosis, and writes no file', async () => {
    const out = join(dir, 'no-font.png');
    const m = memoryIo();
    await withoutFont(async (empty) => {
      expect(await runCli(['--chart', out, example], m.io)).toBe(EXIT.usage);
      expect(m.err()).toBe(`diag502: cannot draw the chart for "${out}": no DejaVu Sans font found in ${empty}: install fonts-dejavu-core, or set DIAG502_FONT_DIR to a folder holding DejaVuSans.ttf\n`);
    });
    expect(m.out()).toMatch(/^Most likely: /m);
    expect(existsSync(out)).toBe(false);
  });
});
