/**
 * The SQLite store run in a worker thread, for the Slack bot. better-sqlite3 is synchronous and
 * every commit waits for an fsync (synchronous=FULL): on the main thread those waits would hold up
 * Slack's acks. Here the main thread only posts messages; the worker commits the calls that
 * arrive together in one transaction, and answers each caller after that commit, so durability is
 * exactly that of the plain store: what a caller saw acknowledged survives a crash and a power
 * loss. The console and the CLI keep the plain store: they have no acks to protect.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DiagnosisSnapshot, Feedback, Job, JobPatch, MemoryEntry, NewJob, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';
import type { WorkerAnswer, WorkerCall } from './sqlite-worker';
import type { Store, StoreOptions } from './store';
import { resolveStoreOptions } from './expiry';
import { StoreOpenError } from './store-error';

interface ThreadedStoreOptions extends StoreOptions {
  /** The compiled worker module; sqlite-worker.js next to this file by default. */
  workerFile?: string;
}

export class ThreadedSqliteStore implements Store {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly now: () => Date;
  private nextId = 1;
  private closed = false;
  private ended: Error | undefined;

  constructor(
    readonly file: string,
    options: ThreadedStoreOptions = {},
  ) {
    const { now, workerFile, ...rest } = options;
    // Checked here, so a bad time to live fails at once as with the plain store, not on a later call.
    resolveStoreOptions(rest);
    this.now = now ?? (() => new Date());
    this.worker = new Worker(workerFile ?? join(__dirname, 'sqlite-worker.js'), { workerData: { file, options: rest } });
    this.worker.on('message', (answer: WorkerAnswer) => this.settle(answer));
    this.worker.on('error', (error) => this.end(new Error(`The thread store's worker failed: ${error.message}`)));
    this.worker.on('exit', () => this.end(new Error('The thread store is closed.')));
  }

  appendMessage(key: ThreadKey, message: StoredMessage): Promise<boolean> {
    return this.call('appendMessage', key, message);
  }
  getThread(key: ThreadKey): Promise<ThreadRecord | undefined> {
    return this.call('getThread', key);
  }
  saveSnapshot(key: ThreadKey, snapshot: DiagnosisSnapshot): Promise<void> {
    return this.call('saveSnapshot', key, snapshot);
  }
  setResolution(key: ThreadKey, resolution: Resolution): Promise<void> {
    return this.call('setResolution', key, resolution);
  }
  addFeedback(key: ThreadKey, feedback: Feedback): Promise<void> {
    return this.call('addFeedback', key, feedback);
  }
  resetThread(key: ThreadKey): Promise<void> {
    return this.call('resetThread', key);
  }
  markProcessed(id: string): Promise<boolean> {
    return this.call('markProcessed', id);
  }
  acceptJob(job: NewJob, owner: string, leaseMs: number): Promise<boolean> {
    return this.call('acceptJob', job, owner, leaseMs);
  }
  getJob(id: string): Promise<Job | undefined> {
    return this.call('getJob', id);
  }
  claimJobs(owner: string, leaseMs: number, options?: { limit?: number }): Promise<Job[]> {
    return this.call('claimJobs', owner, leaseMs, options);
  }
  renewJob(id: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.call('renewJob', id, owner, leaseMs);
  }
  updateJob(id: string, owner: string, patch: JobPatch): Promise<boolean> {
    return this.call('updateJob', id, owner, patch);
  }
  finishJob(id: string, owner: string, state: 'done' | 'failed'): Promise<boolean> {
    return this.call('finishJob', id, owner, state);
  }
  acquireThread(lane: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.call('acquireThread', lane, owner, leaseMs);
  }
  releaseThread(lane: string, owner: string): Promise<void> {
    return this.call('releaseThread', lane, owner);
  }
  openJobs(): Promise<number> {
    return this.call('openJobs');
  }
  ping(): Promise<void> {
    return this.call('ping');
  }
  expire(now?: Date): Promise<number> {
    return this.call('expire', now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ended) {
      await this.send('close', []).catch(() => undefined);
      await this.worker.terminate();
    }
  }

  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The thread store is closed.'));
    return this.send(method, args) as Promise<T>;
  }

  private send(method: string, args: unknown[]): Promise<unknown> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    // Trailing undefined arguments are left out (they would arrive as undefined anyway).
    let end = args.length;
    while (end > 0 && args[end - 1] === undefined) end -= 1;
    const call: WorkerCall = { id, method, args: args.slice(0, end), at: this.now().getTime() };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(call);
    });
  }

  private settle(answer: WorkerAnswer): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(answer.name === 'StoreOpenError' ? new StoreOpenError(answer.message) : Object.assign(new Error(answer.message), { name: answer.name }));
  }

  private end(error: Error): void {
    if (this.ended) return;
    this.ended = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  // ── The team's memory: the worker runs these like every other call (by name) ──────────────

  remember(entry: MemoryEntry): Promise<void> {
    return this.call('remember', entry);
  }
  recall(team: string, key: string): Promise<MemoryEntry[]> {
    return this.call('recall', team, key);
  }
  listMemory(team: string): Promise<MemoryEntry[]> {
    return this.call('listMemory', team);
  }
  forget(team: string, id: string): Promise<boolean> {
    return this.call('forget', team, id);
  }
}
