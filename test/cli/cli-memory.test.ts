/**
 * The CLI with the team's memory in a file: `--confirm` and `--wrong` record the diagnosis, a later
 * run says "Seen before" first, `memory` lists and `forget ID` removes; a secret in the team's words
 * is never kept; a memory file it cannot use is one line on stderr, exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, EXIT } from '../../src/cli';
import { memoryIo } from '../helpers/streams';

const dir = mkdtempSync(join(tmpdir(), 'diag502-cli-memory-'));
const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const LOG = [FIELDS, '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015'].join('\n');
const logFile = join(dir, 'u_ex261120.log');
writeFileSync(logFile, LOG);
let n = 0;
const memoryFile = (): string => join(dir, `memory-${++n}.json`);

describe('diag502 CLI --memory', () => {
  it('remembers a confirmed diagnosis and says "Seen before" first on the next run, with what fixed it', async () => {
    const file = memoryFile();
    const first = memoryIo();
    expect(await runCli(['--memory', file, '--confirm', 'raised requestTimeout to 5 minutes, password=hunter2', logFile], first.io)).toBe(EXIT.found);
    expect(first.out()).not.toContain('Seen before');
    expect(first.err()).toMatch(/^diag502: remembered as [0-9a-f]{8} \(confirmed\) in /);
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');

    const again = memoryIo();
    expect(await runCli(['--memory', file, logFile], again.io)).toBe(EXIT.found);
    expect(again.out().split('\n')[0]).toMatch(/^Seen before: on \d{4}-\d{2}-\d{2} the team confirmed ".+" \(memory entry [0-9a-f]{8}\)\. What fixed it: \u201craised requestTimeout to 5 minutes, password=\S+\u201d\.$/);
    expect(again.out()).not.toContain('hunter2');

    const json = memoryIo();
    await runCli(['--json', '--memory', file, logFile], json.io);
    expect(JSON.parse(json.out()).memory.confirmed.fixedBy).toMatch(/^raised requestTimeout/);
    // Without --memory nothing is recalled: the JSON contract is the diagnosis alone.
    const plain = memoryIo();
    await runCli(['--json', logFile], plain.io);
    expect(JSON.parse(plain.out()).memory).toBeUndefined();
  });

  it('warns when the diagnosis was marked wrong with --wrong', async () => {
    const file = memoryFile();
    await runCli(['--memory', file, '--wrong', logFile], memoryIo().io);
    const m = memoryIo();
    await runCli(['--memory', file, logFile], m.io);
    expect(m.out().split('\n')[0]).toMatch(/^\u26a0 Last time this diagnosis was marked wrong \(by .+ on \d{4}-\d{2}-\d{2}\)\.$/);
  });

  it('lists with "memory" and removes with "forget ID"; an unknown id exits 1', async () => {
    const file = memoryFile();
    const empty = memoryIo();
    expect(await runCli(['memory', '--memory', file], empty.io)).toBe(EXIT.found);
    expect(empty.out()).toContain("The team's memory is empty");
    const recorded = memoryIo();
    await runCli(['--memory', file, '--confirm', 'more time', logFile], recorded.io);
    const id = /remembered as ([0-9a-f]{8})/.exec(recorded.err())![1]!;
    const listed = memoryIo();
    expect(await runCli(['memory', '--memory', file], listed.io)).toBe(EXIT.found);
    expect(listed.out()).toMatch(new RegExp(`^  ${id}  \\d{4}-\\d{2}-\\d{2}  confirmed ".+" \\(by .+; fixed by: more time\\)$`, 'm'));
    const forgot = memoryIo();
    expect(await runCli(['forget', id, '--memory', file], forgot.io)).toBe(EXIT.found);
    expect(forgot.out()).toBe(`Forgotten: ${id} is no longer in the team's memory.\n`);
    const again = memoryIo();
    expect(await runCli(['forget', id, '--memory', file], again.io)).toBe(EXIT.nothing);
    expect(again.err()).toContain(`holds no entry ${id}`);
  });

  it.each([
    [['--confirm', 'x', 'f.log'], '--confirm and --wrong record in the team\'s memory: add --memory PATH.'],
    [['--memory', 'm.json', '--confirm', 'x', '--wrong', 'f.log'], '--confirm and --wrong contradict each other: give one.'],
    [['memory'], '"memory" works on a memory file: add --memory PATH (a file named memory is read as ./memory).'],
    [['forget', 'nope', '--memory', 'm.json'], '"forget" takes one entry id (8 hex characters, as "diag502 memory" lists them).'],
    [['--memory'], '--memory needs a value.'],
  ])('refuses %j with one usage line', async (argv, message) => {
    const m = memoryIo();
    expect(await runCli(argv, m.io)).toBe(EXIT.usage);
    expect(m.err()).toBe(`diag502: ${message}\n`);
  });

  it('forgets entries older than MEMORY_TTL_DAYS, and refuses a malformed value', async () => {
    const file = memoryFile();
    await runCli(['--memory', file, '--confirm', 'x', logFile], memoryIo().io);
    // An entry written 31 days ago, as a run a month back would have left it.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: { savedMs: number }[] };
    stored.entries[0]!.savedMs -= 31 * 24 * 60 * 60 * 1000;
    writeFileSync(file, JSON.stringify(stored));
    const kept = memoryIo();
    await runCli(['memory', '--memory', file], kept.io, {});
    expect(kept.out()).toContain('1 entry');
    const gone = memoryIo();
    await runCli(['memory', '--memory', file], gone.io, { MEMORY_TTL_DAYS: '30' });
    expect(gone.out()).toContain('memory is empty');
    const bad = memoryIo();
    expect(await runCli(['memory', '--memory', file], bad.io, { MEMORY_TTL_DAYS: '0' })).toBe(EXIT.usage);
    expect(bad.err()).toBe('diag502: MEMORY_TTL_DAYS must be a number of days from 1 to 3650.\n');
  });

  it('a memory file it cannot use is one line on stderr and exit 2, never a stack trace', async () => {
    const file = memoryFile();
    writeFileSync(file, 'not json');
    const m = memoryIo();
    expect(await runCli(['--memory', file, logFile], m.io)).toBe(EXIT.usage);
    expect(m.err()).toBe(`diag502: The memory file ${file} is not valid JSON; fix it, move it away, or pass another --memory path.\n`);
    expect(readFileSync(file, 'utf8')).toBe('not json');
  });
});
