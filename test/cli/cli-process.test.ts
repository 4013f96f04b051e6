/**
 * Runs the real `diag502` bin as a child process: the exit codes a shell sees, and streaming a
 * log larger than the heap the process is allowed, which proves memory does not grow with the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'diag502.js');

beforeAll(() => {
  // `npm install` builds dist/; build here too so the test also runs in a fresh working tree.
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
}, 120_000);

/** Row i's date and time: by default 10,000 rows a minute from 2026-11-20 10:00. */
const inOneHour = (i: number): string => `2026-11-20 10:${String(Math.floor(i / 60000) % 60).padStart(2, '0')}:00`;

async function writeLog(path: string, rows: number, stampOf: (i: number) => string = inOneHour): Promise<void> {
  const out = createWriteStream(path);
  out.write('#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n');
  for (let i = 0; i < rows; i += 1) {
    const status = i % 50 === 0 ? '502 3 12002 120004' : '200 0 0 15';
    // Distinct URLs and query strings, so nothing can be deduplicated away.
    if (!out.write(`${stampOf(i)} 10.0.0.4 GET /api/items/${i} q=${i} 443 - 203.0.113.${i % 250} Mozilla/5.0+(Windows+NT+10.0) https://example.com/ ${status}\n`)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

describe('diag502 bin', () => {
  it('prints help and exits 0', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: diag502');
  });

  it('exits 2 with one clear line for a missing file', () => {
    const r = spawnSync(process.execPath, [BIN, 'does-not-exist.log'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('diag502: cannot read "does-not-exist.log": no such file');
  });

  it('streams a log more than twice as large as its heap limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag502-big-'));
    const file = join(dir, 'u_ex-big.log');
    await writeLog(file, 600_000);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(80 * 1024 * 1024);
    // 32 MB of old-space heap for an 80+ MB file: only a streaming reader with bounded state survives.
    const r = spawnSync(process.execPath, ['--max-old-space-size=32', BIN, '--json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.inputs[0].lines).toBe(600_001);
    expect(d.stats.iisLog.rows).toBe(600_000);
    expect(d.stats.iisLog.byStatus['502.3']).toBe(12_000);
  }, 120_000);

  it('draws the chart of a log spread over 3 days within a heap smaller than the log, from merged minutes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag502-days-'));
    const file = join(dir, 'u_ex-3-days.log');
    const chart = join(dir, 'timeline.png');
    const rows = 500_000;
    const start = Date.UTC(2026, 10, 18);
    const span = 3 * 24 * 60 * 60 * 1000;
    await writeLog(file, rows, (i) => new Date(start + Math.floor((i * span) / rows)).toISOString().slice(0, 19).replace('T', ' '));
    expect(statSync(file).size).toBeGreaterThan(64 * 1024 * 1024);
    // 32 MB of old-space heap for a 64+ MB file: the rows stream through counters, the chart is drawn from the buckets.
    const r = spawnSync(process.execPath, ['--max-old-space-size=32', BIN, '--json', '--chart', chart, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe(`diag502: chart written to ${chart} The log spans more than 1440 minutes: each bar is 4 minutes.\n`);
    expect(r.status).toBe(0);
    expect(readFileSync(chart).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { timeline } = JSON.parse(r.stdout) as { timeline: { bucketMinutes: number; buckets: { counts: Record<string, number> }[] } };
    expect(timeline.bucketMinutes).toBeGreaterThanOrEqual(2);
    expect(timeline.buckets.length).toBeLessThanOrEqual(1440);
    const counted = (series: string): number => timeline.buckets.reduce((n, b) => n + (b.counts[series] ?? 0), 0);
    expect(counted('2xx') + counted('502.3')).toBe(rows);
    expect(counted('502.3')).toBe(rows / 50);
  }, 60_000);
});
