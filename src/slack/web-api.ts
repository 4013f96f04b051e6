/**
 * Every Web API call the bot makes goes through here: bounded retries with a timeout on each try,
 * Slack's Retry-After honoured, one log line per retry, and nothing retried silently for half an
 * hour (the SDK's default policy). A token Slack rejects is remembered for /healthz.
 *
 * The WebClient is built with retries off, rate-limited calls rejected (so the wait is ours and
 * logged), a per-request timeout, and `allowAbsoluteUrls: false`, so a method name can never turn
 * into a request (with the token) to another host.
 */
import { webApi, type Logger } from '@slack/bolt';
import type { Health } from './health';
import type { SlackHosts } from './slack-hosts';

export interface RetryPolicy {
  /** Retries after the first try. */
  retries: number;
  /** Each try's timeout. */
  timeoutMs: number;
  /** Waits between tries (the last one repeats), unless Slack says how long. */
  backoffMs: readonly number[];
  /** Longest Retry-After honoured in place; a longer one fails the call as retryable later. */
  maxRetryAfterMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 3, timeoutMs: 10_000, backoffMs: [1000, 2000, 4000], maxRetryAfterMs: 30_000 };

/** Slack errors that mean the token itself is bad: no retry helps, the operator must act. */
export const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'org_login_required', 'ekm_access_denied']);
/** Slack's own transient failures, worth another try. */
const TRANSIENT_PLATFORM = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** A failure after every try, or one no retry can fix; `retryable` says whether trying later may help. */
export class SlackCallError extends Error {
  override readonly name = 'SlackCallError';
  constructor(
    readonly method: string,
    /** Slack's error code (`not_in_channel`), `ratelimited`, `http_503`, or `unreachable`. */
    readonly code: string,
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
  }
}

export function webClientOptions(apiUrl: string | undefined, policy: RetryPolicy = DEFAULT_RETRY): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: policy.timeoutMs,
    allowAbsoluteUrls: false,
  };
}

interface Classified {
  code: string;
  retryable: boolean;
  /** How long Slack asked us to wait, when it did. */
  waitMs?: number;
}

function classify(error: unknown): Classified {
  const e = error as { code?: string; data?: { error?: unknown }; retryAfter?: number; statusCode?: number; original?: Error; name?: string };
  if (e?.code === webApi.ErrorCode.RateLimitedError) return { code: 'ratelimited', retryable: true, waitMs: Math.max(0, Number(e.retryAfter ?? 1)) * 1000 };
  if (e?.code === webApi.ErrorCode.PlatformError) {
    const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
    return { code, retryable: TRANSIENT_PLATFORM.has(code) };
  }
  if (e?.code === webApi.ErrorCode.HTTPError) {
    const status = Number(e.statusCode ?? 0);
    return { code: `http_${status}`, retryable: status >= 500 || status === 408 };
  }
  if (e?.code === webApi.ErrorCode.RequestError) {
    // The SDK may wrap the abort in a plain Error ("TimeoutError: The operation was aborted…").
    const original = `${e.original?.name ?? ''} ${e.original?.message ?? ''}`;
    const reason = /TimeoutError|AbortError|aborted due to timeout/.test(original) ? 'timeout' : 'unreachable';
    return { code: reason, retryable: true };
  }
  return { code: (error as Error)?.message ?? String(error), retryable: false };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

interface SlackApiOptions {
  /** Told when Slack answers or rejects the token (for /healthz). */
  health?: Pick<Health, 'slackAnswered' | 'tokenRejected'>;
  policy?: RetryPolicy;
}

export class SlackApi {
  /** Set when stopping: waits end at once and no new try starts. */
  private readonly stopping = new AbortController();
  private readonly policy: RetryPolicy;

  constructor(
    readonly client: webApi.WebClient,
    private readonly logger: Logger,
    readonly hosts: SlackHosts,
    private readonly options: SlackApiOptions = {},
  ) {
    this.policy = options.policy ?? DEFAULT_RETRY;
  }

  /** Calls `method`; resolves with Slack's answer or rejects with a SlackCallError. */
  async call<T = webApi.WebAPICallResult>(method: string, args: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.stopping.signal.aborted) throw new SlackCallError(method, 'stopping', true, `${method} not sent: the bot is stopping`);
      try {
        const result = (await this.client.apiCall(method, args)) as T;
        this.options.health?.slackAnswered();
        return result;
      } catch (error) {
        const failure = classify(error);
        if (TOKEN_ERRORS.has(failure.code)) this.options.health?.tokenRejected(failure.code);
        const last = attempt >= this.policy.retries;
        const tooLong = failure.waitMs !== undefined && failure.waitMs > this.policy.maxRetryAfterMs;
        if (!failure.retryable || last || tooLong) {
          const tries = attempt + 1;
          throw new SlackCallError(method, failure.code, failure.retryable, `${method} failed (${failure.code})${failure.retryable ? ` after ${tries} ${tries === 1 ? 'try' : 'tries'}` : ''}`);
        }
        const waitMs = failure.waitMs ?? this.policy.backoffMs[Math.min(attempt, this.policy.backoffMs.length - 1)] ?? 1000;
        this.logger.warn(`diag502: ${method} try ${attempt + 1} of ${this.policy.retries + 1} failed (${failure.code}), retrying in ${(waitMs / 1000).toFixed(1)} s`);
        await sleep(waitMs, this.stopping.signal);
      }
    }
  }

  /** Ends waits between retries and refuses new calls (shutdown). */
  stop(): void {
    this.stopping.abort();
  }
}
