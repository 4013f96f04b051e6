/**
 * Counts 5xx rows per URL with a hard cap on the URLs remembered, so a log of a million distinct
 * URLs (a crawler, ids in the path) costs the same memory as one of ten.
 *
 * While fewer than `capacity` URLs have been seen, every count is exact. When a new URL arrives
 * and the table is full, the less frequent half is dropped (their rows are remembered only as a
 * total). A URL that keeps failing comes back and climbs again; its count can then miss at most
 * `undercount` rows, which is reported. Dropping half at a time keeps the cost amortized O(1).
 */
import { DistinctEstimator } from './distinct';
import { detach } from './text';

/** URLs longer than this are cut before counting (a hostile 16 KB URL must not become a key). */
export const MAX_URL_CHARS = 1024;

interface UrlEntry {
  count: number;
  statuses: Map<string, number>;
}

interface TopUrl {
  url: string;
  count: number;
  statuses: Record<string, number>;
}

/** The URLs with the most failed rows, in memory capped at `capacity` URLs. */
export class TopUrlCounter {
  private readonly entries = new Map<string, UrlEntry>();
  private readonly distinctUrls = new DistinctEstimator();
  private pruned = false;
  /** The largest count ever dropped: the most any reported count can be short by. */
  private droppedMax = 0;
  /** Rows whose URL was dropped from the table. */
  private droppedRows = 0;

  constructor(private readonly capacity = 5000) {}

  /** Counts one row of `url` with status key `statusKey` (`"502.3"`). */
  add(url: string, statusKey: string): void {
    const key = url.length > MAX_URL_CHARS ? url.slice(0, MAX_URL_CHARS) : url;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      this.distinctUrls.add(key);
      if (this.entries.size >= this.capacity) this.prune();
      entry = { count: 0, statuses: new Map() };
      // The key outlives the line it came from: copy it so the line's chunk can be freed.
      this.entries.set(detach(key), entry);
    }
    entry.count += 1;
    entry.statuses.set(statusKey, (entry.statuses.get(statusKey) ?? 0) + 1);
  }

  /** The `limit` URLs with the most rows, most first (ties: first seen first). */
  top(limit = 20): TopUrl[] {
    const all = [...this.entries].map(([url, e], order) => ({ url, e, order }));
    all.sort((a, b) => b.e.count - a.e.count || a.order - b.order);
    return all.slice(0, limit).map(({ url, e }) => ({ url, count: e.count, statuses: Object.fromEntries(e.statuses) }));
  }

  /** Distinct URLs counted: exact until the table first overflowed, estimated after. */
  distinct(): number {
    if (!this.pruned) return this.entries.size;
    return Math.max(this.entries.size, this.distinctUrls.estimate());
  }

  /** Whether counts are exact, and by how much they may be short when not. */
  accuracy(): { exact: boolean; undercount: number; droppedRows: number } {
    return { exact: !this.pruned, undercount: this.droppedMax, droppedRows: this.droppedRows };
  }

  /** URLs remembered right now (never more than the capacity). */
  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    this.pruned = true;
    const counts = Float64Array.from(this.entries.values(), (e) => e.count).sort();
    // Drop every URL at or below the median: at least half the table is freed.
    const threshold = counts[Math.floor(counts.length / 2)] ?? 0;
    for (const [url, e] of this.entries) {
      if (e.count <= threshold) {
        this.entries.delete(url);
        this.droppedRows += e.count;
        if (e.count > this.droppedMax) this.droppedMax = e.count;
      }
    }
  }
}
