/**
 * The team's memory as every implementation keeps it (the stores and the CLI's memory file): per
 * workspace, recalled by fingerprint key, newest first, replaced by id, forgotten on request, and
 * invisible once older than its time to live. Each implementation's test file calls
 * `memoryContract(name, make)`.
 */
import type { TeamMemory } from '../../../src/conversation/store/team-memory';
import { DEFAULT_MEMORY_TTL_MS } from '../../../src/conversation/store/team-memory';
import type { DiagnosisSnapshot, MemoryEntry, ThreadKey } from '../../../src/conversation/types';
import { TestClock } from './store-contract';

export type MakeMemory = (options: { memoryTtlMs?: number; now?: () => Date }) => TeamMemory & {
  close?(): Promise<void>;
  expire?(now?: Date): Promise<number>;
  saveSnapshot?(key: ThreadKey, snapshot: DiagnosisSnapshot): Promise<void>;
  getThread?(key: ThreadKey): Promise<{ snapshot?: DiagnosisSnapshot } | undefined>;
};

const DAY = 24 * 60 * 60 * 1000;

export function entry(over: Partial<MemoryEntry> = {}): MemoryEntry {
  const key = over.key ?? 'app-pool-recycle|502.3|12030|was:5186|-';
  return {
    id: 'a1b2c3d4',
    team: 'T0001',
    key,
    fingerprint: { key, cause: 'app-pool-recycle', status: '502.3', win32: '12030', events: ['was:5186'], pool: 'ShopPool' },
    verdict: 'confirmed',
    causeId: 'app-pool-recycle',
    diagnosedCauseId: 'app-pool-recycle',
    title: 'App pool recycled mid-request',
    fixedBy: 'raised shutdownTimeLimit to 60 s',
    thread: 'slack:T0001:C0001:1700000000.000100',
    link: 'https://example.slack.com/archives/C0001/p1700000000000100',
    by: 'U0001',
    at: '2026-11-20T10:00:00.000Z',
    ...over,
  };
}

export function memoryContract(name: string, make: MakeMemory): void {
  describe(`${name}: the team's memory`, () => {
    const open: { close?(): Promise<void> }[] = [];
    const fresh = (options: Parameters<MakeMemory>[0] = {}): ReturnType<MakeMemory> => {
      const memory = make(options);
      open.push(memory);
      return memory;
    };
    afterEach(async () => {
      for (const m of open.splice(0)) await m.close?.();
    });

    it('recalls an entry by its fingerprint key, in its own workspace only', async () => {
      const memory = fresh();
      await memory.remember(entry());
      expect(await memory.recall('T0001', entry().key)).toEqual([entry()]);
      expect(await memory.recall('T0001', 'other|502|-|-|-')).toEqual([]);
      expect(await memory.recall('T0002', entry().key)).toEqual([]);
      expect(await memory.listMemory('T0002')).toEqual([]);
    });

    it('replaces the entry with the same id, and lists newest first', async () => {
      const memory = fresh();
      await memory.remember(entry());
      await memory.remember(entry({ id: 'bbbbbbbb', at: '2026-11-22T10:00:00.000Z', verdict: 'wrong', fixedBy: undefined }));
      await memory.remember(entry({ fixedBy: 'recycling moved to 3 a.m.', at: '2026-11-21T10:00:00.000Z' }));
      const listed = await memory.listMemory('T0001');
      expect(listed.map((e) => [e.id, e.fixedBy])).toEqual([
        ['bbbbbbbb', undefined],
        ['a1b2c3d4', 'recycling moved to 3 a.m.'],
      ]);
      expect((await memory.recall('T0001', entry().key)).map((e) => e.id)).toEqual(['bbbbbbbb', 'a1b2c3d4']);
    });

    it('forgets an entry of its own workspace only, once', async () => {
      const memory = fresh();
      await memory.remember(entry());
      expect(await memory.forget('T0002', 'a1b2c3d4')).toBe(false);
      expect(await memory.forget('T0001', 'a1b2c3d4')).toBe(true);
      expect(await memory.forget('T0001', 'a1b2c3d4')).toBe(false);
      expect(await memory.listMemory('T0001')).toEqual([]);
    });

    it('keeps an entry exactly its time to live, then no longer shows it; writing it again restarts it', async () => {
      const clock = new TestClock();
      const memory = fresh({ memoryTtlMs: 10 * DAY, now: clock.now });
      await memory.remember(entry());
      await memory.remember(entry({ id: 'cccccccc' }));
      clock.advance(5 * DAY);
      await memory.remember(entry({ id: 'cccccccc' }));
      clock.advance(5 * DAY);
      expect((await memory.listMemory('T0001')).map((e) => e.id)).toEqual(['a1b2c3d4', 'cccccccc']);
      clock.advance(1);
      expect((await memory.recall('T0001', entry().key)).map((e) => e.id)).toEqual(['cccccccc']);
      expect((await memory.listMemory('T0001')).map((e) => e.id)).toEqual(['cccccccc']);
      expect(await memory.forget('T0001', 'a1b2c3d4')).toBe(false);
      if (memory.expire) await memory.expire(clock.now());
      expect((await memory.listMemory('T0001')).map((e) => e.id)).toEqual(['cccccccc']);
    });

    it('keeps entries 180 days by default', async () => {
      const clock = new TestClock();
      const memory = fresh({ now: clock.now });
      await memory.remember(entry());
      clock.advance(DEFAULT_MEMORY_TTL_MS);
      expect(await memory.listMemory('T0001')).toHaveLength(1);
      clock.advance(1);
      expect(await memory.listMemory('T0001')).toHaveLength(0);
      expect(DEFAULT_MEMORY_TTL_MS).toBe(180 * DAY);
    });

    it('hands out copies: changing a returned entry changes nothing stored', async () => {
      const memory = fresh();
      await memory.remember(entry());
      const [got] = await memory.recall('T0001', entry().key);
      got!.fixedBy = 'changed';
      got!.fingerprint.events!.push('ancm:1000');
      expect(await memory.recall('T0001', entry().key)).toEqual([entry()]);
    });

    it('a thread snapshot keeps its fingerprint (stores only)', async () => {
      const memory = fresh();
      if (!memory.saveSnapshot || !memory.getThread) return;
      const key: ThreadKey = { surface: 'slack', team: 'T0001', channel: 'C0001', thread: '1.2' };
      const snapshot: DiagnosisSnapshot = { at: '2026-11-20T10:00:00.000Z', layer: 'ancm', causes: [], fingerprint: entry().fingerprint };
      await memory.saveSnapshot(key, snapshot);
      expect((await memory.getThread(key))?.snapshot).toEqual(snapshot);
    });
  });
}
