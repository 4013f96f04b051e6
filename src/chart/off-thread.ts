/**
 * Timeline PNGs for the Slack bot, drawn in one worker thread (piscina) so the event loop that
 * acknowledges Slack's requests never waits for Vega or resvg: a burst of fifty answers with
 * charts held acks for seconds when they were drawn inline. The worker starts with the first chart
 * and goes when idle. Run from the TypeScript sources (tests), where there is no compiled worker,
 * the chart is drawn inline.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as PiscinaModule from 'piscina';
import type { Piscina } from 'piscina';
import type * as ChartRender from './render';
import type { Timeline } from '../contract';

const WORKER = join(__dirname, 'worker.js');

let pool: Piscina | undefined;

export async function timelinePngOffThread(timeline: Timeline): Promise<Buffer> {
  if (!existsSync(WORKER)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Vega loads with the first chart
    return (require('./render') as typeof ChartRender).timelinePng(timeline);
  }
  if (!pool) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the pool starts with the first chart
    const { Piscina: Pool } = require('piscina') as typeof PiscinaModule;
    pool = new Pool({ filename: WORKER, minThreads: 0, maxThreads: 1, idleTimeout: 30_000 });
  }
  const png = (await pool.run(timeline, { name: 'png' })) as Uint8Array;
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

/** Stops the worker (at shutdown); the next chart starts another. */
export async function closeChartThread(): Promise<void> {
  const running = pool;
  pool = undefined;
  await running?.destroy();
}
