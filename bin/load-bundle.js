'use strict';
/**
 * Runs a bundle made by scripts/bundle.js (dist/<name>.bundle.js) with its V8 code cache, when the
 * bundle is at least as new as the last tsc emit (a later `tsc` alone leaves it stale: the separate
 * modules of dist/src are then the truth). Returns the entry module's exports, or undefined when
 * there is no fresh bundle.
 *
 * A cache that is missing or that V8 rejects (another Node version) is written again at exit, once.
 *
 * `mark(name, detail)`, when given, is called after each phase (bundle read, compiled, run): the
 * CLI passes one only when asked to time its start (DIAG502_TIMING=1, for `npm run bench`).
 */
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Each bundle ends with `//<id>` and its cache starts with the same id (scripts/bundle.js). */
const ID_BYTES = 16;

function loadBundle(root, name, mark) {
  const bundle = join(root, 'dist', `${name}.bundle.js`);
  const cachePath = join(root, 'dist', `${name}.bundle.cache`);
  let text;
  try {
    if (statSync(bundle).mtimeMs < statSync(join(root, 'dist', '.tsbuildinfo')).mtimeMs) return undefined;
    // The bundle is ASCII (scripts/bundle.js asks esbuild for charset ascii), so latin1 reads the
    // same text, and Node decodes latin1 a few times faster than UTF-8: ~10 ms of a cold start.
    text = readFileSync(bundle, 'latin1');
  } catch {
    return undefined;
  }
  const id = text.slice(-ID_BYTES);
  let cachedData;
  try {
    const cache = readFileSync(cachePath);
    if (cache.toString('latin1', 0, ID_BYTES) === id) cachedData = cache.subarray(ID_BYTES);
  } catch {
    // no cache yet
  }
  mark?.('bundle read');
  const { Script } = require('node:vm');
  const script = new Script(text, { filename: bundle, cachedData });
  mark?.('bundle compiled', { codeCache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted' });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const { Buffer } = require('node:buffer');
        writeFileSync(`${cachePath}.${process.pid}`, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
        renameSync(`${cachePath}.${process.pid}`, cachePath);
      } catch {
        // A read-only install runs without a cache.
      }
    });
  }
  const exports = script.runInThisContext()(require, root);
  mark?.('modules initialised');
  return exports;
}

module.exports = { loadBundle, ID_BYTES };
