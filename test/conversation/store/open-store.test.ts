import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { MemoryStore } from '../../../src/conversation/store/memory-store';
import { openStore, parseStoreUrl } from '../../../src/conversation/store/open-store';
import { RedisStore } from '../../../src/conversation/store/redis-store';
import { SqliteStore } from '../../../src/conversation/store/sqlite-store';
import { DEFAULT_STORE_URL } from '../../../src/conversation/store/store';
import { StoreOpenError } from '../../../src/conversation/store/store-error';
import { key, message } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'diag502-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseStoreUrl', () => {
  it('reads the default as a file under ./data, relative to the current directory', () => {
    expect(DEFAULT_STORE_URL).toBe('sqlite:./data/diag502.db');
    expect(parseStoreUrl(DEFAULT_STORE_URL, '/srv/diag502')).toStrictEqual({ kind: 'sqlite', file: resolve('/srv/diag502', 'data/diag502.db') });
  });

  it('reads sqlite:PATH (relative or absolute), sqlite::memory: and memory:', () => {
    expect(parseStoreUrl('sqlite:threads.db', '/srv/app')).toStrictEqual({ kind: 'sqlite', file: resolve('/srv/app/threads.db') });
    expect(parseStoreUrl('sqlite:/var/lib/diag502/threads.db', '/srv/app')).toStrictEqual({ kind: 'sqlite', file: resolve('/var/lib/diag502/threads.db') });
    expect(parseStoreUrl('sqlite::memory:')).toStrictEqual({ kind: 'sqlite', file: ':memory:' });
    expect(parseStoreUrl('memory:')).toStrictEqual({ kind: 'memory' });
    // Surrounding spaces (an .env line) and the scheme's case do not matter.
    expect(parseStoreUrl('  MEMORY: ')).toStrictEqual({ kind: 'memory' });
    expect(parseStoreUrl('SQLite:threads.db', '/srv/app')).toStrictEqual({ kind: 'sqlite', file: resolve('/srv/app/threads.db') });
  });

  it.each(['', 'threads.db', 'sqlite:', 'sqlite://threads.db', 'memory:extra', 'postgres://localhost:5432', 'file:threads.db'])(
    'refuses %j with a one-line message naming the value and the accepted forms',
    (url) => {
      let error: unknown;
      try {
        parseStoreUrl(url);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(StoreOpenError);
      const text = (error as Error).message;
      expect(text).toContain(`STORE_URL ${JSON.stringify(url)}`);
      expect(text).toContain('"sqlite:PATH"');
      expect(text).toContain('"sqlite::memory:"');
      expect(text).toContain('"memory:"');
      expect(text).not.toContain('\n');
    },
  );

  it('reads redis:// and rediss:// URLs (user, password, port and database number optional)', () => {
    for (const url of ['redis://localhost:6379', 'redis://cache', 'redis://:pw@cache:6380/2', 'redis://diag:pw@cache:6379/0', 'rediss://cache.example.com:6380']) {
      expect(parseStoreUrl(url)).toStrictEqual({ kind: 'redis', url });
    }
  });

  it.each(['redis://', 'redis://cache:6379/db', 'redis://cache:6379/0?x=1', 'redis:cache'])('refuses the malformed Redis URL %j with the form to use', (url) => {
    expect(() => parseStoreUrl(url)).toThrow(StoreOpenError);
    expect(() => parseStoreUrl(url)).toThrow(/redis:\/\/\[user:password@\]host:port\[\/db\]/);
  });

  it('masks the password of a refused Redis URL', () => {
    expect(() => parseStoreUrl('redis://diag:s3cr3t-Pa55@cache:6379/x')).toThrow('STORE_URL "redis://diag:***@cache:6379/x" is not a Redis URL');
  });

  it('masks a password in a refused URL', () => {
    expect(() => parseStoreUrl('postgres://diag:s3cr3t-Pa55@db.example.com:5432/diag502')).toThrow(
      'STORE_URL "postgres://diag:***@db.example.com:5432/diag502" is not a store',
    );
  });
});

describe('openStore', () => {
  it('opens memory: as a MemoryStore', async () => {
    const store = openStore('memory:');
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });

  it('opens sqlite::memory: as an in-memory SqliteStore, creating no file', async () => {
    const store = openStore('sqlite::memory:');
    expect(store).toBeInstanceOf(SqliteStore);
    expect(await store.appendMessage(key(), message(1))).toBe(true);
    await store.close();
    expect(existsSync(resolve(':memory:'))).toBe(false);
  });

  it('opens sqlite:PATH relative to the current directory, creating the folder, and passes the options on', async () => {
    const file = join(dir, 'sub', 'threads.db');
    let now = Date.parse('2025-03-01T00:00:00Z');
    const store = openStore(`sqlite:${relative(process.cwd(), file)}`, { ttlMs: 1000, now: () => new Date(now) });
    expect(store).toBeInstanceOf(SqliteStore);
    expect(existsSync(file)).toBe(true);
    await store.appendMessage(key(), message(1));
    now += 1001;
    expect(await store.getThread(key())).toBeUndefined();
    await store.close();
  });

  it('opens redis:// and rediss:// (TLS) as a RedisStore, without waiting for Redis to answer', async () => {
    // Nothing listens on port 1: the store is made all the same (a Redis down at start is not fatal), then closed.
    for (const url of ['redis://diag:pw@127.0.0.1:1/3', 'rediss://127.0.0.1:1']) {
      const store = openStore(url, { keyPrefix: 'diag502-open-store-test:' });
      expect(store).toBeInstanceOf(RedisStore);
      await store.close();
    }
  });

  it('throws the parse error for an unknown URL', () => {
    expect(() => openStore('mongodb://localhost')).toThrow(StoreOpenError);
  });
});
