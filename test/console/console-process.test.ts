/**
 * The local console as a person meets it: the real `npm start`, with no Slack credentials, fed by
 * a pipe and, in a real pseudo-terminal (node-pty), typed into interactively.
 */
import { spawnSync } from 'node:child_process';
import { startPty, type PtySession } from '../helpers/pty';
import { mkdtempSync, readFileSync } from 'node:fs';
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
    const env = { ...cleanEnv(), STORE_URL: 'postgres://cache:5432', SLACK_BOT_TOKEN: 'xoxp-not-a-bot-token' };
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

});

/** `npm start` in a real pseudo-terminal, as a person at a keyboard meets it. */
function terminal(): PtySession {
  return startPty('npm', ['start', '--silent'], { cwd: ROOT, env: cleanEnv(), cols: 100, rows: 50 });
}

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
/** A paste as a terminal sends it in bracketed paste mode: lines end with CR. */
const pasted = (text: string): string => `${PASTE_START}${text.replace(/\n/g, '\r')}${PASTE_END}`;
const count = (text: string, what: string): number => text.split(what).length - 1;
const UP = '\u001b[A';
const LEFT = '\u001b[D';
const RIGHT = '\u001b[C';

describe('the console in a terminal', () => {
  let session: PtySession;
  afterEach(() => session.pty.kill());

  it('turns bracketed paste on, takes a paste with blank lines as one message, and cites "your paste, line N"', async () => {
    session = terminal();
    const at = await session.waitFor(/diag502> /);
    expect(session.raw()).toContain('\u001b[?2004h');
    session.type(pasted(`${FIELDS}\n\n${ROW}\n\n${ROW}`));
    await session.waitFor(/Most likely: Request ran past ANCM's requestTimeout[\s\S]*diag502> /, at);
    expect(count(session.text(), 'diag502: read your paste')).toBe(1);
    expect(session.text()).toContain('diag502: read your paste (iis-log, 5 lines)');
    expect(session.text()).toMatch(/your paste, line [35] {2}2026-11-20 10:04:51/);
    expect(session.text()).not.toMatch(/message \d+:\d+/);
    session.type('exit\r');
    expect(await session.exited).toBe(0);
    expect(session.raw()).toContain('\u001b[?2004l');
  }, 90_000);

  it('collects typed text under a continuation prompt until an empty line', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(`${FIELDS}\r`);
    at = await session.waitFor(/\.\.\.> /, at);
    session.type(`${ROW}\r`);
    at = await session.waitFor(/\.\.\.> /, at);
    expect(session.text()).not.toContain('Most likely');
    session.type('\r');
    await session.waitFor(/Most likely: Request ran past ANCM's requestTimeout/, at);
  }, 90_000);

  it('answers a typed question at once, and Up recalls it', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(pasted(`${FIELDS}\n${ROW}\n`));
    at = await session.waitFor(/Most likely[\s\S]*diag502> /, at);
    session.type('how do I fix it?\r');
    at = await session.waitFor(/requestTimeout[\s\S]*diag502> /, at);
    const answers = count(session.text(), 'how do I fix it?');
    // Up arrow, then Enter: the same question again, from history.
    session.type('\u001b[A');
    await session.waitFor(/how do I fix it\?/, at);
    session.type('\r');
    await session.waitFor(/requestTimeout[\s\S]*requestTimeout[\s\S]*diag502> /, at);
    expect(count(session.text(), 'how do I fix it?')).toBeGreaterThan(answers);
  }, 90_000);

  it('edits a typed question with Ctrl-A, Ctrl-E and the arrows before Enter', async () => {
    /**
     * One key per read, as a person types. (Node's readline takes several keys arriving in one
     * read for a paste and appends their characters at the end of the line, wherever the cursor is.)
     */
    const keyByKey = async (keys: string[]): Promise<void> => {
      for (const key of keys) {
        session.type(key);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    };
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(pasted(`${FIELDS}\n${ROW}\n`));
    at = await session.waitFor(/Most likely[\s\S]*diag502> /, at);
    // "ow do I fx it": Ctrl-A and "h" at the start; Ctrl-E, Left 4 times (before the "x") and "i";
    // Right 4 times back to the end and "?". Any key ignored leaves another line, or one not
    // ending with "?" (then collected, not answered).
    session.type('ow do I fx it');
    await keyByKey(['\u0001', 'h', '\u0005', LEFT, LEFT, LEFT, LEFT, 'i', RIGHT, RIGHT, RIGHT, RIGHT, '?', '\r']);
    at = await session.waitFor(/requestTimeout[\s\S]*diag502> /, at);
    // What was answered is what history holds: Up shows it whole, as readline redraws it.
    session.type(UP);
    await session.waitFor(/diag502> how do I fix it\?/, at, 15_000);
  }, 90_000);

  it('recalls only questions and commands with Up: pasted and typed evidence lines stay out of history', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type('summary\r');
    at = await session.waitFor(/No diagnosis yet[\s\S]*diag502> /, at);
    session.type(pasted(`${FIELDS}\n${ROW}\n`));
    at = await session.waitFor(/Most likely[\s\S]*diag502> /, at);
    session.type(`${FIELDS}\r${ROW}\r\r`);
    at = await session.waitFor(/Most likely[\s\S]*diag502> /, at);
    // The newest entry is the command typed before the evidence.
    session.type(UP);
    at = await session.waitFor(/diag502> summary/, at, 15_000);
    session.type('\r');
    await session.waitFor(/Incident summary[\s\S]*diag502> /, at);
    expect(session.text().slice(at)).not.toContain('...> ');
  }, 90_000);

  it('discards a half-typed line on Ctrl-C and stays', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type('how do I fix');
    at = await session.waitFor(/how do I fix/, at);
    session.type('\u0003');
    at = await session.waitFor(/\^C \(line discarded\)\n[\s\S]*diag502> /, at);
    // Kept, the line would read "how do I fixsummary": no command, so collected under "...>".
    session.type('summary\r');
    await session.waitFor(/No diagnosis yet[\s\S]*diag502> /, at);
    expect(session.text().slice(at)).not.toContain('...> ');
    session.type('exit\r');
    expect(await session.exited).toBe(0);
  }, 90_000);

  it('answers a pasted `Get-WinEvent | Format-List` block, paragraphs and blank lines around it, once as one message', async () => {
    const events = readFileSync(join(ROOT, 'test', 'fixtures', 'cases', 'app-pool-recycle-private-bytes-storm', 'system-events.txt'), 'utf8');
    expect(events.trim().split(/\n\s*\n/)).toHaveLength(3);
    session = terminal();
    const at = await session.waitFor(/diag502> /);
    // PowerShell prints blank lines before and after Format-List output; a copy takes them along.
    session.type(pasted(`\n\n${events.trimEnd()}\n\n\n`));
    await session.waitFor(/Most likely[\s\S]*diag502> /, at);
    const answer = session.text().slice(at);
    expect(count(answer, 'diag502: read your paste')).toBe(1);
    expect(answer).toMatch(/diag502: read your paste \(event-log, \d+ lines\)/);
    expect(count(answer, 'Most likely')).toBe(1);
    expect(answer).toMatch(/your paste, line \d+ +Message +: A worker process with process id of '\d+' serving application pool 'ShopPool'/);
    expect(answer).not.toContain('...> ');
  }, 90_000);

  it('labels a second paste "your paste 2" and a pasted web.config\'s diff a/web.config', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(pasted(readFileSync(join(ROOT, 'examples', 'web.config'), 'utf8')));
    at = await session.waitFor(/diag502: read your paste \(web-config[\s\S]*diag502> /, at);
    session.type(pasted(readFileSync(join(ROOT, 'examples', 'u_ex261120.log'), 'utf8')));
    await session.waitFor(/Most likely: Request ran past ANCM's requestTimeout[\s\S]*diag502> /, at);
    const answer = session.text().slice(at);
    expect(answer).toMatch(/^diag502: read your paste\b.* your paste 2\b/m);
    expect(answer).toMatch(/^ +your paste 2, line \d+ {2}2026-11-20 10:\d\d:\d\d /m);
    // The diff names the file the user has, not the paste: it applies with `git apply`.
    expect(answer).toMatch(/^ *--- a\/web\.config\n *\+\+\+ b\/web\.config$/m);
    expect(answer).not.toMatch(/[ab]\/(your paste|message)/);
  }, 90_000);

  it('ends typed text with Ctrl-D without quitting, and quits on Ctrl-D at an empty prompt', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(`${FIELDS}\r${ROW}\r`);
    at = await session.waitFor(/\.\.\.> [\s\S]*\.\.\.> /, at);
    session.type('\u0004');
    at = await session.waitFor(/Most likely: Request ran past ANCM's requestTimeout[\s\S]*diag502> /, at);
    session.type('summary\r');
    await session.waitFor(/Incident summary[\s\S]*diag502> /, at);
    session.type('\u0004');
    expect(await session.exited).toBe(0);
  }, 90_000);

  it('discards typed text on Ctrl-C and stays; Ctrl-C at an empty prompt quits', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(`${FIELDS}\r${ROW}\r`);
    at = await session.waitFor(/\.\.\.> [\s\S]*\.\.\.> /, at);
    session.type('\u0003');
    at = await session.waitFor(/paste discarded[\s\S]*diag502> /, at);
    session.type('summary\r');
    await session.waitFor(/No diagnosis yet[\s\S]*diag502> /, at);
    expect(session.text()).not.toContain('Most likely');
    session.type('\u0003');
    expect(await session.exited).toBe(0);
  }, 90_000);

  it('clears the screen on Ctrl-L', async () => {
    session = terminal();
    await session.waitFor(/diag502> /);
    const before = session.raw().length;
    session.type('\u000c');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // readline moves the cursor home and clears below it.
    // eslint-disable-next-line no-control-regex -- terminal escapes are control characters
    expect(session.raw().slice(before)).toMatch(/\u001b\[1;1H|\u001b\[H/);
    expect(session.raw().slice(before)).toContain('\u001b[0J');
  }, 90_000);

  it('answers in one screen first, and "details" gives the full report', async () => {
    session = terminal();
    let at = await session.waitFor(/diag502> /);
    session.type(pasted(`${FIELDS}\n${ROW}\n${ROW}`));
    at = await session.waitFor(/Most likely[\s\S]*diag502> /, at);
    const answer = session.text().slice(session.text().lastIndexOf('diag502: read your paste'), at);
    // 45 lines of answer, plus the one line naming the timeline chart's file (issue 11): still one
    // screen of the 50-row terminal, with the prompt.
    expect(answer.split('\n').length).toBeLessThanOrEqual(46);
    expect(answer).toMatch(/^Timeline chart: .+\.png$/m);
    expect(answer).toContain('Fix:');
    expect(answer).toContain('Typing "details" adds');
    expect(answer).not.toContain('Decoded codes:');
    session.type('details\r');
    await session.waitFor(/Decoded codes:[\s\S]*diag502> /, at);
  }, 90_000);
});
