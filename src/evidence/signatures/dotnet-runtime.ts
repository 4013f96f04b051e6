/** Signatures of the .NET runtime, host and CLR, and Windows crash events. See types.ts for what a signature is and how it is matched. */
import type { Signature } from './types';

export const SIGNATURES: readonly Signature[] = [];
