/**
 * The team's memory in SQLite: the shared contract for the plain and the worker-thread store, the
 * space expire() gives back, and a version-2 database upgraded in place with its threads kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, MIGRATIONS } from '../../../src/conversation/store/migrations';
import { SqliteStore } from '../../../src/conversation/store/sqlite-store';
import { ThreadedSqliteStore } from '../../../src/conversation/store/threaded-sqlite-store';
import { ensureCompiledStore, ROOT } from './compiled-store';
import { entry, memoryContract } from './memory-contract';
import { key, message, TestClock } from './store-contract';

const WORKER = join(ROOT, 'dist', 'src', 'conversation', 'store', 'sqlite-worker.js');
const dir = mkdtempSync(join(tmpdir(), 'diag502-memory-sqlite-'));
let files = 0;
const newFile = (): string => join(dir, `memory-${++files}.db`);

beforeAll(() => ensureCompiledStore(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

memoryContract('SqliteStore', (options) => new SqliteStore(newFile(), options));
memoryContract('ThreadedSqliteStore', (options) => new ThreadedSqliteStore(newFile(), { ...options, workerFile: WORKER }));

const rows = (file: string): number => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM team_memory').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("SqliteStore: the team's memory on disk", () => {
  it('survives a reopen, and expire() deletes the rows past their time to live', async () => {
    const file = newFile();
    const clock = new TestClock();
    const first = new SqliteStore(file, { memoryTtlMs: 1000, now: clock.now });
    await first.remember(entry());
    await first.close();
    const again = new SqliteStore(file, { memoryTtlMs: 1000, now: clock.now });
    expect(await again.listMemory('T0001')).toEqual([entry()]);
    clock.advance(1001);
    expect(rows(file)).toBe(1);
    await again.expire();
    expect(rows(file)).toBe(0);
    await again.close();
  });

  it('upgrades a version-2 database in place: its threads stay, memory starts empty', async () => {
    const file = newFile();
    const db = new BetterSqlite3(file);
    migrate(db, file, MIGRATIONS.slice(0, 2));
    db.close();
    // Rows as version 2 wrote them (a store of today would migrate the file before writing).
    const old = new BetterSqlite3(file);
    old.prepare("INSERT INTO threads VALUES ('slack:T0001:C0001:1700000000.000100', 'slack', 'T0001', 'C0001', '1700000000.000100', ?, ?)").run(Date.now(), Date.now());
    old.prepare("INSERT INTO snapshots (thread_id, at, layer, causes) VALUES ('slack:T0001:C0001:1700000000.000100', 'x', NULL, '[]')").run();
    old.close();
    const store = new SqliteStore(file);
    const thread = await store.getThread(key());
    expect(thread?.snapshot).toEqual({ at: 'x', layer: null, causes: [] });
    expect(await store.listMemory('T0001')).toEqual([]);
    expect(await store.appendMessage(key(), message(1))).toBe(true);
    await store.close();
  });
});
