/**
 * Brings dist/ up to date for tests that run the built product (`npm start`, bin/diag502.js), the
 * way bin/start.js does, and bundles the CLI when asked. Jest runs test files in parallel workers:
 * a lock directory (mkdir is atomic) keeps two of them from building at once, so no test sees dist/
 * (or the bundle) change under it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Launcher {
  ensureBuilt(root: string): number | undefined;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function bundleIsStale(): boolean {
  const bundle = join(ROOT, 'dist', 'cli.bundle.js');
  return !existsSync(bundle) || statSync(bundle).mtimeMs < statSync(join(ROOT, 'dist', '.tsbuildinfo')).mtimeMs;
}

export function freshDist({ bundle = false } = {}): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const lock = join(ROOT, 'dist', '.test-build.lock');
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run does not block forever.
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      sleepSync(200);
    }
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const launcher = require('../../bin/start.js') as Launcher;
    const code = launcher.ensureBuilt(ROOT);
    if (code !== undefined) throw new Error(`the build failed (tsc exited with ${code})`);
    if (bundle && bundleIsStale()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.js')], { cwd: ROOT });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
