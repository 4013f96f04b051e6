/**
 * The `memory:` store: the same contract as the SQLite store, kept in Maps, gone when the process
 * ends. Every method does its work synchronously before its promise settles, so interleaved async
 * callers can never see (or overwrite) half of another caller's change. Values are cloned on the
 * way in and on the way out, so no caller can change stored state by mutating an object.
 */
import { threadId } from '../types';
import type { DiagnosisSnapshot, Feedback, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';
import { expiryCutoff, resolveStoreOptions, type ResolvedStoreOptions } from './expiry';
import type { Store, StoreOptions } from './store';

interface ThreadState {
  key: ThreadKey;
  createdMs: number;
  updatedMs: number;
  messages: StoredMessage[];
  messageIds: Set<string>;
  snapshot?: DiagnosisSnapshot;
  resolution?: Resolution;
  feedback: Feedback[];
}

export class MemoryStore implements Store {
  private readonly options: ResolvedStoreOptions;
  private readonly threads = new Map<string, ThreadState>();
  /** Processed id → when it was first seen (ms). */
  private readonly processed = new Map<string, number>();
  private closed = false;

  constructor(options: StoreOptions = {}) {
    this.options = resolveStoreOptions(options);
  }

  async appendMessage(key: ThreadKey, message: StoredMessage): Promise<boolean> {
    this.assertOpen();
    const existing = this.live(threadId(key), this.nowMs());
    if (existing?.messageIds.has(message.messageId)) return false;
    const thread = this.touch(key);
    thread.messages.push(structuredClone(message));
    thread.messageIds.add(message.messageId);
    return true;
  }

  async getThread(key: ThreadKey): Promise<ThreadRecord | undefined> {
    this.assertOpen();
    const id = threadId(key);
    const thread = this.live(id, this.nowMs());
    if (!thread) return undefined;
    const record: ThreadRecord = {
      id,
      key: { ...thread.key },
      createdAt: new Date(thread.createdMs).toISOString(),
      updatedAt: new Date(thread.updatedMs).toISOString(),
      messages: structuredClone(thread.messages),
      feedback: structuredClone(thread.feedback),
    };
    if (thread.snapshot) record.snapshot = structuredClone(thread.snapshot);
    if (thread.resolution) record.resolution = structuredClone(thread.resolution);
    return record;
  }

  async saveSnapshot(key: ThreadKey, snapshot: DiagnosisSnapshot): Promise<void> {
    this.assertOpen();
    this.touch(key).snapshot = structuredClone(snapshot);
  }

  async setResolution(key: ThreadKey, resolution: Resolution): Promise<void> {
    this.assertOpen();
    this.touch(key).resolution = structuredClone(resolution);
  }

  async addFeedback(key: ThreadKey, feedback: Feedback): Promise<void> {
    this.assertOpen();
    this.touch(key).feedback.push(structuredClone(feedback));
  }

  async resetThread(key: ThreadKey): Promise<void> {
    this.assertOpen();
    const thread = this.touch(key);
    thread.messages = [];
    thread.messageIds.clear();
    thread.feedback = [];
    delete thread.snapshot;
    delete thread.resolution;
  }

  async markProcessed(id: string): Promise<boolean> {
    this.assertOpen();
    const nowMs = this.nowMs();
    const seen = this.processed.get(id);
    if (seen !== undefined && seen >= expiryCutoff(nowMs, this.options.ttlMs)) return false;
    this.processed.set(id, nowMs);
    return true;
  }

  async expire(now?: Date): Promise<number> {
    this.assertOpen();
    const cutoff = expiryCutoff((now ?? this.options.now()).getTime(), this.options.ttlMs);
    let removed = 0;
    for (const [id, thread] of this.threads) {
      if (thread.updatedMs < cutoff) {
        this.threads.delete(id);
        removed++;
      }
    }
    for (const [id, seenMs] of this.processed) {
      if (seenMs < cutoff) this.processed.delete(id);
    }
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.threads.clear();
    this.processed.clear();
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }

  /**
   * The thread if it exists and has not expired. An expired one is left for `expire()` to count
   * and remove (as the SQLite store does); `touch` replaces it when someone writes to the thread.
   */
  private live(id: string, nowMs: number): ThreadState | undefined {
    const thread = this.threads.get(id);
    return thread && thread.updatedMs >= expiryCutoff(nowMs, this.options.ttlMs) ? thread : undefined;
  }

  /** The live thread, created (afresh, if the old one expired) when needed, marked as updated now. */
  private touch(key: ThreadKey): ThreadState {
    const id = threadId(key);
    const nowMs = this.nowMs();
    let thread = this.live(id, nowMs);
    if (!thread) {
      thread = { key: { ...key }, createdMs: nowMs, updatedMs: nowMs, messages: [], messageIds: new Set(), feedback: [] };
      this.threads.set(id, thread);
    }
    thread.updatedMs = nowMs;
    return thread;
  }

  private assertOpen(): void {
    // Same failure as the SQLite store after close, so callers cannot come to rely on a difference.
    if (this.closed) throw new Error('The thread store is closed.');
  }
}
