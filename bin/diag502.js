#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm install`), which also
// bundles it into one file with a V8 code cache (scripts/bundle.js): Node then reads and compiles
// one file instead of about 250, which made most of a short run's time.
// `diag502 big.log | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'cli.bundle.js');
const ID_BYTES = 16;

/**
 * The bundle's text when it is at least as new as the last tsc emit (a later `tsc` alone leaves
 * it stale: the separate modules are then the truth), else undefined.
 */
function freshBundle() {
  try {
    if (statSync(BUNDLE).mtimeMs < statSync(join(ROOT, 'dist', '.tsbuildinfo')).mtimeMs) return undefined;
    return readFileSync(BUNDLE, 'utf8');
  } catch {
    return undefined;
  }
}

/** The code cache made from this very bundle (its build id matches), else undefined. */
function codeCacheFor(text) {
  try {
    const cache = readFileSync(join(ROOT, 'dist', 'cli.bundle.cache'));
    return cache.toString('latin1', 0, ID_BYTES) === text.slice(-ID_BYTES) ? cache.subarray(ID_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

function loadCli() {
  const text = freshBundle();
  if (text === undefined) return require('../dist/src/cli.js');
  const { Script } = require('node:vm');
  return new Script(text, { filename: BUNDLE, cachedData: codeCacheFor(text) }).runInThisContext()(require, ROOT);
}

let cli;
try {
  cli = loadCli();
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  process.stderr.write('diag502: the CLI is not built yet; run `npm install` (or `npm run build`) in the project first.\n');
  process.exit(2);
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
