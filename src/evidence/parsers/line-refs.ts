/**
 * Evidence references for the headers, error-page and proxy-log parsers: every fact points at the
 * source line it was read from, with that line's (already redacted) text cut to a readable size.
 */
import type { EvidenceRef, Problem, Segment } from '../types';
import { refText } from '../ref-text';

/** A ref to `segment.lines[index]`, numbered as in the source (1-based). */
export function lineRef(segment: Segment, index: number): EvidenceRef {
  return { source: segment.source, line: segment.firstLine + index, text: refText(segment.lines[index] ?? '') };
}

/** A problem on `segment.lines[index]`, numbered as in the source. */
export function lineProblem(segment: Segment, index: number, message: string): Problem {
  return { source: segment.source, line: segment.firstLine + index, message };
}
