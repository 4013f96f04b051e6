/**
 * Where the bot token may go. Every URL in a Slack payload is user input: a message event can name
 * any `url_private`, a file host can redirect anywhere. The token is sent only to Slack's own
 * hosts over https, plus the exact origin of SLACK_API_URL when it is set (GovSlack, or a test
 * double on loopback, which is the only way plain http is ever allowed: the operator chose it).
 *
 * Downloads get a narrower check than the Web API: a file URL comes from whoever posted the
 * message, so it may name only Slack's file host and a file path there. Otherwise a `url_private`
 * of https://slack.com/api/auth.revoke (or a webhook on hooks.slack.com) would make the bot call
 * Slack with its own token on the poster's behalf.
 */

/** Slack's hosts that serve the Web API, file uploads and response URLs. */
const SLACK_HOSTS = new Set(['slack.com', 'files.slack.com', 'hooks.slack.com']);

/** The host that serves Slack's files (url_private, url_private_download, thumbnails). */
const FILE_HOST = 'files.slack.com';

/** Paths that hold files: /files-pri/T-F/name, /files-tmb/…, and /files/… (GovSlack, test doubles). */
const FILE_PATH = /^\/files(?:-pri|-tmb)?\//;

export class SlackHosts {
  private readonly configured: URL | undefined;

  /** @param apiUrl SLACK_API_URL, when set. */
  constructor(apiUrl?: string) {
    this.configured = apiUrl ? new URL(apiUrl) : undefined;
  }

  /** True when a request carrying the bot token (or a response_url post) may go to `url`. */
  allows(url: string): boolean {
    const parsed = parse(url);
    if (!parsed) return false;
    if (this.isConfigured(parsed)) return true;
    return parsed.protocol === 'https:' && parsed.port === '' && SLACK_HOSTS.has(parsed.hostname.toLowerCase());
  }

  /**
   * True when a file download (or one of its redirect hops) may carry the bot token to `url`:
   * https to files.slack.com (or the SLACK_API_URL origin), and a file path there, never the Web
   * API nor a webhook.
   */
  allowsFile(url: string): boolean {
    const parsed = parse(url);
    if (!parsed || !FILE_PATH.test(parsed.pathname)) return false;
    if (this.isConfigured(parsed)) return true;
    return parsed.protocol === 'https:' && parsed.port === '' && parsed.hostname.toLowerCase() === FILE_HOST;
  }

  /** The file hosts named in a refusal note, e.g. "files.slack.com". */
  describe(): string {
    return this.configured && this.configured.hostname !== FILE_HOST ? `${FILE_HOST} or ${this.configured.host}` : FILE_HOST;
  }

  private isConfigured(parsed: URL): boolean {
    return this.configured !== undefined && parsed.protocol === this.configured.protocol && parsed.host === this.configured.host;
  }
}

/** The URL, or undefined when it does not parse or carries a user name or password. */
function parse(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.username === '' && parsed.password === '' ? parsed : undefined;
}
