/**
 * Diagnosis → plain terminal text (the CLI's default and the console's answer). Decides nothing:
 * it lays out what diagnose() returned, best cause first.
 */
import type { Diagnosis, DiagnosedCause } from '../contract';
import { FAMILIES } from '../vocabulary';
import { summarizeInputs, percent, refLine, nothingFound, OTHER_CANDIDATES_SHOWN, maskedNote, houseLabel } from './shared';
import { where } from '../evidence/ref-text';

export interface TextOptions {
  /** The full report: every step, evidence line, candidate and code. The default fits a screen. */
  verbose?: boolean;
  /** How this face asks for the full report, said at the end of a short one. */
  fullReport?: string;
}

/** Lines of a fix's snippet or diff shown in the short report. */
const SHORT_FIX_LINES = 16;
/** Steps shown in the short report, each cut to this many wrapped lines. */
const SHORT_STEPS = 2;
const SHORT_STEP_LINES = 3;

export function renderText(d: Diagnosis, options: TextOptions = {}): string {
  return options.verbose || d.causes.length === 0 ? fullText(d, options) : shortText(d, options);
}

/**
 * What fits one screen: the top cause with its confidence, the decisive lines, the fix; then the
 * first steps, the other candidates and what to paste next, one line each.
 */
function shortText(d: Diagnosis, options: TextOptions): string {
  const [top, ...others] = d.causes as [DiagnosedCause, ...DiagnosedCause[]];
  const out: string[] = [`diag502: read ${summarizeInputs(d)}`];
  if (d.redactions > 0) out.push(`(${maskedNote(d.redactions)})`);
  out.push('', `Most likely: ${top.title}`);
  out.push(`  confidence ${percent(top.confidence)} · ${FAMILIES[top.family]} (${top.family})${d.layer ? ` · answered by ${d.layer.title}` : ''}`);
  if (top.house) out.push(`  from ${houseLabel(top.house)}`);
  for (const ref of top.evidence.slice(0, 2)) out.push(`  ${refLine(ref, 110)}`);
  out.push('', ...wrap(`Fix: ${top.fix.summary}`, 0, 2));
  const body = top.fix.diff ?? top.fix.snippet;
  if (body) {
    const lines = body.replace(/\n$/, '').split('\n');
    if (top.fix.diff) out.push('  Change to your web.config:');
    for (const line of lines.slice(0, SHORT_FIX_LINES)) out.push(`    ${line}`);
    if (lines.length > SHORT_FIX_LINES) out.push(`    ... ${lines.length - SHORT_FIX_LINES} more line(s) in the full report`);
  }
  if (top.steps.length > 0) {
    out.push('', 'Next steps:');
    top.steps.slice(0, SHORT_STEPS).forEach((step, i) => {
      const lines = wrap(`${i + 1}. ${step}`, 2, 5);
      out.push(...lines.slice(0, SHORT_STEP_LINES));
      if (lines.length > SHORT_STEP_LINES) out[out.length - 1] += ' ...';
    });
    if (top.steps.length > SHORT_STEPS) out.push(`  (${top.steps.length - SHORT_STEPS} more in the full report)`);
  }
  const alternatives = others.slice(0, OTHER_CANDIDATES_SHOWN);
  if (alternatives.length > 0) out.push('', ...wrap(`Also possible: ${alternatives.map((c) => `${c.title} (${percent(c.confidence)}${c.house ? `, ${houseLabel(c.house)}` : ''})`).join('; ')}`, 0, 2));
  if (d.missing.length > 0) out.push(...wrap(`Paste next: ${d.missing.slice(0, 3).map((m) => m.what).join('; ')}`, 0, 2));
  const extras = [
    d.findings.length > 0 ? `${d.findings.length} configuration finding${d.findings.length === 1 ? '' : 's'}` : '',
    d.codes.length > 0 ? `${d.codes.length} decoded code${d.codes.length === 1 ? '' : 's'}` : '',
    d.problems.length > 0 ? `${d.problems.length} line${d.problems.length === 1 ? '' : 's'} it could not read` : '',
  ].filter((e) => e.length > 0);
  out.push('', `${options.fullReport ?? 'The full report'}${extras.length > 0 ? ` adds ${extras.join(', ')}, ` : ' adds '}every step and evidence line.`);
  return `${out.join('\n')}\n`;
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

/** Wraps prose at 100 columns with a hanging indent; leaves long tokens (paths, commands) whole. */
function wrap(text: string, indent: number, hanging = indent): string[] {
  const width = 100;
  const words = text.split(' ');
  const lines: string[] = [];
  let current = ' '.repeat(indent);
  for (const word of words) {
    if (current.trim().length > 0 && current.length + word.length + 1 > width) {
      lines.push(current);
      current = ' '.repeat(hanging) + word;
    } else {
      current += (current.trim().length > 0 ? ' ' : '') + word;
    }
  }
  if (current.trim().length > 0) lines.push(current);
  return lines;
}
