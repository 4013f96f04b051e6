/**
 * The team's memory as the conversation uses it: what to recall for a new diagnosis, and the
 * entries feedback becomes. Nothing here stores or renders; conversation.ts does both through
 * TeamMemory and the replies.
 */
import type * as Crypto from 'node:crypto';
import type { Fingerprint } from '../contract';
import { sameIncident } from '../evidence/fingerprint';
import type { Recalled } from './replies';
import type { TeamMemory } from './store/team-memory';
import type { MemoryEntry } from './types';

/** The workspace of the console and the CLI, so both share one memory file. */
export const LOCAL_TEAM = 'local';

/**
 * 8 hex characters, stable for one team, fingerprint, thread and verdict: confirming again in the
 * same thread updates the entry, while "wrong" and "confirmed" in one thread are both kept.
 */
export function memoryId(team: string, key: string, thread: string, verdict: MemoryEntry['verdict']): string {
  // Loaded here, not at the top: node:crypto costs the CLI ~9 ms at every start, and only a run
  // that records in the memory needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof Crypto;
  return createHash('sha256').update([team, key, thread, verdict].join('\u0000')).digest('hex').slice(0, 8);
}

/**
 * What the team's memory says about this fingerprint in `team`, leaving out what was recorded in
 * `thread` itself (a thread is never "seen before" by its own feedback). Empty when nothing matches.
 */
export async function recallFor(memory: TeamMemory, team: string, fingerprint: Fingerprint | undefined, thread: string | undefined): Promise<Recalled | undefined> {
  if (!fingerprint) return undefined;
  const matches = (await memory.recall(team, fingerprint.key)).filter((e) => e.thread !== thread && sameIncident(e.fingerprint, fingerprint));
  const recalled: Recalled = {};
  const confirmed = matches.find((e) => e.verdict === 'confirmed');
  const wrong = matches.find((e) => e.verdict === 'wrong');
  if (confirmed) recalled.confirmed = confirmed;
  if (wrong) recalled.wrong = wrong;
  return confirmed || wrong ? recalled : undefined;
}

/** What an entry is made of; the id and the key are worked out from it. */
export interface NewMemoryEntry {
  team: string;
  /** The thread it is recorded in (`threadId`, or a name such as `cli` for the command line). */
  thread: string;
  fingerprint: Fingerprint;
  verdict: MemoryEntry['verdict'];
  causeId: string;
  title: string;
  by: string;
  at: string;
  fixedBy?: string;
  link?: string;
}

export function memoryEntryOf(e: NewMemoryEntry): MemoryEntry {
  const entry: MemoryEntry = {
    id: memoryId(e.team, e.fingerprint.key, e.thread, e.verdict),
    team: e.team,
    key: e.fingerprint.key,
    fingerprint: e.fingerprint,
    verdict: e.verdict,
    causeId: e.causeId,
    diagnosedCauseId: e.fingerprint.cause,
    title: e.title,
    thread: e.thread,
    by: e.by,
    at: e.at,
  };
  if (e.fixedBy) entry.fixedBy = e.fixedBy;
  if (e.link) entry.link = e.link;
  return entry;
}

/**
 * `resolved <cause id> <what fixed it>`: the words after a leading cause id are what fixed it
 * ("resolved app-pool-recycle raised shutdownTimeLimit to 60 s"); without an id, all the words
 * are. A joining word or mark after the id ("—", ":", "by", "fixed by") is left out.
 */
export function fixedByOf(text: string, causeId: string | undefined): string | undefined {
  let rest = text.trim();
  if (causeId && rest.toLowerCase().startsWith(causeId)) rest = rest.slice(causeId.length);
  rest = rest.replace(/^[\s:,;.\-\u2013\u2014]*(?:(?:fixed|solved|resolved)\s+)?(?:by|with)?[\s:,;.\-\u2013\u2014]+/i, '').trim();
  if (causeId && rest.toLowerCase() === '') return undefined;
  return rest.length > 0 ? rest : undefined;
}
