import { createClient } from 'redis';
import { RedisStore } from '../../../src/conversation/store/redis-store';
import { flushPrefix, keysUnder, REDIS_URL, startRedisServer, uniquePrefix } from '../../support/redis/redis-test';
import { describeRedis } from '../../helpers/describe-redis';
import { memoryContract } from './memory-contract';
import { key, message, storeContract } from './store-contract';

const prefix = uniquePrefix('contract');
let n = 0;

describeRedis('RedisStore', () => {
  afterAll(() => flushPrefix(prefix));
  // Every store gets keys of its own: a test starts from an empty store, as with a new SQLite file.
  storeContract('RedisStore', (options) => new RedisStore(REDIS_URL!, { ...options, keyPrefix: `${prefix}${++n}:` }));
  memoryContract('RedisStore', (options) => new RedisStore(REDIS_URL!, { ...options, keyPrefix: `${prefix}${++n}:` }));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeRedis('RedisStore on a real Redis', () => {
  const own = uniquePrefix('redis-only');
  let stores: RedisStore[] = [];
  const open = (options: ConstructorParameters<typeof RedisStore>[1] = {}, url = REDIS_URL!) => {
    const store = new RedisStore(url, { keyPrefix: `${own}${++n}:`, ...options });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
  });
  afterAll(() => flushPrefix(own));

  it('forgets threads, processed ids and finished jobs through Redis expiry: no sweep (expire()) needed', async () => {
    const prefix = `${own}expiry:`;
    const store = open({ keyPrefix: prefix, ttlMs: 400, processedTtlMs: 400, jobMaxAgeMs: 400 });
    await store.appendMessage(key(), message(1));
    await store.addFeedback(key(), { causeId: 'x', verdict: 'wrong', by: 'U1', at: '2025-03-01T00:00:00.000Z' });
    expect(await store.markProcessed('Ev1')).toBe(true);
    await store.acceptJob({ id: 'event:1', lane: 'l', payload: { text: 'x' } }, 'a', 30_000);
    await store.finishJob('event:1', 'a', 'done');
    expect(await store.acquireThread('lane', 'a', 400)).toBe(true);
    const before = await keysUnder(prefix);
    expect(before.some((k) => k.includes(':t:'))).toBe(true);
    expect(before.some((k) => k.endsWith(':p:Ev1'))).toBe(true);
    expect(before.some((k) => k.endsWith(':j:event:1'))).toBe(true);
    await sleep(900);
    // Only the two index sets stay until expire() trims them; no data is left in them.
    expect((await keysUnder(prefix)).sort()).toStrictEqual([`${prefix}jobs`, `${prefix}threads`].filter((k) => before.includes(k)).sort());
    expect(await store.getThread(key())).toBeUndefined();
    expect(await store.expire()).toBe(0);
  });

  it('keeps deployments with different key prefixes apart on one Redis', async () => {
    const a = open({ keyPrefix: `${own}deployment-a:` });
    const b = open({ keyPrefix: `${own}deployment-b:` });
    await a.appendMessage(key(), message(1));
    expect(await b.getThread(key())).toBeUndefined();
    expect(await a.markProcessed('Ev1')).toBe(true);
    expect(await b.markProcessed('Ev1')).toBe(true);
    expect(await a.acceptJob({ id: 'event:1', lane: 'l', payload: {} }, 'a', 30_000)).toBe(true);
    expect(await b.openJobs()).toBe(0);
  });

  it('fails fast with the reason (and no password) when Redis cannot be reached; nothing hangs', async () => {
    const store = open({ commandTimeoutMs: 500 }, 'redis://diag:s3cr3t-pw@127.0.0.1:9/0');
    const started = Date.now();
    const error = await store.ping().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Redis at redis:\/\/diag:\*\*\*@127\.0\.0\.1:9\/0 is unreachable: .*ECONNREFUSED/);
    expect(error?.message).not.toContain('s3cr3t');
    await expect(store.acceptJob({ id: 'event:1', lane: 'l', payload: {} }, 'a', 1000)).rejects.toThrow(/is unreachable/);
    await expect(store.getThread(key())).rejects.toThrow(/is unreachable/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('ping rejects with Redis’s reason when Redis answers but refuses writes', async () => {
    // A Redis of its own: the shared one must keep taking writes for the other test files.
    const server = await startRedisServer();
    try {
      const store = open({}, server.url);
      await store.ping();
      const admin = createClient({ url: server.url });
      await admin.connect();
      // A server that needs a replica to write (none here) refuses every write, as a read-only replica would.
      await admin.configSet('min-replicas-to-write', '1');
      await expect(store.ping()).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:\d+ refused the command: NOREPLICAS/);
      await expect(store.acceptJob({ id: 'event:w', lane: 'l', payload: {} }, 'a', 1000)).rejects.toThrow(/refused the command/);
      await admin.configSet('min-replicas-to-write', '0');
      await admin.close();
      await store.ping();
    } finally {
      await server.stop();
    }
  });
});
