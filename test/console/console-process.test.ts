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

  it('says clearly when nothing was piped in', () => {
    const r = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: cleanEnv(), input: '', encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toContain('nothing was piped in');
    expect(r.status).toBe(2);
  }, 150_000);

  it('behaves like one thread in a terminal: paste, question, command, quit', async () => {
    // `script` gives npm start a real terminal, so the console runs interactively.
    const child = spawn('script', ['-qec', 'npm start --silent', '/dev/null'], { cwd: ROOT, env: cleanEnv() }) as ChildProcessWithoutNullStreams;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
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
    const type = (text: string): void => {
      child.stdin.write(text);
    };
    try {
      let at = await waitFor(/diag502> /, 0);
      type(`${FIELDS}\n${ROW}\n\n`);
      at = await waitFor(/Most likely: Request ran past ANCM's requestTimeout/, at);
      type('how do I fix it?\n');
      // The answer, not the diagnosis above it, must name the change to make.
      at = await waitFor(/how do I fix it\?[\s\S]*requestTimeout/, at);
      type('summary\n');
      at = await waitFor(/Incident summary/, at);
      await waitFor(/message 1 from/, at);
      type('exit\n');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
    } finally {
      child.kill();
    }
  }, 150_000);
});
