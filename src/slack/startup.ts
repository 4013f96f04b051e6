/**
 * Before the bot says it is ready, Slack is asked whether its tokens work (auth.test for the bot
 * token, apps.connections.open for Socket Mode's app token). A rejected token or an API that
 * cannot be reached becomes one line naming the variable to fix, and exit code 2: never a stack
 * trace, and never a crash loop that hammers Slack.
 */
import { webApi, type Logger } from '@slack/bolt';
import type { Config } from '../config';
import { SlackHosts } from './slack-hosts';
import { SlackApi, SlackCallError, TOKEN_ERRORS, webClientOptions } from './web-api';

/** A start-up failure told in one line; main() prints it and exits with 2. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId: string;
}

function apiLocation(config: Config): string {
  return config.SLACK_API_URL ? `SLACK_API_URL (${config.SLACK_API_URL})` : "Slack's Web API (https://slack.com/api/; set SLACK_API_URL for GovSlack or a proxy)";
}

function explain(error: unknown, variable: string, config: Config): StartupError {
  const code = error instanceof SlackCallError ? error.code : (error as Error)?.message ?? String(error);
  if (TOKEN_ERRORS.has(code)) {
    const where = variable === 'SLACK_APP_TOKEN' ? 'Basic Information > App-Level Tokens (with the connections:write scope)' : 'OAuth & Permissions > Bot User OAuth Token (reinstall the app if it was revoked)';
    return new StartupError(`diag502: Slack rejected ${variable} (${code}): copy a valid token from ${where}.`);
  }
  if (error instanceof SlackCallError && error.retryable) {
    return new StartupError(`diag502: could not reach ${apiLocation(config)} (${code}): check SLACK_API_URL and the network or proxy, then start again.`);
  }
  return new StartupError(`diag502: Slack refused to start the bot with ${variable} (${code}).`);
}

/** auth.test with the bot token: who the bot is, or a StartupError. */
export async function verifyBotToken(api: SlackApi, config: Config): Promise<BotIdentity> {
  try {
    const result = await api.call<{ user_id?: string; bot_id?: string; team_id?: string }>('auth.test');
    if (!result.user_id) throw new StartupError('diag502: SLACK_BOT_TOKEN is not a bot token (auth.test named no bot user): use the xoxb- token from OAuth & Permissions.');
    return { botUserId: result.user_id, botId: result.bot_id ?? '', teamId: result.team_id ?? '' };
  } catch (error) {
    throw error instanceof StartupError ? error : explain(error, 'SLACK_BOT_TOKEN', config);
  }
}

/** Socket Mode: opens (and drops) one connection URL with the app token, to prove it works. */
export async function verifyAppToken(config: Config, logger: Logger): Promise<void> {
  const client = new webApi.WebClient(config.SLACK_APP_TOKEN, { ...webClientOptions(config.SLACK_API_URL), logger });
  const api = new SlackApi(client, logger, new SlackHosts(config.SLACK_API_URL));
  try {
    await api.call('apps.connections.open');
  } catch (error) {
    throw explain(error, 'SLACK_APP_TOKEN', config);
  } finally {
    api.stop();
  }
}
