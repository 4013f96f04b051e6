/**
 * Free text that matched no other kind ("we get 502.3 with win32 status 12002 after two minutes",
 * a pasted exception message, an issue title).
 *
 * Statuses and codes in prose are read by `extractCodes`, which the collector runs on every
 * segment; this parser adds only the line-level signals that the stdout detectors recognize
 * (an exception type, "address already in use", a missing framework), because people often
 * paste one such line on its own.
 */
import type { Segment, SegmentFacts, Signal } from '../types';
import { refText } from '../ref-text';
import { detectLineSignals } from './stdout-signals';

/** Parses a `prose` segment: one pass of the single-line signal detectors. Never throws on input. */
export function parseProse(segment: Segment): SegmentFacts {
  const signals: Signal[] = [];
  segment.lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    signals.push(...detectLineSignals(line, { source: segment.source, line: segment.firstLine + index, text: refText(line, '...') }));
  });
  return signals.length > 0 ? { signals } : {};
}
