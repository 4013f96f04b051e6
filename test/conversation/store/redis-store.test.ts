import { createClient } from 'redis';
import { RedisStore } from '../../../src/conversation/store/redis-store';
import { DEFAULT_PROCESSED_TTL_MS } from '../../../src/conversation/store/store';
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

  it('with the default settings, Redis forgets a processed id and a finished job within a day (their keys\' TTL)', async () => {
    const prefix = `${own}default-ttl:`;
    const store = open({ keyPrefix: prefix });
    await store.markProcessed('Ev1');
    await store.acceptJob({ id: 'event:1', lane: 'l', payload: { text: 'x' } }, 'a', 30_000);
    await store.finishJob('event:1', 'a', 'done');
    const admin = createClient({ url: REDIS_URL! });
    await admin.connect();
    try {
      const ttls = await Promise.all(['p:Ev1', 'j:event:1', 'j:event:1:b'].map((k) => admin.pTTL(`${prefix}${k}`)));
      // A day, plus the one millisecond by which "older than the TTL" keeps an id at exactly a day.
      for (const ttl of ttls) {
        expect(ttl).toBeGreaterThan(DEFAULT_PROCESSED_TTL_MS - 60_000);
        expect(ttl).toBeLessThanOrEqual(DEFAULT_PROCESSED_TTL_MS + 1);
      }
      expect(DEFAULT_PROCESSED_TTL_MS).toBe(24 * 60 * 60 * 1000);
    } finally {
      await admin.close();
    }
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
      // Closed while Redis is still there: a client closed while it waits to reconnect keeps the process up for that wait.
      await store.close();
    } finally {
      await server.stop();
    }
  });

  it('logs in with the user and password of the URL and keeps its keys in the database the URL names; a wrong password is refused in one line, masked', async () => {
    // A Redis of its own that lets nobody in without a password (the default user needs one too).
    const server = await startRedisServer(undefined, ['--requirepass', 'admin-pw', '--user', 'diag', 'on', '>s3cr3t-pw', '~*', '&*', '+@all']);
    const at = `127.0.0.1:${server.port}`;
    const admin = createClient({ url: `redis://default:admin-pw@${at}` });
    try {
      const store = open({ keyPrefix: 'diag502:' }, `redis://diag:s3cr3t-pw@${at}/3`);
      await store.appendMessage(key(), message(1));
      expect((await store.getThread(key()))?.messages).toHaveLength(1);
      await store.close();
      await admin.connect();
      await admin.select(3);
      expect((await admin.keys('diag502:t:*')).length).toBeGreaterThan(0);
      await admin.select(0);
      expect(await admin.dbSize()).toBe(0);

      const wrong = open({ commandTimeoutMs: 500 }, `redis://diag:wr0ng-pw@${at}/3`);
      const error = await wrong.ping().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(new RegExp(`^Redis at redis://diag:\\*\\*\\*@127\\.0\\.0\\.1:${server.port}/3 is unreachable: WRONGPASS`));
      expect(error?.message).not.toContain('wr0ng-pw');
      expect(error?.message).not.toContain('\n');
    } finally {
      if (admin.isOpen) await admin.close();
      await server.stop();
    }
  });

  it('counts a thread\'s time to live from its last update on Redis too: a later write pushes the expiry of every key of the thread back', async () => {
    const prefix = `${own}touch:`;
    const ttlMs = 1000;
    const store = open({ keyPrefix: prefix, ttlMs });
    const admin = createClient({ url: REDIS_URL! });
    await admin.connect();
    try {
      const threadKeys = () => admin.keys(`${prefix}t:*`);
      await store.appendMessage(key(), message(1));
      // Redis set the first expiry before this: without the touch, every key is gone by firstAt + ttl.
      const firstAt = Date.now();
      await sleep(firstAt + ttlMs / 2 - Date.now());
      await store.addFeedback(key(), { causeId: 'x', verdict: 'wrong', by: 'U1', at: '2025-03-01T00:00:00.000Z' });
      const touchedAt = Date.now();
      // Past the first expiry; the touch (at firstAt + 500 ms or later) keeps them until firstAt + 1500 ms at least.
      await sleep(firstAt + ttlMs + 100 - Date.now());
      const keys = await threadKeys();
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const k of keys) expect(await admin.pTTL(k)).toBeGreaterThan(0);
      expect((await store.getThread(key()))?.messages).toHaveLength(1);
      // And the new expiry is kept too: a time to live after the touch, all of them are gone.
      await sleep(touchedAt + ttlMs + 300 - Date.now());
      expect(await threadKeys()).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
