/**
 * Runs the real bot (`node dist/src/main.js`) in HTTP mode as a child process and talks to it the
 * way Slack does: signed form posts for commands and interactivity, signed JSON for events.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withDistLock } from '../dist-lock';
import { freePort } from '../local-net';

export { freePort };

function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** The repository root: this file is test/support/slack/ in the sources and dist/test/support/slack/ once built. */
export const ROOT = repoRoot(__dirname);
export const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}


/**
 * Builds dist when any source is newer than dist/src/main.js. Jest runs test files in parallel
 * workers, so a lock directory (mkdir is atomic) keeps two builds from writing dist at once.
 */
export function buildIfStale(): void {
  withDistLock(ROOT, 120_000, () => {
    if (!existsSync(MAIN) || newestMtime(join(ROOT, 'src')) > statSync(MAIN).mtimeMs) {
      try {
        execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
      } catch {
        // Type errors in files other people are writing still emit JavaScript; the tests decide.
      }
    }
  });
}


export class BotProcess {
  private child: ChildProcess | undefined;
  output = '';
  /** What the bot wrote on stderr alone (logs), since the last start. */
  stderr = '';
  port = 0;

  constructor(
    private readonly env: Record<string, string>,
    /** Extra arguments for node itself (a profiler flag: NODE_OPTIONS refuses --cpu-prof). */
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  /** True while the child process runs. */
  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the bot and waits until /healthz answers. */
  async start(): Promise<void> {
    const child = await this.spawn();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.base}/healthz`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`bot did not start:\n${this.output}`);
  }

  /** Starts the process without waiting for it to be ready; resolves when it exits. */
  async spawnOnly(): Promise<number | null> {
    const child = await this.spawn();
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Runs the process until it exits by itself (a start-up failure); kills it after `timeoutMs`. */
  async runToExit(timeoutMs: number): Promise<{ code: number | null; output: string }> {
    const child = await this.spawn();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(timer);
    return { code, output: this.output };
  }

  private async spawn(): Promise<ChildProcess> {
    this.port = await freePort();
    this.output = '';
    this.stderr = '';
    const child = spawn(process.execPath, [...this.nodeArgs, MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      this.stderr += chunk.toString();
    });
    return child;
  }

  /** Sends `signal` and resolves with the exit code (or null when it had to be killed). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    // A process already gone (killed by a signal has exitCode null but a signalCode) has nothing to wait for.
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  /** A request signed like Slack signs it (v0 HMAC-SHA256 of `v0:ts:body`). */
  async send(path: string, body: string, contentType: string, options: { signed?: boolean; timestamp?: number; headers?: Record<string, string> } = {}): Promise<Response> {
    const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, ...(options.headers ?? {}) };
    if (options.signed !== false) {
      headers['x-slack-request-timestamp'] = String(ts);
      headers['x-slack-signature'] = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    }
    return fetch(`${this.base}${path}`, { method: 'POST', headers, body });
  }

  async event(envelope: Record<string, unknown>, options: { retryNum?: number } = {}): Promise<Response> {
    const headers: Record<string, string> = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
    return this.send('/slack/events', JSON.stringify(envelope), 'application/json', { headers });
  }

  async command(fields: Record<string, string>): Promise<Response> {
    return this.send('/slack/events', new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  }

  async interactive(payload: Record<string, unknown>): Promise<Response> {
    return this.send('/slack/events', new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns true (or throws with `what` after `timeoutMs`). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
