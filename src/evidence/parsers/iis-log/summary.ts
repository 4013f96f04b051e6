/**
 * The aggregate of every row read: counts per status.substatus and Win32 code, the URLs that fail
 * most, time-taken percentiles per failure group, the HTTPERR reasons, and a few example rows.
 * Every table has a cap (caps.ts), so its size does not depend on the log's length.
 */
import { decodeWin32 } from '../../codes';
import type { CodeObservation, IisLogRow, IisLogStats, Signal, TimingSummary } from '../../types';
import { CappedCounter, IIS_LOG_CAPS } from './caps';
import { LogHistogram } from './histogram';
import { ROLE, type RowLayout } from './layouts';
import { keptRow, type RowFields } from './row';
import { detach, keptRefText } from './text';
import { TopUrlCounter } from './top-urls';

interface ErrorGroup {
  /** `status.substatus.win32` (parts the log lacks are left out). */
  key: string;
  /** `status.substatus`. */
  statusKey: string;
  status: number;
  /** 5xx groups only. */
  timing?: LogHistogram;
  slowest?: PendingRow;
  slowestMs: number;
}

/**
 * A row kept as a sample but turned into an IisLogRow only at the end: the slowest row of a
 * group can change many times, and each change should cost one copy, not a redaction.
 */
interface PendingRow {
  text: string;
  roles: Uint8Array;
  status: number;
  substatus: number;
  win32: number;
  timeTaken: number;
  lineNo: number;
  source: string;
}

interface ReasonSignal {
  reason: string;
  status?: number;
  queue?: string;
  count: number;
  ref: { source: string; line: number; text: string };
}

/**
 * `status.substatus` as one number, so the per-row count is a Map lookup on a small integer:
 * status * 2^20 + substatus + 1, with 0 for "no substatus column" (HTTPERR).
 */
function statusKeyNumber(status: number, substatus: number): number {
  return status * 1048576 + (substatus < 0 ? 0 : Math.min(substatus, 1048574) + 1);
}

function statusKeyText(key: number): string {
  const status = Math.floor(key / 1048576);
  const sub = key - status * 1048576;
  return sub === 0 ? String(status) : `${status}.${sub - 1}`;
}

function statusText(status: number, substatus: number): string {
  return substatus < 0 ? String(status) : `${status}.${substatus}`;
}

export class LogSummary {
  /** Data lines read (not counting `#` directives). */
  rows = 0;
  /** The last recorded row's sc-substatus and time-taken (-1 when absent), read once for the timeline too. */
  lastSubstatus = -1;
  lastTimeTaken = -1;
  private readonly byStatus = new CappedCounter<number>(IIS_LOG_CAPS.keys);
  private readonly byWin32 = new CappedCounter<number>(IIS_LOG_CAPS.keys);
  private readonly byReason = new CappedCounter<string>(IIS_LOG_CAPS.keys);
  private readonly all = new LogHistogram();
  /** 4xx/5xx groups by status.substatus number, then win32 (-1: no column); first seen first in groupList. */
  private readonly groups = new Map<number, Map<number, ErrorGroup>>();
  private readonly groupList: ErrorGroup[] = [];
  private readonly urls = new TopUrlCounter(IIS_LOG_CAPS.trackedUrls);
  private readonly firstRows: IisLogRow[] = [];
  private readonly fieldSets: string[][] = [];
  private readonly fieldSetKeys = new Set<string>();
  private readonly reasons = new Map<string, ReasonSignal>();
  private readonly win32Refs = new Map<number, { source: string; line: number; text: string }>();

  /** `redact` masks secrets in the few strings kept (sample rows, URLs); see IisLogOptions. */
  constructor(private readonly redact: (text: string) => string) {}

  /** A kept line as evidence text: redacted whole, then cut. */
  private keep(line: string, start: number, end: number): string {
    return keptRefText(this.redact(line.slice(start, end)));
  }

  /** Counts one row whose fields were scanned with `layout`. */
  record(fields: RowFields, line: string, start: number, end: number, layout: RowLayout, status: number, lineNo: number, source: string): void {
    const substatus = fields.number(line, ROLE.substatus);
    const win32 = fields.number(line, ROLE.win32);
    const timeTaken = fields.number(line, ROLE.timeTaken);
    this.lastSubstatus = substatus;
    this.lastTimeTaken = timeTaken;
    if (timeTaken >= 0) this.all.record(timeTaken);

    if (status > 0) this.byStatus.add(statusKeyNumber(status, substatus));
    if (layout.httpErr) this.httpErr(fields, line, start, end, status, lineNo, source);
    if (this.firstRows.length < IIS_LOG_CAPS.firstRows && status > 0) {
      this.firstRows.push(keptRow(fields, line, start, end, { status, substatus, win32, timeTaken }, { lineNo, source }, this.redact));
    }
    if (status < 400) return;

    if (win32 >= 0) {
      this.byWin32.add(win32);
      if (win32 !== 0 && !this.win32Refs.has(win32) && this.win32Refs.size < IIS_LOG_CAPS.codes) {
        this.win32Refs.set(win32, { source, line: lineNo, text: this.keep(line, start, end) });
      }
    }
    // Two numeric lookups instead of building "502.3.12030" for every failed row.
    const statusNumber = statusKeyNumber(status, substatus);
    let byWin32 = this.groups.get(statusNumber);
    if (byWin32 === undefined) {
      byWin32 = new Map();
      this.groups.set(statusNumber, byWin32);
    }
    let group = byWin32.get(win32);
    if (group === undefined && this.groupList.length < IIS_LOG_CAPS.errorGroups) {
      const statusKey = statusText(status, substatus);
      const key = win32 >= 0 ? `${statusKey}.${win32}` : statusKey;
      group = { key, statusKey, status, slowestMs: -2, ...(status >= 500 ? { timing: new LogHistogram() } : {}) };
      byWin32.set(win32, group);
      this.groupList.push(group);
    }
    if (group) {
      if (timeTaken >= 0) group.timing?.record(timeTaken);
      // The first row of a group is its sample until a slower one comes (rows without time-taken count as -1).
      const ms = timeTaken >= 0 ? timeTaken : -1;
      if (ms > group.slowestMs) {
        group.slowestMs = ms;
        group.slowest = { text: detach(line.slice(start, end)), roles: layout.roles, status, substatus, win32, timeTaken, lineNo, source };
      }
    }
    if (status >= 500) {
      const url = fields.text(line, ROLE.url);
      if (url !== undefined) this.urls.add(url, group?.statusKey ?? statusText(status, substatus));
    }
  }

  /** An HTTPERR row: counted by its s-reason, and one signal per reason, status and queue. */
  private httpErr(fields: RowFields, line: string, start: number, end: number, status: number, lineNo: number, source: string): void {
    const reason = fields.text(line, ROLE.reason);
    if (reason === undefined) return;
    const name = reason.length > 64 ? reason.slice(0, 64) : reason;
    this.byReason.add(name);
    const queue = fields.text(line, ROLE.queue);
    const key = `${name}\u0000${status}\u0000${queue ?? ''}`;
    const known = this.reasons.get(key);
    if (known) {
      known.count += 1;
      return;
    }
    if (this.reasons.size >= IIS_LOG_CAPS.reasonSignals) return;
    const signal: ReasonSignal = { reason: detach(name), count: 1, ref: { source, line: lineNo, text: this.keep(line, start, end) } };
    if (status > 0) signal.status = status;
    if (queue !== undefined) signal.queue = detach(queue.slice(0, 128));
    this.reasons.set(detach(key), signal);
  }

  /** Remembers a `#Fields:` set (the distinct ones, capped), as the stats list them. */
  fieldSet(names: readonly string[]): void {
    const kept = names.slice(0, IIS_LOG_CAPS.fieldNames).map((n) => detach(n.slice(0, 64)));
    const key = kept.join(' ');
    if (!this.fieldSetKeys.has(key) && this.fieldSets.length < IIS_LOG_CAPS.fieldSets) {
      this.fieldSetKeys.add(key);
      this.fieldSets.push(kept);
    }
  }

  /** The stats of everything counted; `fields` is reused to read the kept rows again. */
  stats(fields: RowFields, badRows: number, window: { first: string; last: string } | undefined): IisLogStats {
    // Samples first: the redactor sees the kept rows before the URLs, as it always has.
    const samples = this.samples(fields);
    const timeTaken: Record<string, TimingSummary> = {};
    if (this.all.count > 0) timeTaken.all = this.all.summary();
    for (const group of this.groupList) {
      if (group.timing && group.timing.count > 0) timeTaken[group.key] = group.timing.summary();
    }
    const stats: IisLogStats = {
      rows: this.rows,
      badRows,
      byStatus: this.byStatus.toRecord(statusKeyText),
      byWin32: this.byWin32.toRecord(String),
      topErrorUrls: this.urls.top(IIS_LOG_CAPS.topUrls).map((u) => ({ ...u, url: this.redact(u.url) })),
      distinctErrorUrls: this.urls.distinct(),
      timeTaken,
      samples,
      fieldSets: this.fieldSets.map((f) => [...f]),
    };
    if (window) stats.window = { first: detach(window.first), last: detach(window.last) };
    if (this.byReason.counts.size > 0 || this.byReason.other > 0) stats.byReason = this.byReason.toRecord(String);
    return stats;
  }

  /** Example rows: the first few, then the slowest of each failure group. */
  private samples(fields: RowFields): IisLogRow[] {
    const out = [...this.firstRows];
    const seen = new Set(out.map((r) => `${r.ref.source}\u0000${r.ref.line}`));
    for (const group of this.groupList) {
      const p = group.slowest;
      if (!p) continue;
      const key = `${p.source}\u0000${p.lineNo}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Find the method, URL and time columns again in the kept text.
      fields.forget();
      fields.scan(p.text, 0, p.text.length, p.roles);
      out.push(keptRow(fields, p.text, 0, p.text.length, p, { lineNo: p.lineNo, source: p.source }, this.redact));
    }
    return out;
  }

  /** One decoded code per distinct sc-win32-status seen on a 4xx/5xx row, with an example ref. */
  codes(): CodeObservation[] {
    const out: CodeObservation[] = [];
    for (const [win32, ref] of this.win32Refs) {
      const decoded = decodeWin32(win32);
      out.push({ ...decoded, raw: `sc-win32-status ${win32}`, ref });
    }
    return out;
  }

  /** `httperr-reason` signals: one per HTTPERR reason, status and queue, with a row count. */
  signals(): Signal[] {
    return [...this.reasons.values()].map((r) => ({
      id: 'httperr-reason' as const,
      data: {
        reason: r.reason,
        ...(r.status === undefined ? {} : { status: r.status }),
        ...(r.queue === undefined ? {} : { queue: r.queue }),
        count: r.count,
      },
      ref: r.ref,
    }));
  }
}
