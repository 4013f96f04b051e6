/**
 * One redactor guards every exit (issue 7): a paste carrying every planted secret form (55 of
 * them, test/support/planted-secrets.ts) goes through the Slack bot (slash command, mention, a
 * file in a DM, the buttons, a confirmation note), the local console and the CLI in every format
 * (its chart and memory file too); no secret value may come out anywhere: not in a Web API call
 * (text, blocks, metadata, uploaded files), not in a response_url answer, not in the store's files
 * (or, on Redis, its keys and values; the team's memory included), not in a log line, not on
 * stdout, not in a file the CLI writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLANTED } from '../../support/planted-secrets';
import { bigIisLog } from '../blocks/big-inputs';
import { BotProcess, buildIfStale, ROOT, waitFor } from '../../support/slack/bot-process';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from '../../support/slack/fake-slack';
import { dumpUnder, flushPrefix, REDIS_URL, uniquePrefix } from '../../support/redis/redis-test';
import { describeRedis } from '../../helpers/describe-redis';
import { eventCallback } from '../../support/slack/envelopes';

const ROWS = Array.from({ length: 120 }, (_, i) => `2026-11-20 10:${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 ${120000 + i}`);
const PASTE = [
  "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll --AWS:SecretKey=fake-aws-secret-arg', ErrorCode = '0x80004005 : 80008083.",
  ...PLANTED.map((p) => p.text),
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
  ...ROWS,
].join('\n');
const SECRETS = [...new Set(PLANTED.flatMap((p) => p.secrets))];
/**
 * What the team writes when it confirms a diagnosis (`resolved <cause> <note>`, `--confirm`): one
 * line of at most 300 characters in Slack, so a few one-line planted forms. It lands in the team's
 * memory.
 */
const NOTE_FORMS = ['Slack webhook URL', 'GitLab token', 'env file: single-quoted token'];
const NOTE = `raised the limit after ${PLANTED.filter((p) => NOTE_FORMS.includes(p.what))
  .map((p) => p.text)
  .join('; ')}`;

let fake: FakeSlack;
let dir: string;

beforeAll(async () => {
  buildIfStale();
  dir = mkdtempSync(join(tmpdir(), 'diag502-exits-'));
  fake = new FakeSlack();
  await fake.start();
}, 120_000);

afterAll(async () => {
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The secrets found in `text`, for a readable failure. */
function leaked(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

/** Every file the store left in `folder` (database, WAL, journal), as text. */
function storeFiles(folder: string): string {
  return readdirSync(folder)
    .map((name) => readFileSync(join(folder, name)).toString('latin1'))
    .join('\n');
}

test('the paste really carries at least 40 secret forms, and the confirmation note some too', () => {
  expect(PLANTED.length).toBeGreaterThanOrEqual(40);
  expect(leaked(PASTE).length).toBe(SECRETS.length);
  expect(PLANTED.filter((p) => NOTE_FORMS.includes(p.what))).toHaveLength(NOTE_FORMS.length);
  expect(leaked(NOTE).length).toBeGreaterThanOrEqual(NOTE_FORMS.length);
  expect(NOTE.length).toBeLessThan(250);
});

/**
 * The whole Slack round (commands, mentions, a file, the buttons) against one store; `x` keeps
 * each round's channels and ids apart on the shared fake. `contents` gives everything the store
 * holds afterwards, as text, for the leak check.
 */
async function slackRound(x: string, store: { url: string; keyPrefix?: string; contents: () => Promise<string> }): Promise<void> {
  const callsBefore = fake.calls.length;
  const bot = new BotProcess({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: store.url,
    ...(store.keyPrefix ? { STORE_KEY_PREFIX: store.keyPrefix } : {}),
    // Everything Bolt and the bot would log, bodies included.
    LOG_LEVEL: 'debug',
  });
  await bot.start();
  try {
    const sign = (fields: Record<string, string>) => bot.command(fields);
    await sign({ token: 'l', team_id: TEAM_ID, channel_id: `CEXIT1${x}`, user_id: 'U1', user_name: 'a', command: '/diag502', text: PASTE, response_url: fake.responseUrl(`exit-cmd${x}`), trigger_id: `trig.exit1${x}`, api_app_id: 'A' });
    await sign({ token: 'l', team_id: TEAM_ID, channel_id: `CEXIT2${x}`, user_id: 'U1', user_name: 'a', command: '/diag502', text: `private ${PASTE}`, response_url: fake.responseUrl(`exit-private${x}`), trigger_id: `trig.exit2${x}`, api_app_id: 'A' });
    const envelope = eventCallback;
    await bot.event(envelope(`EvExit3${x}`, { type: 'app_mention', user: 'U1', channel: `CEXIT3${x}`, ts: '10.0001', text: `<@${BOT_USER_ID}> ${PASTE}` }));
    // A paste whose answer does not fit Block Kit: its full report is uploaded with it.
    await bot.event(envelope(`EvExit5${x}`, { type: 'app_mention', user: 'U1', channel: `CEXIT5${x}`, ts: '12.0001', text: `<@${BOT_USER_ID}> ${PASTE}\n${bigIisLog(6000)}` }));
    const url = fake.addFile('planted.log', Buffer.from(PASTE));
    await bot.event(envelope(`EvExit4${x}`, { type: 'message', channel_type: 'im', user: 'U1', channel: `DEXIT4${x}`, ts: '11.0001', text: 'see the attached log', subtype: 'file_share', files: [{ id: 'F1', name: 'planted.log', mimetype: 'text/plain', url_private: url, size: PASTE.length }] }));
    await waitFor('every answer', () => [`CEXIT1${x}`, `CEXIT3${x}`, `DEXIT4${x}`, `CEXIT5${x}`].every((c) => fake.delivered(c).length >= 1) && fake.of('response_url').some((c) => c.path === `/response/exit-private${x}`), 30_000);

    // The buttons: the evidence behind the diagnosis and the config change, both privately.
    const diagnosis = fake.delivered(`CEXIT3${x}`)[0]!;
    for (const [action, response] of [
      ['diag502_show_evidence', `exit-evidence${x}`],
      ['diag502_show_fix', `exit-fix${x}`],
    ] as const) {
      await bot.interactive({
        type: 'block_actions',
        team: { id: TEAM_ID, domain: 'x' },
        user: { id: 'U3', username: 'c', team_id: TEAM_ID },
        api_app_id: 'A',
        token: 'l',
        container: { type: 'message', message_ts: diagnosis.ts, channel_id: `CEXIT3${x}`, is_ephemeral: false },
        trigger_id: `trig.${response}`,
        channel: { id: `CEXIT3${x}`, name: 'ops' },
        message: { type: 'message', user: BOT_USER_ID, ts: diagnosis.ts, thread_ts: '10.0001', text: 'diagnosis' },
        response_url: fake.responseUrl(response),
        actions: [{ type: 'button', action_id: action, block_id: 'diag502_actions', value: 'x', action_ts: '1', text: { type: 'plain_text', text: 'x' } }],
      });
    }
    await waitFor('both private details', () => [`exit-evidence${x}`, `exit-fix${x}`].every((id) => fake.of('response_url').some((c) => c.path === `/response/${id}`)), 15_000);

    // The team confirms the diagnosis with a note carrying secrets: it goes to the team's memory.
    const causeId = (diagnosis.metadata as { event_payload: { causes: { id: string }[] } }).event_payload.causes[0]!.id;
    const answered = fake.delivered(`CEXIT3${x}`).length;
    await bot.event(envelope(`EvExit6${x}`, { type: 'app_mention', user: 'U1', channel: `CEXIT3${x}`, ts: '10.0002', thread_ts: '10.0001', text: `<@${BOT_USER_ID}> resolved ${causeId} ${NOTE}` }));
    await waitFor('the resolved answer', () => fake.delivered(`CEXIT3${x}`).length > answered, 15_000);
    await bot.interactive({
      type: 'block_actions',
      team: { id: TEAM_ID, domain: 'x' },
      user: { id: 'U3', username: 'c', team_id: TEAM_ID },
      api_app_id: 'A',
      token: 'l',
      container: { type: 'message', message_ts: diagnosis.ts, channel_id: `CEXIT3${x}`, is_ephemeral: false },
      trigger_id: `trig.exit-confirm${x}`,
      channel: { id: `CEXIT3${x}`, name: 'ops' },
      message: { type: 'message', user: BOT_USER_ID, ts: diagnosis.ts, thread_ts: '10.0001', text: 'diagnosis' },
      response_url: fake.responseUrl(`exit-confirm${x}`),
      actions: [{ type: 'button', action_id: 'diag502_confirm', block_id: 'diag502_actions', value: causeId, action_ts: '2', text: { type: 'plain_text', text: 'x' } }],
    });
    await waitFor('the confirm reaction', () => fake.of('reactions.add').some((c) => c.params.channel === `CEXIT3${x}`), 15_000);
    await waitFor('the report upload', () => fake.of('files.completeUploadExternal').some((c) => c.params.channel_id === `CEXIT5${x}`), 15_000);
  } finally {
    await bot.stop();
  }

  const calls = fake.calls.slice(callsBefore).filter((c) => c.method !== 'file_download');
  expect(calls.filter((c) => c.method === 'chat.postMessage').length).toBeGreaterThanOrEqual(3);
  expect(calls.some((c) => c.method === 'file_upload')).toBe(true);
  expect(calls.some((c) => c.method === 'chat.postMessage' && c.params.metadata)).toBe(true);
  for (const call of calls) expect({ method: call.method, leaked: leaked(call.raw) }).toEqual({ method: call.method, leaked: [] });
  const stored = await store.contents();
  // The store did keep the round's (redacted) evidence and the team's memory entry with its
  // (redacted) note: the check looked at something.
  expect(stored).toContain('ANCM');
  expect(stored).toContain('raised the limit after');
  expect(leaked(stored)).toEqual([]);
  expect(bot.output.length).toBeGreaterThan(0);
  expect(leaked(bot.output)).toEqual([]);
}

test('Slack on SQLite: no secret in any Web API call, response_url answer, uploaded file, store file or log line', async () => {
  const storeDir = join(dir, 'store');
  await slackRound('', { url: `sqlite:${join(storeDir, 'diag502.db')}`, contents: async () => storeFiles(storeDir) });
}, 90_000);

describeRedis('Slack on Redis', () => {
  const prefix = uniquePrefix('secret-exits');
  afterAll(() => flushPrefix(prefix));

  test('no secret in any Web API call, response_url answer, uploaded file, Redis key or value, or log line', async () => {
    await slackRound('r', { url: REDIS_URL!, keyPrefix: prefix, contents: () => dumpUnder(prefix) });
  }, 90_000);
});


test('the CLI in every format, verbose too, prints no secret', () => {
  const file = join(dir, 'planted.log');
  writeFileSync(file, PASTE);
  for (const args of [['--format', 'text'], ['--format', 'markdown'], ['--format', 'json'], ['--verbose'], ['--json', '--verbose']]) {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'diag502.js'), ...args, file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(500);
    expect({ args, leaked: leaked(run.stdout + run.stderr) }).toEqual({ args, leaked: [] });
  }
});

test('the CLI\'s timeline chart (SVG) holds no secret', () => {
  const file = join(dir, 'planted-chart.log');
  // A W3C log after the planted forms: rows with times, so there is a timeline to draw.
  writeFileSync(file, `${PASTE}\n${bigIisLog(600)}`);
  const chart = join(dir, 'timeline.svg');
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'diag502.js'), '--chart', chart, file], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const svg = readFileSync(chart, 'utf8');
  expect(svg).toContain('<svg');
  expect({ leaked: leaked(svg + run.stdout + run.stderr) }).toEqual({ leaked: [] });
});

test('the CLI keeps no secret of a --confirm note in its memory file', () => {
  const file = join(dir, 'planted-memory.log');
  writeFileSync(file, PASTE);
  const memory = join(dir, 'team-memory.json');
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'diag502.js'), '--memory', memory, '--confirm', NOTE, file], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const kept = readFileSync(memory, 'utf8');
  // The entry was recorded, its note with it: the check looked at something.
  expect(kept).toContain('raised the limit after');
  expect({ leaked: leaked(kept + run.stdout + run.stderr) }).toEqual({ leaked: [] });
});

test('the local console prints no secret and keeps none in its store', () => {
  const storeDir = join(dir, 'console-store');
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    input: PASTE,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', STORE_URL: `sqlite:${join(storeDir, 'console.db')}` },
  });
  expect(run.stdout).toContain('Most likely');
  expect(leaked(run.stdout + run.stderr)).toEqual([]);
  expect(existsSync(storeDir)).toBe(true);
  expect(leaked(storeFiles(storeDir))).toEqual([]);
});
