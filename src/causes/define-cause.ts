/**
 * The shape of one cause, in the manner of an ESLint rule: metadata plus a pure matcher.
 * `defineCause<Facts>` gives each cause file full type checking, its facts included, the way
 * typescript-eslint's `createRule<Options, MessageIds>` types a rule's options and messages.
 */
import type { Evidence, EvidenceKind, EvidenceRef } from '../evidence/types';
import type { AspNetCoreChange, DiagnosisFix, FamilyId, LayerId } from '../vocabulary';
import type { ClueWeights } from '../ranking/steps';
import type { HouseOrigin } from '../evidence/house';

/** One value a matcher found that steps and fix can quote ("the request ran 120 s"). */
export type FactValue = string | number | boolean;

/**
 * The constraint on a cause's facts interface: every field is an optional quotable value. Written
 * as a mapped type rather than an index signature so that a plain `interface` satisfies it.
 */
export type FactsShape<Facts> = { [K in keyof Facts]?: FactValue };

/**
 * Facts as the catalogue sees them, whatever the cause: an opaque record. Only the cause that
 * found them reads them, through its own facts interface.
 */
export type MatchFacts = Readonly<Record<string, FactValue | undefined>>;

/** What a matcher returns when the evidence points at its cause. */
export interface CauseMatch<Facts = MatchFacts> {
  /** In [0, 1]. Use the scale in `confidence.ts`; a bare status code never earns more than "weak". */
  confidence: number;
  /** The lines that prove it, most telling first. Must be non-empty. */
  evidence: EvidenceRef[];
  facts?: Facts;
  /**
   * The layer that answered, when this match knows better than the cause's default (one cause
   * covering both Application Gateway and Front Door, or ANCM and ARR). Defaults to `layer`.
   */
  layer?: LayerId;
}

/**
 * What steps and fix are computed from: the whole evidence and this cause's match. The facts are
 * `Partial` because the ranking can make a cause the answer from its clues alone, without its
 * matcher matching; diagnose() then passes no facts at all (`matchOf` in diagnose.ts), and steps
 * and fix must say generally what they would otherwise quote.
 */
export interface CauseContext<Facts = MatchFacts> {
  evidence: Evidence;
  match: CauseMatch<Partial<Facts>>;
  facts: Partial<Facts>;
}

export interface CauseFix extends Omit<DiagnosisFix, 'diff'> {
  /** When present and a web.config was pasted, diagnose() shows this change as a diff of that file. */
  change?: AspNetCoreChange;
}

/** What every cause has besides its matcher and its advice. */
interface CauseMeta {
  /** kebab-case, equal to the file name, never reused. */
  id: string;
  title: string;
  family: FamilyId;
  /** The layer that produces the error when this is the cause. */
  layer: LayerId;
  /** One or two plain sentences: what happened. */
  description: string;
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
  /** Set only on a cause a team defined in a house rule file, never on the built-in catalogue. */
  house?: HouseOrigin;
}

/** One cause as its file writes it, typed with its own facts. */
export interface CauseSpec<Facts> extends CauseMeta {
  /** Pure and synchronous. Returns undefined when the evidence does not point here. */
  match(evidence: Evidence): CauseMatch<Facts> | undefined;
  /** Diagnostic steps still worth doing, tailored with the facts found (any of which may be missing). */
  steps(context: CauseContext<Facts>): string[];
  fix(context: CauseContext<Facts>): CauseFix;
}

/** One cause as the catalogue, the ranking and diagnose() see it: facts are opaque. */
export interface CauseDefinition extends CauseMeta {
  match(evidence: Evidence): CauseMatch | undefined;
  steps(context: CauseContext): string[];
  fix(context: CauseContext): CauseFix;
}

/** The facts of a cause whose matcher finds none (the family-level answers). */
export type NoFacts = Record<never, never>;

/**
 * A cause names its facts type: `defineCause<NginxTimeoutFacts>({...})`. It is not inferred from
 * what `match` returns (`NoInfer`), so the interface, not the last branch of the matcher, says
 * what the facts are. Causes that have not declared theirs yet see the opaque record.
 */
export function defineCause<Facts extends FactsShape<Facts> = MatchFacts>(spec: CauseSpec<NoInfer<Facts>>): CauseDefinition {
  // The one widening: the catalogue holds causes with different facts side by side, so it types
  // them all as an opaque record. It is sound as long as the engine hands steps and fix only the
  // facts that the same cause's match returned, or none (which `Partial<Facts>` admits).
  return spec as CauseDefinition;
}
