/**
 * What a new message changed in a thread's diagnosis: the new top cause, causes ruled in or out,
 * confidence up or down, and the next piece of evidence that would settle it. People following
 * an incident read the difference, not the whole diagnosis again.
 */
import type { Diagnosis, MissingEvidence } from '../contract';
import type { DiagnosisSnapshot } from './types';

/** Below this a cause is a mere candidate: entering or leaving that zone is not "ruled in/out". */
const CANDIDATE = 0.35;

interface CauseRef {
  id: string;
  title: string;
  confidence: number;
}

export interface DiagnosisChange {
  /** No diagnosis was posted in the thread before. */
  first: boolean;
  previousTop?: CauseRef;
  top?: CauseRef;
  topChanged: boolean;
  /** The top cause's confidence now minus before, when the top cause stayed the same. */
  confidenceDelta?: number;
  ruledIn: CauseRef[];
  ruledOut: CauseRef[];
  next?: MissingEvidence;
}

export function snapshotOf(diagnosis: Diagnosis, at: Date): DiagnosisSnapshot {
  const snapshot: DiagnosisSnapshot = {
    at: at.toISOString(),
    layer: diagnosis.layer?.id ?? null,
    causes: diagnosis.causes.map((c) => ({ id: c.id, family: c.family, title: c.title, confidence: c.confidence })),
  };
  // Kept so that feedback given later (a button, `resolved`) can be remembered for the team.
  if (diagnosis.fingerprint) snapshot.fingerprint = diagnosis.fingerprint;
  return snapshot;
}

export function compareDiagnoses(previous: DiagnosisSnapshot | undefined, current: Diagnosis): DiagnosisChange {
  const now = current.causes.map((c) => ({ id: c.id, title: c.title, confidence: c.confidence }));
  const before = previous?.causes ?? [];
  const top = now[0];
  const previousTop = before[0] ? { id: before[0].id, title: before[0].title, confidence: before[0].confidence } : undefined;
  const strongBefore = new Set(before.filter((c) => c.confidence >= CANDIDATE).map((c) => c.id));
  const strongNow = new Set(now.filter((c) => c.confidence >= CANDIDATE).map((c) => c.id));
  const change: DiagnosisChange = {
    first: previous === undefined,
    topChanged: (top?.id ?? null) !== (previousTop?.id ?? null),
    ruledIn: now.filter((c) => strongNow.has(c.id) && !strongBefore.has(c.id)),
    ruledOut: before
      .filter((c) => strongBefore.has(c.id) && !strongNow.has(c.id))
      .map((c) => ({ id: c.id, title: c.title, confidence: now.find((n) => n.id === c.id)?.confidence ?? 0 })),
  };
  if (top) change.top = top;
  if (previousTop) change.previousTop = previousTop;
  if (top && previousTop && top.id === previousTop.id) change.confidenceDelta = Math.round((top.confidence - previousTop.confidence) * 100) / 100;
  if (current.missing[0]) change.next = current.missing[0];
  return change;
}
