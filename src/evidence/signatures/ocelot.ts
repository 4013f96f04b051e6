/** Signatures of Ocelot. See types.ts for what a signature is and how it is matched. */
import type { Signature } from './types';

export const SIGNATURES: readonly Signature[] = [];
