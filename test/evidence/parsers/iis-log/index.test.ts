import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IIS_LOG_CAPS, IisLogAggregator, OTHER_KEY, type IisLogResult } from '../../../../src/evidence/parsers/iis-log';
import { EvidenceCollector } from '../../../../src/evidence/collector';
import type { Signal } from '../../../../src/evidence/types';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'iis-log');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const DEFAULT_FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

/** Pushes every line of `text` as source `source`, numbering from 1. */
function feed(agg: IisLogAggregator, text: string, source = 'u_ex.log'): void {
  agg.beginSource(source);
  text.split('\n').forEach((line, i) => agg.push(line, i + 1, source));
}

function aggregate(text: string, source = 'u_ex.log'): IisLogResult {
  const agg = new IisLogAggregator();
  feed(agg, text, source);
  const result = agg.result();
  if (!result) throw new Error('no result');
  return result;
}

/** A default-order (15 field) row. */
function row(time: string, url: string, status: string, timeTaken: number, method = 'GET'): string {
  return `2026-11-20 ${time} 10.0.0.4 ${method} ${url} - 443 - 203.0.113.9 Mozilla/5.0 - ${status} ${timeTaken}`;
}

describe('IisLogAggregator: layouts', () => {
  it('returns undefined when nothing was pushed', () => {
    expect(new IisLogAggregator().result()).toBeUndefined();
  });

  it('reads a log with a #Fields header: counts per status.substatus and win32 (4xx/5xx only)', () => {
    const { stats } = aggregate(fixture('u_ex261120-default-fields.log'));
    expect(stats.rows).toBe(13);
    expect(stats.badRows).toBe(0);
    expect(stats.byStatus).toEqual({ '200.0': 4, '304.0': 1, '404.0': 1, '502.3': 6, '500.0': 1 });
    // The 200 with win32 64 (client went away) is not a failure and stays out of byWin32.
    expect(stats.byWin32).toEqual({ '2': 1, '12030': 3, '12029': 1, '12002': 2, '0': 1 });
    expect(stats.fieldSets).toEqual([DEFAULT_FIELDS.slice('#Fields: '.length).split(' ')]);
  });

  it('reads rows without #Fields in the IIS 8.5+ default order (15 fields)', () => {
    const { stats } = aggregate([row('10:00:00', '/', '200 0 0', 12), row('10:00:01', '/api', '502 3 12030', 7)].join('\n'));
    expect(stats.byStatus).toEqual({ '200.0': 1, '502.3': 1 });
    expect(stats.byWin32).toEqual({ '12030': 1 });
    expect(stats.fieldSets).toEqual([]);
  });

  it('reads the real IIS 7.5 row of IISIntegration#201 (14 fields, no cs(Referer), trailing space)', () => {
    const { stats, statuses } = aggregate(fixture('iisintegration-201-iis75-row.log'));
    expect(stats.badRows).toBe(0);
    expect(stats.byStatus).toEqual({ '502.3': 1 });
    expect(stats.byWin32).toEqual({ '64': 1 });
    expect(stats.timeTaken['502.3.64']).toMatchObject({ count: 1, max: 343 });
    expect(statuses[0]).toMatchObject({ status: 502, substatus: 3, win32: 64, timeTakenMs: 343, url: '/xyz', origin: 'iis-log' });
    expect(stats.samples[0]).toMatchObject({ method: 'GET', url: '/xyz', time: '2016-12-10 03:47:14' });
  });

  it('reads the ARR doc excerpt under a four-field #Fields line', () => {
    const { stats, statuses } = aggregate(fixture('arr-doc-502-3-timeout.log'));
    expect(stats.byStatus).toEqual({ '502.3': 1 });
    expect(stats.timeTaken['502.3.12002']).toMatchObject({ count: 1, max: 29889 });
    expect(statuses[0]).toMatchObject({ status: 502, substatus: 3, win32: 12002, timeTakenMs: 29889 });
    expect(stats.window).toBeUndefined();
  });

  it('reads a custom field set (s-sitename, cs(Cookie), cs-host, sc-bytes, cs-bytes) and a #Fields change mid-paste', () => {
    const { stats } = aggregate(fixture('u_ex261121-fields-change.log'));
    expect(stats.badRows).toBe(0);
    // Rows before the change are read with the first set, rows after it with the second.
    expect(stats.byStatus).toEqual({ '200.0': 2, '502.3': 1, '502.5': 2 });
    expect(stats.timeTaken['502.5.0']).toMatchObject({ count: 2, max: 2048 });
    expect(stats.timeTaken['502.3.12030']).toMatchObject({ count: 1, max: 9 });
    expect(stats.fieldSets).toHaveLength(2);
    expect(stats.fieldSets[1]).toContain('cs-host');
    expect(stats.topErrorUrls).toEqual([{ url: '/api/catalog', count: 3, statuses: { '502.3': 1, '502.5': 2 } }]);
  });

  it('re-maps every time #Fields changes, even back and forth', () => {
    const text = [
      '#Fields: time sc-status time-taken',
      '10:00:00 502 100',
      '#Fields: sc-status time time-taken',
      '503 10:00:01 200',
      '#Fields: time sc-status time-taken',
      '10:00:02 504 300',
    ].join('\n');
    const { stats } = aggregate(text);
    expect(stats.byStatus).toEqual({ '502': 1, '503': 1, '504': 1 });
    expect(stats.timeTaken.all).toMatchObject({ count: 3, max: 300 });
    expect(stats.fieldSets).toHaveLength(2);
  });

  it('guesses the Azure App Service layout without #Fields (real rows of aspnetcore#1839)', () => {
    const { stats } = aggregate(fixture('azure-app-service-rawlogs.log'));
    expect(stats.badRows).toBe(0);
    expect(stats.byStatus).toEqual({ '503.0': 1, '200.0': 1 });
    expect(stats.timeTaken.all).toMatchObject({ count: 2, max: 31 });
    expect(stats.samples[0]).toMatchObject({ status: 503, method: 'GET', url: '/', timeTakenMs: 31 });
    expect(stats.window).toEqual({ first: '2016-11-23 16:04:59', last: '2016-11-23 16:05:24' });
  });

  it('guesses other headerless layouts from the status run and the last field', () => {
    // IIS "all fields" order (22 fields): the status run sits before sc-bytes cs-bytes time-taken.
    const line =
      '2026-11-20 10:00:00 W3SVC1 WEB01 10.0.0.4 POST /api/pay - 443 - 203.0.113.9 HTTP/1.1 curl/8.5.0 - - www.contoso.com 502 3 12002 0 1024 120004';
    const { stats } = aggregate(line);
    expect(stats.byStatus).toEqual({ '502.3': 1 });
    expect(stats.samples[0]).toMatchObject({ method: 'POST', url: '/api/pay', win32: 12002, timeTakenMs: 120004 });
  });

  it('starts every new input with the default order, but keeps #Fields across segments of one input', () => {
    const agg = new IisLogAggregator();
    feed(agg, '#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n2026-11-20 10:00:00 /a 502 3 12030 5', 'a.log');
    // Same input again (the collector opens a new segment after a non-log line): #Fields still
    // applies, so the URL column is known and a default-order row does not fit.
    agg.beginSource('a.log');
    agg.push('2026-11-20 10:00:01 /b 502 3 12030 6', 9, 'a.log');
    agg.push(row('10:00:02', '/c', '200 0 0', 7), 10, 'a.log');
    // A new input: back to the default field order, so the same default row is read.
    feed(agg, row('10:00:03', '/d', '200 0 0', 8), 'b.log');
    const result = agg.result();
    expect(result?.stats.byStatus).toEqual({ '502.3': 2, '200.0': 1 });
    expect(result?.stats.topErrorUrls.map((u) => u.url)).toEqual(['/a', '/b']);
    expect(result?.stats.badRows).toBe(1);
    expect(result?.problems[0]).toMatchObject({ source: 'a.log', line: 10 });
  });
});

describe('IisLogAggregator: HTTPERR', () => {
  const reasons = (signals: Signal[]) =>
    signals.map((s) => (s.id === 'httperr-reason' ? s.data : undefined)).filter((d) => d !== undefined);

  it('reads HTTPERR rows with the newest #Fields (streamid_ex, transport): reasons, statuses, queues, counts', () => {
    const { stats, signals } = aggregate(fixture('httperr1-streamid-ex.log'), 'httperr1.log');
    expect(stats.badRows).toBe(0);
    expect(stats.byReason).toEqual({ Connection_Abandoned_By_AppPool: 2, AppOffline: 3, Timer_AppPool: 1, Timer_ConnectionIdle: 1 });
    // HTTPERR has no substatus column: keys are the bare status.
    expect(stats.byStatus).toEqual({ '503': 4 });
    expect(reasons(signals)).toEqual([
      { reason: 'Connection_Abandoned_By_AppPool', queue: 'ContosoPool', count: 2 },
      { reason: 'AppOffline', status: 503, queue: 'ContosoPool', count: 3 },
      { reason: 'Timer_AppPool', status: 503, queue: 'ContosoPool', count: 1 },
      { reason: 'Timer_ConnectionIdle', count: 1 },
    ]);
    expect(signals[0]?.ref).toMatchObject({ source: 'httperr1.log', line: 5 });
    expect(signals[0]?.ref.text).toContain('Connection_Abandoned_By_AppPool');
  });

  it('recognizes real IIS 6 HTTPERR rows without #Fields (13 fields)', () => {
    const { stats, signals } = aggregate(fixture('httperr-iis6-appoffline.log'), 'httperr2.log');
    expect(stats.badRows).toBe(0);
    expect(stats.byStatus).toEqual({ '503': 3 });
    expect(reasons(signals)).toEqual([
      { reason: 'AppOffline', status: 503, queue: 'DefaultAppPool', count: 3 },
      { reason: 'Timer_ConnectionIdle', count: 1 },
    ]);
    expect(stats.samples[0]).toMatchObject({ status: 503, url: '/Protect/SessionSvrDispatch.asp?type=89&area=9&server=4' });
  });
});

describe('IisLogAggregator: aggregates', () => {
  it('computes time-taken percentiles per 5xx group and over all rows within 2 %', () => {
    const lines = [DEFAULT_FIELDS];
    for (let ms = 1; ms <= 1000; ms += 1) lines.push(row('10:00:00', '/slow', '502 3 12002', ms * 100));
    for (let i = 0; i < 1000; i += 1) lines.push(row('10:00:01', '/', '200 0 0', 20));
    const { stats } = aggregate(lines.join('\n'));
    const group = stats.timeTaken['502.3.12002'];
    expect(group?.count).toBe(1000);
    expect(group?.max).toBe(100000);
    for (const [value, expected] of [[group?.p50, 50000], [group?.p95, 95000], [group?.p99, 99000]] as const) {
      expect(Math.abs((value ?? 0) - expected) / expected).toBeLessThan(0.02);
    }
    expect(stats.timeTaken.all?.count).toBe(2000);
    expect(stats.timeTaken.all?.p50).toBe(20);
    // Only 5xx groups get timings (plus "all").
    expect(Object.keys(stats.timeTaken).sort()).toEqual(['502.3.12002', 'all']);
  });

  it('lists the URLs with the most 5xx rows, most first, at most 20, with their statuses', () => {
    const lines = [DEFAULT_FIELDS];
    for (let u = 0; u < 30; u += 1) {
      for (let k = 0; k <= u; k += 1) lines.push(row('10:00:00', `/api/item${u}`, u % 2 === 0 ? '502 3 12030' : '500 0 0', 5));
    }
    lines.push(row('10:00:00', '/api/item29', '404 0 2', 5));
    const { stats } = aggregate(lines.join('\n'));
    expect(stats.topErrorUrls).toHaveLength(20);
    expect(stats.topErrorUrls[0]).toEqual({ url: '/api/item29', count: 30, statuses: { '500.0': 30 } });
    expect(stats.topErrorUrls[1]).toEqual({ url: '/api/item28', count: 29, statuses: { '502.3': 29 } });
    expect(stats.distinctErrorUrls).toBe(30);
  });

  it('takes each input\'s first and last row as its window and combines inputs by earliest and latest', () => {
    const agg = new IisLogAggregator();
    feed(agg, [row('10:00:05', '/', '200 0 0', 1), row('10:01:00', '/', '200 0 0', 1), row('10:03:00', '/', '200 0 0', 1)].join('\n'), 'late.log');
    // Pasted after, but earlier in time, and as an excerpt in reverse order.
    feed(agg, [row('08:10:00', '/', '200 0 0', 1), row('08:00:00', '/', '200 0 0', 1)].join('\n'), 'early.log');
    expect(agg.result()?.stats.window).toEqual({ first: '2026-11-20 08:00:00', last: '2026-11-20 10:03:00' });
    expect(aggregate(row('23:59:59', '/', '200 0 0', 1)).stats.window).toEqual({ first: '2026-11-20 23:59:59', last: '2026-11-20 23:59:59' });
  });

  it('keeps bounded samples: the first 3 rows and the slowest row of each 4xx/5xx group (at most 50 groups)', () => {
    const lines = [DEFAULT_FIELDS];
    for (let i = 0; i < 10; i += 1) lines.push(row('10:00:00', '/', '200 0 0', i));
    for (let g = 0; g < 120; g += 1) {
      for (let k = 0; k < 5; k += 1) lines.push(row('10:00:01', `/g${g}`, `502 3 ${20000 + g}`, k === 2 ? 9000 : 100 + k));
    }
    const { stats, statuses } = aggregate(lines.join('\n'));
    expect(stats.samples).toHaveLength(IIS_LOG_CAPS.firstRows + IIS_LOG_CAPS.errorGroups);
    expect(stats.samples.slice(0, 3).map((s) => s.ref.line)).toEqual([2, 3, 4]);
    const slowest = stats.samples.slice(3);
    expect(slowest.every((s) => s.timeTakenMs === 9000)).toBe(true);
    // Line of the 3rd row of the first group: header + 10 rows + 2 rows + 1.
    expect(slowest[0]?.ref.line).toBe(14);
    expect(statuses).toHaveLength(stats.samples.length);
    expect(statuses.every((s) => s.origin === 'iis-log')).toBe(true);
    // Counts stay exact beyond the group cap.
    expect(stats.byStatus['502.3']).toBe(600);
  });

  it('caps distinct keys in byStatus and byWin32, summing the rest under "other"', () => {
    const lines = [DEFAULT_FIELDS];
    for (let i = 0; i < 300; i += 1) lines.push(row('10:00:00', '/', `500 ${i} ${i}`, 1));
    const { stats } = aggregate(lines.join('\n'));
    expect(Object.keys(stats.byStatus)).toHaveLength(IIS_LOG_CAPS.keys + 1);
    expect(stats.byStatus[OTHER_KEY]).toBe(300 - IIS_LOG_CAPS.keys);
    expect(stats.byWin32[OTHER_KEY]).toBe(300 - IIS_LOG_CAPS.keys);
  });

  it('decodes one code per distinct non-zero win32 of 4xx/5xx rows, with the first row as ref', () => {
    const { codes } = aggregate(fixture('u_ex261120-default-fields.log'), 'u_ex261120.log');
    expect(codes.map((c) => c.win32)).toEqual([2, 12030, 12029, 12002]);
    const timeout = codes.find((c) => c.win32 === 12002);
    expect(timeout).toMatchObject({ code: '12002', name: 'ERROR_WINHTTP_TIMEOUT', raw: 'sc-win32-status 12002' });
    expect(timeout?.ref).toMatchObject({ source: 'u_ex261120.log', line: 14 });
    // win32 64 sits on a 200 row only: no code for it.
    expect(codes.some((c) => c.win32 === 64)).toBe(false);
  });
});

describe('IisLogAggregator: malformed and hostile input', () => {
  it('reports malformed rows with source line numbers: at most 5 plus one total', () => {
    const lines = [DEFAULT_FIELDS, row('10:00:00', '/', '200 0 0', 1)];
    lines.push('2026-11-20 10:00:01 10.0.0.4 GET / - 443 - 203.0.113.9 Mozilla/5.0 - 200 0 0'); // 14 fields
    lines.push(row('10:00:02', '/', 'abc 0 0', 1)); // non-numeric status
    for (let i = 0; i < 6; i += 1) lines.push('not a log row at all');
    const { stats, problems } = aggregate(lines.join('\n'), 'paste');
    expect(stats.rows).toBe(9);
    expect(stats.badRows).toBe(8);
    expect(stats.byStatus).toEqual({ '200.0': 1 });
    const rowProblems = problems.filter((p) => p.message.includes('was skipped'));
    expect(rowProblems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(rowProblems[0]?.message).toContain('14 fields where the #Fields line (line 1) declares 15');
    expect(rowProblems[1]?.message).toContain('sc-status "abc"');
    expect(problems.at(-1)).toMatchObject({ source: 'paste', line: 3 });
    expect(problems.at(-1)?.message).toContain('8 IIS log lines');
    expect(problems).toHaveLength(6);
  });

  it('reports a #Fields line without sc-status once', () => {
    const { stats, problems } = aggregate('#Fields: date time cs-uri-stem time-taken\n2026-11-20 10:00:00 /a 5\n2026-11-20 10:00:01 /b 6');
    expect(stats.rows).toBe(2);
    expect(stats.byStatus).toEqual({});
    expect(stats.timeTaken.all?.count).toBe(2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1 });
  });

  it('ignores other directives and blank lines', () => {
    const { stats, problems } = aggregate(`#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n\n   \n${row('10:00:00', '/', '200 0 0', 1)}`);
    expect(stats.rows).toBe(1);
    expect(problems).toEqual([]);
  });

  it('survives a 16 KB line of spaces and a line of 5,000 "-" fields', () => {
    const agg = new IisLogAggregator();
    agg.beginSource('x');
    agg.push(' '.repeat(16 * 1024), 1, 'x');
    agg.push(Array(5000).fill('-').join(' '), 2, 'x');
    agg.push(`${DEFAULT_FIELDS}`, 3, 'x');
    agg.push(Array(5000).fill('-').join(' '), 4, 'x');
    const result = agg.result();
    expect(result?.stats.rows).toBe(2);
    expect(result?.stats.badRows).toBe(2);
    expect(result?.problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it('never throws and always finishes on arbitrary lines (property)', () => {
    const token = fc.oneof(
      fc.constantFrom('-', '502', '3', '12002', '0', '200', 'GET', '/api', '2026-11-20', '10:00:00', '#Fields:', 'sc-status', 'time-taken', 's-reason', 'HTTP/1.1', 'AppOffline', ''),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -5, max: 5_000_000_000 }).map(String),
    );
    const line = fc.oneof(fc.string({ maxLength: 200 }), fc.array(token, { maxLength: 40 }).map((t) => t.join(' ')));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const agg = new IisLogAggregator();
        agg.beginSource('p');
        lines.forEach((l, i) => agg.push(l, i + 1, 'p'));
        const result = agg.result();
        if (result) {
          expect(result.stats.rows).toBeGreaterThanOrEqual(result.stats.badRows);
          expect(JSON.stringify(result).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays bounded: 200,000 rows with 200,000 distinct failing URLs give a small stats object', () => {
    const agg = new IisLogAggregator();
    agg.beginSource('big.log');
    agg.push(DEFAULT_FIELDS, 1, 'big.log');
    for (let i = 0; i < 200_000; i += 1) {
      agg.push(row('10:00:00', `/api/orders/${i}/items`, i % 3 === 0 ? '502 3 12030' : '503 0 0', i % 5000), i + 2, 'big.log');
    }
    const stats = agg.result()?.stats;
    expect(stats?.rows).toBe(200_000);
    expect(stats?.topErrorUrls.length).toBeLessThanOrEqual(IIS_LOG_CAPS.topUrls);
    expect(stats?.samples.length).toBeLessThanOrEqual(IIS_LOG_CAPS.firstRows + IIS_LOG_CAPS.errorGroups);
    // Estimated once the URL table overflowed: within 5 % of the truth.
    expect(Math.abs((stats?.distinctErrorUrls ?? 0) - 200_000) / 200_000).toBeLessThan(0.05);
    expect(JSON.stringify(stats).length).toBeLessThan(20_000);
  });
});

describe('IisLogAggregator: redact option', () => {
  it('masks what it keeps (samples, URLs) and redacts only kept strings, not every row', () => {
    let calls = 0;
    const redact = (text: string): string => {
      calls += 1;
      return text.replace(/tok_[a-z0-9]+/g, '[REDACTED]');
    };
    const agg = new IisLogAggregator({ redact });
    agg.beginSource('raw.log');
    agg.push(DEFAULT_FIELDS, 1, 'raw.log');
    for (let i = 0; i < 10_000; i += 1) {
      agg.push(row('10:00:00', i % 2 === 0 ? '/api/tok_abc123/orders' : '/', i % 2 === 0 ? '502 3 12030' : '200 0 0', i), i + 2, 'raw.log');
    }
    const result = agg.result();
    const text = JSON.stringify(result);
    expect(text).not.toContain('tok_abc123');
    expect(result?.stats.topErrorUrls[0]).toMatchObject({ url: '/api/[REDACTED]/orders', count: 5000 });
    expect(result?.statuses.find((s) => s.status === 502)?.ref.text).toContain('[REDACTED]');
    expect(calls).toBeLessThan(50);
  });
});

describe('IisLogAggregator through the EvidenceCollector', () => {
  it('gives a pasted W3C log the kind iis-log and its stats, statuses and codes', () => {
    const collector = new EvidenceCollector();
    collector.addText('u_ex261120.log', fixture('u_ex261120-default-fields.log'));
    const evidence = collector.finish();
    expect(evidence.inputs[0]?.kinds).toEqual(['iis-log']);
    expect(evidence.iisLog?.byStatus['502.3']).toBe(6);
    expect(evidence.statuses.filter((s) => s.origin === 'iis-log' && s.status === 502 && s.win32 === 12002)).toHaveLength(1);
    expect(evidence.codes.some((c) => c.win32 === 12030 && c.ref.source === 'u_ex261120.log')).toBe(true);
  });

  it('merges HTTPERR reason signals into the evidence', () => {
    const collector = new EvidenceCollector();
    collector.addText('httperr1.log', fixture('httperr1-streamid-ex.log'));
    const evidence = collector.finish();
    expect(evidence.inputs[0]?.kinds).toEqual(['iis-log']);
    expect(evidence.signals.filter((s) => s.id === 'httperr-reason').map((s) => s.ref.line)).toEqual([5, 7, 10, 11]);
  });
});
