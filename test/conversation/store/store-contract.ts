/**
 * The one behaviour both stores must share. Each implementation's test file calls
 * `storeContract(name, makeStore)`; a difference between them is a failure here.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { DEFAULT_JOB_MAX_AGE_MS, DEFAULT_PROCESSED_TTL_MS, DEFAULT_TTL_MS, type Store, type StoreOptions } from '../../../src/conversation/store/store';
import { threadId, type DiagnosisSnapshot, type Feedback, type Resolution, type StoredMessage, type ThreadKey } from '../../../src/conversation/types';

export type MakeStore = (options: StoreOptions) => Store;

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public ms: number = T0) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const key = (thread = '1700000000.000100', over: Partial<ThreadKey> = {}): ThreadKey => ({
  surface: 'slack',
  team: 'T0001',
  channel: 'C0001',
  thread,
  ...over,
});

export function message(n: number | string, over: Partial<StoredMessage> = {}): StoredMessage {
  return {
    messageId: `m${n}`,
    author: 'U0001',
    at: new Date(T0 + Number(String(n).replace(/\D/g, '') || 0) * 1000).toISOString(),
    kind: 'evidence',
    text: `HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure (message ${n})`,
    redactions: 0,
    ...over,
  };
}

const snapshot: DiagnosisSnapshot = {
  at: '2025-03-01T12:05:00.000Z',
  layer: 'app',
  causes: [
    { id: 'startup-exception', family: 'startup-failure', title: 'The app throws while starting', confidence: 0.82 },
    { id: 'native-crash', family: 'crash-mid-request', title: 'The process crashed', confidence: 0.31 },
  ],
};
const resolution: Resolution = { causeId: 'startup-exception', text: 'missing hosting bundle', by: 'U0002', at: '2025-03-01T13:00:00.000Z' };
const confirmed: Feedback = { causeId: 'startup-exception', verdict: 'confirmed', by: 'U0003', at: '2025-03-01T13:01:00.000Z' };
const wrong: Feedback = { causeId: 'native-crash', verdict: 'wrong', by: 'U0004', at: '2025-03-01T13:02:00.000Z' };

/** The pid of a process that ran and exited: certainly not running now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** Resolves after the event loop turned, so callers really interleave. */
const tick = (): Promise<void> => new Promise((done) => setImmediate(done));

export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`${name}: the Store contract`, () => {
    let clock: TestClock;
    let store: Store;
    const open = (options: StoreOptions = {}): Store => (store = makeStore({ now: clock.now, ...options }));

    beforeEach(() => {
      clock = new TestClock();
      open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('has no thread before the first message', async () => {
      expect(await store.getThread(key())).toBeUndefined();
    });

    it('appends messages and gives the thread back with them in arrival order', async () => {
      expect(await store.appendMessage(key(), message(1))).toBe(true);
      clock.advance(1000);
      expect(await store.appendMessage(key(), message(2, { kind: 'question', text: 'why 502?', redactions: 2 }))).toBe(true);
      clock.advance(1000);
      expect(await store.appendMessage(key(), message(3, { kind: 'command', text: 'summary' }))).toBe(true);

      const thread = await store.getThread(key());
      expect(thread).toStrictEqual({
        id: threadId(key()),
        key: key(),
        createdAt: new Date(T0).toISOString(),
        updatedAt: new Date(T0 + 2000).toISOString(),
        messages: [message(1), message(2, { kind: 'question', text: 'why 502?', redactions: 2 }), message(3, { kind: 'command', text: 'summary' })],
        feedback: [],
      });
    });

    it('keeps text exactly, including newlines, quotes and non-ASCII', async () => {
      const text = 'line 1\r\nline "2"\t\u00e9\u4e2d\u{1F600}\n\u0000end';
      await store.appendMessage(key(), message(1, { text }));
      expect((await store.getThread(key()))!.messages[0]!.text).toBe(text);
    });

    it('refuses a redelivered messageId and changes nothing (not even updatedAt)', async () => {
      await store.appendMessage(key(), message(1));
      const before = structuredClone(await store.getThread(key()));
      clock.advance(5000);
      expect(await store.appendMessage(key(), message(1, { text: 'a different text', author: 'U0009' }))).toBe(false);
      expect(await store.getThread(key())).toStrictEqual(before);
    });

    it('accepts the same messageId in another thread (ids are unique per thread)', async () => {
      expect(await store.appendMessage(key('a'), message(1))).toBe(true);
      expect(await store.appendMessage(key('b'), message(1))).toBe(true);
    });

    it('keeps threads apart by every part of their key, even with separators inside the parts', async () => {
      const keys: ThreadKey[] = [
        key('1'),
        key('1', { surface: 'console' }),
        key('1', { team: 'T0002' }),
        key('1', { channel: 'C0002' }),
        key('2'),
        // A naive join with ':' would give these two the same id.
        { surface: 'slack', team: 'a:b', channel: 'c', thread: 'd' },
        { surface: 'slack', team: 'a', channel: 'b:c', thread: 'd' },
      ];
      for (const [i, k] of keys.entries()) await store.appendMessage(k, message(i, { text: `only in thread ${i}` }));
      for (const [i, k] of keys.entries()) {
        const thread = await store.getThread(k);
        expect(thread!.key).toStrictEqual(k);
        expect(thread!.messages.map((m) => m.text)).toStrictEqual([`only in thread ${i}`]);
      }
    });

    it('round-trips the snapshot (latest wins), the resolution and feedback in order', async () => {
      await store.appendMessage(key(), message(1));
      const empty: DiagnosisSnapshot = { at: '2025-03-01T12:01:00.000Z', layer: null, causes: [] };
      await store.saveSnapshot(key(), empty);
      expect((await store.getThread(key()))!.snapshot).toStrictEqual(empty);
      await store.saveSnapshot(key(), snapshot);
      await store.setResolution(key(), resolution);
      await store.addFeedback(key(), confirmed);
      await store.addFeedback(key(), wrong);
      const thread = await store.getThread(key());
      expect(thread!.snapshot).toStrictEqual(snapshot);
      expect(thread!.resolution).toStrictEqual(resolution);
      expect(thread!.feedback).toStrictEqual([confirmed, wrong]);
      expect(thread!.messages).toHaveLength(1);
    });

    it('round-trips a resolution without a cause id (no causeId key at all)', async () => {
      const free: Resolution = { text: 'restarted the app pool', by: 'U0002', at: '2025-03-01T13:00:00.000Z' };
      await store.setResolution(key(), resolution);
      await store.setResolution(key(), free);
      expect((await store.getThread(key()))!.resolution).toStrictEqual(free);
    });

    it('creates the thread when the first write is a snapshot, resolution or feedback, and marks it updated', async () => {
      await store.saveSnapshot(key('s'), snapshot);
      await store.setResolution(key('r'), resolution);
      clock.advance(1000);
      await store.addFeedback(key('f'), confirmed);
      await store.addFeedback(key('s'), wrong);
      expect(await store.getThread(key('s'))).toStrictEqual({
        id: threadId(key('s')),
        key: key('s'),
        createdAt: new Date(T0).toISOString(),
        updatedAt: new Date(T0 + 1000).toISOString(),
        messages: [],
        snapshot,
        feedback: [wrong],
      });
      expect((await store.getThread(key('r')))!.resolution).toStrictEqual(resolution);
      expect((await store.getThread(key('f')))!.feedback).toStrictEqual([confirmed]);
    });

    it('reset keeps the thread joined but empty, and only that thread', async () => {
      await store.appendMessage(key(), message(1));
      await store.appendMessage(key('other'), message(1));
      await store.saveSnapshot(key(), snapshot);
      await store.setResolution(key(), resolution);
      await store.addFeedback(key(), confirmed);
      clock.advance(1000);
      await store.resetThread(key());
      expect(await store.getThread(key())).toStrictEqual({
        id: threadId(key()),
        key: key(),
        createdAt: new Date(T0).toISOString(),
        updatedAt: new Date(T0 + 1000).toISOString(),
        messages: [],
        feedback: [],
      });
      expect((await store.getThread(key('other')))!.messages).toHaveLength(1);
      // The message ids went too: after a reset the thread starts over.
      expect(await store.appendMessage(key(), message(1))).toBe(true);
      expect((await store.getThread(key()))!.messages).toStrictEqual([message(1)]);
    });

    it('markProcessed is true the first time and false for every redelivery', async () => {
      expect(await store.markProcessed('Ev0001')).toBe(true);
      expect(await store.markProcessed('Ev0001')).toBe(false);
      expect(await store.markProcessed('Ev0001')).toBe(false);
      expect(await store.markProcessed('Ev0002')).toBe(true);
    });

    it('gives racing deliveries of one id exactly one true', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => (await tickTimes(i % 3), store.markProcessed('Ev-race'))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('forgets a thread older than the default 7 days, and not a millisecond earlier', async () => {
      await store.appendMessage(key(), message(1));
      clock.advance(DEFAULT_TTL_MS);
      expect(await store.getThread(key())).toBeDefined();
      expect(await store.expire()).toBe(0);
      clock.advance(1);
      expect(await store.getThread(key())).toBeUndefined();
      expect(await store.expire()).toBe(1);
      expect(await store.expire()).toBe(0);
      expect(await store.getThread(key())).toBeUndefined();
    });

    it('counts from the last update, not from creation', async () => {
      await store.appendMessage(key('old'), message(1));
      await store.appendMessage(key('busy'), message(1));
      clock.advance(DEFAULT_TTL_MS - HOUR);
      await store.addFeedback(key('busy'), confirmed);
      clock.advance(2 * HOUR);
      expect(await store.expire()).toBe(1);
      expect(await store.getThread(key('old'))).toBeUndefined();
      expect(await store.getThread(key('busy'))).toBeDefined();
    });

    it('does not count a refused redelivery as an update', async () => {
      await store.appendMessage(key(), message(1));
      clock.advance(DEFAULT_TTL_MS);
      await store.appendMessage(key(), message(1));
      clock.advance(1);
      expect(await store.getThread(key())).toBeUndefined();
    });

    it('honours a custom time to live and an explicit expire(now)', async () => {
      await store.close();
      open({ ttlMs: HOUR });
      await store.appendMessage(key(), message(1));
      clock.advance(HOUR + 1);
      expect(await store.getThread(key())).toBeUndefined();
      await store.appendMessage(key('later'), message(1));
      expect(await store.expire(new Date(clock.ms - 1))).toBe(0);
      expect(await store.expire(new Date(clock.ms))).toBe(1);
      expect(await store.expire(new Date(clock.ms + HOUR + 1))).toBe(1);
    });

    it('starts a new thread when a message arrives in an expired one (old evidence does not come back)', async () => {
      await store.appendMessage(key(), message(1));
      await store.saveSnapshot(key(), snapshot);
      clock.advance(DEFAULT_TTL_MS + 1);
      // The old thread had m1 but is gone: the same id is a new message now.
      expect(await store.appendMessage(key(), message(1, { text: 'new incident' }))).toBe(true);
      expect(await store.getThread(key())).toStrictEqual({
        id: threadId(key()),
        key: key(),
        createdAt: clock.now().toISOString(),
        updatedAt: clock.now().toISOString(),
        messages: [message(1, { text: 'new incident' })],
        feedback: [],
      });
    });

    it('forgets processed ids after a day (as long as Slack may retry), not after the thread time to live', async () => {
      expect(DEFAULT_PROCESSED_TTL_MS).toBe(24 * HOUR);
      expect(await store.markProcessed('Ev0001')).toBe(true);
      expect(await store.markProcessed('Ev0002')).toBe(true);
      clock.advance(DEFAULT_PROCESSED_TTL_MS);
      expect(await store.markProcessed('Ev0001')).toBe(false);
      clock.advance(1);
      expect(await store.markProcessed('Ev0001')).toBe(true);
      await store.expire();
      expect(await store.markProcessed('Ev0002')).toBe(true);
    });

    it('rejects a time to live that is not a positive number', () => {
      for (const ttlMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => makeStore({ ttlMs })).toThrow(RangeError);
        expect(() => makeStore({ processedTtlMs: ttlMs })).toThrow(RangeError);
        expect(() => makeStore({ jobMaxAgeMs: ttlMs })).toThrow(RangeError);
      }
    });

    describe('jobs (accepted work that owes an answer)', () => {
      const job = (id: string, lane = 'lane-1') => ({ id, lane, payload: { text: `evidence of ${id}`, n: 1 } });
      const LEASE = 30_000;

      it('accepts a job once, leased to its owner, and refuses the same id again in every state', async () => {
        expect(await store.acceptJob(job('event:Ev1'), 'a', LEASE)).toBe(true);
        expect(await store.acceptJob(job('event:Ev1'), 'b', LEASE)).toBe(false);
        const stored = await store.getJob('event:Ev1');
        expect(stored).toMatchObject({ id: 'event:Ev1', lane: 'lane-1', state: 'pending', attempts: 0, owner: 'a', payload: { text: 'evidence of event:Ev1', n: 1 } });
        expect(stored!.acceptedAt).toBe(clock.now().toISOString());
        expect(await store.finishJob('event:Ev1', 'a', 'done')).toBe(true);
        expect(await store.acceptJob(job('event:Ev1'), 'b', LEASE)).toBe(false);
        expect((await store.getJob('event:Ev1'))!.state).toBe('done');
      });

      it('lets exactly one of 20 concurrent accepts of one id in', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => (await tickTimes(i % 3), store.acceptJob(job('event:race'), `w${i}`, LEASE))));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('keeps finished jobs as processed records for a day, then accepts the id again', async () => {
        await store.acceptJob(job('trigger:1'), 'a', LEASE);
        await store.finishJob('trigger:1', 'a', 'failed');
        clock.advance(DEFAULT_PROCESSED_TTL_MS);
        expect(await store.acceptJob(job('trigger:1'), 'a', LEASE)).toBe(false);
        clock.advance(1);
        expect(await store.getJob('trigger:1')).toBeUndefined();
        expect(await store.acceptJob(job('trigger:1'), 'a', LEASE)).toBe(true);
      });

      it('only the lease holder may change or finish a job, and only while the lease runs', async () => {
        await store.acceptJob(job('event:Ev2'), 'a', LEASE);
        expect(await store.updateJob('event:Ev2', 'b', { state: 'answered' })).toBe(false);
        expect(await store.finishJob('event:Ev2', 'b', 'done')).toBe(false);
        expect(await store.updateJob('event:Ev2', 'a', { state: 'answered', result: { answers: ['x'] }, attempts: 2 })).toBe(true);
        expect(await store.updateJob('event:Ev2', 'a', { progress: { delivered: 1 } })).toBe(true);
        expect(await store.getJob('event:Ev2')).toMatchObject({ state: 'answered', attempts: 2, payload: { text: 'evidence of event:Ev2', n: 1 }, result: { answers: ['x'] }, progress: { delivered: 1 } });
        clock.advance(LEASE + 1);
        expect(await store.renewJob('event:Ev2', 'a', LEASE)).toBe(false);
        expect(await store.updateJob('event:Ev2', 'a', { state: 'posting' })).toBe(false);
      });

      it('renewing keeps a lease alive past its first term', async () => {
        await store.acceptJob(job('event:Ev3'), 'a', LEASE);
        clock.advance(LEASE - 1000);
        expect(await store.renewJob('event:Ev3', 'a', LEASE)).toBe(true);
        clock.advance(LEASE - 1000);
        expect(await store.claimJobs('b', LEASE)).toStrictEqual([]);
        expect(await store.updateJob('event:Ev3', 'a', { state: 'posting' })).toBe(true);
      });

      it('claims open jobs whose lease ran out, oldest first, and never a job another claimer holds', async () => {
        await store.acceptJob(job('event:old'), 'a', LEASE);
        clock.advance(1000);
        await store.acceptJob(job('event:new'), 'a', LEASE);
        await store.acceptJob(job('event:done'), 'a', LEASE);
        await store.finishJob('event:done', 'a', 'done');
        expect(await store.claimJobs('b', LEASE)).toStrictEqual([]);
        clock.advance(LEASE + 1);
        const claimed = await store.claimJobs('b', LEASE);
        expect(claimed.map((j) => j.id)).toStrictEqual(['event:old', 'event:new']);
        expect(claimed.every((j) => j.owner === 'b')).toBe(true);
        expect(await store.claimJobs('c', LEASE)).toStrictEqual([]);
        expect(await store.updateJob('event:old', 'a', { state: 'posting' })).toBe(false);
        expect(await store.updateJob('event:old', 'b', { state: 'posting' })).toBe(true);
      });

      it("claims at once a job whose holder is a gone process on this host; others' leases must run out", async () => {
        const me = `${hostname()}:${process.pid}:me`;
        await store.acceptJob(job('event:orphan'), `${hostname()}:${deadPid()}:x`, LEASE);
        await store.acceptJob(job('event:reused-pid'), `${hostname()}:${process.pid}:old`, LEASE);
        await store.acceptJob(job('event:alive'), `${hostname()}:${process.ppid}:y`, LEASE);
        await store.acceptJob(job('event:elsewhere'), `other-host:1:z`, LEASE);
        await store.acceptJob(job('event:mine'), me, LEASE);
        expect((await store.claimJobs(me, 10 * LEASE)).map((j) => j.id).sort()).toStrictEqual(['event:orphan', 'event:reused-pid']);
        clock.advance(LEASE + 1);
        expect((await store.claimJobs(me, LEASE)).map((j) => j.id).sort()).toStrictEqual(['event:alive', 'event:elsewhere', 'event:mine']);
      });

      it('honours notBefore and limit, and a released job is claimable at once', async () => {
        for (const id of ['event:1', 'event:2', 'event:3']) await store.acceptJob(job(id), 'a', LEASE);
        await store.updateJob('event:1', 'a', { attempts: 1, notBefore: new Date(clock.ms + 60_000), release: true });
        await store.updateJob('event:2', 'a', { release: true });
        await store.updateJob('event:3', 'a', { release: true });
        // Leased for longer than the wait below, so only the retry comes back.
        expect((await store.claimJobs('b', 10 * LEASE, { limit: 1 })).map((j) => j.id)).toStrictEqual(['event:2']);
        expect((await store.claimJobs('b', 10 * LEASE)).map((j) => j.id)).toStrictEqual(['event:3']);
        clock.advance(60_000);
        const retried = await store.claimJobs('b', LEASE);
        expect(retried.map((j) => j.id)).toStrictEqual(['event:1']);
        expect(retried[0]!.attempts).toBe(1);
      });

      it('counts open jobs and drops open jobs older than the longest job age', async () => {
        await store.acceptJob(job('event:a'), 'a', LEASE);
        await store.acceptJob(job('event:b'), 'a', LEASE);
        await store.finishJob('event:b', 'a', 'done');
        expect(await store.openJobs()).toBe(1);
        clock.advance(DEFAULT_JOB_MAX_AGE_MS + 1);
        expect(await store.openJobs()).toBe(0);
        expect(await store.claimJobs('b', LEASE)).toStrictEqual([]);
        await store.expire();
        expect(await store.getJob('event:a')).toBeUndefined();
      });

      it('gives a thread lease to one owner at a time until it runs out or is released', async () => {
        expect(await store.acquireThread('lane-1', 'a', LEASE)).toBe(true);
        expect(await store.acquireThread('lane-1', 'b', LEASE)).toBe(false);
        // Other lanes are independent.
        expect(await store.acquireThread('lane-2', 'b', LEASE)).toBe(true);
        // The holder extends its lease by acquiring again.
        clock.advance(LEASE - 1000);
        expect(await store.acquireThread('lane-1', 'a', LEASE)).toBe(true);
        clock.advance(LEASE - 1000);
        expect(await store.acquireThread('lane-1', 'b', LEASE)).toBe(false);
        // Releasing by someone else changes nothing; the holder's release frees it at once.
        await store.releaseThread('lane-1', 'b');
        expect(await store.acquireThread('lane-1', 'b', LEASE)).toBe(false);
        await store.releaseThread('lane-1', 'a');
        expect(await store.acquireThread('lane-1', 'b', LEASE)).toBe(true);
        // A lease that ran out is taken over; then the old holder is the one refused.
        clock.advance(LEASE + 1);
        expect(await store.acquireThread('lane-1', 'c', LEASE)).toBe(true);
        expect(await store.acquireThread('lane-1', 'b', LEASE)).toBe(false);
      });

      it('lets exactly one of 20 concurrent owners take a free thread lease', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => (await tickTimes(i % 3), store.acquireThread('lane-race', `w${i}`, LEASE))));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("takes over at once a thread lease whose holder is a gone process on this host", async () => {
        const me = `${hostname()}:${process.pid}:me`;
        expect(await store.acquireThread('lane-dead', `${hostname()}:${deadPid()}:x`, LEASE)).toBe(true);
        expect(await store.acquireThread('lane-alive', `${hostname()}:${process.ppid}:y`, LEASE)).toBe(true);
        expect(await store.acquireThread('lane-dead', me, LEASE)).toBe(true);
        expect(await store.acquireThread('lane-alive', me, LEASE)).toBe(false);
      });

      it('answers ping while open, and rejects every job call after close', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toThrow(/closed|not open/);
        await expect(store.acceptJob(job('event:x'), 'a', LEASE)).rejects.toThrow(/closed|not open/);
        await expect(store.claimJobs('a', LEASE)).rejects.toThrow(/closed|not open/);
      });
    });

    it('keeps every one of 50 concurrent appends from interleaved async callers', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          await tickTimes(i % 4);
          const appended = await store.appendMessage(key(), message(i));
          // Each caller reads the whole thread back right away, as the conversation layer does.
          const thread = await store.getThread(key());
          return { appended, sawOwn: thread!.messages.some((m) => m.messageId === `m${i}`) };
        }),
      );
      expect(results.every((r) => r.appended && r.sawOwn)).toBe(true);
      const ids = (await store.getThread(key()))!.messages.map((m) => m.messageId);
      expect(ids).toHaveLength(50);
      expect(new Set(ids)).toStrictEqual(new Set(Array.from({ length: 50 }, (_, i) => `m${i}`)));
    });

    it('lets exactly one of 20 concurrent redeliveries of one message in', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => (await tickTimes(i % 3), store.appendMessage(key(), message(7)))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.getThread(key()))!.messages).toHaveLength(1);
    });

    it('returns copies: changing what it returned or what was passed in does not change the store', async () => {
      const input = message(1);
      const snap = structuredClone(snapshot);
      const res = { ...resolution };
      const fb = { ...confirmed };
      const k = key();
      await store.appendMessage(k, input);
      await store.saveSnapshot(k, snap);
      await store.setResolution(k, res);
      await store.addFeedback(k, fb);
      const expected = structuredClone(await store.getThread(key()));

      input.text = 'changed';
      snap.causes[0]!.confidence = 0;
      snap.causes.push({ ...snap.causes[0]! });
      res.text = 'changed';
      fb.verdict = 'wrong';
      k.thread = 'changed';

      const read = await store.getThread(key());
      expect(read).toStrictEqual(expected);
      read!.messages[0]!.text = 'changed';
      read!.messages.push(message(9));
      read!.snapshot!.causes.length = 0;
      read!.resolution!.text = 'changed';
      read!.feedback.length = 0;
      read!.key.team = 'changed';
      expect(await store.getThread(key())).toStrictEqual(expected);
    });

    it('refuses every call after close, and close twice is harmless', async () => {
      await store.appendMessage(key(), message(1));
      await store.close();
      await store.close();
      await expect(store.getThread(key())).rejects.toThrow(/closed|not open/);
      await expect(store.appendMessage(key(), message(2))).rejects.toThrow(/closed|not open/);
      await expect(store.markProcessed('x')).rejects.toThrow(/closed|not open/);
      await expect(store.expire()).rejects.toThrow(/closed|not open/);
    });
  });
}

async function tickTimes(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await tick();
}
