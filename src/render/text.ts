/**
 * Diagnosis → plain terminal text (the CLI's default and the console's answer). Decides nothing:
 * it lays out what diagnose() returned, best cause first.
 */
import type { Diagnosis, DiagnosedCause } from '../contract';
import { FAMILIES } from '../vocabulary';
import { summarizeInputs, percent, refLine, nothingFound, OTHER_CANDIDATES_SHOWN, maskedNote } from './shared';

interface TextOptions {
  /** Show every evidence line instead of the first few. */
  verbose?: boolean;
}

export function renderText(d: Diagnosis, options: TextOptions = {}): string {
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
        out.push(`  - ${c.title} [${c.id}, ${percent(c.confidence)}]${first ? `  (${first.source}:${first.line})` : ''}`);
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
      const at = f.evidence[0] ? ` (${f.evidence[0].source}:${f.evidence[0].line})` : '';
      out.push(`  [${f.severity}] ${f.message}${at}`);
    }
  }
  if (d.problems.length > 0) {
    out.push('', 'Could not read:');
    for (const p of d.problems.slice(0, 10)) out.push(`  - ${p.source}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    if (d.problems.length > 10) out.push(`  ... and ${d.problems.length - 10} more`);
  }
  return `${out.join('\n')}\n`;
}

function causeBlock(c: DiagnosedCause, d: Diagnosis, options: TextOptions): string[] {
  const out: string[] = [];
  out.push(`Most likely: ${c.title}`);
  out.push(`  confidence ${percent(c.confidence)} · ${FAMILIES[c.family]} (${c.family})`);
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
