/**
 * The caps that keep the IIS log aggregate bounded: memory does not grow with the number of rows,
 * because every table stops growing at its cap (what comes after is counted, not kept).
 */
export const IIS_LOG_CAPS = {
  /** Rows kept as examples from the start of the log. */
  firstRows: 3,
  /** 4xx/5xx groups (status.substatus.win32) that get a slowest-row sample and, for 5xx, timings. */
  errorGroups: 50,
  /** Distinct URLs remembered for the top list. */
  trackedUrls: 5000,
  /** URLs listed in topErrorUrls. */
  topUrls: 20,
  /** Distinct keys in byStatus / byWin32 / byReason before the rest is summed under "other". */
  keys: 200,
  /** Distinct HTTPERR (reason, status, queue) signals. */
  reasonSignals: 50,
  /** Distinct `#Fields:` sets remembered; names kept per set. */
  fieldSets: 20,
  fieldNames: 64,
  /** Malformed rows reported one by one. */
  problemRows: 5,
  /** Distinct Win32 codes decoded. */
  codes: 100,
} as const;

/** The key of counts beyond a table's cap. */
export const OTHER_KEY = 'other';

/** Counts per key up to a number of keys; later keys add to one "other" total. */
export class CappedCounter<K> {
  /** A holder per key, so a hit costs one Map lookup (this runs for every row). */
  readonly counts = new Map<K, { n: number }>();
  other = 0;
  constructor(private readonly cap: number) {}
  add(key: K): void {
    const holder = this.counts.get(key);
    if (holder !== undefined) holder.n += 1;
    else if (this.counts.size < this.cap) this.counts.set(key, { n: 1 });
    else this.other += 1;
  }
  toRecord(name: (key: K) => string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, h] of this.counts) out[name(k)] = h.n;
    if (this.other > 0) out[OTHER_KEY] = (out[OTHER_KEY] ?? 0) + this.other;
    return out;
  }
}
