/**
 * The `sqlite:PATH` store (the default): threads survive a restart and a crash. better-sqlite3 is
 * synchronous, so each method runs to completion before any other caller in this process gets a
 * turn; across processes, every change is one IMMEDIATE transaction (the write lock is taken
 * first and waited for up to the busy timeout) and the WAL journal lets readers carry on meanwhile.
 * With synchronous=FULL a write is on disk before its promise resolves, so whatever a caller saw
 * acknowledged is read back whole after a crash.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { OPEN_JOB_STATES, threadId } from '../types';
import type { DiagnosisSnapshot, Feedback, Job, JobPatch, JobState, MemoryEntry, NewJob, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';
import { expiryCutoff, resolveStoreOptions, type ResolvedStoreOptions } from './expiry';
import { migrate, refuseNewerSchema } from './migrations';
import { ownerIsDead } from './owner';
import type { Store, StoreOptions } from './store';
import { StoreOpenError } from './store-error';
import { newestFirst } from './team-memory';

/** How long a write waits for another process's transaction before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** True for SQLite's names of databases that live in memory only (no file, no folder to create). */
function inMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}

/**
 * Opens (creating it and its folder on first use) and configures a database file, then brings its
 * schema up to date. Every failure, including a schema from a newer diag502 or a file that is not
 * a database, becomes a StoreOpenError naming the file.
 */
export function openDatabase(file: string): Database {
  let db: Database | undefined;
  try {
    if (!inMemory(file)) mkdirSync(dirname(file), { recursive: true });
    db = new BetterSqlite3(file);
    // First, so every later step waits for other processes instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before anything that writes: a newer database must be left exactly as it was.
    refuseNewerSchema(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreOpenError) throw error;
    // Not `instanceof Error`: errors from the native module may come from another realm (jest).
    const reason = typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : String(error);
    throw new StoreOpenError(`Cannot open the thread store ${file}: ${reason}`, { cause: error });
  }
}

interface ThreadRow {
  surface: ThreadKey['surface'];
  team: string;
  channel: string;
  thread: string;
  created_ms: number;
  updated_ms: number;
}
interface MessageRow {
  message_id: string;
  author: string;
  at: string;
  kind: StoredMessage['kind'];
  text: string;
  redactions: number;
}
interface SnapshotRow {
  at: string;
  layer: DiagnosisSnapshot['layer'];
  causes: string;
  fingerprint: string | null;
}
interface ResolutionRow {
  cause_id: string | null;
  text: string;
  by_user: string;
  at: string;
}
interface FeedbackRow {
  cause_id: string;
  verdict: Feedback['verdict'];
  by_user: string;
  at: string;
}

type JobHead = Omit<JobRow, 'payload' | 'result' | 'progress'>;

interface JobRow {
  id: string;
  lane: string;
  state: JobState;
  payload: string;
  result: string | null;
  progress: string | null;
  attempts: number;
  accepted_ms: number;
  updated_ms: number;
  not_before_ms: number;
  owner: string | null;
  lease_until_ms: number;
}

/** `state IN (...)` for the open states, written once. */
const OPEN = OPEN_JOB_STATES.map((s) => `'${s}'`).join(', ');
const JOB_COLUMNS = 'id, lane, state, payload, result, progress, attempts, accepted_ms, updated_ms, not_before_ms, owner, lease_until_ms';
/** The small columns only: claims and lease checks never read a paste. */
const JOB_HEAD = 'id, lane, state, attempts, accepted_ms, updated_ms, not_before_ms, owner, lease_until_ms';

/** Every statement, prepared once at open. */
function prepareStatements(db: Database) {
  return {
    deleteThreadIfExpired: db.prepare<[string, number]>('DELETE FROM threads WHERE id = ? AND updated_ms < ?'),
    createThread: db.prepare<[string, string, string, string, string, number, number]>(
      `INSERT INTO threads (id, surface, team, channel, thread, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    touchThread: db.prepare<[number, string]>('UPDATE threads SET updated_ms = ? WHERE id = ?'),
    insertMessage: db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO messages (thread_id, message_id, author, at, kind, text, redactions) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (thread_id, message_id) DO NOTHING`,
    ),
    upsertSnapshot: db.prepare<[string, string, string | null, string, string | null]>(
      `INSERT INTO snapshots (thread_id, at, layer, causes, fingerprint) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (thread_id) DO UPDATE SET at = excluded.at, layer = excluded.layer, causes = excluded.causes, fingerprint = excluded.fingerprint`,
    ),
    upsertResolution: db.prepare<[string, string | null, string, string, string]>(
      `INSERT INTO resolutions (thread_id, cause_id, text, by_user, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (thread_id) DO UPDATE SET cause_id = excluded.cause_id, text = excluded.text, by_user = excluded.by_user, at = excluded.at`,
    ),
    insertFeedback: db.prepare<[string, string, string, string, string]>(
      'INSERT INTO feedback (thread_id, cause_id, verdict, by_user, at) VALUES (?, ?, ?, ?, ?)',
    ),
    clearMessages: db.prepare<[string]>('DELETE FROM messages WHERE thread_id = ?'),
    clearSnapshot: db.prepare<[string]>('DELETE FROM snapshots WHERE thread_id = ?'),
    clearResolution: db.prepare<[string]>('DELETE FROM resolutions WHERE thread_id = ?'),
    clearFeedback: db.prepare<[string]>('DELETE FROM feedback WHERE thread_id = ?'),
    selectThread: db.prepare<[string], ThreadRow>(
      'SELECT surface, team, channel, thread, created_ms, updated_ms FROM threads WHERE id = ?',
    ),
    selectMessages: db.prepare<[string], MessageRow>(
      'SELECT message_id, author, at, kind, text, redactions FROM messages WHERE thread_id = ? ORDER BY seq',
    ),
    selectSnapshot: db.prepare<[string], SnapshotRow>('SELECT at, layer, causes, fingerprint FROM snapshots WHERE thread_id = ?'),
    selectResolution: db.prepare<[string], ResolutionRow>('SELECT cause_id, text, by_user, at FROM resolutions WHERE thread_id = ?'),
    selectFeedback: db.prepare<[string], FeedbackRow>(
      'SELECT cause_id, verdict, by_user, at FROM feedback WHERE thread_id = ? ORDER BY seq',
    ),
    deleteExpiredProcessed: db.prepare<[string, number]>('DELETE FROM processed WHERE id = ? AND at_ms < ?'),
    insertProcessed: db.prepare<[string, number]>('INSERT OR IGNORE INTO processed (id, at_ms) VALUES (?, ?)'),
    expireThreads: db.prepare<[number]>('DELETE FROM threads WHERE updated_ms < ?'),
    expireProcessed: db.prepare<[number]>('DELETE FROM processed WHERE at_ms < ?'),
    // An old finished job (or a far too old open one) no longer blocks its id.
    deleteExpiredJob: db.prepare<[string, number, number]>(
      `DELETE FROM jobs WHERE id = ? AND ((state IN (${OPEN}) AND accepted_ms < ?) OR (state NOT IN (${OPEN}) AND updated_ms < ?))`,
    ),
    insertJob: db.prepare<[string, string, string, number, number, string, number]>(
      `INSERT INTO jobs (id, lane, state, payload, attempts, accepted_ms, updated_ms, owner, lease_until_ms)
       VALUES (?, ?, 'pending', ?, 0, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    selectJob: db.prepare<[string], JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`),
    selectClaimable: db.prepare<[number, number, number], JobHead>(
      `SELECT ${JOB_HEAD} FROM jobs WHERE state IN (${OPEN}) AND accepted_ms >= ? AND not_before_ms <= ? AND lease_until_ms > ?
       ORDER BY accepted_ms`,
    ),
    selectExpiredLeases: db.prepare<[number, number, number, number], JobRow>(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE state IN (${OPEN}) AND accepted_ms >= ? AND not_before_ms <= ? AND lease_until_ms <= ?
       ORDER BY accepted_ms LIMIT ?`,
    ),
    leaseJob: db.prepare<[string, number, string]>('UPDATE jobs SET owner = ?, lease_until_ms = ? WHERE id = ?'),
    renewJob: db.prepare<[number, string, string, number]>('UPDATE jobs SET lease_until_ms = ? WHERE id = ? AND owner = ? AND lease_until_ms >= ?'),
    heldJob: db.prepare<[string, string, number], JobHead>(`SELECT ${JOB_HEAD} FROM jobs WHERE id = ? AND owner = ? AND lease_until_ms >= ?`),
    writeJob: db.prepare<[string, number, number, string | null, number, number, string]>(
      'UPDATE jobs SET state = ?, attempts = ?, not_before_ms = ?, owner = ?, lease_until_ms = ?, updated_ms = ? WHERE id = ?',
    ),
    writeJobResult: db.prepare<[string, string]>('UPDATE jobs SET result = ? WHERE id = ?'),
    writeJobProgress: db.prepare<[string, string]>('UPDATE jobs SET progress = ? WHERE id = ?'),
    countOpenJobs: db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM jobs WHERE state IN (${OPEN}) AND accepted_ms >= ?`),
    expireOpenJobs: db.prepare<[number]>(`DELETE FROM jobs WHERE state IN (${OPEN}) AND accepted_ms < ?`),
    expireFinishedJobs: db.prepare<[number]>(`DELETE FROM jobs WHERE state NOT IN (${OPEN}) AND updated_ms < ?`),
    selectThreadLease: db.prepare<[string], { owner: string; lease_until_ms: number }>('SELECT owner, lease_until_ms FROM thread_leases WHERE lane = ?'),
    upsertThreadLease: db.prepare<[string, string, number]>(
      `INSERT INTO thread_leases (lane, owner, lease_until_ms) VALUES (?, ?, ?)
       ON CONFLICT (lane) DO UPDATE SET owner = excluded.owner, lease_until_ms = excluded.lease_until_ms`,
    ),
    deleteThreadLease: db.prepare<[string, string]>('DELETE FROM thread_leases WHERE lane = ? AND owner = ?'),
    expireThreadLeases: db.prepare<[number]>('DELETE FROM thread_leases WHERE lease_until_ms <= ?'),
    ping: db.prepare<[number]>('INSERT INTO health (id, at_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms'),
    // The team's memory.
    upsertMemory: db.prepare<[string, string, string, string, string, number]>(
      `INSERT INTO team_memory (team, id, key, at, entry, saved_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (team, id) DO UPDATE SET key = excluded.key, at = excluded.at, entry = excluded.entry, saved_ms = excluded.saved_ms`,
    ),
    selectMemoryByKey: db.prepare<[string, string, number], { entry: string }>('SELECT entry FROM team_memory WHERE team = ? AND key = ? AND saved_ms >= ?'),
    selectMemory: db.prepare<[string, number], { entry: string }>('SELECT entry FROM team_memory WHERE team = ? AND saved_ms >= ?'),
    deleteMemory: db.prepare<[string, string]>('DELETE FROM team_memory WHERE team = ? AND id = ?'),
    selectMemorySaved: db.prepare<[string, string], { saved_ms: number }>('SELECT saved_ms FROM team_memory WHERE team = ? AND id = ?'),
    expireMemory: db.prepare<[number]>('DELETE FROM team_memory WHERE saved_ms < ?'),
  };
}

export class SqliteStore implements Store {
  private readonly options: ResolvedStoreOptions;
  private readonly db: Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private closed = false;

  /**
   * Opens `file` (`:memory:` for a private in-memory database), migrates it and forgets whatever
   * expired while the process was down. Throws StoreOpenError when it cannot.
   */
  constructor(
    readonly file: string,
    options: StoreOptions = {},
  ) {
    this.options = resolveStoreOptions(options);
    this.db = openDatabase(file);
    try {
      this.sql = prepareStatements(this.db);
      this.expireNow(this.options.now());
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async appendMessage(key: ThreadKey, message: StoredMessage): Promise<boolean> {
    return this.write(() => {
      const id = threadId(key);
      const nowMs = this.nowMs();
      this.ensureThread(id, key, nowMs);
      // The UNIQUE (thread_id, message_id) constraint decides, in this one statement: no row, no append.
      const { changes } = this.sql.insertMessage.run(id, message.messageId, message.author, message.at, message.kind, message.text, message.redactions);
      if (changes === 0) return false;
      this.sql.touchThread.run(nowMs, id);
      return true;
    });
  }

  async getThread(key: ThreadKey): Promise<ThreadRecord | undefined> {
    this.assertOpen();
    const id = threadId(key);
    const nowMs = this.nowMs();
    // One read transaction: a consistent picture even while another process is writing.
    const read = this.db.transaction((): ThreadRecord | undefined => {
      const row = this.sql.selectThread.get(id);
      if (!row || row.updated_ms < expiryCutoff(nowMs, this.options.ttlMs)) return undefined;
      const record: ThreadRecord = {
        id,
        key: { surface: row.surface, team: row.team, channel: row.channel, thread: row.thread },
        createdAt: new Date(row.created_ms).toISOString(),
        updatedAt: new Date(row.updated_ms).toISOString(),
        messages: this.sql.selectMessages.all(id).map(toMessage),
        feedback: this.sql.selectFeedback.all(id).map((f) => ({ causeId: f.cause_id, verdict: f.verdict, by: f.by_user, at: f.at })),
      };
      const snapshot = this.sql.selectSnapshot.get(id);
      if (snapshot) {
        record.snapshot = { at: snapshot.at, layer: snapshot.layer, causes: JSON.parse(snapshot.causes) as DiagnosisSnapshot['causes'] };
        if (snapshot.fingerprint !== null) record.snapshot.fingerprint = JSON.parse(snapshot.fingerprint) as NonNullable<DiagnosisSnapshot['fingerprint']>;
      }
      const resolution = this.sql.selectResolution.get(id);
      if (resolution) record.resolution = toResolution(resolution);
      return record;
    });
    return read.deferred();
  }

  async saveSnapshot(key: ThreadKey, snapshot: DiagnosisSnapshot): Promise<void> {
    this.write(() => {
      const id = this.touch(key);
      this.sql.upsertSnapshot.run(id, snapshot.at, snapshot.layer, JSON.stringify(snapshot.causes), snapshot.fingerprint ? JSON.stringify(snapshot.fingerprint) : null);
    });
  }

  async setResolution(key: ThreadKey, resolution: Resolution): Promise<void> {
    this.write(() => {
      const id = this.touch(key);
      this.sql.upsertResolution.run(id, resolution.causeId ?? null, resolution.text, resolution.by, resolution.at);
    });
  }

  async addFeedback(key: ThreadKey, feedback: Feedback): Promise<void> {
    this.write(() => {
      const id = this.touch(key);
      this.sql.insertFeedback.run(id, feedback.causeId, feedback.verdict, feedback.by, feedback.at);
    });
  }

  async resetThread(key: ThreadKey): Promise<void> {
    this.write(() => {
      const id = this.touch(key);
      this.sql.clearMessages.run(id);
      this.sql.clearSnapshot.run(id);
      this.sql.clearResolution.run(id);
      this.sql.clearFeedback.run(id);
    });
  }

  async markProcessed(id: string): Promise<boolean> {
    return this.write(() => {
      const nowMs = this.nowMs();
      // An id seen longer ago than the time to live counts as new, as if expire() had already run.
      this.sql.deleteExpiredProcessed.run(id, expiryCutoff(nowMs, this.options.processedTtlMs));
      return this.sql.insertProcessed.run(id, nowMs).changes === 1;
    });
  }

  async acceptJob(job: NewJob, owner: string, leaseMs: number): Promise<boolean> {
    return this.write(() => {
      const nowMs = this.nowMs();
      this.sql.deleteExpiredJob.run(job.id, expiryCutoff(nowMs, this.options.jobMaxAgeMs), expiryCutoff(nowMs, this.options.processedTtlMs));
      // The PRIMARY KEY decides, in this one statement: a job seen before is not accepted again.
      return this.sql.insertJob.run(job.id, job.lane, JSON.stringify(job.payload), nowMs, nowMs, owner, nowMs + leaseMs).changes === 1;
    });
  }

  async getJob(id: string): Promise<Job | undefined> {
    this.assertOpen();
    const row = this.sql.selectJob.get(id);
    if (!row) return undefined;
    const nowMs = this.nowMs();
    const expired = OPEN_JOB_STATES.includes(row.state)
      ? row.accepted_ms < expiryCutoff(nowMs, this.options.jobMaxAgeMs)
      : row.updated_ms < expiryCutoff(nowMs, this.options.processedTtlMs);
    return expired ? undefined : toJob(row);
  }

  async claimJobs(owner: string, leaseMs: number, options: { limit?: number } = {}): Promise<Job[]> {
    return this.write(() => {
      const nowMs = this.nowMs();
      const oldest = expiryCutoff(nowMs, this.options.jobMaxAgeMs);
      const limit = options.limit ?? 1000;
      const rows = this.sql.selectExpiredLeases.all(oldest, nowMs, nowMs, limit);
      // Leases still running whose holder is known to be gone (a killed process on this host).
      if (rows.length < limit) {
        for (const head of this.sql.selectClaimable.all(oldest, nowMs, nowMs)) {
          if (rows.length >= limit) break;
          if (head.owner !== null && ownerIsDead(head.owner, owner)) rows.push(this.sql.selectJob.get(head.id)!);
        }
        rows.sort((a, b) => a.accepted_ms - b.accepted_ms);
      }
      for (const row of rows) this.sql.leaseJob.run(owner, nowMs + leaseMs, row.id);
      return rows.map((row) => toJob({ ...row, owner, lease_until_ms: nowMs + leaseMs }));
    });
  }

  async renewJob(id: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.write(() => {
      const nowMs = this.nowMs();
      return this.sql.renewJob.run(nowMs + leaseMs, id, owner, nowMs).changes === 1;
    });
  }

  async updateJob(id: string, owner: string, patch: JobPatch): Promise<boolean> {
    return this.write(() => {
      const nowMs = this.nowMs();
      const row = this.sql.heldJob.get(id, owner, nowMs);
      if (!row) return false;
      const notBefore = patch.notBefore === undefined ? row.not_before_ms : patch.notBefore === null ? 0 : patch.notBefore.getTime();
      if (patch.result !== undefined) this.sql.writeJobResult.run(JSON.stringify(patch.result), id);
      if (patch.progress !== undefined) this.sql.writeJobProgress.run(JSON.stringify(patch.progress), id);
      this.sql.writeJob.run(
        patch.state ?? row.state,
        patch.attempts ?? row.attempts,
        notBefore,
        patch.release ? null : row.owner,
        patch.release ? 0 : row.lease_until_ms,
        nowMs,
        id,
      );
      return true;
    });
  }

  async finishJob(id: string, owner: string, outcome: 'done' | 'failed'): Promise<boolean> {
    return this.updateJob(id, owner, { state: outcome, release: true });
  }

  async acquireThread(lane: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.write(() => {
      const nowMs = this.nowMs();
      const lease = this.sql.selectThreadLease.get(lane);
      if (lease && lease.owner !== owner && lease.lease_until_ms > nowMs && !ownerIsDead(lease.owner, owner)) return false;
      this.sql.upsertThreadLease.run(lane, owner, nowMs + leaseMs);
      return true;
    });
  }

  async releaseThread(lane: string, owner: string): Promise<void> {
    this.write(() => this.sql.deleteThreadLease.run(lane, owner));
  }

  async openJobs(): Promise<number> {
    this.assertOpen();
    return this.sql.countOpenJobs.get(expiryCutoff(this.nowMs(), this.options.jobMaxAgeMs))?.n ?? 0;
  }

  async ping(): Promise<void> {
    this.write(() => this.sql.ping.run(this.nowMs()));
  }

  async expire(now?: Date): Promise<number> {
    this.assertOpen();
    return this.expireNow(now ?? this.options.now());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /**
   * Runs `work` (calls to this store's own methods) in one transaction: their writes become
   * durable together, with one commit (one fsync) for all of them. Each method keeps its own
   * savepoint, so one that fails is rolled back alone. Throws when the commit fails: then nothing
   * of `work` was kept.
   */
  inTransaction<T>(work: () => T): T {
    this.assertOpen();
    return this.db.transaction(work).immediate();
  }

  private expireNow(now: Date): number {
    const cutoff = expiryCutoff(now.getTime(), this.options.ttlMs);
    const run = this.db.transaction((): number => {
      // Messages, snapshot, resolution and feedback go with their thread (ON DELETE CASCADE).
      const { changes } = this.sql.expireThreads.run(cutoff);
      this.sql.expireProcessed.run(expiryCutoff(now.getTime(), this.options.processedTtlMs));
      this.sql.expireOpenJobs.run(expiryCutoff(now.getTime(), this.options.jobMaxAgeMs));
      this.sql.expireFinishedJobs.run(expiryCutoff(now.getTime(), this.options.processedTtlMs));
      this.sql.expireThreadLeases.run(now.getTime());
      this.sql.expireMemory.run(expiryCutoff(now.getTime(), this.options.memoryTtlMs));
      return changes;
    });
    return run.immediate();
  }

  /** Runs one change as one IMMEDIATE transaction. */
  private write<T>(change: () => T): T {
    this.assertOpen();
    return this.db.transaction(change).immediate();
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }

  /**
   * Makes sure the live thread exists: an expired one is deleted first (with everything in it),
   * so writing to it starts a new thread instead of bringing old evidence back.
   */
  private ensureThread(id: string, key: ThreadKey, nowMs: number): void {
    this.sql.deleteThreadIfExpired.run(id, expiryCutoff(nowMs, this.options.ttlMs));
    this.sql.createThread.run(id, key.surface, key.team, key.channel, key.thread, nowMs, nowMs);
  }

  /** ensureThread, then marks the thread updated now; returns its id. */
  private touch(key: ThreadKey): string {
    const id = threadId(key);
    const nowMs = this.nowMs();
    this.ensureThread(id, key, nowMs);
    this.sql.touchThread.run(nowMs, id);
    return id;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The thread store is closed.');
  }

  // ── The team's memory (team-memory.ts) ─────────────────────────────────────────────────────

  async remember(entry: MemoryEntry): Promise<void> {
    this.write(() => this.sql.upsertMemory.run(entry.team, entry.id, entry.key, entry.at, JSON.stringify(entry), this.nowMs()));
  }

  async recall(team: string, key: string): Promise<MemoryEntry[]> {
    this.assertOpen();
    return this.sql.selectMemoryByKey.all(team, key, this.memoryCutoff()).map(toMemoryEntry).sort(newestFirst);
  }

  async listMemory(team: string): Promise<MemoryEntry[]> {
    this.assertOpen();
    return this.sql.selectMemory.all(team, this.memoryCutoff()).map(toMemoryEntry).sort(newestFirst);
  }

  async forget(team: string, id: string): Promise<boolean> {
    return this.write(() => {
      const row = this.sql.selectMemorySaved.get(team, id);
      if (!row) return false;
      this.sql.deleteMemory.run(team, id);
      // An expired entry is gone already as far as anyone could see: forgetting it found nothing.
      return row.saved_ms >= this.memoryCutoff();
    });
  }

  private memoryCutoff(): number {
    return expiryCutoff(this.nowMs(), this.options.memoryTtlMs);
  }
}

function toMemoryEntry(row: { entry: string }): MemoryEntry {
  return JSON.parse(row.entry) as MemoryEntry;
}

function toMessage(row: MessageRow): StoredMessage {
  return { messageId: row.message_id, author: row.author, at: row.at, kind: row.kind, text: row.text, redactions: row.redactions };
}

function toJob(row: JobRow): Job {
  const job: Job = { id: row.id, lane: row.lane, payload: JSON.parse(row.payload) as unknown, state: row.state, attempts: row.attempts, acceptedAt: new Date(row.accepted_ms).toISOString() };
  if (row.result !== null) job.result = JSON.parse(row.result) as unknown;
  if (row.progress !== null) job.progress = JSON.parse(row.progress) as unknown;
  if (row.not_before_ms > 0) job.notBefore = new Date(row.not_before_ms).toISOString();
  if (row.owner !== null) {
    job.owner = row.owner;
    job.leaseUntil = new Date(row.lease_until_ms).toISOString();
  }
  return job;
}

function toResolution(row: ResolutionRow): Resolution {
  const resolution: Resolution = { text: row.text, by: row.by_user, at: row.at };
  if (row.cause_id !== null) resolution.causeId = row.cause_id;
  return resolution;
}
