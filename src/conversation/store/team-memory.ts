/**
 * The team's memory: what a workspace confirmed (or rejected) about earlier incidents, so that the
 * same 502 coming back is answered with "seen before, and this fixed it". Kept apart from threads:
 * threads live for days, memory for months, and the CLI and console can keep it in a plain file
 * (file-memory.ts) while the bot keeps it in its store.
 *
 * Every method is scoped to one workspace (`team`); nothing reads across workspaces. The shapes map
 * one to one onto key-value stores (entry by `team`+`id`, an index by `team`+`key`), so a Redis
 * store can implement it with a hash per entry and a set per key, each with its own expiry.
 */
import type { MemoryEntry } from '../types';

export interface TeamMemory {
  /**
   * Stores the entry, replacing the one with the same `team` and `id` (re-confirming in the same
   * thread updates it instead of adding another). Restarts its time to live at the store's clock.
   * Text in it (`fixedBy`, `title`) is already redacted: the caller redacts, the store keeps.
   */
  remember(entry: MemoryEntry): Promise<void>;
  /** The live entries of `team` whose fingerprint key is `key`, newest (`at`) first. */
  recall(team: string, key: string): Promise<MemoryEntry[]>;
  /** Every live entry of `team`, newest (`at`) first. */
  listMemory(team: string): Promise<MemoryEntry[]>;
  /** Removes the entry; false when `team` has no live entry with this id. */
  forget(team: string, id: string): Promise<boolean>;
}

/** How long the team's memory keeps an entry not written again: 180 days. */
export const DEFAULT_MEMORY_TTL_MS = 180 * 24 * 60 * 60 * 1000;

/** Newest first; ties by id so every store lists in the same order. */
export function newestFirst(a: MemoryEntry, b: MemoryEntry): number {
  return a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
