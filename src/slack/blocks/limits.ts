/**
 * Slack's Block Kit limits, and the stricter budgets this renderer keeps to. A message that breaks
 * one limit is rejected whole (`invalid_blocks`, `msg_blocks_too_long`) and the user sees nothing,
 * so every builder here stays under these numbers instead of hoping the content is short.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of a section's `text`. */
  sectionText: 3000,
  /** Characters of a header's plain_text. */
  headerText: 150,
  /** Elements of one context block. */
  contextElements: 10,
  /** Elements of one actions block. */
  actionsElements: 25,
  /** Characters of a button's text. */
  buttonText: 75,
  /** Characters of a button's (or any action's) value. */
  actionValue: 2000,
  /** Characters of a `block_id` or `action_id`. */
  blockId: 255,
  /** A message's top-level `text` is cut by Slack above this. */
  messageText: 40_000,
} as const;

/**
 * What this renderer allows itself, below Slack's documented limits.
 *
 * Slack also rejects messages whose blocks hold "too much" text in total (`msg_blocks_too_long`),
 * a limit it does not document: reports put it near 12,000-13,300 characters and one bot was
 * rejected at 11,341 counted characters (slackapi/bolt-js#2509, #2867). Staying at 10,000 leaves
 * room for however Slack counts the block containers.
 */
export const BUDGET = {
  /** All text in all blocks of one message (section, header, context, button texts). */
  blocksText: 10_000,
  /** The plain `text` fallback (also the notification text). */
  fallbackText: 3000,
  /** A part given less room than this is left out rather than shown as a stub. */
  minPart: 160,
  /** Room kept in a part for its "… N more lines: see the attached file" note. */
  note: 100,
  /** Room kept in the message for the note that names left-out parts. */
  leftOutNote: 300,
} as const;
