/**
 * The `memory:` store: the same contract as the SQLite store, kept in Maps, gone when the process
 * ends. Every method does its work synchronously before its promise settles, so interleaved async
 * callers can never see (or overwrite) half of another caller's change. Values are cloned on the
 * way in and on the way out, so no caller can change stored state by mutating an object.
 */
import { OPEN_JOB_STATES, threadId } from '../types';
import type { DiagnosisSnapshot, Feedback, Job, JobPatch, MemoryEntry, NewJob, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';
import { expiryCutoff, resolveStoreOptions, type ResolvedStoreOptions } from './expiry';
import { ownerIsDead } from './owner';
import type { Store, StoreOptions } from './store';
import { newestFirst } from './team-memory';

interface JobState {
  job: Job;
  acceptedMs: number;
  updatedMs: number;
  notBeforeMs: number;
  leaseUntilMs: number;
}

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
  private readonly jobs = new Map<string, JobState>();
  /** Lane → who works on that thread now, and until when (ms). */
  private readonly threadLeases = new Map<string, { owner: string; untilMs: number }>();
  /** Team memory: `team` → entry id → the entry and when it was last written (ms, store clock). */
  private readonly memory = new Map<string, Map<string, { entry: MemoryEntry; savedMs: number }>>();
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
    if (seen !== undefined && seen >= expiryCutoff(nowMs, this.options.processedTtlMs)) return false;
    this.processed.set(id, nowMs);
    return true;
  }

  async acceptJob(job: NewJob, owner: string, leaseMs: number): Promise<boolean> {
    this.assertOpen();
    const nowMs = this.nowMs();
    const existing = this.jobs.get(job.id);
    if (existing && !this.jobExpired(existing, nowMs)) return false;
    const accepted: Job = { id: job.id, lane: job.lane, payload: structuredClone(job.payload), state: 'pending', attempts: 0, acceptedAt: new Date(nowMs).toISOString(), owner };
    this.jobs.set(job.id, { job: accepted, acceptedMs: nowMs, updatedMs: nowMs, notBeforeMs: 0, leaseUntilMs: nowMs + leaseMs });
    return true;
  }

  async getJob(id: string): Promise<Job | undefined> {
    this.assertOpen();
    const state = this.jobs.get(id);
    return state && !this.jobExpired(state, this.nowMs()) ? this.jobOf(state) : undefined;
  }

  async claimJobs(owner: string, leaseMs: number, options: { limit?: number } = {}): Promise<Job[]> {
    this.assertOpen();
    const nowMs = this.nowMs();
    const claimable = [...this.jobs.values()]
      .filter((s) => OPEN_JOB_STATES.includes(s.job.state) && !this.jobExpired(s, nowMs) && s.notBeforeMs <= nowMs)
      .filter((s) => s.leaseUntilMs <= nowMs || s.job.owner === undefined || ownerIsDead(s.job.owner, owner))
      .sort((a, b) => a.acceptedMs - b.acceptedMs)
      .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
    for (const s of claimable) {
      s.job.owner = owner;
      s.leaseUntilMs = nowMs + leaseMs;
    }
    return claimable.map((s) => this.jobOf(s));
  }

  async renewJob(id: string, owner: string, leaseMs: number): Promise<boolean> {
    this.assertOpen();
    const state = this.held(id, owner);
    if (!state) return false;
    state.leaseUntilMs = this.nowMs() + leaseMs;
    return true;
  }

  async updateJob(id: string, owner: string, patch: JobPatch): Promise<boolean> {
    this.assertOpen();
    const state = this.held(id, owner);
    if (!state) return false;
    const nowMs = this.nowMs();
    if (patch.state !== undefined) state.job.state = patch.state;
    if (patch.result !== undefined) state.job.result = structuredClone(patch.result);
    if (patch.progress !== undefined) state.job.progress = structuredClone(patch.progress);
    if (patch.attempts !== undefined) state.job.attempts = patch.attempts;
    if (patch.notBefore !== undefined) state.notBeforeMs = patch.notBefore === null ? 0 : patch.notBefore.getTime();
    if (patch.release) {
      state.leaseUntilMs = 0;
      delete state.job.owner;
    }
    state.updatedMs = nowMs;
    return true;
  }

  async finishJob(id: string, owner: string, outcome: 'done' | 'failed'): Promise<boolean> {
    return this.updateJob(id, owner, { state: outcome, release: true });
  }

  async acquireThread(lane: string, owner: string, leaseMs: number): Promise<boolean> {
    this.assertOpen();
    const nowMs = this.nowMs();
    const lease = this.threadLeases.get(lane);
    if (lease && lease.owner !== owner && lease.untilMs > nowMs && !ownerIsDead(lease.owner, owner)) return false;
    this.threadLeases.set(lane, { owner, untilMs: nowMs + leaseMs });
    return true;
  }

  async releaseThread(lane: string, owner: string): Promise<void> {
    this.assertOpen();
    if (this.threadLeases.get(lane)?.owner === owner) this.threadLeases.delete(lane);
  }

  async openJobs(): Promise<number> {
    this.assertOpen();
    const nowMs = this.nowMs();
    return [...this.jobs.values()].filter((s) => OPEN_JOB_STATES.includes(s.job.state) && !this.jobExpired(s, nowMs)).length;
  }

  async ping(): Promise<void> {
    this.assertOpen();
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
    const nowMs = (now ?? this.options.now()).getTime();
    for (const [id, seenMs] of this.processed) {
      if (seenMs < expiryCutoff(nowMs, this.options.processedTtlMs)) this.processed.delete(id);
    }
    for (const [id, state] of this.jobs) {
      if (this.jobExpired(state, nowMs)) this.jobs.delete(id);
    }
    this.expireMemory(nowMs);
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.threads.clear();
    this.processed.clear();
    this.jobs.clear();
    this.threadLeases.clear();
    this.memory.clear();
  }

  /** A finished job is kept as a processed record for a day; an open one until it is too old to matter. */
  private jobExpired(state: JobState, nowMs: number): boolean {
    if (OPEN_JOB_STATES.includes(state.job.state)) return state.acceptedMs < expiryCutoff(nowMs, this.options.jobMaxAgeMs);
    return state.updatedMs < expiryCutoff(nowMs, this.options.processedTtlMs);
  }

  /** The job, if `owner` holds its lease now. */
  private held(id: string, owner: string): JobState | undefined {
    const state = this.jobs.get(id);
    if (!state || state.job.owner !== owner || state.leaseUntilMs < this.nowMs()) return undefined;
    return state;
  }

  private jobOf(state: JobState): Job {
    const job = structuredClone(state.job);
    if (state.notBeforeMs > 0) job.notBefore = new Date(state.notBeforeMs).toISOString();
    if (job.owner !== undefined) job.leaseUntil = new Date(state.leaseUntilMs).toISOString();
    return job;
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

  // ── The team's memory (team-memory.ts) ─────────────────────────────────────────────────────

  async remember(entry: MemoryEntry): Promise<void> {
    this.assertOpen();
    let team = this.memory.get(entry.team);
    if (!team) this.memory.set(entry.team, (team = new Map()));
    team.set(entry.id, { entry: structuredClone(entry), savedMs: this.nowMs() });
  }

  async recall(team: string, key: string): Promise<MemoryEntry[]> {
    return (await this.listMemory(team)).filter((e) => e.key === key);
  }

  async listMemory(team: string): Promise<MemoryEntry[]> {
    this.assertOpen();
    const cutoff = expiryCutoff(this.nowMs(), this.options.memoryTtlMs);
    const live = [...(this.memory.get(team)?.values() ?? [])].filter((m) => m.savedMs >= cutoff);
    return live.map((m) => structuredClone(m.entry)).sort(newestFirst);
  }

  async forget(team: string, id: string): Promise<boolean> {
    this.assertOpen();
    const entries = this.memory.get(team);
    const found = entries?.get(id);
    if (!entries || !found) return false;
    entries.delete(id);
    return found.savedMs >= expiryCutoff(this.nowMs(), this.options.memoryTtlMs);
  }

  private expireMemory(nowMs: number): void {
    const cutoff = expiryCutoff(nowMs, this.options.memoryTtlMs);
    for (const [team, entries] of this.memory) {
      for (const [id, m] of entries) if (m.savedMs < cutoff) entries.delete(id);
      if (entries.size === 0) this.memory.delete(team);
    }
  }
}
