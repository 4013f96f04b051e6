/**
 * The family-level answers: when the clues point at a family but no specific cause in it
 * explains them, the answer is the family itself, with the steps that find the specific cause
 * (turn on stdout logging, read the event log, compare the timeouts...). Each family has one, in a
 * file of its own (`<family>-unexplained.ts`); this builds them alike.
 */
import type { EvidenceKind, LayerId } from '../evidence/types';
import { defineCause, type CauseDefinition, type CauseFix } from './define-cause';
import type { FamilyId } from './families';

export interface FamilyAnswer {
  family: FamilyId;
  title: string;
  description: string;
  layer: LayerId;
  steps: string[];
  fix: CauseFix;
  wants: EvidenceKind[];
  references: string[];
}

export function defineFamilyAnswer(answer: FamilyAnswer): CauseDefinition {
  return defineCause({
    id: `${answer.family}-unexplained`,
    title: answer.title,
    family: answer.family,
    layer: answer.layer,
    description: answer.description,
    generic: true,
    match: () => undefined,
    steps: () => answer.steps,
    fix: () => answer.fix,
    wants: answer.wants,
    references: answer.references,
  });
}
