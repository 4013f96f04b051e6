/**
 * The SQLite store seen from other processes: a writer killed with SIGKILL mid-stream loses
 * nothing it acknowledged, and two processes appending to one thread at once lose nothing.
 * The children run the compiled store (fixtures/append-child.js requires dist/).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteStore } from '../../../src/conversation/store/sqlite-store';
import type { ThreadKey } from '../../../src/conversation/types';
import { ensureCompiledStore } from './compiled-store';

const CHILD = join(__dirname, 'fixtures', 'append-child.js');
/** The thread append-child.js writes to. */
const KEY: ThreadKey = { surface: 'console', team: 'local', channel: 'store-tests', thread: 'shared' };
/** Same formula as append-child.js. */
const messageText = (writer: string, n: number): string => `${writer} ${n} ` + '0123456789abcdef'.repeat(256);

const dir = mkdtempSync(join(tmpdir(), 'diag502-sqlite-processes-'));
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => ensureCompiledStore(), 120_000);
afterAll(() => {
  // Only if a test failed half-way: never leave a child of ours running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcessWithoutNullStreams;
  /** Every stdout line, as it arrives. */
  onLine(listener: (line: string) => void): void;
  /** Resolves once the process ended and its output was read to the end. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(file: string, writer: string, count: number, wait = false): Run {
  const child = spawn(process.execPath, [CHILD, file, writer, String(count), ...(wait ? ['--wait'] : [])]);
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stderr })),
  );
  return { child, onLine: (listener) => lines.on('line', listener), ended };
}

function integrity(file: string): unknown {
  const db = new BetterSqlite3(file);
  try {
    return db.pragma('integrity_check');
  } finally {
    db.close();
  }
}

it('keeps every acknowledged message whole when the writer is killed with SIGKILL mid-stream', async () => {
  const file = join(dir, 'killed.db');
  // Far more than it can write before the kill: it must die mid-stream, not finish.
  const run = start(file, 'k', 1_000_000);
  let acknowledged = 0;
  run.onLine((line) => {
    const written = /^written (\d+)$/.exec(line);
    if (!written) return;
    acknowledged = Number(written[1]);
    if (acknowledged === 40) run.child.kill('SIGKILL');
  });
  const { signal, stderr } = await run.ended;
  expect({ signal, stderr }).toStrictEqual({ signal: 'SIGKILL', stderr: '' });
  expect(acknowledged).toBeGreaterThanOrEqual(40);

  // The file as the crash left it (WAL included) must be a sound database.
  expect(integrity(file)).toStrictEqual([{ integrity_check: 'ok' }]);

  const store = new SqliteStore(file);
  const messages = (await store.getThread(KEY))!.messages;
  await store.close();
  // Every acknowledged message is there, in order; a write under way at the kill may or may not
  // have made it, but whatever is there is whole.
  expect(messages.length).toBeGreaterThanOrEqual(acknowledged);
  messages.forEach((m, i) => {
    expect(m.messageId).toBe(`k-${i + 1}`);
    expect(m.text).toBe(messageText('k', i + 1));
  });
});

it('keeps every message when two processes append to the same thread at the same time', async () => {
  // A new file: both processes also race to create and migrate it.
  const file = join(dir, 'two-writers.db');
  const perWriter = 120;
  const runs = [start(file, 'a', perWriter, true), start(file, 'b', perWriter, true)];
  // Both open, then both start together.
  await Promise.all(runs.map((run) => new Promise<void>((ready) => run.onLine((line) => line === 'ready' && ready()))));
  for (const run of runs) run.child.stdin.write('go\n');
  const results = await Promise.all(runs.map((run) => run.ended));
  expect(results).toStrictEqual([
    { code: 0, signal: null, stderr: '' },
    { code: 0, signal: null, stderr: '' },
  ]);

  expect(integrity(file)).toStrictEqual([{ integrity_check: 'ok' }]);
  const store = new SqliteStore(file);
  const messages = (await store.getThread(KEY))!.messages;
  await store.close();
  expect(messages).toHaveLength(2 * perWriter);
  for (const writer of ['a', 'b']) {
    // Each writer's own messages in the order it wrote them, every one whole.
    const own = messages.filter((m) => m.author === writer);
    expect(own.map((m) => m.messageId)).toStrictEqual(Array.from({ length: perWriter }, (_, i) => `${writer}-${i + 1}`));
    expect(own.every((m, i) => m.text === messageText(writer, i + 1))).toBe(true);
  }
});
