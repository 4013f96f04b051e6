/**
 * Diagnosis → plain terminal text (the CLI's default and the console's answer). Decides nothing:
 * it lays out what diagnose() returned, best cause first.
 */
import type { Diagnosis, DiagnosedCause, Finding } from '../contract';
import type { EvidenceRef } from '../evidence/types';
import { FAMILIES } from '../vocabulary';
import { summarizeInputs, percent, refLine, nothingFound, OTHER_CANDIDATES_SHOWN, maskedNote, houseLabel, groupDigits } from './shared';
import { columns, cutToColumns, terminalRows } from './columns';
import { where } from '../evidence/ref-text';

export interface TextOptions {
  /** The full report: every step, evidence line, candidate and code. The default fits a screen. */
  verbose?: boolean;
  /** How this face asks for the full report, said at the end of a short one. */
  fullReport?: string;
}

/**
 * The first screen: an 80-column terminal (the narrowest in use; a wider one wraps less) and 45
 * rows, so that on a 50-row terminal the console's prompt and the line naming the timeline chart
 * still fit under the answer and its top cause does not scroll away. Counted in terminal rows.
 */
const SCREEN_COLUMNS = 80;
const SCREEN_ROWS = 45;

/**
 * How much of each part the short report shows, most generous first: when an answer does not fit
 * the screen, the next layout is tried. Steps, candidates and findings shrink before the fix does.
 */
interface ShortLayout {
  /** Steps shown, and wrapped lines of each. */
  steps: number;
  stepLines: number;
  /** Lines of the fix's snippet or diff. */
  body: number;
  /** Wrapped lines of "Also possible" and of "Paste next" (0: left out). */
  alternatives: number;
  pasteNext: number;
  /** Configuration findings listed, one line each. */
  findings: number;
}

const SHORT_LAYOUTS: readonly ShortLayout[] = [
  { steps: 2, stepLines: 3, body: 16, alternatives: 2, pasteNext: 2, findings: 5 },
  { steps: 2, stepLines: 3, body: 16, alternatives: 1, pasteNext: 1, findings: 3 },
  { steps: 2, stepLines: 2, body: 16, alternatives: 1, pasteNext: 1, findings: 3 },
  { steps: 2, stepLines: 2, body: 16, alternatives: 1, pasteNext: 1, findings: 0 },
  { steps: 1, stepLines: 2, body: 12, alternatives: 1, pasteNext: 1, findings: 0 },
  { steps: 1, stepLines: 2, body: 8, alternatives: 1, pasteNext: 1, findings: 0 },
  { steps: 1, stepLines: 1, body: 6, alternatives: 1, pasteNext: 0, findings: 0 },
  { steps: 0, stepLines: 0, body: 4, alternatives: 1, pasteNext: 0, findings: 0 },
];

export function renderText(d: Diagnosis, options: TextOptions = {}): string {
  return options.verbose || d.causes.length === 0 ? fullText(d, options) : shortText(d, options);
}

/**
 * What fits one screen: the top cause with its confidence, the decisive lines, the fix; then the
 * first steps, the other candidates, what to paste next and the findings, shorter. The first
 * layout that fits the screen is used; the last one is used whatever it takes.
 */
function shortText(d: Diagnosis, options: TextOptions): string {
  let text = '';
  for (const layout of SHORT_LAYOUTS) {
    text = shortTextIn(d, options, layout);
    if (terminalRows(text, SCREEN_COLUMNS) <= SCREEN_ROWS) break;
  }
  return text;
}

function shortTextIn(d: Diagnosis, options: TextOptions, layout: ShortLayout): string {
  const width = SCREEN_COLUMNS;
  const [top, ...others] = d.causes as [DiagnosedCause, ...DiagnosedCause[]];
  const out: string[] = [shortHeader(d, width)];
  out.push('', ...wrap(`Most likely: ${top.title}`, 0, 2, width));
  out.push(...confidenceLines(top, d, width));
  if (top.house) out.push(`  from ${houseLabel(top.house)}`);
  for (const ref of top.evidence.slice(0, 2)) out.push(quoteLine(ref));
  out.push('', ...wrap(`Fix: ${top.fix.summary}`, 0, 2, width));
  const body = top.fix.diff ?? top.fix.snippet;
  if (body) {
    const lines = body.replace(/\n$/, '').split('\n');
    const shown = top.fix.diff ? shortDiff(lines, layout.body) : lines.slice(0, layout.body);
    if (top.fix.diff) out.push('  Change to your web.config:');
    for (const line of shown) out.push(`    ${line}`);
    if (shown.length < lines.length) out.push(`    ... ${lines.length - shown.length} more line(s) in the full report`);
  }
  if (top.steps.length > 0) {
    const steps = top.steps.slice(0, layout.steps);
    out.push('', steps.length > 0 ? 'Next steps:' : `Next steps: ${top.steps.length} in the full report`);
    steps.forEach((step, i) => out.push(...clip(wrap(`${i + 1}. ${step}`, 2, 5, width), layout.stepLines, width)));
    if (steps.length > 0 && top.steps.length > steps.length) out.push(`  (${top.steps.length - steps.length} more in the full report)`);
  }
  const alternatives = others.slice(0, OTHER_CANDIDATES_SHOWN);
  if (alternatives.length > 0 && layout.alternatives > 0) {
    const named = alternatives.map((c) => `${c.title} (${percent(c.confidence)}${c.house ? `, ${houseLabel(c.house)}` : ''})`).join('; ');
    out.push('', ...clip(wrap(`Also possible: ${named}`, 0, 2, width), layout.alternatives, width));
  }
  if (d.missing.length > 0 && layout.pasteNext > 0) {
    out.push(...clip(wrap(`Paste next: ${d.missing.slice(0, 3).map((m) => m.what).join('; ')}`, 0, 2, width), layout.pasteNext, width));
  }
  const findings = [...d.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, layout.findings);
  if (findings.length > 0) {
    out.push('', 'Configuration findings:');
    for (const f of findings) out.push(cutToColumns(`  [${f.severity}] ${f.message}`, width));
  }
  const extras = [
    d.findings.length > 0 ? `${d.findings.length} configuration finding${d.findings.length === 1 ? '' : 's'}` : '',
    d.codes.length > 0 ? `${d.codes.length} decoded code${d.codes.length === 1 ? '' : 's'}` : '',
    d.problems.length > 0 ? `${d.problems.length} line${d.problems.length === 1 ? '' : 's'} it could not read` : '',
  ].filter((e) => e.length > 0);
  out.push('');
  // Said last, beside the line that points to the full report: the first lines are the answer's.
  if (d.redactions > 0) out.push(`(${maskedNote(d.redactions)})`);
  // One line, however long: the faces and their tests find it by its words.
  out.push(`${options.fullReport ?? 'The full report'}${extras.length > 0 ? ` adds ${extras.join(', ')}, ` : ' adds '}every step and evidence line.`);
  return `${out.join('\n')}\n`;
}

/** Characters of a decisive line the short report quotes. */
const QUOTE_MAX = 110;
/** The end of an IIS log row in the default field order: sc-status sc-substatus sc-win32-status time-taken. */
const W3C_VERDICT = / [1-5]\d\d \d{1,3} \d{1,10} \d{1,10}$/;

/**
 * A decisive line cut to QUOTE_MAX characters. An IIS log row is cut in the middle (its user agent,
 * usually), since what it says (the status, sub-status, Win32 code and time taken) is at its end.
 */
function quoteLine(ref: EvidenceRef): string {
  const text = ref.text.trim();
  const verdict = text.length > QUOTE_MAX ? W3C_VERDICT.exec(text)?.[0] : undefined;
  const cut = verdict ? `${text.slice(0, QUOTE_MAX - 1 - verdict.length)}…${verdict}` : text;
  return `  ${refLine({ ...ref, text: cut }, QUOTE_MAX)}`;
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * `diag502: read …` on one row: every input with its kinds and lines when that fits, else the
 * names with the total of lines, else how many inputs of which kinds (the full report says all).
 */
function shortHeader(d: Diagnosis, width: number): string {
  const full = `diag502: read ${summarizeInputs(d)}`;
  if (columns(full) <= width || d.inputs.length < 2) return cutToColumns(full, width);
  const names = d.inputs.map((i) => i.source);
  const lines = groupDigits(d.inputs.reduce((n, i) => n + i.lines, 0));
  const named = `diag502: read ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} (${lines} lines)`;
  if (columns(named) <= width) return named;
  const kinds = [...new Set(d.inputs.flatMap((i) => i.kinds))];
  return cutToColumns(`diag502: read ${d.inputs.length} inputs (${kinds.length > 0 ? `${kinds.join(', ')}; ` : ''}${lines} lines)`, width);
}

/**
 * `confidence 80% · <family> (<id>) · answered by <layer>`, wrapped at `width`; who answered is
 * kept whole, on a row of its own starting with the separator when it does not fit after the rest.
 */
function confidenceLines(top: DiagnosedCause, d: Diagnosis, width: number): string[] {
  const lines = wrap(`confidence ${percent(top.confidence)} · ${FAMILIES[top.family]} (${top.family})`, 2, 2, width);
  if (!d.layer) return lines;
  const layer = `answered by ${d.layer.title}`;
  const end = lines[lines.length - 1]!;
  if (columns(`${end} · ${layer}`) <= width) lines[lines.length - 1] = `${end} · ${layer}`;
  else lines.push(`  · ${layer}`);
  return lines;
}

/** The first `max` lines, the last one ending in ` ...` when some were left out. */
function clip(lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (columns(last) + 4 > width && last.trimStart().includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
  kept[max - 1] = `${last} ...`;
  return kept;
}

/**
 * A diff cut to `max` lines keeps what it is about: the file and hunk headers and the changed
 * lines, then as much context as fits, nearest to a change first. The full report has all of it.
 */
function shortDiff(lines: readonly string[], max: number): string[] {
  if (lines.length <= max) return [...lines];
  const isHeader = (l: string): boolean => l.startsWith('--- ') || l.startsWith('+++ ') || l.startsWith('@@');
  const isChange = (l: string): boolean => !isHeader(l) && (l.startsWith('+') || l.startsWith('-'));
  const changes = lines.flatMap((l, i) => (isChange(l) ? [i] : []));
  const distance = (i: number): number => (isHeader(lines[i]!) || isChange(lines[i]!) ? -1 : Math.min(...changes.map((c) => Math.abs(c - i))));
  const keep = lines
    .map((_, i) => i)
    .sort((a, b) => distance(a) - distance(b) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
  return keep.map((i) => lines[i]!);
}

function fullText(d: Diagnosis, options: TextOptions): string {
  const out: string[] = [];
  out.push(`diag502: read ${summarizeInputs(d)}`);
  if (d.redactions > 0) out.push(`(${maskedNote(d.redactions)})`);
  out.push('');

  const [top, ...others] = d.causes;
  if (!top) {
    out.push(...nothingFound(d));
  } else {
    out.push(...causeBlock(top, d, options));
    if (others.length > 0) {
      out.push('', 'Other candidates:');
      for (const c of others.slice(0, OTHER_CANDIDATES_SHOWN)) {
        const first = c.evidence[0];
        out.push(`  - ${c.title} [${c.id}, ${percent(c.confidence)}${c.house ? `, ${houseLabel(c.house)}` : ''}]${first ? `  (${where(first.source, first.line)})` : ''}`);
      }
    }
  }

  if (d.missing.length > 0) {
    out.push('', top ? 'What to paste next:' : 'Evidence that would help:');
    for (const m of d.missing) {
      out.push(`  - ${m.what}: ${m.why}`);
      out.push(...wrap(m.how, 6));
    }
  }
  if (d.codes.length > 0) {
    out.push('', 'Decoded codes:');
    const width = Math.min(14, Math.max(...d.codes.map((c) => c.code.length)));
    for (const c of d.codes) out.push(`  ${c.code.padEnd(width)}  ${c.meaning}`);
  }
  if (d.findings.length > 0) {
    out.push('', 'Configuration findings:');
    for (const f of d.findings) {
      const at = f.evidence[0] ? ` (${where(f.evidence[0].source, f.evidence[0].line)})` : '';
      out.push(`  [${f.severity}] ${f.message}${at}`);
    }
  }
  if (d.problems.length > 0) {
    out.push('', 'Could not read:');
    for (const p of d.problems.slice(0, 10)) out.push(`  - ${where(p.source, p.line)}: ${p.message}`);
    if (d.problems.length > 10) out.push(`  ... and ${d.problems.length - 10} more`);
  }
  return `${out.join('\n')}\n`;
}

function causeBlock(c: DiagnosedCause, d: Diagnosis, options: TextOptions): string[] {
  const out: string[] = [];
  out.push(`Most likely: ${c.title}`);
  out.push(`  confidence ${percent(c.confidence)} · ${FAMILIES[c.family]} (${c.family})`);
  if (c.house) out.push(`  from ${houseLabel(c.house)}`);
  if (d.layer) out.push(`  answered by: ${d.layer.title}`);
  out.push('', 'Evidence:');
  const shown = options.verbose ? c.evidence : c.evidence.slice(0, 6);
  for (const ref of shown) out.push(`  ${refLine(ref)}`);
  if (shown.length < c.evidence.length) out.push(`  ... ${c.evidence.length - shown.length} more line(s) (--verbose shows all)`);
  out.push('', 'Next steps:');
  c.steps.forEach((step, i) => out.push(...wrap(`${i + 1}. ${step}`, 2, 5)));
  out.push('', `Fix: ${c.fix.summary}`);
  const body = c.fix.diff ?? c.fix.snippet;
  if (body) {
    out.push(c.fix.diff ? '  Change to your web.config:' : '');
    for (const line of body.replace(/\n$/, '').split('\n')) out.push(`    ${line}`);
  }
  if (c.references.length > 0) out.push('', `More: ${c.references.slice(0, 2).join('  ')}`);
  return out;
}

/** Wraps prose (at 100 columns unless told) with a hanging indent; leaves long tokens (paths, commands) whole. */
function wrap(text: string, indent: number, hanging = indent, width = 100): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let current = ' '.repeat(indent);
  for (const word of words) {
    if (current.trim().length > 0 && columns(current) + columns(word) + 1 > width) {
      lines.push(current);
      current = ' '.repeat(hanging) + word;
    } else {
      current += (current.trim().length > 0 ? ' ' : '') + word;
    }
  }
  if (current.trim().length > 0) lines.push(current);
  return lines;
}
