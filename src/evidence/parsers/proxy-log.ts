/**
 * STUB: replaced by the full implementation.
 */
import type { Segment, SegmentFacts } from '../types';

export function parseProxyLog(_segment: Segment): SegmentFacts {
  return {};
}
