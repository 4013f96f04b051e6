/**
 * The CLI's and console's memory file: the same contract as the stores, written atomically, and
 * a clear one-line error for a file it cannot use (left as it was).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMemory, MemoryFileError } from '../../../src/conversation/store/file-memory';
import { entry, memoryContract } from './memory-contract';

const dir = mkdtempSync(join(tmpdir(), 'diag502-file-memory-'));
let files = 0;
const newFile = (): string => join(dir, `memory-${++files}.json`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

memoryContract('FileMemory', (options) => new FileMemory(newFile(), options));

describe('FileMemory', () => {
  it('creates the file and its folder on the first write, and leaves no temporary file', async () => {
    const file = join(dir, 'nested', 'team.json');
    await new FileMemory(file).remember(entry());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ diag502Memory: 1, entries: [{ entry: entry() }] });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['team.json']);
    // A second instance (the next CLI run) reads what the first wrote.
    expect(await new FileMemory(file).listMemory('T0001')).toEqual([entry()]);
  });

  it('a missing file is an empty memory', async () => {
    const file = newFile();
    expect(await new FileMemory(file).listMemory('T0001')).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['not JSON', '{"diag502Memory": 1, "entries": [', /The memory file .+ is not valid JSON; fix it, move it away, or pass another --memory path\./],
    ['another JSON file', '{"name": "package"}', /The file .+ is not a diag502 memory file \(version 1\); move it away or pass another --memory path\./],
    ['entries of the wrong shape', '{"diag502Memory": 1, "entries": [{"savedMs": 1, "entry": {"id": 5}}]}', /is not a diag502 memory file/],
  ])('refuses %s in one line and leaves it untouched', async (_what, content, message) => {
    const file = newFile();
    writeFileSync(file, content);
    const memory = new FileMemory(file);
    for (const call of [() => memory.listMemory('T0001'), () => memory.remember(entry()), () => memory.forget('T0001', 'a1b2c3d4')]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MemoryFileError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('says so in one line when the file cannot be read or written', async () => {
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder);
    await expect(new FileMemory(folder).listMemory('T0001')).rejects.toThrow(/^Cannot read the memory file .+a-folder\.json: it is a directory\.$/);
    if (process.getuid?.() === 0) return; // root reads and writes anything
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      await expect(new FileMemory(join(locked, 'm.json')).remember(entry())).rejects.toThrow(/^Cannot write the memory file .+m\.json: permission denied\.$/);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});
