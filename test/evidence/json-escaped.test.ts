import { EvidenceCollector } from '../../src/evidence/collector';
import { looksJsonEscaped, unescapedLines } from '../../src/evidence/json-escaped';

/**
 * One entry of the .NET JSON console formatter (Microsoft.Extensions.Logging.Console, FormatterName
 * "json"): System.Text.Json's default encoder writes quotes and apostrophes as \u0022 and \u0027,
 * and the exception's line breaks as \n.
 */
const JSON_CONSOLE_ENTRY =
  '{"EventId":13,"LogLevel":"Error","Category":"Microsoft.AspNetCore.Server.Kestrel","Message":"Connection id \\u00220HMV2QKTU5JRP\\u0022, Request id \\u00220HMV2QKTU5JRP:00000001\\u0022: An unhandled exception was thrown by the application.","Exception":"System.InvalidOperationException: Unable to resolve service for type \\u0027Shop.Data.IOrderRepository\\u0027 while attempting to activate \\u0027Shop.Controllers.OrdersController\\u0027.\\n   at Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetService(IServiceProvider sp, Type type, Type requiredBy, Boolean isDefaultParameterRequired)\\n   at lambda_method12(Closure, IServiceProvider, Object[])\\n   at Microsoft.AspNetCore.Mvc.Controllers.ControllerFactoryProvider.CreateControllerFactory(ControllerActionDescriptor descriptor)","State":{"Message":"An unhandled exception was thrown by the application."}}';

describe('JSON-escaped text', () => {
  it('recognizes a structured log entry whose field holds line breaks', () => {
    expect(looksJsonEscaped(JSON_CONSOLE_ENTRY)).toBe(true);
    expect(looksJsonEscaped(JSON.stringify({ message: 'HTTP Error 502.5\nProcess Failure\nCommon causes' }))).toBe(true);
  });

  it('leaves alone Windows paths, one-break records and plain text', () => {
    // ANCM's text with a path that holds "\n": no JSON marks, so no line breaks either.
    expect(looksJsonEscaped(String.raw`Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\inetpub\new\' failed to start process with commandline 'C:\new\Shop.exe'`)).toBe(false);
    // Docker's json-file driver: one line per record, its only break at the end.
    expect(looksJsonEscaped('{"log":"fail: Microsoft.AspNetCore.Server.Kestrel[13]\\n","stream":"stdout","time":"2026-11-20T10:15:01.123Z"}')).toBe(false);
    // An escaped backslash before an n is a path in JSON ("C:\\new"), not a break.
    expect(looksJsonEscaped('{"path":"C:\\\\new\\\\app","root":"C:\\\\inetpub\\\\new"}')).toBe(false);
    expect(looksJsonEscaped('HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure')).toBe(false);
  });

  it('gives back the lines the string holds, its escapes undone', () => {
    expect(unescapedLines('{"m":"a \\"quoted\\" word\\r\\n\\tindented \\u0027x\\u0027\\nC:\\\\new"}')).toEqual(['{"m":"a "quoted" word', ' indented \'x\'', 'C:\\new"}']);
    // An unknown escape and a trailing backslash are kept as they were.
    expect(unescapedLines('a \\q b \\')).toEqual(['a \\q b \\']);
  });

  it('reads a stack trace carried in a JSON log field, quoting the line that held it', () => {
    const c = new EvidenceCollector();
    c.addText('container.log', ['{"EventId":14,"LogLevel":"Information","Message":"Now listening on: http://[::]:8080"}', JSON_CONSOLE_ENTRY].join('\n'));
    const e = c.finish();
    const di = e.clues.find((h) => h.clue === 'dotnet.di-failure');
    expect(di?.ref.line).toBe(2);
    expect(e.clues.some((h) => h.clue === 'kestrel.app-error' && h.ref.line === 2)).toBe(true);
    expect(e.inputs[0]!.lines).toBe(2);
    // The quote is the line that holds the exception, without the stack frames glued to it.
    expect(di?.ref.text).toContain('Unable to resolve service for type');
    expect(di?.ref.text).not.toContain('\\n');
    expect(di?.ref.text).not.toContain('ActivatorUtilities');
  });

  it('reads an event exported with ConvertTo-Json line by line, quoting each line of its message', () => {
    // `Get-WinEvent -LogName Application -MaxEvents 1 | Select-Object TimeCreated, Id, Message | ConvertTo-Json`
    // (Windows PowerShell 5.1: two spaces after the colon, \/Date()\/, \r\n in the message).
    const message = [
      'Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0x2d3f6d8f',
      'Faulting module name: aspnetcorev2.dll, version: 16.0.23107.0, time stamp: 0x65318f1c',
      'Exception code: 0xc0000005',
      'Fault offset: 0x000000000001f8a9',
      'Faulting process id: 0x1670',
    ].join('\\r\\n');
    const exported = ['{', '    "TimeCreated":  "\\/Date(1763633701000)\\/",', '    "Id":  1000,', `    "Message":  "${message}"`, '}'].join('\n');
    const c = new EvidenceCollector();
    c.addText('events.json', exported);
    const e = c.finish();
    expect(e.clues.find((h) => h.clue === 'dotnet.access-violation')?.ref).toMatchObject({ line: 4, text: 'Exception code: 0xc0000005' });
    expect(e.clues.find((h) => h.clue === 'ancm.module-faulted')?.ref.text).toMatch(/^Faulting module name: aspnetcorev2\.dll/);
  });
});
