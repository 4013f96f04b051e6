/**
 * The answer quotes the line that decides, not the header above it (issue 9): the event's message,
 * the `Error Code` line of a 500.19 page, the user's frame under an exception, the frame a stack
 * overflow repeats.
 */
import { diagnose } from '../../src/diagnose';
import { exceptionFrames } from '../../src/evidence/parsers/stack-frames';
import { expectLinearTime } from '../helpers/linear-time';

const quotedLines = (text: string, source = 'paste'): string[] => diagnose([{ source, text }]).causes[0]!.evidence.map((r) => r.text.trim());

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
    const code = lines.indexOf('Error Code     0x8007000d');
    expect(code).toBeGreaterThanOrEqual(0);
    const title = lines.indexOf('HTTP Error 500.19 - Internal Server Error');
    if (title >= 0) expect(code).toBeLessThan(title);
  });

  it("quotes the first frame of the user's own code under the exception", () => {
    const stdout = [
      'Unhandled exception. System.InvalidOperationException: Unable to resolve service for type \'Shop.Data.IOrderStore\' while attempting to activate \'Shop.Web.Controllers.OrdersController\'.',
      '   at Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetService(IServiceProvider sp, Type type, Type requiredBy, Boolean isDefaultParameterRequired)',
      '   at lambda_method(Closure , IServiceProvider , Object[] )',
      '   at Shop.Web.Startup.Configure(IApplicationBuilder app) in C:\\src\\Shop.Web\\Startup.cs:line 57',
      '   at System.RuntimeMethodHandle.InvokeMethod(Object target, Span`1& arguments, Signature sig, Boolean constructor, Boolean wrapExceptions)',
    ].join('\n');
    const lines = quotedLines(stdout, 'stdout.log');
    const exception = lines.findIndex((l) => l.startsWith('Unhandled exception. System.InvalidOperationException'));
    expect(exception).toBeGreaterThanOrEqual(0);
    expect(lines[exception + 1]).toBe('at Shop.Web.Startup.Configure(IApplicationBuilder app) in C:\\src\\Shop.Web\\Startup.cs:line 57');
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

  it('finds frames in linear time on a hostile paste', () => {
    const ref = { source: 'x', line: 1, text: '' };
    expectLinearTime((text) => exceptionFrames(text.split('\n').map((t) => ({ text: t, ref }))), `${'a.'.repeat(2000)}Error${'Exception'.repeat(500)}\n   at ${'b'.repeat(5000)}\n`);
  });
});
