#!/usr/bin/env node
'use strict';
/**
 * Bundles the compiled CLI (dist/src/cli.js and every module it requires, the npm packages
 * included) into one file, dist/cli.bundle.js, plus a V8 code cache of it, dist/cli.bundle.cache;
 * and the console (dist/src/main.js) into dist/console.bundle.js. Run by `npm run build` after
 * tsc. bin/diag502.js and bin/start.js load a bundle when it is at least as new as the last tsc
 * emit (dist/.tsbuildinfo), else the separate modules (bin/load-bundle.js).
 *
 * Why: a one-line diagnosis costs little; starting did not. Node spent most of the CLI's extra
 * start-up resolving, reading and compiling about 250 small files (stat calls, package.json
 * lookups, one compile each). One file read and a code cache replace all that.
 *
 * Not a general bundler: it reads tsc's CommonJS output, where every import is a literal
 * `require("…")`. A require it cannot resolve at bundle time (a built-in, a computed name) is left
 * to Node's own require, relative to the module's original file, so it behaves as unbundled.
 */
const { existsSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { builtinModules, createRequire } = require('node:module');
const { randomBytes } = require('node:crypto');
const { Buffer } = require('node:buffer');
const { join, relative, sep } = require('node:path');
const vm = require('node:vm');

const ROOT = join(__dirname, '..');
const ENTRY = join(ROOT, 'dist', 'src', 'cli.js');

const REQUIRE = /\brequire\("([^"\n]+)"\)/g;

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtinModules.includes(spec);
}

/** The file `spec` names from `file`, or undefined when Node must resolve it at run time. */
function resolveFrom(file, spec) {
  if (isBuiltin(spec)) return undefined;
  try {
    const target = createRequire(file).resolve(spec);
    return /\.(c?js|json)$/.test(target) ? target : undefined;
  } catch {
    return undefined;
  }
}

/** Every module reachable from `entry` through literal requires: path → { source, deps }. */
function collect(entry) {
  const modules = new Map();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    if (modules.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const deps = {};
    if (!file.endsWith('.json')) {
      for (const [, spec] of text.matchAll(REQUIRE)) {
        const target = resolveFrom(file, spec);
        if (target === undefined) continue;
        deps[spec] = target;
        queue.push(target);
      }
    }
    modules.set(file, { text, deps });
  }
  return modules;
}

/** A module id: its path from the repository root, with forward slashes. */
function idOf(file) {
  return relative(ROOT, file).split(sep).join('/');
}

const NON_ASCII = /[^\t\n\r -~]/g;
const escapeChar = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The module's code without comments and in ASCII only: non-ASCII characters of names and of
 * string, template and regular-expression literals are written as \u escapes (same value; a tagged template keeps
 * its text, since its tag may read it raw). Node reads an ASCII file several times faster, and
 * comments were half the bytes to read and scan.
 */
function compact(text) {
  const ts = require('typescript');
  const source = ts.createSourceFile('module.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  const literal = (node) =>
    ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isRegularExpressionLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
  const tagged = (node) => {
    for (let up = node.parent; up; up = up.parent) {
      if (ts.isTaggedTemplateExpression(up)) return true;
      if (!ts.isTemplateExpression(up) && !ts.isTemplateSpan(up)) return false;
    }
    return false;
  };
  const visit = (node) => {
    if (literal(node) && !tagged(node)) {
      const start = node.getStart(source);
      const raw = text.slice(start, node.end);
      // A non-ASCII character after a backslash would change meaning once escaped: left as it is.
      if (NON_ASCII.test(raw) && !/\\[^\t\n\r -~]/.test(raw)) edits.push({ start, end: node.end, text: raw.replace(NON_ASCII, escapeChar) });
      NON_ASCII.lastIndex = 0;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let escaped = text;
  for (const edit of edits.reverse()) escaped = `${escaped.slice(0, edit.start)}${edit.text}${escaped.slice(edit.end)}`;
  const printer = ts.createPrinter({ removeComments: true });
  return printer.printFile(ts.createSourceFile('module.js', escaped, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
}

function wrap(file, { text, deps }) {
  const body = file.endsWith('.json') ? `module.exports = ${text.trim().replace(NON_ASCII, escapeChar)};` : compact(text);
  const depIds = Object.fromEntries(Object.entries(deps).map(([spec, target]) => [spec, idOf(target)]));
  return `${JSON.stringify(idOf(file))}: [function (exports, require, module, __filename, __dirname) {\n${body}\n}, ${JSON.stringify(depIds)}]`;
}

/**
 * The bundle is one function expression: given Node's require and the repository root, it returns
 * the entry module's exports. Each module gets the __filename and __dirname of its original file.
 */
function bundleText(modules, entry) {
  return `(function (nodeRequire, root) {
'use strict';
const path = nodeRequire('node:path');
const { createRequire } = nodeRequire('node:module');
const defs = {
${[...modules].map(([file, m]) => wrap(file, m)).join(',\n')}
};
const cache = Object.create(null);
function load(id) {
  const cached = cache[id];
  if (cached) return cached.exports;
  const [fn, deps] = defs[id];
  const filename = path.resolve(root, id);
  const module = { id: filename, filename, exports: {}, loaded: false };
  cache[id] = module;
  let fallback;
  const outside = () => (fallback ??= createRequire(filename));
  const req = (spec) => {
    const dep = deps[spec];
    if (dep !== undefined) return load(dep);
    return spec.startsWith('node:') ? nodeRequire(spec) : outside()(spec);
  };
  req.resolve = (spec) => outside().resolve(spec);
  fn.call(module.exports, module.exports, req, module, filename, path.dirname(filename));
  module.loaded = true;
  return module.exports;
}
return load(${JSON.stringify(idOf(entry))});
})`;
}

/** Compiles and runs the bundle once on a sample, then keeps V8's code for what that run compiled. */
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

/**
 * The bundles: the CLI, and the console (dist/src/main.js, which bin/start.js runs bundled only
 * when no Slack credentials can be set: the Slack app is loaded by a dynamic import, not bundled).
 * The CLI's code cache is made from a sample run; the console's at its first start (bin/load-bundle.js).
 */
const TARGETS = [
  { name: 'cli', entry: ENTRY, sample: true },
  { name: 'console', entry: join(ROOT, 'dist', 'src', 'main.js'), sample: false },
];

async function build({ name, entry, sample }) {
  if (!existsSync(entry)) throw new Error(`${relative(ROOT, entry)} is missing: run tsc first`);
  const bundle = join(ROOT, 'dist', `${name}.bundle.js`);
  const cache = join(ROOT, 'dist', `${name}.bundle.cache`);
  const id = randomBytes(ID_BYTES / 2).toString('hex');
  const text = `${bundleText(collect(entry), entry)}\n//${id}`;
  // Written under temporary names and renamed, so a process starting meanwhile reads a whole file.
  writeFileSync(`${bundle}.tmp`, text);
  rmSync(cache, { force: true });
  renameSync(`${bundle}.tmp`, bundle);
  if (!sample) return;
  writeFileSync(`${cache}.tmp`, Buffer.concat([Buffer.from(id, 'latin1'), await codeCache(text, bundle)]));
  renameSync(`${cache}.tmp`, cache);
}

async function main() {
  for (const target of TARGETS) await build(target);
}

module.exports = { collect, bundleText, idOf, resolveFrom, ID_BYTES };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bundle: ${error.message}\n`);
    process.exitCode = 1;
  });
}
