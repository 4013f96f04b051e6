/**
 * The console with the team's memory: a memory file written by the CLI is recalled first in a
 * console answer, and `memory` and `forget <id>` work there as in a Slack thread. Also the real
 * `npm start -- --memory PATH` with a piped paste.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli';
import { runConsole } from '../../src/console/console';
import { FileMemory } from '../../src/conversation/store/file-memory';
import { MemoryStore } from '../../src/conversation/store/memory-store';
import { memoryIo } from '../helpers/streams';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'diag502-console-memory-'));
const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const LOG = `${FIELDS}\n2026-11-20 10:04:51 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015\n`;
const logFile = join(dir, 'u_ex.log');
writeFileSync(logFile, LOG);

/** One piped message through the console, as `echo … | npm start` gives it. */
async function pipe(text: string, memory: FileMemory): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  await runConsole({ stdin: Readable.from([text]), stdout }, new MemoryStore(), { memory });
  return out;
}

describe('console with --memory', () => {
  it('recalls what the CLI confirmed first, lists it with "memory" and forgets it with "forget <id>"', async () => {
    const file = join(dir, 'shared.json');
    const cli = memoryIo();
    await runCli(['--memory', file, '--confirm', 'raised requestTimeout', logFile], cli.io);
    const id = /remembered as ([0-9a-f]{8})/.exec(cli.err())![1]!;
    const memory = new FileMemory(file);
    expect((await pipe(LOG, memory)).split('\n')[0]).toMatch(/^Seen before: on .+ What fixed it: \u201craised requestTimeout\u201d\.$/);
    expect(await pipe('memory', memory)).toContain(`  ${id}  `);
    expect(await pipe(`forget ${id}`, memory)).toBe(`Forgotten: ${id} is no longer in the team's memory.\n`);
    expect(await pipe(LOG, memory)).not.toContain('Seen before');
  });

  it('npm start -- --memory PATH uses the file; one it cannot use is one line, exit 2', async () => {
    const file = join(dir, 'start.json');
    await runCli(['--memory', file, '--wrong', logFile], memoryIo().io);
    const env: NodeJS.ProcessEnv = { ...process.env, STORE_URL: 'memory:' };
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'MEMORY_FILE']) delete env[name];
    const ok = spawnSync('npm', ['start', '--silent', '--', '--memory', file], { cwd: ROOT, env, input: LOG, encoding: 'utf8', timeout: 120_000 });
    expect(ok.stdout.split('\n')[0]).toMatch(/^\u26a0 Last time this diagnosis was marked wrong/);
    expect(ok.status).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[]');
    const refused = spawnSync('npm', ['start', '--silent', '--', '--memory', bad], { cwd: ROOT, env, input: LOG, encoding: 'utf8', timeout: 120_000 });
    expect(refused.stderr.trim()).toBe(`diag502: The file ${bad} is not a diag502 memory file (version 1); move it away or pass another --memory path.`);
    expect(refused.status).toBe(2);
  }, 150_000);
});
