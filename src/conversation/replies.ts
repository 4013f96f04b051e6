/**
 * What the conversation layer answers, independent of where it is shown: each face (terminal,
 * Slack Block Kit) renders these. Nothing here is formatted for one face.
 */
import type { Diagnosis } from '../contract';
import type { Answer } from '../advice/knowledge';
import type { EvidenceKind } from '../evidence/types';
import type { DiagnosisChange } from './change';
import type { MemoryEntry, MessageKind, Resolution } from './types';

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

/**
 * What the team's memory says about a diagnosis: the latest confirmed entry for the same incident
 * (what fixed it), and the latest time the same diagnosis was marked wrong. Shown before anything.
 */
export interface Recalled {
  confirmed?: MemoryEntry;
  wrong?: MemoryEntry;
}

export type Reply =
  | { type: 'diagnosis'; diagnosis: Diagnosis; change: DiagnosisChange; truncated: boolean; memory?: Recalled }
  | { type: 'answer'; question: string; answer: Answer }
  | { type: 'unknown-question'; question: string; topics: readonly string[] }
  | { type: 'help' }
  | { type: 'summary'; diagnosis: Diagnosis | null; entries: ThreadEntry[]; resolution?: Resolution }
  | { type: 'reset' }
  | { type: 'resolved'; resolution: Resolution; title?: string; remembered?: MemoryEntry }
  | { type: 'resolved-usage' }
  | { type: 'no-evidence'; read: EvidenceKind[] }
  /** The team's memory, newest first (`memory`). */
  | { type: 'memory'; entries: MemoryEntry[] }
  /** `forget <id>`: `found` false when no such entry was kept; an empty id asks how. */
  | { type: 'forgot'; id: string; found: boolean };
