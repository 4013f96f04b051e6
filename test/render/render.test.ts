/**
 * Renderers lay out what diagnose() returned and decide nothing; these tests pin the layout that
 * people read at 3 a.m. and the Markdown that lands in tickets.
 */
import { diagnose } from '../../src/diagnose';
import { renderText } from '../../src/render/text';
import { renderMarkdown } from '../../src/render/markdown';

const LOG = [
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
].join('\n');
const CONFIG = '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" hostingModel="outofprocess" />';

describe('renderText', () => {
  const d = diagnose([
    { source: 'u_ex.log', text: LOG },
    { source: 'web.config', text: CONFIG },
  ]);
  const text = renderText(d);

  it('leads with what was read, then the top cause, its confidence and the layer', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('diag502: read u_ex.log (iis-log, 2 lines) and web.config (web-config, 1 line)');
    expect(text).toContain(`Most likely: Request ran past ANCM's requestTimeout\n  confidence ${Math.round(d.causes[0]!.confidence * 100)}%`);
    expect(text).toContain('· answered by ASP.NET Core Module (ANCM) in IIS');
    expect(renderText(d, { verbose: true })).toContain('answered by: ASP.NET Core Module (ANCM) in IIS');
  });

  it('fits one screen by default: the decisive lines and the fix come before the steps, the rest one line each', () => {
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(text.indexOf('Fix:')).toBeLessThan(text.indexOf('Next steps:'));
    expect(text.indexOf('u_ex.log:2')).toBeLessThan(text.indexOf('Fix:'));
    expect(text).toMatch(/\nAlso possible: |\nPaste next: /);
    expect(text).toMatch(/The full report adds .*every step and evidence line\.\n$/);
    expect(renderText(d, { fullReport: 'Running again with --verbose' })).toMatch(/Running again with --verbose adds /);
    const full = renderText(d, { verbose: true });
    expect(full.split('\n').length).toBeGreaterThan(lines.length);
    for (const step of d.causes[0]!.steps) expect(full).toContain(step.slice(0, 40));
  });

  it('cites evidence as source:line and numbers the steps', () => {
    expect(text).toContain('u_ex.log:2  2026-11-20 10:15:01');
    expect(text).toMatch(/Next steps:\n {2}1\. /);
  });

  it('shows the config change as a diff of the pasted file', () => {
    expect(text).toContain('Change to your web.config:');
    expect(text).toMatch(/\+<aspNetCore .*requestTimeout="00:04:00"/);
  });

  it('lists decoded codes and findings in the full report, and counts them in the short one', () => {
    const full = renderText(d, { verbose: true });
    expect(full).toMatch(/Decoded codes:\n {2}502\.3 /);
    expect(full).toContain('Configuration findings:');
    expect(text).toMatch(/adds \d+ configuration findings?, \d+ decoded codes?, /);
  });

  it('cuts long evidence lists unless asked for all', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `2026-11-20 10:${String(10 + i)}:01 10.0.0.4 GET /api/r${i} - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 12001${i}`);
    const many = diagnose([{ source: 'u_ex.log', text: [LOG.split('\n')[0], ...rows].join('\n') }]);
    const n = many.causes[0]!.evidence.length;
    expect(n).toBeGreaterThan(2);
    // The short report quotes the two decisive lines; the full one every line.
    expect(renderText(many).match(/^ {2}u_ex\.log:\d+ /gm)).toHaveLength(2);
    expect(renderText(many, { verbose: true }).match(/^ {2}u_ex\.log:\d+ /gm)?.length).toBeGreaterThanOrEqual(Math.min(n, 3));
  });

  it('says plainly when nothing was recognized, and what would help', () => {
    const none = renderText(diagnose([{ source: 'paste', text: 'lunch at noon?' }]));
    expect(none).toContain('No known cause of a 502 was recognized in this evidence, so diag502 is not guessing one.');
    expect(none).toContain('Evidence that would help:');
    expect(none).not.toContain('Most likely');
  });

  it('says how many values were masked, without promising that nothing secret is left', () => {
    const masked = renderText(diagnose([{ source: 'h', text: 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz012345' }]));
    expect(masked).toContain('1 value that looked like a secret was masked; check before you share it further');
    expect(masked).not.toContain('abcdefghijklmnop');
    expect(masked).not.toMatch(/secrets (are|were) masked\)|all secrets/i);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(diagnose([{ source: 'u_ex.log', text: LOG }, { source: 'web.config', text: CONFIG }]));

  it('has a title naming the cause and fenced evidence and diff', () => {
    expect(md).toMatch(/^# 502 diagnosis: Request ran past ANCM's requestTimeout\n/);
    expect(md).toContain('```text\nu_ex.log:2');
    expect(md).toContain('```diff\n--- a/web.config');
  });

  it('never lets a fence in the evidence close its code block', () => {
    const tricky = renderMarkdown(diagnose([{ source: 'p', text: 'HTTP/1.1 502 Bad Gateway\nX-Note: ```' }]));
    const fences = tricky.match(/^`{3,}/gm) ?? [];
    expect(fences.length % 2).toBe(0);
  });

  it('says how many values were masked, without promising that nothing secret is left', () => {
    const one = renderMarkdown(diagnose([{ source: 'h', text: 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz012345' }]));
    expect(one).toContain('1 value that looked like a secret was masked; check before you share it further.');
    expect(one).not.toContain('abcdefghijklmnop');
    const two = renderMarkdown(diagnose([{ source: 'h', text: 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz012345\nCookie: .AspNetCore.Session=CfDJ8Nq3vN8xR2mT7wYp4Lz9aB1cDFk8sLq2' }]));
    expect(two).toMatch(/\b2 values that looked like secrets were masked; check before you share it further\./);
    for (const md of [one, two]) expect(md).not.toMatch(/secrets (are|were) masked\)|secrets masked|all secrets|no secrets|nothing secret/i);
  });

  it('escapes table cells', () => {
    const d = diagnose([{ source: 'paste', text: '502' }]);
    d.codes.push({ code: 'X|Y', meaning: 'pipe | inside' });
    expect(renderMarkdown(d)).toContain('| `X\\|Y` | pipe \\| inside |');
  });
});
