/**
 * Where incident threads are kept. Three implementations share one contract (and one test suite):
 * `sqlite:PATH` (durable, the default), `redis://…` (shared by several replicas) and `memory:`
 * (tests, throwaway sessions). Every method
 * that changes a thread is atomic on its own, so concurrent messages to one thread never lose
 * each other's evidence: callers append, then read the whole thread back.
 */
import type { TeamMemory } from './team-memory';
import type { DiagnosisSnapshot, Feedback, Job, JobPatch, NewJob, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';

/** A store keeps the team's memory too (team-memory.ts), under its own, longer time to live. */
export interface Store extends TeamMemory {
  /**
   * Appends a message to its thread, creating the thread. Returns false (and changes nothing)
   * when the thread already holds a message with this id: a redelivery.
   *
   * Every write (this and the four below) creates the thread when there is none, and marks it
   * updated at the store's clock (not the message's `at`), which restarts its time to live. A
   * write to a thread that expired but was not swept yet starts a new, empty thread first.
   */
  appendMessage(key: ThreadKey, message: StoredMessage): Promise<boolean>;
  /** The whole thread, or undefined when there is none (or it expired). */
  getThread(key: ThreadKey): Promise<ThreadRecord | undefined>;
  /** Remembers the last diagnosis posted in the thread. */
  saveSnapshot(key: ThreadKey, snapshot: DiagnosisSnapshot): Promise<void>;
  setResolution(key: ThreadKey, resolution: Resolution): Promise<void>;
  addFeedback(key: ThreadKey, feedback: Feedback): Promise<void>;
  /**
   * Forgets the thread's messages, snapshot, resolution and feedback; the thread stays "joined"
   * (createdAt is kept). Message ids are forgotten too: an old id is accepted again afterwards.
   */
  resetThread(key: ThreadKey): Promise<void>;
  /**
   * Records an event or message id as handled. Returns true the first time, false for a
   * redelivery, atomically, so two deliveries racing each other get one true between them. Ids
   * are kept for `processedTtlMs` (a day: as long as Slack may retry), not for the thread TTL.
   */
  markProcessed(id: string): Promise<boolean>;

  /**
   * Records newly accepted work, leased to `owner` for `leaseMs`. Returns false, changing nothing,
   * when a job with this id exists in any state and has not expired: a redelivered event or a
   * replayed command, atomically, so two deliveries racing each other get one true between them.
   */
  acceptJob(job: NewJob, owner: string, leaseMs: number): Promise<boolean>;
  /** The job with this id, or undefined. */
  getJob(id: string): Promise<Job | undefined>;
  /**
   * Leases to `owner`, for `leaseMs`, up to `limit` open jobs whose `notBefore` has passed and
   * whose lease ran out, or whose holder is a process on this host that is gone (owner.ts),
   * oldest first, and returns them. Atomic: two claimers never get the same job.
   */
  claimJobs(owner: string, leaseMs: number, options?: { limit?: number }): Promise<Job[]>;
  /** Extends the lease while the work goes on. False when `owner` no longer holds it. */
  renewJob(id: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Changes a job its `owner` holds. False (and no change) when the lease is someone else's. */
  updateJob(id: string, owner: string, patch: JobPatch): Promise<boolean>;
  /** Ends a job its `owner` holds: `done` (answered) or `failed` (given up). Kept as a processed record. */
  finishJob(id: string, owner: string, state: 'done' | 'failed'): Promise<boolean>;
  /**
   * Takes (or, for its holder, extends) the lease on one thread (a job lane) for `leaseMs`, so
   * that only one process at a time works on a thread: with several replicas, two follow-ups in
   * one thread are then answered one after the other, each seeing the other's evidence. True when
   * `owner` holds the lease now. A lease that ran out, or whose holder is a gone process on this
   * host (owner.ts), is taken over. Atomic: two callers never both get true for one lane.
   */
  acquireThread(lane: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Gives a thread lease up; does nothing when `owner` does not hold it (any more). */
  releaseThread(lane: string, owner: string): Promise<void>;
  /** How many jobs still owe an answer. */
  openJobs(): Promise<number>;
  /** Proves the store can write now (for /healthz); rejects with the reason when it cannot. */
  ping(): Promise<void>;

  /**
   * Deletes threads older than the time to live (age > ttl: at exactly ttl they stay), processed
   * ids and finished jobs older than `processedTtlMs`, and open jobs older than `jobMaxAgeMs`;
   * returns how many threads went. getThread and markProcessed already treat expired entries as
   * gone, so this only reclaims space. The SQLite store also runs it at open.
   */
  expire(now?: Date): Promise<number>;
  /** Idempotent; every other method rejects afterwards. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Threads not updated for this long are forgotten. Default: 7 days. */
  ttlMs?: number;
  /** Processed ids and finished jobs are kept this long: Slack retries within minutes. Default: 1 day. */
  processedTtlMs?: number;
  /** Open jobs older than this are dropped by expire() (the runner gives up long before). Default: 1 day. */
  jobMaxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
  /** Team memory entries not written again for this long are forgotten. Default: 180 days. */
  memoryTtlMs?: number;
}

export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_PROCESSED_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_JOB_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_STORE_URL = 'sqlite:./data/diag502.db';
