/**
 * Incident threads: the Slack-free model of a conversation about one incident. A thread lives
 * where people talk (a Slack thread, a console session) and holds the redacted evidence of every
 * message in order, so the whole thread can be diagnosed again after each new message.
 */
import type { Fingerprint } from '../contract';
import type { FamilyId, LayerId } from '../vocabulary';

/** Where a thread lives. For Slack: team, channel and the thread's root ts. */
export interface ThreadKey {
  surface: 'slack' | 'console';
  team: string;
  channel: string;
  thread: string;
}

/** One stable string per thread, used as the store's primary key. */
export function threadId(key: ThreadKey): string {
  return [key.surface, key.team, key.channel, key.thread].map((part) => part.replace(/[\\:]/g, (c) => `\\${c}`)).join(':');
}

/** What a message was to the bot. */
export type MessageKind = 'evidence' | 'question' | 'command' | 'chatter';

export interface StoredMessage {
  /** The surface's id for the message (Slack ts or client_msg_id, console counter). Unique per thread. */
  messageId: string;
  /** Who sent it (Slack user id, console user name). */
  author: string;
  /** ISO 8601 time it was sent. */
  at: string;
  kind: MessageKind;
  /** Normalized and redacted text: nothing secret is ever stored. */
  text: string;
  /** How many secret values were masked in it. */
  redactions: number;
}

/** The part of a diagnosis a thread remembers, to say what changed next time. */
export interface DiagnosisSnapshot {
  at: string;
  layer: LayerId | null;
  causes: { id: string; family: FamilyId; title: string; confidence: number }[];
  /** The diagnosis's fingerprint, so feedback given later can be remembered for the team. */
  fingerprint?: Fingerprint;
}

/** What the people in the thread said the cause really was (`resolved <cause>`). */
export interface Resolution {
  /** A catalogue cause id when the text named one, else undefined. */
  causeId?: string;
  /** The words used, redacted. */
  text: string;
  by: string;
  at: string;
}

/** Feedback on a posted diagnosis (buttons in Slack). */
export interface Feedback {
  causeId: string;
  verdict: 'confirmed' | 'wrong';
  by: string;
  at: string;
}

export interface ThreadRecord {
  id: string;
  key: ThreadKey;
  createdAt: string;
  updatedAt: string;
  /** In the order they arrived. */
  messages: StoredMessage[];
  snapshot?: DiagnosisSnapshot;
  resolution?: Resolution;
  feedback: Feedback[];
}

/**
 * Work a surface accepted and still owes an answer for (a Slack event, command or shortcut). The
 * store keeps it from acceptance until the answer is posted, so a crash or a dead replica loses
 * nothing: whoever holds the lease does the work, and a lease that runs out lets another take it.
 */
export type JobState = 'pending' | 'answered' | 'posting' | 'done' | 'failed';

/** The states in which a job still owes an answer. */
export const OPEN_JOB_STATES: readonly JobState[] = ['pending', 'answered', 'posting'];

export interface NewJob {
  /** Unique per request: `event:<event_id>`, `trigger:<trigger_id>`. A second accept is refused. */
  id: string;
  /** Jobs of one lane (one thread) are worked on one at a time, in order. */
  lane: string;
  /** What the surface needs to answer, JSON-serializable, redacted text only. */
  payload: unknown;
}

export interface Job extends NewJob {
  state: JobState;
  /** The work's outcome once computed (the answers to post), written once. */
  result?: unknown;
  /** Small, often-updated progress (how many answers were delivered). */
  progress?: unknown;
  /** Delivery attempts that failed so far. */
  attempts: number;
  acceptedAt: string;
  /** Not to be worked on before this instant (a retry after Slack refused). */
  notBefore?: string;
  /** Who holds the lease (a process id such as host:pid:nonce), and until when. */
  owner?: string;
  leaseUntil?: string;
}

/**
 * What a lease holder may change on its job. `notBefore: null` clears it. The request (`payload`)
 * never changes; `result` is written once, `progress` as often as needed (it stays small).
 */
export interface JobPatch {
  state?: JobState;
  result?: unknown;
  progress?: unknown;
  attempts?: number;
  notBefore?: Date | null;
  /** Gives the lease up (another worker, or this one later, may claim the job). */
  release?: boolean;
}

/**
 * One thing the team's memory keeps: a fingerprint the team confirmed as a cause (with what fixed
 * it, in their words) or marked as a wrong diagnosis. Redacted before it is stored.
 */
export interface MemoryEntry {
  /** Short and stable (8 hex characters): the same team, fingerprint and thread give the same id. */
  id: string;
  team: string;
  /** `fingerprint.key`, the index it is recalled by. */
  key: string;
  fingerprint: Fingerprint;
  verdict: 'confirmed' | 'wrong';
  /** The cause the team says it was (for `wrong`: the one they rejected). */
  causeId: string;
  /** The cause the bot put first. */
  diagnosedCauseId: string;
  /** The title of `causeId`, as shown then. */
  title: string;
  /** What fixed it, in the team's words (redacted). */
  fixedBy?: string;
  /** The thread it was recorded in (`threadId`), so that thread is never "seen before" itself. */
  thread: string;
  /** A permalink to that thread, when the face can make one. */
  link?: string;
  by: string;
  /** ISO 8601 time it was recorded. */
  at: string;
}
