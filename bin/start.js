#!/usr/bin/env node
'use strict';
/**
 * `npm start`: runs dist/src/main.js, rebuilding first only when a source is newer than what was
 * compiled from it. `npm install` already builds (`prepare`), so a start normally costs one walk
 * over src/ (a few milliseconds) instead of a tsc run (seconds, even with nothing to rebuild).
 *
 * A rebuild is quiet: only tsc's errors are printed. Compiled files whose source was deleted are
 * removed first, so a module that no longer exists cannot be loaded. When the start is certainly
 * the local console, it runs dist/console.bundle.js (made by `npm run build`, fresh only if as new
 * as the last tsc emit): one file to read instead of about 400.
 */
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const ROOT = join(__dirname, '..');

/** Where tsc (tsconfig.build.json) writes what it compiles from src/. */
function outputOf(root, source) {
  const rel = relative(join(root, 'src'), source);
  return join(root, 'dist', 'src', outputName(rel));
}

/** The name tsc gives the output of a source: TypeScript to .js, JSON copied as it is. */
function outputName(name) {
  return name.endsWith('.ts') ? `${name.slice(0, -3)}.js` : name;
}

/** The files tsc compiles or copies from src/: TypeScript (not declarations) and imported JSON. */
function isSource(name) {
  return (name.endsWith('.ts') && !name.endsWith('.d.ts')) || name.endsWith('.json');
}

function isOutput(name) {
  return name.endsWith('.js') || name.endsWith('.js.map') || name.endsWith('.json');
}

function entriesOf(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function mtimeOf(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * What a start must do before running: `missing` sources have no output at all, `newer` ones
 * were changed after their output was written, `deleted` outputs have no source any more.
 * Walks src/ and dist/src/ side by side, one folder at a time (a start pays for this walk).
 */
function staleness(root) {
  const found = { missing: [], newer: [], deleted: [] };
  const visit = (sourceDir, outputDir) => {
    const expected = new Set();
    for (const entry of entriesOf(sourceDir)) {
      const source = `${sourceDir}${sep}${entry.name}`;
      if (entry.isDirectory()) {
        expected.add(entry.name);
        visit(source, `${outputDir}${sep}${entry.name}`);
      } else if (isSource(entry.name)) {
        const name = outputName(entry.name);
        expected.add(name);
        const built = mtimeOf(`${outputDir}${sep}${name}`);
        if (built === undefined) found.missing.push(source);
        else if (mtimeOf(source) > built) found.newer.push(source);
      }
    }
    for (const entry of entriesOf(outputDir)) {
      const output = `${outputDir}${sep}${entry.name}`;
      if (entry.isDirectory()) {
        if (!expected.has(entry.name)) visit(`${sourceDir}${sep}${entry.name}`, output);
      } else if (isOutput(entry.name) && !expected.has(entry.name.endsWith('.map') ? entry.name.slice(0, -4) : entry.name)) {
        found.deleted.push(output);
      }
    }
  };
  visit(join(root, 'src'), join(root, 'dist', 'src'));
  return found;
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
  const { spawnSync } = require('node:child_process');
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

/**
 * Whether this start is certainly the local console: no SLACK_BOT_TOKEN in the environment, nor in
 * the .env file dotenv will read (src/config.ts: without a bot token there is no Slack mode). Only
 * then is the console bundle run; anything less certain runs the separate modules.
 */
function consoleCertain(env = process.env, cwd = process.cwd()) {
  if ('SLACK_BOT_TOKEN' in env || 'DOTENV_CONFIG_PATH' in env || 'DOTENV_KEY' in env) return false;
  let dotenv;
  try {
    dotenv = readFileSync(join(cwd, '.env'), 'utf8');
  } catch (error) {
    return error.code === 'ENOENT';
  }
  return !/^\s*(?:export\s+)?SLACK_BOT_TOKEN\s*[=:]/m.test(dotenv);
}

module.exports = { ensureBuilt, staleness, removeDeleted, outputOf, build, consoleCertain };

if (require.main === module) {
  const code = ensureBuilt();
  if (code !== undefined) process.exitCode = code;
  else if (!consoleCertain() || require('./load-bundle.js').loadBundle(ROOT, 'console') === undefined) require(join(ROOT, 'dist', 'src', 'main.js'));
}
