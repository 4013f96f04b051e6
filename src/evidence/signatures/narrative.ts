/** Signatures of how people describe the problem (several languages). See types.ts for what a signature is and how it is matched. */
import type { Signature } from './types';

export const SIGNATURES: readonly Signature[] = [];
