import fc from 'fast-check';
import { EvidenceCollector, looksBinary } from '../../src/evidence/collector';
import { LIMITS } from '../../src/evidence/limits';

function collect(text: string, options: { slack?: boolean | 'auto'; maxBytes?: number } = {}) {
  const c = new EvidenceCollector();
  c.addText('paste', text, options);
  return c.finish();
}

const MIXED = [
  'We started getting 502s after the deploy:', // 1 prose
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken', // 2
  '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015', // 3
  '', // 4
  'HTTP/1.1 502 Bad Gateway', // 5
  'Server: Microsoft-IIS/10.0', // 6
  '', // 7
  '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" hostingModel="outofprocess" />', // 8
].join('\n');

describe('EvidenceCollector', () => {
  it('splits one paste into segments by kind and counts its lines', () => {
    const e = collect(MIXED);
    expect(e.inputs).toHaveLength(1);
    expect(e.inputs[0]).toMatchObject({ source: 'paste', lines: 8, truncated: false });
    expect(e.inputs[0]!.kinds).toEqual(['prose', 'iis-log', 'headers', 'web-config']);
  });

  it("keeps a page's dotted status when the page parser does not know its layout", () => {
    // Read as an error page, but not "HTTP Error 500.0 - <title>": the 500.0 must not be lost.
    const e = collect('Error 500.0 when deploying the ASP.NET Core 3.0 app to IIS on Windows Server 2016');
    expect(e.inputs[0]!.kinds).toEqual(['error-page']);
    expect(e.statuses.map((s) => `${s.status}.${s.substatus}`)).toEqual(['500.0']);
  });

  it('reads a known page layout once: its parser states the status, nothing reads it again', () => {
    const e = collect('HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure');
    expect(e.statuses.map((s) => `${s.status}.${s.substatus}`)).toEqual(['502.5']);
  });

  it('reads CRLF and a BOM the same as LF', () => {
    const e = collect(`\uFEFF${MIXED.replace(/\n/g, '\r\n')}`);
    expect(e.inputs[0]!.kinds).toEqual(['prose', 'iis-log', 'headers', 'web-config']);
    expect(e.inputs[0]!.lines).toBe(8);
  });

  it('undoes Slack escaping when asked, or when the text looks escaped', () => {
    const escaped = '&lt;aspNetCore processPath="dotnet" arguments=".\\Shop.dll" /&gt;';
    expect(collect(escaped, { slack: true }).inputs[0]!.kinds).toEqual(['web-config']);
    expect(collect(escaped).inputs[0]!.kinds).toEqual(['web-config']);
    expect(collect(escaped, { slack: false }).inputs[0]!.kinds).toEqual(['prose']);
  });

  it('drops Markdown code fences without shifting line numbers', () => {
    const e = collect(['```', 'HTTP/1.1 502 Bad Gateway', '```'].join('\n'));
    expect(e.inputs[0]!.kinds).toEqual(['headers']);
    expect(e.inputs[0]!.lines).toBe(3);
  });

  it('caps a paste at the paste limit with a clear problem', () => {
    const line = 'x'.repeat(1023);
    const text = Array.from({ length: 3000 }, () => line).join('\n'); // ~3 MB
    const e = collect(text);
    expect(e.inputs[0]!.truncated).toBe(true);
    expect(e.problems.map((p) => p.message).join('\n')).toMatch(/larger than 2 MB; only the first 2 MB \(\d+ lines\) were read/);
  });

  it('streams an input in chunks that split lines anywhere', () => {
    const c = new EvidenceCollector();
    const reader = c.open('u_ex.log', { maxBytes: Infinity });
    for (let i = 0; i < MIXED.length; i += 7) reader.write(MIXED.slice(i, i + 7));
    reader.end();
    const e = c.finish();
    expect(e.inputs[0]!.kinds).toEqual(['prose', 'iis-log', 'headers', 'web-config']);
  });

  it('refuses binary input with a clear message and reads nothing', () => {
    const e = collect('\u0000\u0001\u0002PK\u0003\u0004 binary');
    expect(e.inputs[0]!.kinds).toEqual([]);
    expect(e.inputs[0]!.truncated).toBe(true);
    expect(e.problems[0]!.message).toMatch(/looks like a binary file/);
  });

  it('cuts an endless line at the line limit and says so once', () => {
    const e = collect(`${'A'.repeat(LIMITS.maxLineChars * 3)}\n${'B'.repeat(LIMITS.maxLineChars + 5)}`);
    const longLine = e.problems.filter((p) => /longer than/.test(p.message));
    expect(longLine).toHaveLength(1);
  });

  it('gives two inputs of the same name distinct names', () => {
    const c = new EvidenceCollector();
    c.addText('paste', 'HTTP/1.1 502 Bad Gateway');
    c.addText('paste', 'HTTP/1.1 504 Gateway Timeout');
    expect(c.finish().inputs.map((i) => i.source)).toEqual(['paste', 'paste (2)']);
  });

  it('never throws and always returns, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.boolean(), (text, slack) => {
        const e = collect(text, { slack });
        expect(e.inputs).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on lines built from the characters parsers care about', () => {
    const alphabet = fc.constantFrom('<', '>', '"', "'", '=', ' ', '\n', ':', '#', '0', '5', 'x', '&lt;', '```', '\t', '-', '/', 'HTTP/1.1 ', 'Log Name:');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (parts) => {
        expect(() => collect(parts.join(''), { slack: 'auto' })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('text wrapped over lines', () => {
  it('reads a product text wrapped over two lines at the first line, and counts nothing twice', () => {
    const wrapped = collect('Config Error Configuration file is not\nwell-formed XML');
    expect(wrapped.clues.filter((c) => c.clue === 'iis.config-malformed').map((c) => c.ref.line)).toEqual([1]);
    const whole = collect('Configuration file is not well-formed XML\nconfiguration file is not well-formed xml, again');
    expect(whole.clueCounts['iis.config-malformed']).toBe(2);
    // Log rows that follow one another are not one wrapped message.
    const rows = collect('Config Error Configuration file is not\n2026-11-20 10:15:01 well-formed XML');
    expect(rows.clues.filter((c) => c.clue === 'iis.config-malformed')).toEqual([]);
  });

  it('reads a message cut at a common width mid-word, pointing at its first line', () => {
    // The message of W3SVC-WP's event as `Get-WinEvent | Format-List` prints it, copied into a
    // 72-column mail: the break falls inside "aspnetcore.dll", and neither part names the DLL.
    const message = 'Message        : The Module DLL C:\\WINDOWS\\system32\\inetsrv\\aspnetcore.dll failed to load. The data is the error.';
    const cut = [message.slice(0, 72), message.slice(72)];
    expect(cut[0]!.endsWith('aspnetcore.d')).toBe(true);
    const e = collect(['TimeCreated    : 20/11/2026 10:15:01', ...cut].join('\n'));
    const hits = e.clues.filter((c) => c.clue === 'ancm.module-load-failed');
    expect(hits.map((c) => [c.ref.line, c.value])).toEqual([[2, 'aspnetcore.dll']]);
  });

  it('joins lines a wide console cut, and never counts a clue both lines show alone', () => {
    const line = 'fail: Microsoft.AspNetCore.Server.IIS.Core.IISHttpServer[2] Connection ID "18230571298765", Request ID "40000052-0000-fa00-b63f-84710c7967bb": An unhandled exception was thrown by the application.';
    const cut = [line.slice(0, 150), line.slice(150)];
    expect(cut[0]!.endsWith('An unha')).toBe(true);
    const e = collect(cut.join('\n'));
    expect(e.clues.filter((c) => c.clue === 'kestrel.app-error').map((c) => c.ref.line)).toEqual([1]);
    // The same break after a line of another length: two lines, not one cut line, so nothing is glued.
    const notCut = collect([cut[0]!.slice(1), cut[1]].join('\n'));
    expect(notCut.clues.filter((c) => c.clue === 'kestrel.app-error')).toEqual([]);
    const twice = collect([cut[0], line].join('\n'));
    expect(twice.clueCounts['kestrel.app-error']).toBe(1);
  });

  it('takes no narration from the seam between two lines a product wrote', () => {
    // "Timeout expired" is how people tell a timeout, but here SqlClient wrote it: the seam of the
    // cut exception line must not turn it into narration.
    const line = '   at Shop.Startup.Configure(IApplicationBuilder app) System.Data.SqlClient.SqlException: Timeout expired. The timeout period elapsed.';
    const e = collect([line.slice(0, 80), line.slice(80)].join('\n'));
    expect(e.clues.map((c) => c.clue)).toContain('dotnet.exception');
    const told = collect(['We restarted the pool and everything was fine until the next morning, when it timed', 'out again.'].join('\n'));
    expect(told.clues.map((c) => c.clue)).toContain('narrative.timeout-words');
  });
});

describe('looksBinary', () => {
  it('tells text from binary', () => {
    expect(looksBinary('2026-11-20 10:15:01 GET / 502 3 12002 120015\n')).toBe(false);
    expect(looksBinary('MZ\u0090\u0000\u0003')).toBe(true);
  });
});
