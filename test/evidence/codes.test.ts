import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeExceptionCode, decodeHresult, decodeWin32, describeStatus, extractCodes, hex32 } from '../../src/evidence/codes';
import { EvidenceCollector } from '../../src/evidence/collector';
import { LineNormalizer } from '../../src/evidence/normalize';
import type { EvidenceKind, Segment } from '../../src/evidence/types';
import { expectLinearTime } from '../helpers/linear-time';

const FIXTURES = join(__dirname, '..', 'fixtures', 'codes');

/** The fixture's lines as the collector would hand them over (normalized: tabs become spaces). */
function fixtureLines(name: string): string[] {
  const normalizer = new LineNormalizer(false);
  return readFileSync(join(FIXTURES, name), 'utf8')
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => normalizer.normalize(l) ?? '');
}

function segment(lines: string[] | string, kind: EvidenceKind = 'prose', firstLine = 1): Segment {
  return { kind, source: 'paste', firstLine, lines: typeof lines === 'string' ? [lines] : lines };
}

function codesOf(lines: string[] | string, kind: EvidenceKind = 'prose'): string[] {
  return extractCodes(segment(lines, kind)).codes.map((c) => c.code);
}

describe('decodeWin32', () => {
  it('decodes a WinHTTP code with its name and what it means behind a 502', () => {
    const d = decodeWin32(12002);
    expect(d).toMatchObject({ code: '12002', win32: 12002, name: 'ERROR_WINHTTP_TIMEOUT' });
    expect(d.meaning).toContain('requestTimeout');
  });

  it('decodes Win32 codes that IIS writes for ANCM 502.3', () => {
    expect(decodeWin32(64).name).toBe('ERROR_NETNAME_DELETED');
    expect(decodeWin32(1229).name).toBe('ERROR_CONNECTION_INVALID');
    expect(decodeWin32(12030).name).toBe('ERROR_WINHTTP_CONNECTION_ERROR');
  });

  it('still decodes an unknown code, saying the table does not know it', () => {
    expect(decodeWin32(4242)).toEqual({ code: '4242', win32: 4242, name: '', meaning: "Win32 error 4242, not in diag502's table" });
  });
});

describe('decodeHresult', () => {
  it('spells codes canonically: 0x + 8 upper-case hex digits', () => {
    expect(hex32(0x80072ee2)).toBe('0x80072EE2');
    expect(hex32(-2147012894)).toBe('0x80072EE2');
    expect(hex32(0x5)).toBe('0x00000005');
  });

  it('maps HRESULT_FROM_WIN32 values to their Win32 code', () => {
    expect(decodeHresult(0x80072ee2)).toMatchObject({ code: '0x80072EE2', win32: 12002, name: 'ERROR_WINHTTP_TIMEOUT' });
    expect(decodeHresult(0x80070002)).toMatchObject({ code: '0x80070002', win32: 2, name: 'ERROR_FILE_NOT_FOUND' });
    expect(decodeHresult(0x800704cd)).toMatchObject({ code: '0x800704CD', win32: 1229, name: 'ERROR_CONNECTION_INVALID' });
  });

  it('reads the signed decimal form', () => {
    expect(decodeHresult(-2147012894)).toMatchObject({ code: '0x80072EE2', win32: 12002 });
  });

  it.each([
    [0x80004005, 'E_FAIL'],
    [0x8000ffff, 'E_UNEXPECTED'],
    [0x8027025b, 'E_APPLICATION_ACTIVATION_EXEC_FAILURE'],
    [0x8000001a, 'E_APPLICATION_EXITING'],
    [0x80131904, 'SqlException'],
    [0x80008096, 'FrameworkMissingFailure'],
  ])('decodes %s as %s from the table, without a Win32 code', (value, name) => {
    const d = decodeHresult(value);
    expect(d.name).toBe(name);
    expect(d.win32).toBeUndefined();
    expect(d.meaning.length).toBeGreaterThan(10);
  });

  it('prefers the HRESULT name where one exists for a wrapped Win32 code', () => {
    expect(decodeHresult(0x80070005)).toMatchObject({ name: 'E_ACCESSDENIED', win32: 5 });
  });

  it('decodes unknown values honestly', () => {
    expect(decodeHresult(0x80071234)).toMatchObject({ code: '0x80071234', win32: 0x1234, name: '' });
    expect(decodeHresult(0x80071234).meaning).toContain('not in');
    expect(decodeHresult(0x8123abcd)).toEqual({ code: '0x8123ABCD', name: '', meaning: "HRESULT 0x8123ABCD, not in diag502's table" });
    expect(decodeHresult(0xc0ffee00).meaning).toContain('exception code');
  });
});

describe('decodeExceptionCode', () => {
  it.each([
    [0xc00000fd, 'STATUS_STACK_OVERFLOW', 'recursion'],
    [0xe0434352, 'CLR exception', 'unhandled managed'],
    [0xc0000005, 'STATUS_ACCESS_VIOLATION', 'faulting module'],
    [0xc0000409, 'STATUS_STACK_BUFFER_OVERRUN', 'fail-fast'],
    [0xc0000374, 'STATUS_HEAP_CORRUPTION', 'heap'],
    [0xc0000135, 'STATUS_DLL_NOT_FOUND', 'Visual C++'],
    [0x80131506, 'COR_E_EXECUTIONENGINE', 'runtime'],
  ])('decodes %s as %s', (value, name, word) => {
    const d = decodeExceptionCode(value);
    expect(d.name).toBe(name);
    expect(d.meaning.toLowerCase()).toContain(word.toLowerCase());
  });
});

describe('extractCodes: every spelling', () => {
  it.each([
    ['502.3.12002', '12002', '502.3.12002'],
    ['sc-win32-status 12030', '12030', 'sc-win32-status 12030'],
    ['sc-win32-status: 12030', '12030', 'sc-win32-status: 12030'],
    ['the win32 status 12030 again', '12030', 'win32 status 12030'],
    ['win32-status=64', '64', 'win32-status=64'],
    // The field named in English, the sentence in another language around it.
    ['日志里面 sc-win32-status 是 12002', '12002', 'sc-win32-status 是 12002'],
    ['ログの sc-win32-status は12002 でした', '12002', 'sc-win32-status は12002'],
    ['Der sc-win32-status ist 12030', '12030', 'sc-win32-status ist 12030'],
    ['o sc-win32-status é 12002', '12002', 'sc-win32-status é 12002'],
    ['Win32 error 5 on the folder', '5', 'Win32 error 5'],
    ['winhttp error 12029', '12029', 'winhttp error 12029'],
    ['it failed with error 12152', '12152', 'error 12152'],
    ['0x80072EE2', '0x80072EE2', '0x80072EE2'],
    ['0x80072ee2', '0x80072EE2', '0x80072ee2'],
    ['The system cannot find the file specified. (0x80070002)', '0x80070002', '0x80070002'],
    ["failed to start process with commandline 'dotnet .\\App.dll', ErrorCode = '0x80004005 : ff.", '0x80004005', '0x80004005'],
    ['Error Code 0x8007000d', '0x8007000D', '0x8007000d'],
    ['ErrorCode="2147954402"', '0x80072EE2', '2147954402'],
    ['HResult -2147012894 from the call', '0x80072EE2', '-2147012894'],
    ["has exited from Program.Main with exit code = '-532462766'", '0xE0434352', '-532462766'],
    ['Exception code: 0xc00000fd', '0xC00000FD', '0xc00000fd'],
    ['Exception Info: exception code c0000005, exception address 00007FFB1A2B3C4D', '0xC0000005', 'exception code c0000005'],
    ['terminated due to an internal error in the .NET Runtime with exit code c0000006.', '0xC0000006', 'exit code c0000006'],
    ['ERROR_WINHTTP_TIMEOUT', '12002', 'ERROR_WINHTTP_TIMEOUT'],
    ['ERROR_INTERNET_CONNECTION_ABORTED', '12030', 'ERROR_INTERNET_CONNECTION_ABORTED'],
    ['WININET_E_TIMEOUT', '0x80072EE2', 'WININET_E_TIMEOUT'],
    ['the socket said WSAECONNRESET', '10054', 'WSAECONNRESET'],
    ['System.Net.Sockets.SocketException (10061): No connection could be made', '10061', 'SocketException (10061)'],
    ['Error occurred when initializing in-process application, Return code: 0x80008096', '0x80008096', '0x80008096'],
  ])('%s → %s', (line, code, raw) => {
    const { codes } = extractCodes(segment(['first line', line], 'prose', 41));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ code, raw, ref: { source: 'paste', line: 42, text: line } });
    expect(codes[0]?.meaning.length).toBeGreaterThan(5);
  });

  it('reads codes in every kind of segment, not only prose', () => {
    for (const kind of ['event-log', 'freb', 'stdout-log', 'error-page', 'headers', 'proxy-log', 'web-config'] as const) {
      expect(codesOf('Exception code: 0xc00000fd', kind)).toEqual(['0xC00000FD']);
    }
  });

  it('returns nothing for IIS log segments (the aggregator decodes those rows)', () => {
    expect(extractCodes(segment('2026-11-20 10:00:00 GET / 502 3 12002 120000', 'iis-log'))).toEqual({ codes: [], statuses: [] });
  });

  it('does not take a bare WinHTTP-range number without a context word', () => {
    expect(codesOf(['request 12002 of 20000', 'order #12030 shipped', 'took 12029 ms', '12152'])).toEqual([]);
  });

  it('does not take "error" + a status or a small number as a Win32 code', () => {
    expect(codesOf(['Cloudflare error 524', 'error 5 happened', 'status code 502'])).toEqual([]);
  });

  it('only takes a 10-digit decimal in the HRESULT range that decodes to something known', () => {
    expect(codesOf(['order 3000000000 and 2147483647 and 4294967295'])).toEqual([]);
    expect(codesOf(['the value 2147954429'])).toEqual(['0x80072EFD']);
  });

  it('needs a context word for an unknown hex value, so hashes and time stamps are not codes', () => {
    expect(codesOf(['time stamp: 0x91c0ffee', 'blob 0x9abcdef0'])).toEqual([]);
    expect(codesOf(['HRESULT 0x9ABCDEF0 returned'])).toEqual(['0x9ABCDEF0']);
  });

  it('ignores a success code and short hex such as exit code 0xff', () => {
    expect(codesOf(['ErrorCode="The operation completed successfully. (0x0)"', "exit code was '0xff'", 'ErrorCode 0x00000000'])).toEqual([]);
  });

  it('keeps one observation when a line spells the same error twice', () => {
    const { codes } = extractCodes(segment('0x80072EE2 (2147954402, -2147012894, ERROR_WINHTTP_TIMEOUT, win32 status 12002)'));
    expect(codes.map((c) => c.code)).toEqual(['0x80072EE2']);
  });

  it('keeps each distinct code on a line', () => {
    expect(codesOf("ErrorCode = '0x80070002' then exception code c0000005")).toEqual(['0x80070002', '0xC0000005']);
  });

  it('cuts the evidence text of a long line to about 300 characters', () => {
    const line = `0x80072EE2 ${'x'.repeat(1000)}`;
    const [code] = extractCodes(segment(line)).codes;
    expect(code?.ref.text.length).toBeLessThanOrEqual(300);
    expect(code?.ref.text.startsWith('0x80072EE2')).toBe(true);
  });

  it('bounds what one segment can produce', () => {
    const lines = Array.from({ length: 2000 }, () => '0x80072EE2 and 502.3');
    const result = extractCodes(segment(lines));
    expect(result.codes.length).toBe(50);
    expect(result.statuses.length).toBe(50);
  });
});

describe('extractCodes: statuses in prose', () => {
  function statusesOf(line: string, kind: EvidenceKind = 'prose'): string[] {
    return extractCodes(segment(line, kind)).statuses.map((s) => (s.substatus === undefined ? String(s.status) : `${s.status}.${s.substatus}`));
  }

  it.each([
    ['HTTP Error 502.5', ['502.5']],
    ['we get 502.3 now', ['502.3']],
    ['the site answers 500.30 since the deploy', ['500.30']],
    ['HTTP 502 on every POST', ['502']],
    ['502 Bad Gateway', ['502']],
    ['503 Service Unavailable', ['503']],
    ['504 Gateway Timeout', ['504']],
    ['504 Gateway Time-out from nginx', ['504']],
    ['Cloudflare shows error 524', ['524']],
    ['524 A timeout occurred', ['524']],
    ['users report 502s since Monday', ['502']],
    ['status code: 503', ['503']],
    ['lots of 500 errors', ['500']],
    ['502', ['502']],
    ['got HTTP 502 (502.3) again', ['502.3']],
  ])('%s → %j', (line, expected) => {
    expect(statusesOf(line)).toEqual(expected);
  });

  // Named status fields of gateways' and monitors' logs: JSON, Log Analytics tables, key=value.
  it.each([
    ['"httpStatus": 504, "serverStatus": "-"', ['504']],
    ['httpStatus_d | 504', ['504']],
    ['  | serverStatus_s | 502', ['502']],
    ['elb_status_code=502 target_status_code=-', ['502']],
    ['"httpStatusCode": "503", "errorInfo": "OriginTimeout"', ['503']],
    ['statusCode: 502', ['502']],
  ])('status field %s → %j', (line, expected) => {
    expect(statusesOf(line)).toEqual(expected);
  });

  it.each(['"httpStatus": 200', 'httpStatus_d | 5041', 'statusText: 502.5 kB', 'the status page was fine'])('no status in the field line %s', (line) => {
    expect(statusesOf(line).filter((s) => s !== '502.5')).toEqual([]);
  });

  // Reason phrases said without their number (RFC 9110 15.6)
  it.each([
    ['we get a Bad Gateway error after the upload', ['502']],
    ['nginx shows Gateway Time-out after a minute', ['504']],
    ['the site says Service Temporarily Unavailable', ['503']],
    ['502 Bad Gateway', ['502']],
    ['HTTP Error 502.3 - Bad Gateway', ['502.3']],
  ])('reason phrase %s → %j', (line, expected) => {
    expect(statusesOf(line)).toEqual(expected);
  });

  it.each([520, 521, 522, 523, 524, 525, 526, 527, 530])('Cloudflare "error %d"', (n) => {
    expect(statusesOf(`Cloudflare error ${n} on the home page`)).toEqual([String(n)]);
  });

  it('marks prose statuses with origin "codes" and the line they came from', () => {
    const [status] = extractCodes(segment(['hello', '502 Bad Gateway'], 'prose', 7)).statuses;
    expect(status).toEqual({ status: 502, origin: 'prose', ref: { source: 'paste', line: 8, text: '502 Bad Gateway' } });
  });

  it('gives 502.3.12002 a status with its win32 code', () => {
    expect(extractCodes(segment('502.3.12002')).statuses).toEqual([expect.objectContaining({ status: 502, substatus: 3, win32: 12002 })]);
  });

  it('links the single Win32 code of a line to the status on that line', () => {
    const [status] = extractCodes(segment('we get 502.3 with win32 status 12002 after exactly 120 seconds')).statuses;
    expect(status).toMatchObject({ status: 502, substatus: 3, win32: 12002 });
  });

  it('reads the tail of an IIS log row with its time-taken', () => {
    const [status] = extractCodes(segment('sc-status sc-substatus sc-win32-status time-taken: 502 3 12002 29889')).statuses;
    expect(status).toMatchObject({ status: 502, substatus: 3, win32: 12002, timeTakenMs: 29889 });
  });

  it('reads an IIS tail in a sentence when its third number is a known Win32 or WinHTTP code, up to the full stop', () => {
    expect(extractCodes(segment('IIS logs it as 502 3 12152 every time')).statuses).toEqual([expect.objectContaining({ status: 502, substatus: 3, win32: 12152 })]);
    expect(extractCodes(segment('Dans le log IIS : 502 3 12182.')).statuses).toEqual([expect.objectContaining({ status: 502, substatus: 3, win32: 12182 })]);
    expect(extractCodes(segment('during the swap the IIS log shows 503 0 1115 for ten seconds')).statuses).toEqual([expect.objectContaining({ status: 503, substatus: 0, win32: 1115 })]);
    // Three small numbers are anything; a fraction after the tail is a number, not a full stop.
    expect(extractCodes(segment('we have 500 3 64 users')).statuses.filter((s) => s.substatus === 3)).toEqual([]);
    expect(extractCodes(segment('measured 502 3 12002.5 units')).statuses.filter((s) => s.substatus === 3)).toEqual([]);
  });

  it('reads statuses only from prose; other kinds have their own parsers', () => {
    expect(statusesOf('HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure', 'error-page')).toEqual([]);
    expect(statusesOf('502 Bad Gateway', 'stdout-log')).toEqual([]);
  });

  it.each([
    ['a version', 'dotnet --list-sdks shows 8.0.502 [C:\\Program Files\\dotnet\\sdk]'],
    ['a version word', 'upgraded to version 502.3 of the tool'],
    ['a port', 'Kestrel listens on http://localhost:5000 and the proxy on 10.0.0.5:502'],
    ['an address', 'the host 10.20.500.19 answered'],
    ['a measurement', 'answered in 503.2 ms, 502.5 KB'],
    ['a year', 'since 2024 and in 2502'],
    ['a time', 'at 12:50:23 on 2025-05-02'],
    ['a count', 'with 500 requests queued and 404 users'],
    ['a duration', 'we waited 500s'],
    ['a non-status', '802 Bad Gateway when request takes > 2 minutes'],
    ['a success status', 'status 200 and HTTP 301'],
  ])('does not read %s as a status', (_what, line) => {
    expect(statusesOf(line)).toEqual([]);
  });
});

describe('extractCodes on real samples', () => {
  it('FREB 502.3 after two minutes: ErrorCode 2147954402 is ERROR_WINHTTP_TIMEOUT (aspnet/AspNetCoreModule#287)', () => {
    const result = extractCodes(segment(fixtureLines('freb-502-3-timeout.txt')));
    expect(result.codes).toEqual([expect.objectContaining({ code: '0x80072EE2', win32: 12002, name: 'ERROR_WINHTTP_TIMEOUT', raw: '2147954402', ref: expect.objectContaining({ line: 7 }) })]);
    expect(result.statuses).toEqual([expect.objectContaining({ status: 502, substatus: 3, win32: 12002, ref: expect.objectContaining({ line: 7 }) })]);
  });

  it('FREB 502.3 that could not connect, then a success (0x0) split over two lines (aspnet/IISIntegration#311)', () => {
    const result = extractCodes(segment(fixtureLines('freb-502-3-cannot-connect.txt')));
    expect(result.codes.map((c) => [c.code, c.win32, c.ref.line])).toEqual([['0x80072EFD', 12029, 1]]);
  });

  it('FREB 502.3 with an invalid backend response (aspnet/IISIntegration#903)', () => {
    expect(codesOf(fixtureLines('freb-502-3-invalid-response.txt'))).toEqual(['0x80072F78']);
  });

  it('FREB 502.3 with wrapped error texts (aspnet/IISIntegration#201)', () => {
    const result = extractCodes(segment(fixtureLines('freb-502-3-connection-invalid.txt')));
    expect(result.codes.map((c) => [c.code, c.win32, c.ref.line])).toEqual([
      ['0x80070057', 87, 2],
      ['0x800704CD', 1229, 4],
    ]);
  });

  it('Application Error 1000: only the exception code, not time stamps, offsets or ids (dotnet/aspnetcore#54645)', () => {
    const result = extractCodes(segment(fixtureLines('application-error-stack-overflow.txt'), 'event-log'));
    expect(result.codes.map((c) => [c.code, c.name, c.ref.line])).toEqual([['0xC00000FD', 'STATUS_STACK_OVERFLOW', 3]]);
  });

  it('Report.wer: the value under "Exception Code", not the hex time stamps (dotnet/aspnetcore#6834)', () => {
    const result = extractCodes(segment(fixtureLines('wer-report-stack-buffer-overrun.txt'), 'event-log', 10));
    expect(result.codes.map((c) => [c.code, c.raw, c.ref.line])).toEqual([['0xC0000409', 'Sig[7].Value=c0000409', 31]]);
  });

  it('issue titles: a status and a code from one line; "Bad Gateway" alone is a 502; "802 Bad Gateway" is no status', () => {
    const result = extractCodes(segment(fixtureLines('issue-titles.txt')));
    expect(result.codes.map((c) => [c.code, c.ref.line])).toEqual([
      ['0x80072EE2', 1],
      ['0x80072F78', 2],
    ]);
    expect(result.statuses.map((s) => [s.status, s.substatus, s.ref.line])).toEqual([
      [502, 3, 1],
      [502, undefined, 2],
    ]);
  });

  it('constructed prose: one spelling per line', () => {
    const result = extractCodes(segment(fixtureLines('prose-constructed.txt')));
    expect(result.codes.map((c) => [c.ref.line, c.code])).toEqual([
      [1, '12002'],
      [2, '12030'],
      [2, '64'],
      [3, '0x80004005'],
      [3, '0x8007000D'],
      [4, '0x80072EE2'],
      [5, '0xE0434352'],
      [5, '0xC0000005'],
      // ERROR_WINHTTP_TIMEOUT and WININET_E_TIMEOUT are one error: one observation for the line.
      [6, '12002'],
    ]);
    expect(result.statuses.map((s) => [s.ref.line, s.status, s.substatus])).toEqual([
      [1, 502, 3],
      [7, 502, undefined],
      [7, 524, undefined],
      [7, 503, undefined],
    ]);
  });

  it('near misses: no statuses and no codes', () => {
    expect(extractCodes(segment(fixtureLines('near-misses.txt')))).toEqual({ codes: [], statuses: [] });
  });

  it('through the collector, the FREB token is redacted before any code is read', () => {
    const collector = new EvidenceCollector();
    collector.addText('freb.txt', readFileSync(join(FIXTURES, 'freb-502-3-timeout.txt'), 'utf8'));
    const evidence = collector.finish();
    expect(evidence.codes.map((c) => c.code)).toContain('0x80072EE2');
    expect(evidence.redactions).toBe(1);
    expect(JSON.stringify(evidence)).not.toContain('0f1e2d3c-4b5a');
  });
});

describe('extractCodes stays linear and never throws', () => {
  const hostile = [
    '0x'.repeat(8192),
    '9'.repeat(16384),
    'error '.repeat(2730),
    '502.'.repeat(4096),
    '502 '.repeat(4096),
    'exception code '.repeat(1092),
    '-'.repeat(8000) + '2147954402'.repeat(800),
    'A_'.repeat(8192),
    'win32 status '.repeat(1260),
    'httpstatus_d | '.repeat(1170),
    'status'.repeat(2730),
  ];
  it.each(hostile.map((l) => [l.slice(0, 20), l]))('a 16 KB line of %j', (_label, line) => {
    expectLinearTime((l) => extractCodes(segment(l)), line.slice(0, 16384));
  });

  it('never throws and keeps refs inside the segment, whatever the text', () => {
    const fragment = fc.constantFrom('0x', '80072EE2', '502', '.', '3', ' ', 'error', 'win32 status ', '-', '2147954402', 'c0000005', 'exception code ', 'ERROR_WINHTTP_TIMEOUT', ':', '=', '"', 'HTTP ', 's');
    fc.assert(
      fc.property(fc.array(fc.array(fragment, { maxLength: 40 }).map((p) => p.join('')), { minLength: 1, maxLength: 8 }), (lines) => {
        const result = extractCodes(segment(lines, 'prose', 5));
        for (const o of [...result.codes, ...result.statuses]) {
          expect(o.ref.line).toBeGreaterThanOrEqual(5);
          expect(o.ref.line).toBeLessThan(5 + lines.length);
        }
        for (const c of result.codes) expect(c.code).toMatch(/^(?:\d+|0x[0-9A-F]{8})$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('describeStatus', () => {
  it('names each ANCM 500.3x page', () => {
    for (let sub = 30; sub <= 38; sub += 1) {
      const text = describeStatus(500, sub);
      expect(text).not.toMatch(/^HTTP /);
    }
    expect(describeStatus(500, 31)).toContain('runtime');
    expect(describeStatus(500, 37)).toContain('startupTimeLimit');
  });

  it.each([
    [502, undefined, 'Bad Gateway'],
    [502, 3, 'win32'],
    [502, 5, 'ANCM Out-Of-Process Startup Failure'],
    [502, 4, 'no healthy server'],
    [502, 1, 'CGI'],
    [500, 0, 'Handler Load Failure'],
    [500, 19, 'Configuration data is invalid'],
    [503, undefined, 'Service Unavailable'],
    [503, 0, 'application pool is stopped'],
    [503, 2, 'concurrent request limit'],
    [504, undefined, 'Gateway Timeout'],
    [520, undefined, 'Cloudflare'],
    [524, undefined, 'proxy read timeout'],
    [526, undefined, 'certificate'],
    [530, undefined, 'Cloudflare'],
    [460, undefined, 'ALB'],
    [463, undefined, 'X-Forwarded-For'],
    [561, undefined, 'identity provider'],
    [400, 0, 'client disconnected'],
  ])('%d.%s mentions %s', (status, sub, word) => {
    expect(describeStatus(status, sub)).toContain(word);
  });

  it('reads substatus 0 as the plain status when the table has no .0 entry', () => {
    expect(describeStatus(502, 0)).toBe(describeStatus(502));
  });

  it('falls back to "HTTP <status>.<sub>" for unknown pairs', () => {
    expect(describeStatus(502, 9)).toBe('HTTP 502.9');
    expect(describeStatus(418)).toBe('HTTP 418');
  });
});
