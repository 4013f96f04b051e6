/**
 * The fingerprint the team's memory recognizes an incident by: the same clues give the same key
 * whatever their order, other clues give another key, and an unknown answer gets none.
 */
import { diagnose } from '../../src/diagnose';
import { sameIncident } from '../../src/evidence/fingerprint';
import { events, was5011 } from '../causes/support/windows-evidence';

const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const row = (url: string, status: string): string => `2026-11-20 10:15:01 10.0.0.4 GET ${url} - 443 - 203.0.113.9 Mozilla/5.0 - ${status} 120015`;
const timeout = (url = '/api/report/yearly'): string => [FIELDS, row(url, '502 3 12002'), row(url, '502 3 12002'), row('/health', '200 0 0')].join('\n');

/** WAS 5011 as Event Viewer's "Copy details as text" writes it, naming the pool. */
const wasCrash = (pool: string): string => events(was5011(pool, 4120));
/** HTTPERR rows: the last field, s-queuename, is the application pool's request queue. */
const httpErr = (queue: string): string =>
  [
    '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
    `2026-11-20 10:21:41 203.0.113.9 51234 10.0.0.4 443 HTTP/1.1 GET /api/orders - 503 2 AppOffline ${queue}`,
    `2026-11-20 10:21:44 203.0.113.12 51240 10.0.0.4 443 HTTP/1.1 GET /api/orders - 503 2 AppOffline ${queue}`,
  ].join('\n');

describe('fingerprint', () => {
  it('names the top cause, the dominant 5xx with its substatus, the Win32 code and the URL', () => {
    const d = diagnose([{ source: 'paste', text: timeout() }]);
    expect(d.fingerprint).toMatchObject({ cause: d.causes[0]!.id, status: '502.3', win32: '12002', url: '/api/report/yearly' });
    expect(d.fingerprint!.key).toBe(`${d.causes[0]!.id}|502.3|12002|-|-`);
  });

  it('gives the same key for the same clues, and no match when the URL differs', () => {
    const a = diagnose([{ source: 'one', text: timeout() }]).fingerprint!;
    const b = diagnose([{ source: 'two', text: timeout() }]).fingerprint!;
    const elsewhere = diagnose([{ source: 'two', text: timeout('/orders') }]).fingerprint!;
    expect(b.key).toBe(a.key);
    expect(sameIncident(a, b)).toBe(true);
    expect(elsewhere.key).toBe(a.key);
    expect(sameIncident(a, elsewhere)).toBe(false);
    // A place known on one side only does not rule the match out.
    expect(sameIncident(a, { key: a.key })).toBe(true);
  });

  it('keeps sorted distinct event ids and the exception type of a crash', () => {
    const events = [
      'Log Name:      Application',
      'Source:        .NET Runtime',
      'Event ID:      1026',
      'Description:',
      'Application: dotnet.exe',
      'Exception Info: System.InvalidOperationException: Sequence contains no elements',
    ].join('\n');
    const d = diagnose([{ source: 'events', text: events }]);
    expect(d.fingerprint?.events).toEqual(['dotnet-runtime:1026']);
    expect(d.fingerprint?.exception).toBe('System.InvalidOperationException');
  });

  it('names the app pool when the evidence does: a WAS event, or the queue of HTTPERR rows', () => {
    const shop = diagnose([{ source: 'u_ex.log', text: timeout() }, { source: 'events.txt', text: wasCrash('ShopPool') }]).fingerprint!;
    expect(shop).toMatchObject({ status: '502.3', events: ['was:5011'], pool: 'ShopPool' });
    const api = diagnose([{ source: 'u_ex.log', text: timeout() }, { source: 'events.txt', text: wasCrash('ApiPool') }]).fingerprint!;
    expect(api.key).toBe(shop.key);
    expect(api.pool).toBe('ApiPool');
    expect(sameIncident(shop, api)).toBe(false);
    expect(diagnose([{ source: 'httperr1.log', text: httpErr('ShopPool') }]).fingerprint?.pool).toBe('ShopPool');
    // Named once in two cases it is one pool; two pools named leave it unknown, not picked.
    expect(diagnose([{ source: 'httperr1.log', text: httpErr('SHOPPOOL') }, { source: 'events.txt', text: wasCrash('ShopPool') }]).fingerprint?.pool).toMatch(/^shoppool$/i);
    expect(diagnose([{ source: 'httperr1.log', text: httpErr('ApiPool') }, { source: 'events.txt', text: wasCrash('ShopPool') }]).fingerprint?.pool).toBeUndefined();
    // Nothing names one: no pool, and the JSON has no field for it.
    expect(diagnose([{ source: 'u_ex.log', text: timeout() }]).fingerprint).not.toHaveProperty('pool');
  });

  it('gives a thin answer (a bare "502") and an unknown one no fingerprint', () => {
    expect(diagnose([{ source: 'paste', text: 'the site returns 502 Bad Gateway since 10:00' }]).fingerprint).toBeUndefined();
    const unknown = diagnose([{ source: 'paste', text: 'HTTP/1.1 502 Bad Gateway\nServer: somethingodd' }]);
    if (unknown.answer.kind === 'unknown') expect(unknown.fingerprint).toBeUndefined();
  });
});
