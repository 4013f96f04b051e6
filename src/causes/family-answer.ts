/**
 * The family-level answers: when the clues point at a family but no specific cause in it
 * explains them, the answer is the family itself, with the steps that find the specific cause
 * (turn on stdout logging, read the event log, compare the timeouts...). Each family has one, in a
 * file of its own (`<family>-unexplained.ts`); this builds them alike.
 */
import type { EvidenceKind, EvidenceRef } from '../evidence/types';
import { defineCause, type CauseDefinition, type CauseFix, type NoFacts } from './define-cause';
import type { FamilyId, LayerId } from '../vocabulary';

interface FamilyAnswer {
  family: FamilyId;
  title: string;
  description: string;
  layer: LayerId;
  steps: string[];
  fix: CauseFix;
  wants: EvidenceKind[];
  references: string[];
}

/** Clues that every 502 paste shows: a plain status and the words of its reason phrase. */
const BARE = /^(status\.\d{3}|proxy\.bad-gateway|proxy\.gateway-timeout)$/;

/** True when every line behind the answer is only a plain status or its reason phrase. */
function onlyBareStatus(refs: readonly EvidenceRef[]): boolean {
  return refs.length > 0 && refs.every((r) => r.clue !== undefined && BARE.test(r.clue));
}

/** The seed's advice when the evidence says only "502" (or 503, 504): read the exact error first. */
function bareStatusStep(refs: readonly EvidenceRef[]): string {
  const statusClue = refs.find((r) => r.clue!.startsWith('status.'))?.clue;
  const status = statusClue ? statusClue.slice('status.'.length) : refs.some((r) => r.clue === 'proxy.gateway-timeout') ? '504' : '502';
  return `The evidence only says "${status}", so this is one candidate among several: read the exact error first (the IIS log's sc-substatus and sc-win32-status, the error page title, or the proxy's own log line) before acting on it.`;
}

export function defineFamilyAnswer(answer: FamilyAnswer): CauseDefinition {
  // A family answer has no matcher, hence no facts: its steps read only the lines that raised it.
  return defineCause<NoFacts>({
    id: `${answer.family}-unexplained`,
    title: answer.title,
    family: answer.family,
    layer: answer.layer,
    description: answer.description,
    generic: true,
    match: () => undefined,
    steps: ({ match }) => (onlyBareStatus(match.evidence) ? [bareStatusStep(match.evidence), ...answer.steps] : answer.steps),
    fix: () => answer.fix,
    wants: answer.wants,
    references: answer.references,
  });
}
