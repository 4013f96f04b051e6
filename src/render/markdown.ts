/**
 * Diagnosis → GitHub-flavoured Markdown, for incident tickets and post-mortems.
 */
import type { Diagnosis } from '../contract';
import { FAMILIES } from '../vocabulary';
import { maskedNote, summarizeInputs, percent, nothingFound, OTHER_CANDIDATES_SHOWN, houseLabel } from './shared';
import { where } from '../evidence/ref-text';

/** Escapes text for a Markdown table cell or inline context. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A code fence that cannot be closed by the content it wraps. */
function fence(body: string, language = ''): string[] {
  let ticks = '```';
  while (body.includes(ticks)) ticks += '`';
  return [`${ticks}${language}`, body.replace(/\n$/, ''), ticks];
}

export function renderMarkdown(d: Diagnosis): string {
  const out: string[] = [];
  const [top, ...others] = d.causes;
  out.push(`# 502 diagnosis: ${top ? cell(top.title) : 'no cause recognized'}`, '');
  out.push(`Read ${summarizeInputs(d)}.${d.redactions > 0 ? ` ${maskedNote(d.redactions)}.` : ''}`, '');
  if (!top) {
    out.push(...nothingFound(d), '');
  } else {
    out.push(`**Confidence:** ${percent(top.confidence)} · **Family:** ${FAMILIES[top.family]} (\`${top.family}\`)`);
    if (top.house) out.push(`**From:** ${cell(houseLabel(top.house))}`);
    if (d.layer) out.push(`**Layer that answered:** ${d.layer.title}`);
    out.push('', '## Evidence', '');
    out.push(...fence(top.evidence.map((r) => `${where(r.source, r.line)}  ${r.text.trim()}${r.house ? `  [${houseLabel(r.house)}]` : ''}`).join('\n'), 'text'), '');
    out.push('## Next steps', '');
    top.steps.forEach((s, i) => out.push(`${i + 1}. ${s}`));
    out.push('', '## Fix', '', top.fix.summary, '');
    if (top.fix.diff) out.push(...fence(top.fix.diff, 'diff'), '');
    else if (top.fix.snippet) out.push(...fence(top.fix.snippet, top.fix.language ?? ''), '');
    if (top.references.length > 0) out.push('References: ' + top.references.map((r) => `<${r}>`).join(', '), '');
    if (others.length > 0) {
      out.push('## Other candidates', '', '| cause | family | confidence |', '|---|---|---|');
      for (const c of others.slice(0, OTHER_CANDIDATES_SHOWN)) out.push(`| ${cell(c.title)} (\`${c.id}\`${c.house ? `, ${cell(houseLabel(c.house))}` : ''}) | ${c.family} | ${percent(c.confidence)} |`);
      out.push('');
    }
  }
  if (d.missing.length > 0) {
    out.push(top ? '## What to paste next' : '## Evidence that would help', '');
    for (const m of d.missing) out.push(`- **${cell(m.what)}**: ${m.why} ${m.how}`);
    out.push('');
  }
  if (d.codes.length > 0) {
    out.push('## Decoded codes', '', '| code | meaning |', '|---|---|');
    for (const c of d.codes) out.push(`| \`${cell(c.code)}\` | ${cell(c.meaning)} |`);
    out.push('');
  }
  if (d.findings.length > 0) {
    out.push('## Configuration findings', '');
    for (const f of d.findings) out.push(`- **${f.severity}**: ${f.message}`);
    out.push('');
  }
  if (d.problems.length > 0) {
    out.push('## Could not read', '');
    for (const p of d.problems.slice(0, 10)) out.push(`- ${where(p.source, p.line)}: ${p.message}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
