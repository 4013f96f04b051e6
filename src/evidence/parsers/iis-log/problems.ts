/**
 * What the IIS log reader could not read, said once per kind of trouble and capped: a paste with
 * a thousand broken rows gets five of them by line, then one count of the rest.
 */
import type { Problem } from '../../types';
import { IIS_LOG_CAPS } from './caps';
import type { ColumnMap } from './fields';
import { ROLE } from './layouts';
import type { RowFields } from './row';

export class LogProblems {
  /** Lines that could not be read as a row. */
  badRows = 0;
  private firstBad: { source: string; line: number } | undefined;
  private reportedRows = 0;
  private directiveProblems = 0;
  private readonly problems: Problem[] = [];

  /** A row that fits no layout: counted, and the first few said why, by line. */
  malformed(fields: RowFields, columns: ColumnMap, line: string, start: number, end: number, count: number, lineNo: number, source: string): void {
    this.badRows += 1;
    if (this.firstBad === undefined) this.firstBad = { source, line: lineNo };
    if (this.reportedRows >= IIS_LOG_CAPS.problemRows) return;
    this.reportedRows += 1;
    const layout = columns.layout;
    let why: string;
    if (columns.declared && count !== layout.fieldCount) {
      why = `it has ${count} fields where the #Fields line (line ${layout.line ?? '?'}) declares ${layout.fieldCount}`;
    } else {
      // Scan again with the input's layout: a failed guess may have moved the field positions.
      fields.forget();
      fields.scan(line, start, end, layout.roles);
      const s = fields.start(ROLE.status);
      const e = fields.end(ROLE.status);
      if (count === layout.fieldCount && s >= 0) {
        why = `its sc-status "${line.slice(s, Math.min(e, s + 20))}" is not an HTTP status`;
      } else {
        why = `it does not look like a W3C log row (${count} fields, and no #Fields line or known layout fits)`;
      }
    }
    this.problems.push({ source, line: lineNo, message: `IIS log line ${lineNo} was skipped: ${why}.` });
  }

  /** Directive problems are capped apart from row problems (a paste can repeat its header). */
  directive(problem: Problem): void {
    if (this.directiveProblems >= IIS_LOG_CAPS.problemRows) return;
    this.directiveProblems += 1;
    this.problems.push(problem);
  }

  /** Every problem, then one count of the malformed rows not listed. */
  list(): Problem[] {
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
