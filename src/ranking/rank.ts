/**
 * The one scoring module. Every cause (and "unknown") starts from its prior; each distinct clue in
 * the evidence moves it by the step its cause or family table gives that clue; narrative cues
 * together move it by one step at most per table (its family's, and its own where it weighs them
 * too: up to two capped steps for a cause whose own table adds to its family's); a cause's own matcher, where it has one, adds one more
 * vote for what it recognized in the parsed facts. The odds are then normalized into posteriors,
 * so weak evidence stays weak, partial clues add up, and "no known cause" is said only when
 * "unknown" wins.
 */
import type { CauseDefinition, CauseMatch } from '../causes/define-cause';
import type { FamilyId } from '../vocabulary';
import { FAMILY_CLUES } from '../causes/family-clues';
import type { Evidence, EvidenceRef, Problem } from '../evidence/types';
import { cluesOf, type ClueSeen } from '../evidence/clues';
import { clueGroup } from '../evidence/clues/synonyms';
import { FAMILY_PRIORS, GENERIC_SHARE, UNKNOWN_PRIOR } from './priors';
import { NARRATIVE_CAP, STEPS, type Step } from './steps';

/** One clue's say on one hypothesis. */
export interface Vote {
  /** The clue id, or `match:<cause>` for the cause's own matcher. */
  clue: string;
  step: Step;
  /** Lines that show the clue, at most a few. */
  refs: EvidenceRef[];
  narrative?: boolean;
  /** Whose table gave the step: the family's (all its causes alike) or the cause's own. */
  scope: 'family' | 'cause' | 'match';
  /** The exact weight, when it differs from the step's (a matcher's confidence). */
  weight?: number;
}

/** What a vote weighs: its exact weight when it has one, else its step's. */
export function voteWeight(v: Vote): number {
  return v.weight ?? STEPS[v.step];
}

export interface RankedHypothesis {
  /** The cause; undefined for "unknown". */
  cause?: CauseDefinition;
  id: string;
  family?: FamilyId;
  /** Log-odds before normalization, for ties and tests. */
  score: number;
  /** Normalized over every hypothesis, "unknown" included. */
  posterior: number;
  /** The clues that moved it, strongest first. */
  votes: Vote[];
  /** What its own matcher found in the facts, when it has one and it matched. */
  match?: CauseMatch;
}

export interface Ranking {
  /** Every hypothesis, best first. */
  ranked: RankedHypothesis[];
  /** The posterior of "no known cause". */
  unknown: number;
  /** Each family's posterior (its causes' and its family-level answer's together), best first. */
  families: { family: FamilyId; posterior: number }[];
  /** Every clue the evidence showed, with its lines. */
  clues: ReadonlyMap<string, ClueSeen>;
  problems: Problem[];
}


/**
 * What a matcher's own confidence weighs: the rungs of causes/confidence.ts are anchored to the
 * steps ("possible" fits this cause and a few others: supports; "likely" is a specific signature:
 * strong; "certain" admits no other reading: proves), and a confidence between two rungs weighs
 * in between, so the corroboration a matcher found still separates two siblings.
 */
const MATCH_ANCHORS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0.15, STEPS.hints],
  [0.35, STEPS.supports],
  [0.6, STEPS.strong],
  [0.95, STEPS.proves],
  [1, STEPS.proves],
];

export function matchWeight(confidence: number): number {
  for (let i = 1; i < MATCH_ANCHORS.length; i += 1) {
    const [x1, y1] = MATCH_ANCHORS[i]!;
    if (confidence <= x1) {
      const [x0, y0] = MATCH_ANCHORS[i - 1]!;
      return y0 + ((y1 - y0) * (Math.max(confidence, x0) - x0)) / (x1 - x0);
    }
  }
  return STEPS.proves;
}

/** The nearest step, to show a matcher's vote in the same words as the clues'. */
function matchStep(confidence: number): Step {
  if (confidence >= 0.9) return 'proves';
  if (confidence >= 0.55) return 'strong';
  if (confidence >= 0.3) return 'supports';
  return 'hints';
}

function logPrior(cause: CauseDefinition, specificInFamily: number): number {
  const family = FAMILY_PRIORS[cause.family];
  const share = cause.generic ? GENERIC_SHARE : (1 - GENERIC_SHARE) / Math.max(1, specificInFamily);
  return Math.log(family * share);
}

/**
 * The votes of the evidence's clues on one cause: its family's table (which moves every cause of
 * the family alike, and the family-level answer) and its own table (which sets it apart from its
 * siblings) both count. Summed, this is the mixture "family, then cause within it": a clue only
 * the family lists cannot tell its causes apart, so the family-level answer keeps its share.
 */
function votesFor(cause: CauseDefinition, clues: ReadonlyMap<string, ClueSeen>, implied: ReadonlySet<string>, owners: Owners): Vote[] {
  const family = FAMILY_CLUES[cause.family];
  const owned = owners.get(cause.family);
  const votes: Vote[] = [];
  // Most clues say nothing about most causes: look the steps up first, build a vote only for a hit
  // (this loop runs for every cause and every clue of a paste).
  for (const [clue, seen] of clues) {
    const ownStep = cause.clues?.[clue];
    const listed = family[clue];
    if ((listed === undefined && ownStep === undefined) || implied.has(clue)) continue;
    const owner = owned?.get(clue);
    // A clue one cause of the family owns speaks for the family through that cause only.
    const familyStep = owner === undefined || owner === cause.id ? listed : undefined;
    if (familyStep) votes.push(vote(clue, familyStep, seen, 'family'));
    if (ownStep) votes.push(vote(clue, ownStep, seen, 'cause'));
  }
  return votes;
}

function vote(clue: string, step: Step, seen: ClueSeen, scope: 'family' | 'cause'): Vote {
  return seen.narrative ? { clue, step, refs: seen.refs, scope, narrative: true } : { clue, step, refs: seen.refs, scope };
}

/** Per family: the clues a specific cause owns, and which cause. */
type Owners = ReadonlyMap<FamilyId, ReadonlyMap<string, string>>;

const OWNERS = new WeakMap<readonly CauseDefinition[], Owners>();

/**
 * A clue that a cause's own table says `proves` is that product's or that failure's own signature
 * (Cloudflare's 524, WAS's "disabled the pool", the CLR's stack overflow): it says "this cause",
 * not "some cause of this family". Its family's weight then goes to that cause alone; siblings
 * and the family-level answer do not share it. Ownership is by exact clue id: a synonym group may
 * mix products (nginx's SSL error and .NET's), and only the product's own clue is owned.
 */
function ownersOf(catalogue: readonly CauseDefinition[]): Owners {
  let owners = OWNERS.get(catalogue);
  if (!owners) {
    const built = new Map<FamilyId, Map<string, string>>();
    for (const cause of catalogue) {
      for (const [clue, step] of Object.entries(cause.clues ?? {})) {
        if (step !== 'proves' || cause.generic) continue;
        const family = built.get(cause.family) ?? new Map<string, string>();
        family.set(clue, cause.id);
        built.set(cause.family, family);
      }
    }
    owners = built;
    OWNERS.set(catalogue, owners);
  }
  return owners;
}

/**
 * A bare status says nothing its substatus does not (a 502.3 row is a 502 row): counting both
 * would count the same rows twice.
 */
function impliedClues(clues: ReadonlyMap<string, ClueSeen>): Set<string> {
  const implied = new Set<string>();
  for (const clue of clues.keys()) {
    const status = /^(status\.\d{3})\.\d+$/.exec(clue)?.[1];
    if (status && clues.has(status)) implied.add(status);
  }
  return implied;
}

/**
 * The votes' steps added up. Clues that stand for the same fact (synonyms.ts) count once per
 * table, at their strongest. A cause's own matcher and its own clue table are two readings of the
 * same discriminating evidence (the matcher is the adapter of a cause not yet fully declarative),
 * so the stronger of the two counts, not both. Narrative cues count as one step per table, their
 * strongest, never more than a `strong` step. Votes against always count.
 */
function weigh(votes: readonly Vote[]): number {
  const groups = new Map<string, number>();
  const narrative = new Map<Vote['scope'], number>();
  let against = 0;
  let match = 0;
  for (const v of votes) {
    const w = voteWeight(v);
    if (w <= 0) against += w;
    else if (v.scope === 'match') match = Math.max(match, w);
    else if (v.narrative) narrative.set(v.scope, Math.max(narrative.get(v.scope) ?? 0, w));
    else {
      const group = `${v.scope}:${clueGroup(v.clue)}`;
      groups.set(group, Math.max(groups.get(group) ?? 0, w));
    }
  }
  let family = 0;
  let own = 0;
  for (const [group, w] of groups) {
    if (group.startsWith('family:')) family += w;
    else own += w;
  }
  let told = 0;
  for (const w of narrative.values()) told += Math.min(w, NARRATIVE_CAP);
  return family + Math.max(own, match) + told + against;
}

export function rank(evidence: Evidence, catalogue: readonly CauseDefinition[]): Ranking {
  const clues = cluesOf(evidence);
  const implied = impliedClues(clues);
  const owners = ownersOf(catalogue);
  const problems: Problem[] = [];
  const specific = new Map<FamilyId, number>();
  for (const cause of catalogue) if (!cause.generic) specific.set(cause.family, (specific.get(cause.family) ?? 0) + 1);

  const hypotheses: RankedHypothesis[] = catalogue.map((cause) => {
    const votes = votesFor(cause, clues, implied, owners);
    let match: CauseMatch | undefined;
    if (!cause.generic) {
      try {
        match = cause.match(evidence);
      } catch (error) {
        // One broken matcher must not take the diagnosis down; say so and go on.
        problems.push({ source: 'diag502', message: `Cause ${cause.id} failed to evaluate: ${(error as Error).message}` });
      }
      if (match && match.evidence.length > 0) votes.unshift({ clue: `match:${cause.id}`, step: matchStep(match.confidence), refs: match.evidence, scope: 'match', weight: matchWeight(match.confidence) });
      else match = undefined;
    }
    votes.sort((a, b) => STEPS[b.step] - STEPS[a.step]);
    const h: RankedHypothesis = { cause, id: cause.id, family: cause.family, score: logPrior(cause, specific.get(cause.family) ?? 1) + weigh(votes), posterior: 0, votes };
    if (match) h.match = match;
    return h;
  });
  const unknown: RankedHypothesis = { id: 'unknown', score: Math.log(UNKNOWN_PRIOR), posterior: 0, votes: [] };
  const all = [...hypotheses, unknown];
  const top = Math.max(...all.map((h) => h.score));
  const total = all.reduce((sum, h) => sum + Math.exp(h.score - top), 0);
  for (const h of all) h.posterior = Math.exp(h.score - top) / total;
  // Ties go to a specific cause before its family-level answer (its steps say more), unless two
  // or more specific causes of that family tie with it: then the evidence does not choose among
  // them and the family-level answer speaks for all. Then catalogue order (the seed's frequency
  // order), "unknown" last among equals.
  const order = new Map(all.map((h, i) => [h, i]));
  const ties = (h: RankedHypothesis): number => hypotheses.filter((o) => !o.cause?.generic && o.family === h.family && Math.abs(o.posterior - h.posterior) <= 1e-9).length;
  const contested = new Set(hypotheses.filter((h) => h.cause?.generic && ties(h) >= 2));
  const generic = (h: RankedHypothesis): number => (contested.has(h) ? -1 : h.cause?.generic ? 1 : 0);
  all.sort((a, b) => (Math.abs(b.posterior - a.posterior) > 1e-9 ? b.posterior - a.posterior : generic(a) - generic(b) || order.get(a)! - order.get(b)!));
  const byFamily = new Map<FamilyId, number>();
  for (const h of hypotheses) byFamily.set(h.family!, (byFamily.get(h.family!) ?? 0) + h.posterior);
  const families = [...byFamily].map(([family, posterior]) => ({ family, posterior })).sort((a, b) => b.posterior - a.posterior);
  return { ranked: all, unknown: unknown.posterior, families, clues, problems };
}
