/**
 * Streams IIS W3C log rows (and HTTP.sys HTTPERR rows) into a bounded aggregate: counts per
 * status.substatus and Win32 code, the URLs that fail most, time-taken percentiles per failure
 * group, the time window, and a few example rows with their line numbers.
 *
 * Built for a 130 MB, million-row log: a row is scanned once with indexOf for the columns that
 * matter, numbers are read in place, and strings are only cut for rows that are kept (samples,
 * failing URLs). Memory does not grow with the number of rows: every table has a cap.
 */
import { decodeWin32 } from '../codes';
import type { CodeObservation, IisLogRow, IisLogStats, Problem, Signal, StatusObservation, TimingSummary } from '../types';
import { LogHistogram } from './iis-log-histogram';
import { DEFAULT_LAYOUT, ROLE, ROLE_COUNT, guessLayout, layoutFromFields, type RowLayout } from './iis-log-layout';
import { detach, keptRefText, readUint } from './iis-log-text';
import { TopUrlCounter } from './iis-log-top-urls';

export interface IisLogResult {
  stats: IisLogStats;
  /** Bounded example rows of 4xx/5xx groups as status observations (origin 'iis-log'). */
  statuses: StatusObservation[];
  /** One decoded code per distinct sc-win32-status seen on a 4xx/5xx row, with an example ref. */
  codes: CodeObservation[];
  /** `httperr-reason` signals: one per HTTPERR reason, status and queue, with a row count. */
  signals: Signal[];
  problems: Problem[];
}

/** The caps that keep the aggregate bounded. */
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

/** Counts per key up to a number of keys; later keys add to one "other" total. */
class CappedCounter<K> {
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

/** Trailing spaces, tabs and CR are not part of the last field. */
function isBlank(c: number): boolean {
  return c === 32 || c === 13 || c === 9;
}

export interface IisLogOptions {
  /**
   * Masks secrets in the text the aggregate keeps (sample rows, URLs). The collector redacts every
   * line before pushing it, so the default is none; a caller that pushes raw rows can pass its
   * Redactor here instead and pay for redaction on the few hundred kept strings only, not on each
   * of a million rows.
   */
  redact?: (text: string) => string;
}

/**
 * The streaming aggregate of every IIS log line of all inputs: `beginSource` when an input starts,
 * `push` each line, `result` at the end.
 */
export class IisLogAggregator {
  private readonly redact: (text: string) => string;
  // The layout of the current input.
  private source: string | undefined;
  private layout: RowLayout = DEFAULT_LAYOUT;
  private declared = false;
  private readonly guessed = new Map<number, RowLayout | null>();
  /** Start and end of each role's field in the current row; -1 when absent. */
  private readonly at = new Int32Array(ROLE_COUNT * 2);
  private scannedRoles: Uint8Array | undefined;

  private touched = false;
  private rows = 0;
  private badRows = 0;
  private readonly byStatus = new CappedCounter<number>(IIS_LOG_CAPS.keys);
  private readonly byWin32 = new CappedCounter<number>(IIS_LOG_CAPS.keys);
  private readonly byReason = new CappedCounter<string>(IIS_LOG_CAPS.keys);
  private readonly all = new LogHistogram();
  /** 4xx/5xx groups by status.substatus number, then win32 (-1: no column); first seen first in groupList. */
  private readonly groups = new Map<number, Map<number, ErrorGroup>>();
  private readonly groupList: ErrorGroup[] = [];
  private readonly urls = new TopUrlCounter(IIS_LOG_CAPS.trackedUrls);
  /** Window of the inputs already finished. */
  private first: string | undefined;
  private last: string | undefined;
  /** The current input's first stamp, and where its latest row's stamp sits (read only at the end). */
  private sourceFirst: string | undefined;
  private lastLine = '';
  private lastDate = -1;
  private lastDateEnd = -1;
  private lastTime = -1;
  private lastTimeEnd = -1;
  private readonly firstRows: IisLogRow[] = [];
  private readonly fieldSets: string[][] = [];
  private readonly fieldSetKeys = new Set<string>();
  private readonly reasons = new Map<string, ReasonSignal>();
  private readonly win32Refs = new Map<number, { source: string; line: number; text: string }>();
  private readonly problems: Problem[] = [];
  private firstBad: { source: string; line: number } | undefined;
  private reportedRows = 0;
  private directiveProblems = 0;

  constructor(options: IisLogOptions = {}) {
    this.redact = options.redact ?? ((text) => text);
  }

  /** A kept line as evidence text: redacted whole, then cut. */
  private keep(line: string, start: number, end: number): string {
    return keptRefText(this.redact(line.slice(start, end)));
  }

  /**
   * A new input starts: the column map goes back to the default field order. A later segment of
   * the same input (the collector opens one per run of log lines) keeps the `#Fields:` it had,
   * because IIS writes the directive once per file, not before every run of rows.
   */
  beginSource(source: string): void {
    if (source === this.source) return;
    this.foldWindow();
    this.source = source;
    this.layout = DEFAULT_LAYOUT;
    this.declared = false;
    this.guessed.clear();
  }

  /**
   * Reads one line: a `#` directive, a data row, or a blank line (ignored). Never throws.
   * `from`/`to` let the collector pass a line as a range of its read buffer without slicing it;
   * anything kept is copied out (see `detach`), so the buffer is not retained.
   */
  push(line: string, lineNo: number, source: string, from = 0, to = line.length): void {
    if (source !== this.source) this.beginSource(source);
    let end = to;
    while (end > from && isBlank(line.charCodeAt(end - 1))) end -= 1;
    let start = from;
    while (start < end && isBlank(line.charCodeAt(start))) start += 1;
    if (start === end) return;
    this.touched = true;
    if (line.charCodeAt(start) === 35 /* # */) {
      this.directive(line.slice(start, end), lineNo, source);
      return;
    }
    this.rows += 1;

    let layout = this.layout;
    const fields = this.scan(line, start, end, layout.roles);
    let status = this.readStatus(line, layout);
    if (fields !== layout.fieldCount || status === -1) {
      const other = this.declared ? undefined : this.relayout(line, start, end, fields);
      if (other === undefined) {
        this.malformed(line, start, end, fields, lineNo, source);
        return;
      }
      // Headerless input: later rows most likely share this layout, so scan with it first.
      this.layout = layout = other;
      this.scan(line, start, end, layout.roles);
      status = this.readStatus(line, layout);
    }
    this.record(line, start, end, layout, status, lineNo, source);
  }

  /** Undefined when no IIS log line was ever pushed. */
  result(): IisLogResult | undefined {
    if (!this.touched) return undefined;
    const samples = this.samples();
    const timeTaken: Record<string, TimingSummary> = {};
    if (this.all.count > 0) timeTaken.all = this.all.summary();
    for (const group of this.groupList) {
      if (group.timing && group.timing.count > 0) timeTaken[group.key] = group.timing.summary();
    }
    const stats: IisLogStats = {
      rows: this.rows,
      badRows: this.badRows,
      byStatus: this.byStatus.toRecord(statusKeyText),
      byWin32: this.byWin32.toRecord(String),
      topErrorUrls: this.urls.top(IIS_LOG_CAPS.topUrls).map((u) => ({ ...u, url: this.redact(u.url) })),
      distinctErrorUrls: this.urls.distinct(),
      timeTaken,
      samples,
      fieldSets: this.fieldSets.map((f) => [...f]),
    };
    const window = this.currentWindow();
    if (window) stats.window = { first: detach(window.first), last: detach(window.last) };
    if (this.byReason.counts.size > 0 || this.byReason.other > 0) stats.byReason = this.byReason.toRecord(String);
    return {
      stats,
      statuses: samples.map((row) => toObservation(row)),
      codes: this.codes(),
      signals: [...this.reasons.values()].map((r) => ({
        id: 'httperr-reason' as const,
        data: {
          reason: r.reason,
          ...(r.status === undefined ? {} : { status: r.status }),
          ...(r.queue === undefined ? {} : { queue: r.queue }),
          count: r.count,
        },
        ref: r.ref,
      })),
      problems: this.problemList(),
    };
  }

  // ---- rows -------------------------------------------------------------------------------

  /**
   * Finds the fields of a row: for each role in `roles`, where its field starts and ends. Returns
   * the number of fields. One indexOf per field; nothing is sliced.
   */
  private scan(line: string, start: number, end: number, roles: Uint8Array): number {
    const at = this.at;
    // Positions are cleared only when the roles change: a row of the right length sets every
    // role of its layout, and a short row is rejected (malformed() clears before it rescans).
    if (roles !== this.scannedRoles) {
      at.fill(-1);
      this.scannedRoles = roles;
    }
    const known = roles.length;
    let index = 0;
    let from = start;
    for (;;) {
      let space = line.indexOf(' ', from);
      if (space < 0 || space > end) space = end;
      if (index < known) {
        const role = roles[index] ?? 0;
        if (role !== 0) {
          at[role * 2] = from;
          at[role * 2 + 1] = space;
        }
      }
      index += 1;
      if (space >= end) return index;
      from = space + 1;
    }
  }

  /** The row's sc-status: 100..999; 0 for `-` in HTTPERR (no status); -1 when unreadable. */
  private readStatus(line: string, layout: RowLayout): number {
    const s = this.at[ROLE.status * 2] ?? -1;
    const e = this.at[ROLE.status * 2 + 1] ?? -1;
    if (s < 0) return layout.roles.includes(ROLE.status) ? -1 : 0;
    if (layout.httpErr && e - s === 1 && line.charCodeAt(s) === 45 /* - */) return 0;
    const status = e - s === 3 ? readUint(line, s, e) : -1;
    return status >= 100 ? status : -1;
  }

  /** The unsigned integer in the row's field of `role`, or -1. */
  private number(line: string, role: number): number {
    return readUint(line, this.at[role * 2] ?? -1, this.at[role * 2 + 1] ?? -1);
  }

  private slice(line: string, role: number): string | undefined {
    const s = this.at[role * 2] ?? -1;
    const e = this.at[role * 2 + 1] ?? -1;
    if (s < 0 || e <= s) return undefined;
    if (e - s === 1 && line.charCodeAt(s) === 45) return undefined;
    return line.slice(s, e);
  }

  private record(line: string, start: number, end: number, layout: RowLayout, status: number, lineNo: number, source: string): void {
    const substatus = this.number(line, ROLE.substatus);
    const win32 = this.number(line, ROLE.win32);
    const timeTaken = this.number(line, ROLE.timeTaken);
    if (timeTaken >= 0) this.all.record(timeTaken);
    this.window(line);

    if (status > 0) this.byStatus.add(statusKeyNumber(status, substatus));
    if (layout.httpErr) this.httpErr(line, start, end, status, lineNo, source);
    if (this.firstRows.length < IIS_LOG_CAPS.firstRows && status > 0) {
      this.firstRows.push(this.row(line, start, end, status, substatus, win32, timeTaken, lineNo, source));
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
      const url = this.slice(line, ROLE.url);
      if (url !== undefined) this.urls.add(url, group?.statusKey ?? statusText(status, substatus));
    }
  }

  /**
   * Notes where this row's `date time` is. IIS writes an input's rows in time order, so the
   * window of an input is its first and last row; reading a position costs nothing per row,
   * while comparing every stamp cost a fifth of the whole aggregation. Inputs (files pasted in
   * any order) are then combined by earliest first and latest last.
   */
  private window(line: string): void {
    const ds = this.at[ROLE.date * 2] ?? -1;
    const ts = this.at[ROLE.time * 2] ?? -1;
    if (ds < 0 || ts < 0) return;
    this.lastLine = line;
    this.lastDate = ds;
    this.lastDateEnd = this.at[ROLE.date * 2 + 1] ?? ds;
    this.lastTime = ts;
    this.lastTimeEnd = this.at[ROLE.time * 2 + 1] ?? ts;
    if (this.sourceFirst === undefined) this.sourceFirst = detach(this.lastStamp());
  }

  private lastStamp(): string {
    const line = this.lastLine;
    const [ds, de, ts, te] = [this.lastDate, this.lastDateEnd, this.lastTime, this.lastTimeEnd];
    const stamp = ts === de + 1 ? line.slice(ds, te) : `${line.slice(ds, de)} ${line.slice(ts, te)}`;
    return stamp.length > 64 ? stamp.slice(0, 64) : stamp;
  }

  /** The window over the finished inputs and the current one. */
  private currentWindow(): { first: string; last: string } | undefined {
    let { first, last } = this;
    if (this.sourceFirst !== undefined) {
      // A paste can hold excerpts out of order: the input's window is its first and last row, sorted.
      const a = this.sourceFirst;
      const b = this.lastStamp();
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      if (first === undefined || lo < first) first = lo;
      if (last === undefined || hi > last) last = hi;
    }
    return first !== undefined && last !== undefined ? { first, last } : undefined;
  }

  /** Folds the finished input's window into the total and lets go of its last line. */
  private foldWindow(): void {
    const window = this.currentWindow();
    if (window) {
      this.first = detach(window.first);
      this.last = detach(window.last);
    }
    this.sourceFirst = undefined;
    this.lastLine = '';
  }

  private row(line: string, start: number, end: number, status: number, substatus: number, win32: number, timeTaken: number, lineNo: number, source: string): IisLogRow {
    const row: IisLogRow = { status, ref: { source, line: lineNo, text: this.keep(line, start, end) } };
    if (substatus >= 0) row.substatus = substatus;
    if (win32 >= 0) row.win32 = win32;
    if (timeTaken >= 0) row.timeTakenMs = timeTaken;
    const method = this.slice(line, ROLE.method);
    if (method !== undefined) row.method = detach(method.slice(0, 16));
    const url = this.slice(line, ROLE.url);
    if (url !== undefined) row.url = detach(this.redact(url).slice(0, 1024));
    const date = this.slice(line, ROLE.date);
    const time = this.slice(line, ROLE.time);
    if (date !== undefined && time !== undefined) row.time = `${date.slice(0, 32)} ${time.slice(0, 32)}`;
    return row;
  }

  private httpErr(line: string, start: number, end: number, status: number, lineNo: number, source: string): void {
    const reason = this.slice(line, ROLE.reason);
    if (reason === undefined) return;
    const name = reason.length > 64 ? reason.slice(0, 64) : reason;
    this.byReason.add(name);
    const queue = this.slice(line, ROLE.queue);
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

  /**
   * A row that does not fit the current layout and no `#Fields:` was declared: try the known
   * headerless layouts and the guess, caching the answer per field count.
   */
  private relayout(line: string, start: number, end: number, fields: number): RowLayout | undefined {
    const cached = this.guessed.get(fields);
    if (cached !== undefined && cached !== null) {
      this.scan(line, start, end, cached.roles);
      if (this.readStatus(line, cached) !== -1) return cached;
    }
    const guess = guessLayout(line.slice(start, end).split(' '));
    if (this.guessed.size < 64 || this.guessed.has(fields)) this.guessed.set(fields, guess ?? null);
    return guess;
  }

  private malformed(line: string, start: number, end: number, fields: number, lineNo: number, source: string): void {
    this.badRows += 1;
    if (this.firstBad === undefined) this.firstBad = { source, line: lineNo };
    if (this.reportedRows >= IIS_LOG_CAPS.problemRows) return;
    this.reportedRows += 1;
    const layout = this.layout;
    let why: string;
    if (this.declared && fields !== layout.fieldCount) {
      why = `it has ${fields} fields where the #Fields line (line ${layout.line ?? '?'}) declares ${layout.fieldCount}`;
    } else {
      // Scan again with the input's layout: a failed guess may have moved the field positions.
      this.scannedRoles = undefined;
      this.scan(line, start, end, layout.roles);
      const s = this.at[ROLE.status * 2] ?? -1;
      const e = this.at[ROLE.status * 2 + 1] ?? -1;
      if (fields === layout.fieldCount && s >= 0) {
        why = `its sc-status "${line.slice(s, Math.min(e, s + 20))}" is not an HTTP status`;
      } else {
        why = `it does not look like a W3C log row (${fields} fields, and no #Fields line or known layout fits)`;
      }
    }
    this.problems.push({ source, line: lineNo, message: `IIS log line ${lineNo} was skipped: ${why}.` });
  }

  // ---- directives -------------------------------------------------------------------------

  private directive(text: string, lineNo: number, source: string): void {
    if (!/^#fields:/i.test(text)) return;
    const names = text.slice('#Fields:'.length).split(' ').filter((n) => n.length > 0);
    if (names.length === 0) {
      this.directiveProblem({ source, line: lineNo, message: `The #Fields line ${lineNo} names no field; the previous layout stays.` });
      return;
    }
    this.layout = layoutFromFields(names, 'fields', lineNo);
    this.declared = true;
    this.guessed.clear();
    const kept = names.slice(0, IIS_LOG_CAPS.fieldNames).map((n) => detach(n.slice(0, 64)));
    const key = kept.join(' ');
    if (!this.fieldSetKeys.has(key) && this.fieldSets.length < IIS_LOG_CAPS.fieldSets) {
      this.fieldSetKeys.add(key);
      this.fieldSets.push(kept);
    }
    if (!this.layout.roles.includes(ROLE.status)) {
      this.directiveProblem({
        source,
        line: lineNo,
        message: `The #Fields line ${lineNo} has no sc-status column: its rows are counted but their status is unknown. Enable the HTTP Status, Substatus, Win32 Status and Time Taken fields in IIS logging.`,
      });
    }
  }

  /** Directive problems are capped apart from row problems (a paste can repeat its header). */
  private directiveProblem(problem: Problem): void {
    if (this.directiveProblems >= IIS_LOG_CAPS.problemRows) return;
    this.directiveProblems += 1;
    this.problems.push(problem);
  }

  // ---- output -----------------------------------------------------------------------------

  private samples(): IisLogRow[] {
    const out = [...this.firstRows];
    const seen = new Set(out.map((r) => `${r.ref.source}\u0000${r.ref.line}`));
    for (const group of this.groupList) {
      const p = group.slowest;
      if (!p) continue;
      const key = `${p.source}\u0000${p.lineNo}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Find the method, URL and time columns again in the kept text.
      this.scannedRoles = undefined;
      this.scan(p.text, 0, p.text.length, p.roles);
      out.push(this.row(p.text, 0, p.text.length, p.status, p.substatus, p.win32, p.timeTaken, p.lineNo, p.source));
    }
    return out;
  }

  private codes(): CodeObservation[] {
    const out: CodeObservation[] = [];
    for (const [win32, ref] of this.win32Refs) {
      const decoded = decodeWin32(win32);
      out.push({ ...decoded, raw: `sc-win32-status ${win32}`, ref });
    }
    return out;
  }

  private problemList(): Problem[] {
    const out = [...this.problems];
    const listed = this.reportedRows;
    if (this.badRows > listed && this.firstBad) {
      out.push({
        source: this.firstBad.source,
        line: this.firstBad.line,
        message: `${this.badRows} IIS log lines in all could not be read as rows (the first ${listed} are listed); the counts leave them out.`,
      });
    }
    return out;
  }
}

function toObservation(row: IisLogRow): StatusObservation {
  const obs: StatusObservation = { status: row.status, origin: 'iis-log', ref: row.ref };
  if (row.substatus !== undefined) obs.substatus = row.substatus;
  if (row.win32 !== undefined) obs.win32 = row.win32;
  if (row.timeTakenMs !== undefined) obs.timeTakenMs = row.timeTakenMs;
  if (row.url !== undefined) obs.url = row.url;
  return obs;
}
