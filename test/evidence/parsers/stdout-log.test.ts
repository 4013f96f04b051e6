import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseStdoutLog } from '../../../src/evidence/parsers/stdout-log';
import type { Segment, Signal, SignalId } from '../../../src/evidence/types';
import { collect } from '../../helpers/cause-tester';
import { expectLinearTimeOf } from '../../helpers/linear-time';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'stdout-log');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A stdout segment of the fixture's lines, starting at `firstLine` as if pasted below other text. */
function segment(name: string, firstLine = 1): Segment {
  return { kind: 'stdout-log', source: name, firstLine, lines: fixture(name).replace(/\n$/, '').split('\n') };
}

function signalsOf(name: string, firstLine = 1): Signal[] {
  return parseStdoutLog(segment(name, firstLine)).signals ?? [];
}

function byId<K extends SignalId>(signals: Signal[], id: K): Signal<K>[] {
  return signals.filter((s): s is Signal<K> => s.id === id);
}

describe('parseStdoutLog', () => {
  it('reads Kestrel console output, putting each two-line entry on its message line', () => {
    const signals = signalsOf('kestrel-console-app-error.log');
    expect(signals.map((s) => [s.id, s.ref.line])).toEqual([
      ['host-listening', 2],
      ['host-started', 4],
      ['host-environment', 6],
      ['kestrel-app-error', 10],
      ['unhandled-exception', 11],
      ['kestrel-heartbeat-slow', 17],
      ['host-stopping', 19],
      // The throw site in the user's code, quoted beside the exception (frames come after the line signals).
      ['exception-frame', 12],
    ]);
    expect(byId(signals, 'unhandled-exception')[0]?.data).toEqual({ type: 'System.InvalidOperationException', message: 'The order 42 has no lines.', fatal: false });
    expect(byId(signals, 'kestrel-heartbeat-slow')[0]?.data.durationMs).toBe(4798);
    // The awaited-exception frames under the Kestrel[13] entry are not a blocking wait.
    expect(byId(signals, 'blocking-wait-in-stack')).toEqual([]);
  });

  it('numbers refs as source lines when the segment starts further down a paste', () => {
    const signals = signalsOf('kestrel-console-app-error.log', 41);
    expect(byId(signals, 'kestrel-app-error')[0]?.ref).toEqual({
      source: 'kestrel-console-app-error.log',
      line: 50,
      text: '      Connection id "0HN8Q3V1K2M4R", Request id "0HN8Q3V1K2M4R:00000002": An unhandled exception was thrown by the application.',
    });
  });

  it('fills the missing framework from the Framework: line below "You must install or update .NET"', () => {
    const signals = signalsOf('framework-missing-net8.log');
    expect(byId(signals, 'framework-missing')).toEqual([
      { id: 'framework-missing', data: { framework: 'Microsoft.AspNetCore.App', version: '8.0.0' }, ref: expect.objectContaining({ line: 1 }) },
    ]);
  });

  it('folds the hostfxr lines of one failure into one framework-missing signal', () => {
    const found = byId(signalsOf('hostfxr-framework-not-found.log'), 'framework-missing');
    expect(found).toHaveLength(1);
    expect(found[0]?.data).toEqual({ framework: 'Microsoft.AspNetCore.App', version: '3.1.0' });
    expect(found[0]?.ref.line).toBe(1);
  });

  it('gives one port-in-use per exception chain, with the address from the outer exception', () => {
    const found = byId(signalsOf('bind-failure-localized.log'), 'port-in-use');
    expect(found).toHaveLength(1);
    expect(found[0]?.data).toEqual({ address: 'http://127.0.0.1:5000' });
    expect(found[0]?.ref.line).toBe(1);
  });

  it('reads WSAEADDRINUSE under an outbound HttpClient call as socket exhaustion, not a bind failure', () => {
    const signals = signalsOf('outbound-socket-exhaustion.log');
    expect(byId(signals, 'port-in-use')).toEqual([]);
    expect(byId(signals, 'socket-exhaustion').map((s) => s.ref.line)).toEqual([3, 7]);
  });

  it('flips a bare 10048 line by its chain: outbound frames make it exhaustion', () => {
    const lines = [
      'System.Net.Sockets.SocketException (10048): Only one usage of each socket address (protocol/network address/port) is normally permitted.',
      '   at System.Net.Http.ConnectHelper.ConnectAsync(String host, Int32 port, CancellationToken cancellationToken)',
    ];
    const signals = parseStdoutLog({ kind: 'stdout-log', source: 's', firstLine: 1, lines }).signals ?? [];
    expect(signals.map((s) => s.id)).toContain('socket-exhaustion');
    expect(signals.map((s) => s.id)).not.toContain('port-in-use');
    const bind = parseStdoutLog({ kind: 'stdout-log', source: 's', firstLine: 1, lines: [lines[0] ?? '', '   at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.AddressBinder.BindEndpointAsync(ListenOptions endpoint)'] }).signals ?? [];
    expect(bind.map((s) => s.id)).toContain('port-in-use');
  });

  it('gives one blocking-wait signal per thread stack', () => {
    const found = byId(signalsOf('blocking-wait-frames.txt'), 'blocking-wait-in-stack');
    expect(found).toHaveLength(1);
    expect(found[0]?.data.frame).toBe('System.Threading.ManualResetEventSlim.Wait');
  });

  it('reads the HttpClient.Timeout message, once for the whole chain', () => {
    const found = byId(signalsOf('httpclient-timeout.log'), 'http-client-timeout');
    expect(found).toHaveLength(1);
    expect(found[0]?.data.detail).toBe('The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.');
  });

  it('reads a bare TaskCanceledException with HttpClient frames as an HttpClient timeout (pre-.NET 5 runtimes)', () => {
    const found = byId(signalsOf('task-canceled-old-httpclient.log'), 'http-client-timeout');
    expect(found.map((s) => s.ref.line)).toEqual([1]);
  });

  it('reads startup failures: SQL, pool, DI', () => {
    const signals = signalsOf('startup-sql-and-di.log');
    expect(byId(signals, 'sql-connection-failure').map((s) => s.ref.line)).toEqual([1]);
    expect(byId(signals, 'sql-login-failed')[0]?.data.user).toBe('IIS APPPOOL\\ShopPool');
    expect(byId(signals, 'sql-pool-timeout').map((s) => s.ref.line)).toEqual([5]);
    expect(byId(signals, 'di-resolution-failure')[0]?.data.service).toBe('Shop.Data.IOrderRepository');
    expect(byId(signals, 'unhandled-exception').filter((s) => s.data.fatal).map((s) => s.ref.line)).toEqual([1, 6]);
  });

  it('reads a stack overflow and the ANCM debug log', () => {
    expect(signalsOf('stack-overflow.log').map((s) => s.id)).toEqual(['stack-overflow', 'exception-frame']);
    expect(byId(signalsOf('stack-overflow.log'), 'exception-frame')[0]?.ref.text.trim()).toBe('at Shop.Catalog.CategoryTree.Depth(Shop.Catalog.Category)');
    expect(byId(signalsOf('ancm-debug-shutdown.log'), 'ancm-debug-hresult')[0]).toEqual(
      expect.objectContaining({ data: { hresult: '0x800704e7', location: 'proxymodule.cpp:94' }, ref: expect.objectContaining({ line: 10 }) }),
    );
  });

  it("quotes the user's frame of a trace written by a German or Chinese server", () => {
    const frameOf = (lines: string[]) => {
      const facts = parseStdoutLog({ kind: 'stdout-log', source: 'stdout.log', firstLine: 1, lines });
      const frame = facts.signals?.find((s) => s.id === 'exception-frame');
      return frame && 'method' in frame.data ? frame.data.method : undefined;
    };
    expect(
      frameOf([
        'Unhandled exception. System.InvalidOperationException: Die Sequenz enthält keine Elemente.',
        '   bei System.Linq.ThrowHelper.ThrowNoElementsException()',
        '   bei Shop.Orders.Load(Int32 id) in C:\\src\\Orders.cs:Zeile 12',
      ]),
    ).toBe('Shop.Orders.Load');
    expect(
      frameOf([
        'Unhandled exception. System.InvalidOperationException: 序列不包含任何元素。',
        '   在 System.Linq.ThrowHelper.ThrowNoElementsException()',
        '   在 Shop.Orders.Load(Int32 id) 位置 C:\\src\\Orders.cs:行号 12',
      ]),
    ).toBe('Shop.Orders.Load');
  });

  it('reads heartbeat warnings behind a log prefix, old and new templates', () => {
    expect(byId(signalsOf('heartbeat-serilog.log'), 'kestrel-heartbeat-slow').map((s) => s.data.durationMs)).toEqual([1059, 1158, 1895]);
    expect(byId(signalsOf('heartbeat-old-template.log'), 'kestrel-heartbeat-slow').map((s) => s.data)).toEqual([{}]);
  });
});

describe('stdout logs through the whole pipeline', () => {
  it('recognizes a pasted stdout file as stdout-log and keeps the stack in the same segment', () => {
    const evidence = collect({ 'stdout_20261120101501_4242.log': fixture('startup-sql-and-di.log') });
    expect(evidence.inputs[0]?.kinds).toEqual(['stdout-log']);
    expect(evidence.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['sql-connection-failure', 'sql-login-failed', 'sql-pool-timeout', 'di-resolution-failure']));
    expect(evidence.signals.every((s) => s.ref.source === 'stdout_20261120101501_4242.log')).toBe(true);
  });

  it('keeps line numbers right when stdout follows other evidence in one paste', () => {
    const paste = ['HTTP/1.1 502 Bad Gateway', 'Server: Microsoft-IIS/10.0', '', fixture('framework-missing-net8.log')].join('\n');
    const evidence = collect({ paste: paste });
    const signal = evidence.signals.find((s) => s.id === 'framework-missing');
    expect(signal?.ref.line).toBe(4);
    expect(signal?.data).toEqual({ framework: 'Microsoft.AspNetCore.App', version: '8.0.0' });
  });
});

describe('robustness', () => {
  it('never throws on arbitrary lines', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 40 }), (lines) => {
        const facts = parseStdoutLog({ kind: 'stdout-log', source: 's', firstLine: 1, lines });
        for (const s of facts.signals ?? []) {
          expect(s.ref.line).toBeGreaterThanOrEqual(1);
          expect(s.ref.line).toBeLessThanOrEqual(Math.max(1, lines.length));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads 20,000 stack lines quickly', () => {
    const linesOf = (n: number) => {
      const lines = ['Unhandled exception. System.Exception: deep'];
      for (let i = 0; i < n; i += 1) lines.push(`   at Shop.Deep.Level${i}(Int32 n) in C:\\src\\Deep.cs:line ${i}`);
      return lines;
    };
    const facts = expectLinearTimeOf((lines) => parseStdoutLog({ kind: 'stdout-log', source: 's', firstLine: 1, lines }), linesOf, 20000);
    expect(facts.signals?.map((s) => s.id)).toEqual(['unhandled-exception', 'exception-frame']);
  });
});
