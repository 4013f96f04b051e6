/**
 * What GET /healthz answers: 200 while the bot can do its job, 503 with the reason when it cannot
 * (the store refuses writes, or Slack rejected the bot token), so an orchestrator restarts or
 * alerts instead of routing events to a bot that would drop them.
 */
import type { ServerResponse } from 'node:http';
import type { Store } from '../conversation/store/store';

interface HealthReport {
  status: 'ok' | 'unavailable';
  reason?: string;
}

/** How long a store check may take before it counts as failed. */
const STORE_CHECK_MS = 2000;
/** A store check this recent is reused: probes every second must not queue behind the store's work. */
const STORE_CHECK_REUSE_MS = 1000;

export class Health {
  private tokenProblem: string | undefined;
  private lastCheck: { at: number; result: Promise<string | undefined> } | undefined;

  constructor(private readonly store: Store) {}

  /** Slack answered a call: the token works. */
  slackAnswered(): void {
    this.tokenProblem = undefined;
  }

  /** Slack refused the token (`invalid_auth`, `token_revoked`…). */
  tokenRejected(code: string): void {
    this.tokenProblem = code;
  }

  async report(): Promise<HealthReport> {
    if (this.tokenProblem) return { status: 'unavailable', reason: `Slack rejected the bot token (${this.tokenProblem}): check SLACK_BOT_TOKEN` };
    const problem = await this.storeProblem();
    return problem ? { status: 'unavailable', reason: `the store cannot write: ${problem}` } : { status: 'ok' };
  }

  /** Why the store cannot write, or undefined when it can (checked at most once a second). */
  private storeProblem(): Promise<string | undefined> {
    const now = Date.now();
    if (this.lastCheck && now - this.lastCheck.at < STORE_CHECK_REUSE_MS) return this.lastCheck.result;
    const result = withTimeout(this.store.ping(), STORE_CHECK_MS).then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    );
    this.lastCheck = { at: now, result };
    return result;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Writes a report as the HTTP answer. */
export function writeHealth(res: ServerResponse, report: HealthReport): void {
  res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify(report));
}
