/**
 * Configuration from the environment (and `.env` through dotenv), validated by one zod schema.
 * A missing or malformed value is named in a clear message, never shown as a stack trace.
 */
import { statSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_STORE_URL } from './conversation/store/store';
import type { OpenStoreOptions } from './conversation/store/open-store';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v.length === 0 ? undefined : v))
  .optional();

/** A number written as text, within bounds, with one message for every way it can be wrong. */
const numberText = (message: string, min: number, max: number, integer = false) =>
  z
    .string()
    .regex(integer ? /^\d+$/ : /^\d+(\.\d+)?$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const configSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with "xoxb-" (OAuth & Permissions page)').optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with "xapp-" (Basic Information > App-Level Tokens)').optional()),
  SLACK_SIGNING_SECRET: optionalText.pipe(z.string().regex(/^[0-9a-f]{32}$/i, 'must be the 32-character hex Signing Secret (Basic Information > App Credentials)').optional()),
  SLACK_API_URL: optionalText.pipe(z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional()),
  PORT: optionalText.pipe(numberText('must be a port number from 1 to 65535', 1, 65535, true).optional()).transform((v) => v ?? 3000),
  STORE_URL: optionalText
    .pipe(
      z
        .string()
        .regex(/^(sqlite:.+|memory:|rediss?:\/\/\S+)$/i, 'must be sqlite:PATH (for example sqlite:./data/diag502.db), redis://[user:password@]host:port[/db] (rediss:// for TLS) or memory:')
        .optional(),
    )
    .transform((v) => v ?? DEFAULT_STORE_URL),
  /** Put before every Redis key, so two deployments can share one Redis (Redis stores only). */
  STORE_KEY_PREFIX: optionalText.pipe(z.string().regex(/^[\x21-\x7e]{1,64}$/, 'must be 1 to 64 printable characters without spaces, such as diag502:').optional()).transform((v) => v ?? 'diag502:'),
  /**
   * This replica's name in job and thread leases (default: the host name). Replicas on one host
   * need no setting: their process ids tell them apart.
   */
  REPLICA_ID: optionalText.pipe(z.string().regex(/^[^:\s]{1,128}$/, 'must be a name without spaces or colons').optional()),
  THREAD_TTL_DAYS: optionalText.pipe(numberText('must be a number of days from 0.01 to 3650', 0.01, 3650).optional()).transform((v) => v ?? 7),
  /** How long the team's memory keeps a confirmed or rejected diagnosis not recorded again. */
  MEMORY_TTL_DAYS: optionalText.pipe(numberText('must be a number of days from 1 to 3650', 1, 3650).optional()).transform((v) => v ?? 180),
  /** The console's team memory file (as `npm start -- --memory PATH`); the bot keeps memory in STORE_URL. */
  MEMORY_FILE: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).optional()).transform((v) => v ?? 'info'),
  /** How long a worker holds a job before another may take it over (a dead process's work). */
  JOB_LEASE_SECONDS: optionalText.pipe(numberText('must be a number of seconds from 5 to 600', 5, 600).optional()).transform((v) => v ?? 30),
  /** How long an acked request waits in memory for a store that is down before the asker is told. */
  STORE_WAIT_SECONDS: optionalText.pipe(numberText('must be a number of seconds from 1 to 3600', 1, 3600).optional()).transform((v) => v ?? 120),
  /** Waits between tries to deliver an answer while Slack is unreachable; then the answer is given up. */
  DELIVERY_RETRY_SECONDS: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?){0,19}$/, 'must be a comma-separated list of up to 20 waits in seconds, such as 30,60,120,240,480')
        .transform((v) => v.split(',').map(Number))
        .optional(),
    )
    .transform((v) => v ?? [30, 60, 120, 240, 480]),
  /** A folder of house rule files (*.yaml, *.yml, *.json); their contents are checked when loaded (src/rules/). */
  DIAG502_RULES_DIR: optionalText.pipe(z.string().refine(isFolder, 'must be an existing folder of house rule files (*.yaml, *.yml, *.json)').optional()),
});

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof configSchema>;

export type Mode = 'socket' | 'http' | 'console';

export class ConfigError extends Error {}

/**
 * The mode the environment asks for (ARCHITECTURE.md, "Slack contract"). Slack variables that
 * cannot work without a partner name the missing one, rather than quietly starting the console.
 */
export function modeOf(config: Config): Mode {
  const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = config;
  if (bot && app) return 'socket';
  if (bot && secret) return 'http';
  if (bot) {
    throw new ConfigError(
      'Incomplete Slack configuration: SLACK_BOT_TOKEN is set, but it needs a partner: SLACK_APP_TOKEN (xapp-…, Basic Information > App-Level Tokens) for Socket Mode, or SLACK_SIGNING_SECRET (Basic Information > App Credentials) for HTTP mode. Unset SLACK_BOT_TOKEN for the local console.',
    );
  }
  if (app || secret) {
    const set = [app ? 'SLACK_APP_TOKEN' : undefined, secret ? 'SLACK_SIGNING_SECRET' : undefined].filter(Boolean).join(' and ');
    throw new ConfigError(
      `Incomplete Slack configuration: ${set} ${app && secret ? 'are' : 'is'} set, but SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions > Bot User OAuth Token) is missing. Set it, or unset ${set} for the local console.`,
    );
  }
  return 'console';
}

/** Validates the environment; throws a ConfigError whose message names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration (check your environment or .env):\n${lines.join('\n')}`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the store is opened with: the thread and team memory times to live (days, as ms) and the Redis key prefix. */
export function storeOptionsOf(config: Pick<Config, 'THREAD_TTL_DAYS' | 'MEMORY_TTL_DAYS' | 'STORE_KEY_PREFIX'>): Required<Pick<OpenStoreOptions, 'ttlMs' | 'memoryTtlMs' | 'keyPrefix'>> {
  return { ttlMs: config.THREAD_TTL_DAYS * DAY_MS, memoryTtlMs: config.MEMORY_TTL_DAYS * DAY_MS, keyPrefix: config.STORE_KEY_PREFIX };
}
