#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm install`).
require('../dist/src/cli.js').runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
