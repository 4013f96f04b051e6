/**
 * The chart's spec and picture: the data of each layer is read from the Vega-Lite spec, and the
 * renderer gives a real PNG (signature, IHDR size) and SVG.
 */
import { inflateSync } from 'node:zlib';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Timeline } from '../../src/contract';
import { timelineAltText } from '../../src/chart/alt';
import { chartFormatOf } from '../../src/chart/format';
import { renderTimeline, timelinePng, timelineSvg } from '../../src/chart/render';
import { timelineSpec } from '../../src/chart/spec';
import { withoutFont } from '../helpers/no-font';

const TIMELINE: Timeline = {
  bucketMinutes: 1,
  series: ['2xx', '4xx', '502.3', '503'],
  buckets: [
    { start: '2026-11-20T10:00:00Z', counts: { '2xx': 40, '4xx': 2 }, p95Ms: 80 },
    { start: '2026-11-20T10:01:00Z', counts: { '2xx': 12, '502.3': 30 }, p95Ms: 120000 },
    { start: '2026-11-20T10:02:00Z', counts: { '503': 5 }, p95Ms: 3 },
  ],
  markers: [
    { at: '2026-11-20T10:01:10Z', kind: 'recycle', label: 'WAS 5074 recycle', zone: 'UTC', ref: { source: 'e.xml', line: 3, text: '...' } },
    { at: '2026-11-20T10:02:30Z', kind: 'crash', label: 'crash (Application Error 1000)', zone: 'unknown', ref: { source: 'e.txt', line: 1, text: '...' } },
  ],
  notes: [],
};

interface Layer {
  data: { values: Record<string, unknown>[] };
  mark: { type: string };
  encoding: Record<string, { field?: string; axis?: { title?: string }; scale?: { type?: string; domain?: unknown } }>;
}
const layers = (t: Timeline): Layer[] => (timelineSpec(t) as { layer: Layer[] }).layer;

describe('timelineSpec', () => {
  it('stacks one bar segment per minute and series, from the minute to the next', () => {
    const bars = layers(TIMELINE).find((l) => l.mark.type === 'bar')!;
    expect(bars.data.values).toEqual([
      { t: '2026-11-20T10:00:00Z', t2: '2026-11-20T10:01:00Z', series: '2xx', n: 40 },
      { t: '2026-11-20T10:00:00Z', t2: '2026-11-20T10:01:00Z', series: '4xx', n: 2 },
      { t: '2026-11-20T10:01:00Z', t2: '2026-11-20T10:02:00Z', series: '2xx', n: 12 },
      { t: '2026-11-20T10:01:00Z', t2: '2026-11-20T10:02:00Z', series: '502.3', n: 30 },
      { t: '2026-11-20T10:02:00Z', t2: '2026-11-20T10:03:00Z', series: '503', n: 5 },
    ]);
    expect(bars.encoding.color!.scale!.domain).toEqual(['2xx', '4xx', '502.3', '503']);
    expect(bars.encoding.y!.axis!.title).toBe('Requests per minute');
    // Stacked in the legend's order.
    expect((bars as unknown as { transform: { calculate: string }[] }).transform[0]!.calculate).toBe('indexof(["2xx","4xx","502.3","503"], datum.series)');
    expect(bars.encoding.order!.field).toBe('rank');
  });

  it('draws the p95 per minute on its own axis', () => {
    const line = layers(TIMELINE).find((l) => l.mark.type === 'line')!;
    expect(line.data.values).toEqual([
      { t: '2026-11-20T10:00:30Z', p95: 80, run: 0 },
      { t: '2026-11-20T10:01:30Z', p95: 120000, run: 0 },
      { t: '2026-11-20T10:02:30Z', p95: 3, run: 0 },
    ]);
    expect(line.encoding.y!.axis!.title).toMatch(/p95 time-taken/);
    expect((timelineSpec(TIMELINE) as { resolve: unknown }).resolve).toEqual(expect.objectContaining({ scale: expect.objectContaining({ y: 'independent' }) }));
  });

  it('draws a labelled rule per marker, and labels a marker of unknown zone as such', () => {
    const rules = layers(TIMELINE).find((l) => l.mark.type === 'rule')!;
    expect(rules.data.values).toEqual([
      { t: '2026-11-20T10:01:10Z', kind: 'recycle', label: 'WAS 5074 recycle', zone: 'UTC' },
      { t: '2026-11-20T10:02:30Z', kind: 'crash', label: 'crash (Application Error 1000) (zone?)', zone: 'unknown' },
    ]);
    expect(layers(TIMELINE).find((l) => l.mark.type === 'text')!.encoding.text!.field).toBe('label');
  });

  it('does not join p95 points across minutes without rows', () => {
    const gap = { ...TIMELINE, buckets: [TIMELINE.buckets[0]!, { ...TIMELINE.buckets[2]!, start: '2026-11-20T10:07:00Z' }] };
    const line = layers(gap).find((l) => l.mark.type === 'line')!;
    expect(line.data.values.map((v) => v.run)).toEqual([0, 1]);
    expect(line.encoding.detail!.field).toBe('run');
  });

  it('draws a day of minutes as a stepped area, dropping to zero over gaps and after the last minute', () => {
    const start = Date.parse('2026-11-20T00:00:00Z');
    const minute = (i: number): string => new Date(start + i * 60000).toISOString().replace('.000Z', 'Z');
    // 300 minutes with rows, then a gap of 10, then one more.
    const buckets = [...Array.from({ length: 300 }, (_, i) => ({ start: minute(i), counts: { '2xx': 5, '502.3': i % 2 } })), { start: minute(310), counts: { '2xx': 1, '502.3': 0 } }];
    const dense: Timeline = { bucketMinutes: 1, series: ['2xx', '502.3'], buckets, markers: [], notes: [] };
    const area = layers(dense).find((l) => l.mark.type === 'area')!;
    expect(area.mark).toEqual({ type: 'area', interpolate: 'step-after' });
    expect(area.encoding.x2).toBeUndefined();
    const values = area.data.values as { t: string; series: string; n: number }[];
    // Every series at every step: 301 minutes, the gap's start and the end.
    expect(values).toHaveLength(2 * (301 + 2));
    expect(values.filter((v) => v.t === minute(300))).toEqual([expect.objectContaining({ series: '2xx', n: 0 }), expect.objectContaining({ series: '502.3', n: 0 })]);
    expect(values.filter((v) => v.t === minute(311)).map((v) => v.n)).toEqual([0, 0]);
    expect(values.reduce((sum, v) => sum + v.n, 0)).toBe(300 * 5 + 150 + 1);
  });

  it('gives small counts whole-number ticks', () => {
    const bars = layers(TIMELINE).find((l) => l.mark.type === 'bar')!;
    expect((bars.encoding.y!.axis as { format?: string }).format).toBe('d');
  });

  it('puts the time on a UTC scale and says UTC on the axis, and which markers have no zone', () => {
    const x = layers(TIMELINE)[0]!.encoding.x!;
    expect(x.scale!.type).toBe('utc');
    expect(x.axis!.title).toMatch(/^Time \(UTC; .*zone\?/);
    const utcOnly = { ...TIMELINE, markers: TIMELINE.markers.filter((m) => m.zone === 'UTC') };
    expect(layers(utcOnly)[0]!.encoding.x!.axis!.title).toBe('Time (UTC)');
  });

  it('says how wide a bar is when minutes were merged', () => {
    const merged = { ...TIMELINE, bucketMinutes: 4 };
    expect(layers(merged)[0]!.encoding.y!.axis!.title).toBe('Requests per 4 minutes');
    expect(layers(merged)[0]!.data.values[0]!.t2).toBe('2026-11-20T10:04:00Z');
  });

  it('draws only markers when no request rows are dated', () => {
    const events = { ...TIMELINE, series: [], buckets: [] };
    expect(layers(events).map((l) => l.mark.type)).toEqual(['rule', 'text']);
  });
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('rendering', () => {
  it('gives a valid PNG of a sane size, under 500 KB', async () => {
    const png = await timelinePng(TIMELINE);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(2500);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(1000);
    expect(png.length).toBeLessThan(500_000);
    // The image has drawn pixels, not only the background: its first IDAT inflates to varied bytes.
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + length), { finishFlush: 2 });
    expect(new Set(pixels).size).toBeGreaterThan(10);
  });

  it('gives SVG text with the labels of the chart', async () => {
    const svg = await timelineSvg(TIMELINE);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Time (UTC');
    expect(svg).toContain('WAS 5074 recycle');
    expect(svg).toContain('502.3');
    expect((await renderTimeline(TIMELINE, 'svg')).toString('utf8')).toBe(svg);
  });

  it("is Vega's own rendering of the compiled spec, not a hand-drawn picture: one rule mark per marker", async () => {
    const view = new vega.View(vega.parse(compile(timelineSpec(TIMELINE) as unknown as TopLevelSpec).spec), { renderer: 'none' });
    const vegaSvg = await view.toSVG();
    view.finalize();
    const svg = await timelineSvg(TIMELINE);
    expect(svg).toBe(vegaSvg);
    // Vega's scenegraph: its mark containers, one bar per minute and series, one rule per marker.
    const container = (mark: string): string => new RegExp(`<g class="mark-${mark} role-mark [^"]*"[^>]*>(.*?)</g>`).exec(svg)![1]!;
    expect(container('rect').match(/aria-roledescription="bar"/g)).toHaveLength(5);
    const rules = container('rule').match(/<line aria-label="[^"]*"/g)!;
    expect(rules).toEqual(['<line aria-label="t: Nov 20 10:01; kind: recycle; zone: UTC"', '<line aria-label="t: Nov 20 10:02; kind: crash; zone: unknown"']);
  });

  it('refuses to draw a PNG without the font, saying where it looked and what to install', async () => {
    await withoutFont(async (empty) => {
      await expect(timelinePng(TIMELINE)).rejects.toThrow(`no DejaVu Sans font found in ${empty}: install fonts-dejavu-core, or set DIAG502_FONT_DIR to a folder holding DejaVuSans.ttf`);
      // SVG leaves the text to the viewer: it needs no font file.
      expect((await renderTimeline(TIMELINE, 'svg')).toString('utf8')).toMatch(/^<svg/);
    });
  });

  it('picks the format by extension, and no other', () => {
    expect(chartFormatOf('out/chart.PNG')).toBe('png');
    expect(chartFormatOf('chart.svg')).toBe('svg');
    expect(chartFormatOf('chart.jpg')).toBeUndefined();
    expect(chartFormatOf('chart')).toBeUndefined();
  });
});

describe('timelineAltText', () => {
  it('says the span, the busiest minute, the 502s and the markers in words', () => {
    const alt = timelineAltText(TIMELINE);
    expect(alt).toContain('89 requests per minute, 2026-11-20 10:00 to 2026-11-20 10:02 UTC');
    expect(alt).toContain('Busiest: 2026-11-20 10:00 UTC with 42 requests');
    expect(alt).toContain('30 × 502. Gateway errors by code: 502.3: 30, 503: 5.');
    expect(alt).toContain('Highest p95 time-taken: 120000 ms at 2026-11-20 10:01 UTC');
    expect(alt).toContain('Markers: WAS 5074 recycle at 2026-11-20 10:01 UTC; crash (Application Error 1000) at 2026-11-20 10:02 (zone unknown).');
  });

  it('stays under Slack’s 1,000 characters with many markers', () => {
    const many = { ...TIMELINE, markers: Array.from({ length: 40 }, (_, i) => ({ ...TIMELINE.markers[0]!, label: `WAS 5074 recycle number ${i}` })) };
    expect(timelineAltText(many).length).toBeLessThanOrEqual(1000);
  });
});
