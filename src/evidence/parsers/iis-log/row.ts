/**
 * One row of a W3C or HTTPERR log: where its fields are, and what they say.
 *
 * A million-row log is read without cutting a string per row: `scan` notes where each field the
 * layout cares about starts and ends (one indexOf per field), and the readers take numbers in
 * place. Only a row that is kept (a sample) becomes a typed record, `IisLogRow`.
 */
import type { IisLogRow, StatusObservation } from '../../types';
import { ROLE, ROLE_COUNT, type RowLayout } from './layouts';
import { detach, keptRefText, readUint } from './text';

/** The fields of the row last scanned, read in place. */
export class RowFields {
  /** Start and end of each role's field in the current row; -1 when absent. */
  private readonly at = new Int32Array(ROLE_COUNT * 2);
  private scannedRoles: Uint8Array | undefined;

  /**
   * Finds the fields of a row: for each role in `roles`, where its field starts and ends. Returns
   * the number of fields. One indexOf per field; nothing is sliced.
   */
  scan(line: string, start: number, end: number, roles: Uint8Array): number {
    const at = this.at;
    // Positions are cleared only when the roles change: a row of the right length sets every
    // role of its layout, and a short row is rejected (a rescan after `forget` clears first).
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

  /** The next scan clears every position first: another text is scanned (a kept row, a rescan). */
  forget(): void {
    this.scannedRoles = undefined;
  }

  /** Where the field of `role` starts, or -1. */
  start(role: number): number {
    return this.at[role * 2] ?? -1;
  }

  /** Where the field of `role` ends, or -1. */
  end(role: number): number {
    return this.at[role * 2 + 1] ?? -1;
  }

  /** The row's sc-status: 100..999; 0 for `-` in HTTPERR (no status); -1 when unreadable. */
  status(line: string, layout: RowLayout): number {
    const s = this.start(ROLE.status);
    const e = this.end(ROLE.status);
    if (s < 0) return layout.roles.includes(ROLE.status) ? -1 : 0;
    if (layout.httpErr && e - s === 1 && line.charCodeAt(s) === 45 /* - */) return 0;
    const status = e - s === 3 ? readUint(line, s, e) : -1;
    return status >= 100 ? status : -1;
  }

  /** The unsigned integer in the row's field of `role`, or -1. */
  number(line: string, role: number): number {
    return readUint(line, this.start(role), this.end(role));
  }

  /** The text of the row's field of `role`; undefined when absent, empty or `-`. */
  text(line: string, role: number): string | undefined {
    const s = this.start(role);
    const e = this.end(role);
    if (s < 0 || e <= s) return undefined;
    if (e - s === 1 && line.charCodeAt(s) === 45) return undefined;
    return line.slice(s, e);
  }
}

/** The numbers a row was counted by (-1 for a column the row lacks). */
interface RowValues {
  status: number;
  substatus: number;
  win32: number;
  timeTaken: number;
}

/** A kept row as a typed record: redacted, cut to evidence size and copied out of its chunk. */
export function keptRow(
  fields: RowFields,
  line: string,
  start: number,
  end: number,
  values: RowValues,
  where: { lineNo: number; source: string },
  redact: (text: string) => string,
): IisLogRow {
  const row: IisLogRow = { status: values.status, ref: { source: where.source, line: where.lineNo, text: keptRefText(redact(line.slice(start, end))) } };
  if (values.substatus >= 0) row.substatus = values.substatus;
  if (values.win32 >= 0) row.win32 = values.win32;
  if (values.timeTaken >= 0) row.timeTakenMs = values.timeTaken;
  const method = fields.text(line, ROLE.method);
  if (method !== undefined) row.method = detach(method.slice(0, 16));
  const url = fields.text(line, ROLE.url);
  if (url !== undefined) row.url = detach(redact(url).slice(0, 1024));
  const date = fields.text(line, ROLE.date);
  const time = fields.text(line, ROLE.time);
  if (date !== undefined && time !== undefined) row.time = `${date.slice(0, 32)} ${time.slice(0, 32)}`;
  return row;
}

/** A kept row as the status observation causes read (origin 'iis-log'). */
export function toObservation(row: IisLogRow): StatusObservation {
  const obs: StatusObservation = { status: row.status, origin: 'iis-log', ref: row.ref };
  if (row.substatus !== undefined) obs.substatus = row.substatus;
  if (row.win32 !== undefined) obs.win32 = row.win32;
  if (row.timeTakenMs !== undefined) obs.timeTakenMs = row.timeTakenMs;
  if (row.url !== undefined) obs.url = row.url;
  return obs;
}
