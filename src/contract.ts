/**
 * The shape of a diagnosis: the public JSON contract of the CLI (`schema: 1`, additive changes
 * only) and the input of every renderer. Defined once here so the CLI, the console and Slack agree.
 * Named for what it is, the contract, so it is never mistaken for `diagnose.ts`, which computes one.
 */
import type { EvidenceKind, EvidenceRef, InputSummary, Problem } from './evidence/types';
import type { Timeline } from './evidence/timeline';

export type { Timeline, TimelineBucket, TimelineMarker } from './evidence/timeline';
import type { DiagnosisFix, FamilyId, LayerId } from './vocabulary';

export const DIAGNOSIS_SCHEMA = 1 as const;

export interface DiagnosisLayer {
  id: LayerId;
  title: string;
  evidence: EvidenceRef[];
}

export interface DiagnosedCause {
  id: string;
  family: FamilyId;
  title: string;
  /** In [0, 1]; honest: a bare "502" never scores high. */
  confidence: number;
  evidence: EvidenceRef[];
  steps: string[];
  fix: DiagnosisFix;
  references: string[];
  /** Present only on a cause a team defined in a house rule (additive to schema 1). */
  source?: 'house';
  /** Which house rule defined the cause, and in which file. */
  house?: { rule: string; file: string };
}

export interface MissingEvidence {
  /** The kind that would help, when it is one of the evidence kinds. */
  kind?: EvidenceKind;
  what: string;
  why: string;
  how: string;
}

export interface DecodedCode {
  code: string;
  meaning: string;
}

export interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  evidence: EvidenceRef[];
}

/**
 * The verdict in one line (additive to schema 1): a specific cause, a family whose specific cause
 * is not visible yet, or no known cause (the evidence is too weak: "unknown" won). Its confidence
 * is that of `causes[0]` for a cause or a family; for "unknown", how likely it is that no known
 * cause applies.
 */
export interface DiagnosisAnswer {
  kind: 'cause' | 'family' | 'unknown';
  family?: FamilyId;
  confidence: number;
}

export interface Diagnosis {
  schema: typeof DIAGNOSIS_SCHEMA;
  inputs: InputSummary[];
  answer: DiagnosisAnswer;
  layer: DiagnosisLayer | null;
  /** Ranked, best first; candidates only when `answer.kind` is "unknown". */
  causes: DiagnosedCause[];
  missing: MissingEvidence[];
  codes: DecodedCode[];
  findings: Finding[];
  stats: Record<string, unknown>;
  redactions: number;
  /** What the parsers could not read (additive to schema 1). */
  problems: Problem[];
  /**
   * Requests per minute by status and the dated events, for the timeline chart (additive to schema
   * 1); absent when nothing in the evidence carries a time.
   */
  timeline?: Timeline;
  /**
   * The incident's key clues, for recognizing it next time (additive to schema 1). Absent when no
   * cause or family was named, or only hints supported it: a bare "502" is no incident anyone
   * could have confirmed, and it would match every other bare one.
   */
  fingerprint?: Fingerprint;
}

/**
 * What makes two incidents "the same one": the top cause and its key clues in `key` (canonical,
 * compared as a string), plus where it happened (`pool`, `url`), which must not differ when both
 * are known.
 */
export interface Fingerprint {
  key: string;
  /** The top cause's id. */
  cause: string;
  /** `502.3`, or `502` without a substatus. */
  status?: string;
  /** Decimal Win32 code. */
  win32?: string;
  /** Sorted `family:id` of ANCM, WAS, .NET Runtime and Application Error events. */
  events?: string[];
  /** The first .NET exception type. */
  exception?: string;
  pool?: string;
  url?: string;
}
