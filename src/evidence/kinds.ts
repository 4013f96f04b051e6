/**
 * The evidence kinds, each with what the rest of the pipeline needs to know about it: its label,
 * how its segments are read (a parser, or streamed row by row), how it is cut into segments, and
 * whether its text is searched for codes and statuses. Detection, the collector, the code
 * extractor and advice read this table instead of naming kinds; test/evidence/kinds.test.ts fails,
 * saying what is missing, when a kind lacks its parser, its detector, its docs or its tests.
 *
 * Adding a kind: its id in EVIDENCE_KINDS and its entry in KINDS (the compiler insists on both),
 * the lines that announce it in detect.ts, its parser under parsers/ with a test, how to collect
 * it in advice/collect.ts (the compiler insists), and its row in the README's "What it reads".
 *
 * Parsers never import this module, nor codes.ts or detect.ts which do: the table binds the
 * parsers when it loads (the kinds test checks it).
 */
import type { SegmentParser } from './types';
import { parseStdoutLog } from './parsers/stdout-log';
import { parseEventLog } from './parsers/event-log';
import { parseFreb } from './parsers/freb';
import { parseHeaders } from './parsers/headers';
import { parseErrorPage } from './parsers/error-page';
import { parseWebConfig } from './parsers/web-config';
import { parseProxyLog } from './parsers/proxy-log';
import { parseProse } from './parsers/prose';

/** Every kind of evidence a paste can hold (ARCHITECTURE.md, "Evidence kinds"), in the order docs list them. */
export const EVIDENCE_KINDS = ['iis-log', 'stdout-log', 'event-log', 'freb', 'headers', 'error-page', 'web-config', 'proxy-log', 'prose'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * The kind of a line no detector claims: free text, in which statuses and codes are still read.
 * It is the one kind nobody can be asked to go and collect.
 */
export const FALLBACK_KIND = 'prose' satisfies EvidenceKind;
export type CollectableKind = Exclude<EvidenceKind, typeof FALLBACK_KIND>;

interface KindDefinition {
  /** What the kind is, in a few words. */
  label: string;
  /**
   * How a segment is read once it ends. Absent only for `streamed` kinds, whose rows go one by one
   * into the collector's aggregate (the IIS log: memory must not grow with its length).
   */
  parse?: SegmentParser;
  streamed?: true;
  /**
   * Weak or unclassified lines (a stack frame, a "Source: x" line, page prose) stay in a segment of
   * this kind. False for line formats where every line stands on its own.
   */
  absorbsWeakLines: boolean;
  /** A strong line of this same kind starts a fresh block (a second event, a second trace). */
  repeats: boolean;
  /**
   * An XML document: once its root element has closed, a line no detector claims (the sentence
   * written after a pasted config) starts a new block instead of joining the document.
   */
  xml?: true;
  /**
   * What the code extractor reads in its text: codes in any spelling, codes and HTTP statuses (free
   * prose only: the other kinds' parsers know where their status is), or nothing (the IIS log's
   * aggregate decodes its own sc-win32-status column).
   */
  codes: 'codes' | 'codes-and-statuses' | 'none';
  /** A line that announces the kind to the detector (a test checks detect.ts classifies it so). */
  sample: string;
}

export const KINDS: Readonly<Record<EvidenceKind, KindDefinition>> = {
  'iis-log': {
    label: 'IIS W3C or HTTPERR log',
    streamed: true,
    absorbsWeakLines: false,
    repeats: false,
    codes: 'none',
    sample: '#Fields: date time s-ip cs-method cs-uri-stem sc-status sc-substatus sc-win32-status time-taken',
  },
  'stdout-log': {
    label: 'stdout log or console output',
    parse: parseStdoutLog,
    absorbsWeakLines: true,
    repeats: false,
    codes: 'codes',
    sample: 'Unhandled exception. System.InvalidOperationException: boom',
  },
  'event-log': {
    label: 'Windows event',
    parse: parseEventLog,
    absorbsWeakLines: true,
    repeats: true,
    codes: 'codes',
    sample: 'Log Name:      Application',
  },
  freb: {
    label: 'Failed Request Tracing (FREB) trace',
    parse: parseFreb,
    xml: true,
    absorbsWeakLines: true,
    repeats: true,
    codes: 'codes',
    sample: '<failedRequest url="http://localhost:80/api" statusCode="502.5">',
  },
  headers: {
    label: 'response headers',
    parse: parseHeaders,
    absorbsWeakLines: true,
    repeats: false,
    codes: 'codes',
    sample: 'HTTP/1.1 502 Bad Gateway',
  },
  'error-page': {
    label: 'error page',
    parse: parseErrorPage,
    absorbsWeakLines: true,
    repeats: false,
    codes: 'codes',
    sample: 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure',
  },
  'web-config': {
    label: 'web.config or application pool configuration',
    parse: parseWebConfig,
    xml: true,
    absorbsWeakLines: true,
    repeats: false,
    codes: 'codes',
    sample: '<configuration>',
  },
  'proxy-log': {
    label: 'proxy or load balancer log',
    parse: parseProxyLog,
    absorbsWeakLines: false,
    repeats: false,
    codes: 'codes',
    sample: '2026/11/20 10:15:01 [error] 1234#1234: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.9',
  },
  prose: {
    label: 'free text',
    parse: parseProse,
    absorbsWeakLines: false,
    repeats: false,
    codes: 'codes-and-statuses',
    sample: 'we get 502.3 with win32 status 12002 after two minutes',
  },
};

/** True for the kinds someone can be asked to collect (every kind but free text). */
export function isCollectable(kind: EvidenceKind): kind is CollectableKind {
  return kind !== FALLBACK_KIND;
}
