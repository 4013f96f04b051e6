/**
 * bin/start.js, the `npm start` launcher: it runs dist/ as built at install time and rebuilds only
 * when a source is newer than its output (or has none), removing outputs whose source is gone.
 * Tested on a scratch project tree, with the tsc run replaced by a recorder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freshDist } from '../helpers/fresh-dist';

interface Launcher {
  ensureBuilt(root: string, runBuild: (root: string, options: { full: boolean }) => number): number | undefined;
  staleness(root: string): { missing: string[]; newer: string[]; deleted: string[] };
  outputOf(root: string, source: string): string;
  consoleCertain(env: NodeJS.ProcessEnv, cwd: string): boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('../../bin/start.js') as Launcher;

const OLD = new Date('2026-01-01T00:00:00Z');
const NEW = new Date('2026-06-01T00:00:00Z');

/** Writes `path` under `root` with the given modification time. */
function put(root: string, path: string, time: Date, text = 'x'): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, time, time);
  return file;
}

/** A project whose dist/ was built after every source was written. */
function freshProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'diag502-start-'));
  put(root, 'src/main.ts', OLD);
  put(root, 'src/ranking/calibration.json', OLD);
  put(root, 'src/ranking/rank.ts', OLD);
  put(root, 'dist/src/main.js', NEW);
  put(root, 'dist/src/main.js.map', NEW);
  put(root, 'dist/src/ranking/calibration.json', NEW);
  put(root, 'dist/src/ranking/rank.js', NEW);
  return root;
}

function recorder(code = 0): { calls: { full: boolean }[]; run: (root: string, options: { full: boolean }) => number } {
  const calls: { full: boolean }[] = [];
  return { calls, run: (_root, options) => (calls.push(options), code) };
}

describe('npm start launcher (bin/start.js)', () => {
  it('maps a source to the file tsc writes for it', () => {
    expect(launcher.outputOf('/r', '/r/src/ranking/rank.ts')).toBe(join('/r', 'dist', 'src', 'ranking', 'rank.js'));
    expect(launcher.outputOf('/r', '/r/src/ranking/calibration.json')).toBe(join('/r', 'dist', 'src', 'ranking', 'calibration.json'));
  });

  it('does not build when every output is newer than its source', () => {
    const root = freshProject();
    const build = recorder();
    expect(launcher.staleness(root)).toEqual({ missing: [], newer: [], deleted: [] });
    expect(launcher.ensureBuilt(root, build.run)).toBeUndefined();
    expect(build.calls).toEqual([]);
  });

  it('builds incrementally when a source (TypeScript or imported JSON) is newer than its output', () => {
    for (const changed of ['src/ranking/rank.ts', 'src/ranking/calibration.json']) {
      const root = freshProject();
      const later = new Date('2026-07-01T00:00:00Z');
      put(root, changed, later);
      expect(launcher.staleness(root).newer).toEqual([join(root, changed)]);
      const build = recorder();
      expect(launcher.ensureBuilt(root, build.run)).toBeUndefined();
      expect(build.calls).toEqual([{ full: false }]);
    }
  });

  it('stamps an output tsc left alone (its source was touched, not changed), so the next start does not build again', () => {
    const root = freshProject();
    put(root, 'src/main.ts', new Date('2026-07-01T00:00:00Z'));
    const first = recorder();
    launcher.ensureBuilt(root, first.run);
    expect(first.calls).toHaveLength(1);
    const second = recorder();
    launcher.ensureBuilt(root, second.run);
    expect(second.calls).toEqual([]);
  });

  it('builds in full when an output is missing (incremental tsc would not notice)', () => {
    const root = freshProject();
    put(root, 'src/conversation/engine.ts', OLD);
    expect(launcher.staleness(root).missing).toEqual([join(root, 'src', 'conversation', 'engine.ts')]);
    const build = recorder();
    launcher.ensureBuilt(root, build.run);
    expect(build.calls).toEqual([{ full: true }]);
  });

  it('removes compiled files (and their source maps) whose source was deleted, without building', () => {
    const root = freshProject();
    const gone = [put(root, 'dist/src/old/module.js', NEW), put(root, 'dist/src/old/module.js.map', NEW), put(root, 'dist/src/old/table.json', NEW)];
    expect(launcher.staleness(root).deleted.sort()).toEqual([...gone].sort());
    const build = recorder();
    expect(launcher.ensureBuilt(root, build.run)).toBeUndefined();
    expect(build.calls).toEqual([]);
    for (const file of gone) expect(existsSync(file)).toBe(false);
    expect(existsSync(join(root, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'src', 'main.js.map'))).toBe(true);
  });

  it('ignores declaration files and leaves dist/ outside dist/src alone', () => {
    const root = freshProject();
    put(root, 'src/types/ambient.d.ts', NEW);
    const bundle = put(root, 'dist/cli.bundle.js', NEW);
    expect(launcher.staleness(root)).toEqual({ missing: [], newer: [], deleted: [] });
    expect(statSync(bundle).isFile()).toBe(true);
  });

  it('returns the failing exit code and builds again at the next start after a failed build', () => {
    const root = freshProject();
    put(root, 'src/main.ts', new Date('2026-07-01T00:00:00Z'));
    expect(launcher.ensureBuilt(root, recorder(2).run)).toBe(2);
    expect(readFileSync(join(root, 'dist', '.start-build-failed'), 'utf8')).toContain('2');
    // tsc emitted anyway (outputs now newer), but the errors were not fixed: build again.
    put(root, 'dist/src/main.js', new Date('2026-08-01T00:00:00Z'));
    const again = recorder();
    expect(launcher.ensureBuilt(root, again.run)).toBeUndefined();
    expect(again.calls).toHaveLength(1);
    expect(existsSync(join(root, 'dist', '.start-build-failed'))).toBe(false);
  });
});

describe('a rebuild by the real launcher (bin/start.js run as `npm start` runs it)', () => {
  /**
   * A scratch checkout with a stale output: the launcher and the bundle loader copied in, and a
   * stub compiler that records its run, prints on both streams like tsc does, and exits with
   * `code`. Returns what the start printed.
   */
  function startAfterChange(code: number): { stdout: string; stderr: string; status: number | null; tscRan: boolean } {
    const root = mkdtempSync(join(tmpdir(), 'diag502-start-quiet-'));
    for (const file of ['start.js', 'load-bundle.js']) put(root, `bin/${file}`, OLD, readFileSync(join(__dirname, '..', '..', 'bin', file), 'utf8'));
    put(root, 'src/main.ts', NEW);
    put(root, 'dist/src/main.js', OLD, "process.stdout.write('console started\\n');\n");
    put(
      root,
      'node_modules/typescript/bin/tsc',
      OLD,
      `require('node:fs').writeFileSync(${JSON.stringify(join(root, 'tsc-ran'))}, process.argv.slice(2).join(' '));
process.stdout.write('src/main.ts(1,7): error TS2322: Type string is not assignable to type number.\\n');
process.stderr.write('tsc: one more line on stderr\\n');
process.exitCode = ${code};
`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete env[name];
    const r = spawnSync(process.execPath, [join(root, 'bin', 'start.js')], { cwd: root, env, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status, tscRan: existsSync(join(root, 'tsc-ran')) };
  }

  it('prints nothing of the build when tsc succeeds, then starts', () => {
    const start = startAfterChange(0);
    expect(start.tscRan).toBe(true);
    expect(start.stderr).toBe('');
    expect(start.stdout).toBe('console started\n');
    expect(start.status).toBe(0);
  });

  it("prints only the compiler's output when tsc fails, and does not start", () => {
    const start = startAfterChange(2);
    expect(start.tscRan).toBe(true);
    expect(start.stderr).toBe('src/main.ts(1,7): error TS2322: Type string is not assignable to type number.\ntsc: one more line on stderr\n');
    expect(start.stdout).toBe('');
    expect(start.status).toBe(2);
  });
});

describe('choosing the console bundle (bin/start.js)', () => {
  const dir = (dotenv?: string): string => {
    const root = mkdtempSync(join(tmpdir(), 'diag502-start-'));
    if (dotenv !== undefined) writeFileSync(join(root, '.env'), dotenv);
    return root;
  };

  it('is certain of the console only with no bot token in the environment or in .env', () => {
    expect(launcher.consoleCertain({}, dir())).toBe(true);
    expect(launcher.consoleCertain({}, dir('STORE_URL=sqlite:x.db\n# SLACK_BOT_TOKEN=xoxb-later\n'))).toBe(true);
    expect(launcher.consoleCertain({ SLACK_BOT_TOKEN: 'xoxb-1' }, dir())).toBe(false);
    // Set but empty still leaves the decision to the configuration.
    expect(launcher.consoleCertain({ SLACK_BOT_TOKEN: '' }, dir())).toBe(false);
    expect(launcher.consoleCertain({}, dir('SLACK_BOT_TOKEN=xoxb-1\n'))).toBe(false);
    expect(launcher.consoleCertain({}, dir('  export SLACK_BOT_TOKEN = "xoxb-1"\n'))).toBe(false);
    expect(launcher.consoleCertain({ DOTENV_CONFIG_PATH: '/elsewhere/.env' }, dir())).toBe(false);
  });
});

describe('npm start on an installed checkout', () => {
  const ROOT = join(__dirname, '..', '..');

  it('answers piped input from dist/ without running tsc when nothing changed, and loads no Slack module', () => {
    // Installed means built and bundled: bring dist/ up to date the way the launcher does.
    freshDist({ bundle: true });
    const scratch = mkdtempSync(join(tmpdir(), 'diag502-start-'));
    // Every Node process npm starts (npm itself, a prestart, tsc) records its script here, and
    // at exit any Slack module it loaded (the console must not load Bolt).
    const log = JSON.stringify(join(scratch, 'argv.log'));
    const spy = put(
      scratch,
      'record-argv.js',
      NEW,
      `const { appendFileSync } = require('node:fs');
appendFileSync(${log}, process.argv.slice(1).join(' ') + '\\n');
process.on('exit', () => {
  const slack = Object.keys(require.cache).filter((f) => /[\\\\/]@slack[\\\\/]|[\\\\/]dist[\\\\/]src[\\\\/]slack[\\\\/]/.test(f));
  if (slack.length > 0) appendFileSync(${log}, 'slack loaded: ' + slack.join(' ') + '\\n');
  const compiled = Object.keys(require.cache).filter((f) => /[\\\\/]dist[\\\\/]src[\\\\/]/.test(f));
  if (compiled.length > 0) appendFileSync(${log}, 'compiled modules loaded: ' + compiled.length + '\\n');
});
`,
    );
    const buildInfo = join(ROOT, 'dist', '.tsbuildinfo');
    const before = statSync(buildInfo).mtimeMs;
    const env: NodeJS.ProcessEnv = { ...process.env, STORE_URL: `sqlite:${join(scratch, 'threads.db')}`, NODE_OPTIONS: `--require ${spy}` };
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete env[name];
    const r = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env, input: 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n', encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toContain('Most likely:');
    expect(r.stdout).toContain('502.5');
    // No build noise: the console's one line about Slack, nothing from npm or tsc.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('no Slack credentials found')]);
    expect(r.status).toBe(0);
    const started = readFileSync(join(scratch, 'argv.log'), 'utf8');
    expect(started).toContain('bin/start.js');
    expect(started).not.toMatch(/tsc|typescript/);
    expect(started).not.toContain('slack loaded');
    // The console bundle ran, not the 400 separate modules.
    expect(started).not.toContain('compiled modules loaded');
    expect(statSync(buildInfo).mtimeMs).toBe(before);
  }, 150_000);

  it('answers piped input from the console bundle exactly as from the separate modules', () => {
    freshDist({ bundle: true });
    const scratch = mkdtempSync(join(tmpdir(), 'diag502-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, STORE_URL: `sqlite:${join(scratch, 'threads.db')}` };
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete env[name];
    const inputs = [
      'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n',
      `${readFileSync(join(ROOT, 'test', 'fixtures', 'cases', 'ancm-request-timeout-default-120s', readdirSync(join(ROOT, 'test', 'fixtures', 'cases', 'ancm-request-timeout-default-120s')).find((f) => f.endsWith('.log')) ?? 'expected.json'), 'utf8')}\nhow do I fix it?\nsummary\n`,
      'hello\n',
    ];
    for (const input of inputs) {
      const run = (script: string): unknown => {
        const r = spawnSync(process.execPath, [join(ROOT, script)], { cwd: ROOT, env: { ...env, STORE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'diag502-start-')), 't.db')}` }, input, encoding: 'utf8' });
        // Times in a summary differ from run to run.
        const stable = (text: string): string => text.replace(/\d{1,2}:\d{2}(:\d{2})?/g, 'HH:MM');
        return { stdout: stable(r.stdout), stderr: stable(r.stderr), status: r.status };
      };
      expect(run('bin/start.js')).toEqual(run('dist/src/main.js'));
    }
  }, 150_000);
});
