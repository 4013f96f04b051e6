#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm install`).
// `diag502 big.log | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
let cli;
try {
  cli = require('../dist/src/cli.js');
} catch {
  process.stderr.write('diag502: the CLI is not built yet; run `npm install` (or `npm run build`) in the project first.\n');
  process.exit(2);
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
