#!/usr/bin/env node
'use strict';
/**
 * Bundles the compiled CLI (dist/src/cli.js and everything it requires, npm packages included)
 * into dist/cli.bundle.js with a V8 code cache (dist/cli.bundle.cache), and the console
 * (dist/src/main.js) into dist/console.bundle.js. Run by `npm run build` after tsc; bundling is
 * esbuild's job, this only wraps its output for bin/load-bundle.js and makes the cache.
 *
 * Why: a one-line diagnosis costs little; starting did not. Node spent most of the CLI's extra
 * start-up resolving, reading and compiling about 250 small files. One file and a code cache
 * replace all that.
 *
 * Each bundle is one function expression: given a require (bin/load-bundle.js's, so a path left
 * outside the bundle resolves from bin/) and the repository root, it returns the entry's exports.
 */
const { existsSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { Buffer } = require('node:buffer');
const { join, relative } = require('node:path');
const vm = require('node:vm');
const esbuild = require('esbuild');

const ROOT = join(__dirname, '..');

/**
 * Left out of the bundles: the native SQLite binding (a .node file); the Slack face, which the
 * console loads only when Slack credentials are set (it then runs the separate modules anyway);
 * the house rule loader, used only when rules are asked for; the chart renderer (Vega, resvg's
 * native binding), loaded only when a chart is drawn; and the libraries the engine loads on first
 * use (XML validation, web.config diffs), which a one-line input never needs: bundled, every start
 * would read and compile them.
 */
const leaveOut = {
  name: 'leave-out',
  setup(build) {
    build.onResolve({ filter: /^(better-sqlite3|fast-xml-parser|diff)$/ }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /\/slack\/app(\.js)?$/ }, () => ({ path: '../dist/src/slack/app.js', external: true }));
    // The house rule loader (zod, yaml) runs only with --rules or DIAG502_RULES_DIR.
    build.onResolve({ filter: /\/rules\/load(\.js)?$/ }, () => ({ path: '../dist/src/rules/load.js', external: true }));
    // The chart renderer pulls in Vega and resvg's native binding; loaded only for a chart.
    build.onResolve({ filter: /\/chart\/render(\.js)?$/ }, () => ({ path: '../dist/src/chart/render.js', external: true }));
  },
};

/**
 * Signature files carry sample lines (`examples: { match, noMatch }`) and citations (`source`:
 * where the product defines the text) that only the tests and the docs read: about a quarter of
 * the CLI bundle, which every run would read and deserialize for nothing. In the bundles the
 * samples become an empty list and the citations an empty string (dist/src keeps both, for the
 * tests and the rule loader). The TypeScript parser finds them, so a string that merely contains
 * "examples:" or "source:" is left alone.
 */
const SIGNATURE_FILE = /[\\/]dist[\\/]src[\\/]evidence[\\/]signatures[\\/][^\\/]+\.js$/;

function withoutTestOnlyData(code, file) {
  const ts = require('typescript');
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const spans = [];
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'examples' && ts.isObjectLiteralExpression(node.initializer)) {
      spans.push([node.initializer.getStart(source), node.initializer.getEnd(), '{ match: [] }']);
      return;
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'source') {
      spans.push([node.initializer.getStart(source), node.initializer.getEnd(), "''"]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, replacement] of spans.reverse()) out = `${out.slice(0, start)}${replacement}${out.slice(end)}`;
  return out;
}

const dropTestOnlyData = {
  name: 'drop-examples',
  setup(build) {
    build.onLoad({ filter: SIGNATURE_FILE }, (args) => ({ contents: withoutTestOnlyData(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }));
  },
};

/** The esbuild output as the function expression bin/load-bundle.js runs. */
function wrapped(code, entry) {
  const filename = JSON.stringify(relative(ROOT, entry).split('\\').join('/'));
  return [
    '(function (require, root) {',
    "'use strict';",
    'const module = { exports: {} };',
    'const exports = module.exports;',
    // Code that locates files next to itself (worker scripts) sees the entry's folder.
    `const __filename = require('node:path').join(root, ${filename});`,
    "const __dirname = require('node:path').dirname(__filename);",
    code,
    'return module.exports;',
    '})',
  ].join('\n');
}

/**
 * The signature scanner's table (src/evidence/signatures/scanner.ts), worked out now from the
 * compiled catalogue and written into the bundle as a literal, so no run works it out again.
 */
function scannerTable() {
  const { ALL_SIGNATURES } = require(join(ROOT, 'dist', 'src', 'evidence', 'signatures', 'index.js'));
  const { scannerTable: make } = require(join(ROOT, 'dist', 'src', 'evidence', 'signatures', 'scanner.js'));
  return JSON.stringify(make(ALL_SIGNATURES));
}

async function bundle(entry) {
  const result = await esbuild.build({
    define: { DIAG502_SCANNER_TABLE: scannerTable() },
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    // Shorter names and syntax: a sixth less to read at every start. keepNames keeps functions'
    // and classes' `.name`, so nothing that reads one (error names) behaves differently.
    minify: true,
    keepNames: true,
    legalComments: 'none',
    // Node reads an ASCII file faster than one it must decode as UTF-8.
    charset: 'ascii',
    logLevel: 'error',
    plugins: [leaveOut, dropTestOnlyData],
  });
  const text = wrapped(result.outputFiles[0].text, entry);
  // bin/load-bundle.js reads the bundle as latin1, which is only right for pure ASCII.
  const wide = /[\u0080-\uffff]/.exec(text);
  if (wide) throw new Error(`${relative(ROOT, entry)}: the bundle has a non-ASCII character (${JSON.stringify(wide[0])}) at ${wide.index}`);
  return text;
}

/** Compiles and runs the CLI bundle on samples, then keeps V8's code for what that run compiled. */
async function codeCache(text, filename) {
  const script = new vm.Script(text, { filename });
  const cli = script.runInThisContext()(require, ROOT);
  const sink = { write: () => true };
  const { Readable } = require('node:stream');
  const sample = (line) => Readable.from([Buffer.from(`${line}\n`)]);
  for (const line of ['HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure', '2026-11-20 10:04:51 10.0.0.5 GET / - 443 - 203.0.113.21 - - 502 3 12002 120015']) {
    await cli.runCli([], { stdin: sample(line), stdout: sink, stderr: sink });
  }
  return script.createCachedData();
}

/**
 * V8 checks a code cache against the length of the source only, so each bundle ends with a build
 * id and its cache starts with the same id: a cache is used only with the bundle it was made from.
 */
const ID_BYTES = 16;

const TARGETS = [
  { name: 'cli', entry: join(ROOT, 'dist', 'src', 'cli.js'), sample: true },
  { name: 'console', entry: join(ROOT, 'dist', 'src', 'main.js'), sample: false },
];

async function build({ name, entry, sample }) {
  if (!existsSync(entry)) throw new Error(`${relative(ROOT, entry)} is missing: run tsc first`);
  const out = join(ROOT, 'dist', `${name}.bundle.js`);
  const cache = join(ROOT, 'dist', `${name}.bundle.cache`);
  const id = randomBytes(ID_BYTES / 2).toString('hex');
  const text = `${await bundle(entry)}\n//${id}`;
  // Written under temporary names and renamed, so a process starting meanwhile reads a whole file.
  writeFileSync(`${out}.tmp`, text);
  rmSync(cache, { force: true });
  renameSync(`${out}.tmp`, out);
  if (!sample) return;
  writeFileSync(`${cache}.tmp`, Buffer.concat([Buffer.from(id, 'latin1'), await codeCache(text, out)]));
  renameSync(`${cache}.tmp`, cache);
}

async function main() {
  for (const target of TARGETS) await build(target);
}

module.exports = { ID_BYTES, bundle, withoutTestOnlyData };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bundle: ${error.message}\n`);
    process.exitCode = 1;
  });
}
