/**
 * THE classification module: every face (CLI, console, Slack) calls `diagnose` and nothing else
 * decides about 502s. Pure and synchronous: evidence in, a ranked diagnosis out.
 */
import { EvidenceCollector, type InputOptions } from './evidence/collector';
import type { Evidence, EvidenceKind, EvidenceRef } from './evidence/types';
import type { Signature as Signature } from './evidence/signatures/types';
import { CAUSES } from './causes';
import type { CauseDefinition, CauseMatch } from './causes/define-cause';
import { rank, type RankedHypothesis } from './ranking/rank';
import { STEPS } from './ranking/steps';
import { fillIn, knownValues, type KnownValues } from './advice/fill-in';
import { decisiveRefs } from './evidence/decisive';
import { besideAnswer, calibrate } from './ranking/calibration';
import { verdictOf } from './ranking/verdict';
import { LAYER_TITLES } from './vocabulary';
import { hasKind } from './causes/query';
import { patchAspNetCore } from './advice/patch';
import { productionFindings } from './advice/findings';
import { missingEntry } from './advice/collect';
import { describeStatus } from './evidence/codes';
import { identifyLayer } from './layer';
import { houseSignatures, type HouseRule } from './evidence/house';
import { houseCatalogue } from './causes/support/house-causes';
import { fingerprintClues, fingerprintKey } from './evidence/fingerprint';
import {
  DIAGNOSIS_SCHEMA,
  type DecodedCode,
  type DiagnosedCause,
  type Diagnosis,
  type DiagnosisAnswer,
  type Fingerprint,
  type MissingEvidence,
} from './contract';

export interface EvidenceInput extends InputOptions {
  /** A name for the input: a file name, "paste", "message 3". Evidence lines cite it. */
  source: string;
  text: string;
}

export interface DiagnoseOptions {
  /** The catalogue to use; tests pass a subset. */
  causes?: readonly CauseDefinition[];
  /**
   * A team's house rules, validated at the edge (src/rules/). Their signatures run with the
   * catalogue's, their causes join it; none loaded changes nothing.
   */
  rules?: readonly HouseRule[];
}

/** How many candidates a diagnosis keeps; the renderers show fewer. */
const MAX_CAUSES = 8;
/** Lines quoted per cause, strongest clue first. */
const MAX_REFS = 12;

/** Diagnoses pasted text: the entry point for Slack, the console and tests. */
export function diagnose(inputs: readonly EvidenceInput[], options: DiagnoseOptions = {}): Diagnosis {
  const collector = new EvidenceCollector(houseOptions(options));
  for (const input of inputs) {
    const { source, text, ...readOptions } = input;
    collector.addText(source, text, readOptions);
  }
  return diagnoseEvidence(collector.finish(), options);
}

/** What a collector needs of the options: the house signatures, when rules are loaded. */
export function houseOptions(options: DiagnoseOptions): { house?: readonly Signature[] } {
  return options.rules && options.rules.length > 0 ? { house: houseSignatures(options.rules) } : {};
}

/**
 * Diagnoses already collected evidence (the CLI streams files into a collector first, made with
 * `houseOptions` when it has house rules).
 */
export function diagnoseEvidence(evidence: Evidence, options: DiagnoseOptions = {}): Diagnosis {
  const catalogue = options.causes ?? (options.rules ? houseCatalogue(options.rules) : CAUSES);
  const ranking = rank(evidence, catalogue);
  const { candidates, family: bestFamily, lead, thin } = verdictOf(ranking);
  // When a specific cause leads, its family's own answer ("a startup failure, reason not yet
  // visible") has nothing to add: the family's confidence is the answer's, and the cause's steps
  // say more. Listed, it would also show a higher number than the cause above it.
  const redundant = (h: RankedHypothesis): boolean => lead !== undefined && !lead.cause!.generic && h.cause!.generic === true && h.family === lead.family;
  const kept = (lead ? [lead, ...candidates.filter((h) => h !== lead && !redundant(h))] : candidates).slice(0, MAX_CAUSES);
  const familyPosterior = new Map(ranking.families.map((f) => [f.family, f.posterior]));
  const confidence = confidencesOf(kept, thin ? undefined : lead, familyPosterior);
  const known = knownValues(evidence);
  const causes = kept.map((h, i) => describeCause(h, evidence, confidence[i]!, known));
  const top = kept[0];
  const answer: DiagnosisAnswer =
    !lead || !bestFamily
      ? // Nothing calibrates "unknown" (the corpus has no case without a cause): its posterior is said as is.
        { kind: 'unknown', confidence: Math.round(ranking.unknown * 100) / 100 }
      : { kind: lead.cause!.generic ? 'family' : 'cause', family: lead.family!, confidence: thin ? Math.round(bestFamily.posterior * 100) / 100 : calibrate(bestFamily.posterior, 'family') };
  const topMatch = top ? matchOf(top, evidence) : undefined;
  const diagnosis: Diagnosis = {
    schema: DIAGNOSIS_SCHEMA,
    inputs: evidence.inputs,
    answer,
    // Named only when something in the evidence identifies it (a header, a page, an event), even when
    // no known cause won: "Cloudflare answered 502" is worth saying on its own.
    layer: top && topMatch ? identifyLayer(evidence, topMatch.layer ?? top.cause!.layer, topMatch.evidence, LAYER_TITLES, answer.kind === 'unknown' ? 0 : causes[0]!.confidence) : null,
    causes,
    missing: missingEvidence(evidence, kept),
    codes: decodedCodes(evidence),
    findings: productionFindings(evidence),
    stats: statsOf(evidence),
    redactions: evidence.redactions,
    problems: [...evidence.problems, ...ranking.problems],
    ...(evidence.timeline ? { timeline: evidence.timeline } : {}),
  };
  // A thin answer (hints only, such as a bare "502") would match every other thin one: no memory.
  if (answer.kind !== 'unknown' && !thin && causes[0]) diagnosis.fingerprint = fingerprintOf(causes[0].id, evidence, known);
  return diagnosis;
}

/** The top cause and the incident's key clues (see evidence/fingerprint.ts). */
function fingerprintOf(cause: string, evidence: Evidence, known: KnownValues): Fingerprint {
  const clues = fingerprintClues(evidence);
  const out: Fingerprint = { key: fingerprintKey(cause, clues), cause, ...clues };
  if (known.pool) out.pool = known.pool;
  return out;
}

/**
 * What the cause's steps and fix are tailored from: its own matcher's result when it matched,
 * else the lines of the clues that voted for it (facts are then empty: steps say it generally).
 */
function matchOf(h: RankedHypothesis, evidence: Evidence): CauseMatch {
  return h.match ?? { confidence: h.posterior, evidence: quoted(h, evidence), facts: {} };
}

/**
 * The lines that raised a cause, strongest vote first, each labelled with the clue it counted as.
 * A line its matcher quoted is labelled with the strongest clue the same line raised (a web.config
 * line a matcher read may have none).
 */
function quoted(h: RankedHypothesis, evidence: Evidence): EvidenceRef[] {
  const key = (ref: EvidenceRef): string => `${ref.source}\u0000${ref.line}`;
  const clueOfLine = new Map<string, string>();
  // A line a house rule read stays marked as such even when a stronger built-in clue labels it.
  const houseOfLine = new Map<string, NonNullable<EvidenceRef['house']>>();
  for (const vote of h.votes) {
    if (STEPS[vote.step] <= 0) continue;
    for (const ref of vote.refs) if (ref.house && !houseOfLine.has(key(ref))) houseOfLine.set(key(ref), ref.house);
    if (vote.scope === 'match') continue;
    for (const ref of vote.refs) if (!clueOfLine.has(key(ref))) clueOfLine.set(key(ref), vote.clue);
  }
  const out: EvidenceRef[] = [];
  const seen = new Set<string>();
  for (const vote of h.votes) {
    if (STEPS[vote.step] <= 0) continue;
    for (const ref of vote.refs) {
      const k = key(ref);
      if (seen.has(k)) continue;
      seen.add(k);
      const clue = vote.scope === 'match' ? clueOfLine.get(k) : vote.clue;
      const house = houseOfLine.get(k);
      const labelled = clue === undefined ? ref : { ...ref, clue };
      out.push(house && !labelled.house ? { ...labelled, house } : labelled);
    }
  }
  return decisiveRefs(out, evidence).slice(0, MAX_REFS);
}

/**
 * What each listed answer's confidence says. The answer is calibrated: for a specific cause, that
 * it is the cause; for a family-level answer, which claims only the family, that the family is
 * right. The others share what the answer leaves, in proportion to their posteriors. When no
 * answer was given, or only hints support it, nothing is calibrated: the posteriors are said as
 * they are (weak).
 */
function confidencesOf(kept: readonly RankedHypothesis[], lead: RankedHypothesis | undefined, familyPosterior: ReadonlyMap<string, number>): number[] {
  const round = (p: number): number => Math.round(p * 100) / 100;
  // A family-level answer claims the family: its number is the family's.
  if (!lead) return kept.map((h) => round(h.cause!.generic ? familyPosterior.get(h.family!) ?? h.posterior : h.posterior));
  const leadPosterior = lead.cause!.generic ? familyPosterior.get(lead.family!) ?? lead.posterior : lead.posterior;
  const leadConfidence = calibrate(leadPosterior, lead.cause!.generic ? 'family' : 'cause');
  return kept.map((h) => (h === lead ? leadConfidence : besideAnswer(h.posterior, leadPosterior, leadConfidence)));
}

function describeCause(h: RankedHypothesis, evidence: Evidence, confidence: number, known: KnownValues): DiagnosedCause {
  const cause = h.cause!;
  const match = matchOf(h, evidence);
  const context = { evidence, match, facts: match.facts ?? {} };
  const fix = cause.fix(context);
  const { change, ...shown } = fix;
  shown.summary = fillIn(shown.summary, known);
  if (shown.snippet !== undefined) shown.snippet = fillIn(shown.snippet, known);
  let diff: string | undefined;
  if (change) {
    const config = evidence.webConfigs.find((c) => c.aspNetCore !== undefined);
    const patch = config ? patchAspNetCore(config, change) : undefined;
    if (patch) {
      diff = patch.diff;
      shown.snippet = patch.element;
      shown.language = 'xml';
    }
  }
  const described: DiagnosedCause = {
    id: cause.id,
    family: cause.family,
    title: cause.title,
    confidence,
    evidence: quoted(h, evidence),
    steps: cause.steps(context).map((step) => fillIn(step, known)),
    fix: diff === undefined ? shown : { ...shown, diff },
    references: cause.references,
  };
  // Added only for a team's cause, so built-in answers keep exactly the fields they always had.
  if (cause.house) Object.assign(described, { source: 'house' as const, house: { ...cause.house } });
  return described;
}

/** Below this posterior the best answer is only a weak candidate: ask for the evidence that settles most 502s. */
const WEAK = 0.35;

/**
 * What to collect next. When nothing matched, or the best match is only a weak candidate, the
 * evidence that settles most 502s comes first, in the seed's diagnostic order (exact error, IIS
 * log, headers, events); otherwise the kinds the leading causes want and the paste lacks.
 */
function missingEvidence(evidence: Evidence, ranked: RankedHypothesis[]): MissingEvidence[] {
  const out: MissingEvidence[] = [];
  const seen = new Set<EvidenceKind>();
  const add = (kind: EvidenceKind, why: string): void => {
    if (seen.has(kind) || hasKind(evidence, kind)) return;
    seen.add(kind);
    const entry = missingEntry(kind, why);
    if (entry) out.push(entry);
  };
  const best = ranked[0]?.posterior ?? 0;
  if (best < WEAK) {
    add('error-page', 'The exact error (502.3, 502.5, 500.30, a Cloudflare 52x) narrows the problem to one or two causes.');
    add('iis-log', 'sc-substatus, sc-win32-status and time-taken tell a crash from a timeout from a startup failure.');
    add('headers', 'They tell whether a CDN, a load balancer or IIS answered.');
    add('event-log', 'Crashes, startup failures and app pool recycles are recorded there.');
  }
  const leaders = ranked.filter((r) => r.posterior >= best - 0.25).slice(0, 3);
  for (const { cause } of leaders) {
    for (const kind of cause!.wants) add(kind, `It would confirm or rule out "${cause!.title}".`);
  }
  return out.slice(0, 4);
}

function decodedCodes(evidence: Evidence): DecodedCode[] {
  const out = new Map<string, string>();
  for (const s of evidence.statuses) {
    const code = s.substatus === undefined ? String(s.status) : `${s.status}.${s.substatus}`;
    if (s.status >= 400 && !out.has(code)) out.set(code, describeStatus(s.status, s.substatus));
  }
  for (const c of evidence.codes) if (!out.has(c.code)) out.set(c.code, c.name ? `${c.name}: ${c.meaning}` : c.meaning);
  return [...out].map(([code, meaning]) => ({ code, meaning }));
}

function statsOf(evidence: Evidence): Record<string, unknown> {
  const stats: Record<string, unknown> = {
    lines: evidence.inputs.reduce((n, i) => n + i.lines, 0),
    statuses: evidence.statuses.length,
    codes: evidence.codes.length,
    events: evidence.events.length,
    signals: evidence.signals.length,
  };
  if (evidence.iisLog) stats.iisLog = evidence.iisLog;
  return stats;
}
