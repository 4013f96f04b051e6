/**
 * Streams IIS W3C log rows (and HTTP.sys HTTPERR rows) into a bounded aggregate: counts per
 * status.substatus and Win32 code, the URLs that fail most, time-taken percentiles per failure
 * group, the time window, and a few example rows with their line numbers.
 *
 * Built for a 130 MB, million-row log: a row is scanned once with indexOf for the columns that
 * matter, numbers are read in place, and strings are only cut for rows that are kept (samples,
 * failing URLs). Memory does not grow with the number of rows: every table has a cap.
 *
 * This file is the streaming API the collector uses; the parts live beside it:
 * `fields.ts` (the column map, from `#Fields:` or a known layout), `row.ts` (one row's fields and
 * its typed record), `summary.ts` (the aggregation state), `window.ts` (the time window),
 * `problems.ts` (what could not be read), `caps.ts` (the bounds).
 */
import type { CodeObservation, IisLogStats, Problem, Signal, StatusObservation } from '../../types';
import { RowTimeline } from '../../timeline';
import { ColumnMap, fieldNames } from './fields';
import { ROLE } from './layouts';
import { LogProblems } from './problems';
import { RowFields, toObservation } from './row';
import { LogSummary } from './summary';
import { TimeWindow } from './window';

export { IIS_LOG_CAPS, OTHER_KEY } from './caps';

export interface IisLogResult {
  stats: IisLogStats;
  /** Rows per minute by series and time-taken p95 per minute (bounded), for the timeline chart. */
  timeline: RowTimeline;
  /** Bounded example rows of 4xx/5xx groups as status observations (origin 'iis-log'). */
  statuses: StatusObservation[];
  /** One decoded code per distinct sc-win32-status seen on a 4xx/5xx row, with an example ref. */
  codes: CodeObservation[];
  /** `httperr-reason` signals: one per HTTPERR reason, status and queue, with a row count. */
  signals: Signal[];
  problems: Problem[];
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
  /** The input being read, whose column map is `columns`. */
  private source: string | undefined;
  private readonly columns = new ColumnMap();
  private readonly fields = new RowFields();
  private readonly summary: LogSummary;
  private readonly window = new TimeWindow();
  private readonly problems = new LogProblems();
  private readonly timeline = new RowTimeline();
  private touched = false;

  constructor(options: IisLogOptions = {}) {
    this.summary = new LogSummary(options.redact ?? ((text) => text));
  }

  /**
   * A new input starts: the column map goes back to the default field order. A later segment of
   * the same input (the collector opens one per run of log lines) keeps the `#Fields:` it had,
   * because IIS writes the directive once per file, not before every run of rows.
   */
  beginSource(source: string): void {
    if (source === this.source) return;
    this.window.fold();
    this.source = source;
    this.columns.reset();
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
    this.summary.rows += 1;

    const fields = this.fields;
    let layout = this.columns.layout;
    const count = fields.scan(line, start, end, layout.roles);
    let status = fields.status(line, layout);
    if (count !== layout.fieldCount || status === -1) {
      const other = this.columns.declared ? undefined : this.columns.refit(fields, line, start, end, count);
      if (other === undefined) {
        this.problems.malformed(fields, this.columns, line, start, end, count, lineNo, source);
        return;
      }
      // Headerless input: later rows most likely share this layout, so scan with it first.
      this.columns.layout = layout = other;
      fields.scan(line, start, end, layout.roles);
      status = fields.status(line, layout);
    }
    this.window.note(line, fields);
    this.summary.record(fields, line, start, end, layout, status, lineNo, source);
    if (status >= 100) this.timeline.record(line, fields.start(ROLE.date), fields.start(ROLE.time), status, this.summary.lastSubstatus, this.summary.lastTimeTaken);
  }

  /** Undefined when no IIS log line was ever pushed. */
  result(): IisLogResult | undefined {
    if (!this.touched) return undefined;
    const stats = this.summary.stats(this.fields, this.problems.badRows, this.window.current());
    return {
      stats,
      timeline: this.timeline,
      statuses: stats.samples.map((row) => toObservation(row)),
      codes: this.summary.codes(),
      signals: this.summary.signals(),
      problems: this.problems.list(),
    };
  }

  /** A `#Fields:` line sets the column map from here on; other directives say nothing we need. */
  private directive(text: string, lineNo: number, source: string): void {
    const names = fieldNames(text);
    if (names === undefined) return;
    if (names.length === 0) {
      this.problems.directive({ source, line: lineNo, message: `The #Fields line ${lineNo} names no field; the previous layout stays.` });
      return;
    }
    this.columns.declare(names, lineNo);
    this.summary.fieldSet(names);
    if (!this.columns.layout.roles.includes(ROLE.status)) {
      this.problems.directive({
        source,
        line: lineNo,
        message: `The #Fields line ${lineNo} has no sc-status column: its rows are counted but their status is unknown. Enable the HTTP Status, Substatus, Win32 Status and Time Taken fields in IIS logging.`,
      });
    }
  }
}
