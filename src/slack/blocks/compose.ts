/**
 * Lays a message out within Slack's limits. A message is fixed blocks at the top (header,
 * context), parts in the middle (evidence, steps, ...), fixed blocks at the bottom (buttons). Each
 * part has a cap and a priority: when the whole message would be too long, the parts that matter
 * most keep their room and the others are cut at a line boundary, with a note pointing to the
 * attached file, or left out and named in a note. The caller attaches the file when `overflow` is
 * true: only when Block Kit really had no room. A part cut at its own cap while the message had room
 * (a preview stays a preview) says where the rest is instead (a button), and nothing is uploaded.
 */
import type { KnownBlock } from '@slack/types';
import { BUDGET, SLACK_LIMITS } from './limits';
import { blocksTextLength, context, section } from './elements';
import { flow, type Chunk } from './flow';
import { clip } from './mrkdwn';

export interface Part {
  /** What the part is, for the note that names left-out parts ("decoded codes"). */
  name: string;
  /** Lower keeps its room first when the message runs short. */
  priority: number;
  /** Characters of text this part may use while the other parts still need room. */
  cap: number;
  /** Most it may ever use, even when the message has room to spare (a preview stays a preview). */
  maxCap?: number;
  /** First line of the part's first section, mrkdwn-safe (usually `*Evidence*`). */
  heading?: string;
  chunks: Chunk[];
  /**
   * Blocks laid as they are instead of `chunks` (a second header inside a summary). They must be
   * within the per-block limits already (elements.ts builds them so); they are never cut.
   */
  fixed?: KnownBlock[];
  /** `context` shows the part as one small grey line instead of sections. */
  style?: 'section' | 'context';
  /** Where the rest is when the part is cut at its own cap, e.g. "*Show all evidence* lists them all". */
  rest?: string;
}

interface Composition {
  blocks: KnownBlock[];
  /** Something was cut, shortened or left out. */
  cut: boolean;
  /** Block Kit had no room for everything: the full text belongs in an attached file. */
  overflow: boolean;
}

const ATTACHED = 'see the attached file';

interface Laid {
  blocks: KnownBlock[];
  used: number;
  cut: boolean;
  /** Cut because the message had no more room (not at the part's own cap): the file has the rest. */
  squeezed: boolean;
}

/**
 * Lays out one part within `allowance` characters (and its `cap`), or returns undefined when it
 * does not fit. `squeezed` says the allowance, not the cap, was what cut it.
 */
function layPart(part: Part, allowance: number, cap = part.cap): Laid | undefined {
  if (part.fixed) return { blocks: part.fixed, used: blocksTextLength(part.fixed), cut: false, squeezed: false };
  const max = Math.min(cap, allowance);
  if (max < BUDGET.minPart) return undefined;
  const shortened = part.chunks.reduce((n, c) => n + c.shortened, 0);
  let result = flow(part.chunks, part.heading, max, SLACK_LIMITS.sectionText);
  // Cut: lay out again with room kept for the note that says so.
  if (result.omitted > 0 || shortened > 0) result = flow(part.chunks, part.heading, max - BUDGET.note, SLACK_LIMITS.sectionText);
  if (result.texts.length === 0) return undefined;
  const blocks: KnownBlock[] = part.style === 'context' ? [context(result.texts)] : result.texts.map(section);
  let used = result.used;
  const cut = result.omitted > 0 || shortened > 0;
  // Shortened long lines are only ever whole in the file; omitted lines of a capped part are elsewhere.
  const squeezed = cut && (allowance < cap || shortened > 0 || part.rest === undefined);
  if (cut) {
    const where = squeezed ? ATTACHED : part.rest!;
    const note =
      result.omitted > 0
        ? `_… ${result.omitted.toLocaleString('en-US')} more line${result.omitted === 1 ? '' : 's'}: ${where}_`
        : `_Long lines were shortened: ${where}_`;
    blocks.push(context([note]));
    used += note.length;
  }
  return { blocks, used, cut, squeezed };
}

/** Composes head, parts (in their order) and tail into at most 50 blocks and the text budget. */
export function compose(head: readonly KnownBlock[], parts: readonly Part[], tail: readonly KnownBlock[], budget: number = BUDGET.blocksText): Composition {
  const fixed = blocksTextLength([...head, ...tail]);
  const dropped = new Set<Part>();
  for (;;) {
    const active = parts.filter((p) => !dropped.has(p));
    // Fixed parts are placed first: they are small and the message makes no sense without them.
    const rank = (p: Part): number => (p.fixed ? -Infinity : p.priority);
    const byPriority = active.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
    let remaining = budget - fixed - BUDGET.leftOutNote;
    const laid = new Map<Part, Laid>();
    for (const { p } of byPriority) {
      const result = layPart(p, remaining);
      if (!result) continue;
      laid.set(p, result);
      remaining -= result.used;
    }
    // Caps keep one long part from crowding out the others; room they left unused goes to the
    // parts that were cut or left out, most important first, so short messages are not cut at all.
    for (const { p } of byPriority) {
      const before = laid.get(p);
      if (p.fixed || (before && !before.cut)) continue;
      if (remaining < BUDGET.minPart) {
        // It wanted more and the message has none left: what it lost is in the file.
        if (before && !before.squeezed) laid.set(p, layPart(p, before.used + BUDGET.note, Number.POSITIVE_INFINITY) ?? before);
        continue;
      }
      const result = layPart(p, (before?.used ?? 0) + remaining, p.maxCap ?? Number.POSITIVE_INFINITY);
      if (!result) continue;
      if (before && result.used <= before.used) {
        // No better with more room: its own cap is what holds it (a preview stays a preview).
        if (before.squeezed !== result.squeezed) laid.set(p, { ...before, squeezed: result.squeezed, blocks: result.blocks, used: result.used });
        continue;
      }
      laid.set(p, result);
      remaining -= result.used - (before?.used ?? 0);
    }
    const leftOut: Part[] = [...dropped, ...active.filter((p) => !laid.has(p))];
    const middle = active.flatMap((p) => laid.get(p)?.blocks ?? []);
    const names = parts.filter((p) => leftOut.includes(p)).map((p) => p.name);
    if (names.length > 0) {
      const note = clip(`Left out to stay within Slack's limits: ${names.join(', ')}`, BUDGET.leftOutNote - ATTACHED.length - 6, (t) => t);
      middle.push(context([`_${note}; ${ATTACHED}._`]));
    }
    const blocks = [...head, ...middle, ...tail];
    if (blocks.length <= SLACK_LIMITS.blocks || active.length === 0) {
      const cut = names.length > 0 || [...laid.values()].some((l) => l.cut);
      const overflow = names.length > 0 || [...laid.values()].some((l) => l.squeezed);
      return { blocks: blocks.slice(0, SLACK_LIMITS.blocks), cut, overflow };
    }
    // Too many blocks: give up the least important part and lay out again.
    const droppable = byPriority.filter(({ p }) => !p.fixed);
    if (droppable.length === 0) return { blocks: blocks.slice(0, SLACK_LIMITS.blocks), cut: true, overflow: true };
    dropped.add(droppable[droppable.length - 1]!.p);
  }
}
