/**
 * The SQLite schema, as an ordered list of migrations. The database records the last one applied
 * in `PRAGMA user_version` (0 for a new, empty file). Opening applies every newer migration in ONE
 * transaction, so a database is always at exactly one known version; a database written by a
 * newer diag502 (a version this code does not know) is refused rather than guessed at.
 *
 * To change the schema, APPEND a migration with the next version; never edit a released one.
 */
import type { Database } from 'better-sqlite3';
import { StoreOpenError } from './store-error';

export interface Migration {
  /** 1, 2, 3, ... in order, no gaps. */
  version: number;
  /** What it changes, for whoever reads the history. */
  summary: string;
  /** Statements run with `exec`, inside the migration transaction. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    summary: 'threads with their messages, last snapshot, resolution and feedback; processed event ids',
    sql: `
      CREATE TABLE threads (
        id         TEXT PRIMARY KEY,
        surface    TEXT NOT NULL,
        team       TEXT NOT NULL,
        channel    TEXT NOT NULL,
        thread     TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      );
      CREATE INDEX threads_by_updated ON threads (updated_ms);

      -- seq keeps arrival order; the UNIQUE constraint is what refuses a redelivered message.
      CREATE TABLE messages (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        thread_id  TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        message_id TEXT NOT NULL,
        author     TEXT NOT NULL,
        at         TEXT NOT NULL,
        kind       TEXT NOT NULL,
        text       TEXT NOT NULL,
        redactions INTEGER NOT NULL,
        UNIQUE (thread_id, message_id)
      );

      CREATE TABLE snapshots (
        thread_id TEXT PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
        at        TEXT NOT NULL,
        layer     TEXT,
        causes    TEXT NOT NULL -- JSON array of { id, family, title, confidence }
      );

      CREATE TABLE resolutions (
        thread_id TEXT PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
        cause_id  TEXT,
        text      TEXT NOT NULL,
        by_user   TEXT NOT NULL,
        at        TEXT NOT NULL
      );

      CREATE TABLE feedback (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        cause_id  TEXT NOT NULL,
        verdict   TEXT NOT NULL,
        by_user   TEXT NOT NULL,
        at        TEXT NOT NULL
      );
      CREATE INDEX feedback_by_thread ON feedback (thread_id, seq);

      CREATE TABLE processed (
        id    TEXT PRIMARY KEY,
        at_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX processed_by_time ON processed (at_ms);
    `,
  },
  {
    version: 2,
    summary: 'jobs: accepted work that still owes an answer, with its lease; a health row for /healthz',
    sql: `
      -- One row per accepted request (event, command, shortcut). The PRIMARY KEY refuses a
      -- redelivery; open rows are what a restarted (or another) process resumes.
      -- A rowid table (not WITHOUT ROWID): rows carry pastes and rendered answers of many KB.
      CREATE TABLE jobs (
        id             TEXT NOT NULL UNIQUE,
        lane           TEXT NOT NULL,
        state          TEXT NOT NULL,
        payload        TEXT NOT NULL, -- the request, JSON, redacted text only; never rewritten
        result         TEXT,          -- the answers to post, JSON, written once
        progress       TEXT,          -- small JSON: answers delivered so far
        attempts       INTEGER NOT NULL DEFAULT 0,
        accepted_ms    INTEGER NOT NULL,
        updated_ms     INTEGER NOT NULL,
        not_before_ms  INTEGER NOT NULL DEFAULT 0,
        owner          TEXT,
        lease_until_ms INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX jobs_by_state ON jobs (state, accepted_ms);

      CREATE TABLE health (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        at_ms INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    summary: 'thread leases: which process works on a thread now (one at a time across processes)',
    sql: `
      CREATE TABLE thread_leases (
        lane           TEXT PRIMARY KEY,
        owner          TEXT NOT NULL,
        lease_until_ms INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    summary: "the team's memory: confirmed and rejected diagnoses per workspace, by fingerprint; a snapshot's fingerprint",
    sql: `
      -- One row per (workspace, entry id). entry is the whole MemoryEntry as JSON (redacted text
      -- only); key and saved_ms are copied out of it to find and expire rows without parsing.
      CREATE TABLE team_memory (
        team     TEXT NOT NULL,
        id       TEXT NOT NULL,
        key      TEXT NOT NULL,
        at       TEXT NOT NULL,
        entry    TEXT NOT NULL,
        saved_ms INTEGER NOT NULL,
        PRIMARY KEY (team, id)
      );
      CREATE INDEX team_memory_by_key ON team_memory (team, key);
      CREATE INDEX team_memory_by_saved ON team_memory (saved_ms);

      -- JSON Fingerprint of the diagnosis a snapshot remembers; NULL when it had none.
      ALTER TABLE snapshots ADD COLUMN fingerprint TEXT;
    `,
  },
];

/** The version a database has once every migration ran. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** The schema version recorded in the database (0 for a new file). */
function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Throws a StoreOpenError naming the file when the database comes from a newer diag502. Reads
 * only, so a refused database is left exactly as it was.
 */
export function refuseNewerSchema(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const found = schemaVersion(db);
  const known = latestVersion(migrations);
  if (found > known) {
    throw new StoreOpenError(
      `The thread store ${file} has schema version ${found}, but this diag502 only knows versions up to ${known}: ` +
        'it was written by a newer diag502. Upgrade diag502, or point STORE_URL at another file.',
    );
  }
}

/**
 * Brings the database up to the latest version in one IMMEDIATE transaction (taking the write lock
 * first, so two processes opening a new file together migrate it once). Returns the versions
 * applied. If any migration fails, nothing of the run is kept and the error is rethrown.
 */
export function migrate(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations);
  const run = db.transaction((): number[] => {
    // Read again inside the lock: another process may have migrated since we last looked.
    refuseNewerSchema(db, file, migrations);
    const from = schemaVersion(db);
    const pending = migrations.filter((m) => m.version > from);
    for (const migration of pending) db.exec(migration.sql);
    if (pending.length > 0) db.pragma(`user_version = ${latestVersion(migrations)}`);
    return pending.map((m) => m.version);
  });
  return run.immediate();
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Store migrations must be numbered 1, 2, 3, ... in order; found version ${migration.version} at position ${index + 1}.`);
    }
  });
}
