/**
 * An Engine that diagnoses large inputs in a pool of worker threads (piscina), so a 1 MB paste
 * never holds the event loop that acknowledges Slack's requests. Small inputs stay inline: a
 * 5 KB paste takes about a millisecond, less than the trip to a worker and back.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { SlackEscaping } from '../evidence/normalize';
import { createInlineEngine, type AnalyzeRequest, type Engine } from './engine';
import type { HouseRule } from '../evidence/house';

/** Inputs at least this large (in characters, the text and the thread's earlier evidence) go to a worker. */
export const POOL_THRESHOLD = 64 * 1024;

/** What the engine needs of a pool: piscina's `run` and `destroy`. */
export interface WorkerPool {
  run(task: unknown, options: { name: string }): Promise<never>;
  destroy(): Promise<void>;
}

interface EnginePoolOptions {
  /** Worker threads; by default one fewer than the CPUs, at least one. */
  threads?: number;
  /** The compiled worker module (dist/src/conversation/engine-worker.js next to this file). */
  workerFile?: string;
  threshold?: number;
  /** Another pool (tests). */
  pool?: WorkerPool;
  /** House rules, validated at the edge; the workers get a copy when they start. */
  rules?: readonly HouseRule[];
}

export function createEnginePool(options: EnginePoolOptions = {}): Engine {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const threshold = options.threshold ?? POOL_THRESHOLD;
  const inlineEngine = createInlineEngine(options.rules);
  const pool: WorkerPool =
    options.pool ??
    new Piscina({
      filename: options.workerFile ?? join(__dirname, 'engine-worker.js'),
      minThreads: 1,
      maxThreads: threads,
      // Idle workers go after a minute; the first large paste after that pays one start (~100 ms).
      idleTimeout: 60_000,
      // Plain data, so it crosses into each worker as it starts; compiled there once.
      workerData: { rules: options.rules ? [...options.rules] : undefined },
    });
  const size = (request: AnalyzeRequest): number => request.text.length + request.previous.reduce((n, p) => n + p.text.length, 0);
  let closed = false;
  return {
    clean: (text: string, slack: SlackEscaping) => (text.length < threshold ? inlineEngine.clean(text, slack) : pool.run({ text, slack }, { name: 'clean' })),
    analyze: (request) => (size(request) < threshold ? inlineEngine.analyze(request) : pool.run(request, { name: 'analyze' })),
    diagnose: (inputs) => (inputs.reduce((n, i) => n + i.text.length, 0) < threshold ? inlineEngine.diagnose(inputs) : pool.run([...inputs], { name: 'diagnoseClean' })),
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}
