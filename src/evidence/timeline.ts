/**
 * The picture of an incident over time: requests per minute by status class (502, 503 and 504 set
 * apart with their substatus), the p95 of time-taken per minute, and the moments something
 * happened to the app (recycles, process starts and crashes, WAS and ANCM events, a deploy).
 *
 * A million-row log must not grow memory with its length, so rows only increment counters: per
 * bucket, one counter per series and a small log-bucket histogram of time-taken. There are at
 * most MAX_BUCKETS buckets; when a log spans longer, buckets are merged two by two (1 minute,
 * then 2, 4, ...) and the timeline says so.
 *
 * Pure data in, pure data out: `Timeline` is JSON (it travels inside a Diagnosis) and the chart
 * module draws it.
 */
import { detach } from './parsers/iis-log/text';
import type { Evidence, EvidenceRef, WindowsEvent } from './types';

/** Buckets kept at most (a day of minutes). */
export const MAX_BUCKETS = 1440;
/** Markers kept at most: a chart with more lines than this says nothing more. */
export const MAX_MARKERS = 40;

/** The fixed series, in the order a legend lists them; 502/503/504 series are added after them. */
const FIXED_SERIES = ['2xx', '3xx', '4xx', '5xx other'] as const;
/** 502.x, 503.x and 504.x series at most; later substatus values count as "5xx other". */
const MAX_GATEWAY_SERIES = 8;
const SERIES_SLOTS = FIXED_SERIES.length + MAX_GATEWAY_SERIES;
const OTHER_5XX = 3;

/** Time-taken histogram: exact below 32 ms, then 16 buckets per power of two (each ≤ 6.25 % wide). */
const EXACT = 32;
const SUB = 16;
const HIST_BUCKETS = EXACT + SUB * 28;

function histBucket(ms: number): number {
  const v = ms >= 0xffffffff ? 0xffffffff : ms >>> 0;
  if (v < EXACT) return v;
  const shift = 31 - Math.clz32(v) - 4;
  return SUB * (shift + 1) + (v >>> shift) - SUB;
}

function histMid(bucket: number): number {
  if (bucket < EXACT) return bucket;
  const shift = Math.floor((bucket - EXACT) / SUB) + 1;
  const top = bucket - SUB * shift;
  const low = top * 2 ** shift;
  return Math.round(low + (2 ** shift - 1) / 2);
}

export type MarkerKind = 'recycle' | 'start' | 'stop' | 'crash' | 'was' | 'ancm' | 'deploy' | 'proxy';

/** One moment the evidence dates. */
export interface TimelineMarker {
  /** ISO 8601, UTC (`2026-11-20T10:04:51Z`); when `zone` is "unknown", the clock time as written, read as UTC. */
  at: string;
  kind: MarkerKind;
  /** Short: "WAS 5074 recycle", "ANCM 1010", "crash (Application Error 1000)". */
  label: string;
  /** Whether the source said which zone its clock is in. */
  zone: 'UTC' | 'unknown';
  ref: EvidenceRef;
}

export interface TimelineBucket {
  /** Bucket start, ISO 8601 UTC. */
  start: string;
  /** Rows per series (series with 0 are left out). */
  counts: Record<string, number>;
  /** p95 of time-taken of the bucket's rows (ms), when the log has the column. */
  p95Ms?: number;
}

export interface Timeline {
  /** The width of one bucket: 1 minute unless the log spans more than MAX_BUCKETS minutes. */
  bucketMinutes: number;
  /** Every series that has a row, in legend order. */
  series: string[];
  /** Buckets with at least one row, in time order. */
  buckets: TimelineBucket[];
  markers: TimelineMarker[];
  /** What the reader should know: merged buckets, markers left out, zones unknown. */
  notes: string[];
}

interface Slot {
  counts: Uint32Array;
  hist: Uint32Array | undefined;
}

/**
 * The per-bucket counters of IIS/HTTPERR rows. `record` runs for every row: it reads the row's
 * date and time in place (no slice) and increments a counter.
 */
export class RowTimeline {
  private width = 1;
  private readonly slots = new Map<number, Slot>();
  /** Series name of each gateway slot (index - FIXED_SERIES.length). */
  private readonly gateway: string[] = [];
  private readonly gatewayKeys = new Map<number, number>();
  private lastKey = Number.NaN;
  private lastSlot: Slot | undefined;
  private cachedDate = -1;
  private cachedDay = 0;
  /** `YYYY-MM-DD HH:MM` of the last row read, and its minute: rows come in time order, so most share it. */
  private lastStamp = '';
  private lastMinute = -1;

  /** Times the buckets were merged (each doubles their width). */
  get merges(): number {
    return Math.log2(this.width);
  }

  get bucketCount(): number {
    return this.slots.size;
  }

  /**
   * Counts one row: `date` (`YYYY-MM-DD`) and `time` (`HH:MM[:SS]`) are read at their positions
   * in `line`; a row whose stamp cannot be read is left out.
   */
  record(line: string, dateAt: number, timeAt: number, status: number, substatus: number, timeTakenMs: number): void {
    // Date and time side by side (every IIS layout): one native compare tells the same minute.
    if (timeAt === dateAt + 11) {
      if (!line.startsWith(this.lastStamp, dateAt) || this.lastStamp === '') {
        this.lastMinute = this.minuteOf(line, dateAt, timeAt);
        // Copied out: a slice would keep the whole read chunk alive.
        this.lastStamp = this.lastMinute < 0 ? '' : detach(line.slice(dateAt, dateAt + 16));
      }
      this.recordMinute(this.lastMinute, status, substatus, timeTakenMs);
      return;
    }
    this.recordMinute(this.minuteOf(line, dateAt, timeAt), status, substatus, timeTakenMs);
  }

  /** Counts one row by its minute since 1970 (-1: undated, not counted). */
  recordMinute(minute: number, status: number, substatus: number, timeTakenMs: number): void {
    if (minute < 0 || status < 100) return;
    const key = Math.floor(minute / this.width);
    let slot = key === this.lastKey ? this.lastSlot : this.slots.get(key);
    if (slot === undefined) {
      slot = { counts: new Uint32Array(SERIES_SLOTS), hist: undefined };
      this.slots.set(key, slot);
      if (this.slots.size > MAX_BUCKETS) {
        this.coarsen();
        this.recordMinute(minute, status, substatus, timeTakenMs);
        return;
      }
    }
    this.lastKey = key;
    this.lastSlot = slot;
    const series = this.seriesOf(status, substatus);
    slot.counts[series] = (slot.counts[series] ?? 0) + 1;
    if (timeTakenMs >= 0) {
      slot.hist ??= new Uint32Array(HIST_BUCKETS);
      const b = histBucket(timeTakenMs);
      slot.hist[b] = (slot.hist[b] ?? 0) + 1;
    }
  }

  /** Minutes since 1970 of a `YYYY-MM-DD` + `HH:MM` pair, or -1. */
  private minuteOf(line: string, d: number, t: number): number {
    if (d < 0 || t < 0) return -1;
    const y = digits(line, d, 4);
    const mo = digits(line, d + 5, 2);
    const da = digits(line, d + 8, 2);
    const h = digits(line, t, 2);
    const mi = digits(line, t + 3, 2);
    if (y < 0 || mo < 1 || mo > 12 || da < 1 || da > 31 || h < 0 || h > 23 || mi < 0 || mi > 59) return -1;
    const date = y * 10000 + mo * 100 + da;
    if (date !== this.cachedDate) {
      this.cachedDate = date;
      this.cachedDay = Date.UTC(y, mo - 1, da) / 60000;
    }
    return this.cachedDay + h * 60 + mi;
  }

  private seriesOf(status: number, substatus: number): number {
    if (status >= 502 && status <= 504) {
      const key = status * 100000 + (substatus > 0 ? Math.min(substatus, 99999) : 0);
      const known = this.gatewayKeys.get(key);
      if (known !== undefined) return known;
      if (this.gateway.length >= MAX_GATEWAY_SERIES) return OTHER_5XX;
      const index = FIXED_SERIES.length + this.gateway.length;
      // Substatus 0 is the plain code ("503"); a real substatus is what tells 502.3 from 502.5.
      this.gateway.push(substatus > 0 ? `${status}.${substatus}` : String(status));
      this.gatewayKeys.set(key, index);
      return index;
    }
    if (status >= 500) return OTHER_5XX;
    if (status >= 400) return 2;
    if (status >= 300) return 1;
    return 0;
  }

  /** Halves the number of buckets by merging neighbours: memory stays bounded whatever the span. */
  private coarsen(): void {
    const old = [...this.slots];
    this.slots.clear();
    this.width *= 2;
    for (const [key, slot] of old) {
      const merged = Math.floor(key / 2);
      const into = this.slots.get(merged);
      if (into === undefined) {
        this.slots.set(merged, slot);
        continue;
      }
      for (let i = 0; i < SERIES_SLOTS; i += 1) into.counts[i] = (into.counts[i] ?? 0) + (slot.counts[i] ?? 0);
      if (slot.hist) {
        into.hist ??= new Uint32Array(HIST_BUCKETS);
        for (let i = 0; i < HIST_BUCKETS; i += 1) into.hist[i] = (into.hist[i] ?? 0) + (slot.hist[i] ?? 0);
      }
    }
    this.lastKey = Number.NaN;
    this.lastSlot = undefined;
  }

  /** The buckets as data, in time order, with the series that have rows. */
  result(): Pick<Timeline, 'bucketMinutes' | 'series' | 'buckets'> {
    const names = [...FIXED_SERIES, ...[...this.gateway].sort(compareCodes)];
    const nameOf = (i: number): string => (i < FIXED_SERIES.length ? FIXED_SERIES[i]! : this.gateway[i - FIXED_SERIES.length]!);
    const used = new Set<string>();
    const buckets: TimelineBucket[] = [...this.slots]
      .sort((a, b) => a[0] - b[0])
      .map(([key, slot]) => {
        const counts: Record<string, number> = {};
        slot.counts.forEach((n, i) => {
          if (n === 0) return;
          counts[nameOf(i)] = n;
          used.add(nameOf(i));
        });
        const bucket: TimelineBucket = { start: isoMinute(key * this.width), counts };
        if (slot.hist) bucket.p95Ms = p95(slot.hist);
        return bucket;
      });
    return { bucketMinutes: this.width, series: names.filter((n) => used.has(n)), buckets };
  }
}

/** "502" before "502.3" before "502.5" before "503". */
function compareCodes(a: string, b: string): number {
  const [as, asub] = a.split('.').map(Number);
  const [bs, bsub] = b.split('.').map(Number);
  return as! - bs! || (asub ?? 0) - (bsub ?? 0);
}

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

function p95(hist: Uint32Array): number {
  let total = 0;
  for (const n of hist) total += n;
  const rank = Math.max(1, Math.ceil(0.95 * total));
  let seen = 0;
  for (let b = 0; b < hist.length; b += 1) {
    seen += hist[b] ?? 0;
    if (seen >= rank) return histMid(b);
  }
  return 0;
}

function isoMinute(minute: number): string {
  return new Date(minute * 60000).toISOString().replace(/:00\.000Z$/, ':00Z');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The first timestamp in a line, as milliseconds and whether its zone is known. Reads the forms the
 * evidence uses: ISO 8601 with `Z` or an offset (event XML, structured logs), `YYYY-MM-DD HH:MM:SS`
 * and `YYYY/MM/DD HH:MM:SS` (stdout, nginx error log: local time, zone not said), nginx's
 * `20/Nov/2026:10:04:51 +0000`, and Event Viewer's `11/20/2026 10:04:51 AM` (local time).
 */
export function readStamp(text: string): { ms: number; zone: 'UTC' | 'unknown' } | undefined {
  const iso = /(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s?(Z|[+-]\d{2}:?\d{2})?/.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    return withZone(utc(+y!, +mo!, +d!, +h!, +mi!, +(s ?? 0)), zone);
  }
  const clf = /(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?: ([+-]\d{4}))?/.exec(text);
  if (clf) {
    const [, d, mon, y, h, mi, s, zone] = clf;
    const mo = MONTHS.indexOf(mon!.toLowerCase());
    if (mo < 0) return undefined;
    return withZone(utc(+y!, mo + 1, +d!, +h!, +mi!, +s!), zone);
  }
  const us = /(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?/.exec(text);
  if (us) {
    const [, first, second, y, h, mi, s, half] = us;
    let hour = +h! % (half ? 12 : 24);
    if (half && half.toLowerCase() === 'pm') hour += 12;
    // Event Viewer writes the date in the machine's locale: month first (en-US) unless the first
    // number cannot be a month (20/11/2026 is day first). 05/11 stays ambiguous and is read as US.
    const dayFirst = +first! > 12 && +second! <= 12;
    const [mo, d] = dayFirst ? [+second!, +first!] : [+first!, +second!];
    return withZone(utc(+y!, mo, d, hour, +mi!, +(s ?? 0)), undefined);
  }
  return undefined;
}

/** Milliseconds of a calendar time read as UTC (month 1-12), or NaN when a field is out of range. */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function withZone(ms: number, zone: string | undefined): { ms: number; zone: 'UTC' | 'unknown' } | undefined {
  if (!Number.isFinite(ms)) return undefined;
  if (zone === undefined) return { ms, zone: 'unknown' };
  if (zone === 'Z') return { ms, zone: 'UTC' };
  const m = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
  const offset = (+m[2]! * 60 + +m[3]!) * (m[1] === '-' ? -1 : 1);
  return { ms: ms - offset * 60000, zone: 'UTC' };
}

/** What an event means on a timeline, or undefined for events that mark nothing. */
function eventMarker(event: WindowsEvent): { kind: MarkerKind; label: string } | undefined {
  const { family, id } = event;
  const message = event.message.toLowerCase();
  if (message.includes('app_offline')) return { kind: 'deploy', label: 'deploy (app_offline)' };
  switch (family) {
    case 'was':
      if (id === 5080) return { kind: 'deploy', label: `WAS ${id} config change` };
      if ([5074, 5075, 5076, 5077, 5078, 5079, 5081, 5117, 5186].includes(id)) return { kind: 'recycle', label: id === 5186 ? `WAS ${id} idle shutdown` : `WAS ${id} recycle` };
      if ([5009, 5011].includes(id)) return { kind: 'crash', label: `WAS ${id} process ended` };
      return { kind: 'was', label: `WAS ${id}` };
    case 'ancm':
      if (id === 1000 || id === 1001 || id === 1006 || id === 1010) return { kind: 'crash', label: `ANCM ${id} start failed` };
      return { kind: 'ancm', label: `ANCM ${id}` };
    case 'application-error':
    case 'dotnet-runtime':
    case 'wer':
      return { kind: 'crash', label: `crash (${event.provider} ${id})` };
    case 'w3svc-wp':
      return { kind: 'was', label: `${event.provider} ${id}` };
    default:
      return undefined;
  }
}

/** Process starts, stops and crashes said by the app's stdout, and proxy errors, by signal. */
const SIGNAL_MARKERS: Partial<Record<string, { kind: MarkerKind; label: string }>> = {
  'host-started': { kind: 'start', label: 'app started' },
  'host-stopping': { kind: 'stop', label: 'app stopping' },
  'stack-overflow': { kind: 'crash', label: 'stack overflow' },
  'out-of-memory': { kind: 'crash', label: 'out of memory' },
  'nginx-upstream': { kind: 'proxy', label: 'nginx upstream error' },
};

/**
 * The dated moments of the evidence, earliest first: events by their time, stdout and proxy
 * lines by the stamp on their line. Capped at MAX_MARKERS; the rest is noted.
 */
export function timelineMarkers(evidence: Evidence): { markers: TimelineMarker[]; dropped: number } {
  const found: (TimelineMarker & { ms: number })[] = [];
  const add = (stamp: string | undefined, kind: MarkerKind, text: string, ref: EvidenceRef): void => {
    const read = stamp === undefined ? undefined : readStamp(stamp);
    if (!read) return;
    // A provider name can be long; the chart has room for a short label.
    const label = text.length > 48 ? `${text.slice(0, 47)}…` : text;
    const at = new Date(read.ms).toISOString().replace(/\.000Z$/, 'Z');
    found.push({ at, kind, label, zone: read.zone, ref, ms: read.ms });
  };
  for (const event of evidence.events) {
    const marker = eventMarker(event);
    if (marker) add(event.time ?? event.ref.text, marker.kind, marker.label, event.ref);
  }
  for (const signal of evidence.signals) {
    let marker = SIGNAL_MARKERS[signal.id];
    if (signal.id === 'unhandled-exception' && (signal.data as { fatal?: boolean }).fatal === true) marker = { kind: 'crash', label: 'unhandled exception' };
    if (marker) add(signal.ref.text, marker.kind, marker.label, signal.ref);
  }
  found.sort((a, b) => a.ms - b.ms);
  // Many markers of one kind in one minute are one line on the chart.
  const seen = new Set<string>();
  const unique = found.filter((m) => {
    const key = `${Math.floor(m.ms / 60000)}\u0000${m.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept = unique.slice(0, MAX_MARKERS).map(({ ms: _ms, ...m }) => m);
  return { markers: kept, dropped: unique.length - kept.length };
}

/**
 * Without an IIS log, the rows of a proxy's access log (nginx, ALB, gateways) are the requests:
 * counted from the statuses the proxy parser kept, by the stamp on their line. Never both, so a
 * request that went through the proxy to IIS is not counted twice.
 */
function proxyRows(evidence: Evidence): { rows: RowTimeline; zoneUnknown: boolean } | undefined {
  const rows = new RowTimeline();
  let zoneUnknown = false;
  let counted = 0;
  for (const s of evidence.statuses) {
    if (s.origin !== 'proxy-log') continue;
    const stamp = readStamp(s.ref.text);
    if (!stamp) continue;
    if (stamp.zone === 'unknown') zoneUnknown = true;
    rows.recordMinute(Math.floor(stamp.ms / 60000), s.status, s.substatus ?? -1, s.timeTakenMs ?? -1);
    counted += 1;
  }
  return counted > 0 ? { rows, zoneUnknown } : undefined;
}

/** The timeline of the evidence, or undefined when nothing in it is dated. */
export function buildTimeline(iisRows: RowTimeline | undefined, evidence: Evidence): Timeline | undefined {
  const notes: string[] = [];
  let rows = iisRows && iisRows.bucketCount > 0 ? iisRows : undefined;
  if (!rows) {
    const proxy = proxyRows(evidence);
    rows = proxy?.rows;
    if (proxy?.zoneUnknown) notes.push('Some proxy log rows do not say their time zone; they are drawn as if their clock were UTC.');
  }
  const counted = rows?.result();
  const { markers, dropped } = timelineMarkers(evidence);
  if ((!counted || counted.buckets.length === 0) && markers.length === 0) return undefined;
  const width = counted?.bucketMinutes ?? 1;
  if (width > 1) notes.push(`The log spans more than ${MAX_BUCKETS} minutes: each bar is ${width} minutes.`);
  if (dropped > 0) notes.push(`${dropped} later marker(s) are left out; the chart shows the first ${MAX_MARKERS}.`);
  if (markers.some((m) => m.zone === 'unknown')) notes.push('Some sources do not say their time zone; their markers are drawn as if their clock were UTC.');
  return { bucketMinutes: width, series: counted?.series ?? [], buckets: counted?.buckets ?? [], markers, notes };
}
