/**
 * What the conversation layer answers, independent of where it is shown: each face (terminal,
 * Slack Block Kit) renders these. Nothing here is formatted for one face.
 */
import type { Diagnosis } from '../contract';
import type { Answer } from '../advice/knowledge';
import type { EvidenceKind } from '../evidence/types';
import type { DiagnosisChange } from './change';
import type { MessageKind, Resolution } from './types';

/** One line of the thread as `summary` lists it. */
export interface ThreadEntry {
  /** 1-based position in the thread; evidence lines cite it as "message N". */
  n: number;
  author: string;
  at: string;
  kind: MessageKind;
  /** For evidence: the kinds read from it. */
  kinds: EvidenceKind[];
  lines: number;
}

export type Reply =
  | { type: 'diagnosis'; diagnosis: Diagnosis; change: DiagnosisChange; truncated: boolean }
  | { type: 'answer'; question: string; answer: Answer }
  | { type: 'unknown-question'; question: string; topics: readonly string[] }
  | { type: 'help' }
  | { type: 'summary'; diagnosis: Diagnosis | null; entries: ThreadEntry[]; resolution?: Resolution }
  | { type: 'reset' }
  | { type: 'resolved'; resolution: Resolution; title?: string }
  | { type: 'resolved-usage' }
  | { type: 'no-evidence'; read: EvidenceKind[] };
