/**
 * The short answer fits the first screen of a terminal (issue 9): counted in rows, since a long
 * line wraps, and cut so that what decides stays on it. test/cases.test.ts holds every fixture
 * case to the same screen; these pin how the cut keeps what matters.
 */
import { diagnose } from '../../src/diagnose';
import { renderText } from '../../src/render/text';
import { columns, cutToColumns, terminalRows } from '../../src/render/columns';

const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const AGENT = 'Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/131.0.0.0+Safari/537.36';
const ROW = `2026-11-20 10:15:01 10.0.0.4 POST /reports/export period=2026-09 443 - 203.0.113.9 ${AGENT} https://shop.example.com/reports 502 3 12002 120031`;
const CONFIG = '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" hostingModel="outofprocess" />';

describe('terminal rows', () => {
  it('counts a line as the rows the terminal wraps it into', () => {
    expect(terminalRows('', 80)).toBe(1);
    expect(terminalRows('a\n\nb\n', 80)).toBe(3);
    expect(terminalRows('x'.repeat(80), 80)).toBe(1);
    expect(terminalRows('x'.repeat(81), 80)).toBe(2);
    expect(terminalRows('x'.repeat(161), 80)).toBe(3);
    expect(terminalRows('x'.repeat(161), 100)).toBe(2);
  });

  it('gives a wide (CJK) character two columns, and moves it whole to the next row', () => {
    expect(columns('日志')).toBe(4);
    expect(terminalRows('日'.repeat(40), 80)).toBe(1);
    expect(terminalRows('日'.repeat(41), 80)).toBe(2);
    expect(terminalRows(`${'x'.repeat(79)}日`, 80)).toBe(2);
    expect(cutToColumns('日志里面', 5)).toBe('日志…');
  });
});

describe('the short answer', () => {
  it("quotes an IIS row cut in the middle, keeping its status, Win32 code and time-taken", () => {
    const text = renderText(diagnose([{ source: 'u_ex.log', text: `${FIELDS}\n${ROW}` }, { source: 'web.config', text: CONFIG }]));
    const quoted = text.split('\n').find((l) => l.startsWith('  u_ex.log:2  '))!;
    expect(quoted).toMatch(/^ {2}u_ex\.log:2 {2}2026-11-20 10:15:01 10\.0\.0\.4 POST \/reports\/export .*… 502 3 12002 120031$/);
    expect(quoted).not.toContain('Chrome');
  });

  it('keeps the changed lines of a long diff and says how much the full report adds', () => {
    const d = diagnose([{ source: 'u_ex.log', text: `${FIELDS}\n${ROW}` }, { source: 'web.config', text: CONFIG }]);
    const context = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => `     <add key="setting${from + i}" value="${'v'.repeat(40)}" />`);
    const diff = ['--- a/web.config', '+++ b/web.config', '@@ -1,41 +1,41 @@', ...context(1, 20), '-<aspNetCore requestTimeout="00:02:00" />', '+<aspNetCore requestTimeout="00:04:00" />', ...context(21, 20)];
    d.causes[0]!.fix = { ...d.causes[0]!.fix, diff: `${diff.join('\n')}\n` };
    const text = renderText(d);
    expect(text).toContain('\n    -<aspNetCore requestTimeout="00:02:00" />\n    +<aspNetCore requestTimeout="00:04:00" />\n');
    expect(text).toContain('\n    --- a/web.config\n    +++ b/web.config\n    @@ -1,41 +1,41 @@\n');
    // The context kept is the nearest to the change.
    expect(text).toContain('setting20"');
    expect(text).not.toContain('setting1"');
    expect(text).toMatch(/\n {4}\.\.\. \d+ more line\(s\) in the full report\n/);
    expect(terminalRows(text, 80)).toBeLessThanOrEqual(45);
    expect(renderText(d, { verbose: true })).toContain('setting1"');
  });

  it('shortens the steps, then the rest, before the answer leaves the screen', () => {
    const d = diagnose([{ source: 'u_ex.log', text: `${FIELDS}\n${ROW}` }, { source: 'web.config', text: CONFIG }]);
    expect(renderText(d)).toMatch(/\nNext steps:\n {2}1\. /);
    // A snippet of long lines and long steps: together far more than a screen.
    const snippet = Array.from({ length: 16 }, (_, i) => `// line ${i + 1} ${'of a snippet that runs wider than any terminal '.repeat(3)}`);
    const steps = Array.from({ length: 5 }, (_, i) => `Step ${i + 1}: ${'check the thing that matters here '.repeat(12)}`);
    d.causes[0]!.fix = { summary: 'Do the one thing that fixes it.', snippet: snippet.join('\n'), language: 'csharp' };
    d.causes[0]!.steps = steps;
    const text = renderText(d);
    expect(terminalRows(text, 80)).toBeLessThanOrEqual(45);
    expect(text).toContain('\nMost likely: ');
    expect(text).toContain('\nFix: Do the one thing that fixes it.\n    // line 1 of a snippet');
    expect(text).toMatch(/\n {4}\.\.\. \d+ more line\(s\) in the full report\n/);
    expect(text).toMatch(/\nNext steps:\n {2}1\. Step 1: check the thing[^\n]*\n/);
    expect(text).toMatch(/\n {2}\(4 more in the full report\)\n/);
    const full = renderText(d, { verbose: true });
    for (const line of [...snippet, ...steps.map((step) => step.slice(0, 40))]) expect(full).toContain(line.trimEnd().slice(0, 60));
  });
});
