/**
 * Secrets inside URLs: the password of `scheme://user:password@host`, the token path of a Slack
 * webhook, and an Azure Functions key in `?code=`. The scheme, host and path stay readable: they
 * tell which backend the proxy talked to. (`sig=`, `token=` and other named query parameters are
 * masked by the `key=value` rule.)
 */
import { isHarmless, type Edit } from './edits';

/** `scheme://user:password@host`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{0,20}:\/\/)([^\s:@/]{0,256}):([^\s@/]{1,1024})@/gi;
/** `https://hooks.slack.com/services/T…/B…/…`: the path is the credential. */
const SLACK_WEBHOOK = /hooks\.slack\.com\/(?:services|workflows|triggers)\/([\w/-]{1,256})/g;
/**
 * Azure Functions keys (`?code=<base64>`). An OAuth authorization code in `/signin-oidc?code=` is
 * shorter than a function key and often shown on purpose, so short values stay.
 */
const FUNCTION_KEY = /[?&]code=([^&#\s"'<>]{20,1024})/g;

export function urlEdits(line: string): Edit[] {
  const edits: Edit[] = [];
  if (line.includes('://') && line.includes('@')) {
    for (const m of line.matchAll(URL_CREDENTIALS)) {
      const password = m[3] ?? '';
      if (isHarmless(password)) continue;
      const start = m.index + (m[1] ?? '').length + (m[2] ?? '').length + 1;
      edits.push({ start, end: start + password.length });
    }
  }
  if (line.includes('hooks.slack.com/')) collectGroup(line, SLACK_WEBHOOK, edits);
  if (line.includes('code=')) collectGroup(line, FUNCTION_KEY, edits);
  return edits;
}

/** Adds the span of each match's first group, the part of the match that ends it. */
function collectGroup(line: string, pattern: RegExp, edits: Edit[]): void {
  for (const m of line.matchAll(pattern)) {
    const value = m[1] ?? '';
    const start = m.index + m[0].length - value.length;
    edits.push({ start, end: start + value.length });
  }
}
