/**
 * The child-process tests run the COMPILED store (a plain Node child cannot load TypeScript), so
 * dist/ must hold a build at least as new as the store's sources. Builds it when it does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const COMPILED_STORE = join(ROOT, 'dist', 'src', 'conversation', 'store', 'sqlite-store.js');

/** Sources the compiled store is made of, paired with their outputs. */
function pairs(): { source: string; output: string }[] {
  const storeDir = join('src', 'conversation', 'store');
  const sources = [join('src', 'conversation', 'types.ts'), ...readdirSync(join(ROOT, storeDir)).filter((f) => f.endsWith('.ts')).map((f) => join(storeDir, f))];
  return sources.map((source) => ({ source: join(ROOT, source), output: join(ROOT, 'dist', source.replace(/\.ts$/, '.js')) }));
}

function staleOutputs(): string[] {
  return pairs()
    .filter(({ source, output }) => !existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs)
    .map(({ output }) => output);
}

/**
 * Runs `tsc -p tsconfig.build.json` if any store output is missing or older than its source. tsc
 * still emits when files elsewhere in the tree do not type-check (work in progress); only a store
 * output that is still stale afterwards is a failure.
 */
export function ensureCompiledStore(): void {
  if (staleOutputs().length === 0) return;
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  const stale = staleOutputs();
  if (stale.length > 0) {
    throw new Error(`tsc -p tsconfig.build.json did not produce ${stale.join(', ')}:\n${result.stdout}${result.stderr}`);
  }
}
