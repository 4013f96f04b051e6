/**
 * The local console as a person meets it: the real `npm start`, with no Slack credentials, fed by
 * a pipe and, through `script` (a real pseudo-terminal), typed into interactively.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const ROW = '2026-11-20 10:04:51 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015';

/** The environment of a fresh machine: no Slack credentials, a store of its own. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STORE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'diag502-console-')), 'threads.db')}` };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete env[name];
  return env;
}

describe('npm start (local console)', () => {
  it('diagnoses piped input and exits', () => {
    const r = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: cleanEnv(), input: `${FIELDS}\n${ROW}\n`, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toContain('no Slack credentials found');
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stdout).toContain("Most likely: Request ran past ANCM's requestTimeout");
    expect(r.status).toBe(0);
  }, 150_000);

  it('names a malformed variable in one clear message, with no stack trace', () => {
    const env = { ...cleanEnv(), STORE_URL: 'redis://cache:6379', SLACK_BOT_TOKEN: 'xoxp-not-a-bot-token' };
    const r = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env, input: 'x', encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toContain('STORE_URL: must be sqlite:PATH');
    expect(r.stderr).toContain('SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  }, 150_000);

  it('says clearly when nothing was piped in', () => {
    const r = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: cleanEnv(), input: '', encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toContain('nothing was piped in');
    expect(r.status).toBe(2);
  }, 150_000);

  it('behaves like one thread in a terminal: paste, question, command, quit', async () => {
    const session = terminalSession();
    try {
      let at = await session.waitFor(/diag502> /, 0);
      session.type(`${FIELDS}\n${ROW}\n\n`);
      at = await session.waitFor(/Most likely: Request ran past ANCM's requestTimeout/, at);
      session.type('how do I fix it?\n');
      // The answer, not the diagnosis above it, must name the change to make.
      at = await session.waitFor(/how do I fix it\?[\s\S]*requestTimeout/, at);
      session.type('summary\n');
      at = await session.waitFor(/Incident summary/, at);
      await session.waitFor(/message 1 from/, at);
      session.type('exit\n');
      expect(await session.exited).toBe(0);
    } finally {
      session.child.kill();
    }
  }, 150_000);

  it('ends a paste with Ctrl-D, answers it, and exits', async () => {
    const session = terminalSession();
    try {
      const at = await session.waitFor(/diag502> /, 0);
      // No empty line: Ctrl-D (EOT at the start of a line) ends the paste and the session.
      session.type(`${FIELDS}\n${ROW}\n\u0004`);
      await session.waitFor(/Most likely: Request ran past ANCM's requestTimeout/, at);
      expect(await session.exited).toBe(0);
    } finally {
      session.child.kill();
    }
  }, 150_000);
});

/** `npm start` in a real pseudo-terminal (through `script`), so the console runs interactively. */
function terminalSession() {
  const child = spawn('script', ['-qec', 'npm start --silent', '/dev/null'], { cwd: ROOT, env: cleanEnv() }) as ChildProcessWithoutNullStreams;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const waitFor = (pattern: RegExp, from: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const at = output.slice(from).search(pattern);
        if (at >= 0) {
          clearInterval(timer);
          resolve(from + at + 1);
        } else if (Date.now() - started > 90_000) {
          clearInterval(timer);
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`));
        }
      }, 50);
    });
  return { child, exited, waitFor, type: (text: string) => void child.stdin.write(text) };
}
