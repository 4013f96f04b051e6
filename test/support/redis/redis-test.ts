/**
 * For test files that need Redis: the URL global-setup.js found or started, a key prefix of
 * their own (so files running in parallel never see each other's keys), and cleanup of exactly
 * that prefix. (test/support is compiled by the build, without jest's globals: the suite helper
 * that needs them is test/helpers/describe-redis.ts.)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort } from '../local-net';
import { createClient } from 'redis';

/** The test Redis, or undefined when there is none (then the suites are skipped, see global-setup.js). */
export const REDIS_URL = process.env.DIAG502_TEST_REDIS_URL;

/** A key prefix no other test file uses. */
export function uniquePrefix(label: string): string {
  return `diag502-test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** Every key under `prefix`, with its value type; for "what is in Redis" checks. */
export async function keysUnder(prefix: string): Promise<string[]> {
  const client = createClient({ url: REDIS_URL! });
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    return keys;
  } finally {
    await client.close();
  }
}

/** Deletes every key under `prefix` (only those: other files' keys stay). */
export async function flushPrefix(prefix: string): Promise<void> {
  if (!REDIS_URL) return;
  const keys = await keysUnder(prefix);
  if (keys.length === 0) return;
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  try {
    for (let i = 0; i < keys.length; i += 500) await client.del(keys.slice(i, i + 500));
  } finally {
    await client.close();
  }
}

/**
 * A private redis-server on a free loopback port (for tests that stop Redis, make it refuse
 * writes or ask for a password, which the shared one must never do), with `extraArgs` added to
 * its command line. Needs redis-server on PATH.
 */
export async function startRedisServer(port?: number, extraArgs: readonly string[] = []): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  const chosen = port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...extraArgs], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      await client.close();
      break;
    } catch (error) {
      // A server that asks for a password answers: it is up.
      if (/NOAUTH/.test((error as Error).message)) {
        client.destroy();
        break;
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start on port ${chosen}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  };
  return { url, port: chosen, stop };
}


/** Every key under `prefix` with its whole value, as one text (for "this secret is nowhere" checks). */
export async function dumpUnder(prefix: string): Promise<string> {
  const keys = await keysUnder(prefix);
  const client = createClient({ url: REDIS_URL! });
  await client.connect();
  try {
    const parts: string[] = [];
    for (const key of keys) {
      const type = await client.type(key);
      // Raw text, not JSON.stringify'd again: one more layer of escaping could hide a secret.
      let values: string[];
      if (type === 'string') values = [(await client.get(key)) ?? ''];
      else if (type === 'hash') values = Object.entries(await client.hGetAll(key)).flat();
      else if (type === 'list') values = await client.lRange(key, 0, -1);
      else if (type === 'set') values = await client.sMembers(key);
      else if (type === 'zset') values = await client.zRange(key, 0, -1);
      else values = [`(${type})`];
      parts.push(key, ...values);
    }
    return parts.join('\n');
  } finally {
    await client.close();
  }
}
