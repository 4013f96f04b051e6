/**
 * One parser per buffered evidence kind. IIS logs are streamed by `IisLogAggregator` instead.
 */
import type { EvidenceKind, SegmentParser } from '../types';
import { parseStdoutLog } from './stdout-log';
import { parseEventLog } from './event-log';
import { parseFreb } from './freb';
import { parseHeaders } from './headers';
import { parseErrorPage } from './error-page';
import { parseWebConfig } from './web-config';
import { parseProxyLog } from './proxy-log';
import { parseProse } from './prose';

export const SEGMENT_PARSERS: Record<Exclude<EvidenceKind, 'iis-log'>, SegmentParser> = {
  'stdout-log': parseStdoutLog,
  'event-log': parseEventLog,
  freb: parseFreb,
  headers: parseHeaders,
  'error-page': parseErrorPage,
  'web-config': parseWebConfig,
  'proxy-log': parseProxyLog,
  prose: parseProse,
};
