/**
 * Turns STORE_URL into a store. Accepted forms:
 *   sqlite:PATH      a database file, PATH relative to the current directory (the default is
 *                    sqlite:./data/diag502.db); the file and its folder are created on first use
 *   sqlite::memory:  a private SQLite database in memory (SQLite's own name for it)
 *   memory:          plain Maps; gone when the process ends
 */
import { resolve } from 'node:path';
import { MemoryStore } from './memory-store';
import { SqliteStore } from './sqlite-store';
import { DEFAULT_STORE_URL, type Store, type StoreOptions } from './store';
import { StoreOpenError } from './store-error';
import { ThreadedSqliteStore } from './threaded-sqlite-store';

type StoreLocation = { kind: 'memory' } | { kind: 'sqlite'; file: string };

const ACCEPTED = '"sqlite:PATH" (a file, relative to the current directory), "sqlite::memory:" or "memory:"';

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
  if (scheme === 'sqlite' && rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
  // `sqlite:` alone would be SQLite's anonymous temporary database: surely a mistake for a store.
  if (scheme === 'sqlite' && rest !== '' && !rest.startsWith('//')) return { kind: 'sqlite', file: resolve(cwd, rest) };
  throw new StoreOpenError(`STORE_URL ${JSON.stringify(maskPassword(url))} is not a store this version understands; use ${ACCEPTED}.`);
}

/**
 * Opens the store STORE_URL names (default: sqlite:./data/diag502.db). Throws a StoreOpenError
 * with a one-line message when the URL is not understood or the database cannot be opened.
 */
export function openStore(url: string = DEFAULT_STORE_URL, options?: StoreOptions): Store {
  const location = parseStoreUrl(url);
  return location.kind === 'memory' ? new MemoryStore(options) : new SqliteStore(location.file, options);
}

/**
 * The store for a long-running service (the Slack bot): SQLite runs in a worker thread with group
 * commit (threaded-sqlite-store.ts), so commits never hold up the event loop. Resolves once the
 * database is open; a database that cannot be opened is a StoreOpenError, as with openStore.
 */
export async function openServiceStore(url: string = DEFAULT_STORE_URL, options?: StoreOptions): Promise<Store> {
  const location = parseStoreUrl(url);
  if (location.kind === 'memory') return new MemoryStore(options);
  const store = new ThreadedSqliteStore(location.file, options);
  try {
    await store.ping();
  } catch (error) {
    await store.close();
    throw error instanceof StoreOpenError ? error : new StoreOpenError(`Cannot open the thread store ${location.file}: ${(error as Error).message}`);
  }
  return store;
}

/** `scheme://user:secret@host` → `scheme://user:***@host`: an error message is no place for a password. */
function maskPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^/@\s]*@/i, '$1:***@');
}
