/**
 * House rules at the catalogue level: a team's causes join the built-in ones, and built-in causes
 * a rule names weigh that rule's clue. The result is an ordinary catalogue, so house causes are
 * ranked, calibrated and described by exactly the code that handles built-in ones.
 */
import type { CauseDefinition } from '../define-cause';
import { CAUSES } from '../index';
import { cluesOf } from '../../evidence/clues';
import { houseClue, type HouseRule } from '../../evidence/house';
import type { ClueWeights } from '../../ranking/steps';

const CATALOGUES = new WeakMap<readonly HouseRule[], readonly CauseDefinition[]>();

/**
 * The catalogue with a rule set applied, built once per set (the ranking caches by catalogue).
 * A house cause is one more specific cause of its family: it takes its share of the family's
 * prior like any other, so a team's cause never raises the family's total before any clue.
 */
export function houseCatalogue(rules: readonly HouseRule[], base: readonly CauseDefinition[] = CAUSES): readonly CauseDefinition[] {
  if (rules.length === 0) return base;
  let built = base === CAUSES ? CATALOGUES.get(rules) : undefined;
  if (!built) {
    built = applyRules(rules, base);
    if (base === CAUSES) CATALOGUES.set(rules, built);
  }
  return built;
}

function applyRules(rules: readonly HouseRule[], base: readonly CauseDefinition[]): CauseDefinition[] {
  const extra = new Map<string, Record<string, ClueWeights[string]>>();
  const weighedBy = new Map<string, HouseRule[]>();
  for (const rule of rules) {
    for (const { cause, weight } of rule.weigh ?? []) {
      extra.set(cause, { ...extra.get(cause), [houseClue(rule)]: weight });
      if (rule.steps || rule.fix) weighedBy.set(cause, [...(weighedBy.get(cause) ?? []), rule]);
    }
  }
  const reweighed = base.map((cause) => {
    const clues = extra.get(cause.id);
    if (!clues) return cause;
    const withClues: CauseDefinition = { ...cause, clues: { ...cause.clues, ...clues } };
    const told = weighedBy.get(cause.id);
    return told ? withTeamAdvice(withClues, told) : withClues;
  });
  const added: CauseDefinition[] = rules.flatMap((rule) => {
    const spec = rule.cause;
    if (!spec) return [];
    const cause: CauseDefinition = {
      id: spec.id,
      title: spec.title,
      family: spec.family,
      layer: spec.layer,
      description: `A cause defined by house rule ${rule.rule} (${rule.file}).`,
      clues: { [houseClue(rule)]: spec.weight, ...extra.get(spec.id) },
      wants: [],
      references: [],
      house: { rule: rule.rule, file: rule.file },
      // A house cause is declarative: its clues are its whole say, as for any cause without a matcher.
      match: () => undefined,
      steps: () => [...spec.steps],
      fix: () => ({ summary: spec.fix }),
    };
    return [cause];
  });
  return [...reweighed, ...added];
}

/**
 * A built-in cause a team rule weighs: when that rule fired, the team's own steps come first and
 * its fix leads the summary ("drain the node in our F5 first"), the built-in advice after.
 */
function withTeamAdvice(cause: CauseDefinition, rules: readonly HouseRule[]): CauseDefinition {
  const fired = (context: Parameters<CauseDefinition['steps']>[0]): HouseRule[] => {
    const clues = cluesOf(context.evidence);
    return rules.filter((r) => clues.has(houseClue(r)));
  };
  return {
    ...cause,
    steps: (context) => [...fired(context).flatMap((r) => r.steps ?? []), ...cause.steps(context)],
    fix: (context) => {
      const fix = cause.fix(context);
      const team = fired(context).flatMap((r) => (r.fix ? [r.fix] : []));
      return team.length === 0 ? fix : { ...fix, summary: `${team.join(' ')} ${fix.summary}` };
    },
  };
}
