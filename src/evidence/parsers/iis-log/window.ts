/**
 * The time window of the log: the first and last `date time` read, over every input.
 *
 * IIS writes an input's rows in time order, so the window of an input is its first and last row;
 * reading a position costs nothing per row, while comparing every stamp cost a fifth of the whole
 * aggregation. Inputs (files pasted in any order) are then combined by earliest first and latest
 * last.
 */
import { ROLE } from './layouts';
import type { RowFields } from './row';
import { detach } from './text';

export class TimeWindow {
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

  /** Notes where the scanned row's `date time` is. */
  note(line: string, fields: RowFields): void {
    const ds = fields.start(ROLE.date);
    const ts = fields.start(ROLE.time);
    if (ds < 0 || ts < 0) return;
    this.lastLine = line;
    this.lastDate = ds;
    this.lastDateEnd = fields.end(ROLE.date);
    this.lastTime = ts;
    this.lastTimeEnd = fields.end(ROLE.time);
    if (this.sourceFirst === undefined) this.sourceFirst = detach(this.lastStamp());
  }

  /** The window over the finished inputs and the current one. */
  current(): { first: string; last: string } | undefined {
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
  fold(): void {
    const window = this.current();
    if (window) {
      this.first = detach(window.first);
      this.last = detach(window.last);
    }
    this.sourceFirst = undefined;
    this.lastLine = '';
  }

  private lastStamp(): string {
    const line = this.lastLine;
    const [ds, de, ts, te] = [this.lastDate, this.lastDateEnd, this.lastTime, this.lastTimeEnd];
    const stamp = ts === de + 1 ? line.slice(ds, te) : `${line.slice(ds, de)} ${line.slice(ts, te)}`;
    return stamp.length > 64 ? stamp.slice(0, 64) : stamp;
  }
}
