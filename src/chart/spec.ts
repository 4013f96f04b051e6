/**
 * The Vega-Lite description of the timeline chart. Pure: a Timeline in, a JSON spec out, so tests
 * read the chart's data (bars, p95 line, markers) from the spec without drawing anything.
 *
 * Layers: stacked bars of rows per bucket by series, the p95 of time-taken per bucket on its own
 * axis (right), and one vertical rule per marker with its label. The time axis is UTC because IIS
 * writes W3C and HTTPERR logs in UTC; markers whose source did not say its zone are dashed and
 * their label says "zone?".
 */
import type { Timeline } from '../contract';

/** Fixed colours so a 502.3 is the same red in every chart; series not listed get the fallback. */
const SERIES_COLOURS: Record<string, string> = {
  '2xx': '#8cc084',
  '3xx': '#9db4c0',
  '4xx': '#f2b45a',
  '5xx other': '#a0522d',
  '502': '#d62728',
  '502.2': '#ff9896',
  '502.3': '#b2182b',
  '502.4': '#ef3b2c',
  '502.5': '#67000d',
  '503': '#7b3294',
  '504': '#e7298a',
};
const FALLBACK_COLOURS = ['#fb6a4a', '#c2a5cf', '#636363', '#fdae6b', '#74c476', '#9e9ac8', '#bdbdbd', '#fd8d3c'];

const MARKER_COLOURS: Record<string, string> = {
  recycle: '#1f77b4',
  start: '#2ca02c',
  stop: '#7f7f7f',
  crash: '#000000',
  was: '#17becf',
  ancm: '#ff7f0e',
  deploy: '#9467bd',
  proxy: '#8c564b',
};

/** The font the PNG renderer loads; named here so measurement and drawing agree. */
export const CHART_FONT = 'DejaVu Sans';

export interface BarDatum {
  t: string;
  t2: string;
  series: string;
  n: number;
}
export interface P95Datum {
  t: string;
  p95: number;
  /** Consecutive buckets share a run; the line joins only points of one run. */
  run: number;
}
export interface MarkerDatum {
  t: string;
  kind: string;
  label: string;
  zone: string;
}

/** The data of each layer, in the order the spec draws them. */
export interface TimelineData {
  bars: BarDatum[];
  p95: P95Datum[];
  markers: MarkerDatum[];
}

function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60000).toISOString().replace(/:00\.000Z$/, ':00Z');
}

/**
 * Past this many buckets the counts are drawn as a stepped, stacked area instead of bars: a day of
 * minutes as bars is 10,000 rectangles narrower than a pixel, which cost more to draw (and to
 * send) than they show. The area has the same outline.
 */
export const DENSE_BUCKETS = 240;

/** The rows of the chart's layers: one bar segment per bucket and series, one point per p95, one rule per marker. */
export function timelineData(timeline: Timeline): TimelineData {
  const dense = timeline.buckets.length > DENSE_BUCKETS;
  const zeros = (t: string): BarDatum[] => timeline.series.map((series) => ({ t, t2: t, series, n: 0 }));
  const bars: BarDatum[] = [];
  const p95: P95Datum[] = [];
  let previousEnd: string | undefined;
  let run = 0;
  for (const bucket of timeline.buckets) {
    const t2 = plusMinutes(bucket.start, timeline.bucketMinutes);
    // A minute without rows has no p95: a line across it would draw values nobody measured.
    if (previousEnd !== undefined && previousEnd !== bucket.start) {
      run += 1;
      // The stepped area drops to zero over a gap instead of holding the last value.
      if (dense) bars.push(...zeros(previousEnd));
    }
    previousEnd = t2;
    for (const series of timeline.series) {
      const n = bucket.counts[series] ?? 0;
      // Stacked areas need every series at every step, zeros included.
      if (n > 0 || dense) bars.push({ t: bucket.start, t2, series, n });
    }
    if (bucket.p95Ms !== undefined) p95.push({ t: plusMinutes(bucket.start, timeline.bucketMinutes / 2).replace(/\.\d+Z$/, 'Z'), p95: bucket.p95Ms, run });
  }
  if (dense && previousEnd !== undefined) bars.push(...zeros(previousEnd));
  const markers = timeline.markers.map((m) => ({ t: m.at, kind: m.kind, label: m.zone === 'UTC' ? m.label : `${m.label} (zone?)`, zone: m.zone }));
  return { bars, p95, markers };
}

/** "Requests per minute" or "per 4 minutes" when buckets were merged. */
export function perBucket(timeline: Timeline): string {
  return timeline.bucketMinutes === 1 ? 'per minute' : `per ${timeline.bucketMinutes} minutes`;
}

/** The x axis title: UTC, and whether some markers' zone is a guess. */
export function timeAxisTitle(timeline: Timeline): string {
  return timeline.markers.some((m) => m.zone === 'unknown') ? 'Time (UTC; markers marked "zone?" come from a source that does not say its zone)' : 'Time (UTC)';
}

type Json = Record<string, unknown>;

/** The Vega-Lite spec of the timeline chart. */
export function timelineSpec(timeline: Timeline): Json {
  const data = timelineData(timeline);
  let fallback = 0;
  const range = timeline.series.map((s) => SERIES_COLOURS[s] ?? FALLBACK_COLOURS[fallback++ % FALLBACK_COLOURS.length]!);
  // Small counts get whole-number ticks (no "0.2 requests").
  const peak = Math.max(1, ...timeline.buckets.map((b) => Object.values(b.counts).reduce((a, n) => a + n, 0)));
  const countTicks = peak <= 8 ? { values: Array.from({ length: peak + 1 }, (_, i) => i) } : {};
  const x = { field: 't', type: 'temporal', scale: { type: 'utc' }, axis: { title: timeAxisTitle(timeline), format: '%b %d %H:%M', labelAngle: 0, labelOverlap: true } };
  const layers: Json[] = [];
  if (data.bars.length > 0) {
    const dense = timeline.buckets.length > DENSE_BUCKETS;
    layers.push({
      data: { values: data.bars },
      // Stacked in legend order (2xx at the bottom, the gateway codes on top), not alphabetically.
      transform: [{ calculate: `indexof(${JSON.stringify(timeline.series)}, datum.series)`, as: 'rank' }],
      mark: dense ? { type: 'area', interpolate: 'step-after' } : { type: 'bar' },
      encoding: {
        x,
        ...(dense ? {} : { x2: { field: 't2' } }),
        y: { field: 'n', type: 'quantitative', stack: 'zero', axis: { title: `Requests ${perBucket(timeline)}`, tickMinStep: 1, format: 'd', ...countTicks } },
        color: { field: 'series', type: 'nominal', scale: { domain: timeline.series, range }, legend: { title: 'Status', orient: 'right' } },
        order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      },
    });
  }
  if (data.p95.length > 0) {
    layers.push({
      data: { values: data.p95 },
      // Dots help read a few minutes; over hundreds they only hide the line.
      mark: { type: 'line', point: data.p95.length <= 120 ? { color: '#333333' } : false, color: '#333333', strokeWidth: data.p95.length <= 120 ? 1.5 : 1 },
      encoding: {
        x,
        detail: { field: 'run', type: 'nominal' },
        y: { field: 'p95', type: 'quantitative', axis: { title: 'p95 time-taken (ms)', orient: 'right', titleColor: '#333333' } },
      },
    });
  }
  if (data.markers.length > 0) {
    // Only the kinds present get a legend entry.
    const kinds = Object.keys(MARKER_COLOURS).filter((k) => data.markers.some((m) => m.kind === k));
    const colour = { field: 'kind', type: 'nominal', scale: { domain: kinds, range: kinds.map((k) => MARKER_COLOURS[k]!) }, legend: { title: 'Marker', orient: 'right' } };
    layers.push({
      data: { values: data.markers },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, color: colour, strokeDash: { field: 'zone', type: 'nominal', scale: { domain: ['UTC', 'unknown'], range: [[1, 0], [4, 3]] }, legend: null } },
    });
    layers.push({
      data: { values: data.markers },
      mark: { type: 'text', angle: 270, limit: 260, align: 'right', baseline: 'bottom', dx: -4, dy: -2, fontSize: 10, y: 0 },
      encoding: { x, text: { field: 'label' }, color: { ...colour, legend: null } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: `Requests ${perBucket(timeline)} by status, p95 time-taken and events`, anchor: 'start' },
    width: 900,
    height: 280,
    background: 'white',
    config: { font: CHART_FONT, view: { stroke: null } },
    layer: layers,
    resolve: { scale: { y: 'independent', color: 'independent' } },
  };
}
