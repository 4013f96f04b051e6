/**
 * Brings dist/ up to date for tests that run the built product (`npm start`, bin/diag502.js), the
 * way bin/start.js does, and bundles the CLI when asked. Jest runs test files in parallel workers:
 * a lock directory (mkdir is atomic) keeps two of them from building at once, so no test sees dist/
 * (or the bundle) change under it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withDistLock } from '../support/dist-lock';

const ROOT = join(__dirname, '..', '..');

interface Launcher {
  ensureBuilt(root: string): number | undefined;
}


function bundleIsStale(): boolean {
  const bundle = join(ROOT, 'dist', 'cli.bundle.js');
  return !existsSync(bundle) || statSync(bundle).mtimeMs < statSync(join(ROOT, 'dist', '.tsbuildinfo')).mtimeMs;
}

export function freshDist({ bundle = false } = {}): void {
  withDistLock(ROOT, 170_000, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const launcher = require('../../bin/start.js') as Launcher;
    const code = launcher.ensureBuilt(ROOT);
    if (code !== undefined) throw new Error(`the build failed (tsc exited with ${code})`);
    if (bundle && bundleIsStale()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.js')], { cwd: ROOT });
  });
}
