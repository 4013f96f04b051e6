/**
 * Tells, line by line, what kind of evidence a line belongs to, so that one paste holding a log
 * excerpt, then headers, then a web.config is cut into segments of one kind each.
 *
 * Every test here is anchored at the start of the line or is a plain substring search, so the
 * classifier stays linear on hostile input.
 */
import type { EvidenceKind } from './types';
import { startsBareEvent } from './bare-events';
import { KINDS } from './kinds';

/** How strongly a line announces its kind. */
interface LineClass {
  kind: EvidenceKind;
  /** A strong line starts a new segment of its kind even inside another segment. */
  strong: boolean;
  /**
   * A segment of this kind absorbs the line instead of being cut by it: the `<Event xmlns=...>`
   * elements inside a FREB file, or the rows of a FREB trace copied from the browser.
   */
  joins?: EvidenceKind;
}

const W3C_ROW = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S/;
const IIS_DIRECTIVE = /^#(Software|Version|Date|Fields|Start-Date|End-Date|Remark):/;
const NGINX_ERROR = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(emerg|alert|crit|error|warn|notice|info|debug)\] /;
const ALB_ROW = /^(http|https|h2|grpcs|ws|wss) \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const STATUS_LINE = /^(?:< )?HTTP\/[0-9.]+ \d{3}\b/;
/** nginx/Apache combined access log row: `203.0.113.5 - - [20/Nov/2026:10:15:01 +0000] "GET ...`. */
const ACCESS_LOG_ROW = /^\S{1,255} \S{1,255} \S{1,255} \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "/;
/** Cloudflare's error page shows its time as `2026-11-20 10:15:01 UTC`: a page line, not a W3C row. */
const UTC_STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;
/** The "General" part of a DevTools copy: `Request URL: ...`, `Status Code: 502 Bad Gateway`. */
const DEVTOOLS_GENERAL = /^(?:Request URL|Request Method|Status Code|Remote Address|Referrer Policy):(?: |$)/;
const BARE_STATUS_HEADING = /^5\d\d (?:Bad Gateway|Gateway Time-?out|Service (?:Temporarily )?Unavailable)$/;
const CURL_LINE = /^[<>*] /;
const HEADER_LINE = /^(?:< )?[A-Za-z][A-Za-z0-9-]{0,60}: ?\S/;
const EVENT_TEXT_START = /^(Log Name|Source|Event ID|Level|Task Category|Keywords|User|Computer|OpCode):/;
const EVENT_FL_START = /^(TimeCreated|ProviderName|Id|LevelDisplayName|Message|LogName|MachineName|RecordId|ContainerLog)\s*: /;
/** `Get-EventLog | Format-List` fields (the name is padded with spaces before the colon). */
const EVENTLOG_FL_START = /^(Index|EntryType|InstanceId|EventID|Category|CategoryNumber|ReplacementStrings|Source|TimeGenerated|TimeWritten|UserName) +: /;
/** A row of Event Viewer's list copied or saved as tab-delimited text (tabs are spaces by now): level, date, time. */
const EVENT_LIST_ROW = /^(?:Information|Warning|Error|Critical|Verbose) \d{1,4}[./-]\d{1,2}[./-]\d{1,4} \d{1,2}:\d{2}/;
const KESTREL_CONSOLE = /^(info|warn|fail|crit|dbug|trce): [A-Za-z]/;
const ANCM_DEBUG = /^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z, PID: \d+\] /;
const STDOUT_STRONG = [
  'Unhandled exception.',
  'Unhandled Exception:',
  'You must install or update .NET',
  'It was not possible to find any compatible framework version',
  'Hosting environment:',
  'Content root path:',
  'Now listening on:',
  'Application started.',
  'Stack overflow.',
];
const XML_ROOTS = [
  '<?xml',
  '<configuration',
  '<system.webServer',
  '<system.applicationHost',
  '<location',
  '<aspNetCore',
  '<handlers',
  '<applicationPools',
  '<add name=',
];
/** Rendered FREB rows (the freb.xsl view copied from a browser) that only FREB writes. */
const FREB_TEXT_STARTS = ['MODULE_SET_RESPONSE_ERROR_STATUS', 'ARR_SERVER_ROUTED'];
/** A numbered row of the rendered FREB view: `88. | GENERAL_SET_REQUEST_HEADER | ...` or `94. NOTIFY_MODULE_END ...`. */
const FREB_TEXT_ROW = /^\d{1,5}\. (?:\| )?[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9](?:[ |]|Warning|Error|Verbose|Information|$)/;
const HTML_STARTS = ['<!DOCTYPE html', '<!doctype html', '<html', '<HTML', '<head', '<body', '<title>', '<!DOCTYPE HTML', '<HEAD', '<BODY', '<TITLE>'];
const ERROR_PAGE_TEXT = [
  /^HTTP Error \d{3}\.\d+ - /,
  /^Error code 5\d\d\b/,
  /^Error 5\d\d\b/,
  /^5\d\d Bad Gateway$/,
  /^5\d\d Gateway Time-?out$/,
  /^502 - Web server received an invalid response/,
  /^Server Error: 502 - /,
  /^Server Error in '\/' Application/,
  /^Cloudflare Ray ID: /,
  /^HTTP Error 503\. The service is unavailable/,
  /^error code: 5\d\d$/,
  /^5\d\d Service (?:Temporarily )?Unavailable$/,
  /^\S{1,253} \| 5\d\d: /,
  /^[A-Z][A-Za-z ]{2,60} Error code 5\d\d$/,
  /^Visit cloudflare\.com for more information/,
  /^Our services aren't available right now/,
  /^The page cannot be displayed because an internal server error has occurred/,
  /^Detailed Error Information:?$/,
];

/** Classifies one normalized line, or returns undefined for a line with no kind of its own. */
export function classifyLine(line: string): LineClass | undefined {
  const trimmed = line.trimStart();
  if (trimmed.length === 0) return undefined;
  const first = trimmed.charCodeAt(0);

  if (first === 35 /* # */ && IIS_DIRECTIVE.test(trimmed)) return { kind: 'iis-log', strong: true };
  if (first >= 48 && first <= 57 /* digit */) {
    if (W3C_ROW.test(trimmed) && !UTC_STAMP.test(trimmed)) return { kind: 'iis-log', strong: true };
    if (NGINX_ERROR.test(trimmed)) return { kind: 'proxy-log', strong: true };
  }
  if (ALB_ROW.test(trimmed)) return { kind: 'proxy-log', strong: true };
  if (isProxyLogLine(trimmed, first)) return { kind: 'proxy-log', strong: true };

  const freb = classifyRenderedFreb(trimmed);
  if (freb) return freb;

  if (first === 60 /* < */) {
    if (trimmed.startsWith('<failedRequest') || trimmed.startsWith('<?xml-stylesheet')) return { kind: 'freb', strong: true };
    // A FREB file's prolog on one line (`<?xml ...?><?xml-stylesheet ... href='freb.xsl'?><failedRequest`),
    // or a whole trace pasted as one line: the declaration is the same as a web.config's, what follows is not.
    if (trimmed.startsWith('<?xml') && (trimmed.includes('<failedRequest') || trimmed.includes('<?xml-stylesheet'))) return { kind: 'freb', strong: true };
    // FREB files are made of the same <Event> elements as exported Windows events.
    if (trimmed.startsWith('<Event xmlns')) return { kind: 'event-log', strong: true, joins: 'freb' };
    if (HTML_STARTS.some((p) => trimmed.startsWith(p))) return { kind: 'error-page', strong: true };
    if (XML_ROOTS.some((p) => trimmed.startsWith(p))) return { kind: 'web-config', strong: true };
    if (STATUS_LINE.test(trimmed)) return { kind: 'headers', strong: true };
    if (CURL_LINE.test(trimmed)) return { kind: 'headers', strong: false };
    return undefined;
  }
  if (STATUS_LINE.test(trimmed)) return { kind: 'headers', strong: true };
  if (trimmed.startsWith('Log Name:') || EVENT_LIST_ROW.test(trimmed)) return { kind: 'event-log', strong: true };
  // PowerShell's Format-List keys end other blocks, but `Format-List *` puts ProviderName and
  // TimeCreated mid-record: inside an event block they join it (the parser splits the records).
  if (EVENT_TEXT_START.test(trimmed) || EVENT_FL_START.test(trimmed) || EVENTLOG_FL_START.test(trimmed)) {
    const strong = /^(TimeCreated|ProviderName|Index|EventID)\b/.test(trimmed);
    return strong ? { kind: 'event-log', strong, joins: 'event-log' } : { kind: 'event-log', strong };
  }
  // Inside an event block such a line is message text; elsewhere it starts an event block.
  // WAS and ANCM messages pasted without their header (the event-log parser infers source and id).
  if (startsBareEvent(trimmed)) {
    return { kind: 'event-log', strong: true, joins: 'event-log' };
  }
  if (KESTREL_CONSOLE.test(trimmed) || ANCM_DEBUG.test(trimmed)) return { kind: 'stdout-log', strong: true };
  if (STDOUT_STRONG.some((p) => trimmed.startsWith(p))) return { kind: 'stdout-log', strong: true };
  // A bare `502 Bad Gateway` is also the value line under a DevTools `Status Code:` name line.
  if (BARE_STATUS_HEADING.test(trimmed)) return { kind: 'error-page', strong: true, joins: 'headers' };
  if (ERROR_PAGE_TEXT.some((re) => re.test(trimmed))) return { kind: 'error-page', strong: true };
  if (CURL_LINE.test(trimmed)) return { kind: 'headers', strong: false };
  if (DEVTOOLS_GENERAL.test(trimmed)) return { kind: 'headers', strong: trimmed.startsWith('Request URL') || trimmed.startsWith('Status Code') };
  // `arn:aws:...` is the target group field of a wrapped ALB entry, not a header.
  if (HEADER_LINE.test(line) && !trimmed.includes(' : ') && !trimmed.startsWith('arn:')) return { kind: 'headers', strong: false };
  return undefined;
}

/**
 * Whether the lines of an open segment are only an XML prolog: declarations, comments and blank
 * lines. A web.config block that holds nothing else is still undecided, and becomes the FREB trace
 * whose stylesheet or `<failedRequest>` root comes next (a FREB file starts like a web.config).
 */
export function isXmlPrologOnly(lines: readonly string[]): boolean {
  return lines.every((line) => {
    const t = line.trim();
    return t === '' || (t.startsWith('<?xml') && !t.startsWith('<?xml-') && t.endsWith('?>') && t.indexOf('<', 1) < 0) || (t.startsWith('<!--') && t.endsWith('-->'));
  });
}

/**
 * Whether a segment of `current` kind absorbs a line classified as `next` (weak) or unclassified.
 * Event messages embed stdout text and exception stacks, XML spans attribute-only lines, and an
 * error page copied as text is mostly prose: those lines stay in the segment they appear in.
 */
export function continues(current: EvidenceKind, next: LineClass | undefined): boolean {
  if (next === undefined) return true;
  if (next.joins === current) return true;
  // ANCM 1018/1020/1035 messages embed the app's stdout ("Unhandled exception.", "Now listening on:"),
  // and `<Event xmlns` (which joins FREB files) is the "Event Xml:" view of the event just above:
  // both stay in the event block, whose parser tells events apart itself.
  if (current === 'event-log' && (next.kind === 'stdout-log' || (next.kind === 'event-log' && next.joins !== undefined))) return true;
  if (next.kind === current) return !(next.strong && KINDS[current].repeats);
  if (next.strong) return false;
  // A weak header-like line ("Source: x", "Exception Info: y") inside an event or stdout block stays there.
  return KINDS[current].absorbsWeakLines;
}

/**
 * The rendered FREB view: rows that start with an opcode only FREB writes, an `ANCM_` event, or name
 * the ASP.NET Core Module. Strong (they end a stdout or event block) but they join an open FREB
 * segment, so one trace stays one segment. Numbered rows of other opcodes are weak.
 */
function classifyRenderedFreb(trimmed: string): LineClass | undefined {
  const strong =
    FREB_TEXT_STARTS.some((p) => trimmed.startsWith(p)) ||
    (trimmed.startsWith('ANCM_') && /^ANCM_[A-Z]/.test(trimmed)) ||
    trimmed.includes('ModuleName="AspNetCoreModule');
  if (strong) return { kind: 'freb', strong: true, joins: 'freb' };
  // A numbered list in prose ("1. ERROR_WINHTTP_TIMEOUT ...") is not a trace row: rows carry data or cells.
  if (FREB_TEXT_ROW.test(trimmed) && (trimmed.includes('="') || trimmed.includes(' | '))) return { kind: 'freb', strong: false };
  return undefined;
}

/**
 * Proxy log lines with no fixed prefix: combined-format access rows, nginx error messages pasted
 * without their timestamp, and Azure Front Door / Application Gateway access records (JSON lines).
 */
function isProxyLogLine(trimmed: string, first: number): boolean {
  if (trimmed.includes(' upstream, client: ') || trimmed.includes(', upstream: "')) return true;
  if (first === 123 /* { */) {
    const lower = trimmed.toLowerCase();
    if (lower.includes('"httpstatuscode') || lower.includes('"errorinfo') || lower.includes('"error_info')) return true;
    return lower.includes('"httpstatus') && (lower.includes('"serverstatus') || lower.includes('"timetaken'));
  }
  return ACCESS_LOG_ROW.test(trimmed);
}
