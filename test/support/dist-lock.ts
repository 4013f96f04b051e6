/**
 * One build of dist/ at a time: jest runs test files in parallel workers, and two of them building
 * at once would write the same files. The lock is a directory (mkdir is atomic); a lock left by a
 * killed run is taken over after `waitMs`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function withDistLock<T>(root: string, waitMs: number, build: () => T): T {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const lock = join(root, 'dist', '.test-build.lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      sleepSync(200);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
