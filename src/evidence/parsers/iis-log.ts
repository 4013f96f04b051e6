/**
 * Streams IIS W3C log rows into a bounded aggregate.
 * STUB: replaced by the full implementation.
 */
import type { CodeObservation, IisLogStats, Problem, StatusObservation } from '../types';

export interface IisLogResult {
  stats: IisLogStats;
  /** Bounded example rows of 4xx/5xx groups as status observations (origin 'iis-log'). */
  statuses: StatusObservation[];
  /** One decoded code per distinct sc-win32-status seen on a 4xx/5xx row, with an example ref. */
  codes: CodeObservation[];
  problems: Problem[];
}

export class IisLogAggregator {
  beginSource(_source: string): void {}
  push(_line: string, _lineNo: number, _source: string): void {}
  /** Undefined when no IIS log line was ever pushed. */
  result(): IisLogResult | undefined {
    return undefined;
  }
}
