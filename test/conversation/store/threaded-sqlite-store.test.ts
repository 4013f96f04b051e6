/**
 * The SQLite store in a worker thread (the Slack bot's store) keeps the same contract as the plain
 * one, and commits calls that arrive together in one transaction without losing any.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ThreadedSqliteStore } from '../../../src/conversation/store/threaded-sqlite-store';
import { StoreOpenError } from '../../../src/conversation/store/store-error';
import { Health } from '../../../src/slack/health';
import { ensureCompiledStore, ROOT } from './compiled-store';
import { key, message, storeContract } from './store-contract';

const WORKER = join(ROOT, 'dist', 'src', 'conversation', 'store', 'sqlite-worker.js');
const dir = mkdtempSync(join(tmpdir(), 'diag502-threaded-store-'));
let files = 0;
const newFile = (): string => join(dir, `threads-${++files}.db`);

beforeAll(() => ensureCompiledStore(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('ThreadedSqliteStore', (options) => new ThreadedSqliteStore(newFile(), { ...options, workerFile: WORKER }));

describe('ThreadedSqliteStore', () => {
  it('commits 200 concurrent writes from interleaved callers, every one of them durable', async () => {
    const file = newFile();
    const store = new ThreadedSqliteStore(file, { workerFile: WORKER });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.appendMessage(key(`t${i % 10}`), message(i))));
    expect(results.every(Boolean)).toBe(true);
    await store.close();
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n).toBe(200);
    } finally {
      db.close();
    }
  });

  it('a write it acknowledged is on disk even when the process dies right after (no close, no flush)', async () => {
    const file = newFile();
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `const { ThreadedSqliteStore } = require(${JSON.stringify(join(ROOT, 'dist', 'src', 'conversation', 'store', 'threaded-sqlite-store.js'))});
         const store = new ThreadedSqliteStore(${JSON.stringify(file)});
         store.appendMessage({ surface: 'slack', team: 'T', channel: 'C', thread: '1' }, { messageId: 'm1', author: 'U', at: new Date().toISOString(), kind: 'evidence', text: 'durable', redactions: 0 })
           .then(() => process.kill(process.pid, 'SIGKILL'));`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      expect((db.prepare('SELECT text FROM messages').all() as { text: string }[]).map((r) => r.text)).toEqual(['durable']);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('cannot write while another process holds the file\'s write lock: ping rejects and /healthz says so; both recover once it lets go', async () => {
    const file = newFile();
    const store = new ThreadedSqliteStore(file, { workerFile: WORKER });
    try {
      expect(await new Health(store).report()).toEqual({ status: 'ok' });
      const other = new BetterSqlite3(file);
      other.exec('BEGIN EXCLUSIVE');
      try {
        // The store waits out its busy timeout (5 s) before giving up; /healthz does not wait that long.
        const [report] = await Promise.all([new Health(store).report(), expect(store.ping()).rejects.toThrow(/database is locked/)]);
        expect(report).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^the store cannot write: /) as unknown });
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      await store.ping();
      expect(await new Health(store).report()).toEqual({ status: 'ok' });
    } finally {
      await store.close();
    }
  }, 20_000);

  it('reports a file it cannot open as a StoreOpenError on the first call', async () => {
    const store = new ThreadedSqliteStore(join(dir, 'no', '\u0000bad', 'x.db'), { workerFile: WORKER });
    await expect(store.getThread(key())).rejects.toBeInstanceOf(StoreOpenError);
    await store.close();
  });
});
