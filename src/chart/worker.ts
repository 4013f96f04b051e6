/**
 * The chart renderer inside a worker thread (see off-thread.ts): Vega's layout and resvg's
 * rasterizing take tens of milliseconds of CPU per chart, and loading Vega the first time takes
 * longer; on the bot's main thread that time would hold the acks of every request arriving meanwhile.
 */
import type { Timeline } from '../contract';
import { timelinePng } from './render';

export function png(timeline: Timeline): Promise<Buffer> {
  return timelinePng(timeline);
}
