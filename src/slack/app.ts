/**
 * Builds the bot for Socket Mode or HTTP mode (ARCHITECTURE.md, "Slack contract") and gives back
 * start/stop.
 *
 * The main thread receives, acks, stores and posts; everything else waits its turn. Listeners ack
 * first and hand the request to the intake; the scheduler starts the work after pending acks, and
 * large pastes are diagnosed in worker threads. Every request is stored (redacted) as a job until
 * its answer is posted, so a crash or a dead replica loses nothing (delivery/runner.ts).
 *
 * HTTP mode serves POST /slack/events (Bolt's HTTPReceiver, with requests dated more than five
 * minutes in the future refused like stale ones) and GET /healthz; Socket Mode serves /healthz
 * from a small node:http server on PORT.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Logger } from '@slack/bolt';
import type { Config } from '../config';
import { Conversation } from '../conversation/conversation';
import { createEnginePool } from '../conversation/engine-pool';
import { analyze, type Engine } from '../conversation/engine';
import type { HouseRule } from '../evidence/house';
import { compareDiagnoses } from '../conversation/change';
import { renderReply } from './render';
import type { Store } from '../conversation/store/store';
import type { ThreadKey } from '../conversation/types';
import { guardValue } from '../evidence/guard';
import { Intake } from './delivery/intake';
import { processOwner } from '../conversation/store/owner';
import { Recovery } from './delivery/recovery';
import { Runner } from './delivery/runner';
import { Scheduler } from './delivery/scheduler';
import type { SlackDeps } from './deps';
import { Health, writeHealth } from './health';
import { registerListeners } from './listeners';
import { GuardedLogger } from './logger';
import { startMaintenance } from './maintenance';
import { SlackHosts } from './slack-hosts';
import { verifyAppToken, verifyBotToken } from './startup';
import { SlackApi, webClientOptions } from './web-api';
import { closeChartThread } from '../chart/off-thread';

interface SlackAppOptions {
  config: Config;
  store: Store;
  logger?: Logger;
  /** Where diagnoses run; a worker-thread pool by default. */
  engine?: Engine;
  /** House rules (validated by the caller) for the default engine. */
  rules?: readonly HouseRule[];
}

interface SlackApp {
  mode: 'socket' | 'http';
  /** Verifies the tokens, then starts taking events; rejects with a StartupError when Slack says no. */
  start(): Promise<void>;
  /** Stops taking events and waits (up to `timeoutMs`) for answers in flight. Does not close the store. */
  stop(timeoutMs?: number): Promise<void>;
}

const LOG_LEVELS: Record<Config['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** Slack allows a request's timestamp to be this far off either way; older or newer is refused. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/** True when the request claims to come from more than five minutes in the future (a replay kept for later). */
function fromTheFuture(req: IncomingMessage): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const ts = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(ts) && ts > Date.now() / 1000 + MAX_CLOCK_SKEW_S;
}

/**
 * SocketModeReceiver (Bolt 5.1) takes no clientOptions, so its apps.connections.open call would
 * always go to slack.com. Its SocketModeClient keeps that WebClient in a field read at connect
 * time; pointing it at SLACK_API_URL honours the setting (GovSlack, the offline test double).
 */
function useApiUrlForSocketMode(receiver: SocketModeReceiver, config: Config): void {
  const client = receiver.client as unknown as { webClient: webApi.WebClient };
  client.webClient = new webApi.WebClient(config.SLACK_APP_TOKEN, webClientOptions(config.SLACK_API_URL));
}

/**
 * Runs the engine and the renderer once on a small sample, so the code they run is compiled before
 * the first burst of real requests (the first answers would otherwise pay for it, and their acks
 * with them).
 */
function warmUp(): void {
  const sample = [
    '2026-11-20 10:04:51 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015',
    "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\app\\' failed to start process with commandline 'dotnet .\\App.dll', ErrorCode = '0x80004005 : 80008083.",
  ].join('\n');
  const analysis = analyze({ text: sample, slack: true, addressed: true, source: 'message 1', previous: [] });
  if (analysis.diagnosis) renderReply({ type: 'diagnosis', diagnosis: analysis.diagnosis, change: compareDiagnoses(undefined, analysis.diagnosis), truncated: false }, { user: 'U0', evidence: sample });
}

/**
 * A link to a thread's root message, for "seen before" answers. Undefined where there is none to
 * give (a DM's running thread, a console key) or Slack will not say (a missing scope, a deleted
 * message): memory works without it.
 */
async function permalinkOf(api: SlackApi, key: ThreadKey): Promise<string | undefined> {
  if (key.surface !== 'slack' || !/^\d+\.\d+$/.test(key.thread)) return undefined;
  try {
    const result = await api.call<{ permalink?: string }>('chat.getPermalink', { channel: key.channel, message_ts: key.thread });
    return typeof result.permalink === 'string' && result.permalink.startsWith('https://') ? result.permalink : undefined;
  } catch {
    return undefined;
  }
}

export function createSlackApp({ config, store, logger: given, engine: givenEngine, rules }: SlackAppOptions): SlackApp {
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is required for Slack modes');
  const token = config.SLACK_BOT_TOKEN;
  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const logLevel = LOG_LEVELS[config.LOG_LEVEL];
  const logger = given ?? new GuardedLogger(logLevel);
  const hosts = new SlackHosts(config.SLACK_API_URL);
  const health = new Health(store);
  const api = new SlackApi(new webApi.WebClient(token, { ...webClientOptions(config.SLACK_API_URL), logger }), logger, hosts, { health });
  const engine = givenEngine ?? createEnginePool(rules ? { rules } : {});
  const conversation = new Conversation(store, { engine, linkTo: (key) => permalinkOf(api, key) });
  const scheduler = new Scheduler(logger);
  const owner = processOwner(config.REPLICA_ID);
  const leaseMs = config.JOB_LEASE_SECONDS * 1000;

  let app: App | undefined;
  let healthServer: Server | undefined;
  let recovery: Recovery | undefined;
  let intake: Intake | undefined;
  let stopMaintenance: (() => void) | undefined;

  const serveHealth = (res: ServerResponse): void => {
    void health.report().then((report) => writeHealth(res, report));
  };

  return {
    mode,
    async start() {
      const identity = await verifyBotToken(api, config);
      if (mode === 'socket') await verifyAppToken(config, logger);

      const runner = new Runner({
        store,
        conversation,
        engine,
        api,
        logger,
        owner,
        token,
        botUserId: identity.botUserId,
        leaseMs,
        retryDelaysMs: config.DELIVERY_RETRY_SECONDS.map((s) => s * 1000),
        guard: guardValue,
      });
      // Looked for often enough that a dead replica's work resumes soon after its lease runs out.
      recovery = new Recovery({ store, scheduler, runner, owner, leaseMs, logger, intervalMs: Math.min(5000, Math.max(1000, Math.floor(leaseMs / 4))) });
      intake = new Intake(scheduler, runner, store, recovery, { logger, storeWaitMs: config.STORE_WAIT_SECONDS * 1000 });

      let receiver: HTTPReceiver | SocketModeReceiver;
      if (mode === 'socket') {
        const socket = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger, logLevel });
        if (config.SLACK_API_URL) useApiUrlForSocketMode(socket, config);
        receiver = socket;
      } else {
        if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for HTTP mode');
        const http = new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET,
          port: config.PORT,
          logger,
          logLevel,
          // Events are acked before listeners run; the answer is worked out afterwards.
          processBeforeResponse: false,
          customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => serveHealth(res) }],
        });
        // Bolt refuses stale timestamps only; a request dated in the future is a replay kept for later.
        const listener = http.requestListener;
        http.requestListener = (req, res) => {
          if (req.method === 'POST' && fromTheFuture(req)) {
            logger.warn('diag502: refused a request whose timestamp is more than 5 minutes in the future');
            res.writeHead(401);
            res.end();
            return;
          }
          listener(req, res);
        };
        receiver = http;
      }
      app = new App({
        token,
        botId: identity.botId,
        botUserId: identity.botUserId,
        receiver,
        logger,
        logLevel,
        clientOptions: { ...webClientOptions(config.SLACK_API_URL), logger },
      });
      const deps: SlackDeps = { conversation, store, logger, intake, scheduler, api, poster: { api, token, logger } };
      registerListeners(app, deps);
      app.error(async (error) => {
        logger.error(`diag502: listener error: ${error.message}`);
      });

      if (mode === 'socket') {
        healthServer = createServer((req, res) => {
          if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/healthz') serveHealth(res);
          else res.writeHead(404).end();
        });
        await new Promise<void>((resolve, reject) => {
          healthServer!.once('error', reject);
          healthServer!.listen(config.PORT, () => resolve());
        });
        await app.start();
      } else {
        await app.start(config.PORT);
      }
      recovery.start();
      stopMaintenance = startMaintenance(store, logger);
      warmUp();
      logger.info(`diag502: Slack ${mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${config.PORT}`} started as <@${identity.botUserId}>`);
    },
    async stop(timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      recovery?.stop();
      stopMaintenance?.();
      try {
        await app?.stop();
      } catch (error) {
        logger.warn(`diag502: stopping the receiver: ${(error as Error).message}`);
      }
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
      // Answers in flight get the rest of the budget; whatever is left stays stored for the next start.
      await scheduler.drain(Math.max(0, deadline - Date.now() - 500));
      intake?.stop();
      api.stop();
      await engine.close();
      await closeChartThread();
    },
  };
}
