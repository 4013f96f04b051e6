/**
 * The timeline aggregate (issue 11): rows per minute by series with 502/503/504 and their
 * substatus set apart, p95 of time-taken per minute, markers for dated events, zones, and a bound
 * on memory whatever the log's length.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnose';
import { IisLogAggregator } from '../../src/evidence/parsers/iis-log';
import { MAX_BUCKETS, RowTimeline, buildTimeline, readStamp, timelineMarkers } from '../../src/evidence/timeline';
import { emptyEvidence, type Signal, type WindowsEvent } from '../../src/evidence/types';
import { events, was5011 } from '../causes/support/windows-evidence';

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const row = (time: string, status: number, sub: number, win32: number, ms: number): string =>
  `2026-11-20 ${time} 10.0.0.5 GET /api/orders - 443 - 203.0.113.7 curl/8 - ${status} ${sub} ${win32} ${ms}`;
const log = (...rows: string[]): string => ['#Software: Microsoft Internet Information Services 10.0', FIELDS, ...rows].join('\n');
const fixture = (path: string): string => readFileSync(join(__dirname, '..', 'fixtures', path), 'utf8');

describe('rows per minute', () => {
  const text = log(
    row('10:00:01', 200, 0, 0, 10),
    row('10:00:20', 200, 0, 0, 30),
    row('10:00:40', 304, 0, 0, 2),
    row('10:00:50', 404, 0, 2, 5),
    row('10:01:05', 502, 3, 12002, 120000),
    row('10:01:06', 502, 5, 0, 40),
    row('10:01:07', 502, 5, 0, 42),
    row('10:01:30', 503, 0, 0, 1),
    row('10:01:31', 504, 0, 0, 1),
    row('10:01:40', 500, 0, 0, 15),
    row('10:03:00', 200, 0, 0, 7),
  );
  const timeline = diagnose([{ source: 'u_ex261120.log', text }]).timeline!;

  it('counts each minute by status class, with 502/503/504 and their substatus apart', () => {
    expect(timeline.bucketMinutes).toBe(1);
    expect(timeline.series).toEqual(['2xx', '3xx', '4xx', '5xx other', '502.3', '502.5', '503', '504']);
    expect(timeline.buckets.map((b) => [b.start, b.counts])).toEqual([
      ['2026-11-20T10:00:00Z', { '2xx': 2, '3xx': 1, '4xx': 1 }],
      ['2026-11-20T10:01:00Z', { '502.3': 1, '502.5': 2, '503': 1, '504': 1, '5xx other': 1 }],
      ['2026-11-20T10:03:00Z', { '2xx': 1 }],
    ]);
  });

  it('gives each minute the p95 of its time-taken, within the histogram precision', () => {
    const [first, second, third] = timeline.buckets;
    expect(first!.p95Ms).toBe(30);
    // 120,000 ms falls in a bucket at most 1/16 wide.
    expect(Math.abs(second!.p95Ms! - 120000) / 120000).toBeLessThan(0.04);
    expect(third!.p95Ms).toBe(7);
  });

  it('is absent when nothing in the evidence is dated', () => {
    const headers = 'HTTP/1.1 502 Bad Gateway\nServer: Microsoft-IIS/10.0\nContent-Type: text/html';
    expect(diagnose([{ source: 'headers', text: headers }]).timeline).toBeUndefined();
  });

  it('counts HTTPERR rows (UTC too) by their status', () => {
    const httperr = [
      '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
      '2026-11-20 10:04:01 203.0.113.7 50000 10.0.0.5 443 HTTP/1.1 GET /api - 503 2 AppOffline ShopPool',
      '2026-11-20 10:04:02 203.0.113.7 50001 10.0.0.5 443 HTTP/1.1 GET /api - 503 2 AppOffline ShopPool',
    ].join('\n');
    const t = diagnose([{ source: 'httperr1.log', text: httperr }]).timeline!;
    expect(t.buckets).toEqual([{ start: '2026-11-20T10:04:00Z', counts: { '503': 2 } }]);
  });

  it('reads the minute when date and time are not side by side, and across rows of one minute', () => {
    const odd = ['#Fields: date s-ip time cs-method cs-uri-stem sc-status sc-substatus sc-win32-status time-taken',
      '2026-11-20 10.0.0.5 10:04:01 GET /a 502 3 12002 120000',
      '2026-11-20 10.0.0.5 10:05:59 GET /a 200 0 0 5'].join('\n');
    expect(diagnose([{ source: 'odd.log', text: odd }]).timeline!.buckets.map((b) => [b.start, b.counts])).toEqual([
      ['2026-11-20T10:04:00Z', { '502.3': 1 }],
      ['2026-11-20T10:05:00Z', { '2xx': 1 }],
    ]);
    const t = new RowTimeline();
    const line = (time: string): string => `2026-11-20 ${time} x`;
    for (const time of ['10:04:01', '10:04:59', '10:05:00', '09:59:59']) t.record(line(time), 0, 11, 200, 0, 1);
    expect(t.result().buckets.map((b) => [b.start, b.counts['2xx']])).toEqual([
      ['2026-11-20T09:59:00Z', 1],
      ['2026-11-20T10:04:00Z', 2],
      ['2026-11-20T10:05:00Z', 1],
    ]);
  });

  it('counts a proxy access log when there is no IIS log, by the UTC its offset gives', () => {
    const t = diagnose([{ source: 'access.log', text: fixture('proxy-log/nginx-access.log') }]).timeline!;
    expect(t.buckets[0]!.start).toBe('2026-11-20T10:15:00Z');
    expect(t.buckets.flatMap((b) => Object.keys(b.counts))).toEqual(expect.arrayContaining(['502', '504']));
  });
});

describe('markers', () => {
  it('marks WAS recycles by the time Event Viewer printed, and says the zone is unknown', () => {
    const t = diagnose([{ source: 'events.txt', text: fixture('event-log/get-winevent-table.txt') }]).timeline!;
    expect(t.buckets).toEqual([]);
    expect(t.markers.map((m) => [m.at, m.kind, m.label, m.zone])).toEqual([
      ['2026-11-20T09:55:40Z', 'recycle', 'WAS 5186 idle shutdown', 'unknown'],
      ['2026-11-20T10:15:02Z', 'recycle', 'WAS 5074 recycle', 'unknown'],
    ]);
    expect(t.notes.join(' ')).toMatch(/do not say their time zone/);
  });

  it('reads an event XML time as UTC', () => {
    const t = diagnose([{ source: 'was.xml', text: fixture('event-log/was-5076-scheduled.xml') }]).timeline!;
    expect(t.markers).toEqual([expect.objectContaining({ at: '2026-08-16T00:59:57Z', kind: 'recycle', zone: 'UTC' })]);
    expect(t.notes).toEqual([]);
  });

  it('marks crashes, ANCM events and a deploy (app_offline)', () => {
    const crash = diagnose([{ source: 'crash.xml', text: fixture('event-log/application-error-1000-positional.xml') }]).timeline!;
    expect(crash.markers[0]).toEqual(expect.objectContaining({ kind: 'crash', label: 'crash (Application Error 1000)' }));
    const ancm = diagnose([{ source: 'ancm.txt', text: fixture('event-log/event-viewer-list-rows.txt') }]).timeline!;
    const kinds = ancm.markers.map((m) => `${m.kind}:${m.label}`);
    expect(kinds).toEqual(expect.arrayContaining(['ancm:ANCM 1005', 'deploy:deploy (app_offline)', 'recycle:WAS 5078 recycle']));
  });

  it('marks a WAS configuration-change recycle as a deploy, and an ANCM start failure as a crash', () => {
    const ref = { source: 'events.xml', line: 1, text: '' };
    const event = (provider: string, family: WindowsEvent['family'], id: number, time: string): WindowsEvent => ({ family, provider, id, time, message: 'm', ref, messageRef: ref });
    const evidence = { ...emptyEvidence(), events: [event('WAS', 'was', 5080, '2026-11-20T10:00:00Z'), event('IIS AspNetCore Module V2', 'ancm', 1010, '2026-11-20T10:01:00Z'), event('Other', 'other', 1, '2026-11-20T10:02:00Z')] };
    expect(timelineMarkers(evidence).markers.map((m) => [m.kind, m.label])).toEqual([
      ['deploy', 'WAS 5080 config change'],
      ['crash', 'ANCM 1010 start failed'],
    ]);
  });

  it('marks crashes the stdout says (stack overflow, out of memory, a fatal unhandled exception) and WAS 5011, and a dated nginx upstream error', () => {
    const stdout = [
      '2026-11-20 10:02:00.000 +00:00 [FTL] Process is terminated due to StackOverflowException.',
      "2026-11-20 10:03:00.000 +00:00 [ERR] System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
      '2026-11-20 10:04:00.000 +00:00 Unhandled exception. System.InvalidOperationException: Sequence contains no elements',
      '   at Shop.Program.Main(String[] args)',
    ].join('\n');
    const was = events(was5011('ShopPool', 4120, '11/20/2026 10:06:00 AM'));
    const nginx =
      '2026/11/20 10:05:01 [error] 30420#0: *118 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop, request: "GET /api HTTP/1.1", upstream: "http://10.0.0.7:5000/api", host: "shop"';
    const t = diagnose([
      { source: 'stdout_20261120.log', text: stdout },
      { source: 'events.txt', text: was },
      { source: 'error.log', text: nginx },
    ]).timeline!;
    expect(t.markers.map((m) => [m.at, m.kind, m.label, m.zone])).toEqual([
      ['2026-11-20T10:02:00Z', 'crash', 'stack overflow', 'UTC'],
      ['2026-11-20T10:03:00Z', 'crash', 'out of memory', 'UTC'],
      ['2026-11-20T10:04:00Z', 'crash', 'unhandled exception', 'UTC'],
      ['2026-11-20T10:05:01Z', 'proxy', 'nginx upstream error', 'unknown'],
      ['2026-11-20T10:06:00Z', 'crash', 'WAS 5011 process ended', 'unknown'],
    ]);
    // An exception a logger printed and the app survived (fatal: false) is no crash.
    const ref = { source: 'stdout.log', line: 1, text: '2026-11-20 10:04:00.000 +00:00 System.InvalidOperationException: Sequence contains no elements' };
    const exception = (fatal: boolean): Signal => ({ id: 'unhandled-exception', data: { type: 'System.InvalidOperationException', message: 'Sequence contains no elements', fatal }, ref });
    expect(timelineMarkers({ ...emptyEvidence(), signals: [exception(false)] }).markers).toEqual([]);
    expect(timelineMarkers({ ...emptyEvidence(), signals: [exception(true)] }).markers).toEqual([expect.objectContaining({ kind: 'crash', label: 'unhandled exception' })]);
  });

  it('marks a process start from a dated stdout line, and lays it on the IIS minutes', () => {
    const stdout = '2026-11-20 10:01:30.120 +00:00 [INF] Microsoft.Hosting.Lifetime: Application started. Press Ctrl+C to shut down.';
    const t = diagnose([
      { source: 'u_ex261120.log', text: log(row('10:01:05', 502, 3, 12002, 120000)) },
      { source: 'stdout_20261120.log', text: stdout },
    ]).timeline!;
    expect(t.buckets).toHaveLength(1);
    expect(t.markers).toEqual([expect.objectContaining({ at: '2026-11-20T10:01:30Z', kind: 'start', zone: 'UTC' })]);
  });
});

describe('readStamp', () => {
  it.each([
    ['2026-11-20T10:04:51.1234Z', Date.UTC(2026, 10, 20, 10, 4, 51), 'UTC'],
    ['2026-11-20T12:04:51+02:00', Date.UTC(2026, 10, 20, 10, 4, 51), 'UTC'],
    ['10.0.0.1 - - [20/Nov/2026:05:04:51 -0500] "GET /"', Date.UTC(2026, 10, 20, 10, 4, 51), 'UTC'],
    ['2026/11/20 10:04:51 [error] 1#1: upstream', Date.UTC(2026, 10, 20, 10, 4, 51), 'unknown'],
    ['11/20/2026 10:04:51 PM  5074 Information', Date.UTC(2026, 10, 20, 22, 4, 51), 'unknown'],
    ['11/20/2026 12:04:51 AM', Date.UTC(2026, 10, 20, 0, 4, 51), 'unknown'],
  ])('reads %s', (text, ms, zone) => {
    expect(readStamp(text)).toEqual({ ms, zone });
  });

  it('reads a day-first Event Viewer date when the first number cannot be a month', () => {
    expect(readStamp('20/11/2026 10:04:51')).toEqual({ ms: Date.UTC(2026, 10, 20, 10, 4, 51), zone: 'unknown' });
  });

  it('reads no time from impossible fields', () => {
    expect(readStamp('2026-13-40 10:04:51')).toBeUndefined();
    expect(readStamp('2026-11-20 25:04:51')).toBeUndefined();
  });

  it('reads nothing from an undated line', () => {
    expect(readStamp('[10:04:51 INF] Application started.')).toBeUndefined();
  });
});

describe('bounded memory', () => {
  it('keeps at most MAX_BUCKETS buckets over a log of 3 days, by merging minutes, and says so', () => {
    const aggregator = new IisLogAggregator();
    aggregator.push(FIELDS, 1, 'big.log');
    const start = Date.UTC(2026, 10, 18);
    const rows = 200_000;
    const span = 3 * 24 * 60 * 60 * 1000;
    for (let i = 0; i < rows; i += 1) {
      const at = new Date(start + Math.floor((i * span) / rows)).toISOString();
      const status = i % 50 === 0 ? 502 : 200;
      aggregator.push(`${at.slice(0, 10)} ${at.slice(11, 19)} 10.0.0.5 GET /a - 443 - 203.0.113.7 curl/8 - ${status} ${status === 502 ? 3 : 0} 0 ${i % 1000}`, i + 2, 'big.log');
    }
    const result = aggregator.result()!;
    expect(result.timeline.bucketCount).toBeLessThanOrEqual(MAX_BUCKETS);
    const timeline = buildTimeline(result.timeline, emptyEvidence())!;
    expect(timeline.bucketMinutes).toBe(4);
    expect(timeline.buckets.length).toBe(3 * 24 * 15);
    // Nothing is lost by merging: every row is still counted once.
    const total = (series: string): number => timeline.buckets.reduce((n, b) => n + (b.counts[series] ?? 0), 0);
    expect(total('2xx') + total('502.3')).toBe(rows);
    expect(total('502.3')).toBe(rows / 50);
    expect(timeline.notes.join(' ')).toMatch(/each bar is 4 minutes/);
  });

  it('keeps a bounded number of series whatever substatus values a log invents', () => {
    const t = new RowTimeline();
    for (let sub = 0; sub < 500; sub += 1) t.recordMinute(100, 502, sub, 5);
    const { series, buckets } = t.result();
    expect(series.length).toBeLessThanOrEqual(4 + 8);
    expect(Object.values(buckets[0]!.counts).reduce((a, b) => a + b, 0)).toBe(500);
    expect(buckets[0]!.counts['5xx other']).toBe(500 - 8);
  });
});
