import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { EVIDENCE_KINDS, KINDS } from '../../src/evidence/kinds';
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
    expect(m.err()).toBe('diag502: unknown option --frobnicate. Run "diag502 --help" to see the options; a file whose name starts with "-" goes after "--".\n');
    expect(m.err()).not.toMatch(/\n\s+at /);
  });

  it('says an option needs its value in its own words, naming the option', async () => {
    const m = memoryIo();
    expect(await runCli(['--format'], m.io)).toBe(EXIT.usage);
    expect(m.err()).toBe('diag502: --format needs a value (--format text, markdown or json).\n');
  });

  it('lists every evidence kind it reads in --help, each with a one-line example', async () => {
    const m = memoryIo();
    await runCli(['--help'], m.io);
    for (const kind of EVIDENCE_KINDS) {
      const at = m.out().indexOf(`\n  ${kind} `);
      expect(at).toBeGreaterThan(0);
      const example = m.out().slice(at).split('\n')[2]!.trim();
      expect(KINDS[kind].sample.startsWith(example.replace(/\.\.\.$/, ''))).toBe(true);
    }
  });

  it('prints its version with --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      const m = memoryIo();
      expect(await runCli([flag], m.io)).toBe(EXIT.found);
      expect(m.out()).toBe(`${(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version}\n`);
    }
  });

  it('says an empty file is empty, and diagnoses nothing from nothing (exit 2)', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const m = memoryIo();
    expect(await runCli([empty], m.io)).toBe(EXIT.usage);
    expect(m.err()).toBe('diag502: empty.log is empty: nothing to diagnose in it\ndiag502: no text evidence to read\n');
    expect(m.out()).toBe('');
  });

  it('says empty stdin is empty', async () => {
    const m = memoryIo('');
    expect(await runCli([], m.io)).toBe(EXIT.usage);
    expect(m.err()).toContain('diag502: stdin was empty: nothing to diagnose');
  });

  it('says a binary file is binary first, and still reads the text files beside it', async () => {
    const binary = join(dir, 'Application.evtx');
    writeFileSync(binary, Buffer.concat([Buffer.from('ElfFile\u0000'), Buffer.alloc(4000, 0), Buffer.from([1, 2, 3, 200, 201])]));
    const alone = memoryIo();
    expect(await runCli([binary], alone.io)).toBe(EXIT.usage);
    expect(alone.err().split('\n')[0]).toMatch(/^diag502: Application\.evtx looks like a binary file, not text evidence: skipped\./);
    const beside = memoryIo();
    expect(await runCli([binary, logFile], beside.io)).toBe(EXIT.found);
    expect(beside.err()).toMatch(/^diag502: Application\.evtx looks like a binary file/);
    expect(beside.out()).toContain('u_ex261120.log');
    expect(beside.out()).not.toContain('Application.evtx');
  });

  it('reads a UTF-16 file with a byte-order mark (a Windows PowerShell redirect) as text', async () => {
    const events = join(dir, 'events.txt');
    const text = ['Log Name:      Application', 'Source:        IIS AspNetCore Module V2', 'Event ID:      1005', 'Level:         Error', 'Description:', "Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'."].join('\r\n');
    writeFileSync(events, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const m = memoryIo();
    await runCli(['--json', events], m.io);
    const d = JSON.parse(m.out()) as { inputs: { kinds: string[]; lines: number }[]; causes: { evidence: { text: string }[] }[] };
    expect(d.inputs[0]).toMatchObject({ kinds: ['event-log'], lines: 6 });
    expect(JSON.stringify(d)).toContain('Failed to gracefully shutdown');
    expect(m.err()).toBe('');
  });

  it('counts a 5 MB line as one line, and says it was cut', async () => {
    const long = join(dir, 'one-line.log');
    writeFileSync(long, 'x'.repeat(5 * 1024 * 1024));
    const m = memoryIo();
    await runCli(['--json', long], m.io);
    const d = JSON.parse(m.out()) as { inputs: { lines: number }[]; stats: { lines: number }; problems: { line: number; message: string }[] };
    expect(d.inputs[0]!.lines).toBe(1);
    expect(d.stats.lines).toBe(1);
    expect(d.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('Line 1 is longer than') })]);
  });

  it('counts the lines after an over-long line right', async () => {
    const mixed = join(dir, 'long-then-short.log');
    writeFileSync(mixed, `${'y'.repeat(200_000)}\nsecond\nthird 502.3 12002\n`);
    const m = memoryIo();
    await runCli(['--json', mixed], m.io);
    const d = JSON.parse(m.out()) as { inputs: { lines: number }[]; codes: unknown[] };
    expect(d.inputs[0]!.lines).toBe(3);
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
    // `timeline` and `fingerprint` (issue 11) are there because the log's rows carry a time and a
    // cause was named; the contract only grows.
    expect(Object.keys(d).sort()).toEqual(['answer', 'causes', 'codes', 'findings', 'fingerprint', 'inputs', 'layer', 'missing', 'problems', 'redactions', 'schema', 'stats', 'timeline'].sort());
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

  it('answers in one screen by default and gives the full report with --verbose', async () => {
    const short = memoryIo();
    expect(await runCli([logFile], short.io)).toBe(EXIT.found);
    // The default counts what the full report adds; --verbose shows it.
    expect(short.out()).toMatch(/\nRunning again with --verbose adds \d+ decoded codes?, every step and evidence line\.\n$/);
    expect(short.out()).not.toContain('Decoded codes:');
    expect(short.out()).not.toContain('\nEvidence:\n');
    for (const flag of ['--verbose', '-v']) {
      const full = memoryIo();
      expect(await runCli([flag, logFile], full.io)).toBe(EXIT.found);
      expect(full.out()).toMatch(/\nDecoded codes:\n {2}502\.3 +Bad Gateway[^\n]*\n {2}12002 +ERROR_WINHTTP_TIMEOUT/);
      expect(full.out()).toMatch(/\nEvidence:\n {2}u_ex261120\.log:6 [^\n]*\n {2}u_ex261120\.log:5 /);
      expect(full.out()).not.toContain('Running again with --verbose');
    }
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
