/**
 * Making text safe for Slack. Slack reads `&`, `<` and `>` as control characters in every text
 * object: `<!channel>` pings a channel and `<https://x|label>` makes a link. Evidence is pasted by
 * people, so every string that did not come from our own templates goes through `escapeText`
 * (prose) or `codeLine` (inside a code block) before it reaches a block.
 */

/** Joins a run of backticks with zero-width spaces, so it cannot open or close a code block. */
function defuseFence(run: string): string {
  return run.split('').join('\u200b');
}

/**
 * Escapes Slack's three control characters (the only entities Slack decodes), and breaks up every
 * run of three or more backticks: in prose such a run would open a code block, inside one it would
 * close it, and Slack has no longer fence to wrap content that contains one.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`{3,}/g, defuseFence);
}

/** One line for a ``` code block: the same escaping as prose. */
export function codeLine(text: string): string {
  return escapeText(text);
}

/**
 * A value shown as `inline code`. Backticks inside it would end the span early or, next to the
 * wrapping ones, form a fence, so they become plain quotes.
 */
export function inlineCode(raw: string, max = 120): string {
  return `\`${clip(raw.replace(/`/g, "'"), max - 2)}\``;
}

/** Drops a dangling high surrogate left by cutting a string in the middle of an emoji. */
function wholeCharacters(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * `transform(raw)` cut so that the result has at most `max` characters, ending in "…" when cut.
 * The cut is made on the raw text, so an escape such as `&amp;` is never split.
 */
export function clip(raw: string, max: number, transform: (text: string) => string = escapeText): string {
  const whole = transform(raw);
  if (whole.length <= max) return whole;
  let keep = Math.min(raw.length, max - 1);
  for (;;) {
    const out = `${transform(wholeCharacters(raw.slice(0, keep)).trimEnd())}…`;
    if (out.length <= max || keep === 0) return out.length <= max ? out : '…';
    // Escapes make the output longer than the raw text: shrink by the excess, at least by one.
    keep = Math.max(0, keep - Math.max(1, out.length - max));
  }
}

/** A user mention, only for what looks like a Slack user id; anything else is shown as text. */
export function mention(user: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(user) ? `<@${user}>` : clip(user, 80);
}

/**
 * A time shown in the reader's own time zone (`<!date^…>`), with the ISO text as the fallback.
 * Text that is not a time is shown as it is, escaped.
 */
export function slackDate(iso: string): string {
  // Only what the store writes (an ISO 8601 time after 1970); Date.parse accepts far more ("100").
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms) || ms < 0) return escapeText(iso);
  // The fallback after `|` is shown as is; an ISO time has no `|` or `>` to escape.
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${new Date(ms).toISOString()}>`;
}

/** A link to a reference, only for plain https URLs (nothing that could break out of `<…|…>`). */
export function link(url: string): string | undefined {
  if (!/^https:\/\/[^\s<>|]+$/.test(url) || url.length > 500) return undefined;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return undefined;
  }
  return `<${url.replace(/&/g, '&amp;')}|${escapeText(host)}>`;
}

/** A link labelled `label` (plain text), only for plain https URLs such as a Slack permalink. */
export function labelledLink(url: string, label: string): string | undefined {
  if (!/^https:\/\/[^\s<>|]+$/.test(url) || url.length > 500) return undefined;
  return `<${url.replace(/&/g, '&amp;')}|${escapeText(label)}>`;
}
