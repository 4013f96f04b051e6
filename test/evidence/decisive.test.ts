/**
 * The answer quotes the line that decides, not the header above it (issue 9): the event's message,
 * the `Error Code` line of a 500.19 page, the user's frame under an exception, the frame a stack
 * overflow repeats.
 */
import { diagnose } from '../../src/diagnose';
import { exceptionFrames } from '../../src/evidence/parsers/stack-frames';
import { renderText } from '../../src/render/text';
import { expectLinearTime } from '../helpers/linear-time';

const quotedLines = (text: string, source = 'paste'): string[] => diagnose([{ source, text }]).causes[0]!.evidence.map((r) => r.text.trim());
/** The lines the short answer (the first screen) quotes under its top cause, without their `source:line`. */
const firstScreenQuotes = (inputs: { source: string; text: string }[]): string[] => {
  const sources = inputs.map((i) => i.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return renderText(diagnose(inputs)).split('\n').flatMap((l) => new RegExp(`^ {2}(?:${sources}):\\d+ {2}(.*)$`).exec(l)?.slice(1, 2) ?? []);
};

describe('decisive lines', () => {
  it("quotes an event's message, not its Event ID line", () => {
    // ANCM 1011's template (kb-facts), as Event Viewer's "Copy details as text" lays it out.
    const event = [
      'Log Name:      Application',
      'Source:        IIS AspNetCore Module V2',
      'Date:          20/11/2026 10:15:01',
      'Event ID:      1011',
      'Level:         Error',
      'Description:',
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to load coreclr. Exception message:",
      'CLR worker thread exited prematurely',
    ].join('\n');
    const lines = quotedLines(event);
    expect(lines[0]).toMatch(/^Application '\/LM\/W3SVC\/2\/ROOT' with physical root/);
    expect(lines).not.toContain('Event ID:      1011');
  });

  it("quotes a 500.19 page's Error Code line before its title", () => {
    const page = [
      'HTTP Error 500.19 - Internal Server Error',
      'The requested page cannot be accessed because the related configuration data for the page is invalid.',
      'Detailed Error Information:',
      'Module     IIS Web Core',
      'Notification     Unknown',
      'Handler     Not yet determined',
      'Error Code     0x8007000d',
      'Config Error     ',
      'Config File     \\\\?\\C:\\inetpub\\shop\\web.config',
    ].join('\n');
    const lines = quotedLines(page, 'page.txt');
    // First: the two lines the short answer shows are the first two quoted.
    expect(lines[0]).toBe('Error Code     0x8007000d');
    expect(lines.indexOf('HTTP Error 500.19 - Internal Server Error')).not.toBe(0);
    expect(firstScreenQuotes([{ source: 'page.txt', text: page }])[0]).toBe('Error Code     0x8007000d');
  });

  it("quotes the first frame of the user's own code under the exception", () => {
    const stdout = [
      'Unhandled exception. System.InvalidOperationException: Unable to resolve service for type \'Shop.Data.IOrderStore\' while attempting to activate \'Shop.Web.Controllers.OrdersController\'.',
      '   at Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetService(IServiceProvider sp, Type type, Type requiredBy, Boolean isDefaultParameterRequired)',
      '   at lambda_method(Closure , IServiceProvider , Object[] )',
      '   at Shop.Web.Startup.Configure(IApplicationBuilder app) in C:\\src\\Shop.Web\\Startup.cs:line 57',
      '   at System.RuntimeMethodHandle.InvokeMethod(Object target, Span`1& arguments, Signature sig, Boolean constructor, Boolean wrapExceptions)',
    ].join('\n');
    const exception = 'Unhandled exception. System.InvalidOperationException: Unable to resolve service for type \'Shop.Data.IOrderStore\' while attempting to activate \'Shop.Web.Controllers.OrdersController\'.';
    const frame = 'at Shop.Web.Startup.Configure(IApplicationBuilder app) in C:\\src\\Shop.Web\\Startup.cs:line 57';
    // The exception and its throw site are the first two quoted: the ones the first screen shows.
    expect(quotedLines(stdout, 'stdout.log').slice(0, 2)).toEqual([exception, frame]);
    const shown = firstScreenQuotes([{ source: 'stdout.log', text: stdout }]);
    expect(shown).toHaveLength(2);
    expect(exception.startsWith(shown[0]!.replace(/…$/, ''))).toBe(true);
    expect(shown[1]).toBe(frame);
  });

  it('quotes the frame a stack overflow repeats', () => {
    // The .NET 5+ runtime's stack overflow report on stderr (dotnet/runtime, eepolicy.cpp).
    const stdout = [
      'Stack overflow.',
      'Repeat 19170 times:',
      '--------------------------------',
      '   at Shop.Catalog.Category.get_Path()',
      '--------------------------------',
      '   at Shop.Web.Controllers.CatalogController.Index()',
    ].join('\n');
    const lines = quotedLines(stdout, 'stdout.log');
    expect(lines).toContain('at Shop.Catalog.Category.get_Path()');
    expect(lines.indexOf('at Shop.Catalog.Category.get_Path()')).toBe(lines.indexOf('Stack overflow.') + 1);
  });

  it('quotes the frame a stack overflow repeats when the runtime prints every frame (no "Repeat N times")', () => {
    // Before .NET 5 (and in a debugger's stack) an overflow lists each frame: the cycle shows by repeating.
    const cycle = ['   at Shop.Catalog.CategoryMapper.Map(Shop.Catalog.Category)', '   at Shop.Catalog.CategoryMapper.MapChildren(System.Collections.Generic.IEnumerable`1<Shop.Catalog.Category>)'];
    const stdout = ['Stack overflow.', '   at System.Text.StringBuilder.Append(System.String)', ...Array.from({ length: 6 }, () => cycle).flat(), '   at Shop.Controllers.CategoryController.Tree()'].join('\n');
    const lines = quotedLines(stdout, 'stdout.log');
    expect(lines[0]).toBe('Stack overflow.');
    expect(cycle.map((f) => f.trim())).toContain(lines[1]);
    // Beside an Application Error event for the same crash, the frame still follows the overflow line.
    const event = [
      'Log Name:      Application',
      'Source:        Application Error',
      'Event ID:      1000',
      'Level:         Error',
      'Description:',
      'Faulting application name: w3wp.exe, version: 10.0.20348.1, time stamp: 0x405e4c14',
      'Faulting module name: coreclr.dll, version: 8.0.324.11423, time stamp: 0x65cd500d',
      'Exception code: 0xc00000fd',
    ].join('\n');
    const both = diagnose([{ source: 'events.txt', text: event }, { source: 'stdout.log', text: stdout }]).causes[0]!;
    expect(both.id).toBe('stack-overflow');
    const quoted = both.evidence.map((r) => r.text.trim());
    expect(cycle.map((f) => f.trim())).toContain(quoted[quoted.indexOf('Stack overflow.') + 1]);
  });

  it('finds frames in linear time on a hostile paste', () => {
    const ref = { source: 'x', line: 1, text: '' };
    expectLinearTime((text) => exceptionFrames(text.split('\n').map((t) => ({ text: t, ref }))), `${'a.'.repeat(2000)}Error${'Exception'.repeat(500)}\n   at ${'b'.repeat(5000)}\n`);
  });
});
