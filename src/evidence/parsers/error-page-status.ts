/**
 * The HTTP status an error page announces, from the most specific wording to the least:
 * IIS and ANCM headings (`HTTP Error 502.5 - ...`), the HTTP.sys 503 page, Cloudflare's title and
 * "Error code 524", IIS custom error headings (`502 - Web server received ...`), and the bare
 * `502 Bad Gateway` heading nginx, ALB and others print.
 */
import type { Page } from './error-page-model';

type StatusSource = 'iis' | 'httpsys' | 'cloudflare' | 'iis-custom' | 'heading' | 'iis-generic';

export interface PageStatus {
  status: number;
  substatus?: number;
  /** The words after the status (`ANCM Out-Of-Process Startup Failure`, `Bad gateway`). */
  title: string;
  /** Segment line index where the status was read. */
  index: number;
  source: StatusSource;
  /** For Cloudflare: read from the page title, an "Error code 524" heading, or the plain-text body. */
  form?: 'title' | 'code' | 'plain';
}

const HTTP_ERROR = /^HTTP Error (\d{3})\.(\d{1,3}) - (.{1,200})$/;
const IIS_TITLE = /Detailed Error - (\d{3})\.(\d{1,3}) - (.{1,200})$/;
const HTTPSYS_503 = /^HTTP Error 503\. The service is unavailable\.?$/i;
/** `example.com | 502: Bad gateway`: Cloudflare's page title. */
const CLOUDFLARE_TITLE = /^\S{1,253} \| (\d{3}): (.{1,120})$/;
/** `Error code 524`, alone or after the error's name as a text copy puts it (`A timeout occurred Error code 524`). */
const CLOUDFLARE_CODE = /(?:^|\s)Error code (\d{3})$|^Error (\d{3})$/i;
/** The plain-text body Cloudflare sends to clients that do not accept HTML. */
const CLOUDFLARE_PLAIN = /^error code: (\d{3})$/i;
const IIS_CUSTOM = /^(\d{3}) - (.{1,200})$/;
const HEADING = /^([45]\d\d) (Bad Gateway|Gateway Time-?out|Service Temporarily Unavailable|Service Unavailable|Internal Server Error|Bad Request|Forbidden|Not Found|Request Time-?out|Origin Error)$/i;
const IIS_GENERIC_500 = 'the page cannot be displayed because an internal server error has occurred';

/** Cloudflare error names (page headings) and their codes, for pages that lost the number. */
export const CLOUDFLARE_NAMES: Record<string, number> = {
  'bad gateway': 502,
  'gateway time-out': 504,
  'gateway timeout': 504,
  'web server is returning an unknown error': 520,
  'web server is down': 521,
  'connection timed out': 522,
  'origin is unreachable': 523,
  'a timeout occurred': 524,
  'ssl handshake failed': 525,
  'invalid ssl certificate': 526,
};

/** The page's status, or undefined when it names none. */
export function findPageStatus(page: Page): PageStatus | undefined {
  return iisHeading(page) ?? httpSys503(page) ?? cloudflareStatus(page) ?? otherHeading(page);
}

function iisHeading(page: Page): PageStatus | undefined {
  const fromTitle = page.title ? parseHttpError(page.title.text) : undefined;
  if (fromTitle && page.title) return { ...fromTitle, index: page.title.index, source: 'iis' };
  const found = page.findChunk((chunk) => {
    const at = chunk.indexOf('HTTP Error ');
    return at >= 0 ? parseHttpError(chunk.slice(at)) : undefined;
  });
  if (found) return { ...found.value, index: found.line.index, source: 'iis' };
  // IIS's own title: "IIS 10.0 Detailed Error - 500.19 - Internal Server Error".
  const iisTitle = page.title ? IIS_TITLE.exec(page.title.text) : null;
  if (iisTitle && page.title) {
    return { status: Number(iisTitle[1]), substatus: Number(iisTitle[2]), title: (iisTitle[3] ?? '').trim(), index: page.title.index, source: 'iis' };
  }
  return undefined;
}

function parseHttpError(text: string): { status: number; substatus: number; title: string } | undefined {
  const m = HTTP_ERROR.exec(text.trim());
  if (!m) return undefined;
  return { status: Number(m[1]), substatus: Number(m[2]), title: (m[3] ?? '').trim() };
}

function httpSys503(page: Page): PageStatus | undefined {
  const found = page.findChunk((chunk) => (HTTPSYS_503.test(chunk) ? true : undefined));
  return found ? { status: 503, title: 'Service Unavailable', index: found.line.index, source: 'httpsys' } : undefined;
}

function cloudflareStatus(page: Page): PageStatus | undefined {
  const title = page.title ? CLOUDFLARE_TITLE.exec(page.title.text) : null;
  if (title && page.title) {
    return { status: Number(title[1]), title: (title[2] ?? '').trim(), index: page.title.index, source: 'cloudflare', form: 'title' };
  }
  const found = page.findChunk((chunk): { status: number; form: 'title' | 'code' | 'plain' } | undefined => {
    // A text copy keeps the title as a line of its own.
    const titled = CLOUDFLARE_TITLE.exec(chunk);
    if (titled) return { status: Number(titled[1]), form: 'title' };
    const code = CLOUDFLARE_CODE.exec(chunk);
    if (code) return { status: Number(code[1] ?? code[2]), form: 'code' };
    const plain = CLOUDFLARE_PLAIN.exec(chunk);
    return plain ? { status: Number(plain[1]), form: 'plain' } : undefined;
  });
  if (!found) return undefined;
  const { status, form } = found.value;
  return { status, title: nameOf(status), index: found.line.index, source: 'cloudflare', form };
}

function nameOf(status: number): string {
  return Object.keys(CLOUDFLARE_NAMES).find((k) => CLOUDFLARE_NAMES[k] === status) ?? '';
}

function otherHeading(page: Page): PageStatus | undefined {
  const custom = page.findChunk((chunk) => {
    const m = IIS_CUSTOM.exec(chunk);
    return m && Number(m[1]) >= 400 ? m : undefined;
  });
  if (custom) return { status: Number(custom.value[1]), title: (custom.value[2] ?? '').trim(), index: custom.line.index, source: 'iis-custom' };
  const heading = page.findChunk((chunk) => HEADING.exec(chunk) ?? undefined);
  if (heading) return { status: Number(heading.value[1]), title: heading.value[2] ?? '', index: heading.line.index, source: 'heading' };
  const generic = page.lineContaining(IIS_GENERIC_500);
  if (generic) return { status: 500, title: 'Internal Server Error', index: generic.index, source: 'iis-generic' };
  return undefined;
}
