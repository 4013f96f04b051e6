/**
 * Turns a raw pasted line into plain text before anything reads it: Slack's escaping and link
 * markup, Markdown code fences, smart quotes, odd spaces, a BOM. Works line by line so that a
 * 130 MB file streams through it.
 */

/** The Slack escaping decision for one input. */
export type SlackEscaping = boolean | 'auto';

const SMART_CHARS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u3000': ' ',
  '\t': ' ',
  '\u200B': '',
  '\u200D': '',
  '\u2060': '',
  '\uFEFF': '',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};
// One character class, so the replace is a single linear pass. Two copies: a global regex keeps
// state between `test` calls, so the check uses one without the flag.
// Escaped code points, so zero-width joiners do not combine with their neighbours in the class.
const SMART_CLASS = `[${Object.keys(SMART_CHARS)
  .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('')}]`;
const SMART_ANY = new RegExp(SMART_CLASS);
const SMART_ALL = new RegExp(SMART_CLASS, 'g');

/** Smart quotes to ASCII quotes, odd spaces and tabs to a space, zero-width characters removed. */
export function plainCharacters(line: string): string {
  return SMART_ANY.test(line) ? line.replace(SMART_ALL, (c) => SMART_CHARS[c] ?? c) : line;
}

/** Chinese, Japanese and Korean letters: scripts written without spaces between words. */
const CJK = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af';
const CJK_ANY = new RegExp(`[${CJK}\\uff01-\\uff5e\\u3001\\u3002]`);
const CJK_THEN_LATIN = new RegExp(`([${CJK}])(?=[A-Za-z0-9])`, 'g');
const LATIN_THEN_CJK = new RegExp(`([A-Za-z0-9])(?=[${CJK}])`, 'g');

/**
 * English log words inside Chinese or Japanese prose: "返回524错误", "是cloudflare的超时" carry no
 * space around the code or the product name, so nothing that looks for a word would see it.
 * Full-width ASCII (`：`, `５２４`) and the ideographic comma and full stop become ASCII, and a
 * space separates CJK letters from Latin letters and digits. One linear pass each.
 */
export function spaceCjk(line: string): string {
  if (!CJK_ANY.test(line)) return line;
  return line
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3001/g, ', ')
    .replace(/\u3002/g, '. ')
    .replace(CJK_THEN_LATIN, '$1 ')
    .replace(LATIN_THEN_CJK, '$1 ');
}

/**
 * Undoes Slack's message formatting: `<http://x|label>` → `label`, `<http://x>` → `http://x`,
 * `<mailto:a@b|a@b>` → `a@b`, `<@U123>` → `@U123`, `<#C1|name>` → `#name`, `<!here>` → `@here`,
 * then the three HTML entities Slack escapes (`&lt;` `&gt;` `&amp;`), in that order so that a
 * literal `&amp;lt;` stays `&lt;`.
 */
export function unescapeSlack(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('<', i);
    if (open < 0) {
      out += line.slice(i);
      break;
    }
    out += line.slice(i, open);
    const close = line.indexOf('>', open + 1);
    if (close < 0) {
      out += line.slice(open);
      break;
    }
    out += slackToken(line.slice(open + 1, close));
    i = close + 1;
  }
  return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function slackToken(token: string): string {
  const bar = token.indexOf('|');
  const target = bar >= 0 ? token.slice(0, bar) : token;
  const label = bar >= 0 ? token.slice(bar + 1) : undefined;
  if (target.startsWith('@')) return label ? `@${label}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) return `@${(label ?? target.slice(1)).replace(/^subteam\^/, '')}`;
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return label ?? target;
  // Not Slack markup: a raw `<` survived (only possible when the text was not escaped). Keep it.
  return `<${token}>`;
}

/**
 * Decides whether text is Slack-escaped: Slack always turns `<` into `&lt;`, so escaped text has
 * `&lt;` or `&gt;` and no raw markup tag.
 */
export function looksSlackEscaped(sample: string): boolean {
  // Most pastes hold no entity at all: the raw-tag patterns need not run (or be compiled) for them.
  const hasEscapedMarkup = sample.includes('&gt;') || /&lt;[/?!a-zA-Z]/.test(sample);
  if (!hasEscapedMarkup) return false;
  return !/<[/?!]?[a-zA-Z][^<>|]*>/.test(sample.replace(/<(?:https?:|mailto:|[@#!])[^<>]*>/g, ''));
}

/** Whether a line is only a Markdown code fence (```, ```xml, ~~~). */
export function isCodeFence(line: string): boolean {
  if (!line.includes('```') && !line.includes('~~~')) return false;
  return /^\s*(```|~~~)[\w+-]*\s*$/.test(line);
}

/**
 * Language tags people type after an opening fence glued to its text (```text HTTP Error ...```).
 * Lower case and followed by a space (or the `<` of markup) only, so ```HTTP Error 502.5``` (how Slack sends a one-line
 * snippet, which has no tag) keeps its first word.
 */
const FENCE_TAG = /^(?:text|txt|plaintext|plain|xml|html|json|log|logs|console|shell|sh|bash|powershell|ps|ps1|pwsh|cmd|bat|batch|ini|yaml|yml|csharp|cs|nginx|apache|http|diff|output|none)(?=\s|<)/;

/** A line with its code fences taken off, and where they were. */
export interface UnfencedLine {
  /** The line without its fences; undefined for a line that is only a fence. */
  text: string | undefined;
  /** A fence at the start of the line (or the line is one): what came before is another block. */
  fenceBefore: boolean;
  /** A fence at the end of the line (or the line is one): what comes after is another block. */
  fenceAfter: boolean;
}

/**
 * Takes the Markdown code fences off one line without dropping it, so line numbers stay those of
 * the paste: a fence line is told apart (text undefined), and a fence glued to its text
 * (```HTTP Error 502.5 ...```, `</configuration>```` then prose) leaves the text and says where
 * the block starts or ends.
 */
export function unfence(line: string): UnfencedLine {
  if (isCodeFence(line)) return { text: undefined, fenceBefore: true, fenceAfter: true };
  if (!line.includes('```')) return { text: line, fenceBefore: false, fenceAfter: false };
  let text = line;
  const opening = /^\s*```/.exec(text);
  if (opening) {
    text = text.slice(opening[0].length);
    const tag = FENCE_TAG.exec(text);
    if (tag) text = text.slice(tag[0].length);
    if (/^\s/.test(text)) text = text.slice(1);
  }
  const end = text.trimEnd();
  const closing = end.endsWith('```');
  if (closing) {
    text = end.slice(0, -3);
    if (/\s$/.test(text)) text = text.slice(0, -1);
  }
  return { text, fenceBefore: opening !== null, fenceAfter: closing };
}

/**
 * Normalizes lines of one input. Fences glued to their content (```text```, which Slack produces
 * for one-line snippets) are taken off the line; the line itself stays.
 */
export class LineNormalizer {
  /** Columns of the Markdown table of W3C fields being read, or 0 outside one. */
  private w3cColumns = 0;

  constructor(readonly slack: boolean) {}

  /** Returns the normalized line, or undefined for a line that only carried formatting. */
  normalize(raw: string): string | undefined {
    // ```content``` on one line, or a fence opening or closing on a content line.
    let line = unfence(raw.endsWith('\r') ? raw.slice(0, -1) : raw).text;
    if (line === undefined) return undefined;
    if (this.slack) line = unescapeSlack(line);
    // A Markdown or Slack quote marker ("> " before the text, nested up to three deep): people
    // quote the log they paste. A lone ">" (the end of a tag split over lines) is content.
    line = line.replace(/^ {0,3}>{1,3} (?=\S)/, '');
    return this.w3cTable(spaceCjk(plainCharacters(line)).trimEnd());
  }

  /**
   * IIS log lines pasted as a Markdown table (docs, issue threads, wikis: `| sc-status | sc-substatus
   * | time-taken |` over `| 502 | 3 | 29889 |`) become the W3C lines they stand for: a `#Fields:`
   * line, then one row per table row, cells joined by spaces (a space inside a cell becomes `+`,
   * as IIS writes it; an empty cell `-`). The separator row becomes an empty line, so every line
   * keeps its number. Any other line ends the table.
   */
  private w3cTable(line: string): string {
    const cells = tableCells(line);
    if (cells === undefined) {
      this.w3cColumns = 0;
      return line;
    }
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) return this.w3cColumns > 0 ? '' : line;
    const names = cells.map((c) => c.toLowerCase());
    const known = names.filter((n) => W3C_FIELD_NAMES.has(n)).length;
    if (known >= 2 && known * 2 >= cells.length) {
      this.w3cColumns = cells.length;
      return `#Fields: ${names.join(' ')}`;
    }
    if (this.w3cColumns === cells.length) return cells.map((c) => (c === '' ? '-' : c.replace(/\s+/g, '+'))).join(' ');
    this.w3cColumns = 0;
    return line;
  }
}

/** W3C extended log field names IIS writes (kb-facts, W3C fields). */
const W3C_FIELD_NAMES = new Set([
  'date', 'time', 's-sitename', 's-computername', 's-ip', 'cs-method', 'cs-uri-stem', 'cs-uri-query', 's-port', 'cs-username', 'c-ip',
  'cs-version', 'cs(user-agent)', 'cs(cookie)', 'cs(referer)', 'cs-host', 'sc-status', 'sc-substatus', 'sc-win32-status', 'sc-bytes', 'cs-bytes', 'time-taken',
]);

/** The cells of a `| a | b |` table row (Markdown escapes such as `\_` undone), or undefined. */
function tableCells(line: string): string[] | undefined {
  const t = line.trim();
  if (t.length < 3 || !t.startsWith('|') || !t.endsWith('|')) return undefined;
  return t
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim().replace(/\\([_*`|\\])/g, '$1'));
}
