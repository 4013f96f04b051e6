/**
 * Secrets recognizable by their shape alone, wherever they are on a line: vendor API keys and
 * tokens, JWTs, and the credentials after `Bearer` and `Basic`.
 *
 * Each pattern starts only where a token starts (the lookbehind), so a failed attempt inside a
 * long run of token characters is never retried at every position of that run, and every
 * quantifier is bounded. A substring test (`hints`) skips the pattern on lines that cannot match.
 */
import type { Edit } from './edits';

interface Shape {
  /** One of these must be in the line for the pattern to be tried. */
  hints: readonly string[];
  pattern: RegExp;
  /** Which part of the match is masked (default: all of it). */
  group?: number;
  /** A last check on the masked text, for shapes that words can also take. */
  accept?: (token: string) => boolean;
}

/** Has a lower-case letter, an upper-case letter and a digit: generated, not a host name or a word. */
function isMixed(token: string): boolean {
  return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
}

/** `Basic` credentials are padded base64 of `user:password`; "Basic Authentication" is prose. */
function isBasicCredential(token: string): boolean {
  return token.length % 4 === 0 && /[0-9+/=]|.[A-Z]/.test(token);
}

const SHAPES: readonly Shape[] = [
  { hints: ['eyJ'], pattern: /(?<![\w-])eyJ[\w-]{5,8192}\.eyJ[\w-]{5,8192}\.[\w-]{0,8192}/g }, // JWT
  { hints: ['SG.'], pattern: /(?<![\w.-])SG\.[\w-]{22}\.[\w-]{43}(?![\w-])/g }, // SendGrid
  { hints: ['sk_', 'rk_'], pattern: /(?<![\w-])[sr]k_(?:live|test)_[A-Za-z0-9]{16,255}/g }, // Stripe secret and restricted keys (pk_ is public)
  { hints: ['sk-'], pattern: /(?<![\w-])sk-[\w-]{20,255}/g, accept: isMixed }, // OpenAI (sk-, sk-proj-) and alike
  { hints: ['gh', 'github_pat_'], pattern: /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_\w{30,255})/g }, // GitHub
  { hints: ['glpat-'], pattern: /(?<![\w-])glpat-[\w-]{20,64}/g }, // GitLab personal access token
  { hints: ['xox'], pattern: /(?<![\w-])xox[abpors]-[A-Za-z0-9-]{10,512}/g }, // Slack tokens
  { hints: ['xapp-'], pattern: /(?<![\w-])xapp-\d-[A-Za-z0-9-]{10,512}/g }, // Slack app-level token
  { hints: ['AIza'], pattern: /(?<![\w-])AIza[\w-]{35}/g }, // Google API key
  { hints: ['earer '], pattern: /\bBearer {1,8}([A-Za-z0-9._~+/-]{16,8192}={0,2})/g, group: 1 }, // an opaque bearer token in prose
  { hints: ['asic '], pattern: /\b[Bb]asic {1,8}([A-Za-z0-9+/]{8,4096}={0,2})(?![\w+/=])/g, group: 1, accept: isBasicCredential },
];

export function shapeEdits(line: string): Edit[] {
  const edits: Edit[] = [];
  for (const { hints, pattern, group, accept } of SHAPES) {
    if (!hints.some((h) => line.includes(h))) continue;
    for (const m of line.matchAll(pattern)) {
      const token = m[group ?? 0] ?? '';
      if (accept && !accept(token)) continue;
      const start = m.index + m[0].length - token.length;
      edits.push({ start, end: start + token.length });
    }
  }
  return edits;
}
