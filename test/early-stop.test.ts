/**
 * A stop during start-up (SIGTERM from a rolling deploy, Ctrl-C) is a clean exit, not a death by
 * signal: main.ts imports early-stop.ts before anything slow, and the mode that starts takes over.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freshDist } from './helpers/fresh-dist';

const ROOT = join(__dirname, '..');

beforeAll(() => freshDist(), 180_000);

/** Runs `script` with early-stop loaded, sends `signal` once it says "ready", and reports how it ended. */
function stopped(script: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `const early = require(${JSON.stringify(join(ROOT, 'dist', 'src', 'early-stop.js'))}); ${script}; console.log('ready'); setTimeout(() => {}, 10000);`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

describe('stopping while starting', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s before a mode took over ends the process with exit code 0 and one line', async (signal) => {
    const result = await stopped('', signal);
    expect(result).toEqual({ code: 0, signal: null, stderr: `diag502: ${signal} received while starting; stopped\n` });
  });

  it('once a mode took over, the early handler is gone (the mode decides)', async () => {
    const result = await stopped('early.takeOverStopping()', 'SIGTERM');
    expect(result.signal).toBe('SIGTERM');
    expect(result.stderr).toBe('');
  });
});
