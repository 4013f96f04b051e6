/**
 * Builds the Bolt app for Socket Mode or HTTP mode (ARCHITECTURE.md, "Slack contract") and gives
 * back start/stop. HTTP mode serves POST /slack/events and GET /healthz from Bolt's HTTPReceiver;
 * Socket Mode serves /healthz from a small node:http server on PORT.
 *
 * Bolt's default `processBeforeResponse: false` is kept on purpose: the HTTP ack goes back as
 * soon as a listener calls ack() (events are acked before listeners run), and the answer is
 * worked out afterwards in InFlight.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Logger } from '@slack/bolt';
import type { Config } from '../config';
import { Conversation } from '../conversation/conversation';
import type { Store } from '../conversation/store/store';
import { InFlight, type SlackDeps } from './deps';
import { registerListeners } from './listeners';

export interface SlackAppOptions {
  config: Config;
  store: Store;
  logger?: Logger;
}

export interface SlackApp {
  app: App;
  deps: SlackDeps;
  mode: 'socket' | 'http';
  /** Starts taking events; resolves once listening. */
  start(): Promise<void>;
  /** Stops taking events, waits (up to `timeoutMs`) for answers in flight. Does not close the store. */
  stop(timeoutMs?: number): Promise<void>;
}

const LOG_LEVELS: Record<Config['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

function healthz(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok' }));
}

/**
 * SocketModeReceiver (Bolt 5.1) takes no clientOptions, so its apps.connections.open call would
 * always go to slack.com. Its SocketModeClient keeps that WebClient in a field read at connect
 * time; pointing it at SLACK_API_URL honours the setting (GovSlack, the offline test double).
 */
function useApiUrlForSocketMode(receiver: SocketModeReceiver, slackApiUrl: string, appToken: string): void {
  const client = receiver.client as unknown as { webClient: webApi.WebClient };
  client.webClient = new webApi.WebClient('', { slackApiUrl, headers: { Authorization: `Bearer ${appToken}` } });
}

/** A Bolt App wired to the conversation layer, in the mode the configuration asks for. */
export function createSlackApp({ config, store, logger }: SlackAppOptions): SlackApp {
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is required for Slack modes');
  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const logLevel = LOG_LEVELS[config.LOG_LEVEL];
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};

  let healthServer: Server | undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (mode === 'socket') {
    const socket = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logLevel, ...(logger ? { logger } : {}) });
    if (config.SLACK_API_URL) useApiUrlForSocketMode(socket, config.SLACK_API_URL, config.SLACK_APP_TOKEN!);
    receiver = socket;
  } else {
    if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for HTTP mode');
    receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      port: config.PORT,
      logLevel,
      ...(logger ? { logger } : {}),
      processBeforeResponse: false,
      customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => healthz(res) }],
    });
  }
  const app = new App({ token: config.SLACK_BOT_TOKEN, receiver, logLevel, ...(logger ? { logger } : {}), clientOptions });
  const deps: SlackDeps = { conversation: new Conversation(store), store, logger: app.logger, inFlight: new InFlight(app.logger) };
  registerListeners(app, deps);
  app.error(async (error) => {
    app.logger.error(`diag502: listener error: ${error.message}`);
  });

  return {
    app,
    deps,
    mode,
    async start() {
      if (mode === 'socket') {
        healthServer = createServer((req, res) => {
          if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/healthz') healthz(res);
          else {
            res.writeHead(404);
            res.end();
          }
        });
        await new Promise<void>((resolve, reject) => {
          healthServer!.once('error', reject);
          healthServer!.listen(config.PORT, () => resolve());
        });
        await app.start();
      } else {
        await app.start(config.PORT);
      }
      app.logger.info(`diag502: Slack ${mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${config.PORT}`} started`);
    },
    async stop(timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      try {
        await app.stop();
      } catch (error) {
        app.logger.warn(`diag502: stopping the receiver: ${(error as Error).message}`);
      }
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
      await deps.inFlight.drain(Math.max(0, deadline - Date.now()));
    },
  };
}
