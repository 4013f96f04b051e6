import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EvidenceCollector } from '../../../src/evidence/collector';
import { errorCodeOf, parseFreb } from '../../../src/evidence/parsers/freb';
import type { Evidence, Segment, Signal } from '../../../src/evidence/types';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/freb', name), 'utf8');

function collect(source: string, text: string): Evidence {
  const collector = new EvidenceCollector();
  collector.addText(source, text);
  return collector.finish();
}

function signalsOf<K extends Signal['id']>(evidence: Evidence, id: K): Signal<K>[] {
  return evidence.signals.filter((s): s is Signal<K> => s.id === id);
}

describe('parseFreb: the XML file', () => {
  const evidence = collect('fr000042.xml', fixture('fr000042-ancm-502-3.xml'));

  it('keeps the whole file in one FREB segment (its <Event> elements do not start event-log blocks)', () => {
    expect(evidence.events).toEqual([]);
    expect(evidence.freb).toHaveLength(1);
    expect(evidence.freb[0]?.eventNames).toEqual([
      'GENERAL_REQUEST_START',
      'NOTIFY_MODULE_START',
      'GENERAL_SET_REQUEST_HEADER',
      'ANCM_REQUEST_FORWARD_START',
      'ANCM_REQUEST_FORWARD_FAIL',
      'MODULE_SET_RESPONSE_ERROR_STATUS',
      'GENERAL_REQUEST_END',
    ]);
    // The XML declaration on line 1 is split off by the detector; it must not count as a web.config.
    expect(evidence.webConfigs).toEqual([]);
    expect(evidence.problems).toEqual([]);
  });

  it('reads the root: url (entities decoded), status.substatus, timeTaken, failureReason', () => {
    expect(evidence.freb[0]).toMatchObject({
      source: 'fr000042.xml',
      url: 'https://www.example.com:443/api/reports/export?year=2025&format=csv',
      statusCode: 502,
      substatus: 3,
      timeTakenMs: 120015,
      failureReason: 'STATUS_CODE',
      ref: { source: 'fr000042.xml', line: 15, text: '               statusCode="502.3"' },
    });
  });

  it('adds a FREB status observation citing the statusCode line', () => {
    expect(evidence.statuses.filter((s) => s.origin === 'freb')).toEqual([
      {
        status: 502,
        substatus: 3,
        timeTakenMs: 120015,
        url: 'https://www.example.com:443/api/reports/export?year=2025&format=csv',
        origin: 'freb',
        ref: { source: 'fr000042.xml', line: 15, text: '               statusCode="502.3"' },
      },
    ]);
  });

  it('emits freb-module-error with module, status, substatus, canonical error code and notification name', () => {
    const [signal] = signalsOf(evidence, 'freb-module-error');
    expect(signal?.data).toEqual({ module: 'AspNetCoreModuleV2', status: 502, substatus: 3, errorCode: '0x80072EE2', notification: 'EXECUTE_REQUEST_HANDLER' });
    expect(signal?.ref).toEqual({ source: 'fr000042.xml', line: 176, text: '  <Data Name="HttpStatus">502</Data>' });
  });

  it('emits freb-forward-fail for ANCM_REQUEST_FORWARD_FAIL', () => {
    const [signal] = signalsOf(evidence, 'freb-forward-fail');
    expect(signal?.data).toEqual({ errorCode: '0x80072EE2' });
    expect(signal?.ref.line).toBe(146);
  });

  it('computes the time taken from TimeCreated when the root has no timeTaken', () => {
    const noTime = collect('fr000043.xml', fixture('fr000043-ancm-no-timetaken.xml'));
    // ANCM_REQUEST_FORWARD_START 10:15:00.100 → ANCM_REQUEST_FORWARD_FAIL 10:17:00.110
    expect(noTime.freb[0]?.timeTakenMs).toBe(120010);
    expect(noTime.statuses.find((s) => s.origin === 'freb')?.timeTakenMs).toBe(120010);
  });

  it('reads a real trace (Implicate-X/AluLab fr000001.xml): 404 from IIS Web Core', () => {
    const real = collect('fr000001.xml', fixture('fr000001-404-trimmed.xml'));
    expect(real.freb[0]).toMatchObject({ statusCode: 404, substatus: 0, timeTakenMs: 16, url: 'https://www.example.com:443/coi-serviceworker.js' });
    expect(real.freb[0]?.eventNames).toEqual(['GENERAL_REQUEST_START', 'MODULE_SET_RESPONSE_ERROR_STATUS', 'GENERAL_REQUEST_END']);
    const [signal] = signalsOf(real, 'freb-module-error');
    expect(signal?.data).toEqual({ module: 'IIS Web Core', status: 404, substatus: 0, errorCode: '0x80070002', notification: 'MAP_REQUEST_HANDLER' });
    expect(signal?.ref.line).toBe(66);
    expect(real.problems).toEqual([]);
  });

  it('reads the events of a file cut before </failedRequest> and says it was cut', () => {
    const cut = fixture('fr000042-ancm-502-3.xml').split('\n').slice(0, 190).join('\n');
    const result = parseFreb({ kind: 'freb', source: 'cut.xml', firstLine: 1, lines: cut.split('\n') });
    expect(result.freb?.[0]?.statusCode).toBe(502);
    expect(result.signals?.map((s) => s.id)).toEqual(['freb-forward-fail', 'freb-module-error']);
    expect(result.problems?.[0]?.message).toMatch(/ends before <\/failedRequest>/);
  });

  it('reports a problem, not an exception, for XML that holds no trace', () => {
    const result = parseFreb({ kind: 'freb', source: 'x', firstLine: 7, lines: ['<?xml-stylesheet type="text/xsl" href="freb.xsl"?>', '<other/>'] });
    expect(result.freb).toBeUndefined();
    expect(result.problems).toEqual([{ source: 'x', line: 7, message: expect.stringMatching(/no <failedRequest>/) as unknown as string }]);
  });
});

describe('parseFreb: the rendered view', () => {
  it('reads the table pasted in aspnet/AspNetCoreModule#287, and times the request from the headers ANCM set', () => {
    const evidence = collect('freb.txt', fixture('rendered-aspnetcoremodule-287.txt'));
    expect(evidence.inputs[0]?.kinds).toEqual(['freb']);
    const facts = evidence.freb[0];
    expect(facts).toMatchObject({ statusCode: 502, substatus: 3, ref: { line: 7 } });
    // 21:06:53.057 (last MS-ASPNETCORE-* header) → 21:08:55.104
    expect(facts?.timeTakenMs).toBe(122047);
    expect(facts?.eventNames.slice(-1)).toEqual(['MODULE_SET_RESPONSE_ERROR_STATUS']);
    const [signal] = signalsOf(evidence, 'freb-module-error');
    expect(signal?.data).toEqual({ module: 'AspNetCoreModule', status: 502, substatus: 3, errorCode: '0x80072EE2', notification: 'EXECUTE_REQUEST_HANDLER' });
    expect(signal?.ref.line).toBe(7);
    expect(evidence.statuses).toContainEqual(expect.objectContaining({ status: 502, substatus: 3, origin: 'freb', timeTakenMs: 122047 }));
  });

  it('reads the 502.5 rows of aspnet/IISIntegration#477 (error code 0x0)', () => {
    const evidence = collect('freb.txt', fixture('rendered-iisintegration-477.txt'));
    const [signal] = signalsOf(evidence, 'freb-module-error');
    expect(signal?.data).toEqual({ module: 'AspNetCoreModule', status: 502, substatus: 5, errorCode: '0x0', notification: 'EXECUTE_REQUEST_HANDLER' });
    expect(signal?.ref.line).toBe(3);
    expect(evidence.freb[0]?.eventNames).toEqual(['NOTIFY_MODULE_END', 'NOTIFY_MODULE_START', 'MODULE_SET_RESPONSE_ERROR_STATUS', 'GENERAL_SET_RESPONSE_HEADER', 'NOTIFY_MODULE_END']);
  });

  it('reads an opcode line followed by its data line (aspnet/IISIntegration#903)', () => {
    const evidence = collect('freb.txt', fixture('rendered-iisintegration-903.txt'));
    const [signal] = signalsOf(evidence, 'freb-module-error');
    expect(signal?.data).toMatchObject({ status: 502, substatus: 3, errorCode: '0x80072F78' });
    expect(signal?.ref.line).toBe(2);
    expect(evidence.freb[0]?.ref.line).toBe(2);
  });

  it('reads data-only rows after prose, one event per row, values over two lines (aspnet/IISIntegration#201)', () => {
    const evidence = collect('issue.txt', fixture('rendered-iisintegration-201.txt'));
    const signals = signalsOf(evidence, 'freb-module-error');
    expect(signals.map((s) => [s.data.errorCode, s.ref.line])).toEqual([
      ['0x80070057', 2],
      ['0x800704CD', 3],
    ]);
  });

  it('reads tab-separated rows copied from the browser (aspnet/IISIntegration#311)', () => {
    const evidence = collect('freb.txt', fixture('rendered-iisintegration-311.txt'));
    expect(evidence.inputs[0]?.kinds).toEqual(['freb']);
    const signals = signalsOf(evidence, 'freb-module-error');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.data).toMatchObject({ status: 502, substatus: 3, errorCode: '0x80072EFD' });
    expect(evidence.freb[0]?.eventNames).toEqual(['MODULE_SET_RESPONSE_ERROR_STATUS', 'NOTIFY_MODULE_COMPLETION', 'NOTIFY_MODULE_END', 'NOTIFY_MODULE_START']);
  });

  it('emits freb-arr-routed with the chosen server', () => {
    const evidence = collect('freb.txt', fixture('rendered-arr-routed.txt'));
    const [routed] = signalsOf(evidence, 'freb-arr-routed');
    expect(routed?.data).toEqual({ server: '10.0.0.12' });
    expect(routed?.ref.line).toBe(1);
    expect(signalsOf(evidence, 'freb-module-error')[0]?.data.module).toBe('ApplicationRequestRouting');
  });

  it('cites source lines after text that came before the trace', () => {
    const evidence = collect('message', `The FREB shows this:\n\n${fixture('rendered-iisintegration-903.txt')}`);
    expect(signalsOf(evidence, 'freb-module-error')[0]?.ref.line).toBe(4);
  });

  it('never throws on arbitrary row-like text', () => {
    const piece = fc.constantFrom('MODULE_SET_RESPONSE_ERROR_STATUS', 'ANCM_REQUEST_FORWARD_FAIL', ' | ', 'HttpStatus="', '502', '"', 'ErrorCode="', '\n', '12:00:01.5', '93. ', 'Warning', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 150 }), (parts) => {
        const segment: Segment = { kind: 'freb', source: 's', firstLine: 3, lines: parts.join('').split('\n') };
        const result = parseFreb(segment);
        for (const signal of result.signals ?? []) expect(signal.ref.line).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});

describe('errorCodeOf', () => {
  it('spells HRESULTs as canonical hex from decimal, signed decimal, hex or rendered text', () => {
    expect(errorCodeOf('2147954402')).toBe('0x80072EE2');
    expect(errorCodeOf('-2147012894')).toBe('0x80072EE2');
    expect(errorCodeOf('0x80072ee2')).toBe('0x80072EE2');
    expect(errorCodeOf('The parameter is incorrect. (0x80070057)')).toBe('0x80070057');
    expect(errorCodeOf('0', 'The operation completed successfully. (0x0)')).toBe('0');
    expect(errorCodeOf(undefined, 'The system cannot find the file specified.\r (0x80070002)')).toBe('0x80070002');
    expect(errorCodeOf('something odd')).toBe('something odd');
    expect(errorCodeOf('')).toBeUndefined();
  });
});
