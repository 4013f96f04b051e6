/**
 * What the "Show all evidence" and "Show the config change" buttons answer (ephemeral, for the one
 * who pressed): every evidence line of every candidate, and the whole config change. Same limits
 * as any message; what does not fit is cut with a note and attached in full.
 */
import type { KnownBlock } from '@slack/types';
import type { DiagnosedCause, Diagnosis } from '../../contract';
import type { EvidenceRef } from '../../evidence/types';
import { houseLabel, maskedNote, nothingFound, percent, refLine, summarizeInputs } from '../../render/shared';
import { compose, type Part } from './compose';
import { context, header } from './elements';
import { code, markup, prose } from './flow';
import { fixChunks } from './diagnosis-message';
import { clip, escapeText, inlineCode, link } from './mrkdwn';
import { fallback, message, type SlackMessage } from './message';
import { where } from '../../evidence/ref-text';

/** Longest line shown here: more than the diagnosis shows, still one screen wide at most. */
const CODE_LINE = 800;
/** refLine cuts at 200 by default; the details show the line as stored (at most ~300 chars). */
const WHOLE_LINE = 16 * 1024;

function refsText(refs: readonly EvidenceRef[]): string {
  return refs.map((r) => refLine(r, WHOLE_LINE)).join('\n');
}

function causeHeading(c: DiagnosedCause, rank: number): string {
  return `*${rank === 0 ? 'Most likely' : `Candidate ${rank + 1}`}: ${clip(c.title, 200)}* (${percent(c.confidence)}, ${inlineCode(c.id)}${c.house ? `, ${escapeText(houseLabel(c.house))}` : ''})`;
}

function readLine(d: Diagnosis): string[] {
  const out = [`Read ${clip(summarizeInputs(d), 280)}`];
  if (d.redactions > 0) out.push(escapeText(maskedNote(d.redactions)));
  return out;
}

/** Every evidence line behind the diagnosis: each candidate's, the layer's, and what could not be read. */
export function evidenceDetailsMessage(d: Diagnosis): SlackMessage {
  const top = d.causes[0];
  const head: KnownBlock[] = [header(top ? `Evidence: ${top.title}` : 'Evidence read'), context(readLine(d))];
  const parts: Part[] = [];
  if (!top) parts.push({ name: 'what was recognized', priority: 0, cap: 900, chunks: [prose(nothingFound(d))] });
  d.causes.forEach((c, rank) => {
    parts.push({ name: rank === 0 ? 'the top cause’s evidence' : `candidate ${rank + 1}`, priority: rank === 0 ? 0 : rank + 1, cap: rank === 0 ? 5000 : 2000, heading: causeHeading(c, rank), chunks: [code(refsText(c.evidence), CODE_LINE)] });
    if (rank === 0 && d.layer && d.layer.evidence.length > 0) {
      const heading = `*How the layer was identified: ${clip(d.layer.title, 200)}*`;
      parts.push({ name: 'the layer’s evidence', priority: 1, cap: 1200, heading, chunks: [code(refsText(d.layer.evidence), CODE_LINE)] });
    }
  });
  if (d.problems.length > 0) {
    const lines = d.problems.map((p) => `${where(p.source, p.line)}: ${p.message}`);
    parts.push({ name: 'what could not be read', priority: 20, cap: 800, heading: '*Could not read*', chunks: [prose(lines, 300)] });
  }
  const { blocks, overflow } = compose(head, parts, []);
  return message(fallback(top ? `Evidence behind the diagnosis: ${top.title}` : 'No known 502 cause was recognized in this evidence.'), blocks, {
    attach: overflow,
    report: () => ({ filename: 'diag502-evidence.txt', content: evidenceReport(d) }),
  });
}

function evidenceReport(d: Diagnosis): string {
  const out = [`diag502: read ${summarizeInputs(d)}`, ''];
  if (d.causes.length === 0) out.push(...nothingFound(d), '');
  d.causes.forEach((c, rank) => {
    out.push(`${rank === 0 ? 'Most likely' : `Candidate ${rank + 1}`}: ${c.title} [${c.id}, ${percent(c.confidence)}]`, refsText(c.evidence), '');
    if (rank === 0 && d.layer) out.push(`How the layer was identified: ${d.layer.title}`, refsText(d.layer.evidence), '');
  });
  if (d.problems.length > 0) {
    out.push('Could not read:');
    for (const p of d.problems) out.push(`  ${p.source}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The top cause's config change in full (diff and the element as it should read), and the other candidates' fixes. */
export function fixDetailsMessage(d: Diagnosis): SlackMessage {
  const top = d.causes[0];
  if (!top) {
    const { blocks, overflow } = compose(
      [header('No config change to suggest')],
      [{ name: 'the reason', priority: 0, cap: 900, chunks: [prose(['No cause was recognized in this evidence, so there is no change to suggest yet.'])] }],
      [],
    );
    return message(fallback('No cause was recognized, so there is no config change to suggest yet.'), blocks, {
      attach: overflow,
      report: () => ({ filename: 'diag502-config-change.txt', content: fixReport(d) }),
    });
  }
  const head: KnownBlock[] = [header(`Config change: ${top.title}`), context([`For ${inlineCode(top.id)} (${percent(top.confidence)})`, ...readLine(d)])];
  const chunks = fixChunks(top, CODE_LINE);
  if (top.fix.diff && top.fix.snippet) chunks.push(markup(['', 'The element as it should read:']), code(top.fix.snippet, CODE_LINE));
  const parts: Part[] = [{ name: 'the config change', priority: 0, cap: 7000, heading: '*What to change*', chunks }];
  const links = top.references.map(link).filter((l): l is string => l !== undefined).slice(0, 3);
  if (links.length > 0) parts.push({ name: 'references', priority: 1, cap: 800, style: 'context', chunks: [markup([`More: ${links.join(' · ')}`])] });
  const others = d.causes.slice(1);
  if (others.length > 0) {
    const lines = others.map((c) => `• *${clip(c.title, 200)}* (${percent(c.confidence)}): ${clip(c.fix.summary, 400)}`);
    parts.push({ name: 'the other candidates’ fixes', priority: 2, cap: 1500, heading: '*If it is one of the other candidates*', chunks: [markup(lines)] });
  }
  const { blocks, overflow } = compose(head, parts, []);
  return message(fallback(`Config change for ${top.title}: ${top.fix.summary}`), blocks, {
    attach: overflow,
    report: () => ({ filename: 'diag502-config-change.txt', content: fixReport(d) }),
  });
}

function fixReport(d: Diagnosis): string {
  const out: string[] = [];
  d.causes.forEach((c, rank) => {
    out.push(`${rank === 0 ? 'Most likely' : `Candidate ${rank + 1}`}: ${c.title} [${c.id}, ${percent(c.confidence)}]`, `Fix: ${c.fix.summary}`);
    if (c.fix.diff) out.push('Change to your web.config:', c.fix.diff.replace(/\s+$/, ''));
    if (c.fix.snippet) out.push(c.fix.diff ? 'The element as it should read:' : `Example${c.fix.language ? ` (${c.fix.language})` : ''}:`, c.fix.snippet.replace(/\s+$/, ''));
    out.push('');
  });
  if (d.causes.length === 0) out.push('No cause was recognized in this evidence, so there is no change to suggest yet.');
  return `${out.join('\n').trimEnd()}\n`;
}
