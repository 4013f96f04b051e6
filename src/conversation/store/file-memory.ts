/**
 * The team's memory in one JSON file, for the CLI and the console (`--memory PATH`): no database,
 * easy to keep next to a runbook or in a shared folder. Each call reads the file and each change
 * writes it whole to a temporary file first, then renames it over the old one, so a crash or a
 * full disk leaves either the old file or the new one, never half of one.
 *
 * A file that cannot be read or is not a memory file is a MemoryFileError with a one-line message
 * naming it; the file is then left untouched.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MemoryEntry } from '../types';
import { expiryCutoff } from './expiry';
import { DEFAULT_MEMORY_TTL_MS, newestFirst, type TeamMemory } from './team-memory';

/** What the file holds: a marker and version, then every entry with when it was last written. */
interface MemoryFile {
  diag502Memory: 1;
  entries: { savedMs: number; entry: MemoryEntry }[];
}

export class MemoryFileError extends Error {
  override name = 'MemoryFileError';
}

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'ENOTDIR') return 'a part of the path is not a directory';
  return typeof e?.message === 'string' ? e.message.split('\n')[0]! : String(error);
}

function isEntry(value: unknown): value is { savedMs: number; entry: MemoryEntry } {
  const v = value as { savedMs?: unknown; entry?: Partial<MemoryEntry> } | null;
  const e = v?.entry;
  return (
    typeof v?.savedMs === 'number' &&
    typeof e === 'object' &&
    e !== null &&
    [e.id, e.team, e.key, e.causeId, e.title, e.thread, e.by, e.at].every((s) => typeof s === 'string') &&
    (e.verdict === 'confirmed' || e.verdict === 'wrong') &&
    typeof e.fingerprint === 'object' &&
    e.fingerprint !== null
  );
}

export class FileMemory implements TeamMemory {
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(
    readonly file: string,
    options: { memoryTtlMs?: number; now?: () => Date } = {},
  ) {
    this.ttlMs = options.memoryTtlMs ?? DEFAULT_MEMORY_TTL_MS;
    this.now = options.now ?? (() => new Date());
  }

  async remember(entry: MemoryEntry): Promise<void> {
    const kept = this.load().filter((m) => !(m.entry.team === entry.team && m.entry.id === entry.id));
    kept.push({ savedMs: this.now().getTime(), entry: structuredClone(entry) });
    this.save(kept);
  }

  async recall(team: string, key: string): Promise<MemoryEntry[]> {
    return (await this.listMemory(team)).filter((e) => e.key === key);
  }

  async listMemory(team: string): Promise<MemoryEntry[]> {
    return this.live(this.load())
      .filter((m) => m.entry.team === team)
      .map((m) => m.entry)
      .sort(newestFirst);
  }

  async forget(team: string, id: string): Promise<boolean> {
    const all = this.load();
    const live = this.live(all);
    const found = live.some((m) => m.entry.team === team && m.entry.id === id);
    if (found) this.save(live.filter((m) => !(m.entry.team === team && m.entry.id === id)));
    return found;
  }

  /** Entries written within the time to live (at exactly the TTL they are still there). */
  private live(entries: MemoryFile['entries']): MemoryFile['entries'] {
    const cutoff = expiryCutoff(this.now().getTime(), this.ttlMs);
    return entries.filter((m) => m.savedMs >= cutoff);
  }

  /** Every entry in the file; none when there is no file yet. */
  private load(): MemoryFile['entries'] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new MemoryFileError(`Cannot read the memory file ${this.file}: ${reasonOf(error)}.`);
    }
    let parsed: Partial<MemoryFile>;
    try {
      parsed = JSON.parse(text) as Partial<MemoryFile>;
    } catch {
      throw new MemoryFileError(`The memory file ${this.file} is not valid JSON; fix it, move it away, or pass another --memory path.`);
    }
    if (parsed?.diag502Memory !== 1 || !Array.isArray(parsed.entries) || !parsed.entries.every(isEntry)) {
      throw new MemoryFileError(`The file ${this.file} is not a diag502 memory file (version 1); move it away or pass another --memory path.`);
    }
    return parsed.entries;
  }

  /** Writes the live entries whole, atomically: a temporary file, then a rename over the old one. */
  private save(entries: MemoryFile['entries']): void {
    const content: MemoryFile = { diag502Memory: 1, entries: this.live(entries) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new MemoryFileError(`Cannot write the memory file ${this.file}: ${reasonOf(error)}.`);
    }
  }
}
