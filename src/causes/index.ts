/**
 * The cause catalogue, in a fixed order (ties in confidence keep this order, so the most common
 * cause of the seed article comes first). Adding a cause: add its file, its line here, and
 * test/causes/<id>.test.ts; the catalogue test fails until all three exist.
 */
import type { CauseDefinition } from './define-cause';

export const CAUSES: readonly CauseDefinition[] = [];
