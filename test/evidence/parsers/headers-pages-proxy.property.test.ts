/**
 * Properties of the headers, error-page and proxy-log parsers on arbitrary input: they never
 * throw, every ref points at a line of the segment (numbered from its first line) with at most
 * 300 characters of text, and a 16 KB hostile line costs linear time.
 */
import fc from 'fast-check';
import { parseHeaders } from '../../../src/evidence/parsers/headers';
import { parseErrorPage } from '../../../src/evidence/parsers/error-page';
import { parseProxyLog } from '../../../src/evidence/parsers/proxy-log';
import type { EvidenceKind, Segment, SegmentFacts } from '../../../src/evidence/types';
import { allRefs } from './segment-fixture';
import { expectLinearTimeOf } from '../../helpers/linear-time';

type Parser = (segment: Segment) => SegmentFacts;
const PARSERS: [EvidenceKind, Parser][] = [
  ['headers', parseHeaders],
  ['error-page', parseErrorPage],
  ['proxy-log', parseProxyLog],
];

/** Pieces of every format, so random lines often look almost right. */
const FRAGMENTS = [
  'HTTP/1.1 502 Bad Gateway',
  '< HTTP/2 504',
  '> GET /api HTTP/2',
  'Status Code:',
  'Request URL:',
  'server: cloudflare',
  'cf-ray: 8d2f1c3b4a5e6f70-FRA',
  'X-Azure-Ref:',
  ':status: 502',
  '<html>',
  '<title>',
  '</title>',
  '<script>',
  '<!--',
  '-->',
  '&nbsp;&#x27;&amp;',
  'HTTP Error 502.5 - ',
  'HTTP Error 500.19 - Internal Server Error',
  'Config Source:',
  '   12: <aspNetCore',
  'Error Code 0x8007000d',
  'Cloudflare Ray ID: ',
  'example.com | 524: A timeout occurred',
  "Our services aren't available right now",
  'Ref A: ',
  '<center>nginx/1.24.0</center>',
  '</html>',
  '2026/11/20 10:15:01 [error] 1#1: *1 ',
  'connect() failed (111: Connection refused) while connecting to upstream, client: ',
  ', upstream: "',
  ', request: "',
  'https 2026-11-20T10:15:01.000000Z app/a/b 203.0.113.7:1 10.0.0.1:80 ',
  '-1 -1 -1 502 - ',
  '"GET http://x/ HTTP/1.1" ',
  '"',
  '\\"',
  '203.0.113.5 - - [20/Nov/2026:10:15:01 +0000] "',
  ' rt=60.001 urt="0.1, 0.2"',
  '{"httpStatusCode": "',
  '{"httpStatus": 502, "timeTaken": ',
  '"errorInfo": "OriginTimeout"',
];

const line = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 })), { maxLength: 8 }).map((parts) => parts.join(''));
const segmentArb = (kind: EvidenceKind) =>
  fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 30 }),
    firstLine: fc.integer({ min: 1, max: 100000 }),
  }).map(({ lines, firstLine }): Segment => ({ kind, source: 'fuzz', firstLine, lines }));

describe.each(PARSERS)('%s parser on arbitrary input', (kind, parse) => {
  it('never throws and points every ref at a line of the segment', () => {
    fc.assert(
      fc.property(segmentArb(kind), (segment) => {
        const facts = parse(segment);
        for (const ref of allRefs(facts)) {
          expect(ref.source).toBe('fuzz');
          expect(ref.line).toBeGreaterThanOrEqual(segment.firstLine);
          expect(ref.line).toBeLessThan(segment.firstLine + segment.lines.length);
          expect(ref.text.length).toBeLessThanOrEqual(300);
        }
        for (const problem of facts.problems ?? []) {
          expect(problem.line).toBeGreaterThanOrEqual(segment.firstLine);
          expect(problem.line).toBeLessThan(segment.firstLine + segment.lines.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads 16 KB hostile lines in bounded time', () => {
    // The guard is against catastrophic backtracking (super-linear growth), not a speed target.
    fc.assert(
      fc.property(fc.constantFrom(...FRAGMENTS), fc.constantFrom('"', '<', '&', ' ', 'a', '-1 ', '<a ', '{"'), (prefix, filler) => {
        const hostileOf = (size: number) => `${prefix}${filler.repeat(Math.ceil(size / filler.length))}`.slice(0, size);
        const segmentOf = (size: number): Segment => {
          const hostile = hostileOf(size);
          return { kind, source: 'fuzz', firstLine: 1, lines: [hostile, hostile, prefix] };
        };
        expectLinearTimeOf(parse, segmentOf, 16384);
      }),
      { numRuns: 60 },
    );
  });
});

describe('parsers agree on line numbering', () => {
  it('a fact moves with its segment: the same lines starting later give refs shifted by the same amount', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARSERS), fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5000 }), ([kind, parse], lines, shift) => {
        const at = (firstLine: number) => allRefs(parse({ kind, source: 'fuzz', firstLine, lines })).map((r) => r.line);
        expect(at(1 + shift)).toEqual(at(1).map((l) => l + shift));
      }),
      { numRuns: 200 },
    );
  });
});
