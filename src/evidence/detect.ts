/**
 * Tells, line by line, what kind of evidence a line belongs to, so that one paste holding a log
 * excerpt, then headers, then a web.config is cut into segments of one kind each.
 *
 * Every test here is anchored at the start of the line or is a plain substring search, so the
 * classifier stays linear on hostile input.
 */
import type { EvidenceKind } from './types';

/** How strongly a line announces its kind. */
export interface LineClass {
  kind: EvidenceKind;
  /** A strong line starts a new segment of its kind even inside another segment. */
  strong: boolean;
}

const W3C_ROW = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S/;
const IIS_DIRECTIVE = /^#(Software|Version|Date|Fields|Start-Date|End-Date|Remark):/;
const NGINX_ERROR = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(emerg|alert|crit|error|warn|notice|info|debug)\] /;
const ALB_ROW = /^(http|https|h2|grpcs|ws|wss) \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const STATUS_LINE = /^(?:< )?HTTP\/[0-9.]+ \d{3}\b/;
const CURL_LINE = /^[<>*] /;
const HEADER_LINE = /^(?:< )?[A-Za-z][A-Za-z0-9-]{0,60}: ?\S/;
const EVENT_TEXT_START = /^(Log Name|Source|Event ID|Level|Task Category|Keywords|User|Computer|OpCode):/;
const EVENT_FL_START = /^(TimeCreated|ProviderName|Id|LevelDisplayName|Message|LogName|MachineName|RecordId|ContainerLog)\s*: /;
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
const HTML_STARTS = ['<!DOCTYPE html', '<!doctype html', '<html', '<HTML', '<head', '<body', '<title>'];
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
    if (W3C_ROW.test(trimmed)) return { kind: 'iis-log', strong: true };
    if (NGINX_ERROR.test(trimmed)) return { kind: 'proxy-log', strong: true };
  }
  if (ALB_ROW.test(trimmed)) return { kind: 'proxy-log', strong: true };

  if (first === 60 /* < */) {
    if (trimmed.startsWith('<failedRequest') || trimmed.startsWith('<?xml-stylesheet')) return { kind: 'freb', strong: true };
    if (trimmed.startsWith('<Event xmlns')) return { kind: 'event-log', strong: true };
    if (HTML_STARTS.some((p) => trimmed.startsWith(p))) return { kind: 'error-page', strong: true };
    if (XML_ROOTS.some((p) => trimmed.startsWith(p))) return { kind: 'web-config', strong: true };
    if (STATUS_LINE.test(trimmed)) return { kind: 'headers', strong: true };
    if (CURL_LINE.test(trimmed)) return { kind: 'headers', strong: false };
    return undefined;
  }
  if (STATUS_LINE.test(trimmed)) return { kind: 'headers', strong: true };
  if (EVENT_TEXT_START.test(trimmed) || EVENT_FL_START.test(trimmed)) return { kind: 'event-log', strong: trimmed.startsWith('Log Name:') || trimmed.startsWith('TimeCreated') || trimmed.startsWith('ProviderName') };
  if (KESTREL_CONSOLE.test(trimmed) || ANCM_DEBUG.test(trimmed)) return { kind: 'stdout-log', strong: true };
  if (STDOUT_STRONG.some((p) => trimmed.startsWith(p))) return { kind: 'stdout-log', strong: true };
  if (ERROR_PAGE_TEXT.some((re) => re.test(trimmed))) return { kind: 'error-page', strong: true };
  if (CURL_LINE.test(trimmed)) return { kind: 'headers', strong: false };
  if (HEADER_LINE.test(line) && !trimmed.includes(' : ')) return { kind: 'headers', strong: false };
  return undefined;
}

/**
 * Whether a segment of `current` kind absorbs a line classified as `next` (weak) or unclassified.
 * Event messages embed stdout text and exception stacks, XML spans attribute-only lines, and an
 * error page copied as text is mostly prose: those lines stay in the segment they appear in.
 */
export function continues(current: EvidenceKind, next: LineClass | undefined): boolean {
  if (next === undefined) return true;
  if (next.kind === current) return !(next.strong && startsFreshBlock(current));
  if (next.strong) return false;
  // A weak header-like line ("Source: x", "Exception Info: y") inside an event or stdout block stays there.
  return current !== 'iis-log' && current !== 'proxy-log' && current !== 'codes';
}

/** Kinds whose strong line begins a new block of the same kind (a second event, a second page). */
function startsFreshBlock(kind: EvidenceKind): boolean {
  return kind === 'event-log' || kind === 'freb';
}
