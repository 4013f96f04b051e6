/**
 * A diagnosis as a Slack message: the top cause in the header; confidence, family and layer
 * underneath; what changed since the last answer in the thread; the evidence lines; the steps; the
 * config change; what to paste next; the other candidates and decoded codes; the buttons. Lays out
 * what diagnose() decided and decides nothing.
 */
import type { KnownBlock } from '@slack/types';
import type { Diagnosis, DiagnosedCause } from '../../contract';
import type { DiagnosisChange } from '../../conversation/change';
import type { Recalled } from '../../conversation/replies';
import { FAMILIES } from '../../vocabulary';
import { houseLabel, maskedNote, nothingFound, OTHER_CANDIDATES_SHOWN, percent, refLine, summarizeInputs } from '../../render/shared';
import { renderText } from '../../render/text';
import { describeChange } from '../../render/reply-text';
import { formatBytes, LIMITS } from '../../evidence/limits';
import { compose, type Part } from './compose';
import { context, divider, header, section } from './elements';
import { code, markup, prose } from './flow';
import { diagnosisActions } from './actions';
import { clip, escapeText, inlineCode, labelledLink, link, mention, slackDate } from './mrkdwn';
import { diagnosisMetadata, fallback, message, type DiagnosisSlackMessage, type Overflow } from './message';
import { where } from '../../evidence/ref-text';

export interface DiagnosisMessageOptions {
  /** What changed since the thread's previous diagnosis; nothing is said when it is the first. */
  change?: DiagnosisChange;
  /** The Slack user id of whoever asked (slash command, mention, shortcut). */
  askedBy?: string;
  /** The redacted text the bot read, shown so people can see what was (and was not) read. */
  evidencePreview?: string;
  /** The thread to answer in. */
  threadTs?: string;
  /** The paste was over the size cap and only its start was read. */
  truncated?: boolean;
  /** What the team's memory recalls about this incident: said before anything else. */
  memory?: Recalled;
}

/** Header, facts line and parts of a diagnosis, before they are fitted into Slack's limits. */
interface DiagnosisLayout {
  head: KnownBlock[];
  parts: Part[];
  tail: KnownBlock[];
  text: string;
}

/**
 * Room and rank of each part: the evidence and the steps are what people act on. `cap` is the room
 * while others still need some; `maxCap` the most with room to spare. The buttons show the rest.
 */
const PARTS = {
  evidence: { priority: 1, cap: 2200, maxCap: 3000 },
  steps: { priority: 2, cap: 2600, maxCap: 3000 },
  fix: { priority: 3, cap: 2200, maxCap: 3000 },
  change: { priority: 4, cap: 900, maxCap: 1200 },
  missing: { priority: 5, cap: 1200, maxCap: 2500 },
  others: { priority: 6, cap: 600, maxCap: 600 },
  codes: { priority: 7, cap: 700, maxCap: 1500 },
  findings: { priority: 8, cap: 500, maxCap: 1200 },
  preview: { priority: 9, cap: 900, maxCap: 900 },
  references: { priority: 10, cap: 800, maxCap: 800 },
} as const;

/** Longest line of a code block in the message; the attached file has them whole. */
const CODE_LINE = 400;

/** The whole diagnosis as one Slack message, within Block Kit's limits, with its metadata. */
export function diagnosisMessage(d: Diagnosis, options: DiagnosisMessageOptions = {}): DiagnosisSlackMessage {
  const layout = diagnosisLayout(d, options);
  const { blocks, overflow } = compose(layout.head, layout.parts, layout.tail);
  return message(layout.text, blocks, {
    attach: overflow,
    report: () => diagnosisReport(d, options.evidencePreview),
    metadata: diagnosisMetadata(d),
    threadTs: options.threadTs,
  }) as DiagnosisSlackMessage;
}

/** The full plain-text report (every evidence line), plus what was read, for the attached file. */
export function diagnosisReport(d: Diagnosis, evidencePreview?: string): Overflow {
  const read = evidencePreview ? `\nWhat diag502 read (${maskedNote(d.redactions)}):\n\n${evidencePreview.replace(/\s+$/, '')}\n` : '';
  return { filename: 'diag502-report.txt', content: `${renderText(d, { verbose: true })}${read}` };
}

export function diagnosisLayout(d: Diagnosis, options: DiagnosisMessageOptions): DiagnosisLayout {
  const top = d.causes[0];
  const head: KnownBlock[] = [...memoryBlocks(options.memory), header(top ? top.title : 'No known 502 cause recognized'), context(facts(d, top, options))];
  if (options.truncated) {
    const cap = formatBytes(LIMITS.maxPasteBytes);
    head.push(context([`The message was longer than ${cap}: only its first ${cap} were read.`]));
  }
  const actionBlock = diagnosisActions(d);
  const tail: KnownBlock[] = actionBlock ? [divider(), actionBlock] : [];
  const parts = top ? causeParts(d, top, options.change) : nothingParts(d);
  parts.push(...sharedParts(d, top !== undefined, options.evidencePreview));
  const seen = options.memory?.confirmed ? 'Seen before. ' : options.memory?.wrong ? 'Marked wrong before. ' : '';
  return { head, parts, tail, text: `${seen}${fallbackText(d, top, options.change)}` };
}

/**
 * The team's memory, first: when this incident was confirmed before (the thread, what fixed it, in
 * the team's own words, escaped like any user text), and a warning when this diagnosis was marked
 * wrong.
 */
export function memoryBlocks(recalled: Recalled | undefined): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const confirmed = recalled?.confirmed;
  if (confirmed) {
    const thread = confirmed.link ? labelledLink(confirmed.link, 'thread') : undefined;
    const where = thread ? ` (${thread})` : ` (memory entry ${inlineCode(confirmed.id)})`;
    const fixed = confirmed.fixedBy ? ` What fixed it: “${clip(confirmed.fixedBy, 1200)}”.` : '';
    blocks.push(section(`:bulb: *Seen before:* on ${slackDate(confirmed.at)} the team confirmed *${clip(confirmed.title, 200)}*${where}.${fixed}`));
  }
  const wrong = recalled?.wrong;
  if (wrong) {
    const thread = wrong.link ? labelledLink(wrong.link, 'thread') : undefined;
    blocks.push(section(`:warning: Last time this diagnosis was marked wrong (by ${mention(wrong.by)} on ${slackDate(wrong.at)}${thread ? `, ${thread}` : ''}).`));
  }
  return blocks;
}

/** Confidence, family, layer, who asked, what was read: one grey line of facts. */
function facts(d: Diagnosis, top: DiagnosedCause | undefined, options: DiagnosisMessageOptions): string[] {
  const out: string[] = [];
  if (top) {
    out.push(`Confidence *${percent(top.confidence)}*`);
    out.push(`${escapeText(FAMILIES[top.family] ?? top.family)} (${inlineCode(top.family)})`);
    // The team's rule text is trusted configuration, still escaped like anything shown in Slack.
    if (top.house) out.push(`From ${escapeText(houseLabel(top.house))}`);
    out.push(d.layer ? `Answered by: *${escapeText(d.layer.title)}*` : 'Layer: not identified from this evidence');
  }
  if (options.askedBy) out.push(`Asked by ${mention(options.askedBy)}`);
  out.push(`Read ${clip(summarizeInputs(d), 280)}`);
  if (d.redactions > 0) out.push(escapeText(maskedNote(d.redactions)));
  return out;
}

function fallbackText(d: Diagnosis, top: DiagnosedCause | undefined, change: DiagnosisChange | undefined): string {
  if (!top) return fallback(nothingFound(d)[0]!);
  const label = change && !change.first ? 'Updated 502 diagnosis' : '502 diagnosis';
  const layer = d.layer ? `; answered by ${d.layer.title}` : '';
  return fallback(`${label}: ${top.title} (${percent(top.confidence)} confidence${layer})`);
}

function causeParts(d: Diagnosis, top: DiagnosedCause, change: DiagnosisChange | undefined): Part[] {
  const parts: Part[] = [];
  const changed = change ? describeChange(change) : [];
  if (changed.length > 0) {
    parts.push({ name: 'what changed', ...PARTS.change, heading: '*What changed*', chunks: [prose(changed.map((l) => `• ${l}`))] });
  }
  parts.push({ name: 'evidence', ...PARTS.evidence, heading: '*Evidence*', rest: '*Show all evidence* lists them all', chunks: [code(top.evidence.map((r) => refLine(r)).join('\n'), CODE_LINE)] });
  if (top.steps.length > 0) {
    parts.push({ name: 'steps', ...PARTS.steps, heading: '*Next steps*', chunks: [prose(top.steps.map((s, i) => `${i + 1}. ${s}`))] });
  }
  parts.push({ name: 'config change', ...PARTS.fix, heading: '*The config change*', chunks: fixChunks(top) });
  const others = d.causes.slice(1, 1 + OTHER_CANDIDATES_SHOWN);
  if (others.length > 0) {
    const lines = others.map((c) => `• ${clip(c.title, 200)} (${inlineCode(c.id)}, ${percent(c.confidence)}${c.house ? `, ${escapeText(houseLabel(c.house))}` : ''})`);
    parts.push({ name: 'other candidates', ...PARTS.others, heading: '*Other candidates*', chunks: [markup(lines)] });
  }
  const links = top.references.map(link).filter((l): l is string => l !== undefined).slice(0, 2);
  if (links.length > 0) parts.push({ name: 'references', ...PARTS.references, style: 'context', chunks: [markup([`More: ${links.join(' · ')}`])] });
  return parts;
}

/** The fix: its summary, then the diff of the user's own web.config or an example snippet. */
export function fixChunks(cause: DiagnosedCause, maxLine = CODE_LINE): ReturnType<typeof code>[] {
  const chunks = [prose([cause.fix.summary])];
  if (cause.fix.diff) chunks.push(markup(['Change to your web.config:']), code(cause.fix.diff, maxLine));
  else if (cause.fix.snippet) {
    const language = cause.fix.language && cause.fix.language !== 'text' ? ` (${cause.fix.language})` : '';
    chunks.push(markup([`Example${language}:`]), code(cause.fix.snippet, maxLine));
  }
  return chunks;
}

/** The honest answer when nothing matched: no guess, just what was read. */
function nothingParts(d: Diagnosis): Part[] {
  return [{ name: 'what was recognized', priority: 0, cap: 900, chunks: [prose(nothingFound(d))] }];
}

/** What to paste next, decoded codes, findings and what was read: with or without a cause. */
function sharedParts(d: Diagnosis, hasCause: boolean, evidencePreview: string | undefined): Part[] {
  const parts: Part[] = [];
  if (d.missing.length > 0) {
    const lines = d.missing.flatMap((m) => [`• *${clip(m.what, 200)}*: ${clip(m.why, 400)}`, `    ${clip(m.how, 600)}`]);
    const heading = hasCause ? '*What to paste next*' : '*Evidence that would help*';
    parts.push({ name: 'what to paste next', ...PARTS.missing, heading, chunks: [markup(lines)] });
  }
  if (d.codes.length > 0) {
    const lines = d.codes.map((c) => `• ${inlineCode(c.code, 42)} ${clip(c.meaning, 200)}`);
    parts.push({ name: 'decoded codes', ...PARTS.codes, heading: '*Decoded codes*', chunks: [markup(lines)] });
  }
  if (d.findings.length > 0) {
    const lines = d.findings.map((f) => {
      const at = f.evidence[0] ? ` (${clip(where(f.evidence[0].source, f.evidence[0].line), 80)})` : '';
      return `• *${f.severity}*: ${clip(f.message, 300)}${at}`;
    });
    parts.push({ name: 'configuration findings', ...PARTS.findings, heading: '*Configuration findings*', chunks: [markup(lines)] });
  }
  if (evidencePreview && evidencePreview.trim().length > 0) {
    parts.push({ name: 'what I read', ...PARTS.preview, heading: '*What I read* _(values that look like secrets are masked)_', rest: 'all of it was read', chunks: [code(evidencePreview, 300)] });
  }
  return parts;
}
