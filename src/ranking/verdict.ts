/**
 * The verdict of a ranking, decided family first (where to look), then the best answer within the
 * family: a family whose mass is spread over several causes still beats "unknown" when it
 * outweighs it. diagnose.ts answers from it and eval/fit.ts calibrates it, so both read the
 * same verdict.
 */
import type { FamilyId } from '../vocabulary';
import { voteWeight, type RankedHypothesis, type Ranking } from './rank';
import { STEPS } from './steps';

/** Below this a hypothesis is noise, not a candidate worth showing. */
const MIN_POSTERIOR = 0.02;
/**
 * A family that a clue supports (more than hints at) stays listed as the alternative down to this:
 * a 502.5 page is a startup failure or a bad launch configuration, and the second is worth ruling
 * out even when the first is far likelier.
 */
const MIN_POSTERIOR_FAMILY = 0.01;
/** A cause its own matcher recognized stays listed down to this, as the alternative it is. */
const MIN_POSTERIOR_MATCHED = 0.0005;

export interface Verdict {
  /** The causes worth listing, best first: some clue spoke for them and they are not noise. */
  candidates: RankedHypothesis[];
  /** The family the evidence points at; undefined when "unknown" wins. */
  family?: { family: FamilyId; posterior: number };
  /** The best hypothesis of that family: the answer (a cause, or the family-level answer). */
  lead?: RankedHypothesis;
  /** True when only hints support the answer (see tooThin). */
  thin?: boolean;
}

/**
 * Whether a hypothesis is worth listing. A family-level answer needs a clue of its family. A
 * specific cause needs evidence of its own: its matcher recognized it, or a clue its own table
 * weighs at least `strong`. A clue it merely shares with its siblings (a 60 s duration, a crash
 * event) is the family-level answer's to report, not a reason to list every sibling.
 */
function worthListing(h: RankedHypothesis): boolean {
  if (h.cause!.generic) {
    const weights = h.votes.map(voteWeight);
    return (h.posterior >= MIN_POSTERIOR && weights.some((w) => w > 0)) || (h.posterior >= MIN_POSTERIOR_FAMILY && weights.some((w) => w >= STEPS.supports));
  }
  if (h.match) return h.posterior >= MIN_POSTERIOR_MATCHED;
  const own = h.votes.filter((v) => v.scope === 'cause');
  return h.posterior >= MIN_POSTERIOR && own.some((v) => STEPS[v.step] >= STEPS.strong) && !own.some((v) => v.step === 'excludes');
}

/** Whether a hypothesis may answer for its family: it has some evidence of its own, or is the family's answer. */
function mayLead(h: RankedHypothesis): boolean {
  return h.cause !== undefined && h.posterior >= MIN_POSTERIOR && h.votes.some((v) => voteWeight(v) > 0 && (h.cause!.generic === true || v.scope !== 'family'));
}

/**
 * Hints alone ("Bad Gateway", a bare 502, a word about web.config) barely tell the families apart,
 * however they add up: every 502 case shows them. The likeliest family is still named, but as a
 * thin answer: its confidence is the raw posterior (calibration was fitted on answers with
 * evidence), and the steps ask for the exact error first.
 */
function tooThin(lead: RankedHypothesis): boolean {
  return !lead.votes.some((v) => voteWeight(v) >= STEPS.supports);
}

export function verdictOf(ranking: Ranking): Verdict {
  const listed = ranking.ranked.filter((h) => h.cause !== undefined && worthListing(h));
  const best = ranking.families[0];
  if (!best || ranking.unknown >= best.posterior) return { candidates: listed };
  // The answer is the likeliest hypothesis of the family that has something of its own to go
  // on: one that beat its family's own answer on evidence leads even if that evidence is modest.
  const lead = ranking.ranked.find((h) => h.family === best.family && mayLead(h));
  if (!lead) return { candidates: listed };
  if (tooThin(lead)) return { candidates: listed.includes(lead) ? listed : [lead, ...listed], family: best, lead, thin: true };
  return { candidates: listed.includes(lead) ? listed : [lead, ...listed], family: best, lead };
}
