#!/usr/bin/env node
'use strict';
/**
 * `npm start`: runs dist/src/main.js, rebuilding first only when a source is newer than what was
 * compiled from it. `npm install` already builds (`prepare`), so a start normally costs one walk
 * over src/ (a few milliseconds) instead of a tsc run (seconds, even with nothing to rebuild).
 *
 * A rebuild is quiet: only tsc's errors are printed. Compiled files whose source was deleted are
 * removed first, so a module that no longer exists cannot be loaded.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');

/** Where tsc (tsconfig.build.json) writes what it compiles from src/. */
function outputOf(root, source) {
  const rel = relative(join(root, 'src'), source);
  return join(root, 'dist', 'src', rel.endsWith('.ts') ? `${rel.slice(0, -3)}.js` : rel);
}

/** The files tsc compiles or copies from src/: TypeScript (not declarations) and imported JSON. */
function isSource(name) {
  return (name.endsWith('.ts') && !name.endsWith('.d.ts')) || name.endsWith('.json');
}

function walk(dir, keep, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, keep, out);
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * What a start must do before running: `missing` sources have no output at all, `newer` ones
 * were changed after their output was written, `deleted` outputs have no source any more.
 */
function staleness(root) {
  const sources = walk(join(root, 'src'), isSource);
  const missing = [];
  const newer = [];
  for (const source of sources) {
    const built = mtimeOf(outputOf(root, source));
    if (built === undefined) missing.push(source);
    else if (mtimeOf(source) > built) newer.push(source);
  }
  const expected = new Set(sources.map((s) => outputOf(root, s)));
  const deleted = walk(join(root, 'dist', 'src'), (name) => /\.(js|js\.map|json)$/.test(name)).filter((output) => !expected.has(output.replace(/\.map$/, '')));
  return { missing, newer, deleted };
}

/** Removes compiled files whose source is gone (and their source maps). Returns what it removed. */
function removeDeleted(files) {
  for (const file of files) rmSync(file, { force: true });
  return files;
}

/** Marks a failed build, so the next start builds again (tsc emits even when it reports errors). */
const FAILED_MARK = join('dist', '.start-build-failed');

/**
 * Runs tsc quietly: nothing is printed unless it fails. Returns tsc's exit code. A missing output
 * needs a full build: tsc's incremental state does not notice an output deleted behind its back.
 */
function build(root, { full = false } = {}) {
  if (full) rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (run.error) {
    process.stderr.write(`diag502: could not run tsc to rebuild: ${run.error.message}\n`);
    return 2;
  }
  if (run.status !== 0) process.stderr.write(`${run.stdout}${run.stderr}`);
  return run.status ?? 2;
}

/**
 * Brings dist/src up to date with src/. Returns undefined when it is (after a build if needed),
 * or an exit code when the build failed.
 */
function ensureBuilt(root = ROOT, runBuild = build) {
  const { missing, newer, deleted } = staleness(root);
  removeDeleted(deleted);
  const failedBefore = existsSync(join(root, FAILED_MARK));
  if (missing.length === 0 && newer.length === 0 && !failedBefore) return undefined;
  const code = runBuild(root, { full: missing.length > 0 });
  mkdirSync(join(root, 'dist'), { recursive: true });
  if (code !== 0) {
    writeFileSync(join(root, FAILED_MARK), `tsc exited with ${code}\n`);
    return code;
  }
  rmSync(join(root, FAILED_MARK), { force: true });
  // tsc leaves an output alone when its source was touched but not changed: stamp it as checked,
  // so the next start does not build again for nothing.
  for (const source of newer) {
    const output = outputOf(root, source);
    const sourceTime = mtimeOf(source) ?? 0;
    // A source dated in the future (a copy from another machine) must not force a build per start.
    const stamp = Math.max(Date.now(), sourceTime + 1) / 1000;
    if ((mtimeOf(output) ?? Infinity) < sourceTime) utimesSync(output, stamp, stamp);
  }
  return undefined;
}

module.exports = { ensureBuilt, staleness, removeDeleted, outputOf, build };

if (require.main === module) {
  const code = ensureBuilt();
  if (code !== undefined) process.exitCode = code;
  else require(join(ROOT, 'dist', 'src', 'main.js'));
}
