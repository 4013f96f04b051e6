/**
 * Large inputs are diagnosed in worker threads, so the bot's event loop stays free to ack; small
 * ones stay inline (cheaper than the trip). The real pool, with the compiled worker, gives the
 * same answer as the inline engine.
 */
import { join } from 'node:path';
import { createEnginePool, POOL_THRESHOLD, type WorkerPool } from '../../src/conversation/engine-pool';
import { inlineEngine } from '../../src/conversation/engine';
import * as worker from '../../src/conversation/engine-worker';
import { ensureCompiledStore, ROOT } from './store/compiled-store';

const ROW = '2026-11-20 10:04:51 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015\n';
const big = ROW.repeat(Math.ceil((POOL_THRESHOLD + 1) / ROW.length));

function recordingPool(): WorkerPool & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    run: async (task: unknown, { name }: { name: string }) => {
      names.push(name);
      return (worker as unknown as Record<string, (t: unknown) => unknown>)[name]!(task) as never;
    },
    destroy: async () => undefined,
  };
}

test('sends inputs over the threshold to the pool and keeps small ones inline', async () => {
  const pool = recordingPool();
  const engine = createEnginePool({ pool });
  await engine.clean(ROW, false);
  await engine.analyze({ text: ROW, slack: false, addressed: true, source: 'message 1', previous: [] });
  await engine.diagnose([{ source: 'message 1', text: ROW }]);
  expect(pool.names).toEqual([]);
  await engine.clean(big, false);
  await engine.analyze({ text: ROW, slack: false, addressed: true, source: 'message 2', previous: [{ source: 'message 1', text: big }] });
  await engine.diagnose([{ source: 'message 1', text: big }]);
  expect(pool.names).toEqual(['clean', 'analyze', 'diagnoseClean']);
});

describe('the real worker pool', () => {
  beforeAll(() => ensureCompiledStore(), 120_000);

  test('answers like the inline engine, across the thread boundary', async () => {
    const engine = createEnginePool({ workerFile: join(ROOT, 'dist', 'src', 'conversation', 'engine-worker.js'), threads: 1 });
    try {
      const request = { text: big, slack: false, addressed: true, source: 'message 1', previous: [] };
      const inWorker = await engine.analyze(request);
      const inline = await inlineEngine.analyze(request);
      expect(inWorker.classified).toEqual(inline.classified);
      expect(inWorker.diagnosis!.causes.map((c) => [c.id, c.confidence])).toEqual(inline.diagnosis!.causes.map((c) => [c.id, c.confidence]));
      expect(inWorker.clean.text.length).toBe(inline.clean.text.length);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
