import fc from 'fast-check';
import { parseProse } from '../../../src/evidence/parsers/prose';
import { EvidenceCollector } from '../../../src/evidence/collector';
import type { Segment } from '../../../src/evidence/types';

function prose(lines: string[], firstLine = 1): Segment {
  return { kind: 'prose', source: 'message 3', firstLine, lines };
}

describe('prose through the collector', () => {
  const paste = 'we get 502.3 with win32 status 12002 after exactly 120 seconds';

  it('reads a one-line description as a prose segment with its status and decoded code', () => {
    const collector = new EvidenceCollector();
    collector.addText('message 1', paste);
    const evidence = collector.finish();
    expect(evidence.inputs).toEqual([{ source: 'message 1', kinds: ['prose'], lines: 1, truncated: false }]);
    expect(evidence.statuses).toEqual([
      { status: 502, substatus: 3, win32: 12002, origin: 'prose', ref: { source: 'message 1', line: 1, text: paste } },
    ]);
    expect(evidence.codes).toEqual([
      expect.objectContaining({ code: '12002', win32: 12002, name: 'ERROR_WINHTTP_TIMEOUT', raw: 'win32 status 12002', ref: { source: 'message 1', line: 1, text: paste } }),
    ]);
  });

  it('keeps source line numbers when prose comes before other evidence', () => {
    const collector = new EvidenceCollector();
    collector.addText('paste', ['Hi team,', '', 'the IIS log says sc-win32-status 12030 on those requests. curl shows:', 'HTTP/1.1 502 Bad Gateway', 'Server: Microsoft-IIS/10.0'].join('\n'));
    const evidence = collector.finish();
    expect(evidence.inputs[0]?.kinds).toEqual(['prose', 'headers']);
    expect(evidence.codes.find((c) => c.code === '12030')?.ref.line).toBe(3);
    // The status line belongs to the headers parser: prose did not also read it as a status.
    expect(evidence.statuses.filter((s) => s.origin === 'prose')).toEqual([]);
  });

  it('redacts secrets in prose before reading it', () => {
    const collector = new EvidenceCollector();
    collector.addText('paste', 'our connection string is Server=db;Password=hunter2; and we get ErrorCode 0x80004005');
    const evidence = collector.finish();
    expect(evidence.redactions).toBe(1);
    expect(evidence.codes[0]?.ref.text).toBe('our connection string is Server=db;Password=[REDACTED]; and we get ErrorCode 0x80004005');
  });
});

describe('parseProse', () => {
  it('adds the line signals the stdout detectors recognize, with source line numbers', () => {
    const facts = parseProse(prose(['after the deploy it logs:', 'Failed to bind to address http://127.0.0.1:5000: address already in use.'], 20));
    expect(facts.signals).toEqual([
      {
        id: 'port-in-use',
        data: { address: 'http://127.0.0.1:5000' },
        ref: { source: 'message 3', line: 21, text: 'Failed to bind to address http://127.0.0.1:5000: address already in use.' },
      },
    ]);
  });

  it('leaves statuses and codes to extractCodes, so they are not counted twice', () => {
    const facts = parseProse(prose(['we get 502.3 with win32 status 12002', 'ErrorCode = 0x80072EE2']));
    expect(facts.statuses).toBeUndefined();
    expect(facts.codes).toBeUndefined();
  });

  it('returns nothing for prose without a recognizable line', () => {
    expect(parseProse(prose(['it worked yesterday', '', 'no idea what changed']))).toEqual({});
  });

  it('cuts the evidence text of a long line', () => {
    const line = `System.InvalidOperationException: Unable to resolve service for type 'IFoo' while attempting to activate 'Bar'. ${'x'.repeat(800)}`;
    const signals = parseProse(prose([line])).signals ?? [];
    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals) expect(s.ref.text.length).toBeLessThanOrEqual(300);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 10 }), (lines) => {
        const facts = parseProse(prose(lines, 3));
        for (const s of facts.signals ?? []) {
          expect(s.ref.line).toBeGreaterThanOrEqual(3);
          expect(s.ref.line).toBeLessThan(3 + lines.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
