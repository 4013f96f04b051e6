/**
 * A bare "502": the evidence says only that a gateway answered 502, with no substatus, no Win32
 * code, no event, no header or page that names a layer. The seed article's advice for that case is
 * to read the exact error first; until then the three most frequent causes of a 502 on ASP.NET
 * Core (startup failure, crash mid-request, timeout) are equally weak candidates. Causes opt in
 * through `acceptsBare502`, which leaves their own matcher, steps and fix untouched.
 */
import type { Evidence, EvidenceRef } from '../../evidence/types';
import type { CauseDefinition, CauseFix, CauseMatch } from '../define-cause';
import { CONFIDENCE } from '../confidence';
import { refsOf } from '../query';

/** The refs of a 502 that carries nothing else, or undefined when the evidence says more. */
export function bare502(evidence: Evidence): EvidenceRef[] | undefined {
  const saysMore =
    evidence.signals.length > 0 ||
    evidence.events.length > 0 ||
    evidence.codes.length > 0 ||
    evidence.freb.length > 0 ||
    evidence.statuses.some((s) => s.status === 502 && (s.substatus ?? 0) !== 0);
  if (saysMore) return undefined;
  const plain = evidence.statuses.filter((s) => s.status === 502);
  return plain.length > 0 ? refsOf(plain, 3) : undefined;
}

/** What a cause says when it is only one candidate for a bare 502. */
export interface BareAdvice {
  /** How to confirm or rule out this cause, starting from nothing but the status. */
  steps: string[];
  fix: CauseFix;
}

/** Makes a cause a weak candidate for a bare 502, keeping everything else it does. */
export function acceptsBare502(cause: CauseDefinition, advice: BareAdvice): CauseDefinition {
  return {
    ...cause,
    match(evidence): CauseMatch | undefined {
      const own = cause.match(evidence);
      if (own) return own;
      const refs = bare502(evidence);
      return refs ? { confidence: CONFIDENCE.weak, evidence: refs, facts: { bare502: true } } : undefined;
    },
    steps: (context) =>
      context.facts.bare502 === true
        ? ['The evidence only says "502", so this is one candidate among several: read the exact error first (the IIS log\'s sc-substatus and sc-win32-status, or the error page title) before acting on it.', ...advice.steps]
        : cause.steps(context),
    fix: (context) => (context.facts.bare502 === true ? advice.fix : cause.fix(context)),
  };
}
