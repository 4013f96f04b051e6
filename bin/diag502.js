#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm install`), which also
// bundles it into one file with a V8 code cache (scripts/bundle.js): Node then reads and compiles
// one file instead of about 250, which made most of a short run's time.
/**
 * DIAG502_TIMING=1 (bench/cold-start.ts): marks each phase of the start and prints the marks on
 * stderr at exit, as one line `diag502 timing: [[name, ms since Node started, detail], ...]`.
 * Unset, it costs this one lookup.
 */
const timing = process.env.DIAG502_TIMING === '1' ? startTiming() : undefined;
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.js');
const { fdWriter } = require('./fd-writer.js');

/** Where the CLI writes: the descriptors themselves (bin/fd-writer.js says why), or on Windows the process streams. */
function cliIo() {
  if (process.platform === 'win32') {
    // `diag502 big.log | head` closes stdout early; that is not an error worth a stack trace.
    process.stdout.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    return process;
  }
  return {
    get stdin() {
      return process.stdin;
    },
    stdout: fdWriter(1, () => process.stdout),
    stderr: fdWriter(2, () => process.stderr),
  };
}

function loadCli() {
  const bundled = loadBundle(join(__dirname, '..'), 'cli', timing);
  if (bundled !== undefined) return bundled;
  const cli = require('../dist/src/cli.js');
  timing?.('modules loaded');
  return cli;
}

function startTiming() {
  const { performance } = require('node:perf_hooks');
  const mark = (name, detail) => performance.mark(name, { detail });
  mark('launcher');
  process.once('exit', () => {
    mark('exit');
    const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime, m.detail ?? undefined]);
    require('node:fs').writeSync(2, `diag502 timing: ${JSON.stringify(marks)}\n`);
  });
  return mark;
}

let cli;
try {
  cli = loadCli();
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  process.stderr.write('diag502: the CLI is not built yet; run `npm install` (or `npm run build`) in the project first.\n');
  process.exit(2);
}
cli.runCli(process.argv.slice(2), cliIo()).then((code) => {
  timing?.('diagnosed');
  process.exitCode = code;
});
