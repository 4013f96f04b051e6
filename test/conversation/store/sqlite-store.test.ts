import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { latestVersion, migrate, MIGRATIONS, type Migration } from '../../../src/conversation/store/migrations';
import { BUSY_TIMEOUT_MS, openDatabase, SqliteStore } from '../../../src/conversation/store/sqlite-store';
import { DEFAULT_PROCESSED_TTL_MS, DEFAULT_TTL_MS } from '../../../src/conversation/store/store';
import { StoreOpenError } from '../../../src/conversation/store/store-error';
import { key, message, storeContract, TestClock } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'diag502-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const newFile = (): string => join(dir, `threads-${++files}.db`);

/** A plain connection, to look at the file the way the store left it. */
function inspect<T>(file: string, look: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file);
  try {
    return look(db);
  } finally {
    db.close();
  }
}
const count = (db: BetterSqlite3.Database, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const tables = (db: BetterSqlite3.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

storeContract('SqliteStore', (options) => new SqliteStore(newFile(), options));

describe('SqliteStore on a file', () => {
  it('creates the file and its missing parent folders on first use', async () => {
    const file = join(dir, 'nested', 'deeper', 'threads.db');
    const store = new SqliteStore(file);
    expect(existsSync(file)).toBe(true);
    await store.appendMessage(key(), message(1));
    await store.close();
  });

  it('configures the connection: WAL, synchronous=FULL, a busy timeout, foreign keys', () => {
    const db = openDatabase(newFile());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('gives everything back after a restart (close, reopen the same file)', async () => {
    const file = newFile();
    const clock = new TestClock();
    const first = new SqliteStore(file, { now: clock.now });
    for (const n of [1, 2, 3]) await first.appendMessage(key(), message(n));
    await first.appendMessage(key('other'), message(1));
    await first.saveSnapshot(key(), { at: '2025-03-01T12:05:00.000Z', layer: 'ancm', causes: [{ id: 'startup-exception', family: 'startup-failure', title: 'The app throws while starting', confidence: 0.7 }] });
    await first.setResolution(key(), { text: 'fixed the connection string', by: 'U0002', at: '2025-03-01T13:00:00.000Z' });
    await first.addFeedback(key(), { causeId: 'startup-exception', verdict: 'confirmed', by: 'U0003', at: '2025-03-01T13:01:00.000Z' });
    await first.markProcessed('Ev0001');
    const before = [await first.getThread(key()), await first.getThread(key('other'))];
    await first.close();

    const second = new SqliteStore(file, { now: clock.now });
    expect([await second.getThread(key()), await second.getThread(key('other'))]).toStrictEqual(before);
    expect(await second.markProcessed('Ev0001')).toBe(false);
    expect(await second.appendMessage(key(), message(3))).toBe(false);
    expect(await second.appendMessage(key(), message(4))).toBe(true);
    await second.close();
  });

  it('expires at open what went stale while it was closed, deleting the rows with their thread', async () => {
    const file = newFile();
    const clock = new TestClock();
    const first = new SqliteStore(file, { now: clock.now });
    await first.appendMessage(key(), message(1));
    await first.saveSnapshot(key(), { at: '2025-03-01T12:05:00.000Z', layer: null, causes: [] });
    await first.setResolution(key(), { text: 'done', by: 'U0002', at: '2025-03-01T13:00:00.000Z' });
    await first.addFeedback(key(), { causeId: 'startup-exception', verdict: 'wrong', by: 'U0003', at: '2025-03-01T13:01:00.000Z' });
    await first.markProcessed('Ev0001');
    await first.close();

    clock.advance(DEFAULT_TTL_MS + 1);
    await new SqliteStore(file, { now: clock.now }).close();
    // Counted on the file itself: gone from disk, not merely hidden by getThread.
    const left = inspect(file, (db) => ['threads', 'messages', 'snapshots', 'resolutions', 'feedback', 'processed'].map((t) => count(db, t)));
    expect(left).toStrictEqual([0, 0, 0, 0, 0, 0]);
  });

  it('deletes processed ids and finished jobs from the file a day after, long before the thread time to live', async () => {
    const file = newFile();
    const clock = new TestClock();
    const store = new SqliteStore(file, { now: clock.now });
    await store.appendMessage(key(), message(1));
    await store.markProcessed('Ev0001');
    await store.acceptJob({ id: 'event:Ev0001', lane: 'l', payload: { text: 'x' } }, 'a', 30_000);
    await store.finishJob('event:Ev0001', 'a', 'done');
    clock.advance(60 * 60 * 1000);
    // An hour younger: still within its day at the sweep below, so it must stay.
    await store.markProcessed('Ev0002');
    clock.advance(DEFAULT_PROCESSED_TTL_MS - 60 * 60 * 1000 + 1);
    await store.expire();
    await store.close();
    // Counted on the file: the rows are gone, not merely treated as new by markProcessed.
    const left = inspect(file, (db) => ({
      processed: (db.prepare('SELECT id FROM processed').all() as { id: string }[]).map((r) => r.id),
      jobs: count(db, 'jobs'),
      threads: count(db, 'threads'),
    }));
    expect(left).toStrictEqual({ processed: ['Ev0002'], jobs: 0, threads: 1 });
  });

  it('works in memory with sqlite::memory: (no file)', async () => {
    const store = new SqliteStore(':memory:');
    expect(await store.appendMessage(key(), message(1))).toBe(true);
    expect((await store.getThread(key()))!.messages).toStrictEqual([message(1)]);
    await store.close();
  });
});

describe('SqliteStore schema versions', () => {
  it('migrates an empty file (version 0) to the latest version', async () => {
    const file = newFile();
    writeFileSync(file, '');
    const store = new SqliteStore(file);
    expect(await store.appendMessage(key(), message(1))).toBe(true);
    await store.close();
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(tables(db)).toStrictEqual(['feedback', 'health', 'jobs', 'messages', 'processed', 'resolutions', 'snapshots', 'team_memory', 'thread_leases', 'threads']);
    });
  });

  it('numbers the migrations 1, 2, 3, ... and knows the last one as the latest version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toStrictEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(latestVersion()).toBe(MIGRATIONS.length);
  });

  it('refuses a database from a newer diag502 with a one-line message naming the file, and leaves it untouched', () => {
    const file = newFile();
    const newer = latestVersion() + 1;
    inspect(file, (db) => db.pragma(`user_version = ${newer}`));

    let error: unknown;
    try {
      new SqliteStore(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreOpenError);
    const text = (error as Error).message;
    expect(text).toContain(file);
    expect(text).toContain(`schema version ${newer}`);
    expect(text).toContain(`up to ${latestVersion()}`);
    expect(text).not.toContain('\n');

    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(newer);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(tables(db)).toStrictEqual([]);
    });
  });

  it('refuses a file that is not a database with a message naming the file', () => {
    const file = newFile();
    writeFileSync(file, 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n'.repeat(100));
    expect(() => new SqliteStore(file)).toThrow(StoreOpenError);
    expect(() => new SqliteStore(file)).toThrow(`Cannot open the thread store ${file}: file is not a database`);
  });

  describe('migrate', () => {
    const one: Migration = { version: 1, summary: 'a', sql: 'CREATE TABLE a (x INTEGER);' };
    const two: Migration = { version: 2, summary: 'b', sql: 'CREATE TABLE b (y INTEGER);' };
    const broken: Migration = { version: 2, summary: 'broken', sql: 'CREATE TABLE b (y INTEGER); CREATE TABLE oops (;' };

    it('applies all pending migrations in one transaction: a failure keeps none of them', () => {
      const db = new BetterSqlite3(':memory:');
      expect(() => migrate(db, 'test.db', [one, broken])).toThrow(/syntax error/);
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(tables(db)).toStrictEqual([]);
      db.close();
    });

    it('applies only the migrations newer than the recorded version, once', () => {
      const db = new BetterSqlite3(':memory:');
      expect(migrate(db, 'test.db', [one])).toStrictEqual([1]);
      db.prepare('INSERT INTO a (x) VALUES (42)').run();
      expect(migrate(db, 'test.db', [one, two])).toStrictEqual([2]);
      expect(migrate(db, 'test.db', [one, two])).toStrictEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(tables(db)).toStrictEqual(['a', 'b']);
      expect(count(db, 'a')).toBe(1);
      db.close();
    });

    it('refuses a list out of order', () => {
      const db = new BetterSqlite3(':memory:');
      expect(() => migrate(db, 'test.db', [two])).toThrow(/numbered 1, 2, 3/);
      db.close();
    });
  });
});
