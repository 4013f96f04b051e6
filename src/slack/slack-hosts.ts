/**
 * Where the bot token may go. Every URL in a Slack payload is user input: a message event can name
 * any `url_private`, a file host can redirect anywhere. The token is sent only to Slack's own
 * hosts over https (files.slack.com for downloads and uploads, slack.com for the Web API), plus the
 * exact origin of SLACK_API_URL when it is set (GovSlack, or a test double on loopback, which is
 * the only way plain http is ever allowed: the operator chose it).
 */

/** Slack's hosts that serve the Web API, files and response URLs. */
const SLACK_HOSTS = new Set(['slack.com', 'files.slack.com', 'hooks.slack.com']);

export class SlackHosts {
  private readonly configured: URL | undefined;

  /** @param apiUrl SLACK_API_URL, when set. */
  constructor(apiUrl?: string) {
    this.configured = apiUrl ? new URL(apiUrl) : undefined;
  }

  /** True when a request carrying the bot token (or a response_url post) may go to `url`. */
  allows(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.username !== '' || parsed.password !== '') return false;
    if (this.configured && parsed.protocol === this.configured.protocol && parsed.host === this.configured.host) return true;
    return parsed.protocol === 'https:' && parsed.port === '' && SLACK_HOSTS.has(parsed.hostname.toLowerCase());
  }

  /** The hosts named in a refusal note, e.g. "files.slack.com". */
  describe(): string {
    return this.configured && !SLACK_HOSTS.has(this.configured.hostname) ? `files.slack.com or ${this.configured.host}` : 'files.slack.com';
  }
}
