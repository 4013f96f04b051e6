/**
 * Which column of a W3C or HTTPERR row holds what: from a `#Fields:` directive when the paste has
 * one, otherwise from the known default layouts, otherwise from a guess on the row itself.
 *
 * A layout maps field positions to the few roles the aggregate reads; every other column is
 * skipped without being looked at.
 */
import { readUint } from './text';

/** The columns the aggregate reads. 0 means "not read". */
export const ROLE = {
  none: 0,
  date: 1,
  time: 2,
  method: 3,
  url: 4,
  status: 5,
  substatus: 6,
  win32: 7,
  timeTaken: 8,
  reason: 9,
  queue: 10,
} as const;
export const ROLE_COUNT = 11;

export interface RowLayout {
  /** Role of each field position (`ROLE`), `fieldCount` long. */
  roles: Uint8Array;
  fieldCount: number;
  /** HTTP.sys error log (HTTPERR) rather than a site's W3C log. */
  httpErr: boolean;
  /** Where the layout came from, for messages. */
  origin: 'fields' | 'default' | 'guess';
  /** Line of the `#Fields:` directive (origin 'fields'). */
  line?: number;
}

/**
 * IIS 8.5+ default site log fields (kb-facts 3.1). IIS 7.x wrote the same without cs(Referer),
 * 14 fields; both are accepted when a paste has no `#Fields:` line.
 */
export const DEFAULT_W3C_FIELDS = [
  'date', 'time', 's-ip', 'cs-method', 'cs-uri-stem', 'cs-uri-query', 's-port', 'cs-username', 'c-ip',
  'cs(User-Agent)', 'cs(Referer)', 'sc-status', 'sc-substatus', 'sc-win32-status', 'time-taken',
] as const;

/** IIS 7.0/7.5 default: no cs(Referer). */
const IIS7_DEFAULT_FIELDS = DEFAULT_W3C_FIELDS.filter((f) => f !== 'cs(Referer)');

/** Azure App Service (Windows) http logs: written without a `#Fields:` line in RawLogs copies. */
export const AZURE_APP_SERVICE_FIELDS = [
  'date', 'time', 's-sitename', 'cs-method', 'cs-uri-stem', 'cs-uri-query', 's-port', 'cs-username', 'c-ip',
  'cs(User-Agent)', 'cs(Cookie)', 'cs(Referer)', 'cs-host', 'sc-status', 'sc-substatus', 'sc-win32-status',
  'sc-bytes', 'cs-bytes', 'time-taken',
] as const;

/** HTTP.sys error log columns, oldest (IIS 6) to newest (HTTP/2 era, with streamid_ex and transport). */
const HTTPERR_FIELDS = [
  ['date', 'time', 'c-ip', 'c-port', 's-ip', 's-port', 'cs-version', 'cs-method', 'cs-uri', 'sc-status', 's-siteid', 's-reason', 's-queuename'],
  ['date', 'time', 'c-ip', 'c-port', 's-ip', 's-port', 'cs-version', 'cs-method', 'cs-uri', 'streamid', 'sc-status', 's-siteid', 's-reason', 's-queuename'],
  ['date', 'time', 'c-ip', 'c-port', 's-ip', 's-port', 'cs-version', 'cs-method', 'cs-uri', 'streamid', 'streamid_ex', 'sc-status', 's-siteid', 's-reason', 's-queuename', 'transport'],
] as const;

const ROLE_OF_FIELD: Record<string, number> = {
  date: ROLE.date,
  time: ROLE.time,
  'cs-method': ROLE.method,
  'cs-uri-stem': ROLE.url,
  'sc-status': ROLE.status,
  'sc-substatus': ROLE.substatus,
  'sc-win32-status': ROLE.win32,
  'time-taken': ROLE.timeTaken,
  's-reason': ROLE.reason,
  's-queuename': ROLE.queue,
};

/** A layout from field names (a `#Fields:` line or a known default). Names are case-insensitive. */
export function layoutFromFields(names: readonly string[], origin: RowLayout['origin'], line?: number): RowLayout {
  const roles = new Uint8Array(names.length);
  const lower = names.map((n) => n.toLowerCase());
  lower.forEach((name, i) => {
    const role = ROLE_OF_FIELD[name];
    // Only the first column of a role counts (a hostile #Fields could repeat one).
    if (role !== undefined && !roles.includes(role)) roles[i] = role;
  });
  // HTTPERR logs the full cs-uri (no stem); a W3C set with both keeps cs-uri-stem.
  const uri = lower.indexOf('cs-uri');
  if (uri >= 0 && !roles.includes(ROLE.url)) roles[uri] = ROLE.url;
  return { roles, fieldCount: names.length, httpErr: lower.includes('s-reason'), origin, ...(line === undefined ? {} : { line }) };
}

export const DEFAULT_LAYOUT = layoutFromFields(DEFAULT_W3C_FIELDS, 'default');
const KNOWN_HEADERLESS: RowLayout[] = [
  DEFAULT_LAYOUT,
  layoutFromFields(IIS7_DEFAULT_FIELDS, 'default'),
  layoutFromFields(AZURE_APP_SERVICE_FIELDS, 'default'),
];

/** 100..999: what IIS writes in sc-status. */
function isStatus(field: string): boolean {
  const n = readUint(field, 0, field.length);
  return field.length === 3 && n >= 100;
}

function isUint(field: string): boolean {
  return readUint(field, 0, field.length) >= 0;
}

function looksLikeMethod(field: string): boolean {
  if (field.length < 3 || field.length > 12) return false;
  for (let i = 0; i < field.length; i += 1) {
    const c = field.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function looksLikeDate(field: string | undefined): boolean {
  return field !== undefined && field.length === 10 && field[4] === '-' && field[7] === '-';
}

function looksLikeTime(field: string | undefined): boolean {
  return field !== undefined && field.length >= 8 && field[2] === ':' && field[5] === ':';
}

/** Whether the status field of `layout` holds a status in this row. */
function fitsStatus(layout: RowLayout, fields: readonly string[]): boolean {
  const at = layout.roles.indexOf(ROLE.status);
  const field = fields[at];
  if (field === undefined) return false;
  return isStatus(field) || (layout.httpErr && field === '-');
}

/**
 * The layout of a row that came without a `#Fields:` line (or did not fit the default):
 * 1. HTTPERR: `cs-version` (7th field) is `HTTP/x.y` or `-` and the two ports are numbers;
 * 2. a known default of that many fields whose sc-status column holds a status (IIS 8.5+, IIS 7.x,
 *    Azure App Service);
 * 3. otherwise the run `status substatus win32` nearest the end (IIS puts sc-bytes, cs-bytes and
 *    time-taken after it), with time-taken as the last field, the method as the first upper-case
 *    token after the date and time, and the URL right after the method.
 * Undefined when nothing fits. Linear in the number of fields.
 */
export function guessLayout(fields: readonly string[]): RowLayout | undefined {
  const n = fields.length;
  // HTTPERR first: a 14-field HTTPERR row would otherwise pass for an IIS 7 row (both have a
  // 3-digit number in the 11th field), while a W3C row never has HTTP/x.y as its 7th field.
  const version = fields[6];
  if (version !== undefined && (version.startsWith('HTTP/') || version === '-') && isUint(fields[3] ?? '') && isUint(fields[5] ?? '')) {
    const names = HTTPERR_FIELDS.find((f) => f.length === n);
    if (names) {
      const layout = layoutFromFields(names, 'guess');
      if (fitsStatus(layout, fields)) return layout;
    }
  }
  for (const known of KNOWN_HEADERLESS) {
    if (known.fieldCount === n && fitsStatus(known, fields)) return { ...known, origin: 'guess' };
  }
  if (n < 4) return undefined;
  const last = fields[n - 1] ?? '';
  if (!isUint(last)) return undefined;
  const candidates = [n - 6, n - 4];
  for (let i = n - 5; i >= 0; i -= 1) if (i !== n - 6) candidates.push(i);
  for (const i of candidates) {
    if (i < 0 || i + 2 >= n - 1) continue;
    const sub = fields[i + 1] ?? '';
    if (!isStatus(fields[i] ?? '') || !isUint(sub) || sub.length > 4 || !isUint(fields[i + 2] ?? '')) continue;
    const roles = new Uint8Array(n);
    roles[i] = ROLE.status;
    roles[i + 1] = ROLE.substatus;
    roles[i + 2] = ROLE.win32;
    roles[n - 1] = ROLE.timeTaken;
    if (looksLikeDate(fields[0]) && looksLikeTime(fields[1])) {
      roles[0] = ROLE.date;
      roles[1] = ROLE.time;
    }
    for (let m = 2; m < Math.min(6, i); m += 1) {
      if (looksLikeMethod(fields[m] ?? '')) {
        roles[m] = ROLE.method;
        if (m + 1 < i) roles[m + 1] = ROLE.url;
        break;
      }
    }
    return { roles, fieldCount: n, httpErr: false, origin: 'guess' };
  }
  return undefined;
}
