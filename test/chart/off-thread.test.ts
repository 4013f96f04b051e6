/**
 * The bot draws its charts in a worker thread (src/chart/off-thread.ts): Vega and resvg never load
 * on the thread that acknowledges Slack's requests. Checked in a process of its own, from the
 * compiled modules, by what that process's main thread loaded.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freshDist } from '../helpers/fresh-dist';

const ROOT = join(__dirname, '..', '..');

beforeAll(() => freshDist(), 180_000);

const TIMELINE = {
  bucketMinutes: 1,
  series: ['2xx', '502.3'],
  buckets: [
    { start: '2026-11-20T10:00:00Z', counts: { '2xx': 40 }, p95Ms: 80 },
    { start: '2026-11-20T10:01:00Z', counts: { '2xx': 12, '502.3': 30 }, p95Ms: 120000 },
  ],
  markers: [],
  notes: [],
};

const SCRIPT = `
const { timelinePngOffThread, closeChartThread } = require(${JSON.stringify(join(ROOT, 'dist', 'src', 'chart', 'off-thread.js'))});
(async () => {
  const pngs = await Promise.all([1, 2, 3].map(() => timelinePngOffThread(${JSON.stringify(TIMELINE)})));
  await closeChartThread();
  const loaded = Object.keys(require.cache);
  process.stdout.write(JSON.stringify({
    signatures: pngs.map((p) => p.subarray(0, 8).toString('hex')),
    vegaOnMainThread: loaded.some((f) => /[\\\\/]node_modules[\\\\/](vega|vega-lite|@resvg)[\\\\/]/.test(f)),
    rendererOnMainThread: loaded.some((f) => f.endsWith('render.js') && f.includes('chart')),
  }));
})();
`;

describe('charts for the bot', () => {
  it('are drawn in a worker thread: valid PNGs, and neither Vega, resvg nor the renderer loaded on the main thread', () => {
    const r = spawnSync(process.execPath, ['-e', SCRIPT], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      signatures: ['89504e470d0a1a0a', '89504e470d0a1a0a', '89504e470d0a1a0a'],
      vegaOnMainThread: false,
      rendererOnMainThread: false,
    });
  }, 90_000);
});
