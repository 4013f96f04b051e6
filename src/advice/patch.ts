/**
 * Applies a cause's recommended change to the user's own `<aspNetCore>` element.
 * STUB: replaced by the full implementation.
 */
import type { WebConfigFacts } from '../evidence/types';
import type { AspNetCoreChange } from '../causes/define-cause';

export interface AspNetCorePatch {
  /** A unified diff of the user's file (source name as the file name). */
  diff: string;
  /** The patched `<aspNetCore ...>` element alone, as it should read. */
  element: string;
}

export function patchAspNetCore(_config: WebConfigFacts, _change: AspNetCoreChange): AspNetCorePatch | undefined {
  return undefined;
}
