/**
 * "Every finding quotes the lines that raised it, strongest first, each with the clue it counted
 * as" (issue 8), as diagnose() does it (src/diagnose.ts `quoted`): the lines of a cause's votes,
 * strongest vote first; a line a clue voted for is labelled with that clue; a line its matcher
 * read is placed at the matcher's step and labelled with the strongest clue the same line raised
 * for that cause, if any (a web.config line may have none). Checked on a paste built for it and
 * on every case of the real-case corpus, against the ranking's own votes.
 */
import { CAUSES } from '../src/causes';
import { diagnose, diagnoseEvidence } from '../src/diagnose';
import type { DiagnosedCause } from '../src/contract';
import { EvidenceCollector } from '../src/evidence/collector';
import type { Evidence } from '../src/evidence/types';
import { FAMILY_CLUES } from '../src/causes/family-clues';
import { rank, type RankedHypothesis } from '../src/ranking/rank';
import { STEPS } from '../src/ranking/steps';
import { loadCorpus } from '../eval/corpus';

function collect(text: string): Evidence {
  const collector = new EvidenceCollector();
  collector.addText('paste', text, { slack: 'auto' });
  return collector.finish();
}

/** Per quoted line: the strongest step of a vote quoting it, and the clue of the strongest clue vote (not the matcher's). */
function votesByLine(h: RankedHypothesis): Map<number, { step: number; clue?: string }> {
  const out = new Map<number, { step: number; clue?: string }>();
  // Votes come strongest first.
  for (const vote of h.votes) {
    if (STEPS[vote.step] <= 0) continue;
    for (const ref of vote.refs) {
      const known = out.get(ref.line) ?? { step: STEPS[vote.step] };
      if (known.clue === undefined && vote.scope !== 'match') known.clue = vote.clue;
      out.set(ref.line, known);
    }
  }
  return out;
}

interface Quoted {
  id: string;
  cause: DiagnosedCause;
  votes: Map<number, { step: number; clue?: string }>;
}

/** Every listed cause of every corpus case, with the votes the ranking gave it. */
const QUOTED: Quoted[] = loadCorpus().flatMap((c) => {
  const evidence = collect(c.evidence);
  const ranked = new Map(rank(evidence, CAUSES).ranked.map((h) => [h.id, h]));
  return diagnoseEvidence(evidence).causes.map((cause) => ({ id: c.id, cause, votes: votesByLine(ranked.get(cause.id)!) }));
});

describe('quoted evidence lines', () => {
  it('quote the strong line before the hint, each labelled with the clue it counted as', () => {
    const d = diagnose([{ source: 'paste', text: ['HTTP Error 502.3 - Bad Gateway', 'The request fails after 120 seconds.'].join('\n') }]);
    expect(d.causes[0]!.id).toBe('ancm-request-timeout');
    expect(d.causes[0]!.evidence.map((r) => [r.line, r.clue])).toEqual([
      [2, 'duration.near-120s'],
      [1, 'status.502.3'],
    ]);
  });

  it('are checked on enough real cases to mean something', () => {
    expect(QUOTED.length).toBeGreaterThan(500);
    expect(QUOTED.flatMap((q) => q.cause.evidence).length).toBeGreaterThan(1000);
  });

  it('carry, on every line a clue voted for, the strongest such clue (every corpus case)', () => {
    const wrong = QUOTED.flatMap(({ id, cause, votes }) =>
      cause.evidence.filter((r) => votes.get(r.line)?.clue !== undefined && r.clue !== votes.get(r.line)!.clue).map((r) => `${id} ${cause.id} line ${r.line}: ${r.clue} for ${votes.get(r.line)!.clue}`),
    );
    expect(wrong).toEqual([]);
  });

  it('come strongest vote first (every corpus case)', () => {
    const unordered = QUOTED.filter(({ cause, votes }) => {
      // Lines quoted instead of a header (an event's message for its Event ID line) have no vote of their own.
      const steps = cause.evidence.map((r) => votes.get(r.line)?.step).filter((s): s is number => s !== undefined);
      return steps.some((s, i) => i > 0 && s > steps[i - 1]! + 1e-9);
    });
    expect(unordered.map(({ id, cause }) => `${id} ${cause.id}`)).toEqual([]);
  });

  it('carry a clue on every line of a family-level answer, strongest clue first: it has no matcher (every corpus case)', () => {
    const generic = new Set(CAUSES.filter((c) => c.generic).map((c) => c.id));
    const family = QUOTED.filter(({ cause }) => generic.has(cause.id));
    expect(family.length).toBeGreaterThan(100);
    const broken = family.filter(({ cause }) => {
      const steps = cause.evidence.map((r) => {
        const step = r.clue === undefined ? undefined : FAMILY_CLUES[cause.family][r.clue];
        return step === undefined ? NaN : STEPS[step];
      });
      return steps.some((s, i) => Number.isNaN(s) || (i > 0 && s > steps[i - 1]! + 1e-9));
    });
    expect(broken.map(({ id, cause }) => `${id} ${cause.id}: ${cause.evidence.map((r) => r.clue).join(', ')}`)).toEqual([]);
  });
});
