/**
 * Block constructors that respect Slack's per-block limits on their own, so a caller cannot build
 * an oversized header or context by accident. Text passed to `section` and `context` must already
 * be mrkdwn-safe (see mrkdwn.ts); plain text is escaped here.
 */
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { SLACK_LIMITS } from './limits';
import { clip } from './mrkdwn';

/** A header; the text is plain and is cut to 150 characters with "…". */
export function header(plain: string): HeaderBlock {
  // Slack rejects an empty header; a catalogue title is never empty, but a header must not depend on it.
  const text = plain.trim().length > 0 ? plain : 'diag502';
  return { type: 'header', text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText), emoji: true } };
}

/**
 * A section of mrkdwn. `verbatim` stops Slack from turning bare words such as "@here" or a
 * channel name into mentions and links: only the explicit `<…>` markup we wrote is live.
 */
export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn.slice(0, SLACK_LIMITS.sectionText), verbatim: true } };
}

/** A context line of up to ten mrkdwn elements (mrkdwn-safe, kept short by the caller). */
export function context(elements: readonly string[]): ContextBlock {
  const shown = elements.filter((e) => e.trim().length > 0);
  return {
    type: 'context',
    // A context block needs at least one element.
    elements: (shown.length > 0 ? shown : ['—'])
      .slice(0, SLACK_LIMITS.contextElements)
      // Callers keep elements short; this only guards Slack's own limit on a text object.
      .map((e) => ({ type: 'mrkdwn' as const, text: e.slice(0, SLACK_LIMITS.sectionText), verbatim: true })),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** A button; `value` is what the action handler receives (at most 2,000 characters). */
export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const out: Button = {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, SLACK_LIMITS.blockId),
    value: (value.length > 0 ? value : 'none').slice(0, SLACK_LIMITS.actionValue),
  };
  if (style) out.style = style;
  return out;
}

export function actions(blockId: string, buttons: readonly Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId.slice(0, SLACK_LIMITS.blockId), elements: buttons.slice(0, SLACK_LIMITS.actionsElements) };
}

/** Every string a block shows (the `text` of text objects), for the whole-message budget. */
export function blocksTextLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') total += value.length;
        else visit(value);
      }
    }
  };
  visit(blocks);
  return total;
}
