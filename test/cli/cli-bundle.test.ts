/**
 * The CLI's cold start: bin/diag502.js runs dist/cli.bundle.js (scripts/bundle.js: every module
 * the CLI needs in one file, with a V8 code cache) instead of loading about 250 files. The bundle
 * must answer exactly what the separate modules answer, and must not be used once stale.
 * (How fast it starts is measured by `npm run bench`, not here.)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ALL_SIGNATURES } from '../../src/evidence/signatures';
import { freshDist } from '../helpers/fresh-dist';
import { startPhases } from '../../bench/cold-start';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'diag502.js');
const CASES = join(ROOT, 'test', 'fixtures', 'cases');

/** Runs the CLI from the separate modules of dist/src, as before the bundle. */
const UNBUNDLED = "require(process.argv[1] + '/dist/src/cli.js').runCli(process.argv.slice(2)).then((c) => { process.exitCode = c; })";

beforeAll(() => {
  // `npm install` builds and bundles; do both here too so the test also runs in a fresh working tree.
  freshDist({ bundle: true });
}, 180_000);

function run(args: string[], bundled: boolean): { stdout: string; stderr: string; status: number | null } {
  const r = bundled
    ? spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, ['-e', UNBUNDLED, ROOT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/**
 * Runs the CLI (bundled or not) on every case, in every format, in one process; returns what each
 * run printed and its exit code.
 */
const EVERY_CASE = `
const { join } = require('node:path');
const { readdirSync, statSync, readFileSync } = require('node:fs');
const [root, bundled] = process.argv.slice(1);
const cli = bundled === 'bundle'
  ? new (require('node:vm').Script)(readFileSync(join(root, 'dist', 'cli.bundle.js'), 'latin1')).runInThisContext()(require, root)
  : require(join(root, 'dist', 'src', 'cli.js'));
const cases = join(root, 'test', 'fixtures', 'cases');
(async () => {
  const out = {};
  for (const name of readdirSync(cases).filter((n) => statSync(join(cases, n)).isDirectory())) {
    const files = readdirSync(join(cases, name)).filter((f) => f !== 'expected.json' && f !== 'README.md').map((f) => join(cases, name, f));
    for (const format of [['--json'], ['--format', 'markdown'], ['--verbose']]) {
      let text = '';
      const sink = { write: (chunk) => { text += chunk; return true; } };
      const code = await cli.runCli([...format, ...files], { stdin: process.stdin, stdout: sink, stderr: sink });
      out[name + ' ' + format.join(' ')] = { code, text };
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function everyCase(variant: 'bundle' | 'modules'): Record<string, { code: number; text: string }> {
  const r = spawnSync(process.execPath, ['-e', EVERY_CASE, ROOT, variant], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, { code: number; text: string }>;
}

describe('the bundled CLI', () => {
  it('answers every case exactly as the separate modules do, in every format', () => {
    const bundled = everyCase('bundle');
    expect(Object.keys(bundled).length).toBe(3 * readdirSync(CASES).filter((name) => statSync(join(CASES, name)).isDirectory()).length);
    expect(bundled).toEqual(everyCase('modules'));
  }, 120_000);

  it.each([['--json'], ['--verbose']])('answers a case through bin/diag502.js as the separate modules do (%s)', (format) => {
    const dir = join(CASES, readdirSync(CASES)[0]!);
    const files = readdirSync(dir)
      .filter((f) => f !== 'expected.json' && f !== 'README.md')
      .map((f) => join(dir, f));
    expect(run([format, ...files], true)).toEqual(run([format, ...files], false));
  });

  it('answers --version and a usage error like the separate modules', () => {
    expect(run(['--version'], true)).toEqual(run(['--version'], false));
    expect(run(['--nope'], true)).toEqual(run(['--nope'], false));
  });

  it('loads no compiled module file on a one-line input: the bundle holds them all', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'diag502-bundle-'));
    const input = join(scratch, 'one.txt');
    writeFileSync(input, 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n');
    const spy = join(scratch, 'loaded.js');
    writeFileSync(spy, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(scratch, 'loaded.json'))}, JSON.stringify(Object.keys(require.cache))));\n`);
    const r = spawnSync(process.execPath, ['--require', spy, BIN, input], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('502.5');
    const loaded = (JSON.parse(readFileSync(join(scratch, 'loaded.json'), 'utf8')) as string[]).filter((f) => f !== spy);
    // The launcher's own small helpers, and nothing compiled: the bundle holds it all.
    expect(loaded).toEqual([BIN, join(ROOT, 'bin', 'load-bundle.js'), join(ROOT, 'bin', 'fd-writer.js')]);
  });

  it('marks the phases of its start on stderr when DIAG502_TIMING=1 (for `npm run bench`), and only then', () => {
    const input = join(mkdtempSync(join(tmpdir(), 'diag502-bundle-')), 'one.txt');
    writeFileSync(input, 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n');
    const plain = spawnSync(process.execPath, [BIN, input], { cwd: ROOT, encoding: 'utf8' });
    const timed = spawnSync(process.execPath, [BIN, input], { cwd: ROOT, env: { ...process.env, DIAG502_TIMING: '1' }, encoding: 'utf8' });
    expect(plain.stderr).toBe('');
    expect(startPhases(plain.stderr)).toEqual([]);
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.status).toBe(plain.status);
    const phases = startPhases(timed.stderr);
    expect(phases.map((phase) => phase.name)).toEqual(['launcher', 'bundle read', 'bundle compiled', 'modules initialised', 'diagnosed', 'exit']);
    expect(phases.find((phase) => phase.name === 'bundle compiled')?.detail).toEqual({ codeCache: 'accepted' });
    for (const phase of phases) expect(phase.ms).toBeGreaterThanOrEqual(0);
  });
});

describe('what the bundle holds', () => {
  const bundle = (): string => readFileSync(join(ROOT, 'dist', 'cli.bundle.js'), 'utf8');

  it('is pure ASCII, since the launcher reads it as latin1 (a regex literal in another script would break)', () => {
    expect(bundle()).not.toMatch(/[\u0080-\uffff]/);
  });

  it('reads units in other scripts through the bundle: "120 秒" and "2 минут" are durations', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'diag502-bundle-'));
    const input = join(scratch, 'zh.txt');
    writeFileSync(input, '网关在 120 秒后返回 502 Bad Gateway\nпрокси ждал 2 минут\n');
    const bundled = run(['--json', input], true);
    expect(bundled).toEqual(run(['--json', input], false));
    expect(bundled.stdout).toContain('"clue": "duration.near-120s"');
  });

  it('leaves out the sample lines of signatures, which only the tests read', () => {
    // A sample line of the ANCM catalogue that is no message template of any product.
    const samples = ALL_SIGNATURES.flatMap((s) => [...s.examples.match, ...(s.examples.noMatch ?? [])]);
    expect(samples.length).toBeGreaterThan(1000);
    const text = bundle();
    const kept = samples.filter((line) => line.length > 60 && text.includes(JSON.stringify(line).slice(1, -1)));
    expect(kept.length).toBeLessThan(samples.length / 20);
  });

  it('leaves out the citations of signatures, which only the tests and the docs read', () => {
    // Where each product defines its text: long, read by no run of the CLI.
    const citations = [...new Set(ALL_SIGNATURES.map((s) => s.source))].filter((c) => c.length > 60);
    expect(citations.length).toBeGreaterThan(300);
    const text = bundle();
    const kept = citations.filter((citation) => text.includes(JSON.stringify(citation).slice(1, -1)));
    expect(kept.length).toBeLessThan(citations.length / 20);
  });
});

describe('bin/diag502.js choosing the bundle', () => {
  /** A scratch install: the real launcher, a fake module build and a fake bundle that say which ran. */
  function scratchInstall(bundleTime: Date, buildTime: Date): string {
    const root = mkdtempSync(join(tmpdir(), 'diag502-bundle-'));
    const put = (path: string, text: string, time?: Date): void => {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      if (time) utimesSync(file, time, time);
    };
    mkdirSync(join(root, 'bin'));
    // The launcher and the helpers it requires (load-bundle.js, fd-writer.js): all of bin/.
    for (const name of readdirSync(join(ROOT, 'bin'))) copyFileSync(join(ROOT, 'bin', name), join(root, 'bin', name));
    const cli = (who: string): string => `{ runCli: async () => { process.stdout.write('${who}'); return 0; } }`;
    put('dist/src/cli.js', `module.exports = ${cli('modules')};`);
    put('dist/cli.bundle.js', `(function (nodeRequire, root) { return ${cli('bundle')}; })\n//0123456789abcdef`, bundleTime);
    put('dist/cli.bundle.cache', 'fedcba9876543210 not a code cache');
    put('dist/.tsbuildinfo', '{}', buildTime);
    return root;
  }

  it('runs the bundle when it is as new as the last build', () => {
    const root = scratchInstall(new Date('2026-06-02T00:00:00Z'), new Date('2026-06-01T00:00:00Z'));
    expect(spawnSync(process.execPath, [join(root, 'bin', 'diag502.js')], { encoding: 'utf8' }).stdout).toBe('bundle');
  });

  it('runs the separate modules when tsc built after the bundle was made', () => {
    const root = scratchInstall(new Date('2026-06-01T00:00:00Z'), new Date('2026-06-02T00:00:00Z'));
    expect(spawnSync(process.execPath, [join(root, 'bin', 'diag502.js')], { encoding: 'utf8' }).stdout).toBe('modules');
  });
});
