/**
 * An independent check of a message against Slack's rules. The numbers are written out here, not
 * imported from src/slack/blocks/limits.ts, so a wrong constant there cannot make these tests pass.
 * Sources: Block Kit reference (node-slack-sdk packages/types block-kit/*.ts), the 40,000-character
 * message text cap (api.slack.com changelog 2018-04), and the undocumented whole-message block text
 * limit near 12,000-13,300 characters (slackapi/bolt-js#2509, #2867): we hold messages to 10,000.
 */
import type { SlackMessage } from '../../../src/slack/blocks';

export const RULES = {
  blocks: 50,
  section: 3000,
  header: 150,
  contextElements: 10,
  buttonText: 75,
  actionValue: 2000,
  blockId: 255,
  fallback: 3000,
  blocksText: 10_000,
  wholeMessage: 40_000,
} as const;

type Node = Record<string, unknown>;

/** Every text object (`{ type, text }`) anywhere in the blocks. */
export function textObjects(blocks: readonly unknown[]): { type: string; text: string; verbatim?: unknown }[] {
  const out: { type: string; text: string; verbatim?: unknown }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const n = node as Node;
      if ((n.type === 'mrkdwn' || n.type === 'plain_text') && typeof n.text === 'string') out.push(n as { type: string; text: string });
      else Object.values(n).forEach(visit);
    }
  };
  visit(blocks);
  return out;
}

/** All text a message shows: the fallback and every text object. */
export function allText(message: SlackMessage): string {
  return [message.text, ...textObjects(message.blocks).map((t) => t.text)].join('\n');
}

/**
 * `<…>` sequences Slack would act on. The only ones a message may hold are the ones the renderer
 * writes on purpose: a user mention, a date, and links to https references.
 */
export function liveSequences(text: string): string[] {
  return [...text.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!).filter((inner) => !/^@[UW][A-Z0-9]+$/.test(inner) && !/^!date\^\d+\^\{date_short_pretty\} \{time\}\|[0-9T:.Z-]+$/.test(inner) && !/^https:\/\/[^\s|]+\|[a-z0-9.-]+$/.test(inner));
}

/** What breaks a rule, as readable strings; empty when the message is fine. */
export function violations(message: SlackMessage): string[] {
  const out: string[] = [];
  const blocks = message.blocks as unknown as Node[];
  if (blocks.length > RULES.blocks) out.push(`${blocks.length} blocks`);
  if (message.text.length === 0 || message.text.length > RULES.fallback) out.push(`fallback text of ${message.text.length}`);
  let blockText = 0;
  for (const [i, block] of blocks.entries()) {
    if (typeof block.block_id === 'string' && block.block_id.length > RULES.blockId) out.push(`block ${i}: block_id too long`);
    if (block.type === 'section') {
      const text = (block.text as { text: string } | undefined)?.text ?? '';
      if (text.trim().length === 0) out.push(`block ${i}: empty section`);
      if (text.length > RULES.section) out.push(`block ${i}: section of ${text.length}`);
      if ((text.match(/```/g) ?? []).length % 2 !== 0) out.push(`block ${i}: unbalanced code fence`);
    }
    if (block.type === 'header') {
      const text = (block.text as { text: string }).text;
      if (text.length === 0 || text.length > RULES.header) out.push(`block ${i}: header of ${text.length}`);
    }
    if (block.type === 'context') {
      const elements = block.elements as { text: string }[];
      if (elements.length === 0 || elements.length > RULES.contextElements) out.push(`block ${i}: ${elements.length} context elements`);
      for (const e of elements) if (e.text.length === 0 || e.text.length > RULES.section) out.push(`block ${i}: context element of ${e.text.length}`);
    }
    if (block.type === 'actions') {
      for (const e of block.elements as { text: { text: string }; value?: string; action_id?: string }[]) {
        if (e.text.text.length > RULES.buttonText) out.push(`block ${i}: button text of ${e.text.text.length}`);
        if ((e.value ?? '').length > RULES.actionValue) out.push(`block ${i}: action value of ${e.value?.length}`);
        if ((e.action_id ?? '').length > RULES.blockId) out.push(`block ${i}: action_id too long`);
      }
    }
  }
  for (const t of textObjects(message.blocks)) {
    blockText += t.text.length;
    if (t.type === 'mrkdwn' && t.verbatim !== true) out.push('mrkdwn without verbatim');
  }
  if (blockText > RULES.blocksText) out.push(`blocks hold ${blockText} characters of text`);
  if (blockText + message.text.length > RULES.wholeMessage) out.push('whole message over 40,000');
  const live = liveSequences(allText(message));
  if (live.length > 0) out.push(`live Slack markup: ${live.slice(0, 3).join(' | ')}`);
  return out;
}

/** True when some block tells the reader to look at the attached file. */
export function pointsToAttachment(message: SlackMessage): boolean {
  return textObjects(message.blocks).some((t) => t.text.includes('see the attached file'));
}
