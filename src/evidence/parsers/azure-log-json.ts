/**
 * Azure Front Door and Application Gateway access log records, one JSON object per line, as
 * exported from a storage account, Event Hub or Log Analytics (`_s` / `_d` column suffixes).
 *
 * Real exports are not always valid JSON (App Gateway v1 writes `"clientPort":-`), so fields are
 * read by key, case-insensitively, instead of parsing the whole object.
 */

interface FrontDoorRecord {
  kind: 'front-door';
  status?: number;
  errorInfo?: string;
  trackingReference?: string;
  url?: string;
  timeTakenMs?: number;
}

interface AppGatewayRecord {
  kind: 'app-gateway';
  status?: number;
  errorInfo?: string;
  url?: string;
  timeTakenMs?: number;
}

/** Whether a line is a Front Door or App Gateway access log record. */
export function isAzureAccessRecord(line: string): boolean {
  if (!line.trimStart().startsWith('{')) return false;
  const lower = line.toLowerCase();
  if (lower.includes('"httpstatuscode')) return true;
  return lower.includes('"httpstatus') && (lower.includes('"serverstatus') || lower.includes('"timetaken') || lower.includes('"error_info'));
}

const key = (name: string): RegExp => new RegExp(`"${name}(?:_[sd])?"\\s{0,8}:\\s{0,8}`, 'i');
const KEYS = {
  httpStatusCode: key('httpStatusCode'),
  httpStatus: key('httpStatus'),
  errorInfo: key('errorInfo'),
  errorInfoUnderscore: key('error_info'),
  trackingReference: key('trackingReference'),
  requestUri: key('requestUri'),
  timeTaken: key('timeTaken'),
  serverStatus: key('serverStatus'),
  serverRouted: key('serverRouted'),
};

/** Reads a record; undefined when the line is neither kind. */
export function readAzureRecord(line: string): FrontDoorRecord | AppGatewayRecord | undefined {
  const afdStatus = field(line, KEYS.httpStatusCode);
  if (afdStatus !== undefined) {
    const record: FrontDoorRecord = { kind: 'front-door' };
    const status = statusOf(afdStatus);
    if (status !== undefined) record.status = status;
    const info = field(line, KEYS.errorInfo);
    if (info !== undefined && info !== '' && info.toLowerCase() !== 'noerror') record.errorInfo = info;
    const tracking = field(line, KEYS.trackingReference);
    if (tracking) record.trackingReference = tracking;
    const url = field(line, KEYS.requestUri);
    if (url) record.url = url;
    const taken = secondsToMs(field(line, KEYS.timeTaken));
    if (taken !== undefined) record.timeTakenMs = taken;
    return record;
  }
  const gwStatus = field(line, KEYS.httpStatus);
  if (gwStatus === undefined) return undefined;
  const record: AppGatewayRecord = { kind: 'app-gateway' };
  const status = statusOf(gwStatus);
  if (status !== undefined) record.status = status;
  const info = field(line, KEYS.errorInfoUnderscore) ?? field(line, KEYS.errorInfo);
  if (info !== undefined && info !== '' && info.toUpperCase() !== 'ERRORINFO_NO_ERROR') record.errorInfo = info;
  const url = field(line, KEYS.requestUri);
  if (url) record.url = url;
  // v2 records (serverStatus, error_info) give timeTaken in seconds; v1 records in milliseconds.
  const v2 = field(line, KEYS.serverStatus) !== undefined || field(line, KEYS.serverRouted) !== undefined || info !== undefined;
  const rawTaken = field(line, KEYS.timeTaken);
  const taken = v2 ? secondsToMs(rawTaken) : millis(rawTaken);
  if (taken !== undefined) record.timeTakenMs = taken;
  return record;
}

/** The value after `"key":` — a JSON string (escapes undone) or a bare token. */
function field(line: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(line);
  if (!m) return undefined;
  let i = m.index + m[0].length;
  if (line[i] === '"') {
    let value = '';
    i += 1;
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\' && i + 1 < line.length) {
        value += line[i + 1];
        i += 2;
        continue;
      }
      value += line[i];
      i += 1;
    }
    return value;
  }
  let end = i;
  while (end < line.length && !',}] '.includes(line[end] ?? ',')) end += 1;
  return line.slice(i, end);
}

function statusOf(value: string): number | undefined {
  const m = /^(\d{3})(?:\.0+)?$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

function secondsToMs(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}(?:\.\d{1,9})?$/.test(value.trim())) return undefined;
  return Math.round(Number(value) * 1000);
}

function millis(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return undefined;
  return Number(value);
}
