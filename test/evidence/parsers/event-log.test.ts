import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseEventLog } from '../../../src/evidence/parsers/event-log';
import { classifyLine, continues } from '../../../src/evidence/detect';
import type { Evidence, WindowsEvent } from '../../../src/evidence/types';
import { collect } from '../../helpers/cause-tester';
import { expectLinearTimeOf } from '../../helpers/linear-time';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'event-log');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function read(name: string): Evidence {
  return collect({ [name]: fixture(name) });
}

/** The fields a test compares, without the message text. */
function summary(e: WindowsEvent): Record<string, unknown> {
  return { family: e.family, provider: e.provider, id: e.id, line: e.ref.line, messageLine: e.messageRef.line };
}

const ANCM_1020 = [
  'Log Name:      Application',
  'Source:        IIS AspNetCore Module V2',
  'Date:          11/20/2026 10:15:02 AM',
  'Event ID:      1020',
  'Task Category: None',
  'Level:         Error',
  'Keywords:      Classic',
  'User:          N/A',
  'Computer:      WEB01',
  'Description:',
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll' with multiple retries. Failed to bind to port '21456'. First 30KB characters of captured stdout and stderr logs from multiple retries:",
  "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.Production.json' was not found and is not optional. The expected physical path was 'C:\\inetpub\\shop\\appsettings.Production.json'.",
  '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)',
  'Hosting environment: Production',
].join('\n');

describe('parseEventLog: Event Viewer "Copy details as text"', () => {
  it('reads header fields, the message, and keeps the Event Xml part in the same event', () => {
    const evidence = read('dotnet-framework-1026-text-and-xml.txt');
    expect(evidence.inputs[0]?.kinds).toEqual(['event-log']);
    expect(evidence.events).toHaveLength(1);
    const event = evidence.events[0] as WindowsEvent;
    expect(summary(event)).toEqual({ family: 'dotnet-runtime', provider: '.NET Runtime', id: 1026, line: 4, messageLine: 11 });
    expect(event).toMatchObject({ level: 'Error', logName: 'Application', time: '2/8/2018 4:36:03 PM', faultingApplication: 'w3wp.exe' });
    expect(event.message.split('\n')[0]).toBe('Application: w3wp.exe');
    expect(event.message).not.toContain('<Event');
    expect(evidence.signals.map((s) => [s.id, s.ref.line, (s.data as { fatal?: boolean }).fatal])).toEqual([['unhandled-exception', 14, true]]);
  });

  it('finds the exception embedded in an ANCM 1020 message, at its own source line', () => {
    const evidence = collect({ 'application-events.txt': ANCM_1020 });
    expect(evidence.events.map(summary)).toEqual([{ family: 'ancm', provider: 'IIS AspNetCore Module V2', id: 1020, line: 4, messageLine: 11 }]);
    expect(evidence.signals.map((s) => [s.id, s.ref.line])).toEqual([
      ['unhandled-exception', 12],
      ['config-file-missing', 12],
      ['host-environment', 14],
    ]);
    expect(evidence.inputs[0]?.kinds).toEqual(['event-log']);
  });

  it('keys the family on the source: .NET Runtime 1026 is a crash, ANCM 1026 a module warning', () => {
    const ancm = [
      'Log Name:      Application',
      'Source:        IIS AspNetCore Module V2',
      'Event ID:      1026',
      'Level:         Warning',
      'Description:',
      "Application '/LM/W3SVC/2/ROOT' general warning.",
    ].join('\n');
    expect(collect({ 'a.txt': ancm }).events[0]?.family).toBe('ancm');
    expect(read('dotnet-runtime-1026-access-violation.txt').events[0]?.family).toBe('dotnet-runtime');
  });

  it('takes the exception code of a native crash reported by .NET Runtime 1026, without inventing a managed type', () => {
    const evidence = read('dotnet-runtime-1026-access-violation.txt');
    expect(evidence.events[0]).toMatchObject({ exceptionCode: '0xc0000005', faultingApplication: 'w3wp.exe' });
    expect(evidence.signals.filter((s) => s.id === 'unhandled-exception')).toEqual([]);
  });

  it('reads Application Error 1000 crash fields', () => {
    const event = read('application-error-1000-stack-overflow.txt').events[0];
    expect(event).toMatchObject({
      family: 'application-error',
      id: 1000,
      exceptionCode: '0xc00000fd',
      faultingApplication: 'w3wp.exe',
      faultingModule: 'coreclr.dll',
      processId: 0x3598,
    });
  });

  it('reads WAS 5186 with the Description on the same line and smart quotes around the values', () => {
    const event = read('was-5186-idle-shutdown.txt').events[0];
    expect(event).toMatchObject({ family: 'was', id: 5186, appPool: 'StackOverFlowWebApp', processId: 26648, logName: 'System' });
    expect(event?.messageRef.line).toBe(10);
    expect(event?.message).toContain('set to 20 minutes');
  });

  it('reads several text events in one paste, even when one starts right under a message', () => {
    const paste = [ANCM_1020, 'Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5074', 'Description:', "A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."].join('\n');
    const evidence = collect({ 'events.txt': paste });
    expect(evidence.events.map((e) => [e.id, e.ref.line])).toEqual([
      [1020, 4],
      [5074, 17],
    ]);
    expect(evidence.events[1]).toMatchObject({ appPool: 'ShopPool', processId: 4242 });
    expect(evidence.events[0]?.message).not.toContain('Log Name');
  });

  it('keeps header-looking lines inside a message when no event header follows them', () => {
    const paste = ['Source:        .NET Runtime', 'Event ID:      1026', 'Description:', 'Application: w3wp.exe', 'Source: the request came from the load balancer', 'Exception Info: System.InvalidOperationException: boom'].join('\n');
    const evidence = collect({ 'e.txt': paste });
    expect(evidence.events).toHaveLength(1);
    expect(evidence.events[0]?.message).toContain('Source: the request came from the load balancer');
  });
});

describe('parseEventLog: PowerShell formats', () => {
  it('reads Get-WinEvent | Format-List, joining wrapped message lines', () => {
    const evidence = read('get-winevent-format-list.txt');
    expect(evidence.events.map(summary)).toEqual([
      { family: 'was', provider: 'Microsoft-Windows-WAS', id: 5117, line: 4, messageLine: 5 },
      { family: 'ancm', provider: 'IIS AspNetCore Module V2', id: 1005, line: 10, messageLine: 11 },
    ]);
    expect(evidence.events[0]).toMatchObject({ appPool: 'ShopPool', processId: 7312, time: '11/20/2026 10:14:58 AM' });
    expect(evidence.events[0]?.message).toBe("A worker process with process id of '7312' serving application pool 'ShopPool' has requested a recycle\nbecause it reached its private bytes memory limit.");
  });

  it('keeps "Description:" lines of a .NET Runtime message inside the Format-List message', () => {
    const paste = [
      'TimeCreated  : 11/20/2026 10:15:02 AM',
      'ProviderName : .NET Runtime',
      'Id           : 1026',
      'Message      : Application: w3wp.exe',
      '               CoreCLR Version: 8.0.324.11423',
      '               Description: The process was terminated due to an unhandled exception.',
      '               Exception Info: System.InvalidOperationException: boom',
    ].join('\n');
    const evidence = collect({ 'fl.txt': paste });
    expect(evidence.events.map((e) => [e.family, e.id])).toEqual([['dotnet-runtime', 1026]]);
    expect(evidence.events[0]?.message.split('\n')).toHaveLength(4);
    expect(evidence.signals.map((s) => [s.id, s.ref.line])).toEqual([['unhandled-exception', 7]]);
  });

  it('reads Get-EventLog | Format-List, taking the event id from InstanceId', () => {
    const evidence = read('get-eventlog-format-list.txt');
    expect(evidence.events.map(summary)).toEqual([
      { family: 'was', provider: 'WAS', id: 5002, line: 3, messageLine: 4 },
      { family: 'was', provider: 'WAS', id: 5009, line: 16, messageLine: 17 },
    ]);
    // The process id is split across the console wrap.
    expect(evidence.events[1]).toMatchObject({ appPool: 'ShopPool', processId: 5120, exceptionCode: '0xc00000fd', level: 'Warning' });
  });

  it('reads Get-WinEvent table output under its ProviderName header', () => {
    const evidence = read('get-winevent-table.txt');
    expect(evidence.events.map(summary)).toEqual([
      { family: 'was', provider: 'Microsoft-Windows-WAS', id: 5074, line: 6, messageLine: 6 },
      { family: 'was', provider: 'Microsoft-Windows-WAS', id: 5186, line: 7, messageLine: 7 },
    ]);
    expect(evidence.events[0]).toMatchObject({ appPool: 'ShopPool', processId: 4242, level: 'Information' });
  });

  it('de-indents Format-List continuation lines so embedded stdout is read', () => {
    const paste = [
      'TimeCreated  : 11/20/2026 10:15:02 AM',
      'ProviderName : IIS AspNetCore Module V2',
      'Id           : 1035',
      "Message      : Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' has exited from Program.Main with exit code = '-532462766'. First 30KB characters of captured stdout and stderr logs:",
      "               Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Shop.IClock' while attempting to activate 'Shop.Home'.",
    ].join('\n');
    const evidence = collect({ 'fl.txt': paste });
    expect(evidence.signals.map((s) => [s.id, s.ref.line])).toEqual([
      ['unhandled-exception', 5],
      ['di-resolution-failure', 5],
    ]);
    expect(evidence.events[0]?.message.split('\n')[1]).toMatch(/^Unhandled exception\./);
  });
});

describe('parseEventLog: Event Viewer list rows (tab-delimited)', () => {
  it('reads one event per row, with multi-word sources', () => {
    const evidence = read('event-viewer-list-rows.txt');
    expect(evidence.events.map((e) => [e.provider, e.id, e.ref.line, e.level])).toEqual([
      ['IIS AspNetCore Module V2', 1033, 1, 'Information'],
      ['IIS AspNetCore Module V2', 1012, 2, 'Information'],
      ['IIS AspNetCore Module V2', 1032, 3, 'Information'],
      ['Microsoft-Windows-WAS', 5078, 4, 'Information'],
      ['Microsoft-Windows-WAS', 5078, 5, 'Information'],
      ['IIS AspNetCore Module V2', 1005, 6, 'Warning'],
    ]);
    expect(evidence.events[1]?.message).toBe("Application '\\\\fileserver.contoso.local\\CodeFolder\\WWW\\qqq-svc\\' was recycled after detecting app_offline.htm.");
    expect(evidence.events[3]).toMatchObject({ family: 'was', appPool: 'qqqsvc.ppp.inet', processId: 4528, time: '8/12/2020 3:58:50 PM' });
  });

  it('reads a quoted message that spans lines, then the next row', () => {
    const evidence = read('wer-quoted-multiline-row.txt');
    expect(evidence.events.map((e) => [e.family, e.id, e.ref.line])).toEqual([
      ['wer', 1001, 1],
      ['was', 5009, 19],
    ]);
    expect(evidence.events[0]?.message.split('\n')).toHaveLength(18);
    expect(evidence.events[0]?.message).toContain('P7: e0434352');
    expect(evidence.events[1]).toMatchObject({ appPool: 'WebApi', processId: 4412, exceptionCode: '0xe0434352' });
  });
});

describe('parseEventLog: event XML', () => {
  it('reads a flattened .NET Runtime event (one Data element on one line)', () => {
    const event = read('dotnet-runtime-1026-flattened.xml').events[0];
    expect(event && summary(event)).toEqual({ family: 'dotnet-runtime', provider: '.NET Runtime', id: 1026, line: 4, messageLine: 15 });
    expect(event).toMatchObject({ level: 'Error', logName: 'Application', time: '2024-12-10T04:08:31.418806500Z', faultingApplication: 'w3wp.exe' });
  });

  it('renders a WAS message from named data, so the pool and process read as in text exports', () => {
    const event = read('was-5076-scheduled.xml').events[0];
    expect(event && summary(event)).toEqual({ family: 'was', provider: 'Microsoft-Windows-WAS', id: 5076, line: 4, messageLine: 19 });
    expect(event).toMatchObject({ appPool: 'abcweb-somesite', processId: 9252 });
    expect(event?.message).toBe("A worker process with process id of '9252' serving application pool 'abcweb-somesite' has requested a recycle because it reached its scheduled recycle time.");
  });

  it('reads positional Application Error data into the same fields as the text export', () => {
    const fromXml = read('application-error-1000-positional.xml').events[0];
    const fromText = read('application-error-1000-stack-overflow.txt').events[0];
    for (const field of ['exceptionCode', 'faultingApplication', 'faultingModule', 'processId'] as const) expect(fromXml?.[field]).toEqual(fromText?.[field]);
    expect(fromXml?.messageRef.line).toBe(15);
  });

  it('reads several bare XML events pasted one after the other', () => {
    const xml = fixture('was-5076-scheduled.xml');
    const evidence = collect({ 'events.xml': `${xml}${fixture('application-error-1000-positional.xml')}` });
    expect(evidence.events.map((e) => [e.id, e.ref.line])).toEqual([
      [5076, 4],
      [1000, 26],
    ]);
  });

  it('decodes entities in Data values', () => {
    const xml = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="IIS AspNetCore Module V2" /><EventID Qualifiers="0">1012</EventID></System><EventData><Data>Application &apos;C:\\inetpub\\shop\\&apos; was recycled after detecting app_offline.htm.&#xD;&#xA;</Data></EventData></Event>';
    const event = collect({ 'e.xml': xml }).events[0];
    expect(event?.message).toBe("Application 'C:\\inetpub\\shop\\' was recycled after detecting app_offline.htm.");
  });
});

describe('parseEventLog: messages pasted without their header', () => {
  it('infers WAS ids from their templates (real messages, aspnet/AspNetCoreModule#166)', () => {
    const paste = [
      "A worker process with process id of '38740' serving application pool 'PasajApp' has requested a recycle because it reached its scheduled recycle time.",
      '',
      "A process serving application pool 'PasajApp' exceeded time limits during shut down. The process id was '38740'.",
    ].join('\n');
    const evidence = collect({ 'system-events.txt': paste });
    expect(evidence.inputs[0]?.kinds).toEqual(['event-log']);
    expect(evidence.events.map((e) => [e.family, e.id, e.ref.line, e.appPool, e.processId])).toEqual([
      ['was', 5076, 1, 'PasajApp', 38740],
      ['was', 5013, 3, 'PasajApp', 38740],
    ]);
  });

  it('infers the ANCM templates unique to one id, and cuts a prose block before them', () => {
    const paste = ['we deployed at 10:00 and then:', "Application 'C:\\inetpub\\shop\\' was recycled after detecting app_offline.htm.", "Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'."].join('\n');
    const evidence = collect({ 'paste': paste });
    expect(evidence.inputs[0]?.kinds).toEqual(['prose', 'event-log']);
    expect(evidence.events.map((e) => [e.family, e.id, e.ref.line])).toEqual([
      ['ancm', 1012, 2],
      ['ancm', 1005, 3],
    ]);
  });

  it('does not infer an id for a message that is part of a header block', () => {
    const evidence = read('was-5186-idle-shutdown.txt');
    expect(evidence.events).toHaveLength(1);
  });
});

describe('detection of event blocks (detect.ts additions for the event formats)', () => {
  it('keeps the XML view, embedded stdout and mid-record PowerShell keys inside an event block', () => {
    expect(continues('event-log', classifyLine('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">'))).toBe(true);
    expect(continues('event-log', classifyLine('Unhandled exception. System.InvalidOperationException: boom'))).toBe(true);
    expect(continues('event-log', classifyLine('Hosting environment: Production'))).toBe(true);
    expect(continues('event-log', classifyLine('ProviderName     : .NET Runtime'))).toBe(true);
    expect(continues('event-log', classifyLine("A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle"))).toBe(true);
  });

  it('starts an event block at list rows, Get-EventLog records and bare WAS messages, even after other evidence', () => {
    expect(classifyLine('Warning 8/12/2020 2:37:05 AM IIS AspNetCore Module V2 1005 None Failed to gracefully shutdown')).toEqual({ kind: 'event-log', strong: true });
    expect(classifyLine('Index              : 48213')?.kind).toBe('event-log');
    expect(continues('stdout-log', classifyLine("A process serving application pool 'ShopPool' terminated unexpectedly."))).toBe(false);
    expect(continues('headers', classifyLine('Error 11/20/2026 10:21:40 AM WAS 5002 None Application pool'))).toBe(false);
  });
});

describe('parseEventLog: problems and robustness', () => {
  it('reports a block without an event id, with its line, and reads the next event', () => {
    const facts = parseEventLog({
      kind: 'event-log',
      source: 'events.txt',
      firstLine: 20,
      lines: ['Log Name:      Application', 'Source:        .NET Runtime', 'Level:         Error', 'Log Name:      System', 'Source:        WAS', 'Event ID:      5002', 'Description:', "Application pool 'ShopPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool."],
    });
    expect(facts.problems).toEqual([{ source: 'events.txt', line: 20, message: expect.stringContaining('no event id') }]);
    expect(facts.events?.map((e) => [e.id, e.ref.line, e.appPool])).toEqual([[5002, 25, 'ShopPool']]);
  });

  it('never throws and keeps every ref inside the segment', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom('Log Name: Application', 'Event ID: 5074', 'Description:', 'Event Xml:', '<Event xmlns="x">', '</Event>', '<Data Name="AppPoolID">', 'Id           : 1000', 'Message      : x', 'Error 11/20/2026 10:15:02 AM WAS 5002 None "open'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const facts = parseEventLog({ kind: 'event-log', source: 's', firstLine: 3, lines });
        for (const e of facts.events ?? []) {
          for (const r of [e.ref, e.messageRef]) {
            expect(r.line).toBeGreaterThanOrEqual(3);
            expect(r.line).toBeLessThan(3 + Math.max(1, lines.length));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads an unterminated 16 KB Data element quickly', () => {
    const linesOf = (n: number) => ['<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">', '<EventID>1000</EventID>', `<Data>${'<Data '.repeat(n)}`];
    const facts = expectLinearTimeOf((lines) => parseEventLog({ kind: 'event-log', source: 's', firstLine: 1, lines }), linesOf, 2700);
    expect(facts.events?.[0]?.id).toBe(1000);
  });
});
