/**
 * Whatever is pasted, the crash, timeout and exhaustion matchers never throw, stay in [0, 1] and
 * only cite lines that exist, and their steps and fix render without placeholders.
 */
import fc from 'fast-check';
import { crashMidRequestCauses } from '../../src/causes/lists/crash-mid-request';
import { resourceExhaustionCauses } from '../../src/causes/lists/resource-exhaustion';
import ancmRequestTimeout from '../../src/causes/ancm-request-timeout';
import arrProxyTimeout from '../../src/causes/arr-proxy-timeout';
import { collect } from '../helpers/cause-tester';

const CAUSES = [...crashMidRequestCauses, ancmRequestTimeout, arrProxyTimeout, ...resourceExhaustionCauses];

/** Fragments that steer random pastes into the signatures these causes read. */
const FRAGMENTS = [
  '2026-11-20 10:15:01 10.0.0.5 GET /a - 443 - 203.0.113.7 UA - 502 3 12002 120015',
  '2026-11-20 10:15:01 10.0.0.5 GET /b - 443 - 203.0.113.7 UA - 502 3 12030 15',
  '2026-11-20 10:15:01 10.0.0.5 GET /c - 443 - 203.0.113.7 UA - 502 3 12029 -',
  'Event ID:      5009',
  'Source:        Microsoft-Windows-WAS',
  "A process serving application pool 'P' terminated unexpectedly. The process id was '1'. The process exit code was '0xc00000fd'.",
  'Exception code: 0xc0000005',
  'Exception Info: System.OutOfMemoryException',
  'Stack overflow.',
  '      As of "x", the heartbeat has been running for "00:00:09" which is longer than "00:00:01". This could be caused by thread pool starvation.',
  '   at System.Threading.Tasks.Task`1.get_Result()',
  'ErrorCode="2147954402"',
  '<aspNetCore processPath="dotnet" requestTimeout="garbage" />',
  'X-Powered-By: ARR/3.0',
];

describe('crash, timeout and exhaustion causes on arbitrary pastes', () => {
  it('never throw and keep their contract', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 80 })), { maxLength: 25 }), (lines) => {
        const text = lines.join('\n');
        const evidence = collect({ 'paste.txt': text });
        const total = text.split('\n').length;
        for (const cause of CAUSES) {
          const match = cause.match(evidence);
          if (!match) continue;
          expect(match.confidence).toBeGreaterThan(0);
          expect(match.confidence).toBeLessThanOrEqual(1);
          for (const ref of match.evidence) expect(ref.line).toBeLessThanOrEqual(total);
          const context = { evidence, match, facts: match.facts ?? {} };
          const rendered = [...cause.steps(context), cause.fix(context).summary].join('\n');
          expect(rendered).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
