/**
 * Parses a stdout-log segment: an ANCM stdout file (`stdout_<timestamp>_<pid>.log`), Kestrel's
 * console output (`fail: Microsoft.AspNetCore.Server.Kestrel[13]` with the message indented on the
 * next line), .NET host errors, exception stacks and the ANCM debug log
 * (`[2026-11-20T10:15:01.123Z, PID: 4242] [aspnetcorev2.dll] ...`).
 *
 * Everything it finds is a signal with the 1-based source line of the line that proves it. Kestrel's
 * two-line console entries get their signal on the message line, where the telling text is.
 */
import type { Segment, SegmentFacts } from '../types';
import { signalsFromLines, type SourceLine } from './stdout-context';
import { refText } from '../ref-text';

/** The signals of one stdout segment. Never throws on user input. */
export function parseStdoutLog(segment: Segment): SegmentFacts {
  const lines: SourceLine[] = segment.lines.map((text, i) => ({
    text,
    ref: { source: segment.source, line: segment.firstLine + i, text: refText(text) },
  }));
  return { signals: signalsFromLines(lines) };
}
