/**
 * The classification module as every face sees it: ranked, honest, tailored, and never thrown off
 * by one broken matcher.
 */
import { diagnose } from '../src/diagnose';
import { CONFIDENCE_WORDS } from '../src/ranking/words';
import { CAUSES } from '../src/causes';
import { defineCause } from '../src/causes/define-cause';
import { renderText } from '../src/render/text';

const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const TIMEOUT_LOG = [
  FIELDS,
  '2026-11-20 10:15:01 10.0.0.4 GET /api/report/yearly - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
  '2026-11-20 10:19:44 10.0.0.4 GET /api/report/yearly - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120031',
  '2026-11-20 10:20:02 10.0.0.4 GET /health - 443 - 203.0.113.9 Mozilla/5.0 - 200 0 0 4',
].join('\n');
const WEB_CONFIG = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <location path="." inheritInChildApplications="false">',
  '    <system.webServer>',
  '      <handlers>',
  '        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
  '      </handlers>',
  '      <aspNetCore processPath="dotnet" arguments=".\\Reports.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess" />',
  '    </system.webServer>',
  '  </location>',
  '</configuration>',
].join('\n');

describe('diagnose', () => {
  it('gives a bare "502" several weak candidates, no layer, and asks for the exact error first', () => {
    const d = diagnose([{ source: 'paste', text: 'the site returns 502 Bad Gateway since 10:00' }]);
    expect(d.causes.length).toBeGreaterThanOrEqual(3);
    // A thin answer: its numbers are raw posteriors, each below the "possible" word.
    for (const c of d.causes) expect(c.confidence).toBeLessThan(CONFIDENCE_WORDS.possible);
    expect(d.answer.confidence).toBeLessThan(CONFIDENCE_WORDS.possible);
    expect(new Set(d.causes.map((c) => c.family)).size).toBeGreaterThanOrEqual(3);
    expect(d.layer).toBeNull();
    expect(d.missing.map((m) => m.kind).slice(0, 3)).toEqual(['error-page', 'iis-log', 'headers']);
    expect(d.causes[0]!.steps[0]).toMatch(/only says "502"/);
  });

  it('does not treat a 502 with a layer header as bare', () => {
    const d = diagnose([{ source: 'headers.txt', text: 'HTTP/2 502\nserver: cloudflare\ncf-ray: 8d2f1c3b4a5e6f70-FRA' }]);
    expect(d.causes.map((c) => c.id)).not.toContain('oop-startup-failure');
    expect(d.layer?.id).toBe('cdn');
  });

  it('is near certain where to look after a 502.3 with 12002 at 120 s, strong about ANCM, and tailors the steps', () => {
    const d = diagnose([{ source: 'u_ex261120.log', text: TIMEOUT_LOG }]);
    const top = d.causes[0]!;
    expect(top.id).toBe('ancm-request-timeout');
    expect(d.answer).toEqual({ kind: 'cause', family: 'request-timeout', confidence: expect.any(Number) });
    expect(d.answer.confidence).toBeGreaterThanOrEqual(CONFIDENCE_WORDS.nearCertain);
    expect(top.confidence).toBeGreaterThanOrEqual(CONFIDENCE_WORDS.strong);
    expect(d.layer?.id).toBe('ancm');
    expect(top.evidence.map((r) => r.line)).toEqual(expect.arrayContaining([2, 3]));
    expect(top.steps.join('\n')).toMatch(/120 s, which is ANCM's default requestTimeout of 2 minutes/);
    expect(d.codes).toEqual(expect.arrayContaining([expect.objectContaining({ code: '502.3' }), expect.objectContaining({ code: '12002', meaning: expect.stringMatching(/ERROR_WINHTTP_TIMEOUT/) })]));
  });

  it('shows the fix as a diff of the user\'s own web.config when one was pasted', () => {
    const d = diagnose([
      { source: 'u_ex261120.log', text: TIMEOUT_LOG },
      { source: 'web.config', text: WEB_CONFIG },
    ]);
    const fix = d.causes[0]!.fix;
    expect(fix.diff).toMatch(/^--- a\/web\.config/m);
    expect(fix.diff).toMatch(/^\+.*requestTimeout="00:04:00"/m);
    expect(fix.diff).toMatch(/^-.*<aspNetCore processPath="dotnet" arguments=".\\Reports.dll"/m);
    expect(fix.snippet).toContain('requestTimeout="00:04:00"');
  });

  it('reads a web.config pasted through Slack (escaped) just the same', () => {
    const escaped = WEB_CONFIG.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const d = diagnose([
      { source: 'message 1', text: TIMEOUT_LOG, slack: true },
      { source: 'message 2', text: escaped, slack: true },
    ]);
    expect(d.causes[0]!.fix.diff).toMatch(/^\+.*requestTimeout=/m);
  });

  it('says exactly how to collect the stdout log, and to turn it off again', () => {
    const d = diagnose([{ source: 'page.html', text: '<title>HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure</title>' }]);
    const stdout = d.missing.find((m) => m.kind === 'stdout-log');
    expect(stdout).toBeDefined();
    expect(stdout!.how).toContain('stdoutLogEnabled="true"');
    expect(stdout!.how).toContain('stdoutLogEnabled="false"');
  });

  it('reports production-readiness findings on a pasted configuration', () => {
    const d = diagnose([{ source: 'web.config', text: WEB_CONFIG.replace('stdoutLogEnabled="false"', 'stdoutLogEnabled="true"') }]);
    expect(d.findings.map((f) => f.id)).toContain('stdout-log-enabled');
  });

  it('flags a short requestTimeout, a processPath published for Linux and an ARR setting on a web.config alone, on the first screen', () => {
    // The three production findings of issue 9, on one web.config pasted with nothing else.
    const config = WEB_CONFIG.replace('processPath="dotnet" arguments=".\\Reports.dll"', 'processPath=".\\Reports"')
      .replace('hostingModel="outofprocess" />', 'hostingModel="outofprocess" requestTimeout="00:01:00" />')
      .replace('    </system.webServer>', '      <proxy enabled="true" timeout="00:10:00" />\n    </system.webServer>');
    const d = diagnose([{ source: 'web.config', text: config }]);
    const findings = ['request-timeout-low', 'process-path-not-windows-executable', 'arr-setting-with-ancm-v2'];
    expect(d.findings.map((f) => f.id)).toEqual(expect.arrayContaining(findings));
    const short = renderText(d);
    expect(short).toMatch(/\nConfiguration findings:\n/);
    expect(short).toContain('requestTimeout="00:01:00" is shorter than ANCM\'s 2-minute default');
    expect(short).toContain('processPath=".\\Reports" has no .exe');
    expect(short).toContain('<proxy timeout="00:10:00"> is ARR\'s server proxy section');
    expect(short).toContain(`adds ${d.findings.length} configuration findings`);
  });

  it('answers honestly when nothing is recognized', () => {
    const d = diagnose([{ source: 'paste', text: 'good morning, coffee is ready' }]);
    expect(d.causes).toEqual([]);
    expect(d.layer).toBeNull();
    expect(d.missing.length).toBeGreaterThan(0);
  });

  it('keeps going when one matcher throws, and says which', () => {
    const broken = defineCause({ ...CAUSES[0]!, id: 'broken-cause', match: () => { throw new Error('boom'); } });
    const d = diagnose([{ source: 'u_ex261120.log', text: TIMEOUT_LOG }], { causes: [broken, ...CAUSES] });
    expect(d.causes[0]!.id).toBe('ancm-request-timeout');
    expect(d.problems).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'Cause broken-cause failed to evaluate: boom' })]));
  });

  it('counts masked secrets and never returns them', () => {
    const d = diagnose([{ source: 'web.config', text: WEB_CONFIG.replace('</handlers>', '</handlers>\n<add name="Db" connectionString="Server=db;Password=Tr0ub4dor&amp;3;" />') }]);
    expect(d.redactions).toBeGreaterThan(0);
    expect(JSON.stringify(d)).not.toContain('Tr0ub4dor');
  });

  it('ranks deterministically: the same evidence gives the same order', () => {
    const a = diagnose([{ source: 'paste', text: '502' }]).causes.map((c) => c.id);
    const b = diagnose([{ source: 'paste', text: '502' }]).causes.map((c) => c.id);
    expect(a).toEqual(b);
  });
});
