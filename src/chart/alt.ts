/**
 * The chart said in words, for alt text and for anyone who cannot see the picture: the span, the
 * busiest bucket, how many 502s (by substatus) and other gateway errors, the worst p95, and the
 * markers. Kept under Slack's alt text limit.
 */
import type { Timeline } from '../contract';
import { perBucket } from './spec';

/** Slack accepts up to 1,000 characters of alt text on an image. */
const MAX_ALT = 1000;

function clock(iso: string): string {
  return iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2');
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function timelineAltText(timeline: Timeline): string {
  const parts: string[] = [];
  const { buckets } = timeline;
  if (buckets.length > 0) {
    const rows = buckets.reduce((n, b) => n + total(b.counts), 0);
    parts.push(`Timeline chart of ${rows} requests ${perBucket(timeline)}, ${clock(buckets[0]!.start)} to ${clock(buckets[buckets.length - 1]!.start)} UTC.`);
    const peak = buckets.reduce((best, b) => (total(b.counts) > total(best.counts) ? b : best));
    parts.push(`Busiest: ${clock(peak.start)} UTC with ${total(peak.counts)} requests.`);
    const bySeries = new Map<string, number>();
    for (const b of buckets) for (const [s, n] of Object.entries(b.counts)) bySeries.set(s, (bySeries.get(s) ?? 0) + n);
    const gateway = [...bySeries].filter(([s]) => /^50[234]/.test(s));
    const all502 = gateway.filter(([s]) => s.startsWith('502')).reduce((n, [, c]) => n + c, 0);
    parts.push(`${all502} × 502.`);
    if (gateway.length > 0) parts.push(`Gateway errors by code: ${gateway.map(([s, n]) => `${s}: ${n}`).join(', ')}.`);
    const worst = buckets.filter((b) => b.p95Ms !== undefined).reduce<(typeof buckets)[number] | undefined>((w, b) => (w === undefined || b.p95Ms! > w.p95Ms! ? b : w), undefined);
    if (worst) parts.push(`Highest p95 time-taken: ${worst.p95Ms} ms at ${clock(worst.start)} UTC.`);
  } else {
    parts.push('Timeline chart of dated events (no request log rows).');
  }
  if (timeline.markers.length > 0) {
    const listed = timeline.markers.map((m) => `${m.label} at ${clock(m.at)}${m.zone === 'UTC' ? ' UTC' : ' (zone unknown)'}`);
    parts.push(`Markers: ${listed.join('; ')}.`);
  } else {
    parts.push('No events dated.');
  }
  const text = parts.join(' ');
  return text.length > MAX_ALT ? `${text.slice(0, MAX_ALT - 1)}…` : text;
}
