/**
 * Runs a test as on a machine without DejaVu Sans: DIAG502_FONT_DIR points at an empty folder for
 * the time of `run`, then is put back as it was.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withoutFont<T>(run: (emptyDir: string) => Promise<T>): Promise<T> {
  const before = process.env.DIAG502_FONT_DIR;
  const empty = mkdtempSync(join(tmpdir(), 'diag502-no-font-'));
  process.env.DIAG502_FONT_DIR = empty;
  try {
    return await run(empty);
  } finally {
    if (before === undefined) delete process.env.DIAG502_FONT_DIR;
    else process.env.DIAG502_FONT_DIR = before;
  }
}
