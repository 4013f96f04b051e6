/**
 * Turns STORE_URL into a store. Accepted forms:
 *   sqlite:PATH      a database file, PATH relative to the current directory (the default is
 *                    sqlite:./data/diag502.db); the file and its folder are created on first use
 *   sqlite::memory:  a private SQLite database in memory (SQLite's own name for it)
 *   memory:          plain Maps; gone when the process ends
 *   redis://[user:password@]host:port[/db], rediss://… (TLS)
 *                    a Redis shared by several replicas of the bot (redis-store.ts)
 */
import { resolve } from 'node:path';
import { MemoryStore } from './memory-store';
import { maskRedisUrl, RedisStore, type RedisStoreOptions } from './redis-store';
import { SqliteStore } from './sqlite-store';
import { DEFAULT_STORE_URL, type Store, type StoreOptions } from './store';
import { StoreOpenError } from './store-error';
import { ThreadedSqliteStore } from './threaded-sqlite-store';

type StoreLocation = { kind: 'memory' } | { kind: 'sqlite'; file: string } | { kind: 'redis'; url: string };

const ACCEPTED = '"sqlite:PATH" (a file, relative to the current directory), "sqlite::memory:", "redis://[user:password@]host:port[/db]" (or rediss:// for TLS) or "memory:"';

/** Options for any store; `keyPrefix` matters to Redis only. */
export type OpenStoreOptions = StoreOptions & Pick<RedisStoreOptions, 'keyPrefix'>;

/**
 * Parses a STORE_URL without opening anything. Throws a StoreOpenError naming the value (with any
 * password in it masked) and the accepted forms.
 */
export function parseStoreUrl(url: string, cwd: string = process.cwd()): StoreLocation {
  const value = url.trim();
  const colon = value.indexOf(':');
  const scheme = colon < 0 ? '' : value.slice(0, colon).toLowerCase();
  const rest = colon < 0 ? '' : value.slice(colon + 1);
  if (scheme === 'memory' && rest === '') return { kind: 'memory' };
  if (scheme === 'redis' || scheme === 'rediss') return { kind: 'redis', url: checkedRedisUrl(value) };
  if (scheme === 'sqlite' && rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
  // `sqlite:` alone would be SQLite's anonymous temporary database: surely a mistake for a store.
  if (scheme === 'sqlite' && rest !== '' && !rest.startsWith('//')) return { kind: 'sqlite', file: resolve(cwd, rest) };
  throw new StoreOpenError(`STORE_URL ${JSON.stringify(maskPassword(url))} is not a store this version understands; use ${ACCEPTED}.`);
}

/**
 * Opens the store STORE_URL names (default: sqlite:./data/diag502.db). Throws a StoreOpenError
 * with a one-line message when the URL is not understood or the database cannot be opened.
 */
export function openStore(url: string = DEFAULT_STORE_URL, options: OpenStoreOptions = {}): Store {
  const location = parseStoreUrl(url);
  const { keyPrefix: _keyPrefix, ...rest } = options;
  if (location.kind === 'redis') return new RedisStore(location.url, options);
  return location.kind === 'memory' ? new MemoryStore(rest) : new SqliteStore(location.file, rest);
}

/**
 * The store for a long-running service (the Slack bot): SQLite runs in a worker thread with group
 * commit (threaded-sqlite-store.ts), so commits never hold up the event loop. Resolves once the
 * database is open; a database that cannot be opened is a StoreOpenError, as with openStore.
 */
export async function openServiceStore(url: string = DEFAULT_STORE_URL, options: OpenStoreOptions = {}): Promise<Store> {
  const location = parseStoreUrl(url);
  const { keyPrefix: _keyPrefix, ...rest } = options;
  if (location.kind === 'memory') return new MemoryStore(rest);
  // A Redis that is down at start is not fatal: the bot starts, /healthz says 503 with the
  // reason, and requests wait in memory until Redis is back (delivery/intake.ts).
  if (location.kind === 'redis') return new RedisStore(location.url, options);
  const store = new ThreadedSqliteStore(location.file, rest);
  try {
    await store.ping();
  } catch (error) {
    await store.close();
    throw error instanceof StoreOpenError ? error : new StoreOpenError(`Cannot open the thread store ${location.file}: ${(error as Error).message}`);
  }
  return store;
}

const maskPassword = maskRedisUrl;

/** A redis:// URL with a host, a port if any that is a number, and a database number if any. */
function checkedRedisUrl(value: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  const db = parsed?.pathname.replace(/^\//, '') ?? '';
  if (!parsed || parsed.hostname === '' || !/^\d*$/.test(db) || parsed.search !== '' || parsed.hash !== '') {
    throw new StoreOpenError(`STORE_URL ${JSON.stringify(maskPassword(value))} is not a Redis URL; write it as redis://[user:password@]host:port[/db] (rediss:// for TLS).`);
  }
  return value;
}
