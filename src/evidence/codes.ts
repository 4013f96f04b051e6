/**
 * Finds and decodes status, Win32, HRESULT and exception codes in any spelling.
 * STUB: replaced by the full implementation.
 */
import type { CodeObservation, Segment, StatusObservation } from './types';

export function extractCodes(_segment: Segment): { codes: CodeObservation[]; statuses: StatusObservation[] } {
  return { codes: [], statuses: [] };
}

/** A one-line meaning for an HTTP status and IIS/ANCM substatus ("502.3" → "Bad Gateway: ..."). */
export function describeStatus(status: number, substatus?: number): string {
  return substatus === undefined ? `HTTP ${status}` : `HTTP ${status}.${substatus}`;
}
