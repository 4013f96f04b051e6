/**
 * The SQLite store inside a worker thread (see threaded-sqlite-store.ts). Calls arrive as
 * messages; those that arrive within one turn of this thread's event loop run in ONE transaction
 * (group commit), and each caller gets its answer only after that transaction is committed, so
 * what a caller saw acknowledged is on disk exactly as with the plain store.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from './sqlite-store';
import type { StoreOptions } from './store';

export interface WorkerCall {
  id: number;
  method: string;
  args: unknown[];
  /** The caller's clock (ms): every method runs at the time its caller called it. */
  at: number;
}

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; name: string; message: string };

const { file, options } = workerData as { file: string; options: Omit<StoreOptions, 'now'> };
let nowMs = Date.now();
let store: SqliteStore | undefined;
let openError: { name: string; message: string } | undefined;
try {
  store = new SqliteStore(file, { ...options, now: () => new Date(nowMs) });
} catch (error) {
  openError = { name: (error as Error).name, message: (error as Error).message };
}

const queue: WorkerCall[] = [];
let scheduled = false;

function fail(call: WorkerCall, error: { name?: string; message?: string }): WorkerAnswer {
  return { id: call.id, ok: false, name: error.name ?? 'Error', message: error.message ?? String(error) };
}

async function flush(): Promise<void> {
  scheduled = false;
  const batch = queue.splice(0);
  if (!store) {
    for (const call of batch) parentPort!.postMessage(fail(call, openError!));
    return;
  }
  const s = store;
  const closes = batch.filter((c) => c.method === 'close');
  const work = batch.filter((c) => c.method !== 'close');
  let results: Promise<unknown>[] = [];
  try {
    s.inTransaction(() => {
      results = work.map((call) => {
        nowMs = call.at;
        const method = (s as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[call.method];
        return method ? method.apply(s, call.args) : Promise.reject(new Error(`no store method ${call.method}`));
      });
    });
  } catch (error) {
    // The commit failed: nothing of the batch is kept, so every call of it fails.
    for (const call of work) parentPort!.postMessage(fail(call, error as Error));
    results = [];
  }
  const settled = await Promise.allSettled(results);
  settled.forEach((outcome, i) => {
    const call = work[i]!;
    parentPort!.postMessage(outcome.status === 'fulfilled' ? { id: call.id, ok: true, value: outcome.value } : fail(call, outcome.reason as Error));
  });
  for (const call of closes) {
    await s.close();
    parentPort!.postMessage({ id: call.id, ok: true, value: undefined });
  }
}

parentPort!.on('message', (call: WorkerCall) => {
  queue.push(call);
  if (!scheduled) {
    scheduled = true;
    setImmediate(() => void flush());
  }
});
