/**
 * The shape of one production-readiness finding, in the manner of a cause (causes/define-cause.ts):
 * its data (id, severity, what it checks, which line it quotes) beside a pure check that returns
 * the message for each place the configuration invites 502s or hides their cause.
 */
import type { AppPoolFacts, WebConfigFacts } from '../../evidence/types';
import type { Finding } from '../../contract';

/** One place a finding applies: its message, and the source line it quotes as evidence. */
interface FindingHit {
  message: string;
  line: number;
}

interface FindingBase {
  /** kebab-case, equal to the file name; a public id (the CLI JSON `findings[].id`). */
  id: string;
  severity: Finding['severity'];
  /** What the finding checks, in one sentence. */
  checks: string;
  /** The line each hit quotes as its evidence. */
  quotes: string;
}

/** A finding on one pasted web.config (whole or fragment). */
export interface WebConfigFindingDefinition extends FindingBase {
  on: 'web-config';
  find(config: WebConfigFacts): FindingHit[];
}

/** A finding on one pasted application pool (applicationHost.config `<add>`). */
export interface AppPoolFindingDefinition extends FindingBase {
  on: 'app-pool';
  find(pool: AppPoolFacts): FindingHit[];
}

export type FindingDefinition = WebConfigFindingDefinition | AppPoolFindingDefinition;

export function defineFinding<T extends FindingDefinition>(definition: T): T {
  return definition;
}

