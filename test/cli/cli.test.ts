import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, EXIT } from '../../src/cli';
import { memoryIo } from '../helpers/streams';

const dir = mkdtempSync(join(tmpdir(), 'diag502-cli-'));
const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const LOG = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2026-11-20 10:00:00',
  FIELDS,
  '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
  '2026-11-20 10:17:30 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120031',
].join('\n');
const logFile = join(dir, 'u_ex261120.log');
writeFileSync(logFile, LOG);
const proseFile = join(dir, 'notes.txt');
writeFileSync(proseFile, 'Everything was fine, the coffee machine is broken though.\n');

describe('diag502 CLI', () => {
  it('prints usage with --help and exits 0', async () => {
    const m = memoryIo();
    expect(await runCli(['--help'], m.io)).toBe(EXIT.found);
    expect(m.out()).toMatch(/^Usage: diag502 \[options\] \[FILE\.\.\.\]/);
  });

  it('rejects an unknown option with a clear message and exit 2, no stack trace', async () => {
    const m = memoryIo();
    expect(await runCli(['--frobnicate'], m.io)).toBe(EXIT.usage);
    expect(m.err()).toMatch(/^diag502: Unknown option '--frobnicate'/);
    expect(m.err()).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown format', async () => {
    const m = memoryIo();
    expect(await runCli(['--format', 'yaml', logFile], m.io)).toBe(EXIT.usage);
    expect(m.err()).toContain('Unknown format "yaml". Use one of: text, markdown, json.');
  });

  it('names a missing file and a directory clearly, exit 2', async () => {
    const m = memoryIo();
    expect(await runCli([join(dir, 'nope.log')], m.io)).toBe(EXIT.usage);
    expect(m.err()).toContain('no such file');
    const sub = join(dir, 'W3SVC1');
    mkdirSync(sub, { recursive: true });
    const m2 = memoryIo();
    expect(await runCli([sub], m2.io)).toBe(EXIT.usage);
    expect(m2.err()).toContain('it is a directory');
  });

  it('exits 1 and says so honestly when no 502 evidence is recognized', async () => {
    const m = memoryIo();
    expect(await runCli([proseFile], m.io)).toBe(EXIT.nothing);
    expect(m.out()).toContain('No known cause of a 502 was recognized');
    expect(m.out()).toContain('Evidence that would help');
  });

  it('reads stdin when no file is given, and "-" explicitly', async () => {
    const m = memoryIo('HTTP/1.1 502 Bad Gateway\nServer: cloudflare\n');
    await runCli(['--json'], m.io);
    expect(JSON.parse(m.out()).inputs[0].source).toBe('stdin');
    const m2 = memoryIo('x');
    expect(await runCli(['-', '-'], m2.io)).toBe(EXIT.usage);
  });

  it('emits the JSON contract of ARCHITECTURE.md exactly', async () => {
    const m = memoryIo();
    await runCli(['--format', 'json', logFile], m.io);
    const d = JSON.parse(m.out());
    expect(Object.keys(d).sort()).toEqual(['answer', 'causes', 'codes', 'findings', 'inputs', 'layer', 'missing', 'problems', 'redactions', 'schema', 'stats'].sort());
    // The verdict, added in schema 1 (the contract only grows): a cause led, in the timeout family.
    expect(d.answer).toEqual({ kind: 'cause', family: 'request-timeout', confidence: expect.any(Number) });
    expect(d.schema).toBe(1);
    expect(d.inputs[0]).toEqual({ source: 'u_ex261120.log', kinds: ['iis-log'], lines: 6, truncated: false });
    for (const c of d.causes) {
      expect(Object.keys(c).sort()).toEqual(['confidence', 'evidence', 'family', 'fix', 'id', 'references', 'steps', 'title'].sort());
      expect(['startup-failure', 'crash-mid-request', 'request-timeout', 'proxy-origin', 'worker-recycle', 'tls-handshake', 'config-error', 'resource-exhaustion']).toContain(c.family);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      for (const r of c.evidence) {
        // `clue` (the clue the line counted as) was added in schema 1; the contract only grows.
        expect(['clue', 'line', 'source', 'text']).toEqual(expect.arrayContaining(Object.keys(r)));
        expect(Object.keys(r)).toEqual(expect.arrayContaining(['line', 'source', 'text']));
      }
    }
    // Lines quoted for a clue name it.
    expect(d.causes[0].evidence.some((r: { clue?: string }) => typeof r.clue === 'string')).toBe(true);
    for (const c of d.causes) {
      expect(typeof c.fix.summary).toBe('string');
    }
    if (d.layer !== null) expect(['cdn', 'load-balancer', 'reverse-proxy', 'iis', 'ancm', 'app']).toContain(d.layer.id);
    for (const m2 of d.missing) expect(Object.keys(m2)).toEqual(expect.arrayContaining(['what', 'why', 'how']));
    for (const c of d.codes) expect(Object.keys(c).sort()).toEqual(['code', 'meaning']);
    expect(typeof d.redactions).toBe('number');
  });

  it('renders Markdown with a title and fenced evidence', async () => {
    const m = memoryIo();
    await runCli(['-f', 'markdown', logFile], m.io);
    expect(m.out()).toMatch(/^# 502 diagnosis: /);
  });

  it('never echoes a secret from the evidence, in any format', async () => {
    const secretFile = join(dir, 'web.config');
    writeFileSync(
      secretFile,
      [
        '<configuration>',
        '  <connectionStrings>',
        '    <add name="Shop" connectionString="Server=sql01;Database=Shop;User Id=shop;Password=Hunter2-SuperSecret;" />',
        '  </connectionStrings>',
        '  <system.webServer>',
        '    <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" stdoutLogEnabled="true">',
        '      <environmentVariables>',
        '        <environmentVariable name="API_KEY" value="sk_live_TopSecretKey123" />',
        '      </environmentVariables>',
        '    </aspNetCore>',
        '  </system.webServer>',
        '</configuration>',
      ].join('\n'),
    );
    for (const format of ['text', 'markdown', 'json']) {
      const m = memoryIo();
      await runCli(['--format', format, '--verbose', logFile, secretFile], m.io);
      expect(m.out()).not.toContain('Hunter2-SuperSecret');
      expect(m.out()).not.toContain('sk_live_TopSecretKey123');
      if (format === 'json') expect(JSON.parse(m.out()).redactions).toBeGreaterThanOrEqual(2);
    }
  });
});
