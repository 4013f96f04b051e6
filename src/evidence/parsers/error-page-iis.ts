/**
 * IIS detailed error pages and the ASP.NET Core Module's own pages.
 *
 * ANCM writes `HTTP Error %d.%d - %s` pages for 500.0, 500.30-500.38 and 502.5 (kb-facts 1.2);
 * IIS writes the detailed error page (500.19, 502.3, ...) with a "Detailed Error Information"
 * table (Module, Notification, Handler, Error Code, Config File) and a numbered "Config Source".
 * HTTP.sys answers 503 itself when the application pool is stopped.
 */
import type { Signal } from '../types';
import type { Page } from './error-page-model';
import type { PageStatus } from './error-page-status';

const DETAIL_KEY = /^(Module|Notification|Handler|Error Code|Config Error|Config File|Requested URL|Physical Path|Logon Method|Logon User)(?:\s*[:|]\s*|\s+|$)(.*)$/;
const CONFIG_SOURCE = /^Config Source:?$/i;
const CONFIG_SOURCE_LINE = /^(-?\d{1,7}):(?:\s(.*))?$/;
const HRESULT = /\b0x[0-9a-fA-F]{8}\b/;

/** Titles ANCM gives its pages (kb-facts 1.2), plus the ANCM V1 502.5 "Process Failure". */
function isAncmPage(status: PageStatus, page: Page): boolean {
  const title = status.title.toLowerCase();
  if (title.startsWith('ancm ') || title.startsWith('asp.net core app failed to start')) return true;
  if (status.status === 500 && status.substatus !== undefined && status.substatus >= 30 && status.substatus <= 38) return true;
  if (status.status === 502 && status.substatus === 5) return true;
  // The static ANCM pages list "Common solutions to this issue" under the heading.
  return page.textLower.includes('common solutions to this issue');
}

interface IisDetails {
  module?: string;
  notification?: string;
  handler?: string;
  errorCode?: string;
  /** Segment line index of the `Error Code` line: the decisive line of a 500.19 page. */
  errorCodeIndex?: number;
  configFile?: string;
  configLine?: number;
  url?: string;
}

/** The "Detailed Error Information" values and the failing web.config line of an IIS page. */
export function iisDetails(page: Page): IisDetails {
  const out: IisDetails = {};
  const sourceLines: number[] = [];
  let inSource = false;
  for (const line of page.lines) {
    const text = line.text;
    if (CONFIG_SOURCE.test(text)) {
      inSource = true;
      continue;
    }
    if (inSource) {
      const numbered = CONFIG_SOURCE_LINE.exec(text);
      if (numbered) {
        sourceLines.push(Number(numbered[1]));
        continue;
      }
      inSource = false;
    }
    const m = DETAIL_KEY.exec(text);
    if (!m) continue;
    const key = m[1] ?? '';
    const value = (m[2] ?? '').trim();
    if (value.length === 0) continue;
    if (key === 'Error Code' && out.errorCode === undefined) out.errorCodeIndex = line.index;
    assignDetail(out, key, value);
  }
  const configLine = failingConfigLine(sourceLines);
  if (configLine !== undefined) out.configLine = configLine;
  return out;
}

function assignDetail(out: IisDetails, key: string, value: string): void {
  switch (key) {
    case 'Module':
      out.module ??= value;
      break;
    case 'Notification':
      out.notification ??= value;
      break;
    case 'Handler':
      out.handler ??= value;
      break;
    case 'Error Code': {
      const code = HRESULT.exec(value);
      if (code) out.errorCode ??= `0x${code[0].slice(2).toUpperCase()}`;
      break;
    }
    case 'Config File':
      // IIS prints the long-path form `\\?\C:\...`; the plain path is what people look for.
      out.configFile ??= value.startsWith('\\\\?\\') ? value.slice(4) : value;
      break;
    case 'Requested URL':
      out.url ??= value;
      break;
    default:
      break;
  }
}

/**
 * IIS shows the failing line with its neighbours (`109:`, `110:`, `111:` for an error on 110),
 * and `-1:` / `0:` when it does not know the line.
 */
function failingConfigLine(numbers: number[]): number | undefined {
  const real = numbers.filter((n) => n > 0);
  if (real.length === 0) return undefined;
  if (real.length === 1) return real[0];
  if (real.length === 2) return real[0] === 1 ? 1 : real[1];
  return real[Math.floor(real.length / 2)];
}

/** The ANCM or IIS signal of a page whose status came from an `HTTP Error` heading. */
export function iisSignals(page: Page, status: PageStatus): Signal[] {
  if (status.source === 'httpsys') {
    return [{ id: 'iis-error-page', data: { status: 503, substatus: 0, title: status.title }, ref: page.ref(status.index) }];
  }
  if (status.source !== 'iis') return [];
  const substatus = status.substatus ?? 0;
  if (isAncmPage(status, page)) {
    return [{ id: 'ancm-error-page', data: { status: status.status, substatus, title: status.title }, ref: page.ref(status.index) }];
  }
  const details = iisDetails(page);
  const data: Signal<'iis-error-page'>['data'] = { status: status.status, substatus, title: status.title };
  if (details.module !== undefined) data.module = details.module;
  if (details.errorCode !== undefined) data.errorCode = details.errorCode;
  if (details.errorCode !== undefined && details.errorCodeIndex !== undefined) data.errorCodeRef = page.ref(details.errorCodeIndex);
  if (details.configFile !== undefined) data.configFile = details.configFile;
  if (details.configLine !== undefined) data.configLine = details.configLine;
  return [{ id: 'iis-error-page', data, ref: page.ref(status.index) }];
}
