/**
 * A signature: the text a product writes when something specific happened, and the clue it is
 * evidence of. Signatures are data, kept one file per product next to this one, each citing where
 * the product defines the text (a resource string, a log message definition, vendor docs), so the
 * catalogue recognizes a message however it was pasted, not just the samples someone saw.
 */
import type { EvidenceRef } from '../types';

export interface Signature {
  /**
   * The clue this text is evidence of. Clue ids describe evidence, not causes
   * (`kestrel.bind-failed`, `tls.remote-cert-invalid`), so several causes can weigh one clue.
   */
  clue: string;
  /** Fragments that must all appear in the line, case-insensitive (fast literal checks). */
  all: readonly string[];
  /** At least one of these must appear too, when given. */
  any?: readonly string[];
  /** None of these may appear (a near miss that reads alike but means something else). */
  none?: readonly string[];
  /**
   * A bounded pattern, run only on lines whose fragments matched, whose first capture group is
   * the clue's value (a port, an exception type, a code). Never `.*` between unbounded parts.
   */
  value?: RegExp;
  /** Narrative cues (how people describe the problem) weigh less, and only once together. */
  narrative?: boolean;
  /**
   * The text names a product in the setup ("Application Gateway", "AGIC"), or is a phrase people
   * say as often as products write it (a status line's "502 Bad Gateway"): a full clue, but not a
   * line the product wrote, so narrative cues on the same line still count.
   */
  names?: boolean;
  /** Where the text comes from: repo and path of the resource or log definition, or a doc URL. */
  source: string;
  /** Lines that must match (and, optionally, near misses that must not); checked by the tests. */
  examples: { match: readonly string[]; noMatch?: readonly string[] };
}

/** A clue found in the evidence: which one, the line that shows it, the value pulled out. */
export interface ClueHit {
  clue: string;
  ref: EvidenceRef;
  value?: string;
  narrative?: boolean;
}
