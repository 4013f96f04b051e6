/**
 * The shape of one cause, in the manner of an ESLint rule: metadata plus a pure matcher.
 * `defineCause` is an identity function that gives each cause file full type checking.
 */
import type { Evidence, EvidenceKind, EvidenceRef } from '../evidence/types';
import type { AspNetCoreChange, DiagnosisFix, FamilyId, LayerId } from '../vocabulary';
import type { ClueWeights } from '../ranking/steps';

/** Values a matcher found that steps and fix can quote ("the request ran 120 s"). */
export type MatchFacts = Record<string, string | number | boolean | undefined>;

/** What a matcher returns when the evidence points at its cause. */
export interface CauseMatch {
  /** In [0, 1]. Use the scale in `confidence.ts`; a bare status code never earns more than "weak". */
  confidence: number;
  /** The lines that prove it, most telling first. Must be non-empty. */
  evidence: EvidenceRef[];
  facts?: MatchFacts;
  /**
   * The layer that answered, when this match knows better than the cause's default (one cause
   * covering both Application Gateway and Front Door, or ANCM and ARR). Defaults to `layer`.
   */
  layer?: LayerId;
}

/** What steps and fix are computed from: the whole evidence and this cause's match. */
interface CauseContext {
  evidence: Evidence;
  match: CauseMatch;
  facts: MatchFacts;
}

export interface CauseFix extends Omit<DiagnosisFix, 'diff'> {
  /** When present and a web.config was pasted, diagnose() shows this change as a diff of that file. */
  change?: AspNetCoreChange;
}

export interface CauseDefinition {
  /** kebab-case, equal to the file name, never reused. */
  id: string;
  title: string;
  family: FamilyId;
  /** The layer that produces the error when this is the cause. */
  layer: LayerId;
  /** One or two plain sentences: what happened. */
  description: string;
  /** Pure and synchronous. Returns undefined when the evidence does not point here. */
  match(evidence: Evidence): CauseMatch | undefined;
  /** Diagnostic steps still worth doing, tailored with the facts found. */
  steps(context: CauseContext): string[];
  fix(context: CauseContext): CauseFix;
  /**
   * The clues that set this cause apart within its family, with how much each one weighs
   * (ranking/steps.ts). Its family's clues (family-clues.ts) count for it too.
   */
  clues?: ClueWeights;
  /**
   * A family-level answer ("a startup failure, reason not yet visible"): it wins when the clues
   * point at the family but at no specific cause in it. Its `match` never matches.
   */
  generic?: boolean;
  /** Evidence kinds that would confirm or rule this cause out, most useful first. */
  wants: EvidenceKind[];
  /** https links to the vendor documentation or the public thread behind the facts. */
  references: string[];
}

export function defineCause(definition: CauseDefinition): CauseDefinition {
  return definition;
}
