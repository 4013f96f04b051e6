/**
 * THE classification module: every face (CLI, console, Slack) calls `diagnose` and nothing else
 * decides about 502s. Pure and synchronous: evidence in, a ranked diagnosis out.
 */
import { EvidenceCollector, type InputOptions } from './evidence/collector';
import type { Evidence, EvidenceKind, EvidenceRef } from './evidence/types';
import { CAUSES } from './causes';
import type { CauseDefinition, CauseMatch } from './causes/define-cause';
import { LAYER_TITLES } from './causes/families';
import { hasKind } from './causes/query';
import { CONFIDENCE } from './causes/confidence';
import { patchAspNetCore } from './advice/patch';
import { productionFindings } from './advice/production-findings';
import { missingEntry } from './advice/collect';
import { describeStatus } from './evidence/codes';
import { identifyLayer } from './layer';
import {
  DIAGNOSIS_SCHEMA,
  type DecodedCode,
  type DiagnosedCause,
  type Diagnosis,
  type MissingEvidence,
} from './diagnosis';

export interface EvidenceInput extends InputOptions {
  /** A name for the input: a file name, "paste", "message 3". Evidence lines cite it. */
  source: string;
  text: string;
}

export interface DiagnoseOptions {
  /** The catalogue to use; tests pass a subset. */
  causes?: readonly CauseDefinition[];
}

/** Below this a match is noise, not a candidate worth showing. */
const MIN_CONFIDENCE = 0.05;
/** How many candidates a diagnosis keeps; the renderers show fewer. */
const MAX_CAUSES = 8;

/** Diagnoses pasted text: the entry point for Slack, the console and tests. */
export function diagnose(inputs: readonly EvidenceInput[], options: DiagnoseOptions = {}): Diagnosis {
  const collector = new EvidenceCollector();
  for (const input of inputs) {
    const { source, text, ...readOptions } = input;
    collector.addText(source, text, readOptions);
  }
  return diagnoseEvidence(collector.finish(), options);
}

interface Ranked {
  cause: CauseDefinition;
  match: CauseMatch;
  order: number;
}

/** Diagnoses already collected evidence (the CLI streams files into a collector first). */
export function diagnoseEvidence(evidence: Evidence, options: DiagnoseOptions = {}): Diagnosis {
  const catalogue = options.causes ?? CAUSES;
  const problems = [...evidence.problems];
  const ranked: Ranked[] = [];
  catalogue.forEach((cause, order) => {
    let match: CauseMatch | undefined;
    try {
      match = cause.match(evidence);
    } catch (error) {
      // One broken matcher must not take the diagnosis down; say so and go on.
      problems.push({ source: 'diag502', message: `Cause ${cause.id} failed to evaluate: ${(error as Error).message}` });
      return;
    }
    if (match && match.confidence >= MIN_CONFIDENCE && match.evidence.length > 0) ranked.push({ cause, match, order });
  });
  ranked.sort((a, b) => b.match.confidence - a.match.confidence || a.order - b.order);
  const kept = ranked.slice(0, MAX_CAUSES);

  const causes = kept.map((r) => describeCause(r, evidence));
  const top = kept[0];
  return {
    schema: DIAGNOSIS_SCHEMA,
    inputs: evidence.inputs,
    layer: top ? identifyLayer(evidence, top.match.layer ?? top.cause.layer, top.match.evidence, LAYER_TITLES, top.match.confidence) : null,
    causes,
    missing: missingEvidence(evidence, kept),
    codes: decodedCodes(evidence),
    findings: productionFindings(evidence),
    stats: statsOf(evidence),
    redactions: evidence.redactions,
    problems,
  };
}

function describeCause({ cause, match }: Ranked, evidence: Evidence): DiagnosedCause {
  const context = { evidence, match, facts: match.facts ?? {} };
  const fix = cause.fix(context);
  const { change, ...shown } = fix;
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
  return {
    id: cause.id,
    family: cause.family,
    title: cause.title,
    confidence: Math.round(match.confidence * 100) / 100,
    evidence: dedupeRefs(match.evidence),
    steps: cause.steps(context),
    fix: diff === undefined ? shown : { ...shown, diff },
    references: cause.references,
  };
}

function dedupeRefs(refs: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.source}\u0000${r.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What to collect next. When nothing matched, or the best match is only a weak candidate, the
 * evidence that settles most 502s comes first, in the seed's diagnostic order (exact error, IIS
 * log, headers, events); otherwise the kinds the leading causes want and the paste lacks.
 */
function missingEvidence(evidence: Evidence, ranked: Ranked[]): MissingEvidence[] {
  const out: MissingEvidence[] = [];
  const seen = new Set<EvidenceKind>();
  const add = (kind: EvidenceKind, why: string): void => {
    if (seen.has(kind) || hasKind(evidence, kind)) return;
    seen.add(kind);
    const entry = missingEntry(kind, why);
    if (entry) out.push(entry);
  };
  const best = ranked[0]?.match.confidence ?? 0;
  if (best < CONFIDENCE.possible) {
    add('error-page', 'The exact error (502.3, 502.5, 500.30, a Cloudflare 52x) narrows the problem to one or two causes.');
    add('iis-log', 'sc-substatus, sc-win32-status and time-taken tell a crash from a timeout from a startup failure.');
    add('headers', 'They tell whether a CDN, a load balancer or IIS answered.');
    add('event-log', 'Crashes, startup failures and app pool recycles are recorded there.');
  }
  const leaders = ranked.filter((r) => r.match.confidence >= best - 0.25).slice(0, 3);
  for (const { cause } of leaders) {
    for (const kind of cause.wants) add(kind, `It would confirm or rule out "${cause.title}".`);
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
