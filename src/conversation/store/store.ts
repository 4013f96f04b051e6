/**
 * Where incident threads are kept. Two implementations share one contract (and one test suite):
 * `sqlite:PATH` (durable, the default) and `memory:` (tests, throwaway sessions). Every method
 * that changes a thread is atomic on its own, so concurrent messages to one thread never lose
 * each other's evidence: callers append, then read the whole thread back.
 */
import type { DiagnosisSnapshot, Feedback, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';

export interface Store {
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
   * redelivery, atomically, so two deliveries racing each other get one true between them.
   */
  markProcessed(id: string): Promise<boolean>;
  /**
   * Deletes threads (and processed ids) older than the time to live (age > ttl: at exactly ttl
   * they stay); returns how many threads went. getThread and markProcessed already treat expired
   * entries as gone, so this only reclaims space. The SQLite store also runs it at open.
   */
  expire(now?: Date): Promise<number>;
  /** Idempotent; every other method rejects afterwards. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Threads not updated for this long are forgotten. Default: 7 days. */
  ttlMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_STORE_URL = 'sqlite:./data/diag502.db';
